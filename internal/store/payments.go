package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/dossierstats"
	"github.com/congportal/cong/internal/payment"
)

// Online fees (migration 0037): a procedure's fees, and one payment row per
// amount asked of a dossier. Rows are written in the transaction of the
// event that calls for them (submission, the officer's fee request, the
// refusal that owes a refund), so a payment can neither be asked for a
// move that did not happen nor be lost with one that did.

// Payment kinds: when the amount was asked.
const (
	PayAtSubmission = "submission"
	PayOnRequest    = "request"
)

// Payment is one payment record.
type Payment struct {
	ID             int64
	SiteID         int64
	DossierID      int64
	DossierCode    string
	Kind           string
	Amount         int64
	Items          []payment.Fee
	Provider       string
	OrderID        string
	State          payment.State
	TxnID          string
	ResponseCode   string
	BankCode       string
	Mismatch       string
	RefundTxnID    string
	RefundError    string
	RefundAttempts int
	CreatedAt      time.Time
	UpdatedAt      time.Time
	PaidAt         time.Time
	RefundAskedAt  time.Time
	RefundedAt     time.Time
	ReconciledAt   time.Time
}

// KindName is the kind in Vietnamese.
func (p Payment) KindName() string {
	if p.Kind == PayOnRequest {
		return "Theo yêu cầu của cơ quan"
	}
	return "Khi nộp hồ sơ"
}

// Outstanding reports whether the citizen can (still) pay this row.
func (p Payment) Outstanding() bool {
	return p.State == payment.Pending || p.State == payment.Failed
}

// SetPaymentProvider turns online payment on (name of the gateway) or off
// (""). Call it once, before serving.
func (s *Store) SetPaymentProvider(name string) { s.payProvider = name }

// PaymentProvider is the gateway name set by SetPaymentProvider.
func (s *Store) PaymentProvider() string { return s.payProvider }

// loadProcedureFees fills p.FeeItems.
func (s *Store) loadProcedureFees(ctx context.Context, db catQueryer, p *catalogue.Procedure) error {
	fees, err := s.procedureFees(ctx, db, p.ID)
	p.FeeItems = fees
	return err
}

func (s *Store) procedureFees(ctx context.Context, db interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, procedureID int64) ([]payment.Fee, error) {
	rows, err := db.QueryContext(ctx, s.q(`SELECT kind, amount, description FROM procedure_fees WHERE procedure_id = ? ORDER BY position`), procedureID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []payment.Fee
	for rows.Next() {
		var f payment.Fee
		if err := rows.Scan(&f.Kind, &f.Amount, &f.Description); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// saveProcedureFees replaces the procedure's fees.
func (s *Store) saveProcedureFees(ctx context.Context, tx *sql.Tx, p *catalogue.Procedure) error {
	if err := catalogue.ValidateFees(p.FeeItems); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM procedure_fees WHERE procedure_id = ?`), p.ID); err != nil {
		return err
	}
	for i, f := range p.FeeItems {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO procedure_fees (procedure_id, position, kind, amount, description) VALUES (?, ?, ?, ?, ?)`),
			p.ID, i, f.Kind, f.Amount, f.Description); err != nil {
			return err
		}
	}
	return nil
}

func newOrderID(id int64) string {
	var b [4]byte
	rand.Read(b[:])
	// The gateway's merchant reference: unique (the id), not guessable
	// from another (the random tail), alphanumeric as gateways require.
	return fmt.Sprintf("CONG%d%s", id, strings.ToUpper(hex.EncodeToString(b[:])))
}

// insertPayment adds a pending row asking amount of the dossier.
func (s *Store) insertPayment(ctx context.Context, tx *sql.Tx, p *Payment) error {
	items, err := json.Marshal(p.Items)
	if err != nil {
		return err
	}
	if p.Items == nil {
		items = []byte("[]")
	}
	now := dbTime(p.CreatedAt)
	if p.CreatedAt.IsZero() {
		now = dbTime(time.Now())
	}
	p.CreatedAt, p.UpdatedAt, p.State = now, now, payment.Pending
	// The order id needs the row's id: insert with a placeholder unique
	// to this transaction, then set it.
	var rnd [16]byte
	rand.Read(rnd[:])
	tmp := "tmp-" + hex.EncodeToString(rnd[:])
	if err := tx.QueryRowContext(ctx, s.q(`INSERT INTO payments (site_id, dossier_id, kind, amount, items, provider, order_id, state, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?) RETURNING id`),
		p.SiteID, p.DossierID, p.Kind, p.Amount, string(items), p.Provider, tmp, now, now).Scan(&p.ID); err != nil {
		return err
	}
	p.OrderID = newOrderID(p.ID)
	_, err = tx.ExecContext(ctx, s.q(`UPDATE payments SET order_id = ? WHERE id = ?`), p.OrderID, p.ID)
	return err
}

