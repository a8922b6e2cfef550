package visit

import (
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/tin-tuc/bai-viet", nil)
			r.Method = tt.method
			r.Header = http.Header{}
			for k, vs := range tt.headers {
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
