package catalogue

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		unit string
		ok   bool
	}{
		{"15 ngày làm việc", 15, TimeWorkingDays, true},
		{"03 ngày", 3, TimeDays, true},
		{"05 NGAY LAM VIEC kể từ ngày nhận đủ hồ sơ", 5, TimeWorkingDays, true},
		{"08 giờ làm việc", 8, TimeWorkingHours, true},
		{"10", 10, TimeWorkingDays, true},
		// Same day is its own kind, not 8 working hours; the 15 of the
		// cut-off is not an amount.
		{"Trong ngày", 1, TimeSameDay, true},
		{"Ngay trong ngày làm việc", 1, TimeSameDay, true},
		{"Trong ngày; trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo", 1, TimeSameDay, true},
		// Fractions of a day are working hours (8 a day), never truncated.
		{"1,5 ngày làm việc", 12, TimeWorkingHours, true},
		{"2.5 ngày", 20, TimeWorkingHours, true},
		{"½ ngày", 4, TimeWorkingHours, true},
		{"½ ngày làm việc", 4, TimeWorkingHours, true},
		{"1½ ngày làm việc", 12, TimeWorkingHours, true},
		{"1/2 ngày làm việc", 4, TimeWorkingHours, true},
		{"0,25 ngày làm việc", 2, TimeWorkingHours, true},
		{"2,0 ngày làm việc", 2, TimeWorkingDays, true},
		{"１５ ngày làm việc", 15, TimeWorkingDays, true},
		{"1,3 ngày làm việc", 0, "", false}, // 10,4 hours
		{"2,5 giờ làm việc", 0, "", false},
		{"1/0 ngày", 0, "", false},
		{"0 ngày", 0, "", false},
		{"0,0 ngày", 0, "", false},
		{"ngày làm việc", 0, "", false},
		{"15 tuần", 0, "", false},
		{"2000 ngày", 0, "", false},
		{"không quy định", 0, "", false},
		{"", 0, "", false},
	} {
		n, u, err := ParseTime(c.in)
		if n != c.n || u != c.unit || (err == nil) != c.ok {
			t.Errorf("ParseTime(%q) = %d %q %v", c.in, n, u, err)
		}
		if err != nil && !strings.Contains(err.Error(), "thời hạn giải quyết") {
			t.Errorf("ParseTime(%q): message %q does not say what is wrong", c.in, err)
		}
	}
}

func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"15 ngày làm việc", "1,5 ngày", "½ ngày", "1½", "1/0", "Trong ngày", "９９９９９９,９９９９９９ ngày"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, u, err := ParseTime(s)
		if err != nil {
			return
		}
		if n <= 0 || n > 8000 || TimeUnitLabel(u) == u {
			t.Fatalf("ParseTime(%q) = %d %q", s, n, u)
		}
	})
}

func TestParseLevel(t *testing.T) {
	for in, want := range map[string]string{"Toàn trình": LevelFull, "DVC trực tuyến một phần": LevelPartial, "Mức độ 4": LevelFull, "mức độ 3": LevelPartial,
		"Mức độ 2": LevelNone, "": LevelNone, "Không": LevelNone, "full": LevelFull} {
		if got, ok := ParseLevel(in); !ok || got != want {
			t.Errorf("ParseLevel(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	if _, ok := ParseLevel("cao"); ok {
		t.Error("nonsense level accepted")
	}
}

func TestParseComponents(t *testing.T) {
	cs := ParseComponents("- Tờ khai đăng ký khai sinh\n\n+ Giấy chứng sinh 02 bản\n3. Văn bản ủy quyền (nếu có)\na) Bản sao CCCD")
	if len(cs) != 4 || cs[0].Name != "Tờ khai đăng ký khai sinh" || !cs[0].Required || cs[1].Copies != 2 || cs[2].Required || cs[2].Name != "Văn bản ủy quyền (nếu có)" || cs[3].Name != "Bản sao CCCD" {
		t.Fatalf("%+v", cs)
	}
}

func TestUnitValidationAndTree(t *testing.T) {
	units := []Unit{
		{ID: 1, Code: "TNB", Name: "Tỉnh", Kind: KindProvince},
		{ID: 2, ParentID: 1, Code: "STP", Name: "Sở Tư pháp", Kind: KindDepartment, Position: 2},
		{ID: 3, ParentID: 1, Code: "XHA", Name: "Xã Hòa An", Kind: KindCommune, Position: 1},
		{ID: 4, ParentID: 3, Code: "THON", Name: "Thôn 1", Kind: KindAgency},
	}
	tree := Tree(units)
	var got []string
	for _, u := range tree {
		got = append(got, strings.Repeat("-", u.Depth)+u.Code)
	}
	if strings.Join(got, " ") != "TNB -XHA --THON -STP" {
		t.Fatalf("tree: %v", got)
	}
	ok := Unit{ID: 3, ParentID: 1, Code: "XHA", Name: "Xã Hòa An", Kind: KindCommune}
	if e := ValidateUnit(ok, units); len(e) != 0 {
		t.Fatalf("valid unit refused: %v", e)
	}
	for name, c := range map[string]struct {
		u     Unit
		field string
	}{
		"lower":   {Unit{Code: "ab", Name: "x", Kind: KindAgency}, "code"},
		"short":   {Unit{Code: "A", Name: "x", Kind: KindAgency}, "code"},
		"dash":    {Unit{Code: "A-B", Name: "x", Kind: KindAgency}, "code"},
		"taken":   {Unit{Code: "STP", Name: "x", Kind: KindAgency}, "code"},
		"noname":  {Unit{Code: "AB", Kind: KindAgency}, "name"},
		"kind":    {Unit{Code: "AB", Name: "x", Kind: "tỉnh"}, "kind"},
		"cycle":   {Unit{ID: 1, Code: "TNB", Name: "Tỉnh", Kind: KindProvince, ParentID: 4}, "parent"},
		"self":    {Unit{ID: 3, Code: "XHA", Name: "x", Kind: KindCommune, ParentID: 3}, "parent"},
		"missing": {Unit{Code: "AB", Name: "x", Kind: KindAgency, ParentID: 99}, "parent"},
		"dates": {Unit{Code: "AB", Name: "x", Kind: KindAgency, ValidFrom: time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC),
			ValidTo: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)}, "valid_to"},
		"email": {Unit{Code: "AB", Name: "x", Kind: KindAgency, Email: "khong hop le"}, "email"},
	} {
		if e := ValidateUnit(c.u, units); e[c.field] == "" {
			t.Errorf("%s: no error on %s: %v", name, c.field, e)
		}
	}
	former := Unit{ValidTo: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)}
	if !former.Former() || former.Selectable(time.Now()) {
		t.Error("a dissolved unit is selectable")
	}
	future := Unit{ValidFrom: time.Now().AddDate(0, 1, 0)}
	if future.Selectable(time.Now()) || !future.Selectable(time.Now().AddDate(0, 2, 0)) {
		t.Error("valid_from not honoured")
	}
}

