package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/partner"
	"github.com/congportal/cong/internal/store"
)

// "Đồng bộ": the partner outbox for admins — the national portal's status
// sync and the SMS — with what waits, what keeps failing and what stopped
// (dead), and buttons to try a row, or every dead row, again once the
// partner is back or its settings are fixed.

type partnerRow struct {
	ID        int64
	Created   string
	Channel   string
	Kind      string
	To        string
	Status    string
	StatusKey string
	Attempts  int
	Next      string
	Delivered string
	LastError string
	DossierID int64
	Retryable bool
}

type partnerCount struct {
	Channel, Key                          string
	Pending, Failed, Dead, Delivered, All int
}

type partnerOutboxPage struct {
	adminPage
	Rows     []partnerRow
	Total    int
	Counts   []partnerCount
	Channels []roleOption
	Statuses []roleOption
	Channel  string
	Status   string
	Pager    pager
}

const partnerPerPage = 50

func (s *Server) partnerOutbox(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	ctx := r.Context()
	site := s.siteIDOf(r)
	n, err := pageParam(r)
	if err != nil {
		return err
	}
	p := &partnerOutboxPage{adminPage: s.newAdminPage(r, "Đồng bộ và tin nhắn")}
	p.Nav = "partner"
	for _, ch := range partner.Channels {
		p.Channels = append(p.Channels, roleOption{Code: string(ch), Name: ch.Label()})
	}
	for _, st := range partner.Statuses {
		p.Statuses = append(p.Statuses, roleOption{Code: st, Name: partner.StatusLabel(st)})
	}
	f := store.PartnerFilter{SiteID: site, Limit: partnerPerPage, Offset: (n - 1) * partnerPerPage}
	q := r.URL.Query()
	if v := q.Get("kenh"); v != "" {
		if !partner.Channel(v).Valid() {
			return errBadRequest("Kênh không hợp lệ.")
		}
		f.Channel, p.Channel = partner.Channel(v), v
	}
	if v := q.Get("trang-thai"); v != "" {
		if partner.StatusLabel(v) == v {
			return errBadRequest("Trạng thái không hợp lệ.")
		}
		f.Status, p.Status = v, v
	}
	items, total, err := s.st.PartnerOutbox(ctx, f)
	if err != nil {
		return err
	}
	p.Total = total
	counts, err := s.st.PartnerCounts(ctx, site)
	if err != nil {
		return err
	}
	for _, ch := range partner.Channels {
		c := counts[ch]
		p.Counts = append(p.Counts, partnerCount{Channel: ch.Label(), Key: string(ch), Pending: c[partner.StatusPending], Failed: c[partner.StatusFailed],
			Dead: c[partner.StatusDead], Delivered: c[partner.StatusDelivered]})
	}
	fmtTime := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(s.loc).Format("02/01/2006 15:04:05")
	}
	for _, it := range items {
		row := partnerRow{ID: it.ID, Created: fmtTime(it.CreatedAt), Channel: it.Channel.Label(), Kind: dossier.ActionLabel(dossier.Action(it.Kind)),
			To: partner.MaskPhone(it.Recipient), Status: partner.StatusLabel(it.Status), StatusKey: it.Status, Attempts: it.Attempts,
			Delivered: fmtTime(it.DeliveredAt), LastError: it.LastError, DossierID: it.DossierID,
			Retryable: it.Status == partner.StatusDead || it.Status == partner.StatusFailed}
		if it.Status == partner.StatusFailed {
			row.Next = fmtTime(it.NextAttemptAt)
		}
		p.Rows = append(p.Rows, row)
	}
	base := "/quan-tri/dong-bo?"
	if p.Channel != "" {
		base += "kenh=" + url.QueryEscape(p.Channel) + "&"
	}
	if p.Status != "" {
		base += "trang-thai=" + url.QueryEscape(p.Status) + "&"
	}
	p.Pager = pager{Page: n, Pages: pages(total, partnerPerPage), Base: base}
	return s.renderAdmin(w, http.StatusOK, "partner_outbox", p)
}

func (s *Server) partnerRetry(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return errNotFound()
	}
	if err := s.st.RetryPartner(r.Context(), s.siteIDOf(r), id, time.Now()); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return &Error{Status: http.StatusConflict, Code: "conflict", Message: "Sự kiện này không ở trạng thái lỗi hoặc ngừng thử (có thể đã được gửi). Vui lòng tải lại trang."}
		}
		return err
	}
	s.audit(r, "partner.retry", "partner", id, fmt.Sprintf("Gửi lại sự kiện #%d", id))
	http.Redirect(w, r, "/quan-tri/dong-bo?tb=dong-bo-gui-lai", http.StatusSeeOther)
	return nil
}

func (s *Server) partnerRetryDead(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	ch := partner.Channel(formText(r, "kenh"))
	if !ch.Valid() {
		return errBadRequest("Kênh không hợp lệ.")
	}
	n, err := s.st.RetryDeadPartner(r.Context(), s.siteIDOf(r), ch, time.Now())
	if err != nil {
		return err
	}
	s.audit(r, "partner.retry_dead", "partner", 0, fmt.Sprintf("%s: gửi lại %d sự kiện ngừng thử", ch.Label(), n))
	http.Redirect(w, r, "/quan-tri/dong-bo?kenh="+string(ch)+"&tb=dong-bo-gui-lai-het", http.StatusSeeOther)
	return nil
}