// paymentsAfterEvent runs in every dossier event's transaction: an online
// submission of a procedure with fees asks them; the officer's fee request
// asks them unless a payment is already pending or made; a refusal turns
// what was paid into refunds owed and closes what was still asked.
func (s *Store) paymentsAfterEvent(ctx context.Context, tx *sql.Tx, d dossier.Dossier, ev dossier.Event) error {
	switch {
	case ev.Action == dossier.ActSubmit && d.Channel == dossier.Online, ev.Action == dossier.ActRequestFee:
		if s.payProvider == "" {
			return nil
		}
		kind := PayAtSubmission
		if ev.Action == dossier.ActRequestFee {
			kind = PayOnRequest
			var n int
			if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM payments WHERE dossier_id = ? AND state IN ('pending', 'paid')`), d.ID).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
		}
		fees, err := s.procedureFees(ctx, tx, d.ProcedureID)
		if err != nil || len(fees) == 0 {
			return err
		}
		p := Payment{SiteID: d.SiteID, DossierID: d.ID, Kind: kind, Amount: payment.Total(fees), Items: fees, Provider: s.payProvider, CreatedAt: ev.At}
		return s.insertPayment(ctx, tx, &p)
	case ev.To == dossier.Refused:
		at := dbTime(ev.At)
		if ev.At.IsZero() {
			at = dbTime(time.Now())
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE payments SET state = 'refund_pending', refund_requested_at = ?, updated_at = ? WHERE dossier_id = ? AND state = 'paid'`), at, at, d.ID); err != nil {
			return err
		}
		// Nothing more may be paid for a refused dossier.
		_, err := tx.ExecContext(ctx, s.q(`UPDATE payments SET state = 'failed', response_code = 'closed', updated_at = ? WHERE dossier_id = ? AND state = 'pending'`), at, d.ID)
		return err
	}
	return nil
}

const paymentCols = `p.id, p.site_id, p.dossier_id, d.code, p.kind, p.amount, p.items, p.provider, p.order_id, p.state, p.provider_txn_id, p.response_code, p.bank_code,
	p.mismatch, p.refund_txn_id, p.refund_error, p.refund_attempts, p.created_at, p.updated_at, p.paid_at, p.refund_requested_at, p.refunded_at, p.reconciled_at`

const paymentFrom = ` FROM payments p JOIN dossiers d ON d.id = p.dossier_id`

func scanPayment(row interface{ Scan(...any) error }) (Payment, error) {
	var p Payment
	var items, state string
	var paid, asked, refunded, rec sql.NullTime
	err := row.Scan(&p.ID, &p.SiteID, &p.DossierID, &p.DossierCode, &p.Kind, &p.Amount, &items, &p.Provider, &p.OrderID, &state, &p.TxnID, &p.ResponseCode, &p.BankCode,
		&p.Mismatch, &p.RefundTxnID, &p.RefundError, &p.RefundAttempts, &p.CreatedAt, &p.UpdatedAt, &paid, &asked, &refunded, &rec)
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	if err != nil {
		return p, err
	}
	p.State = payment.State(state)
	p.PaidAt, p.RefundAskedAt, p.RefundedAt, p.ReconciledAt = paid.Time, asked.Time, refunded.Time, rec.Time
	if err := json.Unmarshal([]byte(items), &p.Items); err != nil {
		return p, fmt.Errorf("payment %d items: %w", p.ID, err)
	}
	return p, nil
}

