// Package visitors counts article views and visitors (DESIGN §4). The request
// path only touches sharded in-memory state; a background loop flushes the
// deltas to the database in one transaction per second and reads the
// site-wide figures back, so counting never waits on the database and costs
// at most one transaction per second per instance at any load.
package visitors

import (
	"context"
	"log/slog"
	"math"
	"net/netip"
	"sync"
	"sync/atomic"
	"time"

	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/visit"
)

// Store is the persistence the counter needs.
type Store interface {
	FlushCounters(ctx context.Context, b store.CounterBatch) (store.FlushResult, error)
	DailySalt(ctx context.Context, day, deleteBefore string) ([]byte, error)
}

// Options configure a Counter.
type Options struct {
	SiteID   int64
	Window   time.Duration  // per visitor per article; 0 counts every view
	Location *time.Location // day boundaries; Asia/Ho_Chi_Minh
	Now      func() time.Time
	Logger   *slog.Logger
}

const (
	nShards = 32
	// presenceEvery: a visitor's presence is written at most this often, so
	// a busy reader does not add a row to every flush; "Đang online" is off
	// by at most this much at its 5-minute edge.
	presenceEvery = 30
	// idleRefresh: with nothing to write, still read the figures this often
	// so other instances' counts show up here.
	idleRefresh = 5
	pruneEvery  = 60
)

type markKey struct {
	article int64
	visitor store.Visitor
}

type shard struct {
	mu sync.Mutex
	// rate counts each visitor's page requests in the current minute
	// (rateMin); the map starts over every minute, so it holds at most the
	// visitors of one minute, and stops taking new ones at rateTrackMax.
	rate     map[store.Visitor]uint32
	rateMin  int64
	marks    map[markKey]int64         // last locally counted view (unix s)
	days     map[store.VisitorDay]bool // visitor-days already queued or sent
	seen     map[store.Visitor]int64   // last presence queued (unix s)
	views    []store.ViewEvent
	newDays  []store.VisitorDay
	presence []store.PresenceEvent
}

// Counter is safe for concurrent use.
type Counter struct {
	opt    Options
	st     Store
	shards [nShards]shard

	salts  atomic.Pointer[saltSet]
	saltMu sync.Mutex

	articles sync.Map // article id → *ArticleViews
	vis      atomic.Pointer[store.VisitStats]

	// Per-request work that only changes once a second or once a day.
	dayMemo  atomic.Pointer[dayMemo]
	visitors [nShards]visitorShard

	rejMu    sync.Mutex
	rejected map[store.DayReason]int64
	hostMu   sync.Mutex
	hostDay  string
	hosts    map[string]bool

	flushMu sync.Mutex
	retry   *store.CounterBatch
	ticks   int

	Flushes, FlushErrors atomic.Int64
	Counted              atomic.Int64
}

type dayMemo struct {
	sec int64
	day string
}

// visitorMemoMax bounds each shard of the visitor memo; beyond it the shard
// starts over, which only costs recomputing hashes.
const visitorMemoMax = 1024

type visitorKey struct {
	ip netip.Addr
	ua string
}

// visitorShard remembers today's visitor hashes: a reader requests a page
// and its assets, and comes back to more articles, with the same IP and
// User-Agent, and the HMAC was the largest cost of counting a view.
type visitorShard struct {
	mu  sync.Mutex
	day string
	m   map[visitorKey]store.Visitor
}

type saltSet struct {
	day   string
	salt  []byte
	next  string
	nsalt []byte
}

