package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/visitors"
)

// Issue 16: one install serves several sites, each at its host name. A
// request's site is resolved once, here, before any handler runs; handlers
// ask siteIDOf and baseURLOf and never read s.siteID or s.baseURL.

// siteRef is what a request needs to know about its site.
type siteRef struct {
	id   int64
	base string // canonical base URL, no trailing slash
	host string
	name string
	// cover is what a search on the site covers: a province's own and
	// every site below it (issue 16); nil for the site alone.
	cover []int64
}

type siteCtxKey struct{}

// siteTable is the host table, loaded from the sites table and kept a short
// while; SitesChanged or a move of the sites version drops it.
type siteTable struct {
	byHost map[string]*siteRef
	byID   map[int64]*siteRef
	// catchAll answers hosts no site has: the first site while it has no
	// host of its own, so a single-site install answers at any name.
	catchAll *siteRef
	multi    bool // some site has a host: requests must be resolved
	loaded   time.Time
}

// siteIDOf is the site a request is for.
func (s *Server) siteIDOf(r *http.Request) int64 { return s.siteIDCtx(r.Context()) }

// baseURLOf is the canonical base URL of the request's site, for links that
// leave the page: QR codes, mail, feeds, sitemaps.
func (s *Server) baseURLOf(r *http.Request) string {
	if ref, ok := r.Context().Value(siteCtxKey{}).(*siteRef); ok {
		return ref.base
	}
	return s.baseURL
}

// siteIDCtx is siteIDOf for code that has the request's context only.
func (s *Server) siteIDCtx(ctx context.Context) int64 {
	if ref, ok := ctx.Value(siteCtxKey{}).(*siteRef); ok {
		return ref.id
	}
	return s.siteID
}

// withSite returns ctx bound to a site, for work done for a site outside a
// request (background jobs, tests).
func withSite(ctx context.Context, ref *siteRef) context.Context {
	return context.WithValue(ctx, siteCtxKey{}, ref)
}

// SitesChanged drops the host table: the next request reloads it. Watch
// calls it when another instance changes the sites.
func (s *Server) SitesChanged() { s.siteTab.Store(nil) }

// sitesTable returns the host table, loading it when missing or older than
// the cache TTL. If the database cannot be read and nothing is loaded, it
// answers as a single-site install would.
func (s *Server) sitesTable(ctx context.Context, maxAge time.Duration) *siteTable {
	now := time.Now()
	if t := s.siteTab.Load(); t != nil && now.Sub(t.loaded) < maxAge {
		return t
	}
	if s.st == nil {
		// A server without a store (unit tests of routing) has one site.
		return &siteTable{catchAll: &siteRef{id: s.siteID, base: s.baseURL}, loaded: now}
	}
	s.siteTabMu.Lock()
	defer s.siteTabMu.Unlock()
	if t := s.siteTab.Load(); t != nil && now.Sub(t.loaded) < maxAge {
		return t
	}
	t, err := s.loadSiteTable(ctx, now)
	if err != nil {
		s.log.Warn("load sites", "err", err)
		if old := s.siteTab.Load(); old != nil {
			return old
		}
		return &siteTable{catchAll: &siteRef{id: s.siteID, base: s.baseURL}, loaded: now}
	}
	s.siteTab.Store(t)
	return t
}

func (s *Server) loadSiteTable(ctx context.Context, now time.Time) (*siteTable, error) {
	sites, err := s.st.Sites(ctx)
	if err != nil {
		return nil, err
	}
	t := &siteTable{byHost: map[string]*siteRef{}, byID: map[int64]*siteRef{}, loaded: now}
	for _, site := range sites {
		ref := &siteRef{id: site.ID, host: site.Host, base: site.CanonicalBase(s.baseURL), name: site.Name}
		if site.ID == s.siteID && site.BaseURL == "" {
			// The first site's address is the install's --base-url unless
			// set on the site: what it was before there were several.
			ref.base = s.baseURL
		}
		t.byID[site.ID] = ref
		if site.Host != "" {
			t.byHost[site.Host] = ref
			t.multi = true
		} else if site.ID == s.siteID {
			t.catchAll = ref
		}
	}
	coverProvinces(t, sites)
	if t.byID[s.siteID] == nil {
		// The server's own site is always known, even before its row is
		// read (tests build servers on bare stores).
		ref := &siteRef{id: s.siteID, base: s.baseURL}
		t.byID[s.siteID], t.catchAll = ref, ref
	}
	return t, nil
}

// bySite resolves the request's site from its host name (after the
// trusted-proxy rules) and binds it to the request. A single-site install
// skips all of it; the first site's requests need no binding either, as it
// is what siteIDOf answers by default.
func (s *Server) bySite(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t := s.sitesTable(r.Context(), s.cacheTTL)
		if !t.multi {
			next.ServeHTTP(w, r)
			return
		}
		host := news.NormalizeHost(s.proxies.Host(r))
		ref := t.byHost[host]
		if ref == nil && t.catchAll == nil && time.Since(t.loaded) > time.Second {
			// Perhaps a site just added on another instance: look once more,
			// at most once a second.
			t = s.sitesTable(r.Context(), time.Second)
			ref = t.byHost[host]
		}
		if ref == nil {
			ref = t.catchAll
		}
		if ref != nil {
			s.countSiteRequest(ref.id)
		}
		if ref == nil {
			if r.URL.Path == "/healthz" || r.URL.Path == "/metrics" {
				// Probes and scrapers address the machine, not a site.
				next.ServeHTTP(w, r)
				return
			}
			noSite(w)
			return
		}
		if ref.id == s.siteID && ref.base == s.baseURL {
			next.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r.WithContext(withSite(r.Context(), ref)))
	})
}

