// Package visit decides which HTTP requests count as human page views and
// derives the privacy-preserving visitor key used to de-duplicate them.
//
// Everything here sits on the request hot path of every public page, so the
// code avoids regular expressions and, where it matters, allocations.
package visit

import "net/http"

// Reason is why a request is not counted; ReasonNone ("") means it counts.
// The values are stable strings because they are stored and shown in reports.
type Reason string

// The reasons a request may be excluded from the visit counter.
const (
	ReasonNone     Reason = ""
	ReasonEmptyUA  Reason = "empty_ua"
	ReasonBot      Reason = "bot"
	ReasonHeadless Reason = "headless"
	ReasonPrefetch Reason = "prefetch"
	ReasonMethod   Reason = "method"
)

// Canonical header keys, indexed directly into http.Header: the server has
// already canonicalised incoming keys, so skipping Header.Get's
// canonicalisation saves work on every request.
const (
	hdrUserAgent  = "User-Agent"
	hdrSecPurpose = "Sec-Purpose"
	hdrPurpose    = "Purpose"
	hdrXMoz       = "X-Moz"
	hdrXPurpose   = "X-Purpose"
)

// Classify decides whether r counts as a human page view. Checks run from the
// cheapest to the most expensive, and the first failing one gives the reason:
// method (only GET counts), speculative loads (prefetch/prerender/preview,
// which the user may never see), then the User-Agent (see IsBotUA).
func Classify(r *http.Request) Reason {
	// net/http documents "" as GET for client requests; treat it the same so
	// hand-built requests in callers and tests behave as they would on the wire.
	if r.Method != http.MethodGet && r.Method != "" {
		return ReasonMethod
	}
	if isSpeculative(r.Header) {
		return ReasonPrefetch
	}
	var ua string
	if v := r.Header[hdrUserAgent]; len(v) > 0 {
		ua = v[0]
	}
	return IsBotUA(ua)
}

// isSpeculative reports whether the browser marked the request as a
// prefetch, prerender or preview: such loads happen before (or without) the
// person actually opening the page, so counting them would inflate figures.
//
//   - Sec-Purpose: prefetch | prefetch;prerender  (Chromium, Firefox, standard)
//   - Purpose: prefetch                             (older Chromium)
//   - X-Moz: prefetch                               (older Firefox)
//   - X-Purpose: preview                            (Safari Top Sites)
func isSpeculative(h http.Header) bool {
	for _, k := range [...]string{hdrSecPurpose, hdrPurpose, hdrXMoz, hdrXPurpose} {
		for _, v := range h[k] {
			if containsFold(v, "prefetch") || containsFold(v, "prerender") || containsFold(v, "preview") {
				return true
			}
		}
	}
	return false
}
