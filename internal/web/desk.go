package web

import (
	"bytes"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/store"
)

// The officer side of the public-service desk (một cửa): queues, a
// dossier's page with the moves allowed now, counter entry, and which units
// each officer works for.

// officerDesk is the officer workspace's handlers; its pages are staff
// templates (templates.go).
type officerDesk struct {
	s    *Server
	tmpl templates
}

func newOfficerDesk(s *Server) *officerDesk {
	return &officerDesk{s: s, tmpl: s.adminTmpl}
}

func dayOrEmpty(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format("02/01/2006")
}

// civilDate shows a stored YYYY-MM-DD as dd/mm/yyyy.
func civilDate(s string) string {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return s
	}
	return t.Format("02/01/2006")
}

func (o *officerDesk) render(w http.ResponseWriter, status int, name string, data any) error {
	var buf bytes.Buffer
	if err := o.tmpl[name].ExecuteTemplate(&buf, "layout", data); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	// Personal data: the page's address must not travel in a Referer.
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	w.Write(buf.Bytes())
	return nil
}

// deskScope is what the logged-in user may see of the desk: admins every
// unit, officers the units they are assigned to (user_units).
type deskScope struct {
	user    *auth.User
	admin   bool
	unitIDs []int64
}

func (o *officerDesk) scope(r *http.Request) (deskScope, error) {
	u := userFrom(r.Context())
	if u == nil || (u.Role != auth.RoleOfficer && !u.Role.IsAdmin()) {
		return deskScope{}, &Error{Status: http.StatusForbidden, Code: "forbidden",
			Message: "Chỉ cán bộ một cửa và quản trị mới vào được khu vực hồ sơ một cửa."}
	}
	sc := deskScope{user: u, admin: u.Role.IsAdmin()}
	if !sc.admin {
		ids, err := o.s.st.UserUnitIDs(r.Context(), u.ID)
		if err != nil {
			return sc, err
		}
		sc.unitIDs = ids
	}
	return sc, nil
}

func (sc deskScope) filter(siteID int64) store.QueueFilter {
	return store.QueueFilter{SiteID: siteID, AllUnits: sc.admin, UnitIDs: sc.unitIDs}
}

func (sc deskScope) hasUnit(id int64) bool { return sc.admin || slices.Contains(sc.unitIDs, id) }

// actor is what the user may do to this dossier under the transition table:
// a desk officer of its unit, its assigned specialist, or an admin.
func (sc deskScope) actor(d *dossier.Dossier) dossier.Actor {
	var a dossier.Actor
	if sc.admin {
		a |= dossier.Admin
	}
	if slices.Contains(sc.unitIDs, d.UnitID) {
		a |= dossier.Desk
	}
	if d.AssigneeID != 0 && d.AssigneeID == sc.user.ID {
		a |= dossier.Specialist
	}
	return a
}

// loadDossier reads the dossier of the path and checks the user may see it:
// an officer of another unit opening it by URL gets a 403 and the attempt
// is audited.
func (o *officerDesk) loadDossier(r *http.Request, sc deskScope) (dossier.Dossier, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return dossier.Dossier{}, errNotFound()
	}
	d, err := o.s.st.Dossier(r.Context(), o.s.siteIDOf(r), id)
	if err != nil {
		return d, err
	}
	if sc.actor(&d) == 0 {
		o.s.audit(r, "dossier.denied", "dossier", d.ID, d.Code)
		return d, &Error{Status: http.StatusForbidden, Code: "forbidden",
			Message: "Hồ sơ này thuộc đơn vị khác: bạn không có quyền xem hay xử lý. Nếu cần, hãy đề nghị quản trị phân công bạn vào đơn vị đó."}
	}
	return d, nil
}
