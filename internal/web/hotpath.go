package web

import (
	"net/http"
	"strings"
	"time"
)

// The article page is the portal's hot path (DESIGN §8: routing, rendering
// and counting may cost less than 10 % of a bare handler writing the same
// bytes). ServeMux spent about a third of that budget per view — escaping,
// cleaning and splitting the path, walking the tree, a status-recording
// wrapper — to reach a decision that, for "GET /bai-viet/<slug>", is known
// from the path alone. articleRoute makes that decision before the mux and
// serves the cached page directly; everything else, including unusual forms
// of an article path, goes through the mux as before.
const (
	articlePattern = "GET /bai-viet/{slug}"
	articlePrefix  = "/bai-viet/"
)

type articleRoute struct {
	s   *Server
	mux http.Handler
	rm  *routeMetrics // the article pattern's, shared with the mux route
	on  bool
}

// newArticleRoute puts the article fast path in front of mux. It stays off
// if any other registered pattern could win a "GET /bai-viet/<slug>"
// request in the mux (a host-specific pattern, or another pattern for
// /bai-viet/<one segment>), so the two can never disagree.
func (s *Server) newArticleRoute(mux http.Handler, patterns []string) *articleRoute {
	return &articleRoute{s: s, mux: mux, rm: s.metrics.route(articlePattern), on: articleRouteSafe(patterns)}
}

func articleRouteSafe(patterns []string) bool {
	found := false
	for _, p := range patterns {
		if p == articlePattern {
			found = true
			continue
		}
		path := p
		if i := strings.IndexByte(p, ' '); i >= 0 {
			path = p[i+1:]
		}
		if !strings.HasPrefix(path, "/") {
			return false // a host pattern takes precedence over any path
		}
		rest, ok := strings.CutPrefix(path, articlePrefix)
		if !ok || rest == "" {
			continue // elsewhere, or the less specific /bai-viet/ subtree
		}
		if strings.HasPrefix(rest, "{slug}/") && !strings.Contains(rest, "...") {
			continue // deeper than one segment: /bai-viet/{slug}/in
		}
		return false
	}
	return found
}

func (f *articleRoute) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// Only a path the mux would take as it is: no escapes (RawPath empty)
	// and a valid slug (lowercase letters, digits and hyphens), so there
	// is nothing to clean, unescape or redirect.
	if !f.on || r.Method != http.MethodGet || r.URL.RawPath != "" {
		f.mux.ServeHTTP(w, r)
		return
	}
	slug, ok := strings.CutPrefix(r.URL.Path, articlePrefix)
	if !ok {
		f.mux.ServeHTTP(w, r)
		return
	}
	s := f.s
	now := time.Now()
	// Only valid slugs are ever cached, so a hit needs no validation.
	if e := s.cache.getArticle(s.cacheKey(r, slug), now); e != nil {
		s.serveCachedArticle(w, r, e, now)
		f.rm.observe(http.StatusOK, time.Since(now))
		return
	}
	if !isSlug(slug) {
		f.mux.ServeHTTP(w, r)
		return
	}
	// Not cached: what the mux route does, status recorded the same way.
	sw := &statusWriter{ResponseWriter: w}
	if err := s.serveArticle(sw, r, slug, now); err != nil {
		s.fail(sw, r, err)
	}
	if sw.status == 0 {
		sw.status = http.StatusOK
	}
	f.rm.observe(sw.status, time.Since(now))
}

// slugByte marks the bytes validSlug accepts: a table lookup per byte
// instead of three range tests, on a path of some 80 bytes per view.
var slugByte = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
	}
	return t
}()

// isSlug is validSlug (request.go), table-driven.
func isSlug(v string) bool {
	if v == "" || len(v) > 200 {
		return false
	}
	for i := 0; i < len(v); i++ {
		if !slugByte[v[i]] {
			return false
		}
	}
	return true
}
