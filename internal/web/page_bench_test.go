package web_test

// Benchmarks of the public pages through the real handler (DESIGN §8):
//
//	go test -run '^$' -bench . -benchmem ./internal/web
//	CONG_BENCH_BIG=1 go test -run '^$' -bench . -benchmem ./internal/web   # also at 100,000 articles
//	CONG_BENCH_ARTICLES=50 CONG_BENCH_NOFLUSH=1 …   # this many articles, no background flushes (valgrind runs)
//
// Every request carries a mobile Chrome User-Agent and comes from a new
// client IP, so every request is a new visitor and a counted view: the
// counter's worst case. The counter flushes once a second in the
// background, as in production.

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/synth/synthtest"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/visitors"
	"github.com/congportal/cong/internal/web"
)

const benchUA = "Mozilla/5.0 (Linux; Android 14; SM-A556E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.135 Mobile Safari/537.36"

// benchAddrs are distinct client addresses, 10.0.0.0/12.
var benchAddrs = sync.OnceValue(func() []string {
	out := make([]string, 1<<20)
	for i := range out {
		out[i] = fmt.Sprintf("10.%d.%d.%d:40000", i>>16, (i>>8)&255, i&255)
	}
	return out
})

type benchSite struct {
	srv     *web.Server
	counter *visitors.Counter
	slugs   []string
	article string // path of the newest article
	next    int    // next client address: each sub-benchmark gets new visitors
}

func benchArticleCounts() []int {
	if n, err := strconv.Atoi(os.Getenv("CONG_BENCH_ARTICLES")); err == nil && n > 0 {
		return []int{n} // e.g. a small site for valgrind, whose slowdown makes generating 1,000 articles long
	}
	if os.Getenv("CONG_BENCH_BIG") == "1" {
		return []int{1000, 100000}
	}
	return []int{1000}
}

func benchName(n int) string {
	if n%1000 != 0 {
		return strconv.Itoa(n)
	}
	return strconv.Itoa(n/1000) + "k"
}

func newBenchSite(b *testing.B, n int) *benchSite { return newBenchSiteProxies(b, n, "") }

