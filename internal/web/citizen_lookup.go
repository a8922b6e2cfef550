package web

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/store"
)

// Public lookup by dossier code: procedure, unit, status, timeline and
// appointment — never who applied. Rate limited per client so codes (which
// are sequential) cannot be walked.

func errBadCode() *Error {
	return &Error{Status: http.StatusBadRequest, Code: "bad_code", Message: "Mã hồ sơ không hợp lệ: mã gồm mã đơn vị, ngày tiếp nhận và số thứ tự, ngăn bởi dấu gạch ngang, ví dụ UBXA-261126-0001 hoặc 000.00.12.H01-261126-0001.",
		Fields: map[string]string{"ma": "Mã hồ sơ không hợp lệ."}}
}

func errNoDossier() *Error {
	return &Error{Status: http.StatusNotFound, Code: "not_found", Message: "Không tìm thấy hồ sơ có mã này. Vui lòng kiểm tra lại mã trên giấy biên nhận."}
}

// publicDossier finds a dossier by the code in the request, with its
// history.
func (c *citizenDesk) publicDossier(w http.ResponseWriter, r *http.Request, raw string) (dossier.Dossier, []dossier.Event, error) {
	if err := c.limit(w, r, c.lookupLimit); err != nil {
		return dossier.Dossier{}, nil, err
	}
	code := dossier.NormalizeCode(raw)
	if code == "" {
		return dossier.Dossier{}, nil, errBadCode()
	}
	d, err := c.s.st.DossierByCode(r.Context(), c.s.siteIDOf(r), code)
	if errors.Is(err, store.ErrNotFound) {
		return d, nil, errNoDossier()
	}
	if err != nil {
		return d, nil, err
	}
	ev, err := c.s.st.DossierEvents(r.Context(), d.ID)
	return d, ev, err
}

func (c *citizenDesk) lookup(w http.ResponseWriter, r *http.Request) error {
	p := c.newPage(r)
	p.Active = "tra-cuu"
	raw := r.URL.Query().Get("ma")
	p.Code = strings.TrimSpace(raw)
	if r := []rune(p.Code); len(r) > 60 {
		p.Code = string(r[:60])
	}
	if p.Code == "" {
		return c.render(w, http.StatusOK, "lookup", p)
	}
	d, ev, err := c.publicDossier(w, r, raw)
	var e *Error
	if errors.As(err, &e) && (e.Status == http.StatusBadRequest || e.Status == http.StatusNotFound) {
		// The form stays, with the message next to the code.
		p.Alert = e.Message
		return c.render(w, e.Status, "lookup", p)
	}
	if err != nil {
		return err
	}
	// Only public fields reach the template: the page cannot show what
	// it is not given.
	p.D = dossier.Dossier{Code: d.Code, ProcedureName: d.ProcedureName, UnitName: d.UnitName, Status: d.Status, SubmittedAt: d.SubmittedAt, DueAt: d.DueAt,
		NewDueAt: d.NewDueAt}
	for _, e := range publicSteps(ev) {
		p.Events = append(p.Events, dossier.Event{At: e.At, To: e.To})
	}
	p.Found = true
	return c.render(w, http.StatusOK, "lookup", p)
}

type apiDossierStatus struct {
	Code        string   `json:"code"`
	Procedure   apiNamed `json:"procedure"`
	Unit        apiNamed `json:"unit"`
	Status      int      `json:"status"`
	StatusName  string   `json:"status_name"`
	Channel     int      `json:"channel"`
	SubmittedAt string   `json:"submitted_at"`
	DueAt       *string  `json:"due_at"`
	// NewDueAt is the date promised by the latest apology (form 04), when
	// the dossier could not be finished by due_at.
	NewDueAt *string         `json:"new_due_at,omitempty"`
	Timeline []apiStatusStep `json:"timeline"`
}

type apiNamed struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type apiStatusStep struct {
	At         string `json:"at"`
	Status     int    `json:"status"`
	StatusName string `json:"status_name"`
}

// apiStatus: GET /api/v1/dossiers/{code}/status, the lookup's public
// fields as JSON.
func (c *citizenDesk) apiStatus(w http.ResponseWriter, r *http.Request) error {
	d, ev, err := c.publicDossier(w, r, r.PathValue("code"))
	if err != nil {
		return err
	}
	rfc := func(t time.Time) string { return t.In(c.s.loc).Format(time.RFC3339) }
	out := apiDossierStatus{Code: d.Code, Procedure: apiNamed{d.ProcedureCode, d.ProcedureName}, Unit: apiNamed{d.UnitCode, d.UnitName},
		Status: int(d.Status), StatusName: d.Status.String(), Channel: int(d.Channel), SubmittedAt: rfc(d.SubmittedAt), Timeline: []apiStatusStep{}}
	if !d.DueAt.IsZero() {
		s := rfc(d.DueAt)
		out.DueAt = &s
	}
	if !d.NewDueAt.IsZero() {
		s := rfc(d.NewDueAt)
		out.NewDueAt = &s
	}
	for _, e := range publicSteps(ev) {
		out.Timeline = append(out.Timeline, apiStatusStep{At: rfc(e.At), Status: int(e.To), StatusName: e.To.String()})
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, out)
	return nil
}

// publicSteps are the events that changed the status: a hand-over to
// another specialist or an apology keeps it, and listing the same status
// twice would only puzzle the citizen (the apology's new date is shown on
// its own).
func publicSteps(ev []dossier.Event) []dossier.Event {
	out := make([]dossier.Event, 0, len(ev))
	for _, e := range ev {
		if e.Action != dossier.ActSubmit && e.From == e.To {
			continue
		}
		out = append(out, e)
	}
	return out
}
