package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/mail"
	"github.com/congportal/cong/internal/store"
)

// The mail outbox for admins: what was sent, what waits and why, what failed
// for good — with a button to try a failed message again once the relay's
// settings are fixed.

var mailStatusNames = map[string]string{mail.StatusQueued: "Đang chờ gửi", mail.StatusSent: "Đã gửi", mail.StatusFailed: "Gửi thất bại"}

type mailRow struct {
	ID        int64
	Created   string
	Kind      string
	To        string
	Subject   string
	Status    string
	StatusKey string
	Attempts  int
	Next      string
	Sent      string
	LastError string
	DossierID int64
}

type mailOutboxPage struct {
	adminPage
	Rows     []mailRow
	Total    int
	Counts   map[string]int
	Statuses []roleOption
	Status   string
	Pager    pager
}

const mailPerPage = 50

func (s *Server) mailOutbox(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	ctx := r.Context()
	n, err := pageParam(r)
	if err != nil {
		return err
	}
	p := &mailOutboxPage{adminPage: s.newAdminPage(r, "Thư điện tử thông báo"), Statuses: []roleOption{
		{Code: mail.StatusQueued, Name: mailStatusNames[mail.StatusQueued]},
		{Code: mail.StatusFailed, Name: mailStatusNames[mail.StatusFailed]},
		{Code: mail.StatusSent, Name: mailStatusNames[mail.StatusSent]}}}
	p.Nav = "mail"
	f := store.OutboxFilter{SiteID: s.siteIDOf(r), Limit: mailPerPage, Offset: (n - 1) * mailPerPage}
	if v := r.URL.Query().Get("trang-thai"); v != "" {
		if _, ok := mailStatusNames[v]; !ok {
			return errBadRequest("Trạng thái thư không hợp lệ.")
		}
		f.Status, p.Status = v, v
	}
	items, total, err := s.st.Outbox(ctx, f)
	if err != nil {
		return err
	}
	p.Total = total
	if p.Counts, err = s.st.OutboxCounts(ctx, s.siteIDOf(r)); err != nil {
		return err
	}
	fmtTime := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(s.loc).Format("02/01/2006 15:04")
	}
	for _, it := range items {
		row := mailRow{ID: it.ID, Created: fmtTime(it.CreatedAt), Kind: it.Kind.Label(), To: it.To, Status: mailStatusNames[it.Status],
			StatusKey: it.Status, Attempts: it.Attempts, Sent: fmtTime(it.SentAt), LastError: it.LastError, DossierID: it.DossierID}
		if it.Status == mail.StatusQueued {
			row.Next = fmtTime(it.NextAttemptAt)
		}
		row.Subject = it.Subject()
		p.Rows = append(p.Rows, row)
	}
	base := "/quan-tri/thu-dien-tu?"
	if p.Status != "" {
		base += "trang-thai=" + url.QueryEscape(p.Status) + "&"
	}
	p.Pager = pager{Page: n, Pages: pages(total, mailPerPage), Base: base}
	return s.renderAdmin(w, http.StatusOK, "mail_outbox", p)
}

func (s *Server) mailRequeue(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return errNotFound()
	}
	if err := s.st.RequeueMail(r.Context(), s.siteIDOf(r), id, time.Now()); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return &Error{Status: http.StatusConflict, Code: "conflict", Message: "Thư này không ở trạng thái gửi thất bại (có thể đã được gửi lại). Vui lòng tải lại trang."}
		}
		return err
	}
	s.audit(r, "mail.requeue", "mail", id, fmt.Sprintf("Gửi lại thư #%d", id))
	http.Redirect(w, r, "/quan-tri/thu-dien-tu?trang-thai=queued&tb=thu-gui-lai", http.StatusSeeOther)
	return nil
}
