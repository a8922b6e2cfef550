package catalogue

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/congportal/cong/internal/payment"
	"github.com/congportal/cong/internal/viet"
)

// maxFees bounds the fees of one procedure: a handful in practice.
const maxFees = 20

// ParseFees reads the structured fees out of a catalogue's free-text fee
// cell, as the national catalogue writes it: "Lệ phí: 50.000 đồng/hồ sơ;
// Phí thẩm định: 1.200.000 đồng". Each part separated by ';' or a new line
// that names an amount becomes one fee (lệ phí when it says so, phí
// otherwise); parts without an amount ("Miễn lệ phí", "Theo quy định") are
// not fees to collect. The text itself stays on the procedure as written.
func ParseFees(text string) []payment.Fee {
	var out []payment.Fee
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == ';' || r == '\n' }) {
		part = viet.CleanLine(part)
		if part == "" || len(out) == maxFees {
			continue
		}
		folded := viet.Fold(part)
		if strings.HasPrefix(folded, "mien") {
			continue
		}
		amount, ok := firstAmount(part)
		if !ok {
			continue
		}
		kind := payment.KindFee
		if strings.Contains(folded, "le phi") {
			kind = payment.KindDuty
		}
		desc := part
		if r := []rune(desc); len(r) > 300 {
			desc = string(r[:300])
		}
		out = append(out, payment.Fee{Kind: kind, Amount: amount, Description: desc})
	}
	return out
}

// firstAmount finds the first number written with '.' or ',' as thousands
// separators ("1.200.000", "50,000", "30000") and returns it in đồng.
func firstAmount(s string) (int64, bool) {
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		if rs[i] < '0' || rs[i] > '9' {
			continue
		}
		var n int64
		j := i
		for ; j < len(rs); j++ {
			r := rs[j]
			if r >= '0' && r <= '9' {
				n = n*10 + int64(r-'0')
				if n > payment.MaxAmount {
					return 0, false
				}
				continue
			}
			// A separator counts only when three digits follow it.
			if (r == '.' || r == ',') && j+3 < len(rs) && isDigits(rs[j+1:j+4]) && (j+4 == len(rs) || !unicode.IsDigit(rs[j+4])) {
				continue
			}
			break
		}
		if n > 0 {
			return n, true
		}
		i = j
	}
	return 0, false
}

func isDigits(rs []rune) bool {
	if len(rs) != 3 {
		return false
	}
	for _, r := range rs {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// ValidateFees checks fees entered in the admin form; the message names
// the line.
func ValidateFees(fees []payment.Fee) error {
	if len(fees) > maxFees {
		return fmt.Errorf("tối đa %d khoản phí, lệ phí", maxFees)
	}
	for i, f := range fees {
		if f.Kind != payment.KindFee && f.Kind != payment.KindDuty {
			return fmt.Errorf("khoản thu %d: loại phải là phí hoặc lệ phí", i+1)
		}
		if f.Amount <= 0 || f.Amount > payment.MaxAmount {
			return fmt.Errorf("khoản thu %d: số tiền phải là số nguyên dương (đồng)", i+1)
		}
		if len([]rune(f.Description)) > 300 {
			return fmt.Errorf("khoản thu %d: mô tả quá dài (tối đa 300 ký tự)", i+1)
		}
	}
	return nil
}
