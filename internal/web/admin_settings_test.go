package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func TestSiteSettings(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		a := e.adminBrowser(t)
		wantCode(t, "form", a.get("/quan-tri/cai-dat"), http.StatusOK, "Cài đặt cổng", "Cổng thông tin điện tử huyện Thử Nghiệm", "Ủy ban nhân dân huyện Thử Nghiệm")
		e.get("/") // warm the page cache
		good := url.Values{
			"name":           {"Cổng thông tin điện tử xã Hòa Phong"},
			"agency":         {"Ủy ban nhân dân xã Hòa Phong"},
			"address":        {"Thôn Túy Loan, xã Hòa Phong, TP Đà Nẵng"},
			"phone":          {"0236 3846 123"},
			"email":          {"ubnd@hoaphong.gov.vn"},
			"footer":         {"Giấy phép số 12/GP-TTĐT. Chịu trách nhiệm: Chủ tịch UBND xã."},
			"description":    {"Tin tức, thủ tục hành chính xã Hòa Phong"},
			"starting_total": {"1.250.000"},
		}
		// Bad values: 422, each with its message, everything typed kept,
		// nothing saved.
		bad := cloneForm(good)
		bad.Set("name", "")
		bad.Set("email", "ubnd@")
		bad.Set("phone", "gọi cho tôi")
		bad.Set("starting_total", "-5")
		r := a.post("/quan-tri/cai-dat", bad)
		wantCode(t, "invalid", r, http.StatusUnprocessableEntity, "Chưa lưu cài đặt", "Vui lòng nhập tên cổng", "Địa chỉ thư điện tử không hợp lệ",
			"Số điện thoại chỉ gồm", "số nguyên không âm", "Thôn Túy Loan, xã Hòa Phong", "Giấy phép số 12/GP-TTĐT", `value="-5"`)
		for _, v := range []string{"1,5", "abc", "12e3", "99999999999999999999"} {
			bad := cloneForm(good)
			bad.Set("starting_total", v)
			wantCode(t, "total "+v, a.post("/quan-tri/cai-dat", bad), http.StatusUnprocessableEntity, "số nguyên không âm")
		}
		if site, _ := s.Site(ctx, e.site.ID); site.Name != e.site.Name {
			t.Fatal("an invalid form was saved")
		}
		noCSRF := cloneForm(good)
		noCSRF.Set("csrf", "sai")
		wantCode(t, "bad csrf", a.post("/quan-tri/cai-dat", noCSRF), http.StatusForbidden, "mã chống giả mạo")
		// Saved: the public pages show it at once.
		r = a.post("/quan-tri/cai-dat", good)
		if r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/quan-tri/cai-dat?tb=luu-cai-dat" {
			t.Fatalf("save: %d %.300s", r.code, r.body)
		}
		wantCode(t, "after save", a.get("/quan-tri/cai-dat?tb=luu-cai-dat"), http.StatusOK, "Đã lưu cài đặt.", `value="1250000"`)
		home := e.get("/")
		mustContain(t, home, "Cổng thông tin điện tử xã Hòa Phong", "Ủy ban nhân dân xã Hòa Phong", "Thôn Túy Loan, xã Hòa Phong, TP Đà Nẵng",
			"0236 3846 123", "ubnd@hoaphong.gov.vn", "Giấy phép số 12/GP-TTĐT. Chịu trách nhiệm: Chủ tịch UBND xã.")
		if strings.Contains(home.body, "huyện Thử Nghiệm") {
			t.Error("home page still shows the old name")
		}
		e.counter.Flush(ctx) // the figures are read back at the next flush
		stats := e.get("/api/v1/stats")
		var st struct{ Total int64 }
		json.Unmarshal([]byte(stats.body), &st)
		if st.Total < 1250000 {
			t.Errorf("starting total not in Tất cả: %s", stats.body)
		}
		if v, _ := s.ContentVersion(ctx, e.site.ID); v == 0 {
			t.Error("other instances were not told")
		}
		log, _ := s.AuditLog(ctx, store.AuditFilter{SiteID: e.site.ID, Action: "site.update"})
		if len(log) != 1 || !strings.Contains(log[0].Detail, "tổng ban đầu: “0” → “1250000”") {
			t.Fatalf("audit: %+v", log)
		}
		// Requiring a second factor for admins sends this admin to enrol.
		totp := cloneForm(good)
		totp.Set("require_admin_totp", "1")
		wantCode(t, "require totp", a.post("/quan-tri/cai-dat", totp), http.StatusSeeOther)
		if site, _ := s.Site(ctx, e.site.ID); !site.RequireAdminTOTP {
			t.Fatal("require_admin_totp not saved")
		}
		if r := a.get("/quan-tri/cai-dat"); r.code != http.StatusSeeOther || !strings.Contains(r.hdr.Get("Location"), "/quan-tri/xac-thuc-hai-buoc") {
			t.Fatalf("admin without a second factor: %d %q", r.code, r.hdr.Get("Location"))
		}
		// Editors are not concerned.
		e.addUser(t, "bientap", auth.RoleEditor)
		ed := e.browser(t)
		ed.login("bientap")
		wantCode(t, "editor account", ed.get("/quan-tri/tai-khoan"), http.StatusOK)
	})
}
