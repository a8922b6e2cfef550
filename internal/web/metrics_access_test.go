package web_test

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/web"
)

// localGet is get from the server's own machine, as a local scraper asks.
func (e *env) localGet(target string) resp {
	e.t.Helper()
	r := httptest.NewRequest("GET", target, nil)
	r.RemoteAddr = "127.0.0.1:40000"
	w := httptest.NewRecorder()
	e.srv.ServeHTTP(w, r)
	return resp{w.Code, w.Body.String(), w.Header()}
}

// /metrics used to answer anyone: route names, error rates and pool figures
// for whoever asked. Now a loopback client (per the trusted-proxy rule) or
// the configured bearer token.
func TestMetricsAccess(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		build := func(trusted, token string) *web.Server {
			proxies, err := visit.ParseProxies(trusted)
			if err != nil {
				t.Fatal(err)
			}
			srv, err := web.New(web.Options{Store: s, Counter: e.counter, SiteID: e.site.ID, BaseURL: "https://cong.example.vn",
				Proxies: proxies, Location: time.UTC, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), MetricsToken: token})
			if err != nil {
				t.Fatal(err)
			}
			return srv
		}
		ask := func(srv *web.Server, remote string, hdr map[string]string) (int, string) {
			r := httptest.NewRequest("GET", "/metrics", nil)
			r.RemoteAddr = remote
			for k, v := range hdr {
				r.Header.Set(k, v)
			}
			w := httptest.NewRecorder()
			srv.ServeHTTP(w, r)
			return w.Code, w.Body.String()
		}
		plain := build("", "")
		proxied := build("127.0.0.1/32", "")
		withToken := build("", "bí-mật-dài-0123456789")
		cases := []struct {
			name   string
			srv    *web.Server
			remote string
			hdr    map[string]string
			want   int
		}{
			{"remote, no token configured", plain, "203.0.113.7:5000", nil, 403},
			{"loopback v4", plain, "127.0.0.1:5000", nil, 200},
			{"loopback v6", plain, "[::1]:5000", nil, 200},
			{"undeclared proxy on loopback", plain, "127.0.0.1:5000", map[string]string{"X-Forwarded-For": "203.0.113.7"}, 403},
			{"spoofed header from outside", plain, "203.0.113.7:5000", map[string]string{"X-Forwarded-For": "127.0.0.1"}, 403},
			{"trusted proxy, remote client", proxied, "127.0.0.1:5000", map[string]string{"X-Forwarded-For": "203.0.113.7"}, 403},
			{"trusted proxy, spoof prepended", proxied, "127.0.0.1:5000", map[string]string{"X-Forwarded-For": "127.0.0.1, 203.0.113.7"}, 403},
			{"trusted proxy, local client", proxied, "127.0.0.1:5000", map[string]string{"X-Forwarded-For": "127.0.0.1"}, 200},
			{"token configured, none sent", withToken, "203.0.113.7:5000", nil, 403},
			{"wrong token", withToken, "203.0.113.7:5000", map[string]string{"Authorization": "Bearer sai"}, 403},
			{"right token", withToken, "203.0.113.7:5000", map[string]string{"Authorization": "Bearer bí-mật-dài-0123456789"}, 200},
			{"token configured, loopback still fine", withToken, "127.0.0.1:5000", nil, 200},
		}
		for _, c := range cases {
			code, body := ask(c.srv, c.remote, c.hdr)
			if code != c.want {
				t.Errorf("%s: %d, want %d", c.name, code, c.want)
			}
			if code == 200 && !strings.Contains(body, "cong_http_requests_total") {
				t.Errorf("%s: body %.200q", c.name, body)
			}
			if code == 403 && (strings.Contains(body, "cong_") || !strings.Contains(body, "--metrics-token")) {
				t.Errorf("%s: refusal body %.300q", c.name, body)
			}
		}
	})
}

// HSTS comes from the app when the base URL is https, on every answer:
// pages, errors, static files, redirects, oversized URLs.
func TestHSTS(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s) // base URL https://cong.example.vn
		paths := []string{"/", "/khong-co-trang-nay", "/static/khong-co.css", "/bai-viet/" + e.arts[0].Slug + "/", "/quan-tri",
			"/tim-kiem?q=" + strings.Repeat("a", 5000), "/api/v1/articles/999999", "/healthz"}
		for _, p := range paths {
			r := e.get(p)
			if got := r.hdr.Get("Strict-Transport-Security"); got != "max-age=31536000" {
				t.Errorf("%s (%d): Strict-Transport-Security %q", p, r.code, got)
			}
		}
		if r := e.get("/khong-co-trang-nay"); r.code != 404 {
			t.Errorf("404 page answered %d", r.code)
		}
		if r := e.get("/tim-kiem?q=" + strings.Repeat("a", 5000)); r.code != 414 {
			t.Errorf("long URL answered %d", r.code)
		}
		proxies, _ := visit.ParseProxies("")
		srv, err := web.New(web.Options{Store: s, Counter: e.counter, SiteID: e.site.ID, BaseURL: "http://localhost:8080",
			Proxies: proxies, Location: time.UTC, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
		if err != nil {
			t.Fatal(err)
		}
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
		if got := w.Header().Get("Strict-Transport-Security"); got != "" {
			t.Errorf("plain-http install sends HSTS %q", got)
		}
	})
}
