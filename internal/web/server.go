// Package web is Cổng's HTTP layer: routes, middleware, page handlers (one
// file per page) and the JSON API. Handlers are thin: they parse input, call
// the store or a domain package, and render.
package web

import (
	"context"
	"github.com/congportal/cong/internal/esign"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/congportal/cong/internal/backup"
	"github.com/congportal/cong/internal/dossierstats"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/payment"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/visitors"
)

// Options configure a Server.
type Options struct {
	Store   *store.Store
	Counter *visitors.Counter
	// Counters holds the other sites' counters (issue 16); nil: one is
	// made with Counter's options, flushed only when a page asks.
	Counters *visitors.Set
	SiteID   int64
	BaseURL  string // without trailing slash
	Proxies  *visit.Proxies
	Location *time.Location
	Logger   *slog.Logger
	Version  string
	CacheTTL time.Duration // how long another instance's change can take to show; default 30 s
	MediaDir string        // the media library's folder (data/media); empty: uploads refused, nothing served
	Backups  *backup.Stats // scheduled backups' results for /metrics; nil when not scheduled
	// MaxHashing bounds concurrent password hashes (hash_gate.go); 0: max(2, GOMAXPROCS).
	MaxHashing int
	// ClientRequests caps each client's requests in flight (0: the
	// default, negative: no cap); UploadSlots the uploads read at once.
	ClientRequests int
	UploadSlots    int
	// MetricsToken lets a scraper on another machine read /metrics with
	// "Authorization: Bearer <token>"; without it only loopback clients may.
	MetricsToken string
	// Payment is the payment gateway; nil: online payment is off.
	Payment payment.Provider
	// Signing holds the units' certificates for signed electronic results
	// (desk_sign.go); nil or empty: nothing is signed.
	Signing *esign.Keyring
	// CitizenOIDC is the citizens' OpenID provider (citizen_oidc.go);
	// without an issuer citizens sign in with a code by mail.
	CitizenOIDC CitizenOIDC
}

// Server serves the portal.
type Server struct {
	st       *store.Store
	counter  *visitors.Counter
	counters *visitors.Set
	siteID   int64
	cacheTTL time.Duration
	baseURL  string
	proxies  *visit.Proxies
	uaCache  visit.UACache
	loc      *time.Location
	log      *slog.Logger
	version  string
	started  time.Time

	mediaDir     string
	backups      *backup.Stats
	inflight     *inflight // nil: no per-client cap
	uploads      semaphore
	metricsToken string
	pay          payment.Provider // nil: online payment off
	signing      *esign.Keyring
	hsts         []string // Strict-Transport-Security value; nil unless the base URL is https

	hashes *hashGate        // password hashing slots (hash_gate.go)
	now    func() time.Time // the login throttle's clock; tests move it
	tries  atomic.Uint64    // guesses reserved, to purge old throttle rows now and then

	tmpl      templates
	adminTmpl templates
	assets    *assets
	cache     *pageCache
	metrics   *metrics

	siteMu    sync.Mutex
	siteDatas sync.Map // site id → *siteData
	siteTab   atomic.Pointer[siteTable]
	siteTabMu sync.Mutex
	// siteRequests counts requests per site (site id → *atomic.Int64).
	siteRequests sync.Map
	calendar     atomic.Pointer[cachedCalendar] // the working-day calendar (workCalendar)
	looks        lookCache                      // menus, logos, home blocks per site (portal_look.go)

	handler      http.Handler
	articleRoute *articleRoute
	patterns     []string // every registered pattern, for tests that walk them all

	oidc *oidcClient // citizens' OpenID provider; nil when none
}

type siteData struct {
	site       news.Site
	categories []news.Category
	gen        uint64
	expires    time.Time
}

