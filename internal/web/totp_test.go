package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func TestTwoFactorLogin(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "admin", auth.RoleAdmin)
		// The site requires admins to enrol: everything redirects there.
		site := e.site
		site.RequireAdminTOTP = true
		if err := s.UpdateSite(ctx, site); err != nil {
			t.Fatal(err)
		}
		e.srv.ContentChanged()
		b := e.browser(t)
		r := b.post("/dang-nhap", url.Values{"username": {"admin"}, "password": {"mật-khẩu-thử-admin"}, "tiep": {"/quan-tri/bai-viet"}})
		if r.code != http.StatusSeeOther {
			t.Fatalf("login %d", r.code)
		}
		if r := b.get("/quan-tri/bai-viet"); r.code != http.StatusSeeOther || !strings.HasPrefix(r.hdr.Get("Location"), "/quan-tri/xac-thuc-hai-buoc") {
			t.Fatalf("not sent to enrolment: %d %s", r.code, r.hdr.Get("Location"))
		}
		page := b.get("/quan-tri/xac-thuc-hai-buoc?tb=bat-buoc")
		m := regexp.MustCompile(`name="secret" value="([A-Z2-7]+)"`).FindStringSubmatch(page.body)
		if m == nil {
			t.Fatalf("no secret on the enrolment page: %s", page.body)
		}
		secret := m[1]
		if r := b.post("/quan-tri/xac-thuc-hai-buoc", url.Values{"action": {"bat"}, "secret": {secret}, "code": {"000000"}}); r.code != http.StatusUnprocessableEntity {
			t.Fatalf("wrong enrolment code: %d", r.code)
		}
		now := time.Now()
		code, _ := auth.TOTPCode(secret, auth.TOTPStep(now)-1)
		if r := b.post("/quan-tri/xac-thuc-hai-buoc", url.Values{"action": {"bat"}, "secret": {secret}, "code": {code}}); r.code != http.StatusSeeOther {
			t.Fatalf("enrol: %d %s", r.code, r.body)
		}
		if r := b.get("/quan-tri/bai-viet"); r.code != 200 {
			t.Fatalf("after enrolment: %d", r.code)
		}
		// A new login now needs the code; the password alone is not a login.
		b2 := e.browser(t)
		r = b2.post("/dang-nhap", url.Values{"username": {"admin"}, "password": {"mật-khẩu-thử-admin"}, "tiep": {"/quan-tri"}})
		if r.code != http.StatusSeeOther || !strings.HasPrefix(r.hdr.Get("Location"), "/dang-nhap/ma-xac-thuc") {
			t.Fatalf("second step: %d %s", r.code, r.hdr.Get("Location"))
		}
		if r := b2.get("/quan-tri"); r.code != http.StatusSeeOther || !strings.HasPrefix(r.hdr.Get("Location"), "/dang-nhap") {
			t.Fatalf("pending session reached the admin: %d", r.code)
		}
		b2.get("/dang-nhap/ma-xac-thuc?tiep=/quan-tri")
		if r := b2.post("/dang-nhap/ma-xac-thuc", url.Values{"code": {code}, "tiep": {"/quan-tri"}}); r.code != http.StatusUnauthorized {
			t.Fatalf("replayed code: %d", r.code)
		}
		code2, _ := auth.TOTPCode(secret, auth.TOTPStep(time.Now()))
		if r := b2.post("/dang-nhap/ma-xac-thuc", url.Values{"code": {code2}, "tiep": {"/quan-tri"}}); r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/quan-tri" {
			t.Fatalf("code: %d %s", r.code, r.body)
		}
		if r := b2.get("/quan-tri"); r.code != 200 {
			t.Fatalf("after code: %d", r.code)
		}
		// Required for admins: cannot be turned off.
		code3, _ := auth.TOTPCode(secret, auth.TOTPStep(time.Now())+1)
		if r := b2.post("/quan-tri/xac-thuc-hai-buoc", url.Values{"action": {"tat"}, "code": {code3}}); r.code != http.StatusForbidden {
			t.Fatalf("disable while required: %d", r.code)
		}
	})
}
