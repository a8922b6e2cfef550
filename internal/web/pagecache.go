package web

import (
	"sync"
	"sync/atomic"
	"time"
)

// pageCache holds rendered public pages. Any content change bumps the
// generation, which makes every entry stale at once; entries also expire
// after ttl so changes made by another instance show up within it.
type pageCache struct {
	mu  sync.RWMutex
	m   map[string]*cachedPage
	gen atomic.Uint64
	ttl time.Duration
	max int
}

type cachedPage struct {
	live    *livePage
	article int64 // the article whose views the page shows, 0 if none
	views   int64 // its views when rendered
	gen     uint64
	expires int64 // unix nanoseconds
}

func newPageCache(ttl time.Duration, max int) *pageCache {
	return &pageCache{m: map[string]*cachedPage{}, ttl: ttl, max: max}
}

func (c *pageCache) get(key string, now time.Time) *cachedPage {
	c.mu.RLock()
	e := c.m[key]
	c.mu.RUnlock()
	if e == nil || e.gen != c.gen.Load() || now.UnixNano() > e.expires {
		return nil
	}
	return e
}

func (c *pageCache) put(key string, e *cachedPage, now time.Time) {
	e.expires = now.Add(c.ttl).UnixNano()
	c.mu.Lock()
	if len(c.m) >= c.max {
		// Dropping arbitrary entries is enough: pages are cheap to render
		// once, and a bounded map keeps 100k articles from filling memory.
		n := 0
		for k := range c.m {
			delete(c.m, k)
			if n++; n >= c.max/4 {
				break
			}
		}
	}
	c.m[key] = e
	c.mu.Unlock()
}

// invalidate marks every cached page stale.
func (c *pageCache) invalidate() {
	c.gen.Add(1)
	c.mu.Lock()
	clear(c.m)
	c.mu.Unlock()
}

func (c *pageCache) generation() uint64 { return c.gen.Load() }

func (c *pageCache) len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.m)
}
