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
	// ReasonNotBrowser: a User-Agent without a browser's shape (shape.go).
	ReasonNotBrowser Reason = "not_browser"
	// ReasonNoAccept: no Accept or Accept-Language header, which every
	// browser sends with a page request and scripts usually omit.
	ReasonNoAccept Reason = "no_accept"
	// ReasonRate: more page requests from one visitor than a person makes
	// (RateGate).
	ReasonRate Reason = "rate"
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
	hdrAccept     = "Accept"
	hdrAcceptLang = "Accept-Language"
)

// missingAccept reports a request without the headers every browser sends
// with a page request.
func missingAccept(h http.Header) bool {
	return len(h[hdrAccept]) == 0 || len(h[hdrAcceptLang]) == 0
}

// Classify decides whether r counts as a human page view. Checks run from the
// cheapest to the most expensive, and the first failing one gives the reason:
// method (only GET counts), speculative loads (prefetch/prerender/preview,
// which the user may never see), then the User-Agent (see IsBotUA), then the
// Accept and Accept-Language headers browsers always send. The header check
// comes last so a crawler is reported as one rather than as "no_accept".
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
	if reason := IsBotUA(ua); reason != ReasonNone {
		return reason
	}
	if missingAccept(r.Header) {
		return ReasonNoAccept
	}
	return ReasonNone
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
