package store_test

import (
	"errors"
	"testing"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/dossierstats"
	"github.com/congportal/cong/internal/payment"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func TestPaymentLifecycle(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		siteID, unit, proc := onlineFixture(t, s)
		proc.FeeItems = []payment.Fee{{Kind: payment.KindDuty, Amount: 50000, Description: "Lệ phí"}, {Kind: payment.KindFee, Amount: 20000, Description: "Phí thẩm định"}}
		if err := s.SaveProcedure(ctx, &proc); err != nil {
			t.Fatal(err)
		}
		got, err := s.ProcedureByID(ctx, siteID, proc.ID)
		if err != nil || len(got.FeeItems) != 2 || got.FeeItems[1] != proc.FeeItems[1] {
			t.Fatalf("fees read back: %+v %v", got.FeeItems, err)
		}

		// Off: no rows.
		d0 := onlineDossier(siteID, unit, proc, "khoa-tt-00000000000000", "h0")
		if _, err := s.SubmitDossier(ctx, &d0, nil); err != nil {
			t.Fatal(err)
		}
		if ps, _ := s.DossierPayments(ctx, d0.ID); len(ps) != 0 {
			t.Fatalf("payment off, yet %d rows", len(ps))
		}

		s.SetPaymentProvider("vnpay")
		d := onlineDossier(siteID, unit, proc, "khoa-tt-00000000000001", "h1")
		if _, err := s.SubmitDossier(ctx, &d, nil); err != nil {
			t.Fatal(err)
		}
		ps, err := s.DossierPayments(ctx, d.ID)
		if err != nil || len(ps) != 1 {
			t.Fatalf("rows at submission: %v %v", ps, err)
		}
		p := ps[0]
		if p.Amount != 70000 || p.State != payment.Pending || p.Kind != store.PayAtSubmission || p.OrderID == "" || len(p.Items) != 2 || p.DossierCode != d.Code {
			t.Fatalf("row: %+v", p)
		}

		// Amount mismatch: refused, noted, still pending.
		cb := payment.Callback{OrderID: p.OrderID, Amount: 7000, Success: true, TxnID: "T1", Code: "00"}
		after, out, err := s.ApplyCallback(ctx, cb)
		if err != nil || out != payment.AmountMismatch || after.State != payment.Pending || after.Mismatch == "" {
			t.Fatalf("mismatch: %v %+v %v", out, after, err)
		}
		cb.Amount = 70000
		after, out, err = s.ApplyCallback(ctx, cb)
		if err != nil || out != payment.Apply || after.State != payment.Paid || after.TxnID != "T1" {
			t.Fatalf("paid: %v %+v %v", out, after, err)
		}
		// The IPN retried, the return URL reloaded: nothing changes.
		if _, out, err = s.ApplyCallback(ctx, cb); err != nil || out != payment.Duplicate {
			t.Fatalf("duplicate: %v %v", out, err)
		}
		if _, out, _ = s.ApplyCallback(ctx, payment.Callback{OrderID: p.OrderID, Amount: 70000, Code: "24"}); out != payment.Duplicate {
			t.Fatalf("late failure: %v", out)
		}
		if _, _, err := s.ApplyCallback(ctx, payment.Callback{OrderID: "nope", Amount: 1}); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("unknown order: %v", err)
		}
		if _, err := s.PaymentAttempt(ctx, d.ID, p.ID); !errors.Is(err, store.ErrNotPayable) {
			t.Fatalf("a paid row is paid again: %v", err)
		}

		// Refused: the refund is owed in the refusal's transaction.
		cur, _ := s.DossierByToken(ctx, siteID, "h1")
		if _, err := s.MoveDossier(ctx, store.MoveRequest{Before: cur, Input: dossier.Input{Action: dossier.ActRefuse, Who: dossier.Desk, Actor: "Cán bộ", Note: "Sai thẩm quyền", Now: time.Now()}}); err != nil {
			t.Fatal(err)
		}
		due, err := s.RefundsDue(ctx, 10)
		if err != nil || len(due) != 1 || due[0].ID != p.ID || due[0].State != payment.RefundPending || due[0].RefundAskedAt.IsZero() {
			t.Fatalf("refunds due: %+v %v", due, err)
		}
		if err := s.MarkRefundFailed(ctx, p.ID, "cổng không phản hồi", time.Now()); err != nil {
			t.Fatal(err)
		}
		if err := s.MarkRefunded(ctx, p.ID, "R1", time.Now()); err != nil {
			t.Fatal(err)
		}
		if err := s.MarkRefunded(ctx, p.ID, "R1", time.Now()); !errors.Is(err, store.ErrStale) {
			t.Fatalf("refunded twice: %v", err)
		}
		r, _ := s.PaymentByID(ctx, siteID, p.ID)
		if r.State != payment.Refunded || r.RefundTxnID != "R1" || r.RefundAttempts != 2 {
			t.Fatalf("after refund: %+v", r)
		}
		list, n, err := s.Payments(ctx, store.PaymentFilter{SiteID: siteID, State: payment.Refunded})
		if err != nil || n != 1 || list[0].ID != p.ID {
			t.Fatalf("filter: %d %v", n, err)
		}
		if _, n, _ := s.Payments(ctx, store.PaymentFilter{SiteID: siteID, MismatchOnly: true}); n != 1 {
			t.Fatalf("mismatch filter: %d", n)
		}
	})
}

