package web

import (
	"context"
	"net/http"
	"runtime"
	"strconv"
	"time"
)

// hashGate bounds how many password hashes (argon2id, ~19 MiB and ~50 ms
// each) run at once. Without it every parallel login, even for an unknown
// user, holds its own 19 MiB: 40 of them took a small VM past 800 MB. A
// request that cannot get a slot within wait is answered 503 with
// Retry-After instead of queueing without end.
type hashGate struct {
	slots chan struct{}
	wait  time.Duration
}

// hashGateWait is how long a request waits for a slot: a few logins ahead
// of it finish well within it, a flood does not.
const hashGateWait = 2 * time.Second

// defaultHashSlots is max(2, GOMAXPROCS): argon2 is CPU-bound, so more
// slots than cores add memory, not speed.
func defaultHashSlots() int { return max(2, runtime.GOMAXPROCS(0)) }

func newHashGate(n int, wait time.Duration) *hashGate {
	if n <= 0 {
		n = defaultHashSlots()
	}
	return &hashGate{slots: make(chan struct{}, n), wait: wait}
}

// enter takes a slot, waiting up to g.wait; leave must be called after the
// hash. ok is false when the gate stayed full or the request went away.
func (g *hashGate) enter(ctx context.Context) (leave func(), ok bool) {
	select {
	case g.slots <- struct{}{}:
		return g.leave, true
	default:
	}
	t := time.NewTimer(g.wait)
	defer t.Stop()
	select {
	case g.slots <- struct{}{}:
		return g.leave, true
	case <-t.C:
		return nil, false
	case <-ctx.Done():
		return nil, false
	}
}

func (g *hashGate) leave() { <-g.slots }

// hashBusyMessage is what a person sees when the gate is full.
const hashBusyMessage = "Hệ thống đang bận, vui lòng thử lại sau ít giây."

// hashBusyHeader sets Retry-After on a 503 for a full gate and returns
// the status, for pages that show the message in their own form.
func hashBusyHeader(w http.ResponseWriter) int {
	w.Header().Set("Retry-After", strconv.Itoa(int(hashGateWait/time.Second)))
	return http.StatusServiceUnavailable
}

// hashBusy is the 503 for pages without a form of their own to show it in.
func hashBusy(w http.ResponseWriter) error {
	hashBusyHeader(w)
	return &Error{Status: http.StatusServiceUnavailable, Code: "busy", Message: hashBusyMessage}
}