// New builds the server and its routes; templates are parsed here, once.
func New(o Options) (*Server, error) {
	if o.Location == nil {
		o.Location = time.UTC
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.CacheTTL == 0 {
		o.CacheTTL = 30 * time.Second
	}
	a, err := loadAssets()
	if err != nil {
		return nil, err
	}
	t, at, err := parseTemplates(a, o.Location)
	if err != nil {
		return nil, err
	}
	s := &Server{
		st: o.Store, counter: o.Counter, counters: o.Counters, siteID: o.SiteID, cacheTTL: o.CacheTTL, baseURL: o.BaseURL, proxies: o.Proxies,
		loc: o.Location, log: o.Logger, version: o.Version, started: time.Now(),
		tmpl: t, adminTmpl: at, assets: a, cache: newPageCache(o.CacheTTL, 5000), metrics: newMetrics(),
		mediaDir: o.MediaDir, backups: o.Backups, metricsToken: o.MetricsToken, pay: o.Payment, signing: o.Signing,
		hashes: newHashGate(o.MaxHashing, hashGateWait), now: time.Now,
		oidc: newOIDCClient(o.CitizenOIDC),
	}
	if s.counters == nil && o.Counter != nil {
		s.counters = visitors.NewSet(o.Store, o.Counter.Options(), o.Counter)
	}
	if strings.HasPrefix(strings.ToLower(o.BaseURL), "https://") {
		// A year, as browsers' preload lists ask; no includeSubDomains: a
		// province's other hosts under the same name may still be plain http.
		s.hsts = []string{"max-age=31536000"}
	}
	if o.ClientRequests == 0 {
		o.ClientRequests = DefaultClientRequests
	}
	if o.ClientRequests > 0 {
		s.inflight = newInflight(o.ClientRequests)
	}
	if o.UploadSlots <= 0 {
		o.UploadSlots = DefaultUploadSlots
	}
	s.uploads = make(semaphore, o.UploadSlots)
	s.handler = s.routes()
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// ContentChanged must be called after any write to public content: cached
// pages and the site data are rebuilt on their next request.
func (s *Server) ContentChanged() {
	s.cache.invalidate()
	s.siteDatas.Clear()
}

func (s *Server) newSections() sections {
	return sections{
		desk:      newOfficerDesk(s),
		catalogue: s.newCatalogue(),
		citizen:   newCitizenDesk(s),
		dossiers:  newStatsDossiers(s, dossierstats.DefaultConfig()),
		ratings:   newRatingStats(s),
	}
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	var patterns []string
	for _, rt := range s.routeTable(s.newSections()) {
		patterns = append(patterns, rt.pattern)
		mux.Handle(rt.pattern, s.instrument(rt.pattern, s.adapt(rt.h)))
	}

	// Unsafe methods from another origin are refused before any handler
	// runs; the newsroom's forms rely on this.
	s.patterns = patterns
	cop := http.NewCrossOriginProtection()
	s.articleRoute = s.newArticleRoute(mux, patterns)
	var h http.Handler = s.articleRoute
	h = cop.Handler(h)
	h = s.bodyCaps(mux, h)
	h = s.bySite(h)
	h = s.recoverer(h)
	h = s.limits(h)
	h = s.perClient(h)
	// Outermost, so even the answer to an oversized URL carries them.
	h = s.headers(h)
	return h
}

// instrument records each route's requests and latency for /metrics.
func (s *Server) instrument(pattern string, h http.Handler) http.Handler {
	rm := s.metrics.route(pattern)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Offsets from the server's start read only the monotonic clock,
		// half the cost of time.Now on a virtual machine.
		start := time.Since(s.started)
		sw := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		rm.observe(sw.status, time.Since(s.started)-start)
	})
}

var (
	cspValue    = []string{"default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"}
	nosniff     = []string{"nosniff"}
	refPolicy   = []string{"strict-origin-when-cross-origin"}
	permsPolicy = []string{"camera=(), microphone=(), geolocation=()"}
)

// headers sets the security headers on every response. Values are shared
// slices assigned directly: no per-request allocation on the hot path.
func (s *Server) headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h["Content-Security-Policy"] = cspValue
		h["X-Content-Type-Options"] = nosniff
		h["Referrer-Policy"] = refPolicy
		h["Permissions-Policy"] = permsPolicy
		if s.hsts != nil {
			h["Strict-Transport-Security"] = s.hsts
		}
		next.ServeHTTP(w, r)
	})
}

