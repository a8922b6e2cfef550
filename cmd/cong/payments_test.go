package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/payment"
	"github.com/congportal/cong/internal/payment/gatewaytest"
	"github.com/congportal/cong/internal/store"
)

// cong payments reconcile finds the payment whose IPN never came, and
// cong payments refund gives back the fee of a refused dossier, both
// against a local gateway.
func TestPaymentsCommand(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	g := gatewaytest.New("khoa-bi-mat-thu-nghiem-cli", "CONG01")
	defer g.Close()
	secret := filepath.Join(t.TempDir(), "secret")
	os.WriteFile(secret, g.Secret, 0o600)
	pay := []string{"--data", data, "--payment-url", g.URL + "/pay", "--payment-api-url", g.URL + "/api", "--payment-merchant", "CONG01", "--payment-secret-file", secret}

	if err := run(ctx, []string{"payments", "reconcile", "--data", data}, io.Discard, io.Discard, noenv); exitCode(err) != 2 || !strings.Contains(err.Error(), "chưa được cấu hình") {
		t.Fatalf("unconfigured: %v", err)
	}
	if err := run(ctx, append([]string{"payments", "reconcile", "--day", "7/12/2026"}, pay...), io.Discard, io.Discard, noenv); exitCode(err) != 2 {
		t.Fatalf("bad day: %v", err)
	}

	st, err := store.Open(ctx, "", data)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	site, _ := st.EnsureSite(ctx, defaultSite)
	unit := catalogue.Unit{SiteID: site.ID, Code: "XHA", Name: "UBND xã Hòa An", Kind: catalogue.KindCommune}
	if err := st.CreateUnit(ctx, &unit); err != nil {
		t.Fatal(err)
	}
	proc := catalogue.Procedure{SiteID: site.ID, Code: "1.1", Slug: "thu", Name: "Thủ tục thử", Level: catalogue.LevelFull, TimeAmount: 1,
		TimeUnit: catalogue.TimeWorkingDays, Published: true, Units: []catalogue.Unit{{ID: unit.ID}}, FeeItems: []payment.Fee{{Kind: payment.KindDuty, Amount: 25000}}}
	if err := st.SaveProcedure(ctx, &proc); err != nil {
		t.Fatal(err)
	}
	st.SetPaymentProvider("vnpay")
	d := dossier.Dossier{SiteID: site.ID, ProcedureID: proc.ID, UnitID: unit.ID, Channel: dossier.Online, Status: dossier.New, ApplicantName: "Lê Văn Tám",
		ApplicantIDNumber: "001095000123", ApplicantDOB: "1995-01-02", ApplicantPhone: "0987654321", ApplicantAddress: "Thôn Nam",
		PrivateTokenHash: "tok", IdempotencyKey: "khoa-cli-000000000000001", SubmittedAt: time.Now().UTC()}
	if _, err := st.SubmitDossier(ctx, &d, nil); err != nil {
		t.Fatal(err)
	}
	ps, _ := st.DossierPayments(ctx, d.ID)
	st.Close()
	// The citizen paid; the IPN never reached Cổng.
	g.Record(payment.Txn{OrderID: ps[0].OrderID, Amount: 25000, Success: true, TxnID: "G1"})

	hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	var out bytes.Buffer
	if err := run(ctx, append([]string{"payments", "reconcile", "--day", time.Now().In(hcm).Format("2006-01-02")}, pay...), &out, io.Discard, noenv); err != nil ||
		!strings.Contains(out.String(), "1 giao dịch, 1 khớp, 1 ghi nhận bổ sung (IPN không đến), 0 sai lệch") {
		t.Fatalf("reconcile: %v %s", err, out.String())
	}

	st, _ = store.Open(ctx, "", data)
	cur, _ := st.DossierByToken(ctx, site.ID, "tok")
	if _, err := st.MoveDossier(ctx, store.MoveRequest{Before: cur, Input: dossier.Input{Action: dossier.ActRefuse, Who: dossier.Desk, Note: "Sai thẩm quyền", Now: time.Now()}}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	out.Reset()
	if err := run(ctx, append([]string{"payments", "refund"}, pay...), &out, io.Discard, noenv); err != nil || !strings.Contains(out.String(), "1 thành công, 0 chưa được") {
		t.Fatalf("refund: %v %s", err, out.String())
	}
	if g.Refunds(ps[0].OrderID) != 1 {
		t.Fatal("the gateway got no refund")
	}
}
