package forms

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/payment"
)

func TestAmountWords(t *testing.T) {
	for n, want := range map[int64]string{
		50000:   "Năm mươi nghìn đồng",
		150000:  "Một trăm năm mươi nghìn đồng",
		1200000: "Một triệu hai trăm nghìn đồng",
		1005000: "Một triệu không trăm lẻ năm nghìn đồng",
		21000:   "Hai mươi mốt nghìn đồng",
		15000:   "Mười lăm nghìn đồng",
		24000:   "Hai mươi tư nghìn đồng",
	} {
		if got := amountWords(n); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
}

func TestPaymentReceipt(t *testing.T) {
	d := PaymentData{Agency: "UBND tỉnh Hòa Bình", Unit: "UBND xã An Bình", Code: "000.00.01.H01-261207-0001", Procedure: "Chứng thực bản sao",
		Payer: "Lê Văn Tám", Number: "CONG12AB34CD", Provider: "vnpay", TxnID: "14001234", PaidAt: time.Date(2026, 12, 7, 3, 4, 0, 0, time.UTC),
		Amount: 70000, Items: []payment.Fee{{Kind: payment.KindDuty, Amount: 50000, Description: "Lệ phí chứng thực"}, {Kind: payment.KindFee, Amount: 20000}}}
	a, err := PaymentReceipt(d)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := PaymentReceipt(d)
	if !bytes.Equal(a, b) || !bytes.HasPrefix(a, []byte("%PDF-")) {
		t.Fatal("receipt not deterministic or not a PDF")
	}
	text := pdfText(t, a)
	for _, want := range []string{"BIÊN LAI THU PHÍ, LỆ PHÍ", "CONG12AB34CD", "Lê Văn Tám", "Lệ phí chứng thực", "50.000 đ", "70.000 đ", "Bảy mươi nghìn đồng", "14001234", "10:04 07/12/2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("receipt lacks %q:\n%s", want, text)
		}
	}
}
