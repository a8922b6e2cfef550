package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/web"
)

// browser is a staff member's browser against a real HTTP server.
type browser struct {
	t    *testing.T
	base string
	c    *http.Client
	csrf string
}

func (e *env) browser(t *testing.T) *browser {
	srv := httptest.NewServer(e.srv)
	t.Cleanup(srv.Close)
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, base: srv.URL, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func (b *browser) get(path string) resp {
	b.t.Helper()
	r, err := b.c.Get(b.base + path)
	if err != nil {
		b.t.Fatal(err)
	}
	defer r.Body.Close()
	body, _ := io.ReadAll(r.Body)
	if m := csrfRE.FindSubmatch(body); m != nil {
		b.csrf = string(m[1])
	}
	return resp{r.StatusCode, string(body), r.Header}
}

func (b *browser) post(path string, form url.Values) resp {
	b.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form["csrf"]; !ok {
		form.Set("csrf", b.csrf)
	}
	r, err := b.c.PostForm(b.base+path, form)
	if err != nil {
		b.t.Fatal(err)
	}
	defer r.Body.Close()
	body, _ := io.ReadAll(r.Body)
	return resp{r.StatusCode, string(body), r.Header}
}

func (e *env) addUser(t *testing.T, username string, role auth.Role) {
	t.Helper()
	h, err := auth.HashPassword("mật-khẩu-thử-" + username)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.st.CreateUser(ctx, &store.UserRecord{User: auth.User{SiteID: e.site.ID, Username: username, Name: "Cán bộ " + username, Role: role}, PasswordHash: h}); err != nil {
		t.Fatal(err)
	}
}

func (b *browser) login(username string) {
	b.t.Helper()
	r := b.post("/dang-nhap", url.Values{"username": {username}, "password": {"mật-khẩu-thử-" + username}, "tiep": {"/quan-tri"}})
	if r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/quan-tri" {
		b.t.Fatalf("login %s: %d %s", username, r.code, r.body)
	}
	// Officers go straight to the dossier queue; everyone else lands on
	// the dashboard.
	d := b.get("/quan-tri")
	if d.code == http.StatusSeeOther && d.hdr.Get("Location") == "/quan-tri/ho-so" {
		if q := b.get("/quan-tri/ho-so"); q.code != 200 {
			b.t.Fatalf("dossier queue %d", q.code)
		}
		return
	}
	if d.code != 200 || !strings.Contains(d.body, "Bảng điều khiển") {
		b.t.Fatalf("dashboard %d", d.code)
	}
}

func TestLoginAndSessions(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "bientap", auth.RoleEditor)
		b := e.browser(t)
		// Anonymous: sent to the login page.
		if r := b.get("/quan-tri/bai-viet"); r.code != http.StatusSeeOther || !strings.HasPrefix(r.hdr.Get("Location"), "/dang-nhap?tiep=") {
			t.Fatalf("anonymous admin: %d %s", r.code, r.hdr.Get("Location"))
		}
		if r := b.get("/dang-nhap"); r.code != 200 || !strings.Contains(r.body, "Tên đăng nhập") {
			t.Fatalf("login page %d", r.code)
		}
		// Wrong password and unknown user: same message, 401.
		for _, u := range []string{"bientap", "khongco"} {
			r := b.post("/dang-nhap", url.Values{"username": {u}, "password": {"sai-mat-khau-123"}})
			if r.code != http.StatusUnauthorized || !strings.Contains(r.body, "Tên đăng nhập hoặc mật khẩu không đúng.") {
				t.Fatalf("wrong password for %s: %d", u, r.code)
			}
		}
		b.login("bientap")
		jarCookie := func() string {
			u, _ := url.Parse(b.base)
			for _, c := range b.c.Jar.Cookies(u) {
				if c.Name == "cong_sid" {
					return c.Value
				}
			}
			return ""
		}
		first := jarCookie()
		// Logging in again rotates the session id.
		b.login("bientap")
		if second := jarCookie(); second == "" || second == first {
			t.Fatal("session id not rotated at login")
		}
		// The stored form is a hash: the cookie value is not in the database.
		var n int
		s.DB().QueryRow(`SELECT COUNT(*) FROM sessions`).Scan(&n)
		if n != 1 {
			t.Fatalf("old session not dropped at login: %d sessions", n)
		}
		// Missing or wrong CSRF token: refused, nothing done.
		if r := b.post("/quan-tri/bai-viet", url.Values{"csrf": {"sai"}, "title": {"Bài"}, "category": {fmt.Sprint(e.cat.ID)}}); r.code != http.StatusForbidden || !strings.Contains(r.body, "mã chống giả mạo") {
			t.Fatalf("bad csrf: %d", r.code)
		}
		if r := b.post("/quan-tri/bai-viet", url.Values{"csrf": {""}, "title": {"Bài"}}); r.code != http.StatusForbidden {
			t.Fatalf("no csrf: %d", r.code)
		}
		if total, _ := s.CountArticles(ctx, store.ListOptions{SiteID: e.site.ID, Status: news.StatusDraft}); total != 0 {
			t.Fatal("a refused form wrote an article")
		}
		// Logout ends the session server-side.
		b.get("/quan-tri")
		if r := b.post("/dang-xuat", nil); r.code != http.StatusSeeOther {
			t.Fatalf("logout %d", r.code)
		}
		if r := b.get("/quan-tri"); r.code != http.StatusSeeOther {
			t.Fatalf("after logout: %d", r.code)
		}
		// A disabled account cannot log in.
		u, _ := s.UserByName(ctx, e.site.ID, "bientap")
		u.Disabled = true
		s.UpdateUser(ctx, u.User)
		if r := b.post("/dang-nhap", url.Values{"username": {"bientap"}, "password": {"mật-khẩu-thử-bientap"}}); r.code != http.StatusUnauthorized {
			t.Fatalf("disabled login: %d", r.code)
		}
		// The audit log has the story.
		log, _ := s.AuditLog(ctx, store.AuditFilter{SiteID: e.site.ID})
		var actions []string
		for _, l := range log {
			actions = append(actions, l.Action)
		}
		got := strings.Join(actions, ",")
		for _, want := range []string{"login.failed", "login", "logout"} {
			if !strings.Contains(got, want) {
				t.Errorf("audit lacks %s: %s", want, got)
			}
		}
		if _, err := s.DB().Exec(`DELETE FROM audit_log`); err == nil {
			t.Error("audit log rows could be deleted")
		}
		if _, err := s.DB().Exec(`UPDATE audit_log SET action = 'x'`); err == nil {
			t.Error("audit log rows could be changed")
		}
	})
}

