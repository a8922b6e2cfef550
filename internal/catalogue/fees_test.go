package catalogue

import (
	"reflect"
	"testing"

	"github.com/congportal/cong/internal/payment"
)

func TestParseFees(t *testing.T) {
	cases := map[string][]payment.Fee{
		"Miễn lệ phí":   nil,
		"Theo quy định": nil,
		"Lệ phí: 50.000 đồng/hồ sơ; Phí thẩm định: 1.200.000 đồng": {
			{Kind: payment.KindDuty, Amount: 50000, Description: "Lệ phí: 50.000 đồng/hồ sơ"},
			{Kind: payment.KindFee, Amount: 1200000, Description: "Phí thẩm định: 1.200.000 đồng"},
		},
		"Phí: 30000đ\nLe phi cap ban sao 2,000 dong/trang": {
			{Kind: payment.KindFee, Amount: 30000, Description: "Phí: 30000đ"},
			{Kind: payment.KindDuty, Amount: 2000, Description: "Le phi cap ban sao 2,000 dong/trang"},
		},
		// "1.5" is not a thousands group: the number ends at the dot.
		"Phí 1.5 triệu": {{Kind: payment.KindFee, Amount: 1, Description: "Phí 1.5 triệu"}},
	}
	for in, want := range cases {
		if got := ParseFees(in); !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n got %+v\nwant %+v", in, got, want)
		}
	}
}

func TestImportReadsFees(t *testing.T) {
	recs, errs := ParseTable([][]string{
		{"Mã thủ tục", "Tên thủ tục", "Mức độ", "Thời hạn giải quyết", "Phí, lệ phí", "Cơ quan thực hiện"},
		{"1.001", "Cấp giấy phép", "Toàn trình", "5 ngày làm việc", "Lệ phí: 100.000 đồng", "XHA"},
		{"", "", "", "", "Phí: 20.000 đồng", ""},
	})
	if len(errs) != 0 || len(recs) != 1 {
		t.Fatalf("recs %v errs %v", recs, errs)
	}
	if f := recs[0].Procedure.FeeItems; len(f) != 2 || f[0].Amount != 100000 || f[0].Kind != payment.KindDuty || f[1].Amount != 20000 {
		t.Fatalf("fees: %+v", f)
	}
}

func TestValidateFees(t *testing.T) {
	if err := ValidateFees([]payment.Fee{{Kind: payment.KindFee, Amount: 1}}); err != nil {
		t.Fatal(err)
	}
	for _, bad := range [][]payment.Fee{{{Kind: "x", Amount: 1}}, {{Kind: payment.KindFee, Amount: 0}}, {{Kind: payment.KindDuty, Amount: payment.MaxAmount + 1}}} {
		if ValidateFees(bad) == nil {
			t.Errorf("accepted %+v", bad)
		}
	}
}

func FuzzParseFees(f *testing.F) {
	f.Add("Lệ phí: 50.000 đồng/hồ sơ; Phí thẩm định: 1.200.000 đồng")
	f.Add("9.999.999.999.999.999")
	f.Add("Miễn phí")
	f.Fuzz(func(t *testing.T, s string) {
		fees := ParseFees(s)
		if len(fees) > maxFees {
			t.Fatalf("%d fees", len(fees))
		}
		if err := ValidateFees(fees); err != nil {
			t.Fatalf("parsed fees do not validate: %v (%+v)", err, fees)
		}
	})
}