// A failed attempt is retried under a new order id; money arriving for a
// refused dossier is owed back.
func TestPaymentRetryAndLateMoney(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		siteID, unit, proc := onlineFixture(t, s)
		proc.FeeItems = []payment.Fee{{Kind: payment.KindDuty, Amount: 10000}}
		if err := s.SaveProcedure(ctx, &proc); err != nil {
			t.Fatal(err)
		}
		s.SetPaymentProvider("vnpay")
		d := onlineDossier(siteID, unit, proc, "khoa-tt-00000000000002", "h2")
		if _, err := s.SubmitDossier(ctx, &d, nil); err != nil {
			t.Fatal(err)
		}
		ps, _ := s.DossierPayments(ctx, d.ID)
		p := ps[0]
		if same, err := s.PaymentAttempt(ctx, d.ID, p.ID); err != nil || same.OrderID != p.OrderID {
			t.Fatalf("pending attempt: %v", err)
		}
		if _, out, err := s.ApplyCallback(ctx, payment.Callback{OrderID: p.OrderID, Amount: 10000, Code: "24"}); err != nil || out != payment.Apply {
			t.Fatalf("failure: %v %v", out, err)
		}
		n, err := s.PaymentAttempt(ctx, d.ID, p.ID)
		if err != nil || n.ID == p.ID || n.OrderID == p.OrderID || n.State != payment.Pending || n.Amount != 10000 {
			t.Fatalf("retry: %+v %v", n, err)
		}
		if _, err := s.PaymentAttempt(ctx, d.ID, p.ID); !errors.Is(err, store.ErrNotPayable) {
			t.Fatalf("second retry of the same failed row: %v", err)
		}
		cur, _ := s.DossierByToken(ctx, siteID, "h2")
		if _, err := s.MoveDossier(ctx, store.MoveRequest{Before: cur, Input: dossier.Input{Action: dossier.ActRefuse, Who: dossier.Desk, Note: "Thiếu giấy tờ", Now: time.Now()}}); err != nil {
			t.Fatal(err)
		}
		// The refusal closed the open attempt; the gateway then reports it paid.
		if _, err := s.PaymentAttempt(ctx, d.ID, n.ID); !errors.Is(err, store.ErrNotPayable) {
			t.Fatalf("attempt on a refused dossier: %v", err)
		}
		got, out, err := s.ApplyCallback(ctx, payment.Callback{OrderID: n.OrderID, Amount: 10000, Success: true, TxnID: "T9", Code: "00"})
		if err != nil || out != payment.Apply || got.State != payment.RefundPending {
			t.Fatalf("late money: %v %+v %v", out, got, err)
		}
	})
}

