package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// loginWith logs a browser in with an explicit password.
func loginWith(b *browser, username, password string) resp {
	b.t.Helper()
	r := b.post("/dang-nhap", url.Values{"username": {username}, "password": {password}, "tiep": {"/quan-tri"}})
	if r.code == http.StatusSeeOther {
		b.get("/quan-tri")
	}
	return r
}

// adminBrowser is a browser logged in as the admin "quantri".
func (e *env) adminBrowser(t *testing.T) *browser {
	t.Helper()
	if _, err := e.st.UserByName(ctx, e.site.ID, "quantri"); err != nil {
		e.addUser(t, "quantri", auth.RoleAdmin)
	}
	b := e.browser(t)
	b.login("quantri")
	return b
}

func auditActions(t *testing.T, s *store.Store, siteID int64) string {
	t.Helper()
	log, err := s.AuditLog(ctx, store.AuditFilter{SiteID: siteID, Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range log {
		out = append(out, l.Action)
	}
	return "," + strings.Join(out, ",") + ","
}

func cloneForm(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

func wantCode(t *testing.T, what string, r resp, code int, subs ...string) {
	t.Helper()
	if r.code != code {
		t.Fatalf("%s: status %d, want %d; body: %.400s", what, r.code, code, r.body)
	}
	for _, s := range subs {
		if !strings.Contains(r.body, s) {
			t.Errorf("%s: body lacks %q", what, s)
		}
	}
}

// Every admin-only page and action is refused to the other roles, by URL,
// with a valid CSRF token; nothing changes. Every role has its account page.
func TestAdminSectionsRefusedToOtherRoles(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "quantri", auth.RoleAdmin)
		e.addUser(t, "bientap", auth.RoleEditor)
		e.addUser(t, "duyet", auth.RoleApprover)
		e.addUser(t, "motcua", auth.RoleOfficer)
		victim := mustUser(t, s, e, "bientap")
		secret, hash, _ := auth.NewSecret()
		tokID, err := s.CreateToken(ctx, victim, "tích hợp", hash)
		if err != nil {
			t.Fatal(err)
		}
		empty, err := s.CreateCategory(ctx, news.Category{SiteID: e.site.ID, Name: "Trống", Slug: "trong"})
		if err != nil {
			t.Fatal(err)
		}
		uid, cid := fmt.Sprint(victim), fmt.Sprint(empty.ID)
		gets := []string{"/quan-tri/nguoi-dung", "/quan-tri/nguoi-dung/moi", "/quan-tri/nguoi-dung/" + uid, "/quan-tri/cai-dat",
			"/quan-tri/chuyen-muc", "/quan-tri/chuyen-muc/" + cid, "/quan-tri/nhat-ky"}
		strong := "Một mật khẩu rất dài 2026"
		posts := map[string]url.Values{
			"/quan-tri/nguoi-dung":                                               {"username": {"ketrom"}, "name": {"Kẻ trộm"}, "role": {"admin"}, "password": {strong}, "password2": {strong}},
			"/quan-tri/nguoi-dung/" + uid:                                        {"name": {"Đổi tên"}, "role": {"admin"}},
			"/quan-tri/nguoi-dung/" + uid + "/mat-khau":                          {"password": {strong}, "password2": {strong}},
			"/quan-tri/nguoi-dung/" + uid + "/tat-2fa":                           {},
			"/quan-tri/nguoi-dung/" + uid + "/ma-api":                            {"token_name": {"của tôi"}},
			fmt.Sprintf("/quan-tri/nguoi-dung/%s/ma-api/%d/thu-hoi", uid, tokID): {},
			"/quan-tri/cai-dat":                                                  {"name": {"Cổng bị đổi tên"}, "starting_total": {"0"}},
			"/quan-tri/chuyen-muc":                                               {"name": {"Chuyên mục lạ"}},
			"/quan-tri/chuyen-muc/" + cid:                                        {"name": {"Đổi tên"}},
			"/quan-tri/chuyen-muc/" + cid + "/xoa":                               {},
		}
		for _, role := range []string{"bientap", "duyet", "motcua"} {
			b := e.browser(t)
			b.login(role)
			dash := b.get("/quan-tri")
			if dash.code == http.StatusSeeOther { // officers: the dossier queue
				dash = b.get(dash.hdr.Get("Location"))
			}
			for _, link := range []string{`href="/quan-tri/nguoi-dung"`, `href="/quan-tri/cai-dat"`, `href="/quan-tri/chuyen-muc"`, `href="/quan-tri/nhat-ky"`} {
				if strings.Contains(dash.body, link) {
					t.Errorf("%s sees the admin link %s", role, link)
				}
			}
			if !strings.Contains(dash.body, `href="/quan-tri/tai-khoan"`) {
				t.Errorf("%s has no account link", role)
			}
			for _, p := range gets {
				wantCode(t, role+" GET "+p, b.get(p), http.StatusForbidden, "Bạn không có quyền thực hiện thao tác này.")
			}
			for p, form := range posts {
				// A copy: post fills in the browser's own CSRF token.
				wantCode(t, role+" POST "+p, b.post(p, cloneForm(form)), http.StatusForbidden, "Bạn không có quyền")
			}
			wantCode(t, role+" account", b.get("/quan-tri/tai-khoan"), http.StatusOK, "Tài khoản của tôi", "Đổi mật khẩu")
		}
		// Nothing happened.
		if _, err := s.UserByName(ctx, e.site.ID, "ketrom"); err == nil {
			t.Error("a refused form created a user")
		}
		if u, _ := s.UserByID(ctx, e.site.ID, victim); u.Name != "Cán bộ bientap" || u.Role != auth.RoleEditor {
			t.Errorf("a refused form changed the user: %+v", u.User)
		}
		if _, err := s.UserByToken(ctx, auth.HashSecret(secret)); err != nil {
			t.Error("a refused form revoked the token")
		}
		if site, _ := s.Site(ctx, e.site.ID); site.Name != e.site.Name {
			t.Error("a refused form changed the settings")
		}
		if c, err := s.CategoryByID(ctx, e.site.ID, empty.ID); err != nil || c.Name != "Trống" {
			t.Error("a refused form changed or deleted the category")
		}
		// Anonymous: GET goes to the login page, POST is refused.
		anon := e.browser(t)
		for _, p := range gets {
			if r := anon.get(p); r.code != http.StatusSeeOther || !strings.HasPrefix(r.hdr.Get("Location"), "/dang-nhap") {
				t.Errorf("anonymous GET %s: %d", p, r.code)
			}
		}
		for p, form := range posts {
			if r := anon.post(p, cloneForm(form)); r.code != http.StatusUnauthorized && r.code != http.StatusForbidden {
				t.Errorf("anonymous POST %s: %d", p, r.code)
			}
		}
		// The admin sees every section in the menu.
		a := e.adminBrowser(t)
		dash := a.get("/quan-tri")
		for _, link := range []string{`href="/quan-tri/nguoi-dung"`, `href="/quan-tri/cai-dat"`, `href="/quan-tri/chuyen-muc"`, `href="/quan-tri/nhat-ky"`, `href="/quan-tri/tai-khoan"`} {
			if !strings.Contains(dash.body, link) {
				t.Errorf("admin menu lacks %s", link)
			}
		}
	})
}