// New creates a counter; call Run to start flushing.
func New(st Store, opt Options) *Counter {
	if opt.Location == nil {
		opt.Location = time.UTC
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	c := &Counter{opt: opt, st: st}
	for i := range c.shards {
		c.shards[i].marks = map[markKey]int64{}
		c.shards[i].days = map[store.VisitorDay]bool{}
		c.shards[i].seen = map[store.Visitor]int64{}
	}
	c.vis.Store(&store.VisitStats{})
	return c
}

// Day returns the local day of t and the Monday that starts its week.
func Day(t time.Time, loc *time.Location) (day, monday string) {
	lt := t.In(loc)
	wd := (int(lt.Weekday()) + 6) % 7 // Monday = 0
	m := time.Date(lt.Year(), lt.Month(), lt.Day()-wd, 0, 0, 0, 0, loc)
	return lt.Format("2006-01-02"), m.Format("2006-01-02")
}

// salt returns the salt for day, from memory on the hot path. Only when the
// flusher has not fetched it yet (the first request of a process, or the
// database was down at midnight) does it go to the database.
func (c *Counter) salt(ctx context.Context, day string) ([]byte, error) {
	if s := c.salts.Load(); s != nil {
		if s.day == day {
			return s.salt, nil
		}
		if s.next == day && s.nsalt != nil {
			return s.nsalt, nil
		}
	}
	return c.loadSalts(ctx, day)
}

func (c *Counter) loadSalts(ctx context.Context, day string) ([]byte, error) {
	c.saltMu.Lock()
	defer c.saltMu.Unlock()
	if s := c.salts.Load(); s != nil && s.day == day {
		return s.salt, nil
	}
	t, _ := time.ParseInLocation("2006-01-02", day, c.opt.Location)
	before := t.AddDate(0, 0, -2).Format("2006-01-02")
	salt, err := c.st.DailySalt(ctx, day, before)
	if err != nil {
		return nil, err
	}
	next := t.AddDate(0, 0, 1).Format("2006-01-02")
	ns := &saltSet{day: day, salt: salt, next: next}
	if nsalt, err := c.st.DailySalt(ctx, next, before); err == nil {
		ns.nsalt = nsalt
	}
	c.salts.Store(ns)
	return salt, nil
}

// Visitor hashes a client for today.
func (c *Counter) Visitor(ctx context.Context, ip netip.Addr, ua string) (store.Visitor, string, error) {
	return c.VisitorAt(ctx, c.opt.Now(), ip, ua)
}

// VisitorAt is Visitor for a request made at now. The web layer reads the
// clock once per request and passes it to both calls: a clock read costs
// more than a memoised visitor lookup on some virtual machines.
func (c *Counter) VisitorAt(ctx context.Context, now time.Time, ip netip.Addr, ua string) (store.Visitor, string, error) {
	day := c.today(now)
	a := ip.As16()
	vs := &c.visitors[a[15]%nShards]
	k := visitorKey{ip, ua}
	vs.mu.Lock()
	if vs.day == day {
		if v, ok := vs.m[k]; ok {
			vs.mu.Unlock()
			return v, day, nil
		}
	}
	vs.mu.Unlock()
	salt, err := c.salt(ctx, day)
	if err != nil {
		return store.Visitor{}, day, err
	}
	v := store.Visitor(visit.VisitorHash(salt, c.opt.SiteID, ip, ua))
	vs.mu.Lock()
	if vs.day != day || len(vs.m) >= visitorMemoMax {
		vs.day, vs.m = day, make(map[visitorKey]store.Visitor, 64)
	}
	vs.m[k] = v
	vs.mu.Unlock()
	return v, day, nil
}

// today is the local day of now, formatted at most once a second.
func (c *Counter) today(now time.Time) string {
	sec := now.Unix()
	if m := c.dayMemo.Load(); m != nil && m.sec == sec {
		return m.day
	}
	day, _ := Day(now, c.opt.Location)
	c.dayMemo.Store(&dayMemo{sec: sec, day: day})
	return day
}

// Hit records a counted page request by a visitor; article 0 means a page
// that is not an article (it still counts for the visitor figures). It
// returns true when the request counted as a new view of the article.
func (c *Counter) Hit(v store.Visitor, day string, article int64) bool {
	return c.HitAt(v, day, article, c.opt.Now())
}

// HitAt is Hit for a request made at t (see VisitorAt).
func (c *Counter) HitAt(v store.Visitor, day string, article int64, t time.Time) bool {
	counted, _ := c.hit(v, day, article, t, nil)
	return counted
}

// Traffic is what the analytics keep of a counted request, reduced to
// coarse figures (visit.Referrer, visit.Device, visit.Browser) only for a
// visitor's first request of the day.
type Traffic struct {
	UA      string
	Referer string
	Host    string // the request's host: links from the portal itself are direct
}

// MaxPerMinute is the most page requests a visitor may make in a minute
// and still be counted: a person reading fast opens a few pages a minute;
// a whole office behind one address with one browser build stays under it,
// a scraper with a borrowed browser User-Agent does not.
const MaxPerMinute = 120

// rateTrackMax bounds the visitors one shard tracks per minute.
const rateTrackMax = 1 << 14

// Record counts a page request as HitAt does, and the visit's source for
// the analytics. It refuses, with visit.ReasonRate, a visitor beyond
// MaxPerMinute; the caller counts the refusal (Reject).
func (c *Counter) Record(v store.Visitor, day string, article int64, t time.Time, tr Traffic) visit.Reason {
	_, reason := c.hit(v, day, article, t, &tr)
	return reason
}

func (c *Counter) hit(v store.Visitor, day string, article int64, t time.Time, tr *Traffic) (bool, visit.Reason) {
	now := t.Unix()
	sh := &c.shards[v[0]%nShards]
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if tr != nil {
		if m := now / 60; m != sh.rateMin || sh.rate == nil {
			sh.rateMin, sh.rate = m, make(map[store.Visitor]uint32, len(sh.rate))
		}
		if n, ok := sh.rate[v]; ok {
			if n >= MaxPerMinute {
				return false, visit.ReasonRate
			}
			sh.rate[v] = n + 1
		} else if len(sh.rate) < rateTrackMax {
			sh.rate[v] = 1
		}
	}
	key := store.VisitorDay{Day: day, Visitor: v}
	if !sh.days[key] {
		sh.days[key] = true
		vd := key
		if tr != nil {
			vd.Source = c.source(day, tr)
		}
		sh.newDays = append(sh.newDays, vd)
	}
	if last, ok := sh.seen[v]; !ok || now-last >= presenceEvery {
		sh.seen[v] = now
		sh.presence = append(sh.presence, store.PresenceEvent{Visitor: v, At: now})
	}
	if article == 0 {
		return false, visit.ReasonNone
	}
	k := markKey{article, v}
	if w := int64(c.opt.Window / time.Second); w > 0 {
		if last, ok := sh.marks[k]; ok && now-last < w {
			return false, visit.ReasonNone
		}
		sh.marks[k] = now
	}
	sh.views = append(sh.views, store.ViewEvent{Article: article, Visitor: v, At: now})
	c.Article(article).pending.Add(1)
	c.Counted.Add(1)
	return true, visit.ReasonNone
}

// maxHostsPerDay bounds the distinct referrer hosts kept per day by one
// instance: a flood of invented Referer headers only adds to its group.
const maxHostsPerDay = 1000

// source reduces a visitor's first request of the day to what the
// analytics keep.
func (c *Counter) source(day string, tr *Traffic) store.VisitSource {
	group, host := visit.Referrer(tr.Referer, tr.Host)
	if host != "" {
		c.hostMu.Lock()
		if c.hostDay != day {
			c.hostDay, c.hosts = day, map[string]bool{}
		}
		if !c.hosts[host] {
			if len(c.hosts) >= maxHostsPerDay {
				host = ""
			} else {
				c.hosts[host] = true
			}
		}
		c.hostMu.Unlock()
	}
	return store.VisitSource{RefGroup: group, RefHost: host, Device: visit.Device(tr.UA), Browser: visit.Browser(tr.UA)}
}

// Reject counts a request that was not counted, by reason, for the day's
// analytics; it is flushed with the counters.
func (c *Counter) Reject(t time.Time, reason visit.Reason) {
	k := store.DayReason{Day: c.today(t), Reason: string(reason)}
	c.rejMu.Lock()
	if c.rejected == nil {
		c.rejected = map[store.DayReason]int64{}
	}
	c.rejected[k]++
	c.rejMu.Unlock()
}

// ArticleViews holds one article's figures. The page cache keeps the
// handle of each article page it holds, so showing the live count costs two
// atomic loads rather than two map lookups per view.
type ArticleViews struct {
	known   atomic.Int64 // the latest total a flush read back; math.MinInt64 before any
	pending atomic.Int64 // views counted here, not yet committed
}

// Views is the figure to show for a page built with base views: the latest
// total any flush read back, if higher, plus the views counted here and not
// yet flushed.
func (a *ArticleViews) Views(base int64) int64 {
	if k := a.known.Load(); k > base {
		base = k
	}
	return base + a.pending.Load()
}

// Article returns the handle of an article's figures.
func (c *Counter) Article(id int64) *ArticleViews {
	if a, ok := c.articles.Load(id); ok {
		return a.(*ArticleViews)
	}
	a := new(ArticleViews)
	a.known.Store(math.MinInt64)
	v, _ := c.articles.LoadOrStore(id, a)
	return v.(*ArticleViews)
}

// Views is the figure to show for an article whose page was built with base
// views (see ArticleViews.Views).
func (c *Counter) Views(article, base int64) int64 {
	if a, ok := c.articles.Load(article); ok {
		return a.(*ArticleViews).Views(base)
	}
	return base
}

// Stats returns the site's figures as of the last flush.
func (c *Counter) Stats() store.VisitStats { return *c.vis.Load() }

// Run flushes every interval until ctx is done, then flushes once more so a
// graceful stop loses nothing.
func (c *Counter) Run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			fctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			if err := c.Flush(fctx); err != nil {
				c.opt.Logger.Error("counter: final flush failed", "err", err)
			}
			cancel()
			return
		case <-t.C:
			if err := c.flush(ctx, false); err != nil && ctx.Err() == nil {
				c.opt.Logger.Warn("counter: flush failed, will retry", "err", err)
			}
		}
	}
}

