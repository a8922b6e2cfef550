package web

import (
	"fmt"
	"testing"
	"time"
)

// The page cache holds at most its byte bound, however many pages fit its
// count bound; replacing a page does not count it twice.
func TestPageCacheBytes(t *testing.T) {
	c := newPageCache(time.Minute, 5000)
	c.maxBytes = 1 << 20
	now := time.Now()
	page := func(n int) *cachedPage { return &cachedPage{live: &livePage{size: n}, gen: c.generation()} }
	for i := range 1000 {
		c.put(fmt.Sprintf("p%d", i), page(10<<10), now) // 30 KB each by pageCost
		if c.size() > c.maxBytes {
			t.Fatalf("after %d pages: %d bytes held, bound %d", i+1, c.size(), c.maxBytes)
		}
	}
	if n := c.len(); n == 0 || n > 40 {
		t.Fatalf("%d pages held under a 1 MB bound of 30 KB pages", n)
	}
	c.invalidate()
	for range 10 {
		c.putArticle("same", page(10<<10), now)
	}
	if c.len() != 1 || c.size() != 30<<10 {
		t.Fatalf("one page put ten times: %d entries, %d bytes", c.len(), c.size())
	}
	if c.getArticle("same", now) == nil {
		t.Fatal("the page is gone")
	}
}
