package web

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/congportal/cong/internal/visitors"
)

// pageCache holds rendered public pages. Any content change bumps the
// generation, which makes every entry stale at once; entries also expire
// after ttl so changes made by another instance show up within it.
//
// Article pages have their own map keyed by the bare slug, so the hot path
// looks a page up without building a prefixed key (an allocation per view).
type pageCache struct {
	mu       sync.RWMutex
	m        map[string]*cachedPage // other pages, by a key of the handler's choosing
	articles map[string]*cachedPage // article pages, by slug
	gen      atomic.Uint64
	ttl      time.Duration
	max      int // both maps together
	// maxBytes bounds the pages' memory, not only their number: with many
	// sites (issue 16) a count alone lets large pages add up to hundreds of
	// megabytes. bytes is the estimate of what is held (pageCost).
	maxBytes int64
	bytes    int64
}

// pageCacheBytes is the page cache's memory bound.
const pageCacheBytes = 64 << 20

// pageCost estimates an entry's memory: the rendered segments, and up to
// as much again for each of its gzip copy and last assembled response.
func pageCost(e *cachedPage) int64 {
	if e == nil || e.live == nil {
		return 0
	}
	return 3 * int64(e.live.size)
}

type cachedPage struct {
	live    *livePage
	article int64                  // the article whose views the page shows, 0 if none
	counts  *visitors.ArticleViews // its live figures, nil if none
	views   int64                  // its views when rendered
	gen     uint64
	expires int64 // unix nanoseconds
}

func newPageCache(ttl time.Duration, max int) *pageCache {
	return &pageCache{m: map[string]*cachedPage{}, articles: map[string]*cachedPage{}, ttl: ttl, max: max, maxBytes: pageCacheBytes}
}

func (c *pageCache) get(key string, now time.Time) *cachedPage {
	c.mu.RLock()
	e := c.m[key]
	c.mu.RUnlock()
	return c.fresh(e, now)
}

// getArticle returns the cached page of the article with this slug.
func (c *pageCache) getArticle(slug string, now time.Time) *cachedPage {
	c.mu.RLock()
	e := c.articles[slug]
	c.mu.RUnlock()
	return c.fresh(e, now)
}

func (c *pageCache) fresh(e *cachedPage, now time.Time) *cachedPage {
	if e == nil || e.gen != c.gen.Load() || now.UnixNano() > e.expires {
		return nil
	}
	return e
}

func (c *pageCache) put(key string, e *cachedPage, now time.Time) { c.store(c.m, key, e, now) }

func (c *pageCache) putArticle(slug string, e *cachedPage, now time.Time) {
	c.store(c.articles, slug, e, now)
}

func (c *pageCache) store(m map[string]*cachedPage, key string, e *cachedPage, now time.Time) {
	e.expires = now.Add(c.ttl).UnixNano()
	cost := pageCost(e)
	c.mu.Lock()
	if old, ok := m[key]; ok {
		c.bytes -= pageCost(old)
		delete(m, key)
	}
	if len(c.m)+len(c.articles) >= c.max || c.bytes+cost > c.maxBytes {
		// Dropping arbitrary entries is enough: pages are cheap to render
		// once, and a bounded cache keeps 100k articles from filling
		// memory. A quarter of the entries, or of the bytes, goes at once.
		n := 0
		for _, mm := range [2]map[string]*cachedPage{c.articles, c.m} {
			for k, old := range mm {
				if n >= c.max/4 && c.bytes+cost <= c.maxBytes*3/4 {
					break
				}
				c.bytes -= pageCost(old)
				delete(mm, k)
				n++
			}
		}
	}
	m[key] = e
	c.bytes += cost
	c.mu.Unlock()
}

// invalidate marks every cached page stale.
func (c *pageCache) invalidate() {
	c.gen.Add(1)
	c.mu.Lock()
	clear(c.m)
	clear(c.articles)
	c.bytes = 0
	c.mu.Unlock()
}

func (c *pageCache) generation() uint64 { return c.gen.Load() }

func (c *pageCache) len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.m) + len(c.articles)
}

// size is the estimate of the bytes held, for /metrics.
func (c *pageCache) size() int64 {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.bytes
}
