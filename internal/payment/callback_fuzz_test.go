package payment_test

import (
	"errors"
	"net/url"
	"testing"
	"time"

	"github.com/congportal/cong/internal/payment"
)

// FuzzVerify feeds the callback parser and verifier any query string the
// outside world can send to the return or IPN URL: it must never panic,
// accept only what carries our signature, and never read an amount that
// differs from the signed one.
func FuzzVerify(f *testing.F) {
	v := &payment.VNPay{TmnCode: "CONG01", Secret: []byte("s3cret")}
	good := v.CallbackParams(payment.Callback{OrderID: "P1-ab", Amount: 150000, Success: true, TxnID: "1", PaidAt: time.Unix(1765000000, 0)})
	f.Add(good.Encode())
	f.Add("vnp_SecureHash=00&vnp_Amount=100")
	f.Add("vnp_Amount=1&vnp_Amount=2&vnp_SecureHash=zz")
	f.Add("")
	f.Add("%zz=1")
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		cb, err := v.Verify(q)
		if err != nil {
			if !errors.Is(err, payment.ErrSignature) && !errors.Is(err, payment.ErrMalformed) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		// Accepted: it must be what we signed (the seed, possibly with
		// keys the gateway does not sign).
		if cb.OrderID != "P1-ab" || cb.Amount != 150000 || q.Get("vnp_Amount") != "15000000" {
			t.Fatalf("accepted a callback we did not sign: %+v from %q", cb, raw)
		}
	})
}
