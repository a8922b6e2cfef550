package web_test

// The article page against a bare handler writing the same bytes, as wrk
// sees them in scripts/bench.sh (DESIGN §8: routing, rendering and counting
// must cost less than 10 %): one returning reader, a browser User-Agent,
// behind a trusted proxy that sets X-Forwarded-For, so every request is
// classified, hashed (from the memo) and counted.
//
//	go test -run '^$' -bench HotPath -benchmem ./internal/web
//	CONG_BENCH_BIG=1 go test -run '^$' -bench HotPath -benchmem ./internal/web
//
// HotPath drives the handlers directly with one reused request and a
// writer that keeps nothing, so the difference between the article and
// bare sub-benchmarks is what Cổng adds per request. HotPathHTTP runs both
// behind a real http.Server (with cong serve's timeouts) over loopback,
// with minimal keep-alive clients, for profiles that include net/http.

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"strconv"
	"testing"
	"time"
)

// discardWriter is the least a ResponseWriter can be: the header map is
// kept and cleared per request, as net/http gives each request a new one.
type discardWriter struct {
	h      http.Header
	status int
	n      int
}

func (w *discardWriter) Header() http.Header { return w.h }
func (w *discardWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
}
func (w *discardWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	w.n += len(b)
	return len(b), nil
}

func hotPathRequest(target string, gzip bool) *http.Request {
	r, _ := http.NewRequest("GET", target, nil)
	r.RequestURI = target
	r.RemoteAddr = "127.0.0.1:50000"
	r.Header.Set("User-Agent", benchUA)
	r.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	r.Header.Set("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.8")
	r.Header.Set("X-Forwarded-For", "203.0.113.7")
	if gzip {
		r.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
	}
	return r
}

// bareHandler writes body as bench/bare does (and enc as Content-Encoding
// when set).
func bareHandler(body []byte, enc string) http.Handler {
	ctype := []string{"text/html; charset=utf-8"}
	clen := []string{strconv.Itoa(len(body))}
	cenc := []string{enc}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h["Content-Type"] = ctype
		h["Content-Length"] = clen
		if enc != "" {
			h["Content-Encoding"] = cenc
		}
		w.Write(body)
	})
}

func hotPathBodies(b *testing.B, bs *benchSite) (plain, gz []byte) {
	for _, g := range []bool{false, true} {
		w := &discardWriter{h: http.Header{}}
		var buf bytes.Buffer
		rec := &teeWriter{discardWriter: w, buf: &buf}
		bs.srv.ServeHTTP(rec, hotPathRequest(bs.article, g))
		if w.status != http.StatusOK {
			b.Fatalf("GET %s: %d", bs.article, w.status)
		}
		if g {
			gz = buf.Bytes()
		} else {
			plain = buf.Bytes()
		}
	}
	return plain, gz
}

type teeWriter struct {
	*discardWriter
	buf *bytes.Buffer
}

func (w *teeWriter) Write(b []byte) (int, error) {
	w.buf.Write(b)
	return w.discardWriter.Write(b)
}

func BenchmarkHotPath(b *testing.B) {
	for _, n := range benchArticleCounts() {
		b.Run(benchName(n), func(b *testing.B) {
			bs := newBenchSiteProxies(b, n, "127.0.0.1")
			plain, gz := hotPathBodies(b, bs)
			run := func(b *testing.B, h http.Handler, gzip bool) {
				r := hotPathRequest(bs.article, gzip)
				w := &discardWriter{h: http.Header{}}
				h.ServeHTTP(w, r)
				counted := bs.counter.Counted.Load()
				b.ReportAllocs()
				for b.Loop() {
					clear(w.h)
					w.status, w.n = 0, 0
					h.ServeHTTP(w, r)
				}
				if w.status != http.StatusOK {
					b.Fatalf("status %d", w.status)
				}
				b.SetBytes(int64(w.n))
				b.ReportMetric(float64(bs.counter.Counted.Load()-counted)/float64(b.N), "views/op")
			}
			b.Run("article", func(b *testing.B) { run(b, bs.srv, false) })
			b.Run("bare", func(b *testing.B) { run(b, bareHandler(plain, ""), false) })
			b.Run("article-gzip", func(b *testing.B) { run(b, bs.srv, true) })
			b.Run("bare-gzip", func(b *testing.B) { run(b, bareHandler(gz, "gzip"), true) })
		})
	}
}

// BenchmarkHotPathHTTP serves through net/http on loopback; each parallel
// client holds one keep-alive connection and reads whole responses.
func BenchmarkHotPathHTTP(b *testing.B) {
	for _, n := range benchArticleCounts() {
		b.Run(benchName(n), func(b *testing.B) {
			bs := newBenchSiteProxies(b, n, "127.0.0.1")
			plain, _ := hotPathBodies(b, bs)
			b.Run("article", func(b *testing.B) { httpRun(b, bs.srv, bs.article) })
			b.Run("bare", func(b *testing.B) { httpRun(b, bareHandler(plain, ""), bs.article) })
		})
	}
}

func httpRun(b *testing.B, h http.Handler, target string) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	hs := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 60 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second, MaxHeaderBytes: 64 << 10}
	go hs.Serve(ln)
	defer hs.Close()
	req := []byte("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: " + benchUA +
		"\r\nAccept: */*\r\nX-Forwarded-For: 203.0.113.7\r\n\r\n")
	b.ReportAllocs()
	b.SetParallelism(4)
	b.RunParallel(func(pb *testing.PB) {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			b.Error(err)
			return
		}
		defer c.Close()
		br := bufio.NewReaderSize(c, 64<<10)
		for pb.Next() {
			if _, err := c.Write(req); err != nil {
				b.Error(err)
				return
			}
			clen := -1
			for {
				line, err := br.ReadSlice('\n')
				if err != nil {
					b.Error(err)
					return
				}
				if len(line) <= 2 {
					break
				}
				if v, ok := bytes.CutPrefix(line, []byte("Content-Length: ")); ok {
					clen, _ = strconv.Atoi(string(bytes.TrimSpace(v)))
				}
			}
			if clen < 0 {
				b.Error("no Content-Length")
				return
			}
			if _, err := br.Discard(clen); err != nil && err != io.EOF {
				b.Error(err)
				return
			}
		}
	})
}
