package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/store"
)

// unitFields is the unit form as typed.
type unitFields struct {
	Code, Name, Kind, Address, Phone, Email, ValidFrom, ValidTo, Position string
	Parent                                                                int64
}

type unitsPage struct {
	adminPage
	Rows    []catalogue.Unit
	Editing *catalogue.Unit
	Parents []catalogue.Unit
	Kinds   []struct{ Value, Label string }
	F       unitFields
	Errors  catalogue.Errors
	Message string
}

func (c *catalogueDesk) unitsPage(r *http.Request, editID int64) (*unitsPage, []catalogue.Unit, error) {
	all, err := c.s.st.Units(r.Context(), c.s.siteIDOf(r))
	if err != nil {
		return nil, nil, err
	}
	p := &unitsPage{adminPage: c.newAdminPage(r, "Đơn vị"), Rows: catalogue.Tree(all), Kinds: catalogue.Kinds}
	p.Nav = "units"
	p.Parents = p.Rows
	p.F.Kind = catalogue.KindDepartment
	if editID != 0 {
		for i := range p.Rows {
			if p.Rows[i].ID == editID {
				p.Editing = &p.Rows[i]
			}
		}
		if p.Editing == nil {
			return nil, nil, errNotFound()
		}
		u := *p.Editing
		p.Title = "Sửa đơn vị " + u.Name
		p.F = unitFields{Code: u.Code, Name: u.Name, Kind: u.Kind, Address: u.Address, Phone: u.Phone, Email: u.Email,
			ValidFrom: inputDate(u.ValidFrom), ValidTo: inputDate(u.ValidTo), Position: strconv.Itoa(u.Position), Parent: u.ParentID}
		skip := catalogue.Descendants(all, editID)
		p.Parents = nil
		for _, row := range p.Rows {
			if !skip[row.ID] {
				p.Parents = append(p.Parents, row)
			}
		}
	}
	return p, all, nil
}

func inputDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// parseFormDate accepts the browser's date input (yyyy-mm-dd) and what
// people type where the browser shows a text box (dd/mm/yyyy).
func parseFormDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, true
	}
	for _, layout := range []string{"2006-01-02", "02/01/2006", "2/1/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// readUnit reads and validates the form.
func readUnit(r *http.Request, p *unitsPage, all []catalogue.Unit, id int64) (catalogue.Unit, catalogue.Errors) {
	f := unitFields{Code: catalogue.NormalizeUnitCode(r.PostFormValue("code")), Name: formText(r, "name"), Kind: r.PostFormValue("kind"),
		Address: formText(r, "address"), Phone: formText(r, "phone"), Email: strings.TrimSpace(r.PostFormValue("email")),
		ValidFrom: strings.TrimSpace(r.PostFormValue("valid_from")), ValidTo: strings.TrimSpace(r.PostFormValue("valid_to")),
		Position: strings.TrimSpace(r.PostFormValue("position"))}
	f.Parent, _ = strconv.ParseInt(r.PostFormValue("parent"), 10, 64)
	p.F = f
	u := catalogue.Unit{ID: id, SiteID: p.Site.ID, ParentID: f.Parent, Code: f.Code, Name: f.Name, Kind: f.Kind, Address: f.Address, Phone: f.Phone, Email: f.Email}
	errs := catalogue.ValidateUnit(u, all)
	var ok bool
	if u.ValidFrom, ok = parseFormDate(f.ValidFrom); !ok {
		errs["valid_from"] = "Ngày không hợp lệ, nhập theo dạng dd/mm/yyyy."
	}
	if u.ValidTo, ok = parseFormDate(f.ValidTo); !ok {
		errs["valid_to"] = "Ngày không hợp lệ, nhập theo dạng dd/mm/yyyy."
	}
	if errs["valid_from"] == "" && errs["valid_to"] == "" && !u.ValidFrom.IsZero() && !u.ValidTo.IsZero() && u.ValidTo.Before(u.ValidFrom) {
		errs["valid_to"] = "Ngày kết thúc hoạt động phải sau hoặc bằng ngày bắt đầu."
	}
	if f.Position != "" {
		n, err := strconv.Atoi(f.Position)
		if err != nil || n < -100000 || n > 100000 {
			errs["position"] = "Thứ tự phải là một số nguyên, ví dụ: 1, 2, 3."
		}
		u.Position = n
	}
	return u, errs
}

func (c *catalogueDesk) adminUnits(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageDesk); err != nil {
		return err
	}
	p, _, err := c.unitsPage(r, 0)
	if err != nil {
		return err
	}
	return c.renderAdmin(w, http.StatusOK, "units", p)
}