func (s *Store) queryPayments(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, where string, args ...any) ([]Payment, error) {
	rows, err := q.QueryContext(ctx, s.q(`SELECT `+paymentCols+paymentFrom+` WHERE `+where), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Payment
	for rows.Next() {
		p, err := scanPayment(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// DossierPayments lists a dossier's payment rows, oldest first.
func (s *Store) DossierPayments(ctx context.Context, dossierID int64) ([]Payment, error) {
	return s.queryPayments(ctx, s.db, `p.dossier_id = ? ORDER BY p.id`, dossierID)
}

// PaymentByID is one payment row of the site.
func (s *Store) PaymentByID(ctx context.Context, siteID, id int64) (Payment, error) {
	return scanPayment(s.db.QueryRowContext(ctx, s.q(`SELECT `+paymentCols+paymentFrom+` WHERE p.site_id = ? AND p.id = ?`), siteID, id))
}

// PaymentByOrder is the row with the gateway reference orderID.
func (s *Store) PaymentByOrder(ctx context.Context, orderID string) (Payment, error) {
	return scanPayment(s.db.QueryRowContext(ctx, s.q(`SELECT `+paymentCols+paymentFrom+` WHERE p.order_id = ?`), orderID))
}

// ErrNotPayable: the row cannot be paid (already paid, refunded, or the
// dossier closed).
var ErrNotPayable = errors.New("khoản này không còn cần thanh toán")

// PaymentAttempt returns the row the citizen's next payment attempt uses:
// a pending row as it is, or for a failed one a fresh pending row with the
// same amount and a new order id (gateways refuse a reference twice).
func (s *Store) PaymentAttempt(ctx context.Context, dossierID, id int64) (Payment, error) {
	var out Payment
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		ps, err := s.queryPayments(ctx, tx, `p.dossier_id = ? AND p.id = ?`, dossierID, id)
		if err != nil {
			return err
		}
		if len(ps) == 0 {
			return ErrNotFound
		}
		p := ps[0]
		var status int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT status FROM dossiers WHERE id = ?`), dossierID).Scan(&status); err != nil {
			return err
		}
		if dossier.Status(status).Closed() || p.ResponseCode == "closed" {
			return ErrNotPayable
		}
		switch p.State {
		case payment.Pending:
			out = p
			return nil
		case payment.Failed:
		default:
			return ErrNotPayable
		}
		// Only the newest failed attempt of its kind may be retried, so
		// a page opened twice does not make two open attempts.
		var newer int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM payments WHERE dossier_id = ? AND kind = ? AND id > ?`), dossierID, p.Kind, p.ID).Scan(&newer); err != nil {
			return err
		}
		if newer > 0 {
			return ErrNotPayable
		}
		n := Payment{SiteID: p.SiteID, DossierID: p.DossierID, DossierCode: p.DossierCode, Kind: p.Kind, Amount: p.Amount, Items: p.Items, Provider: p.Provider}
		if err := s.insertPayment(ctx, tx, &n); err != nil {
			return err
		}
		out = n
		return nil
	})
	return out, err
}

// ApplyCallback records what a verified gateway callback (IPN, browser
// return or a reconciliation answer) says, through payment.Decide: a
// replay or a retried IPN changes nothing, an amount that differs is
// refused and noted on the row, money arriving for a closed dossier is
// owed back. It returns the row after the change and the outcome.
func (s *Store) ApplyCallback(ctx context.Context, cb payment.Callback) (Payment, payment.Outcome, error) {
	var out Payment
	var outcome payment.Outcome
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		ps, err := s.queryPayments(ctx, tx, `p.order_id = ?`, cb.OrderID)
		if err != nil {
			return err
		}
		if len(ps) == 0 {
			return ErrNotFound
		}
		p := ps[0]
		outcome = payment.Decide(p.State, p.Amount, p.TxnID, cb)
		now := dbTime(time.Now())
		switch outcome {
		case payment.AmountMismatch:
			p.Mismatch = fmt.Sprintf("Cổng thanh toán báo số tiền %s, hồ sơ cần %s (giao dịch %s)", payment.FormatVND(cb.Amount), payment.FormatVND(p.Amount), cb.TxnID)
			_, err := tx.ExecContext(ctx, s.q(`UPDATE payments SET mismatch = ?, updated_at = ? WHERE id = ?`), p.Mismatch, now, p.ID)
			out = p
			return err
		case payment.Conflict:
			p.Mismatch = fmt.Sprintf("Cổng thanh toán báo giao dịch %s (%s) trái với trạng thái %s", cb.TxnID, cb.Code, p.State)
			_, err := tx.ExecContext(ctx, s.q(`UPDATE payments SET mismatch = ?, updated_at = ? WHERE id = ?`), p.Mismatch, now, p.ID)
			out = p
			return err
		case payment.Duplicate:
			out = p
			return nil
		}
		state := payment.Failed
		var paidAt any
		if cb.Success {
			state = payment.Paid
			at := cb.PaidAt
			if at.IsZero() {
				at = now
			}
			paidAt = dbTime(at)
			p.PaidAt = dbTime(at)
			var status int
			if err := tx.QueryRowContext(ctx, s.q(`SELECT status FROM dossiers WHERE id = ?`), p.DossierID).Scan(&status); err != nil {
				return err
			}
			if dossier.Status(status).Closed() {
				state = payment.RefundPending
			}
		}
		res, err := tx.ExecContext(ctx, s.q(`UPDATE payments SET state = ?, provider_txn_id = ?, response_code = ?, bank_code = ?, paid_at = ?, updated_at = ?,
			refund_requested_at = CASE WHEN ? = 'refund_pending' THEN ? ELSE refund_requested_at END
			WHERE id = ? AND state = ?`),
			string(state), cb.TxnID, cb.Code, cb.BankCode, paidAt, now, string(state), now, p.ID, string(p.State))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return ErrStale
		}
		p.State, p.TxnID, p.ResponseCode, p.BankCode, p.UpdatedAt = state, cb.TxnID, cb.Code, cb.BankCode, now
		out = p
		return nil
	})
	return out, outcome, err
}

