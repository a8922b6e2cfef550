package visit

import (
	"net/http"
	"sync"
)

// uaCacheMax bounds the memo: a site sees a few hundred distinct browser
// builds a day; a flood of random User-Agents only resets it.
const uaCacheMax = 4096

// UACache memoises the User-Agent part of Classify. A handful of browser
// builds make most requests, and the trigram scan of IsBotUA, cheap as it
// is, was a visible share of an article page view.
type UACache struct {
	mu sync.RWMutex
	m  map[string]Reason
}

// Classify is Classify(r) with the User-Agent verdict remembered.
func (c *UACache) Classify(r *http.Request) Reason {
	reason, _ := c.ClassifyUA(r)
	return reason
}

// ClassifyUA is Classify that also returns the User-Agent it judged ("" if
// it did not get that far), which the caller hashes next.
func (c *UACache) ClassifyUA(r *http.Request) (Reason, string) {
	if r.Method != http.MethodGet && r.Method != "" {
		return ReasonMethod, ""
	}
	if isSpeculative(r.Header) {
		return ReasonPrefetch, ""
	}
	var ua string
	if v := r.Header[hdrUserAgent]; len(v) > 0 {
		ua = v[0]
	}
	c.mu.RLock()
	reason, ok := c.m[ua]
	c.mu.RUnlock()
	if ok {
		if reason == ReasonNone && missingAccept(r.Header) {
			return ReasonNoAccept, ua
		}
		return reason, ua
	}
	reason = IsBotUA(ua)
	c.mu.Lock()
	if c.m == nil || len(c.m) >= uaCacheMax {
		c.m = make(map[string]Reason, 256)
	}
	c.m[ua] = reason
	c.mu.Unlock()
	if reason == ReasonNone && missingAccept(r.Header) {
		return ReasonNoAccept, ua
	}
	return reason, ua
}
