package web

import (
	"encoding/binary"
	"net/http"
	"net/netip"
	"sync"
)

// One client (an IPv4 address, an IPv6 /64: the client key of every
// limiter) may have only so many requests in flight; past that it gets 429
// with Retry-After. A flood from one address then costs its share of
// goroutines, sockets and buffers, not the whole server's. The table holds
// only clients with a request in flight: an entry goes when its count
// returns to zero, so its size is bounded by the requests being served.

// DefaultClientRequests is the default cap. A commune office behind one
// NAT address loads pages in parallel (a page and its few assets); 16 at
// once leaves it room while a script's hundreds are refused.
const DefaultClientRequests = 16

const inflightShards = 16

type inflight struct {
	max    int32
	shards [inflightShards]struct {
		mu sync.Mutex
		n  map[netip.Addr]int32
	}
}

func newInflight(max int) *inflight {
	l := &inflight{max: int32(max)}
	for i := range l.shards {
		l.shards[i].n = map[netip.Addr]int32{}
	}
	return l
}

// clientAddr is the client key as a comparable value: no string is built
// on the hot path.
func clientAddr(a netip.Addr) netip.Addr {
	if a.Is6() && !a.Is4In6() {
		if p, err := a.Prefix(64); err == nil {
			return p.Addr()
		}
	}
	return a.Unmap()
}

// shard picks a shard from the address bytes (a multiplicative hash: a
// client choosing addresses to share a shard only contends a mutex).
func (l *inflight) shard(a netip.Addr) *struct {
	mu sync.Mutex
	n  map[netip.Addr]int32
} {
	b := a.As16()
	h := (binary.LittleEndian.Uint64(b[:8]) ^ binary.LittleEndian.Uint64(b[8:])) * 0x9E3779B97F4A7C15
	return &l.shards[h>>60%inflightShards]
}

func (l *inflight) enter(a netip.Addr) bool {
	sh := l.shard(a)
	sh.mu.Lock()
	n := sh.n[a]
	ok := n < l.max
	if ok {
		sh.n[a] = n + 1
	}
	sh.mu.Unlock()
	return ok
}

func (l *inflight) leave(a netip.Addr) {
	sh := l.shard(a)
	sh.mu.Lock()
	if n := sh.n[a]; n > 1 {
		sh.n[a] = n - 1
	} else {
		delete(sh.n, a)
	}
	sh.mu.Unlock()
}

// size is how many clients have requests in flight.
func (l *inflight) size() int {
	total := 0
	for i := range l.shards {
		l.shards[i].mu.Lock()
		total += len(l.shards[i].n)
		l.shards[i].mu.Unlock()
	}
	return total
}

func errTooManyInFlight() *Error {
	return &Error{Status: http.StatusTooManyRequests, Code: "rate_limited",
		Message: "Có quá nhiều yêu cầu cùng lúc từ địa chỉ mạng của bạn. Vui lòng đợi vài giây rồi tải lại trang."}
}

// perClient caps the requests each client has in flight.
func (s *Server) perClient(next http.Handler) http.Handler {
	if s.inflight == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a := clientAddr(s.proxies.ClientIP(r))
		if !s.inflight.enter(a) {
			w.Header().Set("Retry-After", "2")
			s.fail(w, r, errTooManyInFlight())
			return
		}
		defer s.inflight.leave(a)
		next.ServeHTTP(w, r)
	})
}
