package payment_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/payment"
	"github.com/congportal/cong/internal/payment/gatewaytest"
)

func TestPayURLSignedAndVerifiable(t *testing.T) {
	v := &payment.VNPay{URL: "https://gw.example/pay", TmnCode: "CONG01", Secret: []byte("s3cret")}
	at := time.Date(2026, 12, 7, 3, 4, 5, 0, time.UTC)
	u, err := v.PayURL(payment.PayRequest{OrderID: "P1-ab", Amount: 150000, Info: "Lệ phí hồ sơ 000.00.01.H01-261207-0001", ReturnURL: "https://cong.example/thanh-toan/ket-qua", At: at})
	if err != nil {
		t.Fatal(err)
	}
	pu, _ := url.Parse(u)
	q := pu.Query()
	if q.Get("vnp_Amount") != "15000000" || q.Get("vnp_CreateDate") != "20261207100405" || q.Get("vnp_TxnRef") != "P1-ab" {
		t.Fatalf("fields: %v", q)
	}
	// The signature is over the sorted, encoded vnp_ fields: recompute it
	// independently.
	raw := pu.RawQuery[:strings.Index(pu.RawQuery, "&vnp_SecureHash=")]
	if got := payment.Sign([]byte("s3cret"), raw); got != q.Get("vnp_SecureHash") {
		t.Fatalf("hash %s, want %s", q.Get("vnp_SecureHash"), got)
	}
	keys := strings.Split(raw, "&")
	for i := 1; i < len(keys); i++ {
		if keys[i-1] > keys[i] {
			t.Fatalf("not sorted: %s before %s", keys[i-1], keys[i])
		}
	}
	if _, err := v.PayURL(payment.PayRequest{OrderID: "x", Amount: 0, ReturnURL: "r"}); !errors.Is(err, payment.ErrMalformed) {
		t.Fatalf("zero amount: %v", err)
	}
}

func TestVerifyCallback(t *testing.T) {
	v := &payment.VNPay{TmnCode: "CONG01", Secret: []byte("s3cret")}
	paid := time.Date(2026, 12, 7, 3, 0, 0, 0, time.UTC)
	q := v.CallbackParams(payment.Callback{OrderID: "P7-x", Amount: 50000, Success: true, TxnID: "1400", BankCode: "NCB", PaidAt: paid})
	cb, err := v.Verify(q)
	if err != nil || !cb.Success || cb.Amount != 50000 || cb.TxnID != "1400" || !cb.PaidAt.Equal(paid) {
		t.Fatalf("good callback: %+v %v", cb, err)
	}
	// Tampered amount: the signature no longer matches.
	bad := url.Values{}
	for k, vs := range q {
		bad[k] = append([]string(nil), vs...)
	}
	bad.Set("vnp_Amount", "100")
	if _, err := v.Verify(bad); !errors.Is(err, payment.ErrSignature) {
		t.Fatalf("tampered: %v", err)
	}
	// Signed with another secret.
	other := &payment.VNPay{TmnCode: "CONG01", Secret: []byte("other")}
	if _, err := v.Verify(other.CallbackParams(payment.Callback{OrderID: "P7-x", Amount: 50000, Success: true, TxnID: "1", PaidAt: paid})); !errors.Is(err, payment.ErrSignature) {
		t.Fatalf("other secret: %v", err)
	}
	// A repeated key could make the signed and the read value differ.
	dup := url.Values{}
	for k, vs := range q {
		dup[k] = append([]string(nil), vs...)
	}
	dup.Add("vnp_Amount", "1")
	if _, err := v.Verify(dup); !errors.Is(err, payment.ErrMalformed) {
		t.Fatalf("duplicate key: %v", err)
	}
	delete(dup, "vnp_SecureHash")
	if _, err := v.Verify(url.Values{"vnp_TxnRef": {"x"}}); !errors.Is(err, payment.ErrSignature) {
		t.Fatalf("unsigned: %v", err)
	}
	// A failed payment verifies, and says so.
	f, err := v.Verify(v.CallbackParams(payment.Callback{OrderID: "P7-x", Amount: 50000, Code: "24", PaidAt: paid}))
	if err != nil || f.Success || f.Code != "24" {
		t.Fatalf("failed payment: %+v %v", f, err)
	}
}

