package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/web"
)

// postLogin posts the login form from a given client address.
func (e *env) postLogin(remote, username, password, next string) resp {
	e.t.Helper()
	form := url.Values{"username": {username}, "password": {password}, "tiep": {next}}
	r := httptest.NewRequest("POST", "/dang-nhap", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("User-Agent", browserUA)
	r.RemoteAddr = remote
	w := httptest.NewRecorder()
	e.srv.ServeHTTP(w, r)
	return resp{w.Code, w.Body.String(), w.Header()}
}

// A return path that a browser reads as another site (it drops TAB) is not
// followed, on the login form nor after the password.
func TestLoginRedirectStaysOnSite(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "duyet", auth.RoleApprover)
		for _, next := range []string{"/\t/evil.example", "/%09/evil.example", "//evil.example", `/\evil.example`, "https://evil.example/"} {
			r := e.postLogin("192.0.2.10:1234", "duyet", "mật-khẩu-thử-duyet", next)
			if r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/quan-tri" {
				t.Errorf("tiep=%q: %d → %q", next, r.code, r.hdr.Get("Location"))
			}
		}
		r := e.postLogin("192.0.2.10:1234", "duyet", "mật-khẩu-thử-duyet", "/quan-tri/bai-viet?trang=2")
		if r.hdr.Get("Location") != "/quan-tri/bai-viet?trang=2" {
			t.Errorf("a same-site path with a query was not kept: %q", r.hdr.Get("Location"))
		}
		b := e.browser(t)
		b.login("duyet")
		if r := b.get("/dang-nhap?tiep=/%09/evil.example"); r.hdr.Get("Location") != "/quan-tri" {
			t.Errorf("logged-in form: %d → %q", r.code, r.hdr.Get("Location"))
		}
	})
}

// 40 parallel wrong passwords for one account from one network: each is
// counted before it is verified, so no more than the budget reach argon2;
// the others are refused with 429 and Retry-After.
func TestParallelGuessesReservedBeforeVerifying(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "duyet", auth.RoleApprover)
		web.SetHashGate(e.srv, 2, time.Minute) // a slow machine must not turn 401s into 503s here
		var mu sync.Mutex
		codes := map[int]int{}
		var wg sync.WaitGroup
		for i := range 40 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := e.postLogin("203.0.113.7:"+strconv.Itoa(2000+i), "duyet", "doan-bua-"+strconv.Itoa(i), "/quan-tri")
				if r.code == http.StatusTooManyRequests && r.hdr.Get("Retry-After") == "" {
					t.Error("429 without Retry-After")
				}
				mu.Lock()
				codes[r.code]++
				mu.Unlock()
			}()
		}
		wg.Wait()
		budget := auth.LoginThrottle.PerAccountNetwork
		if codes[http.StatusUnauthorized] > budget || codes[http.StatusUnauthorized] == 0 ||
			codes[http.StatusUnauthorized]+codes[http.StatusTooManyRequests] != 40 {
			t.Fatalf("answers %v: want at most %d verified (401), the rest 429", codes, budget)
		}
	})
}

// A stranger's guesses from his network cannot lock the owner out: the
// owner logs in from another network at once. Guesses from many networks
// only slow the account down for a few seconds. IPv6 addresses of one /64
// are one network.
func TestStrangerCannotLockOutOwner(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "quantri", auth.RoleAdmin)
		web.SetHashGate(e.srv, 2, time.Minute)
		now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
		web.SetClock(e.srv, func() time.Time { return now })

		for i := range 50 {
			r := e.postLogin("203.0.113.7:4000", "quantri", "doan-"+strconv.Itoa(i), "/quan-tri")
			if i >= auth.LoginThrottle.PerAccountNetwork && (r.code != http.StatusTooManyRequests || r.hdr.Get("Retry-After") == "") {
				t.Fatalf("stranger's guess %d: %d, Retry-After %q", i, r.code, r.hdr.Get("Retry-After"))
			}
		}
		if r := e.postLogin("203.0.113.7:4000", "quantri", "mật-khẩu-thử-quantri", "/quan-tri"); r.code != http.StatusTooManyRequests {
			t.Fatalf("the stranger's network still got in: %d", r.code)
		}
		if r := e.postLogin("198.51.100.20:5000", "quantri", "mật-khẩu-thử-quantri", "/quan-tri"); r.code != http.StatusSeeOther {
			t.Fatalf("owner from another network: %d %s", r.code, r.body[:min(300, len(r.body))])
		}

		// One /64: five addresses, five guesses, and the sixth address of
		// the same /64 is refused even with the right password.
		for i := 1; i <= auth.LoginThrottle.PerAccountNetwork; i++ {
			if r := e.postLogin("[2001:db8:1:2::"+strconv.Itoa(i)+"]:443", "quantri", "sai", "/quan-tri"); r.code != http.StatusUnauthorized {
				t.Fatalf("IPv6 guess %d: %d", i, r.code)
			}
		}
		if r := e.postLogin("[2001:db8:1:2:ffff::9]:443", "quantri", "mật-khẩu-thử-quantri", "/quan-tri"); r.code != http.StatusTooManyRequests {
			t.Fatalf("another address of the same /64 had its own budget: %d", r.code)
		}

		// Many networks, one wrong guess each: the account gets a short
		// delay, never a lock; the owner is in once it has passed.
		for i := range auth.LoginThrottle.AccountFree + 3 {
			e.postLogin("198.18.0."+strconv.Itoa(i+1)+":80", "quantri", "sai", "/quan-tri")
		}
		r := e.postLogin("198.51.100.20:5000", "quantri", "mật-khẩu-thử-quantri", "/quan-tri")
		if r.code != http.StatusTooManyRequests || !strings.Contains(r.body, "vui lòng chờ") {
			t.Fatalf("owner during the account's delay: %d", r.code)
		}
		wait, err := strconv.Atoi(r.hdr.Get("Retry-After"))
		if err != nil || wait < 1 || time.Duration(wait)*time.Second > auth.LoginThrottle.AccountDelayMax {
			t.Fatalf("Retry-After %q: want a short delay", r.hdr.Get("Retry-After"))
		}
		now = now.Add(time.Duration(wait) * time.Second)
		if r := e.postLogin("198.51.100.20:5000", "quantri", "mật-khẩu-thử-quantri", "/quan-tri"); r.code != http.StatusSeeOther {
			t.Fatalf("owner after the delay: %d", r.code)
		}
	})
}

