package visitors

import (
	"context"
	"sync"
	"time"
)

// Set holds one Counter per site of a multi-site install (issue 16). A
// site's counter is made on its first view; Run flushes them all on one
// ticker, so a hundred quiet sites cost a hundred cheap ticks, not a
// hundred goroutines.
type Set struct {
	st   Store
	opt  Options
	mu   sync.RWMutex
	m    map[int64]*Counter
	list []*Counter
}

// NewSet makes an empty set; opt is every counter's options but SiteID.
// first, when not nil, is the counter of the install's first site, made
// by the caller (it is flushed once before serving).
func NewSet(st Store, opt Options, first *Counter) *Set {
	s := &Set{st: st, opt: opt, m: map[int64]*Counter{}}
	if first != nil {
		s.m[first.opt.SiteID] = first
		s.list = append(s.list, first)
	}
	return s
}

// For returns the site's counter, making it on first use.
func (s *Set) For(siteID int64) *Counter {
	s.mu.RLock()
	c := s.m[siteID]
	s.mu.RUnlock()
	if c != nil {
		return c
	}
	s.mu.Lock()
	made := false
	if c = s.m[siteID]; c == nil {
		o := s.opt
		o.SiteID = siteID
		c = New(s.st, o)
		s.m[siteID] = c
		s.list = append(s.list, c)
		made = true
	}
	s.mu.Unlock()
	if made {
		// Once per site and process: read the figures so the site's first
		// page does not show zeros until the next tick.
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		if err := c.Flush(ctx); err != nil {
			c.opt.Logger.Warn("counter: first read", "site", siteID, "err", err)
		}
		cancel()
	}
	return c
}

// Counters lists the counters made so far.
func (s *Set) Counters() []*Counter {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return append([]*Counter(nil), s.list...)
}

// SiteID is the site a counter counts for.
func (c *Counter) SiteID() int64 { return c.opt.SiteID }

// Run flushes every counter each interval until ctx ends, then flushes them
// all once more so a graceful stop loses nothing.
func (s *Set) Run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			fctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			for _, c := range s.Counters() {
				if err := c.Flush(fctx); err != nil {
					c.opt.Logger.Error("counter: final flush failed", "site", c.opt.SiteID, "err", err)
				}
			}
			cancel()
			return
		case <-t.C:
			for _, c := range s.Counters() {
				if err := c.flush(ctx, false); err != nil && ctx.Err() == nil {
					c.opt.Logger.Warn("counter: flush failed, will retry", "site", c.opt.SiteID, "err", err)
				}
			}
		}
	}
}

// Options are the counter's options, for making its siblings.
func (c *Counter) Options() Options { return c.opt }