// limits refuses oversized URLs before routing.
func (s *Server) limits(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.URL.RawQuery) > 4096 || len(r.URL.Path) > 2048 {
			s.fail(w, r, &Error{Status: http.StatusRequestURITooLong, Code: "uri_too_long", Message: "Địa chỉ yêu cầu quá dài."})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// recoverer turns a panic into the Vietnamese 500 page, with the stack in
// the log only.
func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
				s.fail(w, r, &Error{Status: 500, Code: "internal", Message: "Hệ thống đang gặp sự cố. Xin vui lòng thử lại sau ít phút."})
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// Watch keeps this instance in step with the others until ctx ends: it
// drops the page cache when another instance changes public content (the
// content version moves) and publishes scheduled articles when due (each
// claimed by one instance only).
func (s *Server) Watch(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	var seen, seenSites int64 = -1, -1
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if due, err := s.st.PublishDue(ctx, time.Now()); err != nil {
			s.log.Warn("scheduled publishing", "err", err)
		} else if len(due) > 0 {
			for _, d := range due {
				s.log.Info("scheduled article published", "id", d.ID, "title", d.Title)
			}
		}
		if sv, err := s.st.SitesVersion(ctx); err != nil {
			s.log.Warn("sites version", "err", err)
		} else if sv != seenSites {
			// A site added or changed on any instance answers here within
			// a second; its name and menu are in the site data too.
			s.SitesChanged()
			if seenSites >= 0 {
				s.ContentChanged()
			}
			seenSites = sv
		}
		// One figure for every site: any site's change moves it.
		v, err := s.st.ContentVersionAll(ctx)
		if err != nil {
			s.log.Warn("content version", "err", err)
			continue
		}
		// The first reading drops the cache too: pages cached before it
		// may predate a change made between this instance's start and
		// that reading, which no later comparison would ever notice.
		if seen < 0 || v != seen {
			s.ContentChanged()
		}
		seen = v
	}
}

// site returns the request's site and its menu from memory, reloading
// after a content change or a minute (another instance may have changed
// them).
func (s *Server) site(ctx context.Context) (*siteData, error) {
	id := s.siteIDCtx(ctx)
	now := time.Now()
	gen := s.cache.generation()
	fresh := func() *siteData {
		if v, ok := s.siteDatas.Load(id); ok {
			if d := v.(*siteData); d.gen == gen && now.Before(d.expires) {
				return d
			}
		}
		return nil
	}
	if d := fresh(); d != nil {
		return d, nil
	}
	s.siteMu.Lock()
	defer s.siteMu.Unlock()
	if d := fresh(); d != nil {
		return d, nil
	}
	site, err := s.st.Site(ctx, id)
	if err != nil {
		return nil, err
	}
	cats, err := s.st.Categories(ctx, id)
	if err != nil {
		return nil, err
	}
	d := &siteData{site: site, categories: cats, gen: gen, expires: now.Add(time.Minute)}
	s.siteDatas.Store(id, d)
	return d, nil
}

// basePage fills what every page needs. If the site cannot be loaded (the
// database is down), the page still renders with an empty menu.
func (s *Server) basePage(ctx context.Context) *page {
	p := &page{}
	if d, err := s.site(ctx); err == nil {
		p.Site, p.Categories = d.site, d.categories
		p.Look = s.look(ctx, d.site.ID)
	} else {
		p.Site.Name = "Cổng thông tin điện tử"
		p.Site.ID = s.siteIDCtx(ctx)
	}
	return p
}

// countVisit classifies a public page request and counts it. Never
// touches the database except for the first request of a process, which
// loads the day's salt.
func (s *Server) countVisit(r *http.Request, article int64) { s.countVisitAt(r, article, time.Now()) }

// countVisitAt is countVisit for a request whose time the caller has read.
func (s *Server) countVisitAt(r *http.Request, article int64, now time.Time) {
	reason, ua := s.uaCache.ClassifyUA(r)
	if reason != visit.ReasonNone {
		s.excludeVisit(r, reason, now)
		return
	}
	c := s.counterOf(r)
	v, day, err := c.VisitorAt(r.Context(), now, s.proxies.ClientIP(r), ua)
	if err != nil {
		s.log.Warn("count visit", "err", err)
		return
	}
	if reason := c.Record(v, day, article, now, visitTraffic(r, ua)); reason != visit.ReasonNone {
		s.excludeVisit(r, reason, now)
	}
}
