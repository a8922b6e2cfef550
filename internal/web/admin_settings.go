package web

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/news"
)

// settingsFields is the settings form as typed, so nothing is lost when it
// comes back with an error.
type settingsFields struct {
	Name, Agency, Address, Phone, Email, Footer, Description, StartingTotal string
	RequireAdminTOTP                                                        bool
}

type settingsPage struct {
	adminPage
	F       settingsFields
	Errors  map[string]string
	Message string
}

func (s *Server) settings(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	site, err := s.st.Site(r.Context(), s.siteIDOf(r))
	if err != nil {
		return err
	}
	p := &settingsPage{adminPage: s.newAdminPage(r, "Cài đặt cổng")}
	p.Nav = "settings"
	p.F = settingsFields{Name: site.Name, Agency: site.Agency, Address: site.Address, Phone: site.Phone, Email: site.Email,
		Footer: site.Footer, Description: site.Description, StartingTotal: strconv.FormatInt(site.StartingTotal, 10), RequireAdminTOTP: site.RequireAdminTOTP}
	return s.renderAdmin(w, http.StatusOK, "settings", p)
}

var (
	phoneRE = regexp.MustCompile(`^[0-9+() .\-/;,]{6,50}$`)
	// A count written with thousands separators, Vietnamese (1.234.567) or
	// English (1,234,567) style.
	groupedRE = regexp.MustCompile(`^\d{1,3}([.,]\d{3})+$`)
)

// parseCount reads a non-negative whole number, with or without thousands
// separators.
func parseCount(v string) (int64, bool) {
	v = strings.ReplaceAll(strings.TrimSpace(v), " ", "")
	if groupedRE.MatchString(v) {
		v = strings.NewReplacer(".", "", ",", "").Replace(v)
	}
	if v == "" || strings.TrimLeft(v, "0123456789") != "" || len(v) > 15 {
		return 0, false
	}
	n, err := strconv.ParseInt(v, 10, 64)
	return n, err == nil
}

// saveSettings validates and stores the site settings; the public pages
// change at once on this instance and within a second on the others.
func (s *Server) saveSettings(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	ctx := r.Context()
	site, err := s.st.Site(ctx, s.siteIDOf(r))
	if err != nil {
		return err
	}
	f := settingsFields{Name: formText(r, "name"), Agency: formText(r, "agency"), Address: formText(r, "address"), Phone: formText(r, "phone"),
		Email: formText(r, "email"), Footer: formText(r, "footer"), Description: formText(r, "description"),
		StartingTotal: strings.TrimSpace(r.PostFormValue("starting_total")), RequireAdminTOTP: r.PostFormValue("require_admin_totp") == "1"}
	errs := map[string]string{}
	switch {
	case f.Name == "":
		errs["name"] = "Vui lòng nhập tên cổng, ví dụ: Cổng thông tin điện tử xã Hòa Phong."
	case tooLong(f.Name, 200):
		errs["name"] = "Tên cổng tối đa 200 ký tự."
	}
	if tooLong(f.Agency, 200) {
		errs["agency"] = "Tên cơ quan tối đa 200 ký tự."
	}
	if tooLong(f.Address, 300) {
		errs["address"] = "Địa chỉ tối đa 300 ký tự."
	}
	if f.Phone != "" && !phoneRE.MatchString(f.Phone) {
		errs["phone"] = "Số điện thoại chỉ gồm chữ số, dấu cách, dấu + - . ( ), ví dụ: 0235 3861 234."
	}
	if f.Email != "" && !validEmail(f.Email) {
		errs["email"] = "Địa chỉ thư điện tử không hợp lệ, ví dụ: ubnd@hoaphong.gov.vn."
	}
	if tooLong(f.Footer, 1000) {
		errs["footer"] = "Chân trang tối đa 1000 ký tự."
	}
	if tooLong(f.Description, 300) {
		errs["description"] = "Mô tả tối đa 300 ký tự (công cụ tìm kiếm chỉ hiện khoảng 160 ký tự đầu)."
	}
	total, ok := parseCount(f.StartingTotal)
	if f.StartingTotal == "" {
		total, ok = 0, true
	}
	if !ok {
		errs["starting_total"] = "Số lượt truy cập ban đầu phải là số nguyên không âm, ví dụ: 1250000."
	}
	if len(errs) > 0 {
		p := &settingsPage{adminPage: s.newAdminPage(r, "Cài đặt cổng"), F: f, Errors: errs,
			Message: "Chưa lưu cài đặt: vui lòng sửa các ô được đánh dấu. Nội dung bạn nhập vẫn còn bên dưới."}
		p.Nav = "settings"
		return s.renderAdmin(w, http.StatusUnprocessableEntity, "settings", p)
	}
	old := site
	site.Name, site.Agency, site.Address, site.Phone, site.Email = f.Name, f.Agency, f.Address, f.Phone, f.Email
	site.Footer, site.Description, site.StartingTotal, site.RequireAdminTOTP = f.Footer, f.Description, total, f.RequireAdminTOTP
	if err := s.st.UpdateSite(ctx, site); err != nil {
		return err
	}
	if err := s.st.BumpContent(ctx, s.siteIDOf(r)); err != nil {
		s.log.Warn("content version after settings", "err", err)
	}
	s.ContentChanged()
	if d := settingsDiff(old, site); d != "" {
		s.audit(r, "site.update", "site", site.ID, d)
	}
	http.Redirect(w, r, "/quan-tri/cai-dat?tb=luu-cai-dat", http.StatusSeeOther)
	return nil
}

// settingsDiff names what changed, for the audit log.
func settingsDiff(a, b news.Site) string {
	var out []string
	field := func(label, x, y string) {
		if x != y {
			out = append(out, label+": “"+x+"” → “"+y+"”")
		}
	}
	field("tên cổng", a.Name, b.Name)
	field("cơ quan", a.Agency, b.Agency)
	field("địa chỉ", a.Address, b.Address)
	field("điện thoại", a.Phone, b.Phone)
	field("thư điện tử", a.Email, b.Email)
	field("chân trang", a.Footer, b.Footer)
	field("mô tả", a.Description, b.Description)
	field("tổng ban đầu", strconv.FormatInt(a.StartingTotal, 10), strconv.FormatInt(b.StartingTotal, 10))
	if a.RequireAdminTOTP != b.RequireAdminTOTP {
		if b.RequireAdminTOTP {
			out = append(out, "bắt buộc xác thực hai bước cho quản trị viên và người duyệt: bật")
		} else {
			out = append(out, "bắt buộc xác thực hai bước cho quản trị viên và người duyệt: tắt")
		}
	}
	return strings.Join(out, "; ")
}
