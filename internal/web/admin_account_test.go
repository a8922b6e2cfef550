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

func TestChangeOwnPassword(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "bientap", auth.RoleEditor)
		old := "mật-khẩu-thử-bientap"
		b := e.browser(t)
		b.login("bientap")
		other := e.browser(t) // the same person on another PC
		other.login("bientap")
		wantCode(t, "account", b.get("/quan-tri/tai-khoan"), http.StatusOK, "Tài khoản của tôi", "bientap", "Biên tập viên", "Đổi mật khẩu", "2 phiên")
		newPw := "Trống đồng Ngọc Lũ 1893"
		form := func(cur, pw, pw2 string) url.Values {
			return url.Values{"current": {cur}, "password": {pw}, "password2": {pw2}}
		}
		wantCode(t, "wrong current", b.post("/quan-tri/tai-khoan/mat-khau", form("sai-mat-khau-roi", newPw, newPw)), http.StatusUnprocessableEntity, "Mật khẩu hiện tại không đúng.")
		wantCode(t, "weak", b.post("/quan-tri/tai-khoan/mat-khau", form(old, "matkhau123", "matkhau123")), http.StatusUnprocessableEntity, "Mật khẩu chưa đủ mạnh", "quá phổ biến")
		wantCode(t, "mismatch", b.post("/quan-tri/tai-khoan/mat-khau", form(old, newPw, newPw+"!")), http.StatusUnprocessableEntity, "Hai lần nhập mật khẩu không khớp.")
		wantCode(t, "same", b.post("/quan-tri/tai-khoan/mat-khau", form(old, old, old)), http.StatusUnprocessableEntity, "phải khác mật khẩu hiện tại")
		noCSRF := form(old, newPw, newPw)
		noCSRF.Set("csrf", "")
		wantCode(t, "no csrf", b.post("/quan-tri/tai-khoan/mat-khau", noCSRF), http.StatusForbidden, "mã chống giả mạo")
		if r := loginWith(e.browser(t), "bientap", old); r.code != http.StatusSeeOther {
			t.Fatal("a refused change changed the password")
		}
		// Changed: every session ends, this one included, with a message.
		r := b.post("/quan-tri/tai-khoan/mat-khau", form(old, newPw, newPw))
		if r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/dang-nhap?tb=doi-mat-khau" {
			t.Fatalf("change: %d %q %.300s", r.code, r.hdr.Get("Location"), r.body)
		}
		wantCode(t, "login page", b.get("/dang-nhap?tb=doi-mat-khau"), http.StatusOK, "Đã đổi mật khẩu.", "đăng nhập lại")
		if r := b.get("/quan-tri"); r.code != http.StatusSeeOther {
			t.Fatalf("this session survived: %d", r.code)
		}
		if r := other.get("/quan-tri"); r.code != http.StatusSeeOther {
			t.Fatalf("the other session survived: %d", r.code)
		}
		var n int
		s.DB().QueryRow(`SELECT COUNT(*) FROM sessions`).Scan(&n)
		if n != 0 {
			t.Fatalf("%d sessions left", n)
		}
		if r := loginWith(e.browser(t), "bientap", old); r.code != http.StatusUnauthorized {
			t.Fatal("old password still works")
		}
		if r := loginWith(e.browser(t), "bientap", newPw); r.code != http.StatusSeeOther {
			t.Fatal("new password refused")
		}
		if got := auditActions(t, s, e.site.ID); !strings.Contains(got, ",password.change,") || !strings.Contains(got, ",password.change_failed,") {
			t.Errorf("audit: %s", got)
		}
	})
}

// Guessing the current password on the account page is throttled like
// logins are.
func TestChangeOwnPasswordThrottled(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "duyet", auth.RoleApprover)
		b := e.browser(t)
		b.login("duyet")
		b.get("/quan-tri/tai-khoan")
		pw := "Trống đồng Ngọc Lũ 1893"
		for i := 0; i < 5; i++ {
			b.post("/quan-tri/tai-khoan/mat-khau", url.Values{"current": {"doan-" + strings.Repeat("x", i)}, "password": {pw}, "password2": {pw}})
		}
		r := b.post("/quan-tri/tai-khoan/mat-khau", url.Values{"current": {"mật-khẩu-thử-duyet"}, "password": {pw}, "password2": {pw}})
		wantCode(t, "throttled", r, http.StatusTooManyRequests, "sai mật khẩu quá nhiều lần")
		if r := loginWith(e.browser(t), "duyet", pw); r.code == http.StatusSeeOther {
			t.Fatal("password changed while throttled")
		}
	})
}
