package web

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/congportal/cong/internal/visit"
)

func limitServer(t *testing.T) *Server {
	t.Helper()
	proxies, _ := visit.ParseProxies("")
	return &Server{proxies: proxies, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
}

// holdRequests starts n requests from addr that stay in flight until
// release is closed; it returns once the handler holds all of them.
func holdRequests(t *testing.T, h http.Handler, entered chan struct{}, addr string, n int, wg *sync.WaitGroup) {
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := httptest.NewRequest("GET", "/api/v1/stats", nil)
			r.RemoteAddr = addr
			h.ServeHTTP(httptest.NewRecorder(), r)
		}()
		<-entered
	}
}

// A client (IPv4 address, IPv6 /64) with N requests in flight gets 429
// with Retry-After for the next; other clients do not notice; the table
// empties when the requests end.
func TestPerClientInflightCap(t *testing.T) {
	s := limitServer(t)
	s.inflight = newInflight(2)
	entered, release := make(chan struct{}), make(chan struct{})
	h := s.perClient(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		entered <- struct{}{}
		<-release
	}))
	var wg sync.WaitGroup
	holdRequests(t, h, entered, "203.0.113.7:1000", 2, &wg)
	holdRequests(t, h, entered, "[2001:db8:1:2::1]:1000", 2, &wg)
	for _, addr := range []string{"203.0.113.7:2000", "[2001:db8:1:2:ffff::9]:3000"} {
		r := httptest.NewRequest("GET", "/api/v1/stats", nil)
		r.RemoteAddr = addr
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusTooManyRequests || w.Header().Get("Retry-After") == "" || !strings.Contains(w.Body.String(), "quá nhiều yêu cầu cùng lúc") {
			t.Errorf("third request from %s: %d %q %s", addr, w.Code, w.Header().Get("Retry-After"), w.Body.String())
		}
	}
	// Another client is served.
	holdRequests(t, h, entered, "198.51.100.1:1000", 1, &wg)
	if n := s.inflight.size(); n != 3 {
		t.Errorf("clients in flight: %d, want 3", n)
	}
	close(release)
	wg.Wait()
	if n := s.inflight.size(); n != 0 {
		t.Errorf("entries left after the requests ended: %d", n)
	}
}

func TestClientAddrKey(t *testing.T) {
	for in, want := range map[string]string{
		"203.0.113.7":          "203.0.113.7",
		"::ffff:203.0.113.7":   "203.0.113.7",
		"2001:db8:1:2:3:4:5:6": "2001:db8:1:2::",
	} {
		if got := clientAddr(netip.MustParseAddr(in)); got.String() != want {
			t.Errorf("clientAddr(%s) = %s, want %s", in, got, want)
		}
	}
}

// With every upload slot taken, the next upload waits a moment and then
// gets 503 with Retry-After, in JSON under /api/.
func TestUploadSlotsFull(t *testing.T) {
	s := limitServer(t)
	s.uploads = make(semaphore, 1)
	s.uploads <- struct{}{} // an upload in progress
	served := false
	next := http.HandlerFunc(func(http.ResponseWriter, *http.Request) { served = true })
	w := httptest.NewRecorder()
	s.withUploadSlot(w, httptest.NewRequest("POST", "/api/v1/media", nil), next)
	if served || w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" ||
		!strings.Contains(w.Body.String(), `"busy"`) || !strings.Contains(w.Body.String(), "gửi lại") {
		t.Fatalf("full: served=%v %d %q %s", served, w.Code, w.Header().Get("Retry-After"), w.Body.String())
	}
	s.uploads.release()
	w = httptest.NewRecorder()
	s.withUploadSlot(w, httptest.NewRequest("POST", "/api/v1/media", nil), next)
	if !served || len(s.uploads) != 0 {
		t.Fatalf("free slot: served=%v, slots held after: %d", served, len(s.uploads))
	}
}

// Orphan uploads (a crash between spooling and the rename) older than an
// hour go; recent ones (an upload still arriving) and other files stay.
func TestSweepUploadTemp(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * time.Hour)
	mk := func(name string, mtime time.Time) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, mtime, mtime)
		return p
	}
	orphan := mk("upload-123.part", old)
	fresh := mk("upload-456.part", time.Now())
	other := mk("ghi-chu.txt", old)
	n, err := sweepUploadTemp(dir, time.Now().Add(-uploadTempMaxAge))
	if err != nil || n != 1 {
		t.Fatalf("removed %d, %v; want 1", n, err)
	}
	if _, err := os.Stat(orphan); !os.IsNotExist(err) {
		t.Error("the orphan is still there")
	}
	for _, p := range []string{fresh, other} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s removed: %v", p, err)
		}
	}
}

// Every upload route with a cap is a registered route: a renamed route
// would otherwise silently fall back to the 4 MB cap.
func TestUploadRoutesRegistered(t *testing.T) {
	s, err := New(Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	mux := s.articleRoute.mux.(*http.ServeMux)
	brace := regexp.MustCompile(`\{[a-z]+\}`)
	for p := range uploadRoutes {
		method, path, _ := strings.Cut(p, " ")
		_, got := mux.Handler(httptest.NewRequest(method, brace.ReplaceAllString(path, "1"), nil))
		if got != p {
			t.Errorf("upload route %q is not registered (the request matches %q)", p, got)
		}
	}
}

// BenchmarkPerClient is what the per-client cap adds to every request
// (the article hot path included): client address, one sharded map
// increment and decrement.
func BenchmarkPerClient(b *testing.B) {
	s := &Server{inflight: newInflight(DefaultClientRequests)}
	s.proxies, _ = visit.ParseProxies("")
	noop := http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})
	for name, h := range map[string]http.Handler{"without": noop, "with": s.perClient(noop)} {
		b.Run(name, func(b *testing.B) {
			r := httptest.NewRequest("GET", "/bai-viet/x", nil)
			r.RemoteAddr = "203.0.113.7:4000"
			b.ReportAllocs()
			for b.Loop() {
				h.ServeHTTP(nil, r)
			}
		})
	}
}
