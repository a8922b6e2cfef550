package store_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/partner"
	"github.com/congportal/cong/internal/payment"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// The national portal's status sync carries the fee paid online: null
// while online payment is off (unknown), then the amount paid, read in the
// move's transaction.
func TestSyncCarriesFeePaid(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		siteID, unit, proc := onlineFixture(t, s)
		proc.FeeItems = []payment.Fee{{Kind: payment.KindDuty, Amount: 50000, Description: "Lệ phí"}}
		if err := s.SaveProcedure(ctx, &proc); err != nil {
			t.Fatal(err)
		}
		s.SetPartners(store.Partners{Sync: true})
		feeOf := func(d dossier.Dossier) *int64 {
			t.Helper()
			items, _, err := s.PartnerOutbox(ctx, store.PartnerFilter{SiteID: siteID, Channel: partner.Sync})
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range items { // newest first
				if it.DossierID == d.ID {
					var ev partner.SyncEvent
					if err := json.Unmarshal([]byte(it.Payload), &ev); err != nil {
						t.Fatal(err)
					}
					return ev.FeePaid
				}
			}
			t.Fatalf("no sync row for %s", d.Code)
			return nil
		}

		off := onlineDossier(siteID, unit, proc, "khoa-phi-000000000000", "p0")
		if _, err := s.SubmitDossier(ctx, &off, nil); err != nil {
			t.Fatal(err)
		}
		if f := feeOf(off); f != nil {
			t.Fatalf("payment off: fee_paid %d, want null", *f)
		}

		s.SetPaymentProvider("vnpay")
		d := onlineDossier(siteID, unit, proc, "khoa-phi-000000000001", "p1")
		if _, err := s.SubmitDossier(ctx, &d, nil); err != nil {
			t.Fatal(err)
		}
		if f := feeOf(d); f == nil || *f != 0 {
			t.Fatalf("submitted, not paid: fee_paid %v, want 0", f)
		}
		ps, err := s.DossierPayments(ctx, d.ID)
		if err != nil || len(ps) != 1 {
			t.Fatalf("payments: %v %v", ps, err)
		}
		if _, out, err := s.ApplyCallback(ctx, payment.Callback{OrderID: ps[0].OrderID, Amount: 50000, Success: true, TxnID: "T9", Code: "00"}); err != nil || out != payment.Apply {
			t.Fatalf("paid: %v %v", out, err)
		}
		cur, err := s.DossierByToken(ctx, siteID, "p1")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.MoveDossier(ctx, store.MoveRequest{Before: cur, Input: dossier.Input{Action: dossier.ActRefuse, Who: dossier.Desk, Actor: "Cán bộ", Note: "Sai thẩm quyền", Now: time.Now()}}); err != nil {
			t.Fatal(err)
		}
		if f := feeOf(d); f == nil || *f != 50000 {
			t.Fatalf("paid then refused: fee_paid %v, want 50000 (refund still owed)", f)
		}
	})
}
