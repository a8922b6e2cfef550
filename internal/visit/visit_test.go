package visit

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
)

const humanUA = "Mozilla/5.0 (Linux; Android 12; CPH2185) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.6167.143 Mobile Safari/537.36"

func TestClassify(t *testing.T) {
	tests := []struct {
		name    string
		method  string
		headers map[string][]string
		want    Reason
	}{
		{"human GET", http.MethodGet, map[string][]string{"User-Agent": {humanUA}}, ReasonNone},
		{"empty method is GET", "", map[string][]string{"User-Agent": {humanUA}}, ReasonNone},
		{"HEAD", http.MethodHead, map[string][]string{"User-Agent": {humanUA}}, ReasonMethod},
		{"POST", http.MethodPost, map[string][]string{"User-Agent": {humanUA}}, ReasonMethod},
		{"OPTIONS", http.MethodOptions, nil, ReasonMethod},
		{"lowercase get is not GET", "get", map[string][]string{"User-Agent": {humanUA}}, ReasonMethod},
		{"no UA", http.MethodGet, nil, ReasonEmptyUA},
		{"blank UA", http.MethodGet, map[string][]string{"User-Agent": {" "}}, ReasonEmptyUA},
		{"first UA wins", http.MethodGet, map[string][]string{"User-Agent": {humanUA, "curl/8.5.0"}}, ReasonNone},
		{"bot", http.MethodGet, map[string][]string{"User-Agent": {"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"}}, ReasonBot},
		{"headless", http.MethodGet, map[string][]string{"User-Agent": {"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/121.0.6167.85 Safari/537.36"}}, ReasonHeadless},
		{"Sec-Purpose prefetch", http.MethodGet, map[string][]string{"User-Agent": {humanUA}, "Sec-Purpose": {"prefetch"}}, ReasonPrefetch},
		{"Sec-Purpose prerender", http.MethodGet, map[string][]string{"User-Agent": {humanUA}, "Sec-Purpose": {"prefetch;prerender"}}, ReasonPrefetch},
		{"Sec-Purpose anonymous prefetch", http.MethodGet, map[string][]string{"User-Agent": {humanUA}, "Sec-Purpose": {"prefetch;anonymous-client-ip"}}, ReasonPrefetch},
		{"Sec-Purpose other", http.MethodGet, map[string][]string{"User-Agent": {humanUA}, "Sec-Purpose": {"unknown-future-value"}}, ReasonNone},
		{"Purpose prefetch", http.MethodGet, map[string][]string{"User-Agent": {humanUA}, "Purpose": {"prefetch"}}, ReasonPrefetch},
		{"Purpose upper case", http.MethodGet, map[string][]string{"User-Agent": {humanUA}, "Purpose": {"Prefetch"}}, ReasonPrefetch},
		{"X-Moz prefetch", http.MethodGet, map[string][]string{"User-Agent": {humanUA}, "X-Moz": {"prefetch"}}, ReasonPrefetch},
		{"X-Purpose preview", http.MethodGet, map[string][]string{"User-Agent": {humanUA}, "X-Purpose": {"preview"}}, ReasonPrefetch},
		{"prefetch in second header line", http.MethodGet, map[string][]string{"User-Agent": {humanUA}, "Purpose": {"other", "prefetch"}}, ReasonPrefetch},
		{"unrelated header mentioning prefetch", http.MethodGet, map[string][]string{"User-Agent": {humanUA}, "X-Note": {"prefetch"}}, ReasonNone},
		{"method checked before prefetch", http.MethodPost, map[string][]string{"Purpose": {"prefetch"}}, ReasonMethod},
		{"prefetch checked before UA", http.MethodGet, map[string][]string{"Purpose": {"prefetch"}}, ReasonPrefetch},
		{"no Accept-Language", http.MethodGet, map[string][]string{"User-Agent": {humanUA}, "Accept-Language": nil}, ReasonNoAccept},
		{"no Accept", http.MethodGet, map[string][]string{"User-Agent": {humanUA}, "Accept": nil}, ReasonNoAccept},
		{"bot reported before missing headers", http.MethodGet, map[string][]string{"User-Agent": {"curl/8.5.0"}, "Accept": nil, "Accept-Language": nil}, ReasonBot},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/tin-tuc/bai-viet", nil)
			r.Method = tt.method
			// What every browser sends with a page request, unless the case
			// removes it (a nil value).
			r.Header = http.Header{"Accept": {"text/html"}, "Accept-Language": {"vi-VN,vi;q=0.9"}}
			for k, vs := range tt.headers {
				if vs == nil {
					r.Header.Del(k)
				}
				for _, v := range vs {
					r.Header.Add(k, v) // Add canonicalises, as the server does
				}
			}
			if got := Classify(r); got != tt.want {
				t.Errorf("Classify = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestClassifyNoAllocs(t *testing.T) {
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	r.Header.Set("User-Agent", humanUA)
	r.Header.Set("Accept-Language", "vi-VN,vi;q=0.9")
	if n := testing.AllocsPerRun(100, func() { Classify(r) }); n != 0 {
		t.Errorf("Classify allocates %.0f times per call", n)
	}
}

func BenchmarkClassify(b *testing.B) {
	r := httptest.NewRequest(http.MethodGet, "/tin-tuc/bai-viet", nil)
	r.Header.Set("User-Agent", humanUA)
	r.Header.Set("Accept", "text/html")
	r.Header.Set("Accept-Language", "vi-VN,vi;q=0.9")
	b.ReportAllocs()
	for b.Loop() {
		sinkReason = Classify(r)
	}
}

// The memoised classifier answers exactly like Classify, first time and
// from memory, and keeps answering after the memo is reset when full.
func TestUACacheMatchesClassify(t *testing.T) {
	var c UACache
	uas := []string{"", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
		"Googlebot/2.1 (+http://www.google.com/bot.html)", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36", "curl/8.5.0"}
	for round := 0; round < 3; round++ {
		for _, ua := range uas {
			for _, m := range []string{http.MethodGet, http.MethodPost} {
				r := httptest.NewRequest(m, "/", nil)
				r.Header.Set("User-Agent", ua)
				if got, want := c.Classify(r), Classify(r); got != want {
					t.Fatalf("round %d %s %q: %q, want %q", round, m, ua, got, want)
				}
			}
		}
	}
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	r.Header.Set("User-Agent", uas[1])
	r.Header.Set("Sec-Purpose", "prefetch")
	if got := c.Classify(r); got != ReasonPrefetch {
		t.Fatalf("prefetch from a cached UA: %q", got)
	}
	for i := 0; i < uaCacheMax+10; i++ {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header.Set("User-Agent", fmt.Sprintf("bot-%d", i))
		c.Classify(r)
	}
	if len(c.m) > uaCacheMax {
		t.Fatalf("memo grew to %d", len(c.m))
	}
}