// Decision 766's online-payment share, recomputed from the rows: the
// dossiers received in the period that were asked a fee, and of those the
// ones paid online.
func TestPaymentShareFromRows(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		siteID, unit, proc := onlineFixture(t, s)
		proc.FeeItems = []payment.Fee{{Kind: payment.KindDuty, Amount: 30000}}
		if err := s.SaveProcedure(ctx, &proc); err != nil {
			t.Fatal(err)
		}
		s.SetPaymentProvider("vnpay")
		now := time.Now().UTC()
		paid := map[int64]bool{}
		for i, pay := range []bool{true, false, true, false, false} {
			d := onlineDossier(siteID, unit, proc, "khoa-share-000000000"+string(rune('a'+i))+"x", "hs"+string(rune('a'+i)))
			if _, err := s.SubmitDossier(ctx, &d, nil); err != nil {
				t.Fatal(err)
			}
			ps, _ := s.DossierPayments(ctx, d.ID)
			if pay {
				if _, _, err := s.ApplyCallback(ctx, payment.Callback{OrderID: ps[0].OrderID, Amount: 30000, Success: true, TxnID: "T" + d.Code, Code: "00"}); err != nil {
					t.Fatal(err)
				}
			}
			if i == 4 {
				continue // never received: not in the period's figure
			}
			cur, _ := s.DossierByToken(ctx, siteID, "hs"+string(rune('a'+i)))
			if _, err := s.MoveDossier(ctx, store.MoveRequest{Before: cur, Input: dossier.Input{Action: dossier.ActReceive, Who: dossier.Desk, Now: now, Due: now.Add(72 * time.Hour)}}); err != nil {
				t.Fatal(err)
			}
			paid[d.ID] = pay
		}
		// From the rows, independently of the store's query.
		var want dossierstats.Figure
		for id, p := range paid {
			ps, err := s.DossierPayments(ctx, id)
			if err != nil || len(ps) == 0 {
				t.Fatal(err)
			}
			want.Den++
			for _, r := range ps {
				if r.State == payment.Paid {
					want.Num++
					break
				}
			}
			_ = p
		}
		if want != (dossierstats.Figure{Num: 2, Den: 4}) {
			t.Fatalf("fixture: %+v", want)
		}
		from, to := now.Add(-time.Hour), now.Add(time.Hour)
		got, err := s.PaymentCounts(ctx, siteID, from, to, nil)
		if err != nil || got[unit.ID] != [2]int64{4, 2} {
			t.Fatalf("counts: %v %v", got, err)
		}
		c := dossierstats.Counts{FeeDue: got[unit.ID][0], FeePaidOnline: got[unit.ID][1]}
		if c.PaymentShare() != want {
			t.Fatalf("share %+v, want %+v", c.PaymentShare(), want)
		}
		for _, sc := range dossierstats.DefaultConfig().Score(c, dossierstats.Figure{}) {
			if sc.Group == "payment" && (sc.NA || sc.Points != 5) {
				t.Fatalf("score: %+v", sc)
			}
		}
	})
}

// The officer's "yêu cầu thực hiện nghĩa vụ tài chính" asks the
// procedure's fees in the move's transaction, once.
func TestPaymentOnFeeRequest(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newDeskFixture(t, s)
		f.proc.FeeItems = []payment.Fee{{Kind: payment.KindFee, Amount: 120000, Description: "Phí thẩm định"}}
		if err := s.SaveProcedure(ctx, &f.proc); err != nil {
			t.Fatal(err)
		}
		s.SetPaymentProvider("vnpay")
		d := f.counter(t, s, f.unitA, "Trần Văn Bình", time.Now().Add(-time.Hour))
		if ps, _ := s.DossierPayments(ctx, d.ID); len(ps) != 0 {
			t.Fatalf("a counter dossier was asked at receipt: %d rows", len(ps))
		}
		move := func(in dossier.Input) {
			t.Helper()
			cur, err := s.Dossier(ctx, f.site, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			in.Now = time.Now()
			if _, err := s.MoveDossier(ctx, store.MoveRequest{Before: cur, Input: in}); err != nil {
				t.Fatal(err)
			}
		}
		move(dossier.Input{Action: dossier.ActProcess, Who: dossier.Desk, Assignee: f.specialist.ID})
		move(dossier.Input{Action: dossier.ActRequestFee, Who: dossier.Specialist})
		ps, err := s.DossierPayments(ctx, d.ID)
		if err != nil || len(ps) != 1 || ps[0].Kind != store.PayOnRequest || ps[0].Amount != 120000 || ps[0].State != payment.Pending {
			t.Fatalf("after the request: %+v %v", ps, err)
		}
		if _, _, err := s.ApplyCallback(ctx, payment.Callback{OrderID: ps[0].OrderID, Amount: 120000, Success: true, TxnID: "X1", Code: "00"}); err != nil {
			t.Fatal(err)
		}
		move(dossier.Input{Action: dossier.ActPaid, Who: dossier.Specialist})
		move(dossier.Input{Action: dossier.ActRequestFee, Who: dossier.Specialist})
		if ps, _ := s.DossierPayments(ctx, d.ID); len(ps) != 1 {
			t.Fatalf("asked again although paid: %d rows", len(ps))
		}
	})
}