func TestLoginThrottling(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "duyet", auth.RoleApprover)
		b := e.browser(t)
		for i := 0; i < 5; i++ {
			b.post("/dang-nhap", url.Values{"username": {"duyet"}, "password": {"doan-mo-" + fmt.Sprint(i)}})
		}
		// Even the right password is refused while throttled, with a clear message.
		r := b.post("/dang-nhap", url.Values{"username": {"duyet"}, "password": {"mật-khẩu-thử-duyet"}})
		if r.code != http.StatusTooManyRequests || !strings.Contains(r.body, "sai quá nhiều lần") {
			t.Fatalf("throttle: %d", r.code)
		}
	})
}

func idFromLocation(t *testing.T, r resp) string {
	t.Helper()
	m := regexp.MustCompile(`^/quan-tri/bai-viet/(\d+)`).FindStringSubmatch(r.hdr.Get("Location"))
	if m == nil {
		t.Fatalf("no article location: %d %q %s", r.code, r.hdr.Get("Location"), r.body[:min(len(r.body), 300)])
	}
	return m[1]
}

func TestEditorialWorkflow(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "bientap", auth.RoleEditor)
		e.addUser(t, "bientap2", auth.RoleEditor)
		e.addUser(t, "duyet", auth.RoleApprover)
		ed := e.browser(t)
		ed.login("bientap")
		ed.get("/quan-tri/bai-viet/moi")
		cat := fmt.Sprint(e.cat.ID)
		// Validation: the form comes back with what was typed.
		r := ed.post("/quan-tri/bai-viet", url.Values{"title": {""}, "body": {"<p>Nội dung giữ lại</p>"}, "category": {cat}})
		if r.code != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Tiêu đề không được để trống.") || !strings.Contains(r.body, "Nội dung giữ lại") {
			t.Fatalf("validation: %d", r.code)
		}
		r = ed.post("/quan-tri/bai-viet", url.Values{"title": {"Xã triển khai dịch vụ công trực tuyến toàn trình"}, "category": {cat},
			"summary": {"Tóm tắt"}, "body": {`<p>Nội dung <img src=x onerror="alert(1)"></p><script>alert(2)</script>`}, "tags": {"DVC, chuyển đổi số"}})
		if r.code != http.StatusSeeOther {
			t.Fatalf("create: %d %s", r.code, r.body)
		}
		id := idFromLocation(t, r)
		page := ed.get(r.hdr.Get("Location"))
		if !strings.Contains(page.body, "Đã lưu bài viết.") || strings.Contains(page.body, "onerror") || strings.Contains(page.body, "alert(2)") {
			t.Fatalf("saved page: %s", page.body)
		}
		if strings.Contains(page.body, `/xuat-ban"`) {
			t.Fatal("an editor is offered the publish button")
		}
		// An editor cannot publish, by URL either.
		if r := ed.post("/quan-tri/bai-viet/"+id+"/xuat-ban", nil); r.code != http.StatusForbidden {
			t.Fatalf("editor publish: %d", r.code)
		}
		// Another editor cannot edit it.
		ed2 := e.browser(t)
		ed2.login("bientap2")
		ed2.get("/quan-tri")
		if r := ed2.post("/quan-tri/bai-viet/"+id, url.Values{"title": {"Sửa trộm"}, "category": {cat}, "version": {"1"}}); r.code != http.StatusForbidden {
			t.Fatalf("other editor edit: %d", r.code)
		}
		// Submit.
		ed.get("/quan-tri/bai-viet/" + id)
		if r := ed.post("/quan-tri/bai-viet/"+id+"/gui-duyet", nil); r.code != http.StatusSeeOther {
			t.Fatalf("submit: %d %s", r.code, r.body)
		}
		// The approver returns it with a comment, which the editor sees.
		ap := e.browser(t)
		ap.login("duyet")
		if d := ap.get("/quan-tri"); !strings.Contains(d.body, "Xã triển khai dịch vụ công trực tuyến toàn trình") {
			t.Fatal("pending article not on the approver's dashboard")
		}
		ap.get("/quan-tri/bai-viet/" + id)
		if r := ap.post("/quan-tri/bai-viet/"+id+"/tra-lai", url.Values{"comment": {""}}); r.code != http.StatusUnprocessableEntity {
			t.Fatalf("return without comment: %d", r.code)
		}
		if r := ap.post("/quan-tri/bai-viet/"+id+"/tra-lai", url.Values{"comment": {"Bổ sung số hồ sơ trực tuyến quý III."}}); r.code != http.StatusSeeOther {
			t.Fatalf("return: %d", r.code)
		}
		if p := ed.get("/quan-tri/bai-viet/" + id); !strings.Contains(p.body, "Bổ sung số hồ sơ trực tuyến quý III.") {
			t.Fatal("editor does not see the comment")
		}
		// Two people edit at once: the second save is a conflict, nothing lost.
		ap.get("/quan-tri/bai-viet/" + id)
		stale := ed.csrf
		a, _ := s.Article(ctx, e.site.ID, mustID(id))
		v := fmt.Sprint(a.Version)
		if r := ed.post("/quan-tri/bai-viet/"+id, url.Values{"title": {"Xã triển khai dịch vụ công trực tuyến toàn trình"}, "category": {cat}, "version": {v}, "body": {"<p>Bản của biên tập viên</p>"}}); r.code != http.StatusSeeOther {
			t.Fatalf("first save: %d %s", r.code, r.body)
		}
		r = ap.post("/quan-tri/bai-viet/"+id, url.Values{"title": {"Tiêu đề của người duyệt"}, "category": {cat}, "version": {v}, "body": {"<p>Bản của người duyệt</p>"}})
		if r.code != http.StatusConflict || !strings.Contains(r.body, "CHƯA được lưu") || !strings.Contains(r.body, "Bản của người duyệt") {
			t.Fatalf("stale save: %d", r.code)
		}
		_ = stale
		a, _ = s.Article(ctx, e.site.ID, mustID(id))
		if !strings.Contains(a.BodyHTML, "Bản của biên tập viên") {
			t.Fatalf("first save overwritten: %s", a.BodyHTML)
		}
		// Resubmit; the approver publishes; the home page shows it at once.
		ed.get("/quan-tri/bai-viet/" + id)
		ed.post("/quan-tri/bai-viet/"+id+"/gui-duyet", nil)
		e.get("/") // warm the page cache
		ap.get("/quan-tri/bai-viet/" + id)
		if r := ap.post("/quan-tri/bai-viet/"+id+"/xuat-ban", nil); r.code != http.StatusSeeOther {
			t.Fatalf("publish: %d %s", r.code, r.body)
		}
		home := e.get("/")
		if !strings.Contains(home.body, "Xã triển khai dịch vụ công trực tuyến toàn trình") {
			t.Fatal("published article not on the home page")
		}
		a, _ = s.Article(ctx, e.site.ID, mustID(id))
		pub := e.get("/bai-viet/" + a.Slug)
		if pub.code != 200 || strings.Contains(pub.body, "onerror") || strings.Contains(pub.body, "<script>alert") || !strings.Contains(pub.body, "Lượt xem: 1<") {
			t.Fatalf("public article %d", pub.code)
		}
		// Preview by staff is not counted.
		ap.get("/quan-tri/bai-viet/" + id + "/xem-truoc")
		e.counter.Flush(ctx)
		if pub := e.get("/bai-viet/" + a.Slug); !strings.Contains(pub.body, "Lượt xem: 1<") {
			t.Fatal("preview counted as a view")
		}
		// Revisions: there is history, and an old one can be restored.
		revs, _ := s.Revisions(ctx, a.ID)
		if len(revs) < 5 {
			t.Fatalf("revisions %d", len(revs))
		}
		if r := ap.get(fmt.Sprintf("/quan-tri/bai-viet/%s/phien-ban/1", id)); r.code != 200 || !strings.Contains(r.body, "Bản của biên tập viên") {
			t.Fatalf("revision view %d", r.code)
		}
		if r := ap.post(fmt.Sprintf("/quan-tri/bai-viet/%s/phien-ban/1/khoi-phuc", id), url.Values{"version": {fmt.Sprint(a.Version)}}); r.code != http.StatusSeeOther {
			t.Fatalf("restore revision %d %s", r.code, r.body)
		}
		a2, _ := s.Article(ctx, e.site.ID, a.ID)
		if a2.Version != a.Version+1 || strings.Contains(a2.BodyHTML, "Bản của biên tập viên") {
			t.Fatalf("restored: v%d %s", a2.Version, a2.BodyHTML)
		}
		// Unpublish: gone from the public site.
		ap.get("/quan-tri/bai-viet/" + id)
		ap.post("/quan-tri/bai-viet/"+id+"/go", nil)
		if r := e.get("/bai-viet/" + a.Slug); r.code != 404 {
			t.Fatalf("unpublished still public: %d", r.code)
		}
		// The admin list finds it with the public search's folding.
		if r := ap.get("/quan-tri/bai-viet?q=dich+vu+cong+toan+trinh"); !strings.Contains(r.body, "Xã triển khai dịch vụ công") {
			t.Fatal("admin search")
		}
		log, _ := s.AuditLog(ctx, store.AuditFilter{SiteID: e.site.ID, Limit: 100})
		var actions []string
		for _, l := range log {
			actions = append(actions, l.Action)
		}
		for _, want := range []string{"article.create", "article.submit", "article.return", "article.update", "article.publish", "article.restore_revision", "article.unpublish"} {
			if !strings.Contains(strings.Join(actions, ","), want) {
				t.Errorf("audit lacks %s", want)
			}
		}
	})
}

