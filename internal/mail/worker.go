package mail

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/mail"
	"time"
)

// Item is one outbox row as the worker sees it.
type Item struct {
	ID            int64
	SiteID        int64
	DossierID     int64
	Kind          Kind
	To            string
	ToName        string
	Data          string // JSON of Data
	Token         string
	Status        string // queued, sent, failed
	Attempts      int    // including the one being made, once claimed
	LastError     string
	CreatedAt     time.Time
	NextAttemptAt time.Time
	SentAt        time.Time
}

// Subject is the row's subject as it is (or was) sent; empty when the row
// cannot be rendered.
func (it Item) Subject() string {
	var d Data
	if err := json.Unmarshal([]byte(it.Data), &d); err != nil {
		return ""
	}
	r, err := Render(it.Kind, d, "")
	if err != nil {
		return ""
	}
	return r.Subject
}

// Row statuses.
const (
	StatusQueued = "queued"
	StatusSent   = "sent"
	StatusFailed = "failed"
)

// Queue is the durable outbox (the store implements it).
type Queue interface {
	// DueMail lists queued rows whose next attempt is due and that no live
	// lease holds, oldest first.
	DueMail(ctx context.Context, now time.Time, limit int) ([]int64, error)
	// ClaimMail takes the row for owner until the lease ends and counts the
	// attempt; ok is false when another worker got it first or it is no
	// longer due.
	ClaimMail(ctx context.Context, id int64, owner string, now, leaseUntil time.Time) (it Item, ok bool, err error)
	// MailSent marks a claimed row sent.
	MailSent(ctx context.Context, id int64, owner string, at time.Time) error
	// MailFailed records a failed attempt: the row waits until next, or
	// with final becomes failed for good.
	MailFailed(ctx context.Context, id int64, owner, errText string, next time.Time, final bool) error
	// EnqueueNearDue queues the alerts of dossiers that have just become
	// near due (once per dossier, appointment and officer) and says how many.
	EnqueueNearDue(ctx context.Context, now time.Time) (int, error)
}

// Sender delivers one built message (SMTP does).
type Sender interface {
	Send(ctx context.Context, from string, to []string, msg []byte) error
}

// Worker drains the outbox. Any number may run, in one process or on
// several instances sharing a database: a row is sent by the worker whose
// claim won, and the lease outlasts the sender's deadline, so as long as
// senders are healthy no message goes out twice. The remaining window — the
// relay accepted the message and the process died before marking it — is
// covered by the stable Message-ID.
type Worker struct {
	Queue   Queue
	Sender  Sender // nil: nothing is sent, mail stays queued
	From    mail.Address
	BaseURL string
	Log     *slog.Logger
	// Now is the clock (tests drive it); time.Now when nil.
	Now func() time.Time
	// Owner identifies this worker in leases; random when empty.
	Owner string
	// Lease must exceed the sender's whole-message timeout.
	Lease time.Duration
	// Backoff doubles from BackoffMin per failed attempt up to BackoffMax.
	BackoffMin, BackoffMax time.Duration
	// MaxPermanent: a 5xx refusal at the MaxPermanent-th attempt or later
	// marks the row failed (earlier ones are retried: a relay
	// misconfiguration may be fixed meanwhile). Outages (4xx, timeouts)
	// never fail a row: they only delay it.
	MaxPermanent int
	Batch        int

	warnedNoSender bool
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
		w.Lease = DefaultTimeout + 4*time.Minute
	}
	if w.BackoffMin <= 0 {
		w.BackoffMin = time.Minute
	}
	if w.BackoffMax <= 0 {
		w.BackoffMax = time.Hour
	}
	if w.MaxPermanent <= 0 {
		w.MaxPermanent = 5
	}
	if w.Batch <= 0 {
		w.Batch = 50
	}
	if w.Log == nil {
		w.Log = slog.New(slog.DiscardHandler)
	}
}

// Backoff is the wait after the attempts-th failed attempt.
func (w *Worker) Backoff(attempts int) time.Duration {
	w.defaults()
	d := w.BackoffMin
	for i := 1; i < attempts && d < w.BackoffMax; i++ {
		d *= 2
	}
	return min(d, w.BackoffMax)
}

// Result counts what one pass did.
type Result struct {
	Sent, Retried, Failed int
}

