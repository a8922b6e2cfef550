package visitors_test

import (
	"context"
	"fmt"
	"net/netip"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/visitors"
)

var ctx = context.Background()

var hcm, _ = time.LoadLocation("Asia/Ho_Chi_Minh")

// clock is a settable time source shared by counters in one test.
type clock struct{ ns atomic.Int64 }

func newClock(t time.Time) *clock { c := &clock{}; c.set(t); return c }
func (c *clock) set(t time.Time)  { c.ns.Store(t.UnixNano()) }
func (c *clock) add(d time.Duration) {
	c.ns.Add(int64(d))
}
func (c *clock) now() time.Time { return time.Unix(0, c.ns.Load()) }

func setup(t *testing.T, s *store.Store, n int) (int64, []int64) {
	t.Helper()
	site, err := s.EnsureSite(ctx, news.Site{Slug: "default", Name: "Thử"})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for i := 0; i < n; i++ {
		a := &news.Article{SiteID: site.ID, Title: fmt.Sprintf("Bài %d", i), Status: news.StatusPublished}
		if err := s.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	return site.ID, ids
}

func views(t *testing.T, s *store.Store, id int64) int64 {
	t.Helper()
	m, err := s.ArticleViews(ctx, []int64{id})
	if err != nil {
		t.Fatal(err)
	}
	return m[id]
}

func hit(t *testing.T, c *visitors.Counter, ip, ua string, article int64) bool {
	t.Helper()
	v, day, err := c.Visitor(ctx, netip.MustParseAddr(ip), ua)
	if err != nil {
		t.Fatal(err)
	}
	return c.Hit(v, day, article)
}

const ua = "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"

func TestViewWindow(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		site, ids := setup(t, s, 2)
		clk := newClock(time.Date(2026, 11, 24, 9, 0, 0, 0, hcm))
		c := visitors.New(s, visitors.Options{SiteID: site, Window: 30 * time.Minute, Location: hcm, Now: clk.now})
		if !hit(t, c, "203.0.113.5", ua, ids[0]) {
			t.Fatal("first view must count")
		}
		clk.add(29 * time.Minute)
		if hit(t, c, "203.0.113.5", ua, ids[0]) {
			t.Fatal("a view inside the window must not count")
		}
		if !hit(t, c, "203.0.113.5", ua, ids[1]) {
			t.Fatal("another article counts")
		}
		if !hit(t, c, "203.0.113.6", ua, ids[0]) {
			t.Fatal("another visitor counts")
		}
		if got := c.Views(ids[0], 0); got != 2 {
			t.Fatalf("pending views shown: %d", got)
		}
		if err := c.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		if got := views(t, s, ids[0]); got != 2 {
			t.Fatalf("stored views %d", got)
		}
		if got := c.Views(ids[0], 0); got != 2 {
			t.Fatalf("views after flush %d (must not double count)", got)
		}
		clk.add(2 * time.Minute) // 31 min after the first view
		if !hit(t, c, "203.0.113.5", ua, ids[0]) {
			t.Fatal("a view after the window counts again")
		}
		if err := c.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		if got := views(t, s, ids[0]); got != 3 {
			t.Fatalf("stored views %d", got)
		}
		// Window 0: every view counts.
		c0 := visitors.New(s, visitors.Options{SiteID: site, Window: 0, Location: hcm, Now: clk.now})
		for i := 0; i < 5; i++ {
			hit(t, c0, "203.0.113.5", ua, ids[1])
		}
		if err := c0.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		if got := views(t, s, ids[1]); got != 6 {
			t.Fatalf("window 0: %d", got)
		}
	})
}

