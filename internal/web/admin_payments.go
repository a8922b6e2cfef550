package web

import (
	"net/http"
	"net/url"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/payment"
	"github.com/congportal/cong/internal/store"
)

// The admin's "Thanh toán" page: every payment row of the site, filtered
// by state or to the mismatches that a refused callback or the daily
// reconciliation flagged, with the refunds owed and their last error.

const paymentsPerPage = 50

type paymentsPage struct {
	adminPage
	Rows     []store.Payment
	Total    int
	State    string
	Mismatch bool
	States   []payment.State
	PayOn    bool
	Pager    pager
}

func (s *Server) adminPayments(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	n, err := pageParam(r)
	if err != nil {
		return err
	}
	p := &paymentsPage{adminPage: s.newAdminPage(r, "Thanh toán"), States: payment.States, PayOn: s.pay != nil}
	p.Nav = "payments"
	f := store.PaymentFilter{SiteID: s.siteIDOf(r), Limit: paymentsPerPage, Offset: (n - 1) * paymentsPerPage}
	q := r.URL.Query()
	if v := q.Get("trang-thai"); v != "" {
		if !payment.State(v).Valid() {
			return errBadRequest("Trạng thái thanh toán không hợp lệ.")
		}
		f.State, p.State = payment.State(v), v
	}
	if q.Get("sai-lech") == "1" {
		f.MismatchOnly, p.Mismatch = true, true
	}
	if p.Rows, p.Total, err = s.st.Payments(r.Context(), f); err != nil {
		return err
	}
	base := "/quan-tri/thanh-toan?"
	if p.State != "" {
		base += "trang-thai=" + url.QueryEscape(p.State) + "&"
	}
	if p.Mismatch {
		base += "sai-lech=1&"
	}
	p.Pager = pager{Page: n, Pages: pages(p.Total, paymentsPerPage), Base: base}
	return s.renderAdmin(w, http.StatusOK, "payments", p)
}

// paymentReceipt is the officer's copy of a payment receipt; loadDossier
// checks that the dossier is the officer's.
func (o *officerDesk) paymentReceipt(w http.ResponseWriter, r *http.Request) error {
	sc, err := o.scope(r)
	if err != nil {
		return err
	}
	d, err := o.loadDossier(r, sc)
	if err != nil {
		return err
	}
	return o.s.paymentReceipt(w, r, d.ID)
}