// With every hashing slot taken, a login is answered 503 with Retry-After
// and a Vietnamese message instead of adding 19 MiB more.
func TestLoginBusyWhenHashingFull(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "duyet", auth.RoleApprover)
		web.SetHashGate(e.srv, 2, 10*time.Millisecond)
		release := web.FillHashGate(e.srv)
		r := e.postLogin("192.0.2.30:1000", "ai-do-khong-co", "mat-khau-bat-ky", "/quan-tri")
		release()
		if r.code != http.StatusServiceUnavailable || r.hdr.Get("Retry-After") == "" || !strings.Contains(r.body, "Hệ thống đang bận, vui lòng thử lại sau ít giây.") {
			t.Fatalf("gate full: %d, Retry-After %q", r.code, r.hdr.Get("Retry-After"))
		}
		if r := e.postLogin("192.0.2.30:1000", "duyet", "mật-khẩu-thử-duyet", "/quan-tri"); r.code != http.StatusSeeOther {
			t.Fatalf("after the flood: %d", r.code)
		}
	})
}

// parallel runs n copies of do and counts the answers by status.
func parallel(t *testing.T, n int, do func(i int) resp) map[int]int {
	var mu sync.Mutex
	codes := map[int]int{}
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := do(i)
			if r.code == http.StatusTooManyRequests && r.hdr.Get("Retry-After") == "" {
				t.Error("429 without Retry-After")
			}
			mu.Lock()
			codes[r.code]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	return codes
}

// The change-password form and the second-factor form reserve each guess
// too: in parallel, no more than the budget are checked.
func TestParallelGuessesOnPasswordAndCodeForms(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		web.SetHashGate(e.srv, 2, time.Minute)
		budget := auth.LoginThrottle.PerAccountNetwork
		e.addUser(t, "duyet", auth.RoleApprover)
		b := e.browser(t)
		b.login("duyet")
		b.get("/quan-tri/tai-khoan")
		pw := "Trống đồng Ngọc Lũ 1893"
		codes := parallel(t, 20, func(i int) resp {
			return b.post("/quan-tri/tai-khoan/mat-khau", url.Values{"current": {"doan-" + strconv.Itoa(i)}, "password": {pw}, "password2": {pw}})
		})
		if codes[http.StatusUnprocessableEntity] > budget || codes[http.StatusUnprocessableEntity]+codes[http.StatusTooManyRequests] != 20 {
			t.Errorf("change password: %v, want at most %d checked", codes, budget)
		}

		e.addUser(t, "quantri", auth.RoleAdmin)
		u, err := s.UserByName(ctx, e.site.ID, "quantri")
		if err != nil {
			t.Fatal(err)
		}
		secret, _ := auth.NewTOTPSecret()
		if err := s.SetTOTP(ctx, u.ID, secret, 0); err != nil {
			t.Fatal(err)
		}
		b2 := e.browser(t)
		if r := b2.post("/dang-nhap", url.Values{"username": {"quantri"}, "password": {"mật-khẩu-thử-quantri"}, "tiep": {"/quan-tri"}}); r.code != http.StatusSeeOther {
			t.Fatalf("password step: %d", r.code)
		}
		b2.get("/dang-nhap/ma-xac-thuc")
		wrong := "000000"
		for step := auth.TOTPStep(time.Now()) - 2; step <= auth.TOTPStep(time.Now())+2; step++ {
			if c, _ := auth.TOTPCode(secret, step); c == wrong {
				wrong = "999999"
			}
		}
		codes = parallel(t, 20, func(int) resp {
			return b2.post("/dang-nhap/ma-xac-thuc", url.Values{"code": {wrong}, "tiep": {"/quan-tri"}})
		})
		if codes[http.StatusUnauthorized] > budget || codes[http.StatusUnauthorized]+codes[http.StatusTooManyRequests] != 20 {
			t.Errorf("second factor: %v, want at most %d checked", codes, budget)
		}
	})
}