func (c *catalogueDesk) editUnitForm(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageDesk); err != nil {
		return err
	}
	id, err := catIDParam(r, "id")
	if err != nil {
		return err
	}
	p, _, err := c.unitsPage(r, id)
	if err != nil {
		return err
	}
	return c.renderAdmin(w, http.StatusOK, "units", p)
}

func (c *catalogueDesk) createUnit(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageDesk); err != nil {
		return err
	}
	p, all, err := c.unitsPage(r, 0)
	if err != nil {
		return err
	}
	u, errs := readUnit(r, p, all, 0)
	u.SiteID = c.s.siteIDOf(r)
	if len(errs) == 0 {
		err = c.s.st.CreateUnit(r.Context(), &u)
		if errors.Is(err, store.ErrUnitCodeTaken) {
			errs["code"] = "Mã “" + u.Code + "” đã được dùng cho đơn vị khác."
		} else if err != nil {
			return err
		}
	}
	if len(errs) > 0 {
		p.Errors, p.Message = errs, "Chưa thêm đơn vị: vui lòng sửa các ô được đánh dấu."
		return c.renderAdmin(w, http.StatusUnprocessableEntity, "units", p)
	}
	c.s.audit(r, "unit.create", "unit", u.ID, u.Code+" – "+u.Name)
	http.Redirect(w, r, "/quan-tri/don-vi?tb=tao-don-vi#u"+strconv.FormatInt(u.ID, 10), http.StatusSeeOther)
	return nil
}

func (c *catalogueDesk) saveUnit(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageDesk); err != nil {
		return err
	}
	id, err := catIDParam(r, "id")
	if err != nil {
		return err
	}
	p, all, err := c.unitsPage(r, id)
	if err != nil {
		return err
	}
	old := *p.Editing
	u, errs := readUnit(r, p, all, id)
	u.SiteID = c.s.siteIDOf(r)
	if len(errs) == 0 {
		err = c.s.st.UpdateUnit(r.Context(), u)
		if errors.Is(err, store.ErrUnitCodeTaken) {
			errs["code"] = "Mã “" + u.Code + "” đã được dùng cho đơn vị khác."
		} else if err != nil {
			return err
		}
	}
	if len(errs) > 0 {
		p.Errors, p.Message = errs, "Chưa lưu đơn vị: vui lòng sửa các ô được đánh dấu."
		return c.renderAdmin(w, http.StatusUnprocessableEntity, "units", p)
	}
	var changes []string
	add := func(what, a, b string) {
		if a != b {
			changes = append(changes, what+" “"+a+"” → “"+b+"”")
		}
	}
	add("mã", old.Code, u.Code)
	add("tên", old.Name, u.Name)
	add("loại", old.Kind, u.Kind)
	add("cấp trên", strconv.FormatInt(old.ParentID, 10), strconv.FormatInt(u.ParentID, 10))
	add("hiệu lực từ", inputDate(old.ValidFrom), inputDate(u.ValidFrom))
	add("hiệu lực đến", inputDate(old.ValidTo), inputDate(u.ValidTo))
	if old.Address != u.Address || old.Phone != u.Phone || old.Email != u.Email || old.Position != u.Position {
		changes = append(changes, "thông tin liên hệ/thứ tự")
	}
	if len(changes) > 0 {
		c.s.audit(r, "unit.update", "unit", u.ID, u.Code+": "+strings.Join(changes, "; "))
	}
	http.Redirect(w, r, "/quan-tri/don-vi?tb=luu-don-vi#u"+strconv.FormatInt(u.ID, 10), http.StatusSeeOther)
	return nil
}

// deleteUnit deletes a unit entered by mistake; a unit in use is refused
// with what still depends on it.
func (c *catalogueDesk) deleteUnit(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageDesk); err != nil {
		return err
	}
	id, err := catIDParam(r, "id")
	if err != nil {
		return err
	}
	u, err := c.s.st.Unit(r.Context(), c.s.siteIDOf(r), id)
	if err != nil {
		return err
	}
	err = c.s.st.DeleteUnit(r.Context(), c.s.siteIDOf(r), id)
	var inUse *store.InUseError
	if errors.As(err, &inUse) {
		p, _, perr := c.unitsPage(r, id)
		if perr != nil {
			return perr
		}
		p.Message = "Không thể xóa đơn vị “" + u.Name + "” vì " + inUse.Error() + ". Đơn vị đã giải thể/sáp nhập thì nhập ngày giải thể để giữ lịch sử."
		return c.renderAdmin(w, http.StatusConflict, "units", p)
	}
	if err != nil {
		return err
	}
	c.s.audit(r, "unit.delete", "unit", id, u.Code+" – "+u.Name)
	http.Redirect(w, r, "/quan-tri/don-vi?tb=xoa-don-vi", http.StatusSeeOther)
	return nil
}
