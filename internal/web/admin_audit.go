package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/store"
)

type auditRow struct {
	At         string
	Username   string
	Action     string
	ActionName string
	Object     string
	ObjectURL  string
	Detail     string
	IP         string
}

type auditPage struct {
	adminPage
	Rows    []auditRow
	Total   int
	Pager   pager
	Actions []roleOption // code and Vietnamese name
	Users   []string
	F       struct{ User, Action, From, To string }
	Message string
}

const auditPerPage = 50

// parseDay reads a date from a date input (yyyy-mm-dd) or typed the
// Vietnamese way (dd/mm/yyyy), as the start of that day in the site's zone.
func parseDay(v string, loc *time.Location) (time.Time, bool) {
	v = strings.TrimSpace(v)
	for _, layout := range []string{"2006-01-02", "2/1/2006", "2-1-2006", "2.1.2006"} {
		if t, err := time.ParseInLocation(layout, v, loc); err == nil && t.Year() >= 2000 && t.Year() <= 2200 {
			return t, true
		}
	}
	return time.Time{}, false
}

// auditLog is the read-only audit log with filters; nothing anywhere can
// change or delete its entries (the database refuses it too).
func (s *Server) auditLog(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActViewAudit); err != nil {
		return err
	}
	ctx := r.Context()
	n, err := pageParam(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	p := &auditPage{adminPage: s.newAdminPage(r, "Nhật ký hệ thống")}
	p.Nav = "audit"
	f := store.AuditFilter{SiteID: s.siteIDOf(r), Limit: auditPerPage, Offset: (n - 1) * auditPerPage}
	var msgs []string
	if v := store.NormalizeUsername(strings.ToValidUTF8(q.Get("nguoi-dung"), "")); v != "" && len(v) <= 100 {
		f.Username, p.F.User = v, v
	}
	if v := strings.ToValidUTF8(q.Get("hanh-dong"), ""); v != "" && len(v) <= 100 {
		f.Action, p.F.Action = v, v
	}
	if v := q.Get("tu-ngay"); v != "" {
		if t, ok := parseDay(v, s.loc); ok {
			f.From, p.F.From = t, t.Format("2006-01-02")
		} else {
			msgs = append(msgs, "Ngày bắt đầu không hợp lệ (dùng dd/mm/yyyy, ví dụ 05/10/2026); bộ lọc này chưa được áp dụng.")
		}
	}
	if v := q.Get("den-ngay"); v != "" {
		if t, ok := parseDay(v, s.loc); ok {
			f.To, p.F.To = t.AddDate(0, 0, 1), t.Format("2006-01-02")
		} else {
			msgs = append(msgs, "Ngày kết thúc không hợp lệ (dùng dd/mm/yyyy, ví dụ 31/10/2026); bộ lọc này chưa được áp dụng.")
		}
	}
	if !f.From.IsZero() && !f.To.IsZero() && !f.From.Before(f.To) {
		msgs = append(msgs, "Ngày bắt đầu sau ngày kết thúc: không có mục nào trong khoảng này.")
	}
	p.Message = strings.Join(msgs, " ")
	if p.Total, err = s.st.AuditCount(ctx, f); err != nil {
		return err
	}
	entries, err := s.st.AuditLog(ctx, f)
	if err != nil {
		return err
	}
	for _, e := range entries {
		row := auditRow{At: e.At.In(s.loc).Format("02/01/2006 15:04:05"), Username: e.Username, Action: e.Action, ActionName: auditActionName(e.Action), Detail: e.Detail, IP: e.IP}
		if e.ObjectType != "" {
			name := auditObjectNames[e.ObjectType]
			if name == "" {
				name = e.ObjectType
			}
			row.Object = name
			if e.ObjectID != 0 {
				id := strconv.FormatInt(e.ObjectID, 10)
				row.Object += " #" + id
				switch e.ObjectType {
				case "article":
					row.ObjectURL = "/quan-tri/bai-viet/" + id
				case "user":
					row.ObjectURL = "/quan-tri/nguoi-dung/" + id
				case "category":
					row.ObjectURL = "/quan-tri/chuyen-muc/" + id
				case "dossier":
					row.ObjectURL = "/quan-tri/ho-so/" + id
				}
			}
		}
		p.Rows = append(p.Rows, row)
	}
	actions, err := s.st.AuditActions(ctx, s.siteIDOf(r))
	if err != nil {
		return err
	}
	for _, a := range actions {
		p.Actions = append(p.Actions, roleOption{Code: a, Name: auditActionName(a)})
	}
	users, err := s.st.Users(ctx, s.siteIDOf(r))
	if err != nil {
		return err
	}
	for _, u := range users {
		p.Users = append(p.Users, u.Username)
	}
	base := url.Values{}
	for k, v := range map[string]string{"nguoi-dung": p.F.User, "hanh-dong": p.F.Action, "tu-ngay": p.F.From, "den-ngay": p.F.To} {
		if v != "" {
			base.Set(k, v)
		}
	}
	p.Pager = pager{Page: n, Pages: pages(p.Total, auditPerPage), Base: "/quan-tri/nhat-ky?" + base.Encode()}
	if len(base) > 0 {
		p.Pager.Base += "&"
	}
	return s.renderAdmin(w, http.StatusOK, "audit", p)
}
