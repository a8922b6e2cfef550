package web

import (
	"net/http"
	"sync"
	"time"
)

// rateLimiter is a token bucket per client key (IPv4 address or IPv6 /64), in this
// instance's memory: n requests per period, refilled continuously. It is
// per instance on purpose — the lookups it guards are cheap reads, and a
// database write per lookup would cost more than the enumeration it stops;
// N instances let a client through at most N times the rate.
type rateLimiter struct {
	mu      sync.Mutex
	n       float64
	per     time.Duration
	buckets map[string]*bucket
	now     func() time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

// maxBuckets bounds memory: past it, buckets that have refilled (their
// clients are idle) are dropped.
const maxBuckets = 50000

func newRateLimiter(n int, per time.Duration) *rateLimiter {
	return &rateLimiter{n: float64(n), per: per, buckets: map[string]*bucket{}, now: time.Now}
}

// allow takes a token for key and reports whether one was there.
func (l *rateLimiter) allow(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b := l.buckets[key]
	if b == nil {
		if len(l.buckets) >= maxBuckets {
			l.sweep(now)
		}
		b = &bucket{tokens: l.n, last: now}
		l.buckets[key] = b
	}
	b.tokens += now.Sub(b.last).Seconds() / l.per.Seconds() * l.n
	if b.tokens > l.n {
		b.tokens = l.n
	}
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

func (l *rateLimiter) sweep(now time.Time) {
	for k, b := range l.buckets {
		if b.tokens+now.Sub(b.last).Seconds()/l.per.Seconds()*l.n >= l.n {
			delete(l.buckets, k)
		}
	}
}

func errTooManyRequests() *Error {
	return &Error{Status: http.StatusTooManyRequests, Code: "rate_limited",
		Message: "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng đợi vài phút rồi thử lại."}
}

// limit refuses the request with 429 when the client is over its rate.
func (c *citizenDesk) limit(w http.ResponseWriter, r *http.Request, l *rateLimiter) error {
	if l.allow(c.s.clientKey(r)) {
		return nil
	}
	w.Header().Set("Retry-After", "60")
	return errTooManyRequests()
}
