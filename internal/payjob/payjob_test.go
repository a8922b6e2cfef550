package payjob_test

import (
	"context"
	"testing"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/payjob"
	"github.com/congportal/cong/internal/payment"
	"github.com/congportal/cong/internal/payment/gatewaytest"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

var ctx = context.Background()

// submit makes n online dossiers of a procedure with a 40.000 đ fee and
// returns their payment rows.
func submit(t *testing.T, s *store.Store, n int) (int64, []store.Payment) {
	t.Helper()
	st, err := s.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng thử"})
	if err != nil {
		t.Fatal(err)
	}
	unit := catalogue.Unit{SiteID: st.ID, Code: "XAB", Name: "UBND xã An Bình", Kind: "commune"}
	if err := s.CreateUnit(ctx, &unit); err != nil {
		t.Fatal(err)
	}
	proc := catalogue.Procedure{SiteID: st.ID, Code: "2.000001", Slug: "chung-thuc", Name: "Chứng thực", Level: catalogue.LevelFull,
		TimeAmount: 1, TimeUnit: catalogue.TimeWorkingDays, Published: true, Units: []catalogue.Unit{{ID: unit.ID}},
		FeeItems: []payment.Fee{{Kind: payment.KindDuty, Amount: 40000}}}
	if err := s.SaveProcedure(ctx, &proc); err != nil {
		t.Fatal(err)
	}
	s.SetPaymentProvider("vnpay")
	var out []store.Payment
	for i := 0; i < n; i++ {
		d := dossier.Dossier{SiteID: st.ID, ProcedureID: proc.ID, UnitID: unit.ID, Channel: dossier.Online, Status: dossier.New,
			ApplicantName: "Lê Văn Tám", ApplicantIDNumber: "001095000123", ApplicantDOB: "1995-01-02", ApplicantPhone: "0987654321",
			ApplicantAddress: "Thôn Nam", PrivateTokenHash: "tok" + string(rune('a'+i)), IdempotencyKey: "khoa-payjob-00000000" + string(rune('a'+i)) + "x", SubmittedAt: time.Now().UTC()}
		if _, err := s.SubmitDossier(ctx, &d, nil); err != nil {
			t.Fatal(err)
		}
		ps, err := s.DossierPayments(ctx, d.ID)
		if err != nil || len(ps) != 1 {
			t.Fatalf("%v %v", ps, err)
		}
		out = append(out, ps[0])
	}
	return st.ID, out
}

func TestReconcile(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		g := gatewaytest.New("s3cret", "CONG01")
		defer g.Close()
		siteID, ps := submit(t, s, 5)
		paid := func(p store.Payment, txn string) {
			if _, _, err := s.ApplyCallback(ctx, payment.Callback{OrderID: p.OrderID, Amount: p.Amount, Success: true, TxnID: txn, Code: "00"}); err != nil {
				t.Fatal(err)
			}
		}
		// 0: paid and agreed. 1: paid at the gateway, IPN lost. 2: paid
		// here, unknown there. 3: the gateway holds another amount.
		// 4: never paid anywhere.
		paid(ps[0], "A0")
		g.Record(payment.Txn{OrderID: ps[0].OrderID, Amount: 40000, Success: true, TxnID: "A0"})
		g.Record(payment.Txn{OrderID: ps[1].OrderID, Amount: 40000, Success: true, TxnID: "A1"})
		paid(ps[2], "A2")
		paid(ps[3], "A3")
		g.Record(payment.Txn{OrderID: ps[3].OrderID, Amount: 4000, Success: true, TxnID: "A3"})

		loc := time.UTC
		rep, err := payjob.Reconcile(ctx, s, g.Provider(nil), siteID, time.Now().In(loc), loc)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Checked != 5 || rep.Recovered != 1 || rep.Mismatches != 2 || rep.Agreed != 3 {
			t.Fatalf("report %+v", rep)
		}
		got := map[int64]store.Payment{}
		list, _, _ := s.Payments(ctx, store.PaymentFilter{SiteID: siteID})
		for _, p := range list {
			got[p.ID] = p
		}
		if p := got[ps[1].ID]; p.State != payment.Paid || p.TxnID != "A1" || p.Mismatch != "" {
			t.Fatalf("recovered row: %+v", p)
		}
		if got[ps[2].ID].Mismatch == "" || got[ps[3].ID].Mismatch == "" || got[ps[0].ID].Mismatch != "" || got[ps[4].ID].Mismatch != "" {
			t.Fatalf("flags: %q %q %q %q", got[ps[2].ID].Mismatch, got[ps[3].ID].Mismatch, got[ps[0].ID].Mismatch, got[ps[4].ID].Mismatch)
		}
		if got[ps[4].ID].ReconciledAt.IsZero() {
			t.Fatal("reconciled_at not set")
		}
		// Gateway down: an error, nothing changed.
		g.FailNext(1)
		if _, err := payjob.Reconcile(ctx, s, g.Provider(nil), siteID, time.Now().In(loc), loc); !payment.IsUnavailable(err) {
			t.Fatalf("gateway down: %v", err)
		}
		// Fixed at the gateway: the next run clears the flag.
		g.Record(payment.Txn{OrderID: ps[2].OrderID, Amount: 40000, Success: true, TxnID: "A2"})
		if rep, err := payjob.Reconcile(ctx, s, g.Provider(nil), siteID, time.Now().In(loc), loc); err != nil || rep.Mismatches != 1 {
			t.Fatalf("second run: %+v %v", rep, err)
		}
	})
}

func TestRefunds(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		g := gatewaytest.New("s3cret", "CONG01")
		defer g.Close()
		siteID, ps := submit(t, s, 1)
		p := ps[0]
		if _, _, err := s.ApplyCallback(ctx, payment.Callback{OrderID: p.OrderID, Amount: p.Amount, Success: true, TxnID: "B1", Code: "00", PaidAt: time.Now()}); err != nil {
			t.Fatal(err)
		}
		g.Record(payment.Txn{OrderID: p.OrderID, Amount: p.Amount, Success: true, TxnID: "B1"})
		d, err := s.DossierByToken(ctx, siteID, "toka")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.MoveDossier(ctx, store.MoveRequest{Before: d, Input: dossier.Input{Action: dossier.ActRefuse, Who: dossier.Desk, Note: "Sai thẩm quyền", Now: time.Now()}}); err != nil {
			t.Fatal(err)
		}
		// Down: owed still, the error noted.
		g.FailNext(1)
		if done, failed, err := payjob.Refunds(ctx, s, g.Provider(nil), nil); err != nil || done != 0 || failed != 1 {
			t.Fatalf("down: %d %d %v", done, failed, err)
		}
		if r, _ := s.PaymentByID(ctx, siteID, p.ID); r.State != payment.RefundPending || r.RefundError == "" {
			t.Fatalf("after a failed attempt: %+v", r)
		}
		if done, _, err := payjob.Refunds(ctx, s, g.Provider(nil), nil); err != nil || done != 1 {
			t.Fatalf("up: %d %v", done, err)
		}
		if done, _, _ := payjob.Refunds(ctx, s, g.Provider(nil), nil); done != 0 || g.Refunds(p.OrderID) != 1 {
			t.Fatalf("refunded twice: %d", g.Refunds(p.OrderID))
		}
		if r, _ := s.PaymentByID(ctx, siteID, p.ID); r.State != payment.Refunded || r.RefundTxnID != "RB1" {
			t.Fatalf("after refund: %+v", r)
		}
	})
}