func TestDayAndWeekBoundaries(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		site, _ := setup(t, s, 0)
		if _, err := s.DB().Exec(`UPDATE sites SET starting_total = 1000`); err != nil {
			t.Fatal(err)
		}
		// Sunday 23 Nov 2026, 23:59 in Hà Nội; that is 16:59 UTC.
		clk := newClock(time.Date(2026, 11, 22, 23, 59, 0, 0, hcm))
		c := visitors.New(s, visitors.Options{SiteID: site, Window: 30 * time.Minute, Location: hcm, Now: clk.now})
		hit(t, c, "198.51.100.1", ua, 0)
		hit(t, c, "198.51.100.2", ua, 0)
		hit(t, c, "198.51.100.1", ua, 0) // same visitor, same day
		sunday, _, _ := c.Visitor(ctx, netip.MustParseAddr("198.51.100.1"), ua)
		if err := c.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		st := c.Stats()
		if st.Today != 2 || st.Week != 2 || st.Total != 1002 || st.Online != 2 {
			t.Fatalf("Sunday: %+v", st)
		}
		// 00:01 Monday +07:00: a new day and a new week; the same person is a
		// new visitor of the day (new salt too).
		clk.add(2 * time.Minute)
		hit(t, c, "198.51.100.1", ua, 0)
		// The remembered hash must not outlive its day's salt.
		if monday, _, _ := c.Visitor(ctx, netip.MustParseAddr("198.51.100.1"), ua); monday == sunday {
			t.Fatal("same visitor hash on Sunday and Monday: the daily salt was not applied")
		}
		if err := c.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		st = c.Stats()
		if st.Today != 1 || st.Week != 1 || st.Total != 1003 {
			t.Fatalf("Monday 00:01: %+v", st)
		}
		// Tuesday: the week sums daily visitors.
		clk.add(24 * time.Hour)
		hit(t, c, "198.51.100.1", ua, 0)
		hit(t, c, "198.51.100.3", ua, 0)
		if err := c.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		st = c.Stats()
		if st.Today != 2 || st.Week != 3 || st.Total != 1005 {
			t.Fatalf("Tuesday: %+v", st)
		}
		// Online is the last five minutes.
		clk.add(6 * time.Minute)
		if err := c.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		if st = c.Stats(); st.Online != 0 {
			t.Fatalf("online after 6 idle minutes: %d", st.Online)
		}
	})
}

func TestDayBoundaryUTCvsLocal(t *testing.T) {
	// 17:00 UTC is already tomorrow in Hà Nội.
	day, monday := visitors.Day(time.Date(2026, 11, 22, 17, 0, 0, 0, time.UTC), hcm)
	if day != "2026-11-23" || monday != "2026-11-23" {
		t.Fatalf("%s %s", day, monday)
	}
	day, monday = visitors.Day(time.Date(2026, 11, 22, 16, 59, 59, 0, time.UTC), hcm)
	if day != "2026-11-22" || monday != "2026-11-16" {
		t.Fatalf("%s %s", day, monday)
	}
}

func TestConcurrentHitsAreExact(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		site, ids := setup(t, s, 3)
		c := visitors.New(s, visitors.Options{SiteID: site, Window: 30 * time.Minute, Location: hcm})
		const workers, visitors = 16, 50
		stop := make(chan struct{})
		flushed := make(chan struct{})
		go func() { // flush while hits arrive, as in production
			defer close(flushed)
			for {
				select {
				case <-stop:
					return
				default:
					if err := c.Flush(ctx); err != nil {
						t.Error(err)
						return
					}
				}
			}
		}()
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for v := 0; v < visitors; v++ {
					ip := fmt.Sprintf("10.%d.%d.1", w, v)
					for _, id := range ids {
						hit(t, c, ip, ua, id)
						hit(t, c, ip, ua, id) // repeat: inside the window
					}
				}
			}(w)
		}
		wg.Wait()
		close(stop)
		<-flushed
		if err := c.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			if got := views(t, s, id); got != workers*visitors {
				t.Errorf("article %d: %d views, want %d", id, got, workers*visitors)
			}
		}
		if st := c.Stats(); st.Today != workers*visitors {
			t.Errorf("today %d, want %d", st.Today, workers*visitors)
		}
	})
}

