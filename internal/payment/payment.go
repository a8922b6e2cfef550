// Package payment is the online-fee partner of the desk: the Provider
// interface a payment gateway sits behind, the states of a payment and the
// rules that decide what a gateway's answer does to one. It knows nothing
// of HTTP routes or SQL; the store keeps the records and the web package
// wires the browser redirect, the return page and the IPN.
package payment

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// State is where a payment stands.
type State string

const (
	Pending       State = "pending"        // created; the citizen has not paid (yet)
	Paid          State = "paid"           // the gateway confirmed the money, signature and amount checked
	Failed        State = "failed"         // the gateway said the payment did not go through
	RefundPending State = "refund_pending" // the dossier was refused: money to give back
	Refunded      State = "refunded"       // the gateway confirmed the refund
)

// States lists every state, for filters.
var States = []State{Pending, Paid, Failed, RefundPending, Refunded}

var stateNames = map[State]string{
	Pending:       "Chờ thanh toán",
	Paid:          "Đã thanh toán",
	Failed:        "Không thành công",
	RefundPending: "Chờ hoàn tiền",
	Refunded:      "Đã hoàn tiền",
}

// Valid reports whether s is one of the states.
func (s State) Valid() bool { _, ok := stateNames[s]; return ok }

// Code is the state as stored and as written in URLs.
func (s State) Code() string { return string(s) }

// String is the Vietnamese name shown on pages.
func (s State) String() string {
	if n, ok := stateNames[s]; ok {
		return n
	}
	return string(s)
}

// Fee kinds of a procedure (Luật Phí và lệ phí 2015): a phí pays for a
// service, a lệ phí is a state charge for an administrative act.
const (
	KindFee  = "phi"
	KindDuty = "le_phi"
)

// KindName is the Vietnamese name of a fee kind.
func KindName(k string) string {
	switch k {
	case KindFee:
		return "Phí"
	case KindDuty:
		return "Lệ phí"
	}
	return k
}

// Fee is one fee of a procedure, in whole đồng.
type Fee struct {
	Kind        string `json:"kind"`
	Amount      int64  `json:"amount"`
	Description string `json:"description"`
}

// MaxAmount bounds one payment: far above any administrative fee, far below
// what overflows a gateway's amount×100 in int64.
const MaxAmount = 1_000_000_000_000

// Total adds up fees.
func Total(fees []Fee) int64 {
	var t int64
	for _, f := range fees {
		t += f.Amount
	}
	return t
}

// FormatVND writes an amount the Vietnamese way: "1.250.000 đ".
func FormatVND(n int64) string {
	neg := n < 0
	if neg {
		n = -n
	}
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String() + " đ"
	}
	return b.String() + " đ"
}

// PayRequest is what the browser is sent to the gateway with.
type PayRequest struct {
	OrderID   string    // unique per payment, the gateway's merchant reference
	Amount    int64     // đồng
	Info      string    // order description shown by the gateway
	ReturnURL string    // where the gateway sends the browser back
	ClientIP  string    // the citizen's address, as gateways require
	At        time.Time // creation time
}

// Callback is a verified gateway callback (browser return or IPN).
type Callback struct {
	OrderID  string
	Amount   int64
	Success  bool
	Code     string // the gateway's response code, kept for the record
	TxnID    string // the gateway's transaction number
	BankCode string
	PaidAt   time.Time
}

// Txn is one transaction as the gateway reports it, for reconciliation.
type Txn struct {
	OrderID string
	Amount  int64
	Success bool
	TxnID   string
	Code    string
}

// Order is a payment Cổng knows, asked about during reconciliation.
type Order struct {
	OrderID   string
	Amount    int64
	TxnID     string
	CreatedAt time.Time
}

// RefundRequest asks the gateway to give a paid amount back.
type RefundRequest struct {
	OrderID string
	Amount  int64
	TxnID   string
	PaidAt  time.Time
	By      string
	Reason  string
}

// Provider is a payment gateway. Implementations must be safe for
// concurrent use.
type Provider interface {
	// Name identifies the gateway in payment records ("vnpay").
	Name() string
	// PayURL is the signed address the citizen's browser is sent to.
	PayURL(r PayRequest) (string, error)
	// Verify checks a callback's parameters (return URL or IPN) and reads
	// them; ErrSignature when they were not signed with our secret.
	Verify(params map[string][]string) (Callback, error)
	// Transactions reports what the gateway recorded for the given orders
	// of day (the reconciliation question). An order the gateway does not
	// know is absent from the answer.
	Transactions(ctx context.Context, day time.Time, orders []Order) ([]Txn, error)
	// Refund gives a paid amount back; it returns the refund's transaction
	// id. A refund the gateway reports as already done is not an error.
	Refund(ctx context.Context, r RefundRequest) (string, error)
}

// Errors a provider returns.
var (
	ErrSignature = errors.New("chữ ký không hợp lệ")
	ErrMalformed = errors.New("tham số thanh toán không hợp lệ")
	// ErrUnavailable: the gateway did not answer usably (timeout, 5xx);
	// nothing changed, try later.
	ErrUnavailable = errors.New("cổng thanh toán không phản hồi")
	// ErrRefused: the gateway answered and said no.
	ErrRefused = errors.New("cổng thanh toán từ chối")
)

// Outcome is what a verified callback does to a payment record.
type Outcome int

const (
	// Apply: the callback moves the record (to paid or failed).
	Apply Outcome = iota
	// Duplicate: the record already reflects this callback (a replay or
	// the gateway retrying its IPN); answer success, change nothing.
	Duplicate
	// AmountMismatch: the amount signed by the gateway is not what was
	// asked; refuse and log, never mark paid.
	AmountMismatch
	// Conflict: the record is settled otherwise (paid by another
	// transaction, refunded) and the callback contradicts it.
	Conflict
)

// Decide says what callback cb does to a record in state st asking for
// amount, paid (if it was) under transaction txnID. It is the one rule both
// the IPN and the browser return go through, so a replayed URL and a
// retried IPN can never pay twice or un-pay.
func Decide(st State, amount int64, txnID string, cb Callback) Outcome {
	if cb.Amount != amount {
		return AmountMismatch
	}
	switch st {
	case Pending:
		return Apply
	case Failed:
		// A failed attempt may be followed by a successful one on the same
		// order at some gateways; a repeated failure changes nothing.
		if cb.Success {
			return Apply
		}
		return Duplicate
	case Paid, RefundPending, Refunded:
		if cb.Success && cb.TxnID == txnID {
			return Duplicate
		}
		if !cb.Success && st == Paid {
			// A late failure notice for an attempt that was superseded by
			// the successful one: the money is in, keep it so.
			return Duplicate
		}
		return Conflict
	}
	return Conflict
}