func TestDecide(t *testing.T) {
	ok := payment.Callback{Amount: 100, Success: true, TxnID: "T1"}
	cases := []struct {
		st     payment.State
		amount int64
		txn    string
		cb     payment.Callback
		want   payment.Outcome
	}{
		{payment.Pending, 100, "", ok, payment.Apply},
		{payment.Pending, 99, "", ok, payment.AmountMismatch},
		{payment.Paid, 100, "T1", ok, payment.Duplicate},
		{payment.Paid, 100, "T0", ok, payment.Conflict},
		{payment.Paid, 100, "T1", payment.Callback{Amount: 100, TxnID: "T2"}, payment.Duplicate},
		{payment.Failed, 100, "", ok, payment.Apply},
		{payment.Failed, 100, "", payment.Callback{Amount: 100}, payment.Duplicate},
		{payment.Refunded, 100, "T1", ok, payment.Duplicate},
		{payment.Refunded, 100, "T1", payment.Callback{Amount: 100, TxnID: "T1"}, payment.Conflict},
	}
	for i, c := range cases {
		if got := payment.Decide(c.st, c.amount, c.txn, c.cb); got != c.want {
			t.Errorf("%d: %s: got %d, want %d", i, c.st, got, c.want)
		}
	}
}

func TestFormatVND(t *testing.T) {
	for n, want := range map[int64]string{0: "0 đ", 500: "500 đ", 1000: "1.000 đ", 1250000: "1.250.000 đ", -15000: "-15.000 đ"} {
		if got := payment.FormatVND(n); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
}

func TestQueryAndRefundAgainstGateway(t *testing.T) {
	g := gatewaytest.New("s3cret", "CONG01")
	defer g.Close()
	v := g.Provider(nil)
	ctx := context.Background()
	day := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	g.Record(payment.Txn{OrderID: "A", Amount: 100000, Success: true, TxnID: "9001"})
	g.Record(payment.Txn{OrderID: "B", Amount: 20000, Success: false, TxnID: "9002"})
	txns, err := v.Transactions(ctx, day, []payment.Order{{OrderID: "A", CreatedAt: day}, {OrderID: "B", CreatedAt: day}, {OrderID: "C", CreatedAt: day}})
	if err != nil {
		t.Fatal(err)
	}
	if len(txns) != 2 || txns[0] != (payment.Txn{OrderID: "A", Amount: 100000, Success: true, TxnID: "9001", Code: "00"}) || txns[1].Success {
		t.Fatalf("txns: %+v", txns)
	}
	if g.BadRequests() != 0 {
		t.Fatal("the gateway could not verify our signature")
	}
	id, err := v.Refund(ctx, payment.RefundRequest{OrderID: "A", Amount: 100000, TxnID: "9001", PaidAt: day})
	if err != nil || id != "R9001" || g.Refunds("A") != 1 {
		t.Fatalf("refund: %q %v", id, err)
	}
	// A refund of the wrong amount is refused by the gateway.
	if _, err := v.Refund(ctx, payment.RefundRequest{OrderID: "A", Amount: 1, TxnID: "9001", PaidAt: day}); !errors.Is(err, payment.ErrRefused) {
		t.Fatalf("wrong amount refund: %v", err)
	}
}

func TestGatewayFailures(t *testing.T) {
	g := gatewaytest.New("s3cret", "CONG01")
	defer g.Close()
	ctx := context.Background()
	g.Record(payment.Txn{OrderID: "A", Amount: 100000, Success: true, TxnID: "9001"})
	orders := []payment.Order{{OrderID: "A", CreatedAt: time.Now()}}

	g.FailNext(1)
	if _, err := g.Provider(nil).Transactions(ctx, time.Now(), orders); !payment.IsUnavailable(err) {
		t.Fatalf("5xx: %v", err)
	}
	if _, err := g.Provider(nil).Refund(ctx, payment.RefundRequest{OrderID: "A", Amount: 100000, TxnID: "9001"}); err != nil {
		t.Fatalf("after the 5xx the gateway answers: %v", err)
	}

	g.SetDelay(2 * time.Second)
	start := time.Now()
	if _, err := g.Provider(&http.Client{Timeout: 100 * time.Millisecond}).Transactions(ctx, time.Now(), orders); !payment.IsUnavailable(err) {
		t.Fatalf("timeout: %v", err)
	}
	if time.Since(start) > time.Second {
		t.Fatal("the client timeout was not honoured")
	}
	g.SetDelay(0)

	// An answer not signed with our secret is not believed.
	g.SetBadSign(true)
	if _, err := g.Provider(nil).Transactions(ctx, time.Now(), orders); !errors.Is(err, payment.ErrSignature) {
		t.Fatalf("forged answer: %v", err)
	}
	g.SetBadSign(false)

	// A request signed with the wrong secret is refused by the gateway.
	p := g.Provider(nil)
	p.Secret = []byte("wrong")
	if _, err := p.Transactions(ctx, time.Now(), orders); err == nil || g.BadRequests() != 1 {
		t.Fatalf("wrong secret: %v (bad requests %d)", err, g.BadRequests())
	}
}