func TestValidateProcedure(t *testing.T) {
	units := []Unit{{ID: 1, Name: "Xã", Code: "XA"}, {ID: 2, Name: "Huyện cũ", Code: "HC", ValidTo: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)}}
	p := Procedure{Code: "1.001193", Name: "Đăng ký khai sinh", Level: LevelFull, TimeAmount: 1, TimeUnit: TimeWorkingDays, Units: []Unit{{ID: 1}},
		Components: []Component{{Name: "Tờ khai", Copies: 1}}}
	if e := ValidateProcedure(p, units); len(e) != 0 {
		t.Fatal(e)
	}
	bad := p
	bad.Code, bad.TimeAmount, bad.Level, bad.Units = "mã có dấu", 0, "4", []Unit{{ID: 2}}
	bad.Components = []Component{{Name: "", Copies: 0}}
	e := ValidateProcedure(bad, units)
	for _, f := range []string{"code", "time_amount", "level", "units", "c1_name", "c1_copies"} {
		if e[f] == "" {
			t.Errorf("no error for %s: %v", f, e)
		}
	}
}

func TestParseTableFixture(t *testing.T) {
	data, err := os.ReadFile("testdata/thu-tuc.csv")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := ReadTable(data)
	if err != nil {
		t.Fatal(err)
	}
	recs, errs := ParseTable(rows)
	if len(errs) != 0 || len(recs) != 2 {
		t.Fatalf("%v %+v", errs, recs)
	}
	ks := recs[0]
	if ks.Row != 2 || ks.Procedure.Name != "Đăng ký khai sinh" || len(ks.Procedure.Components) != 3 || ks.Procedure.Components[2].Required ||
		ks.Procedure.Fees != "Miễn lệ phí" || !strings.Contains(ks.Procedure.Steps, "\n") || ks.UnitRefs[0] != "XHA" || recs[1].Row != 4 {
		t.Fatalf("%+v", recs)
	}
	if _, err := ReadXLSX([]byte("PK\x03\x04 rác")); err == nil {
		t.Error("broken zip accepted")
	}
	if _, err := ReadCSV([]byte("M\xe3 th\xf9 t\xfac;T\xean\n")); err == nil || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("windows-1258 CSV: %v", err)
	}
}

func TestSearchPatterns(t *testing.T) {
	p := Procedure{Code: "1.001193", Name: "Đăng ký khai sinh (UBND cấp xã)", Field: "Hộ tịch"}
	st := SearchText(p)
	if !strings.HasPrefix(st, " ") || !strings.Contains(st, " dang ky khai sinh ") || !strings.Contains(st, "uy ban nhan dan") {
		t.Fatalf("%q", st)
	}
}

func TestResolveUnits(t *testing.T) {
	units := []Unit{{ID: 1, Code: "XHA", Name: "UBND xã Hòa An"}, {ID: 2, Code: "HC", Name: "UBND huyện Cũ", ValidTo: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)}}
	got, msg := ResolveUnits([]string{"Ủy ban nhân dân xã Hoà An", "xha"}, units)
	if msg != "" || len(got) != 1 || got[0].ID != 1 {
		t.Fatalf("%v %q", got, msg)
	}
	if _, msg := ResolveUnits([]string{"HC"}, units); !strings.Contains(msg, "đã giải thể") {
		t.Errorf("former unit: %q", msg)
	}
	if _, msg := ResolveUnits([]string{"Sở Không Có"}, units); !strings.Contains(msg, "không tìm thấy") {
		t.Errorf("unknown unit: %q", msg)
	}
}