func TestRunFlushesOnStop(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		site, ids := setup(t, s, 1)
		c := visitors.New(s, visitors.Options{SiteID: site, Window: 0, Location: hcm})
		rctx, cancel := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { c.Run(rctx, time.Hour); close(done) }()
		for i := 0; i < 7; i++ {
			hit(t, c, "192.0.2.1", ua, ids[0])
		}
		cancel()
		<-done
		if got := views(t, s, ids[0]); got != 7 {
			t.Fatalf("graceful stop lost views: %d", got)
		}
	})
}

// Two instances (two stores, two counters) on one database count a visitor
// and a view once.
func TestTwoInstancesCountOnce(t *testing.T) {
	for _, eng := range testdb.Engines() {
		t.Run(eng, func(t *testing.T) {
			u := testdb.URL(t, eng)
			open := func() *store.Store {
				s, err := store.Open(ctx, u, t.TempDir())
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { s.Close() })
				if _, err := s.Migrate(ctx); err != nil {
					t.Fatal(err)
				}
				return s
			}
			s1, s2 := open(), open()
			site, ids := setup(t, s1, 1)
			clk := newClock(time.Date(2026, 11, 25, 10, 0, 0, 0, hcm))
			c1 := visitors.New(s1, visitors.Options{SiteID: site, Window: 30 * time.Minute, Location: hcm, Now: clk.now})
			c2 := visitors.New(s2, visitors.Options{SiteID: site, Window: 30 * time.Minute, Location: hcm, Now: clk.now})
			// The same reader is balanced to both instances, concurrently.
			var wg sync.WaitGroup
			for _, c := range []*visitors.Counter{c1, c2} {
				wg.Add(1)
				go func(c *visitors.Counter) {
					defer wg.Done()
					for i := 0; i < 20; i++ {
						hit(t, c, "203.0.113.77", ua, ids[0])
						hit(t, c, fmt.Sprintf("203.0.113.%d", 100+i), ua, ids[0])
					}
				}(c)
			}
			wg.Wait()
			var fwg sync.WaitGroup
			for _, c := range []*visitors.Counter{c1, c2} {
				fwg.Add(1)
				go func(c *visitors.Counter) {
					defer fwg.Done()
					if err := c.Flush(ctx); err != nil {
						t.Error(err)
					}
				}(c)
			}
			fwg.Wait()
			if got := views(t, s1, ids[0]); got != 21 {
				t.Fatalf("views %d, want 21 (1 + 20 distinct readers, each once)", got)
			}
			c1.Flush(ctx)
			if st := c1.Stats(); st.Today != 21 || st.Online != 21 {
				t.Fatalf("stats %+v, want 21 visitors", st)
			}
			// Both instances hash a visitor the same way: one shared salt.
			v1, _, _ := c1.Visitor(ctx, netip.MustParseAddr("192.0.2.9"), ua)
			v2, _, _ := c2.Visitor(ctx, netip.MustParseAddr("192.0.2.9"), ua)
			if v1 != v2 {
				t.Fatal("instances disagree on the visitor hash")
			}
		})
	}
}

// A failed flush keeps its batch for the next one.
func TestFlushRetriesAfterError(t *testing.T) {
	s := testdb.Open(t, "sqlite")
	site, ids := setup(t, s, 1)
	fs := &failingStore{Store: s}
	c := visitors.New(fs, visitors.Options{SiteID: site, Window: 0, Location: hcm})
	hit(t, c, "192.0.2.1", ua, ids[0])
	fs.fail.Store(true)
	if err := c.Flush(ctx); err == nil {
		t.Fatal("want error")
	}
	hit(t, c, "192.0.2.1", ua, ids[0])
	if got := c.Views(ids[0], 0); got != 2 {
		t.Fatalf("pending shown while the database is down: %d", got)
	}
	fs.fail.Store(false)
	if err := c.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if got := views(t, s, ids[0]); got != 2 {
		t.Fatalf("views after recovery %d", got)
	}
}

type failingStore struct {
	*store.Store
	fail atomic.Bool
}

func (f *failingStore) FlushCounters(ctx context.Context, b store.CounterBatch) (store.FlushResult, error) {
	if f.fail.Load() {
		return store.FlushResult{}, fmt.Errorf("database down")
	}
	return f.Store.FlushCounters(ctx, b)
}
