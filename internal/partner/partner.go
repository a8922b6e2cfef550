// Package partner delivers the desk's events to systems outside Cổng: the
// national public-service portal's status sync and an SMS gateway. Both
// are reached only through the partner outbox (store, migration 0036):
// rows written in the transaction of the dossier event, delivered
// afterwards by Worker with retries, backoff with jitter, an idempotency
// key per row and a dead-letter state the admin can retry. A partner that
// is down delays deliveries, never loses them.
package partner

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Channel names one partner; it is the outbox row's channel column.
type Channel string

const (
	// Sync is the status sync to the national public-service portal (or
	// any upstream one-stop system speaking the same JSON).
	Sync Channel = "sync"
	// SMS is the text-message notification to the applicant.
	SMS Channel = "sms"
)

// Channels lists every channel, for counts and metrics.
var Channels = []Channel{Sync, SMS}

// Label is the Vietnamese name of a channel.
func (c Channel) Label() string {
	switch c {
	case Sync:
		return "Đồng bộ Cổng DVC quốc gia"
	case SMS:
		return "Tin nhắn SMS"
	}
	return string(c)
}

// Valid reports whether c is a known channel.
func (c Channel) Valid() bool { return c == Sync || c == SMS }

// Row states. Pending has not been tried yet; Failed was tried and waits
// for its next attempt; both are "in the queue". Dead stopped after
// MaxAttempts and waits for an admin; Delivered is done.
const (
	StatusPending   = "pending"
	StatusFailed    = "failed"
	StatusDead      = "dead"
	StatusDelivered = "delivered"
)

// Statuses lists the row states in the order the admin page shows them.
var Statuses = []string{StatusPending, StatusFailed, StatusDead, StatusDelivered}

// StatusLabel is the Vietnamese name of a row state.
func StatusLabel(s string) string {
	switch s {
	case StatusPending:
		return "Chờ gửi"
	case StatusFailed:
		return "Lỗi, sẽ thử lại"
	case StatusDead:
		return "Ngừng thử (cần xử lý)"
	case StatusDelivered:
		return "Đã gửi"
	}
	return s
}

// Item is one outbox row as the worker and the admin page see it.
type Item struct {
	ID        int64
	SiteID    int64
	DossierID int64
	Channel   Channel
	// Kind is the dossier action that produced the row (dossier.Action).
	Kind string
	// Recipient is the phone number of an SMS; empty for the sync.
	Recipient string
	// Payload is JSON: SyncEvent for the sync, SMSData for an SMS.
	Payload string
	// Key is the idempotency key, stable across retries: the receiver
	// drops a second delivery of the same key.
	Key           string
	Status        string
	Attempts      int // including the one being made, once claimed
	LastError     string
	CreatedAt     time.Time
	NextAttemptAt time.Time
	DeliveredAt   time.Time
}

// Queue is the durable outbox (the store implements it).
type Queue interface {
	// DuePartner lists rows of the channel that are due at now, held by no
	// live lease, and first in their dossier's line (no earlier row of the
	// same dossier and channel is still pending or failed), oldest first.
	DuePartner(ctx context.Context, ch Channel, now time.Time, limit int) ([]int64, error)
	// ClaimPartner takes the row for owner until leaseUntil and counts the
	// attempt; ok is false when another worker got it first or it is no
	// longer due.
	ClaimPartner(ctx context.Context, id int64, owner string, now, leaseUntil time.Time) (it Item, ok bool, err error)
	// PartnerDelivered marks a row delivered.
	PartnerDelivered(ctx context.Context, id int64, owner string, at time.Time) error
	// PartnerFailed records a failed attempt of the lease holder: the row
	// waits until next, or with dead stops until an admin retries it.
	PartnerFailed(ctx context.Context, id int64, owner, errText string, next time.Time, dead bool) error
}

// Target delivers one row to the partner. It must send it.Key so the
// partner can drop a repeated delivery (after a crash between the
// partner's answer and the "delivered" mark, the row is sent again).
type Target interface {
	Deliver(ctx context.Context, it Item) error
}

// ErrUndeliverable marks a row no retry can deliver (its payload is
// broken, the phone number is not one): it goes dead at once.
var ErrUndeliverable = errors.New("không thể gửi")

// HTTPError is a partner's refusal by HTTP status.
type HTTPError struct {
	Status int
	Body   string
	// RetryAfter is the partner's Retry-After (429, 503), zero if none:
	// the next attempt waits at least that long.
	RetryAfter time.Duration
}

func (e *HTTPError) Error() string {
	return fmt.Sprintf("đối tác trả lời HTTP %d: %s", e.Status, e.Body)
}
