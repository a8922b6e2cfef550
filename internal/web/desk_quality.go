package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/store"
)

// Facts for Decision 766 that officers record on a dossier's page:
// complaints and petitions (they count against satisfaction) and what was
// digitised (components scanned at the counter, a result issued
// electronically).

type deskQualityComponent struct {
	ID       int64
	Name     string
	Required bool
	Done     bool
}

type deskQuality struct {
	Online     bool
	Dig        store.Digitisation
	Components []deskQualityComponent
	Complaints []store.Complaint
	// What was typed before an error, kept.
	Kind, Content, Error string
}

func (o *officerDesk) fillQuality(r *http.Request, p *deskDetailPage) error {
	ctx := r.Context()
	q := &p.Quality
	q.Online = p.D.Channel == dossier.Online
	var err error
	if q.Dig, err = o.s.st.DossierDigitisation(ctx, p.D.ID); err != nil {
		return err
	}
	if proc, err := o.s.st.ProcedureByID(ctx, o.s.siteIDOf(r), p.D.ProcedureID); err == nil {
		for _, c := range proc.Components {
			_, done := q.Dig.Components[c.ID]
			q.Components = append(q.Components, deskQualityComponent{c.ID, c.Name, c.Required, done})
		}
	}
	q.Complaints, err = o.s.st.Complaints(ctx, p.D.ID)
	return err
}

// addComplaint records a complaint or petition against the dossier: 422
// with what was typed kept when the kind or content is missing.
func (o *officerDesk) addComplaint(w http.ResponseWriter, r *http.Request) error {
	sc, err := o.scope(r)
	if err != nil {
		return err
	}
	d, err := o.loadDossier(r, sc)
	if err != nil {
		return err
	}
	c := store.Complaint{DossierID: d.ID, Kind: formText(r, "kind"), Content: formText(r, "content"), CreatedBy: sc.user.ID, CreatedAt: time.Now().UTC()}
	if err := o.s.st.AddComplaint(r.Context(), o.s.siteIDOf(r), &c); err != nil {
		if !errors.Is(err, store.ErrComplaint) {
			return err
		}
		p, perr := o.detailPage(r, sc, d)
		if perr != nil {
			return perr
		}
		msg := err.Error()
		if i := strings.LastIndexByte(msg, '\n'); i >= 0 {
			msg = msg[i+1:] // errors.Join: the officer's message is the last line
		}
		p.Quality.Kind, p.Quality.Content, p.Quality.Error = c.Kind, c.Content, msg
		return o.render(w, http.StatusUnprocessableEntity, "desk_detail", p)
	}
	o.s.audit(r, "dossier.complaint", "dossier", d.ID, fmt.Sprintf("%s: %s", d.Code, c.KindLabel()))
	http.Redirect(w, r, fmt.Sprintf("/quan-tri/ho-so/%d?tb=phan-anh#h-phan-anh", d.ID), http.StatusSeeOther)
	return nil
}

// markDigitised records components scanned at the counter and a result
// issued electronically.
func (o *officerDesk) markDigitised(w http.ResponseWriter, r *http.Request) error {
	sc, err := o.scope(r)
	if err != nil {
		return err
	}
	d, err := o.loadDossier(r, sc)
	if err != nil {
		return err
	}
	var comps []int64
	for _, v := range r.PostForm["component"] {
		id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil || id <= 0 {
			return &Error{Status: http.StatusBadRequest, Code: "bad_component", Message: "Thành phần hồ sơ không hợp lệ."}
		}
		comps = append(comps, id)
	}
	result := r.PostFormValue("result") == "1"
	if err := o.s.st.MarkDigitised(r.Context(), o.s.siteIDOf(r), d.ID, comps, result, sc.user.ID, time.Now().UTC()); err != nil {
		return err
	}
	o.s.audit(r, "dossier.digitise", "dossier", d.ID, fmt.Sprintf("%s: %d thành phần quét%s", d.Code, len(comps), map[bool]string{true: ", kết quả điện tử"}[result]))
	http.Redirect(w, r, fmt.Sprintf("/quan-tri/ho-so/%d?tb=so-hoa#h-so-hoa", d.ID), http.StatusSeeOther)
	return nil
}
