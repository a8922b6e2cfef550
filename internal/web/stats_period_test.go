package web_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/web"
)

// Links and bookmarks with the old statistics parameter names (ky, tu,
// den) reach the same figures: pages answer with a permanent redirect to
// the new names, keeping every other parameter.
func TestOldPeriodNamesRedirect(t *testing.T) {
	s, err := web.New(web.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ from, to string }{
		{"/thong-ke/danh-gia?don-vi=STP&ky=2026-Q1", "/thong-ke/danh-gia?don-vi=STP&period=2026-Q1"},
		{"/thong-ke?ky=2026", "/thong-ke?period=2026"},
		{"/thong-ke/tai-ve.csv?ky=2026-10&don-vi=TINH", "/thong-ke/tai-ve.csv?don-vi=TINH&period=2026-10"},
		{"/quan-tri/ho-so/danh-gia?ky=2026-03&trang=2", "/quan-tri/ho-so/danh-gia?period=2026-03&trang=2"},
		{"/quan-tri/thong-ke-truy-cap?tu=2026-03-01&den=2026-03-31", "/quan-tri/thong-ke-truy-cap?from=2026-03-01&to=2026-03-31"},
		{"/quan-tri/thong-ke-truy-cap/tai-ve.xlsx?den=2026-03-31", "/quan-tri/thong-ke-truy-cap/tai-ve.xlsx?to=2026-03-31"},
		{"/quan-tri/bai-viet/7/thong-ke?tu=2026-03-01&den=2026-03-02", "/quan-tri/bai-viet/7/thong-ke?from=2026-03-01&to=2026-03-02"},
		// A link with both names keeps the new one.
		{"/thong-ke/danh-gia?ky=2025&period=2026", "/thong-ke/danh-gia?period=2026"},
	} {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("GET", c.from, nil))
		if w.Code != http.StatusMovedPermanently || w.Header().Get("Location") != c.to {
			t.Errorf("GET %s: %d to %q, want 301 to %q", c.from, w.Code, w.Header().Get("Location"), c.to)
		}
	}
}

// The API answers the old names as the new ones, without a redirect.
func TestOldPeriodNamesAPI(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		for _, c := range []struct{ old, new, none string }{
			{"/api/v1/stats/ratings?ky=2026-Q1", "/api/v1/stats/ratings?period=2026-Q1", "/api/v1/stats/ratings"},
			{"/api/v1/stats/dossiers?ky=2026-Q1", "/api/v1/stats/dossiers?period=2026-Q1", "/api/v1/stats/dossiers"},
			{"/api/v1/stats/ratings?tu=2026-01-01&den=2026-01-31", "/api/v1/stats/ratings?from=2026-01-01&to=2026-01-31", "/api/v1/stats/ratings"},
		} {
			old, nw, none := de.fetch(t, c.old), de.fetch(t, c.new), de.fetch(t, c.none)
			if old.code != 200 || nw.code != 200 {
				t.Fatalf("%s: %d, %s: %d", c.old, old.code, c.new, nw.code)
			}
			if old.body != nw.body || nw.body == none.body {
				t.Errorf("%s answers\n%s\nnot as %s:\n%s", c.old, old.body, c.new, nw.body)
			}
		}
		if r := de.fetch(t, "/api/v1/stats/ratings?period=2026&from=2026-01-01"); r.code != http.StatusBadRequest {
			t.Errorf("period and from together: %d", r.code)
		}
	})
}
