package web

import (
	"html/template"
	"net/http"
	"slices"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/forms"
	"github.com/congportal/cong/internal/store"
)

type deskReceiptPage struct {
	adminPage
	D          dossier.Dossier
	Components []catalogue.Component
	ProcTime   string
	Officer    string
	Place      string
	LookupURL  string
	QR         template.HTML
	HasPDF     bool // form 01 was recorded at receipt (dossiers received before migration 0017 have none)
}

// receipt is the printable "giấy tiếp nhận hồ sơ và hẹn trả kết quả"
// (form 01 of TT 01/2018/TT-VPCP) the desk hands over once a dossier is
// received: the code, the appointment and a QR code to the public lookup.
func (o *officerDesk) receipt(w http.ResponseWriter, r *http.Request) error {
	sc, err := o.scope(r)
	if err != nil {
		return err
	}
	d, err := o.loadDossier(r, sc)
	if err != nil {
		return err
	}
	if d.ReceivedAt.IsZero() {
		return &Error{Status: http.StatusConflict, Code: "not_received",
			Message: "Hồ sơ " + d.Code + " chưa được tiếp nhận (trạng thái “" + d.Status.String() + "”) nên chưa có giấy tiếp nhận và hẹn trả kết quả."}
	}
	ctx := r.Context()
	// The sheet is handed to the citizen: the CCCD number is masked, as
	// on every page but the dossier's own.
	d.ApplicantIDNumber = dossier.MaskID(d.ApplicantIDNumber)
	p := &deskReceiptPage{adminPage: o.s.newAdminPage(r, "Giấy tiếp nhận hồ sơ "+d.Code), D: d}
	if proc, err := o.s.st.ProcedureByID(ctx, o.s.siteIDOf(r), d.ProcedureID); err == nil {
		files, err := o.s.st.DossierFiles(ctx, d.ID)
		if err != nil {
			return err
		}
		p.Components = catalogue.SubmittedComponents(proc.Components, func(id int64) bool {
			return slices.ContainsFunc(files, func(f store.DossierFile) bool { return f.ComponentID == id })
		})
		p.ProcTime = proc.TimeText()
	}
	evs, err := o.s.st.DossierEvents(ctx, d.ID)
	if err != nil {
		return err
	}
	for _, e := range evs {
		if e.To == dossier.Received && e.From == dossier.New {
			p.Officer = e.ActorLabel
		}
	}
	p.Place = "Ngày " + d.ReceivedAt.In(o.s.loc).Format("02") + " tháng " + d.ReceivedAt.In(o.s.loc).Format("01") + " năm " + d.ReceivedAt.In(o.s.loc).Format("2006")
	p.LookupURL = o.s.baseURLOf(r) + "/tra-cuu?ma=" + d.Code
	if p.QR, err = qrSVG(p.LookupURL, "Mã QR tra cứu hồ sơ "+d.Code); err != nil {
		return err
	}
	recorded, err := o.s.st.DossierForms(ctx, d.ID)
	if err != nil {
		return err
	}
	for _, f := range recorded {
		p.HasPDF = p.HasPDF || f.Kind == forms.Receipt
	}
	o.s.audit(r, "dossier.receipt", "dossier", d.ID, d.Code)
	return o.render(w, http.StatusOK, "desk_receipt", p)
}