// Flush writes what was counted since the last flush in one transaction and
// reads the figures back. On failure the batch is kept and merged into the
// next attempt.
func (c *Counter) Flush(ctx context.Context) error { return c.flush(ctx, true) }

// flush is Flush; when always is false (the ticker) and there is nothing to
// write, it only reads the figures every idleRefresh ticks.
func (c *Counter) flush(ctx context.Context, always bool) error {
	c.flushMu.Lock()
	defer c.flushMu.Unlock()
	c.ticks++
	now := c.opt.Now()
	day, monday := Day(now, c.opt.Location)

	// Fetch tomorrow's salt ahead of midnight so the first request of the day
	// does not wait on the database.
	if s := c.salts.Load(); s == nil || (s.day != day) || s.nsalt == nil {
		if _, err := c.loadSalts(ctx, day); err != nil {
			c.opt.Logger.Warn("counter: salt", "err", err)
		}
	}

	b := c.retry
	if b == nil {
		b = &store.CounterBatch{}
	}
	b.SiteID, b.Window, b.Today, b.Monday, b.Now = c.opt.SiteID, c.opt.Window, day, monday, now
	b.Prune = c.ticks%pruneEvery == 0
	nowU := now.Unix()
	win := int64(c.opt.Window / time.Second)
	for i := range c.shards {
		sh := &c.shards[i]
		sh.mu.Lock()
		b.Views = append(b.Views, sh.views...)
		b.Visitors = append(b.Visitors, sh.newDays...)
		b.Presence = append(b.Presence, sh.presence...)
		sh.views, sh.newDays, sh.presence = sh.views[:0], sh.newDays[:0], sh.presence[:0]
		if b.Prune {
			for k, t := range sh.marks {
				if nowU-t >= win {
					delete(sh.marks, k)
				}
			}
			for k := range sh.days {
				if k.Day != day {
					delete(sh.days, k)
				}
			}
			for k, t := range sh.seen {
				if nowU-t >= presenceEvery {
					delete(sh.seen, k)
				}
			}
		}
		sh.mu.Unlock()
	}
	c.rejMu.Lock()
	for k, n := range c.rejected {
		if b.Rejected == nil {
			b.Rejected = map[store.DayReason]int64{}
		}
		b.Rejected[k] += n
	}
	c.rejected = nil
	c.rejMu.Unlock()
	empty := len(b.Views) == 0 && len(b.Visitors) == 0 && len(b.Presence) == 0 && len(b.Rejected) == 0
	if empty && !always && !b.Prune && c.ticks%idleRefresh != 1 {
		return nil
	}
	res, err := c.st.FlushCounters(ctx, *b)
	if err != nil {
		c.FlushErrors.Add(1)
		c.retry = b
		return err
	}
	c.retry = nil
	c.Flushes.Add(1)
	// The committed totals replace the pending views they include. Between
	// these two steps a reader may briefly see a view twice, never zero.
	for id, v := range res.Views {
		c.Article(id).known.Store(v)
	}
	for _, e := range b.Views {
		if a, ok := c.articles.Load(e.Article); ok {
			a.(*ArticleViews).pending.Add(-1)
		}
	}
	c.vis.Store(&res.Stats)
	return nil
}

// Location is the zone of the counter's days.
func (c *Counter) Location() *time.Location { return c.opt.Location }
