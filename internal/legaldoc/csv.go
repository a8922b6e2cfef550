package legaldoc

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/congportal/cong/internal/viet"
)

// ErrDuplicate is what a store's duplicate-number error matches
// (errors.Is), so the importer can say which row repeats a number.
var ErrDuplicate = errors.New("số ký hiệu đã có cho cùng cơ quan ban hành và năm ban hành")

// Saver stores one document (a store transaction).
type Saver interface {
	SaveDocument(ctx context.Context, d *Document, add []File) error
}

// RowError is one problem of an import, by spreadsheet row (the header is
// row 1, as in Excel).
type RowError struct {
	Row int
	Msg string
}

// ImportError lists every problem found; nothing was imported.
type ImportError []RowError

func (e ImportError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Không nhập được tệp: %d lỗi, chưa có văn bản nào được lưu.", len(e))
	for i, r := range e {
		if i == 20 {
			fmt.Fprintf(&b, "\n… và %d lỗi khác.", len(e)-20)
			break
		}
		if r.Row > 0 {
			fmt.Fprintf(&b, "\nDòng %d: %s", r.Row, r.Msg)
		} else {
			fmt.Fprintf(&b, "\n%s", r.Msg)
		}
	}
	return b.String()
}

// The columns an import file has, by their folded header names.
var csvColumns = map[string]string{
	"so ky hieu": "number", "so hieu": "number", "number": "number",
	"loai van ban": "type", "loai": "type", "type": "type",
	"co quan ban hanh": "issuer", "co quan": "issuer", "issuer": "issuer",
	"nguoi ky": "signer", "signer": "signer",
	"linh vuc": "field", "field": "field",
	"trich yeu": "abstract", "abstract": "abstract",
	"ngay ban hanh": "issue_date", "issue date": "issue_date", "issue_date": "issue_date",
	"ngay co hieu luc": "effective_date", "ngay hieu luc": "effective_date", "effective_date": "effective_date",
	"ngay het hieu luc": "expiry_date", "expiry_date": "expiry_date",
}

var fieldLabels = map[string]string{"number": "Số ký hiệu", "type": "Loại văn bản", "issuer": "Cơ quan ban hành", "signer": "Người ký",
	"field": "Lĩnh vực", "abstract": "Trích yếu", "issue_date": "Ngày ban hành", "effective_date": "Ngày có hiệu lực", "expiry_date": "Ngày hết hiệu lực", "replaced_by": "Văn bản thay thế"}

// MaxImportRows bounds one import.
const MaxImportRows = 5000

// ImportCSV reads documents from a CSV file (UTF-8, with or without BOM,
// comma or semicolon separated as Excel writes them; first row = column
// names) and saves each with status through save. It checks every row and
// returns an ImportError listing all problems; the caller runs it in one
// transaction and rolls back on any error, so a file is imported whole or
// not at all.
func ImportCSV(ctx context.Context, r io.Reader, siteID, authorID int64, status string, save Saver) (int, error) {
	br := bufio.NewReader(r)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	first, _ := br.Peek(4096)
	line := string(first)
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	cr := csv.NewReader(br)
	if strings.Count(line, ";") > strings.Count(line, ",") {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return 0, ImportError{{Msg: "Tệp rỗng hoặc không phải CSV."}}
	}
	col := map[string]int{}
	for i, h := range header {
		name := strings.Join(strings.Fields(strings.NewReplacer("_", " ", "-", " ").Replace(viet.Fold(strings.TrimSpace(h)))), " ")
		if f, ok := csvColumns[name]; ok {
			col[f] = i
		}
	}
	var errs ImportError
	for _, need := range []string{"number", "type", "issuer", "abstract", "issue_date"} {
		if _, ok := col[need]; !ok {
			errs = append(errs, RowError{Row: 1, Msg: "thiếu cột “" + fieldLabels[need] + "”."})
		}
	}
	if len(errs) > 0 {
		return 0, errs
	}
	n := 0
	for row := 2; ; row++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, RowError{Row: row, Msg: "không đọc được dòng (dấu ngoặc kép không khớp?)."})
			break
		}
		get := func(f string) string {
			if i, ok := col[f]; ok && i < len(rec) {
				return rec[i]
			}
			return ""
		}
		if strings.TrimSpace(strings.Join(rec, "")) == "" {
			continue
		}
		if n >= MaxImportRows {
			errs = append(errs, RowError{Row: row, Msg: fmt.Sprintf("tệp quá dài: tối đa %d văn bản mỗi lần nhập.", MaxImportRows)})
			break
		}
		d := &Document{SiteID: siteID, AuthorID: authorID, Status: status}
		if err := Apply(d, Draft{Number: get("number"), Type: normaliseType(get("type")), Issuer: get("issuer"), Signer: get("signer"),
			Field: get("field"), Abstract: get("abstract"), IssueDate: get("issue_date"), EffectiveDate: get("effective_date"), ExpiryDate: get("expiry_date")}); err != nil {
			var v ValidationError
			if errors.As(err, &v) {
				for _, k := range fieldOrder {
					if m, ok := v[k]; ok {
						errs = append(errs, RowError{Row: row, Msg: m})
					}
				}
				continue
			}
			return 0, err
		}
		if err := save.SaveDocument(ctx, d, nil); err != nil {
			if errors.Is(err, ErrDuplicate) {
				errs = append(errs, RowError{Row: row, Msg: "số ký hiệu " + d.Number + " của " + d.Issuer + " năm " + d.IssueDate[:4] + " đã có (trong thư viện hoặc ở dòng trước)."})
				continue
			}
			return 0, err
		}
		n++
	}
	if len(errs) > 0 {
		return 0, errs
	}
	if n == 0 {
		return 0, ImportError{{Msg: "Tệp không có dòng văn bản nào."}}
	}
	return n, nil
}

// normaliseType accepts a type typed without accents or in another case
// ("nghi quyet", "NGHỊ QUYẾT").
func normaliseType(s string) string {
	f := viet.Fold(strings.TrimSpace(s))
	for _, t := range Types {
		if viet.Fold(t) == f {
			return t
		}
	}
	return s
}