// RunOnce sends what is due now, one message at a time, and returns when
// nothing due is left unclaimed (or ctx ends).
func (w *Worker) RunOnce(ctx context.Context) (Result, error) {
	w.defaults()
	var res Result
	if w.Sender == nil {
		if !w.warnedNoSender {
			w.Log.Warn("no --smtp-url: notifications stay queued in the outbox until one is configured")
			w.warnedNoSender = true
		}
		return res, nil
	}
	for {
		ids, err := w.Queue.DueMail(ctx, w.Now(), w.Batch)
		if err != nil || len(ids) == 0 {
			return res, err
		}
		progressed := false
		for _, id := range ids {
			if ctx.Err() != nil {
				return res, ctx.Err()
			}
			now := w.Now()
			it, ok, err := w.Queue.ClaimMail(ctx, id, w.Owner, now, now.Add(w.Lease))
			if err != nil {
				return res, err
			}
			if !ok {
				continue
			}
			progressed = true
			switch err := w.deliver(ctx, it); {
			case err == nil:
				res.Sent++
			case ctx.Err() != nil:
				// Shutting down: the lease will lapse and the row be retried.
				return res, ctx.Err()
			default:
				final, err2 := w.failed(ctx, it, err)
				if err2 != nil {
					return res, err2
				}
				if final {
					res.Failed++
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
	msg, err := w.Build(it)
	if err != nil {
		return err
	}
	if err := w.Sender.Send(ctx, w.From.Address, []string{it.To}, msg); err != nil {
		return err
	}
	// The relay has the message: record it even if the caller is shutting
	// down, or it would go out again.
	mctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	return w.Queue.MailSent(mctx, it.ID, w.Owner, w.Now())
}

// failed records a failed attempt and says whether the row is now failed
// for good.
func (w *Worker) failed(ctx context.Context, it Item, err error) (bool, error) {
	var se *SendError
	final := errors.Is(err, ErrUnsendable) || (errors.As(err, &se) && se.Permanent && it.Attempts >= w.MaxPermanent)
	next := w.Now().Add(w.Backoff(it.Attempts))
	w.Log.Warn("mail not sent", "id", it.ID, "kind", it.Kind, "attempts", it.Attempts, "final", final, "err", err)
	text := err.Error()
	if len(text) > 1000 {
		text = text[:1000]
	}
	return final, w.Queue.MailFailed(context.WithoutCancel(ctx), it.ID, w.Owner, text, next, final)
}

// ErrUnsendable marks a row no retry can send (a malformed recipient, an
// unknown kind): it fails at once.
var ErrUnsendable = errors.New("thư không gửi được")

// Build renders and encodes an outbox row.
func (w *Worker) Build(it Item) ([]byte, error) {
	if !validAddress(it.To) {
		return nil, fmt.Errorf("%w: địa chỉ người nhận không hợp lệ %q", ErrUnsendable, it.To)
	}
	var d Data
	if err := json.Unmarshal([]byte(it.Data), &d); err != nil {
		return nil, fmt.Errorf("%w: dữ liệu thư %d hỏng: %v", ErrUnsendable, it.ID, err)
	}
	r, err := Render(it.Kind, d, w.BaseURL)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnsendable, err)
	}
	date := it.CreatedAt
	if date.IsZero() {
		date = w.Now()
	}
	return Message{From: w.From, To: mail.Address{Name: it.ToName, Address: it.To}, Subject: r.Subject, Body: r.Body,
		Date: date, MessageID: MessageID(it.ID, it.Token, w.From)}.Bytes()
}

// Run sends due mail every `every` and scans for near-due dossiers every
// `scan` until ctx ends.
func (w *Worker) Run(ctx context.Context, every, scan time.Duration) {
	w.defaults()
	send := time.NewTicker(every)
	defer send.Stop()
	var lastScan time.Time
	for {
		if now := w.Now(); now.Sub(lastScan) >= scan {
			lastScan = now
			if n, err := w.Queue.EnqueueNearDue(ctx, now); err != nil {
				if ctx.Err() != nil {
					return
				}
				w.Log.Warn("near-due scan", "err", err)
			} else if n > 0 {
				w.Log.Info("near-due alerts queued", "count", n)
			}
		}
		if res, err := w.RunOnce(ctx); err != nil && ctx.Err() == nil {
			w.Log.Warn("mail outbox", "err", err)
		} else if res != (Result{}) {
			w.Log.Info("mail outbox", "sent", res.Sent, "retry_later", res.Retried, "failed", res.Failed)
		}
		select {
		case <-ctx.Done():
			return
		case <-send.C:
		}
	}
}

// ParseFrom reads --mail-from: "Name <addr>" or a bare address.
func ParseFrom(s string) (mail.Address, error) {
	a, err := mail.ParseAddress(s)
	if err != nil || !validAddress(a.Address) {
		return mail.Address{}, fmt.Errorf("--mail-from phải là một địa chỉ thư, ví dụ \"Cổng dịch vụ công <khongtraloi@tinh.gov.vn>\" (nhận được %q)", s)
	}
	return *a, nil
}
