package web_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/web"
)

type lockedBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuf) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuf) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// Logs are structured and never hold passwords, tokens, session cookies or
// a citizen's personal data, whatever a request carries and however it
// fails. The flow runs with debug logging, the most talkative level.
func TestLogsHoldNoSecrets(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		var logs lockedBuf
		log := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
		proxies, _ := visit.ParseProxies("")
		var err error
		e.srv, err = web.New(web.Options{Store: s, Counter: e.counter, SiteID: e.site.ID, BaseURL: "https://cong.example.vn",
			Proxies: proxies, Location: time.UTC, Logger: log, Version: "test"})
		if err != nil {
			t.Fatal(err)
		}
		e.addUser(t, "quantri", auth.RoleAdmin)
		password := "mật-khẩu-thử-quantri"
		wrongPassword := "Sai-Mat-Khau-Rat-Bi-Mat-2026"
		newUserPassword := "Mat-Khau-Nguoi-Moi-Bi-Mat-91"
		cccd := "079203001234"         // a citizen's ID card number
		phone := "0912345678"          // and phone
		citizen := "Lê Thị Hồng Nhung" // and name

		b := e.browser(t)
		if r := b.post("/dang-nhap", url.Values{"username": {"quantri"}, "password": {wrongPassword}}); r.code == http.StatusSeeOther {
			t.Fatal("wrong password accepted")
		}
		b.login("quantri")
		b.get("/quan-tri/nguoi-dung/moi")
		b.post("/quan-tri/nguoi-dung", url.Values{"username": {"bientap2"}, "name": {"Biên tập"}, "role": {"editor"},
			"password": {newUserPassword}, "password2": {newUserPassword}})
		// A mismatched second password is refused and re-rendered.
		b.post("/quan-tri/nguoi-dung", url.Values{"username": {"bientap3"}, "name": {citizen}, "role": {"editor"},
			"password": {newUserPassword}, "password2": {newUserPassword + "x"}})
		u, _ := url.Parse(b.base)
		var session string
		for _, c := range b.c.Jar.Cookies(u) {
			session += c.Value
		}
		if session == "" {
			t.Fatal("no session cookie")
		}

		token := e.token(t, "quantri")
		e.api(t, "POST", "/api/v1/articles", "khong-phai-ma-"+cccd, `{"title":"x"}`)
		e.api(t, "POST", "/api/v1/articles", token, `{"title":"Công dân `+citizen+` hỏi","body_html":"<p>CCCD `+cccd+`, điện thoại `+phone+`</p>","category":"khong-co"}`)
		e.api(t, "POST", "/api/v1/articles", token, `{"title":"`+citizen+`","so_cccd":"`+cccd+`"}`)
		e.api(t, "POST", "/api/v1/articles", token, `{"title": "`+phone+`", "status": 7}`)
		e.api(t, "PUT", "/api/v1/articles/999999", token, `{"title":"`+citizen+`","version":1}`)
		e.get("/tim-kiem?q=" + url.QueryEscape(citizen+" "+cccd))
		e.get("/api/v1/search?q=" + url.QueryEscape(phone))
		e.do("GET", "/khong-co-trang-nay?so="+cccd, nil)
		// A request that fails inside (the database is gone) is logged at
		// error level, still without what it carried.
		req := httptest.NewRequest("POST", "/api/v1/articles", strings.NewReader(`{"title":"`+citizen+` `+cccd+`","category":"cai-cach-hanh-chinh","body_html":"<p>`+phone+`</p>"}`))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		s.Close()
		e.srv.ServeHTTP(httptest.NewRecorder(), req)

		out := logs.String()
		if !strings.Contains(out, `"level":"ERROR"`) || !strings.Contains(out, `"level":"DEBUG"`) {
			t.Fatalf("the flow did not exercise the logs:\n%s", out)
		}
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var m map[string]any
			if err := json.Unmarshal([]byte(line), &m); err != nil {
				t.Fatalf("log line is not structured JSON: %q", line)
			}
		}
		for name, secret := range map[string]string{
			"password": password, "wrong password": wrongPassword, "new user's password": newUserPassword,
			"API token": token, "session cookie": session, "CCCD": cccd, "phone": phone, "citizen's name": citizen,
		} {
			if strings.Contains(out, secret) {
				t.Errorf("the logs contain the %s", name)
			}
		}
		if t.Failed() {
			t.Logf("logs:\n%s", out)
		}
	})
}
