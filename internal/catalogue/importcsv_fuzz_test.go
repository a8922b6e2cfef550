package catalogue

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/congportal/cong/internal/viet"
)

// FuzzImportCSV: a procedures file is read into records or refused with
// row-numbered reasons, never a panic; every record has a unique code, a
// name, a slug of its name, a known level and a positive time, and every
// reason points at a row of the file.
func FuzzImportCSV(f *testing.F) {
	b, err := os.ReadFile("testdata/thu-tuc.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte("Mã thủ tục;Tên thủ tục;Cơ quan thực hiện;Mức độ;Thời hạn giải quyết\n1.1;Cấp phép;XHA;mức độ 4;15 ngày làm việc\n1.1;Trùng;XHA;3;03 ngày\n;;;;\n;tiếp;;;\n"))
	f.Add([]byte("ma thu tuc\tten thu tuc\tco quan thuc hien\tthoi han\n2\tx\ty\t0 giờ\n"))
	f.Add([]byte("\xff\xfe"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := ReadCSV(data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		recs, errs := ParseTable(rows)
		for _, e := range errs {
			if e.Row < 1 || e.Row > len(rows)+1 || e.Msg == "" || !utf8.ValidString(e.Msg) {
				t.Fatalf("row error %+v of %d rows", e, len(rows))
			}
		}
		codes := map[string]bool{}
		for _, r := range recs {
			p := r.Procedure
			if r.Row < 2 || r.Row > len(rows) {
				t.Fatalf("record row %d of %d", r.Row, len(rows))
			}
			if p.Code == "" || p.Name == "" || codes[p.Code] || p.Slug != viet.Slug(p.Name) {
				t.Fatalf("record %+v", p)
			}
			codes[p.Code] = true
			if _, ok := map[string]bool{LevelNone: true, LevelFull: true, LevelPartial: true}[p.Level]; !ok {
				t.Fatalf("level %q", p.Level)
			}
			if p.TimeAmount <= 0 || p.TimeAmount > 1000 || p.TimeUnit == "" {
				t.Fatalf("time %d %q", p.TimeAmount, p.TimeUnit)
			}
			if len(r.UnitRefs) == 0 {
				t.Fatal("record without units")
			}
			for _, c := range p.Components {
				if strings.TrimSpace(c.Name) == "" || c.Copies < 0 {
					t.Fatalf("component %+v", c)
				}
			}
		}
	})
}
