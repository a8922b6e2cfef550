package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/store"
)

type deskOfficersPage struct {
	adminPage
	Officers []store.Officer
	Units    []catalogue.Unit
}

// officers lets an admin say which units each officer works for: officers
// see and handle only their units' dossiers.
func (o *officerDesk) officers(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageUsers); err != nil {
		return err
	}
	p := &deskOfficersPage{adminPage: o.s.newAdminPage(r, "Phân công cán bộ một cửa")}
	p.Nav, p.Flash = "desk", deskFlashes[r.URL.Query().Get("tb")]
	var err error
	if p.Officers, err = o.s.st.Officers(r.Context(), o.s.siteIDOf(r)); err != nil {
		return err
	}
	if p.Units, err = o.s.st.Units(r.Context(), o.s.siteIDOf(r)); err != nil {
		return err
	}
	return o.render(w, http.StatusOK, "desk_officers", p)
}

func (o *officerDesk) saveOfficerUnits(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageUsers); err != nil {
		return err
	}
	uid, err := strconv.ParseInt(r.PostFormValue("user"), 10, 64)
	if err != nil {
		return errNotFound()
	}
	ctx := r.Context()
	target, err := o.s.st.UserByID(ctx, o.s.siteIDOf(r), uid)
	if err != nil {
		return err
	}
	if target.Role != auth.RoleOfficer && !target.Role.IsAdmin() {
		return &Error{Status: http.StatusUnprocessableEntity, Code: "not_officer", Message: "Chỉ phân công đơn vị cho tài khoản có vai trò cán bộ một cửa (hoặc quản trị)."}
	}
	var ids []int64
	for _, v := range r.PostForm["unit"] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	if err := o.s.st.SetUserUnits(ctx, o.s.siteIDOf(r), uid, ids); err != nil {
		return err
	}
	var parts []string
	for _, id := range ids {
		parts = append(parts, strconv.FormatInt(id, 10))
	}
	o.s.audit(r, "user.units", "user", uid, target.Username+": đơn vị "+strings.Join(parts, ","))
	http.Redirect(w, r, "/quan-tri/ho-so/can-bo?tb=don-vi", http.StatusSeeOther)
	return nil
}