// noSite is the answer to a host no site has: plain, so it never shows
// another site's name, menu or content.
func noSite(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusNotFound)
	_, _ = w.Write([]byte("<!doctype html>\n<html lang=\"vi\"><meta charset=\"utf-8\"><title>Không có cổng nào ở địa chỉ này</title>\n<h1>Không có cổng nào ở địa chỉ này</h1>\n<p>Xin kiểm tra lại địa chỉ.</p>\n</html>\n"))
}

// cacheKey is key in the page cache, for the request's site: one cache is
// shared by every site (one bound on memory); the first site's keys are
// bare, so a single-site install builds no new string per view.
func (s *Server) cacheKey(r *http.Request, key string) string {
	id := s.siteIDOf(r)
	if id == s.siteID {
		return key
	}
	return strconv.FormatInt(id, 10) + "\x00" + key
}

// counterOf is the visitor counter of the request's site.
func (s *Server) counterOf(r *http.Request) *visitors.Counter { return s.counterFor(s.siteIDOf(r)) }

func (s *Server) counterFor(id int64) *visitors.Counter {
	if id == s.siteID || id == 0 || s.counters == nil {
		return s.counter
	}
	return s.counters.For(id)
}

// baseURLCtx is baseURLOf for code that has the request's context only.
func (s *Server) baseURLCtx(ctx context.Context) string {
	if ref, ok := ctx.Value(siteCtxKey{}).(*siteRef); ok {
		return ref.base
	}
	return s.baseURL
}

// onSite is u with their role on the request's site: their own on their
// own site, a province administrator's everywhere, or one given to them
// for this site. No role here: 403, whatever they may do elsewhere.
func (s *Server) onSite(r *http.Request, u auth.User) (auth.User, error) {
	role, ok, err := s.st.RoleOn(r.Context(), u, s.siteIDOf(r))
	if err != nil {
		return u, err
	}
	if !ok {
		return u, &Error{Status: http.StatusForbidden, Code: "wrong_site", Message: "Tài khoản của bạn không có quyền trên cổng này."}
	}
	u.Role = role
	return u, nil
}

// allCounters are the visitor counters of every site seen so far.
func (s *Server) allCounters() []*visitors.Counter {
	if s.counters != nil {
		return s.counters.Counters()
	}
	if s.counter != nil {
		return []*visitors.Counter{s.counter}
	}
	return nil
}

// countSiteRequest counts a request for a site of a multi-site install, for
// /metrics; a single-site install has no per-site series.
func (s *Server) countSiteRequest(id int64) {
	v, ok := s.siteRequests.Load(id)
	if !ok {
		v, _ = s.siteRequests.LoadOrStore(id, new(atomic.Int64))
	}
	v.(*atomic.Int64).Add(1)
}

// writeSiteMetrics writes the per-site series, labelled by host name. The
// label's values are the sites' hosts, rows an administrator creates: their
// number is bounded by the province's sites (some hundreds), never by
// what a client sends.
func (s *Server) writeSiteMetrics(w io.Writer) {
	t := s.sitesTable(context.Background(), s.cacheTTL)
	if !t.multi {
		return
	}
	label := func(id int64) string {
		if ref := t.byID[id]; ref != nil && ref.host != "" {
			return ref.host
		}
		return "default"
	}
	type row struct {
		host string
		id   int64
	}
	var ids []row
	for id := range t.byID {
		ids = append(ids, row{label(id), id})
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i].host < ids[j].host })
	fmt.Fprintln(w, "# HELP cong_site_requests_total Requests by site (multi-site installs).")
	fmt.Fprintln(w, "# TYPE cong_site_requests_total counter")
	for _, r := range ids {
		var n int64
		if v, ok := s.siteRequests.Load(r.id); ok {
			n = v.(*atomic.Int64).Load()
		}
		fmt.Fprintf(w, "cong_site_requests_total{site=%q} %d\n", r.host, n)
	}
	counters := map[int64]*visitors.Counter{}
	for _, c := range s.allCounters() {
		counters[c.SiteID()] = c
	}
	fmt.Fprintln(w, "# HELP cong_site_views_counted_total Article views counted by this instance, by site.")
	fmt.Fprintln(w, "# TYPE cong_site_views_counted_total counter")
	for _, r := range ids {
		if c := counters[r.id]; c != nil {
			fmt.Fprintf(w, "cong_site_views_counted_total{site=%q} %d\n", r.host, c.Counted.Load())
		}
	}
	fmt.Fprintln(w, "# HELP cong_site_visitors Visitors by site: online now and today (all instances, as last read).")
	fmt.Fprintln(w, "# TYPE cong_site_visitors gauge")
	for _, r := range ids {
		if c := counters[r.id]; c != nil {
			st := c.Stats()
			fmt.Fprintf(w, "cong_site_visitors{site=%q,period=\"online\"} %d\n", r.host, st.Online)
			fmt.Fprintf(w, "cong_site_visitors{site=%q,period=\"today\"} %d\n", r.host, st.Today)
		}
	}
}
