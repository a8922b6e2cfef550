package forms

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/payment"
)

// PaymentData is what a payment receipt (biên lai thu phí, lệ phí) shows.
type PaymentData struct {
	Agency, Unit string // the site (issuing body) and the dossier's unit
	Code         string // dossier code
	Procedure    string
	Payer        string
	Address      string
	Number       string // the payment's order id: the receipt's number
	Provider     string
	TxnID        string
	PaidAt       time.Time
	Amount       int64
	Items        []payment.Fee
	Refunded     bool
	RefundTxnID  string
	RefundedAt   time.Time
}

// PaymentReceipt draws the electronic receipt of an online payment. The
// same data give the same bytes: the PDF's dates are the payment's.
func PaymentReceipt(d PaymentData) ([]byte, error) {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCatalogSort(true)
	p.SetCreationDate(d.PaidAt.UTC())
	p.SetModificationDate(d.PaidAt.UTC())
	p.SetCompression(true)
	p.SetTitle(nfc("Biên lai thu phí, lệ phí – "+d.Number), true)
	p.SetCreator("Cổng dịch vụ công", true)
	p.SetProducer("Cổng", true)
	p.AddUTF8FontFromBytes(family, "", fontRegular)
	p.AddUTF8FontFromBytes(family, "B", fontBold)
	p.AddUTF8FontFromBytes(family, "I", fontItalic)
	p.SetMargins(marginL, marginT, marginR)
	p.SetAutoPageBreak(true, 15)
	p.AddPage()
	w := &writer{p: p}

	leftW := 82.0
	p.SetXY(marginL, marginT)
	if d.Agency != "" {
		w.font("", 10.5)
		p.MultiCell(leftW, 5, nfc(strings.ToUpper(d.Agency)), "", "C", false)
	}
	if d.Unit != "" {
		w.font("B", 10.5)
		p.SetX(marginL)
		p.MultiCell(leftW, 5, nfc(strings.ToUpper(d.Unit)), "", "C", false)
	}
	leftEnd := p.GetY()
	rightX, rightW := marginL+leftW, bodyW-leftW
	p.SetXY(rightX, marginT)
	w.font("B", 10.5)
	p.CellFormat(rightW, 5, nfc("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "", 2, "C", false, 0, "")
	w.font("B", 11.5)
	p.CellFormat(rightW, 6, nfc("Độc lập - Tự do - Hạnh phúc"), "", 2, "C", false, 0, "")
	if p.GetY() < leftEnd {
		p.SetY(leftEnd)
	}
	p.Ln(8)
	w.font("B", 14)
	p.SetX(marginL)
	p.CellFormat(bodyW, 7, nfc("BIÊN LAI THU PHÍ, LỆ PHÍ"), "", 1, "C", false, 0, "")
	w.font("I", 11)
	p.CellFormat(bodyW, 6, nfc("(Thanh toán trực tuyến – biên lai điện tử)"), "", 1, "C", false, 0, "")
	w.font("", 11)
	p.CellFormat(bodyW, 6, nfc("Số: ")+d.Number, "", 1, "C", false, 0, "")
	p.Ln(4)

	w.field("Người nộp", d.Payer)
	if d.Address != "" {
		w.field("Địa chỉ", d.Address)
	}
	w.field("Mã hồ sơ", d.Code)
	w.field("Thủ tục", d.Procedure)
	p.Ln(2)

	// The fees paid, one line each, then the total.
	w.font("B", 11)
	p.SetX(marginL)
	p.CellFormat(10, 7, "TT", "1", 0, "C", false, 0, "")
	p.CellFormat(25, 7, nfc("Loại"), "1", 0, "C", false, 0, "")
	p.CellFormat(bodyW-10-25-40, 7, nfc("Nội dung"), "1", 0, "C", false, 0, "")
	p.CellFormat(40, 7, nfc("Số tiền"), "1", 1, "C", false, 0, "")
	w.font("", 11)
	items := d.Items
	if len(items) == 0 {
		items = []payment.Fee{{Kind: payment.KindDuty, Amount: d.Amount, Description: "Phí, lệ phí hồ sơ"}}
	}
	for i, it := range items {
		desc := it.Description
		if desc == "" {
			desc = payment.KindName(it.Kind)
		}
		if r := []rune(desc); len(r) > 60 {
			desc = string(r[:59]) + "…"
		}
		p.SetX(marginL)
		p.CellFormat(10, 7, fmt.Sprint(i+1), "1", 0, "C", false, 0, "")
		p.CellFormat(25, 7, nfc(payment.KindName(it.Kind)), "1", 0, "C", false, 0, "")
		p.CellFormat(bodyW-10-25-40, 7, nfc(desc), "1", 0, "L", false, 0, "")
		p.CellFormat(40, 7, nfc(payment.FormatVND(it.Amount)), "1", 1, "R", false, 0, "")
	}
	w.font("B", 11)
	p.SetX(marginL)
	p.CellFormat(bodyW-40, 7, nfc("Tổng cộng"), "1", 0, "R", false, 0, "")
	p.CellFormat(40, 7, nfc(payment.FormatVND(d.Amount)), "1", 1, "R", false, 0, "")
	p.Ln(2)
	w.field("Bằng chữ", amountWords(d.Amount))
	w.field("Hình thức", "Thanh toán trực tuyến qua cổng thanh toán "+strings.ToUpper(d.Provider))
	w.field("Mã giao dịch", d.TxnID)
	w.field("Thời điểm thanh toán", d.PaidAt.In(dossier.Loc).Format("15:04 02/01/2006"))
	if d.Refunded {
		p.Ln(2)
		w.para(fmt.Sprintf("ĐÃ HOÀN TIỀN: khoản thu này đã được hoàn lại cho người nộp ngày %s (mã giao dịch hoàn tiền %s) do hồ sơ không được tiếp nhận.",
			d.RefundedAt.In(dossier.Loc).Format("02/01/2006"), d.RefundTxnID))
	}
	p.Ln(6)
	p.SetX(marginL + bodyW/2)
	w.font("I", 11)
	p.CellFormat(bodyW/2, 6, nfc(dayWords(d.PaidAt, true)), "", 1, "C", false, 0, "")
	p.SetX(marginL + bodyW/2)
	w.font("B", 12)
	p.CellFormat(bodyW/2, 6, nfc("ĐƠN VỊ THU"), "", 1, "C", false, 0, "")
	p.SetX(marginL + bodyW/2)
	w.font("I", 10)
	p.MultiCell(bodyW/2, 5, nfc("Biên lai điện tử do Cổng dịch vụ công lập từ giao dịch đã được cổng thanh toán xác nhận."), "", "C", false)
	if err := p.Error(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// amountWords reads an amount in đồng in Vietnamese words, as receipts
// write it: "Một trăm năm mươi nghìn đồng".
func amountWords(n int64) string {
	if n == 0 {
		return "Không đồng"
	}
	digits := []string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}
	units := []string{"", " nghìn", " triệu", " tỷ", " nghìn tỷ"}
	var groups []int64
	for x := n; x > 0; x /= 1000 {
		groups = append(groups, x%1000)
	}
	var parts []string
	for i := len(groups) - 1; i >= 0; i-- {
		g := groups[i]
		if g == 0 {
			continue
		}
		full := i < len(groups)-1 // not the leading group: say its hundreds
		h, t, u := g/100, g/10%10, g%10
		var w []string
		if h > 0 || full {
			w = append(w, digits[h]+" trăm")
		}
		switch {
		case t == 0 && u > 0 && (h > 0 || full):
			w = append(w, "lẻ")
		case t == 1:
			w = append(w, "mười")
		case t > 1:
			w = append(w, digits[t]+" mươi")
		}
		switch {
		case u == 0:
		case u == 1 && t > 1:
			w = append(w, "mốt")
		case u == 5 && t > 0:
			w = append(w, "lăm")
		case u == 4 && t > 1:
			w = append(w, "tư")
		default:
			w = append(w, digits[u])
		}
		unit := ""
		if i < len(units) {
			unit = units[i]
		}
		parts = append(parts, strings.Join(w, " ")+unit)
	}
	s := strings.Join(parts, " ") + " đồng"
	return strings.ToUpper(s[:1]) + s[1:]
}