func TestAdminCreatesUser(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "bientap", auth.RoleEditor)
		a := e.adminBrowser(t)
		wantCode(t, "form", a.get("/quan-tri/nguoi-dung/moi"), http.StatusOK, "Thêm người dùng", "Mật khẩu ban đầu", "Người duyệt", "Cán bộ một cửa")
		pw := "Hoa sen nở giữa đầm 2026"
		form := func(username, role, pw1, pw2 string) url.Values {
			return url.Values{"username": {username}, "name": {"Trần Thị Bích Ngọc"}, "email": {"ngoc@hoaphong.gov.vn"}, "role": {role}, "password": {pw1}, "password2": {pw2}}
		}
		// Weak passwords are refused with the reason; what was typed stays.
		for _, c := range []struct{ pw, msg string }{
			{"ngan", "cần ít nhất 10 ký tự"},
			{"matkhau123", "quá phổ biến"},
			{"ngoc.tran-2026-ok", "không được chứa tên đăng nhập"},
			{"1234567890", "quá phổ biến"},
		} {
			r := a.post("/quan-tri/nguoi-dung", form("ngoc.tran", "approver", c.pw, c.pw))
			wantCode(t, "weak "+c.pw, r, http.StatusUnprocessableEntity, "Mật khẩu chưa đủ mạnh", c.msg, "Trần Thị Bích Ngọc", "ngoc@hoaphong.gov.vn", `value="ngoc.tran"`)
		}
		wantCode(t, "mismatch", a.post("/quan-tri/nguoi-dung", form("ngoc.tran", "approver", pw, pw+"x")), http.StatusUnprocessableEntity, "Hai lần nhập mật khẩu không khớp.")
		// Unknown role, bad username, bad email.
		wantCode(t, "unknown role", a.post("/quan-tri/nguoi-dung", form("ngoc.tran", "superadmin", pw, pw)), http.StatusUnprocessableEntity, "Vai trò không hợp lệ")
		wantCode(t, "bad username", a.post("/quan-tri/nguoi-dung", form("ngọc trần", "editor", pw, pw)), http.StatusUnprocessableEntity, "Tên đăng nhập gồm 3–64 ký tự")
		bad := form("ngoc.tran", "editor", pw, pw)
		bad.Set("email", "ngoc@")
		wantCode(t, "bad email", a.post("/quan-tri/nguoi-dung", bad), http.StatusUnprocessableEntity, "Địa chỉ thư điện tử không hợp lệ")
		// Duplicate username (compared case-insensitively).
		wantCode(t, "duplicate", a.post("/quan-tri/nguoi-dung", form("BienTap", "editor", pw, pw)), http.StatusConflict, "đã có người dùng")
		if _, err := s.UserByName(ctx, e.site.ID, "ngoc.tran"); err == nil {
			t.Fatal("a refused form created the user")
		}
		// Missing CSRF token: refused, nothing created.
		noCSRF := form("ngoc.tran", "approver", pw, pw)
		noCSRF.Set("csrf", "")
		wantCode(t, "no csrf", a.post("/quan-tri/nguoi-dung", noCSRF), http.StatusForbidden, "mã chống giả mạo")
		if _, err := s.UserByName(ctx, e.site.ID, "ngoc.tran"); err == nil {
			t.Fatal("a form without CSRF token created the user")
		}
		// Created.
		r := a.post("/quan-tri/nguoi-dung", form("Ngoc.Tran", "approver", pw, pw))
		if r.code != http.StatusSeeOther || !strings.Contains(r.hdr.Get("Location"), "tb=tao-nguoi-dung") {
			t.Fatalf("create: %d %q %.300s", r.code, r.hdr.Get("Location"), r.body)
		}
		wantCode(t, "after create", a.get(r.hdr.Get("Location")), http.StatusOK, "Đã tạo tài khoản.", "ngoc.tran")
		wantCode(t, "list", a.get("/quan-tri/nguoi-dung"), http.StatusOK, "ngoc.tran", "Trần Thị Bích Ngọc", "Người duyệt", "Đang hoạt động")
		u, err := s.UserByName(ctx, e.site.ID, "ngoc.tran")
		if err != nil || u.Role != auth.RoleApprover || u.Email != "ngoc@hoaphong.gov.vn" || u.PasswordHash == pw || strings.Contains(u.PasswordHash, pw) {
			t.Fatalf("stored user: %+v %v", u.User, err)
		}
		// The new user logs in with the initial password.
		nb := e.browser(t)
		if r := loginWith(nb, "ngoc.tran", pw); r.code != http.StatusSeeOther {
			t.Fatalf("new user login: %d", r.code)
		}
		wantCode(t, "new user dashboard", nb.get("/quan-tri"), http.StatusOK, "Bảng điều khiển", "Trần Thị Bích Ngọc")
		if got := auditActions(t, s, e.site.ID); !strings.Contains(got, ",user.create,") {
			t.Errorf("audit lacks user.create: %s", got)
		}
	})
}

