package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// When the site requires a second factor, approvers (who publish in the
// site's name) must enrol before using the admin, like admins; editors and
// desk officers are not held.
func TestTOTPRequiredForApprovers(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "duyet", auth.RoleApprover)
		e.addUser(t, "bientap", auth.RoleEditor)
		admin := e.adminBrowser(t)
		admin.get("/quan-tri/cai-dat")
		form := url.Values{"name": {e.site.Name}, "agency": {e.site.Agency}, "starting_total": {"0"}, "require_admin_totp": {"1"}}
		if r := admin.post("/quan-tri/cai-dat", form); r.code != http.StatusSeeOther {
			t.Fatalf("settings: %d", r.code)
		}
		if r := admin.get("/quan-tri"); r.code != http.StatusSeeOther || !strings.HasPrefix(r.hdr.Get("Location"), "/quan-tri/xac-thuc-hai-buoc") {
			t.Fatalf("admin without TOTP not sent to enrol: %d %q", r.code, r.hdr.Get("Location"))
		}

		b := e.browser(t)
		if r := b.post("/dang-nhap", url.Values{"username": {"duyet"}, "password": {"mật-khẩu-thử-duyet"}, "tiep": {"/quan-tri"}}); r.code != http.StatusSeeOther {
			t.Fatalf("approver login: %d", r.code)
		}
		r := b.get("/quan-tri/bai-viet")
		if r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/quan-tri/xac-thuc-hai-buoc?tb=bat-buoc" {
			t.Fatalf("approver without TOTP reached the admin: %d %q", r.code, r.hdr.Get("Location"))
		}
		r = b.get(r.hdr.Get("Location"))
		mustContain(t, r, "Cổng yêu cầu tài khoản quản trị viên và người duyệt dùng xác thực hai bước", `name="secret"`)
		if r := b.post("/quan-tri/xac-thuc-hai-buoc", url.Values{"action": {"tat"}, "code": {"123456"}}); r.code != http.StatusForbidden {
			t.Errorf("approver could turn the required second factor off: %d", r.code)
		}

		ed := e.browser(t)
		ed.login("bientap")
		if r := ed.get("/quan-tri/bai-viet"); r.code != http.StatusOK {
			t.Errorf("editor held by a rule for admins and approvers: %d %q", r.code, r.hdr.Get("Location"))
		}
	})
}