// PaymentFilter selects rows for the admin page.
type PaymentFilter struct {
	SiteID       int64
	State        payment.State // "": any
	MismatchOnly bool
	Limit        int
	Offset       int
}

// Payments lists the site's payment rows, newest first, and how many match.
func (s *Store) Payments(ctx context.Context, f PaymentFilter) ([]Payment, int, error) {
	w := `p.site_id = ?`
	args := []any{f.SiteID}
	if f.State != "" {
		w += ` AND p.state = ?`
		args = append(args, string(f.State))
	}
	if f.MismatchOnly {
		w += ` AND p.mismatch <> ''`
	}
	var total int
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM payments p WHERE `+w), args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	ps, err := s.queryPayments(ctx, s.db, w+` ORDER BY p.id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	return ps, total, err
}

// PaymentsCreated lists the site's rows created in [from, to), for
// reconciliation.
func (s *Store) PaymentsCreated(ctx context.Context, siteID int64, from, to time.Time) ([]Payment, error) {
	return s.queryPayments(ctx, s.db, `p.site_id = ? AND p.created_at >= ? AND p.created_at < ? ORDER BY p.id`, siteID, dbTime(from), dbTime(to))
}

// SetReconciled records reconciliation's verdict on a row: mismatch ""
// clears an earlier one.
func (s *Store) SetReconciled(ctx context.Context, id int64, mismatch string, at time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q(`UPDATE payments SET mismatch = ?, reconciled_at = ? WHERE id = ?`), mismatch, dbTime(at), id)
		return err
	})
}

// RefundsDue lists rows owed back, oldest first.
func (s *Store) RefundsDue(ctx context.Context, limit int) ([]Payment, error) {
	return s.queryPayments(ctx, s.db, `p.state = 'refund_pending' ORDER BY p.refund_requested_at, p.id LIMIT ?`, limit)
}

// MarkRefunded records the gateway's confirmation of a refund.
func (s *Store) MarkRefunded(ctx context.Context, id int64, txn string, at time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE payments SET state = 'refunded', refund_txn_id = ?, refund_error = '', refunded_at = ?, updated_at = ?, refund_attempts = refund_attempts + 1
			WHERE id = ? AND state = 'refund_pending'`), txn, dbTime(at), dbTime(at), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return ErrStale
		}
		return nil
	})
}

// MarkRefundFailed records a refund attempt that did not go through; the
// row stays owed and is tried again.
func (s *Store) MarkRefundFailed(ctx context.Context, id int64, msg string, at time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q(`UPDATE payments SET refund_error = ?, refund_attempts = refund_attempts + 1, updated_at = ? WHERE id = ? AND state = 'refund_pending'`),
			msg, dbTime(at), id)
		return err
	})
}

// PaymentCounts are the online-payment figures per unit (not rolled up)
// of dossiers received in [from, to): FeeDue the dossiers with a
// financial obligation (a payment row), FeePaidOnline those with a row
// paid online.
func (s *Store) PaymentCounts(ctx context.Context, siteID int64, from, to time.Time, units []int64) (map[int64][2]int64, error) {
	w := ` WHERE d.site_id = ? AND d.received_at >= ? AND d.received_at < ?`
	args := []any{siteID, dbTime(from), dbTime(to)}
	if len(units) > 0 {
		w += ` AND d.unit_id IN (?` + strings.Repeat(`, ?`, len(units)-1) + `)`
		for _, u := range units {
			args = append(args, u)
		}
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT d.unit_id, COUNT(*),
		SUM(CASE WHEN EXISTS (SELECT 1 FROM payments p2 WHERE p2.dossier_id = d.id AND p2.state = 'paid') THEN 1 ELSE 0 END)
		FROM dossiers d`+w+` AND EXISTS (SELECT 1 FROM payments p WHERE p.dossier_id = d.id) GROUP BY d.unit_id`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][2]int64{}
	for rows.Next() {
		var u, due, paid int64
		if err := rows.Scan(&u, &due, &paid); err != nil {
			return nil, err
		}
		out[u] = [2]int64{due, paid}
	}
	return out, rows.Err()
}

// addPaymentCounts merges the online-payment figures into per-unit counts.
func (s *Store) addPaymentCounts(ctx context.Context, siteID int64, q DossierStatsQuery, out map[int64]dossierstats.Counts) error {
	pc, err := s.PaymentCounts(ctx, siteID, q.From, q.To, q.Units)
	if err != nil {
		return err
	}
	for u, v := range pc {
		c := out[u]
		c.FeeDue, c.FeePaidOnline = v[0], v[1]
		out[u] = c
	}
	return nil
}