func TestAdminEditsUser(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "bientap", auth.RoleEditor)
		a := e.adminBrowser(t)
		me := fmt.Sprint(mustUser(t, s, e, "quantri"))
		id := fmt.Sprint(mustUser(t, s, e, "bientap"))
		ed := e.browser(t)
		ed.login("bientap")

		wantCode(t, "edit form", a.get("/quan-tri/nguoi-dung/"+id), http.StatusOK, "Người dùng bientap", "Cán bộ bientap", "Đặt lại mật khẩu", "Mã API")
		// Unknown role on edit: 422, nothing saved.
		wantCode(t, "unknown role", a.post("/quan-tri/nguoi-dung/"+id, url.Values{"name": {"Lê Văn Tám"}, "role": {"root"}}), http.StatusUnprocessableEntity, "Vai trò không hợp lệ", "Lê Văn Tám")
		// Promote and rename.
		r := a.post("/quan-tri/nguoi-dung/"+id, url.Values{"name": {"Lê Văn Tám"}, "email": {"tam@hoaphong.gov.vn"}, "role": {"approver"}})
		wantCode(t, "save", r, http.StatusSeeOther)
		u, _ := s.UserByName(ctx, e.site.ID, "bientap")
		if u.Name != "Lê Văn Tám" || u.Role != auth.RoleApprover || u.Disabled {
			t.Fatalf("saved: %+v", u.User)
		}
		// The new role applies to the open session at once.
		if d := ed.get("/quan-tri"); !strings.Contains(d.body, "Người duyệt") {
			t.Error("role change not applied to the open session")
		}
		// Disable: the open session ends and login is refused.
		wantCode(t, "disable", a.post("/quan-tri/nguoi-dung/"+id, url.Values{"name": {"Lê Văn Tám"}, "role": {"approver"}, "disabled": {"1"}}), http.StatusSeeOther)
		if r := ed.get("/quan-tri"); r.code != http.StatusSeeOther {
			t.Fatalf("disabled user's session still works: %d", r.code)
		}
		if r := loginWith(e.browser(t), "bientap", "mật-khẩu-thử-bientap"); r.code != http.StatusUnauthorized {
			t.Fatalf("disabled login: %d", r.code)
		}
		wantCode(t, "list", a.get("/quan-tri/nguoi-dung"), http.StatusOK, "Đã khóa")
		wantCode(t, "enable", a.post("/quan-tri/nguoi-dung/"+id, url.Values{"name": {"Lê Văn Tám"}, "role": {"approver"}}), http.StatusSeeOther)
		ed.login("bientap")

		// An admin can neither demote nor disable themself.
		r = a.post("/quan-tri/nguoi-dung/"+me, url.Values{"name": {"Quản trị"}, "role": {"editor"}})
		wantCode(t, "self demote", r, http.StatusUnprocessableEntity, "Bạn không thể tự hạ quyền quản trị của chính mình")
		r = a.post("/quan-tri/nguoi-dung/"+me, url.Values{"name": {"Quản trị"}, "role": {"admin"}, "disabled": {"1"}})
		wantCode(t, "self disable", r, http.StatusUnprocessableEntity, "Bạn không thể tự khóa tài khoản của chính mình.")
		if u, _ := s.UserByName(ctx, e.site.ID, "quantri"); u.Role != auth.RoleAdmin || u.Disabled {
			t.Fatalf("admin changed themself: %+v", u.User)
		}
		// Saving one's own name is fine.
		wantCode(t, "self rename", a.post("/quan-tri/nguoi-dung/"+me, url.Values{"name": {"Nguyễn Quản Trị"}, "role": {"admin"}}), http.StatusSeeOther)

		// Password reset: weak refused; a good one ends the user's sessions.
		wantCode(t, "weak reset", a.post("/quan-tri/nguoi-dung/"+id+"/mat-khau", url.Values{"password": {"12345678"}, "password2": {"12345678"}}), http.StatusUnprocessableEntity, "Mật khẩu chưa đủ mạnh")
		newPw := "Cây đa đầu làng 1954"
		wantCode(t, "reset", a.post("/quan-tri/nguoi-dung/"+id+"/mat-khau", url.Values{"password": {newPw}, "password2": {newPw}}), http.StatusSeeOther)
		if r := ed.get("/quan-tri"); r.code != http.StatusSeeOther {
			t.Fatalf("session survived a password reset: %d", r.code)
		}
		if r := loginWith(e.browser(t), "bientap", "mật-khẩu-thử-bientap"); r.code != http.StatusUnauthorized {
			t.Fatal("old password still works")
		}
		if r := loginWith(e.browser(t), "bientap", newPw); r.code != http.StatusSeeOther {
			t.Fatal("new password refused")
		}
		// An admin's own password is changed on the account page.
		wantCode(t, "self reset", a.post("/quan-tri/nguoi-dung/"+me+"/mat-khau", url.Values{"password": {newPw}, "password2": {newPw}}), http.StatusUnprocessableEntity, "trang Tài khoản")

		got := auditActions(t, s, e.site.ID)
		for _, want := range []string{"user.update", "user.disable", "user.enable", "user.password_reset"} {
			if !strings.Contains(got, ","+want+",") {
				t.Errorf("audit lacks %s: %s", want, got)
			}
		}
		if r := a.get("/quan-tri/nguoi-dung/999999"); r.code != http.StatusNotFound {
			t.Errorf("unknown user: %d", r.code)
		}
	})
}

