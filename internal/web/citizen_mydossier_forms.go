package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/congportal/cong/internal/forms"
	"github.com/congportal/cong/internal/store"
)

// The applicant's forms (mẫu 01–04) through the private link. The control
// sheet (05) is the office's internal record and is not offered; a wrong
// token, a form the dossier does not have yet and form 05 all get the same
// 404 as any missing page.

// citizenForms lists the issued forms the applicant may download.
func (c *citizenDesk) citizenForms(ctx context.Context, dossierID int64) ([]store.DossierForm, error) {
	all, err := c.s.st.DossierForms(ctx, dossierID)
	if err != nil {
		return nil, err
	}
	var out []store.DossierForm
	for _, f := range all {
		if f.Kind.Citizen() {
			out = append(out, f)
		}
	}
	return out, nil
}

func (c *citizenDesk) myForm(w http.ResponseWriter, r *http.Request) error {
	a, err := c.access(r)
	if err != nil {
		return err
	}
	d := a.d
	kind, ok := forms.ParseKind(r.PathValue("form"))
	if !ok || !kind.Citizen() {
		return errNotFound()
	}
	id, _ := strconv.ParseInt(r.URL.Query().Get("ban"), 10, 64)
	id, data, err := c.s.st.DossierFormData(r.Context(), d.ID, kind, id)
	if errors.Is(err, store.ErrNotFound) {
		return errNotFound()
	}
	if err != nil {
		return err
	}
	// A form signed by the unit is given as issued: the signed bytes.
	if sf, err := c.s.st.SignedForm(r.Context(), d.ID, id); err == nil {
		return c.s.serveSigned(w, r, sf)
	} else if !errors.Is(err, store.ErrNotFound) {
		return err
	}
	pdf, err := issuedForms.pdf(c.s, c.s.baseURLOf(r), id, data)
	if err != nil {
		return err
	}
	writeFormPDF(w, data, pdf)
	return nil
}
