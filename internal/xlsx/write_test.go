package xlsx

import (
	"bytes"
	"math"
	"reflect"
	"testing"

	"github.com/congportal/cong/internal/catalogue"
)

// Round trip through the desk's own XLSX reader.
func TestWriteRoundTrip(t *testing.T) {
	rows := [][]any{
		{"Đơn vị", "Chỉ tiêu", "Số lượng", "Tỷ lệ"},
		{"Sở Tư pháp", "Trễ hạn <&> \"x\"", int64(12), 0.125},
		{" UBND xã Hòa Bình ", "N/A", 0, math.NaN()},
		{"ký tự\x01lạ", nil, int(7), "Quý III/2026"},
	}
	var buf bytes.Buffer
	if err := Write(&buf, "Thống kê: 2026/10", rows); err != nil {
		t.Fatal(err)
	}
	got, err := catalogue.ReadXLSX(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Đơn vị", "Chỉ tiêu", "Số lượng", "Tỷ lệ"},
		{"Sở Tư pháp", "Trễ hạn <&> \"x\"", "12", "0.125"},
		{" UBND xã Hòa Bình ", "N/A", "0"},
		{"ký tựlạ", "", "7", "Quý III/2026"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if Col(0) != "A" || Col(25) != "Z" || Col(26) != "AA" || Col(701) != "ZZ" || Col(702) != "AAA" {
		t.Error("Col")
	}
	if sheetName("a/b:c") != "a-b-c" || len([]rune(sheetName("Thống kê hồ sơ một cửa theo đơn vị và kỳ"))) != 31 {
		t.Error("sheetName")
	}
}