func newBenchSiteProxies(b *testing.B, n int, trusted string) *benchSite {
	b.Helper()
	st, site := synthtest.Open(b, n)
	bctx := context.Background()
	hcm, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		b.Fatal(err)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	counter := visitors.New(st, visitors.Options{SiteID: site.ID, Window: 30 * time.Minute, Location: hcm, Logger: quiet})
	if err := counter.Flush(bctx); err != nil { // loads the day's salt, as cong serve does
		b.Fatal(err)
	}
	// CONG_BENCH_NOFLUSH=1: no background flushes, whose database work
	// would blur instruction counts (valgrind) of the request path.
	if os.Getenv("CONG_BENCH_NOFLUSH") != "1" {
		runCtx, stop := context.WithCancel(bctx)
		done := make(chan struct{})
		go func() { counter.Run(runCtx, time.Second); close(done) }()
		b.Cleanup(func() { stop(); <-done })
	}
	proxies, err := visit.ParseProxies(trusted)
	if err != nil {
		b.Fatal(err)
	}
	srv, err := web.New(web.Options{Store: st, Counter: counter, SiteID: site.ID, BaseURL: "https://cong.example.vn",
		Proxies: proxies, Location: hcm, Logger: quiet, Version: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	arts, err := st.ListArticles(bctx, store.ListOptions{SiteID: site.ID, Limit: 100})
	if err != nil || len(arts) == 0 {
		b.Fatalf("list articles: %d, %v", len(arts), err)
	}
	bs := &benchSite{srv: srv, counter: counter}
	for _, a := range arts {
		bs.slugs = append(bs.slugs, a.Slug)
	}
	bs.article = "/bai-viet/" + url.PathEscape(arts[0].Slug)
	return bs
}

// get serves one request from the i-th client address.
func (bs *benchSite) get(b *testing.B, h http.Handler, target string, i int, gzip bool) *httptest.ResponseRecorder {
	r := httptest.NewRequest("GET", target, nil)
	r.Header.Set("User-Agent", benchUA)
	// What a browser sends with every page request (visit.Classify).
	r.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
	r.Header.Set("Accept-Language", "vi-VN,vi;q=0.9")
	if gzip {
		r.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
	}
	addrs := benchAddrs()
	r.RemoteAddr = addrs[i%len(addrs)]
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusOK {
		b.Fatalf("GET %s: %d", target, w.Code)
	}
	return w
}

// run serves target b.N times and reports the views counted per request.
func (bs *benchSite) run(b *testing.B, h http.Handler, target string, gzip bool, before func()) {
	bs.get(b, h, target, bs.next, gzip) // warm the page cache
	bs.next++
	counted := bs.counter.Counted.Load()
	var size, n int
	b.ReportAllocs()
	for b.Loop() {
		if before != nil {
			before()
		}
		size = bs.get(b, h, target, bs.next, gzip).Body.Len()
		bs.next++
		n++
	}
	b.ReportMetric(float64(bs.counter.Counted.Load()-counted)/float64(n), "views/op")
	b.SetBytes(int64(size))
}

// BenchmarkArticlePage: the article page from the page cache (the hot
// path), with gzip, uncached after a content change (site, article and
// related articles read and the page rendered), and the print view (always
// rendered).
func BenchmarkArticlePage(b *testing.B) {
	for _, n := range benchArticleCounts() {
		b.Run(benchName(n), func(b *testing.B) {
			bs := newBenchSite(b, n)
			b.Run("cached", func(b *testing.B) { bs.run(b, bs.srv, bs.article, false, nil) })
			b.Run("cached-gzip", func(b *testing.B) { bs.run(b, bs.srv, bs.article, true, nil) })
			b.Run("uncached", func(b *testing.B) { bs.run(b, bs.srv, bs.article, false, bs.srv.ContentChanged) })
			b.Run("print", func(b *testing.B) { bs.run(b, bs.srv, bs.article+"/in", false, nil) })
		})
	}
}

// BenchmarkBareHandler is the reference: a handler that writes the article
// page's bytes from memory, through the same request and recorder set-up.
func BenchmarkBareHandler(b *testing.B) {
	bs := newBenchSite(b, 1000)
	body := bs.get(b, bs.srv, bs.article, 0, false).Body.Bytes()
	ctype := []string{"text/html; charset=utf-8"}
	clen := []string{strconv.Itoa(len(body))}
	bare := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h["Content-Type"] = ctype
		h["Content-Length"] = clen
		w.Write(body)
	})
	bs.run(b, bare, bs.article, false, nil)
}

// BenchmarkHomePage: the home page cached and uncached (one query per
// category block plus featured and latest, then rendering).
func BenchmarkHomePage(b *testing.B) {
	for _, n := range benchArticleCounts() {
		b.Run(benchName(n), func(b *testing.B) {
			bs := newBenchSite(b, n)
			b.Run("cached", func(b *testing.B) { bs.run(b, bs.srv, "/", false, nil) })
			b.Run("uncached", func(b *testing.B) { bs.run(b, bs.srv, "/", false, bs.srv.ContentChanged) })
		})
	}
}

// BenchmarkSearchPage: /tim-kiem, rotating over a few queries after one
// warm-up pass; the search page is never cached. At 100k use -benchtime=30x
// or so: one op can take a second.
func BenchmarkSearchPage(b *testing.B) {
	queries := []string{"cải cách hành chính", "UBND", "nông thôn mới", "OCOP", "chuyen doi so", "Ea Khuê"}
	for _, n := range benchArticleCounts() {
		b.Run(benchName(n), func(b *testing.B) {
			bs := newBenchSite(b, n)
			for _, q := range queries { // warm the caches, as a running server's are
				bs.get(b, bs.srv, "/tim-kiem?q="+url.QueryEscape(q), bs.next, false)
				bs.next++
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				bs.get(b, bs.srv, "/tim-kiem?q="+url.QueryEscape(queries[i%len(queries)]), bs.next, false)
				bs.next++
				i++
			}
		})
	}
}
