// Package payjob runs the payment jobs that talk to the gateway outside a
// citizen's request: the daily reconciliation and the refunds owed. The
// server runs them on a timer and `cong payments` on demand; both are
// idempotent, so two instances or a rerun change nothing twice.
package payjob

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/congportal/cong/internal/payment"
	"github.com/congportal/cong/internal/store"
)

// Report is what one reconciliation found.
type Report struct {
	Day        time.Time
	Checked    int // rows of the day
	Agreed     int // the gateway says the same
	Recovered  int // paid at the gateway, the IPN never came: recorded now
	Mismatches int // flagged on the admin page
}

// Reconcile asks the gateway about every payment row the site created on
// day (a civil day in loc) and compares: a row paid here and not there,
// or with another amount or transaction, is flagged; a payment the gateway
// confirms that the IPN never reported is recorded (the gateway's answer
// is signed, as an IPN is); rows that agree lose any earlier flag.
func Reconcile(ctx context.Context, st *store.Store, prov payment.Provider, siteID int64, day time.Time, loc *time.Location) (Report, error) {
	from := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, loc)
	to := from.AddDate(0, 0, 1)
	rep := Report{Day: from}
	rows, err := st.PaymentsCreated(ctx, siteID, from, to)
	if err != nil {
		return rep, err
	}
	rep.Checked = len(rows)
	if len(rows) == 0 {
		return rep, nil
	}
	orders := make([]payment.Order, len(rows))
	for i, r := range rows {
		orders[i] = payment.Order{OrderID: r.OrderID, Amount: r.Amount, TxnID: r.TxnID, CreatedAt: r.CreatedAt}
	}
	txns, err := prov.Transactions(ctx, from, orders)
	if err != nil {
		return rep, err
	}
	byOrder := map[string]payment.Txn{}
	for _, t := range txns {
		byOrder[t.OrderID] = t
	}
	now := time.Now()
	for _, r := range rows {
		t, known := byOrder[r.OrderID]
		note := ""
		paidHere := r.State == payment.Paid || r.State == payment.RefundPending || r.State == payment.Refunded
		switch {
		case known && t.Amount != r.Amount:
			note = fmt.Sprintf("Đối soát: cổng thanh toán ghi %s, hồ sơ cần %s", payment.FormatVND(t.Amount), payment.FormatVND(r.Amount))
		case known && t.Success && !paidHere:
			if _, out, err := st.ApplyCallback(ctx, payment.Callback{OrderID: r.OrderID, Amount: t.Amount, Success: true, TxnID: t.TxnID, Code: t.Code}); err != nil {
				return rep, err
			} else if out == payment.Apply {
				rep.Recovered++
			} else {
				note = "Đối soát: cổng thanh toán báo đã thanh toán nhưng không ghi nhận được"
			}
		case paidHere && (!known || !t.Success):
			note = "Đối soát: Cổng ghi đã thanh toán nhưng cổng thanh toán không có giao dịch thành công"
		case paidHere && t.TxnID != r.TxnID:
			note = fmt.Sprintf("Đối soát: mã giao dịch khác nhau (Cổng %s, cổng thanh toán %s)", r.TxnID, t.TxnID)
		}
		if note != "" {
			rep.Mismatches++
		} else {
			rep.Agreed++
		}
		if err := st.SetReconciled(ctx, r.ID, note, now); err != nil {
			return rep, err
		}
	}
	return rep, nil
}

// Refunds executes the refunds owed, oldest first. A gateway that is down
// leaves them owed for the next round; a refusal is recorded on the row
// for the admin to see.
func Refunds(ctx context.Context, st *store.Store, prov payment.Provider, log *slog.Logger) (done, failed int, err error) {
	due, err := st.RefundsDue(ctx, 100)
	if err != nil {
		return 0, 0, err
	}
	for _, p := range due {
		txn, rerr := prov.Refund(ctx, payment.RefundRequest{OrderID: p.OrderID, Amount: p.Amount, TxnID: p.TxnID, PaidAt: p.PaidAt, Reason: "Hồ sơ " + p.DossierCode + " không được tiếp nhận"})
		if rerr != nil {
			failed++
			if log != nil {
				log.Warn("refund", "order", p.OrderID, "dossier", p.DossierCode, "err", rerr)
			}
			if err := st.MarkRefundFailed(ctx, p.ID, rerr.Error(), time.Now()); err != nil {
				return done, failed, err
			}
			if payment.IsUnavailable(rerr) {
				// The gateway is down: the others would fail the same way.
				return done, failed, nil
			}
			continue
		}
		if err := st.MarkRefunded(ctx, p.ID, txn, time.Now()); err != nil {
			return done, failed, err
		}
		done++
	}
	return done, failed, nil
}

// Run does the refunds every `every` and reconciles yesterday once a day,
// until ctx ends.
func Run(ctx context.Context, st *store.Store, prov payment.Provider, siteID int64, loc *time.Location, every time.Duration, log *slog.Logger) {
	var last string
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		if _, _, err := Refunds(ctx, st, prov, log); err != nil && ctx.Err() == nil {
			log.Warn("refunds", "err", err)
		}
		y := time.Now().In(loc).AddDate(0, 0, -1)
		if k := y.Format("2006-01-02"); k != last {
			rep, err := Reconcile(ctx, st, prov, siteID, y, loc)
			if err != nil {
				if ctx.Err() == nil {
					log.Warn("payment reconciliation", "day", k, "err", err)
				}
			} else {
				last = k
				log.Info("payment reconciliation", "day", k, "checked", rep.Checked, "agreed", rep.Agreed, "recovered", rep.Recovered, "mismatches", rep.Mismatches)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