var tokenRE = regexp.MustCompile(`id="newtoken" value="([^"]+)"`)

func TestAdminUserTokens(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "bientap", auth.RoleEditor)
		a := e.adminBrowser(t)
		id := fmt.Sprint(mustUser(t, s, e, "bientap"))
		a.get("/quan-tri/nguoi-dung/" + id)
		wantCode(t, "unnamed token", a.post("/quan-tri/nguoi-dung/"+id+"/ma-api", url.Values{"token_name": {""}}), http.StatusUnprocessableEntity, "Vui lòng đặt tên cho mã API")
		r := a.post("/quan-tri/nguoi-dung/"+id+"/ma-api", url.Values{"token_name": {"Hệ thống một cửa"}})
		wantCode(t, "create token", r, http.StatusOK, "chỉ hiển thị một lần", "Hệ thống một cửa")
		m := tokenRE.FindStringSubmatch(r.body)
		if m == nil {
			t.Fatal("token not shown")
		}
		secret := m[1]
		// The token works on the write API as the user.
		code, out := e.api(t, "POST", "/api/v1/articles", secret, `{"title":"Bài gửi qua mã API mới","category":"cai-cach-hanh-chinh","body_html":"<p>Nội dung</p>"}`)
		if code != http.StatusCreated {
			t.Fatalf("token on the API: %d %v", code, out)
		}
		// Shown once: the page does not show it again.
		if p := a.get("/quan-tri/nguoi-dung/" + id); strings.Contains(p.body, secret) || !strings.Contains(p.body, "Hệ thống một cửa") {
			t.Fatal("token shown again, or not listed")
		}
		toks, _ := s.Tokens(ctx, mustID(id))
		if len(toks) != 1 {
			t.Fatalf("tokens: %d", len(toks))
		}
		tid := fmt.Sprint(toks[0].ID)
		// A token id of another user is not found through this user.
		other := fmt.Sprint(mustUser(t, s, e, "quantri"))
		if r := a.post("/quan-tri/nguoi-dung/"+other+"/ma-api/"+tid+"/thu-hoi", nil); r.code != http.StatusNotFound {
			t.Fatalf("revoke through another user: %d", r.code)
		}
		wantCode(t, "revoke", a.post("/quan-tri/nguoi-dung/"+id+"/ma-api/"+tid+"/thu-hoi", nil), http.StatusSeeOther)
		wantCode(t, "revoked listed", a.get("/quan-tri/nguoi-dung/"+id), http.StatusOK, "đã thu hồi")
		if code, _ := e.api(t, "POST", "/api/v1/articles", secret, `{"title":"x"}`); code != http.StatusUnauthorized {
			t.Fatalf("revoked token still works: %d", code)
		}
		wantCode(t, "revoke twice", a.post("/quan-tri/nguoi-dung/"+id+"/ma-api/"+tid+"/thu-hoi", nil), http.StatusConflict, "đã bị thu hồi")
		got := auditActions(t, s, e.site.ID)
		for _, want := range []string{"token.create", "token.revoke"} {
			if !strings.Contains(got, ","+want+",") {
				t.Errorf("audit lacks %s", want)
			}
		}
		// The audit log never holds the secret.
		log, _ := s.AuditLog(ctx, store.AuditFilter{SiteID: e.site.ID, Limit: 500})
		for _, l := range log {
			if strings.Contains(l.Detail, secret) {
				t.Fatal("token secret in the audit log")
			}
		}
	})
}
