package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// The article page is served before the mux on GET (hotpath.go); it must
// answer exactly as the mux route does, and be counted and measured alike.
func TestArticleHotPath(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		a := e.arts[0]
		path := "/bai-viet/" + a.Slug
		rendered := e.get(path) // renders and caches the page
		cached := e.get(path)   // from the cache
		// The mux's route: HEAD, and the path with an escaped letter.
		escaped := e.get(fmt.Sprintf("/bai-viet/%%%02X%s", a.Slug[0], a.Slug[1:]))
		head := e.do("HEAD", path, nil)
		for name, r := range map[string]resp{"rendered": rendered, "cached": cached, "escaped": escaped, "head": head} {
			if r.code != 200 {
				t.Fatalf("%s: %d", name, r.code)
			}
			for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "Content-Type", "Vary", "Content-Length"} {
				if got, want := r.hdr.Get(h), rendered.hdr.Get(h); got != want {
					t.Errorf("%s: %s %q, want %q", name, h, got, want)
				}
			}
			if name != "head" && r.body != rendered.body {
				t.Errorf("%s: body differs from the first response", name)
			}
		}
		mustContain(t, cached, a.Title, "Lượt xem")
		if e.counter.Counted.Load() != 1 {
			t.Errorf("views counted: %d, want 1 (one reader within the window)", e.counter.Counted.Load())
		}

		// Unknown, malformed and non-canonical slugs answer as before.
		if r := e.get("/bai-viet/khong-co-bai-nay"); r.code != 404 || !strings.Contains(r.body, "Không tìm thấy trang") {
			t.Errorf("unknown slug: %d", r.code)
		}
		if r := e.get("/bai-viet/Khong-Hop-Le"); r.code != 404 {
			t.Errorf("upper-case slug: %d", r.code)
		}
		if r := e.get(path + "/"); r.code != 404 {
			t.Errorf("trailing slash: %d", r.code)
		}
		if r := e.get("/bai-viet/../bai-viet/" + a.Slug); r.code != 307 {
			t.Errorf("unclean path: %d, want the mux's redirect", r.code)
		}
		if r := e.do("POST", path, nil); r.code != 404 { // the catch-all "/" route
			t.Errorf("POST: %d, want 404", r.code)
		}

		met := e.localGet("/metrics")
		mustContain(t, met,
			`cong_http_requests_total{route="GET /bai-viet/{slug}",code="2xx"} 4`,
			`cong_http_requests_total{route="GET /bai-viet/{slug}",code="4xx"} 2`,
			`cong_http_request_duration_seconds_count{route="GET /bai-viet/{slug}"} 6`)
	})
}