func mustID(s string) int64 {
	var n int64
	fmt.Sscan(s, &n)
	return n
}

// Two instances on one database: a publish on one shows on the other's
// cached home page within its watch interval.
func TestPublishInvalidatesOtherInstances(t *testing.T) {
	for _, eng := range testdb.Engines() {
		t.Run(eng, func(t *testing.T) {
			u := testdb.URL(t, eng)
			open := func() *store.Store {
				s, err := store.Open(ctx, u, t.TempDir())
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { s.Close() })
				if _, err := s.Migrate(ctx); err != nil {
					t.Fatal(err)
				}
				return s
			}
			e1 := newEnv(t, open())
			s2 := open()
			e2 := &env{t: t, st: s2, site: e1.site, cat: e1.cat}
			e2.counter = e1.counter
			var err error
			e2.srv, err = web.New(web.Options{Store: s2, Counter: e1.counter, SiteID: e1.site.ID, BaseURL: "https://cong.example.vn",
				Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), CacheTTL: time.Hour})
			if err != nil {
				t.Fatal(err)
			}
			wctx, cancel := context.WithCancel(ctx)
			defer cancel()
			go e2.srv.Watch(wctx, 20*time.Millisecond)
			if home := e2.get("/"); strings.Contains(home.body, "Tin mới từ máy chủ kia") {
				t.Fatal("too early")
			}
			time.Sleep(60 * time.Millisecond) // let the watcher read the current version
			a := &news.Article{SiteID: e1.site.ID, CategoryID: e1.cat.ID, Title: "Tin mới từ máy chủ kia", Status: news.StatusPublished}
			if err := e1.st.SaveArticle(ctx, a); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(5 * time.Second)
			for {
				if strings.Contains(e2.get("/").body, "Tin mới từ máy chủ kia") {
					break
				}
				if time.Now().After(deadline) {
					t.Fatal("the other instance kept its stale home page")
				}
				time.Sleep(20 * time.Millisecond)
			}
		})
	}
}
