package partner

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	mrand "math/rand/v2"
	"time"
)

// Worker drains one channel of the outbox. Any number may run, in one
// process or on several instances sharing a PostgreSQL database: a row is
// delivered by the worker whose claim won, and the lease outlasts the
// target's timeout, so a healthy worker never sees its row taken over.
// The remaining window — the partner accepted the row and the process died
// before marking it — is covered by the idempotency key.
//
// Order per dossier: the queue only offers the first undelivered row of
// each dossier, so a dossier's event n+1 waits until n is delivered or
// dead. A dead row stops blocking its dossier on purpose: the national
// portal taking a later status is better than none, and the admin sees
// the dead row.
type Worker struct {
	Channel Channel
	Queue   Queue
	Target  Target // nil: the channel is off and nothing is claimed
	Log     *slog.Logger
	// Now is the clock (tests drive it); time.Now when nil.
	Now func() time.Time
	// Owner identifies this worker in leases; random when empty.
	Owner string
	// Lease must exceed the target's whole-request timeout.
	Lease time.Duration
	// Backoff doubles from BackoffMin per failed attempt up to BackoffMax,
	// with jitter (half to the full wait) so that many rows failing at
	// once do not come back at the same instant.
	BackoffMin, BackoffMax time.Duration
	// MaxAttempts: the row goes dead after this many failed attempts. The
	// default (48, with the default backoff) outlasts a partner outage of
	// more than a day.
	MaxAttempts int
	Batch       int
}

func (w *Worker) defaults() {
	if w.Now == nil {
		w.Now = time.Now
	}
	if w.Owner == "" {
		b := make([]byte, 8)
		rand.Read(b)
		w.Owner = hex.EncodeToString(b)
	}
	if w.Lease <= 0 {
		w.Lease = DefaultTimeout + 2*time.Minute
	}
	if w.BackoffMin <= 0 {
		w.BackoffMin = 30 * time.Second
	}
	if w.BackoffMax <= 0 {
		w.BackoffMax = time.Hour
	}
	if w.MaxAttempts <= 0 {
		w.MaxAttempts = 48
	}
	if w.Batch <= 0 {
		w.Batch = 50
	}
	if w.Log == nil {
		w.Log = slog.New(slog.DiscardHandler)
	}
}

// DefaultTimeout bounds one delivery (connect, send, answer).
const DefaultTimeout = 30 * time.Second

// Backoff is the wait after the attempts-th failed attempt, before jitter.
func (w *Worker) Backoff(attempts int) time.Duration {
	w.defaults()
	d := w.BackoffMin
	for i := 1; i < attempts && d < w.BackoffMax; i++ {
		d *= 2
	}
	return min(d, w.BackoffMax)
}

// jitter picks a wait in [d/2, d].
func jitter(d time.Duration) time.Duration {
	if d <= 1 {
		return d
	}
	return d/2 + time.Duration(mrand.Int64N(int64(d/2)+1))
}

// Result counts what one pass did.
type Result struct {
	Delivered, Retried, Dead int
}

// RunOnce delivers what is due now, one row at a time, and returns when
// nothing due is left unclaimed (or ctx ends). Rows that become first in
// their dossier's line during the pass are picked up in the same pass.
func (w *Worker) RunOnce(ctx context.Context) (Result, error) {
	w.defaults()
	var res Result
	if w.Target == nil {
		return res, nil
	}
	for {
		ids, err := w.Queue.DuePartner(ctx, w.Channel, w.Now(), w.Batch)
		if err != nil || len(ids) == 0 {
			return res, err
		}
		progressed := false
		for _, id := range ids {
			if ctx.Err() != nil {
				return res, ctx.Err()
			}
			now := w.Now()
			it, ok, err := w.Queue.ClaimPartner(ctx, id, w.Owner, now, now.Add(w.Lease))
			if err != nil {
				return res, err
			}
			if !ok {
				continue
			}
			progressed = true
			switch err := w.deliver(ctx, it); {
			case err == nil:
				res.Delivered++
			case ctx.Err() != nil:
				// Shutting down: the lease will lapse and the row be retried.
				return res, ctx.Err()
			default:
				dead, err2 := w.failed(ctx, it, err)
				if err2 != nil {
					return res, err2
				}
				if dead {
					res.Dead++
				} else {
					res.Retried++
				}
			}
		}
		if !progressed {
			return res, nil
		}
	}
}

func (w *Worker) deliver(ctx context.Context, it Item) error {
	if err := w.Target.Deliver(ctx, it); err != nil {
		return err
	}
	// The partner has the row: record it even if the caller is shutting
	// down, or it would go out again.
	mctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	return w.Queue.PartnerDelivered(mctx, it.ID, w.Owner, w.Now())
}

// failed records a failed attempt and says whether the row is now dead.
func (w *Worker) failed(ctx context.Context, it Item, err error) (bool, error) {
	dead := errors.Is(err, ErrUndeliverable) || it.Attempts >= w.MaxAttempts
	wait := jitter(w.Backoff(it.Attempts))
	var he *HTTPError
	if errors.As(err, &he) && he.RetryAfter > wait {
		wait = he.RetryAfter
	}
	next := w.Now().Add(wait)
	w.Log.Warn("partner delivery failed", "channel", it.Channel, "id", it.ID, "attempts", it.Attempts, "dead", dead, "err", err)
	text := err.Error()
	if len(text) > 1000 {
		text = text[:1000]
	}
	return dead, w.Queue.PartnerFailed(context.WithoutCancel(ctx), it.ID, w.Owner, text, next, dead)
}

// Run delivers due rows every `every` until ctx ends.
func (w *Worker) Run(ctx context.Context, every time.Duration) {
	w.defaults()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if res, err := w.RunOnce(ctx); err != nil && ctx.Err() == nil {
			w.Log.Warn("partner outbox", "channel", w.Channel, "err", err)
		} else if res != (Result{}) {
			w.Log.Info("partner outbox", "channel", w.Channel, "delivered", res.Delivered, "retry_later", res.Retried, "dead", res.Dead)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
