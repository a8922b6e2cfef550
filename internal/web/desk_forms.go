package web

import (
	"errors"
	"mime"
	"net/http"
	"strconv"
	"time"

	"github.com/congportal/cong/internal/calendar"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/forms"
	"github.com/congportal/cong/internal/store"
)

// The forms of TT 01/2018 (mẫu 01–05) on the officer's dossier page, and
// their download as PDF.

// deskApology is the form 04 prompt of the dossier page.
type deskApology struct {
	Show    bool
	Overdue bool
	// Promise is the date the citizen was last given: the latest
	// apology's, else the appointment.
	Promise time.Time
	Min     string // earliest date the picker offers (yyyy-mm-dd)
	Date    string // typed before an error, kept
	Reason  string
}

// fillForms lists the dossier's issued forms and decides whether to prompt
// for an apology: the dossier is at risk of missing its last promise
// (dossier.ApologyNeeded), and the user may work on it.
func (o *officerDesk) fillForms(r *http.Request, sc deskScope, p *deskDetailPage, now time.Time, cal *calendar.Calendar) error {
	var err error
	if p.Forms, err = o.s.st.DossierForms(r.Context(), p.D.ID); err != nil {
		return err
	}
	d := &p.D
	who := sc.actor(d)
	var clock dossier.Clock
	if cal != nil {
		clock = cal
	}
	need, overdue := dossier.ApologyNeeded(d, now, clock)
	if need && who&(dossier.Desk|dossier.Specialist|dossier.Admin) != 0 {
		p.Apology.Show = true
		p.Apology.Overdue = overdue
		p.Apology.Promise = dossier.Promise(d)
		from := now
		if p.Apology.Promise.After(from) {
			from = p.Apology.Promise
		}
		day := calendar.DayOf(from, o.s.loc).AddDays(1)
		for i := 0; i < 60 && cal != nil && !cal.IsWorkingDay(day); i++ {
			day = day.AddDays(1)
		}
		p.Apology.Min = day.String()
	}
	return nil
}

// formPDF sends one of the dossier's forms to an officer of its unit: the
// issued form of that number (the latest, or ?ban=<id> for an earlier
// one), or for 05 without ?ban the control sheet as the dossier stands.
func (o *officerDesk) formPDF(w http.ResponseWriter, r *http.Request) error {
	sc, err := o.scope(r)
	if err != nil {
		return err
	}
	d, err := o.loadDossier(r, sc)
	if err != nil {
		return err
	}
	kind, ok := forms.ParseKind(r.PathValue("form"))
	if !ok {
		return errNotFound()
	}
	id, _ := strconv.ParseInt(r.URL.Query().Get("ban"), 10, 64)
	ctx := r.Context()
	var data forms.Data
	var pdf []byte
	if kind == forms.Control && id == 0 {
		cal, err := o.s.workCalendar(ctx)
		if err != nil {
			return err
		}
		data, err = o.s.st.LiveControlForm(ctx, d, dossier.Classify(&d, time.Now(), cal).String())
		if err != nil {
			return err
		}
		if pdf, err = forms.Render(data, forms.Options{BaseURL: o.s.baseURLOf(r)}); err != nil {
			return err
		}
	} else {
		id, data, err = o.s.st.DossierFormData(ctx, d.ID, kind, id)
		if errors.Is(err, store.ErrNotFound) {
			return &Error{Status: http.StatusNotFound, Code: "not_found", Err: err,
				Message: "Hồ sơ " + d.Code + " chưa có " + lowerFirst(kind.Title()) + " (mẫu " + kind.Number() + "): mẫu này được lập khi hồ sơ đến bước tương ứng."}
		}
		if err != nil {
			return err
		}
		if pdf, err = issuedForms.pdf(o.s, o.s.baseURLOf(r), id, data); err != nil {
			return err
		}
	}
	o.s.audit(r, "dossier.form", "dossier", d.ID, d.Code+": mẫu "+kind.Number())
	writeFormPDF(w, data, pdf)
	return nil
}

func lowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}

// writeFormPDF sends a form inline, so the browser opens it ready to
// print. The PDF is ours, not an upload, so it may be shown; it carries
// personal data, so nothing keeps a copy.
func writeFormPDF(w http.ResponseWriter, data forms.Data, pdf []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": data.FileName()}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, no-store")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Length", strconv.Itoa(len(pdf)))
	w.Write(pdf)
}
