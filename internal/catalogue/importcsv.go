package catalogue

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/congportal/cong/internal/viet"
)

// ImportRecord is one procedure read from an import file. UnitRefs are the
// competent units as written (codes or names), resolved against the site's
// units by ResolveUnits.
type ImportRecord struct {
	Row       int
	Procedure Procedure
	UnitRefs  []string
}

// RowError is a problem with one row of an import file, numbered as the
// spreadsheet numbers it.
type RowError struct {
	Row int
	Msg string
}

func (e RowError) Error() string {
	if e.Row == 0 {
		return e.Msg // about the whole file
	}
	return "Dòng " + strconv.Itoa(e.Row) + ": " + e.Msg
}

// ImportErrors is every problem found in a file; nothing is imported when
// there is one.
type ImportErrors []RowError

func (e ImportErrors) Error() string {
	var b strings.Builder
	for i, x := range e {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(x.Error())
	}
	return b.String()
}

// ReadTable reads an import file: XLSX when the bytes are a zip, otherwise
// CSV (UTF-8, with or without BOM; separator ';', ',' or tab, whichever the
// header line uses most).
func ReadTable(data []byte) ([][]string, error) {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return ReadXLSX(data)
	}
	return ReadCSV(data)
}

// ReadCSV reads a CSV file as saved by Excel or LibreOffice.
func ReadCSV(data []byte) ([][]string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return nil, errors.New("tệp CSV phải dùng bảng mã UTF-8 (trong Excel: Lưu thành “CSV UTF-8”)")
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	sep := ';'
	best := bytes.Count(first, []byte(";"))
	for _, c := range []rune{',', '\t'} {
		if n := bytes.Count(first, []byte(string(c))); n > best {
			sep, best = c, n
		}
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = sep
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var out [][]string
	for {
		rec, err := r.Read()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return out, nil
			}
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("tệp CSV lỗi ở dòng %d: %v", pe.Line, pe.Err)
			}
			return nil, err
		}
		if len(out) >= MaxImportRow {
			return nil, fmt.Errorf("tệp có quá nhiều dòng (tối đa %d)", MaxImportRow)
		}
		// Multi-line cells make the reader's count differ from lines in a
		// text editor but not from rows in a spreadsheet, which is what
		// officials look at.
		out = append(out, rec)
	}
}

// Import columns, matched against folded headers.
const (
	colCode = iota
	colName
	colField
	colUnits
	colLevel
	colTime
	colFees
	colComponents
	colSteps
	colLegal
	colResult
	colApplicant
	colConditions
	numCols
)

// headerNames are folded header texts per column, most specific first;
// a header matches when it starts with one of them.
var headerNames = [numCols][]string{
	colCode:       {"ma thu tuc", "ma tthc", "ma so", "ma"},
	colName:       {"ten thu tuc", "ten tthc", "ten"},
	colField:      {"linh vuc"},
	colUnits:      {"co quan thuc hien", "co quan giai quyet", "don vi thuc hien", "co quan"},
	colLevel:      {"muc do", "dich vu cong truc tuyen"},
	colTime:       {"thoi han giai quyet", "thoi han", "thoi gian giai quyet"},
	colFees:       {"phi le phi", "phi", "le phi"},
	colComponents: {"thanh phan ho so", "ho so gom", "thanh phan"},
	colSteps:      {"trinh tu thuc hien", "trinh tu", "cach thuc thuc hien"},
	colLegal:      {"can cu phap ly", "can cu"},
	colResult:     {"ket qua"},
	colApplicant:  {"doi tuong thuc hien", "doi tuong"},
	colConditions: {"yeu cau dieu kien", "yeu cau", "dieu kien"},
}

func foldHeader(s string) string {
	f := viet.Fold(s)
	f = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return ' '
	}, f)
	return strings.Join(strings.Fields(f), " ")
}

// findHeader looks for the header row in the first rows (files often have a
// title above the table) and maps columns; it needs at least the code and
// name columns.
func findHeader(rows [][]string) (int, [numCols]int, bool) {
	var cols [numCols]int
	for hi := 0; hi < len(rows) && hi < 15; hi++ {
		for i := range cols {
			cols[i] = -1
		}
		for ci, cell := range rows[hi] {
			h := foldHeader(cell)
			if h == "" || h == "stt" || h == "tt" {
				continue
			}
			for col, names := range headerNames {
				if cols[col] >= 0 {
					continue
				}
				matched := false
				for _, n := range names {
					if h == n || strings.HasPrefix(h, n+" ") {
						matched = true
						break
					}
				}
				if matched {
					cols[col] = ci
					break
				}
			}
		}
		if cols[colCode] >= 0 && cols[colName] >= 0 {
			return hi, cols, true
		}
	}
	return 0, cols, false
}

// ParseTable turns the rows of an import file into procedures. Blank rows
// are skipped; a row without code and name continues the procedure above
// (how merged cells come out of a spreadsheet), its cells appended as new
// lines. Every problem is returned, with its row number.
func ParseTable(rows [][]string) ([]ImportRecord, ImportErrors) {
	hi, cols, ok := findHeader(rows)
	if !ok {
		return nil, ImportErrors{{Row: 1, Msg: "không tìm thấy dòng tiêu đề có cột “Mã thủ tục” và “Tên thủ tục”."}}
	}
	var out []ImportRecord
	var errs ImportErrors
	seen := map[string]int{}
	cell := func(row []string, col int) string {
		if cols[col] < 0 || cols[col] >= len(row) {
			return ""
		}
		return strings.TrimSpace(viet.NFC(strings.ReplaceAll(row[cols[col]], "\r\n", "\n")))
	}
	for i := hi + 1; i < len(rows); i++ {
		rowNum := i + 1
		row := rows[i]
		blank := true
		for _, c := range row {
			if strings.TrimSpace(c) != "" {
				blank = false
				break
			}
		}
		if blank {
			continue
		}
		code, name := cell(row, colCode), cell(row, colName)
		if code == "" && name == "" {
			if len(out) == 0 {
				errs = append(errs, RowError{rowNum, "thiếu mã thủ tục và tên thủ tục."})
				continue
			}
			continueRecord(&out[len(out)-1], row, cell)
			continue
		}
		if code == "" {
			errs = append(errs, RowError{rowNum, "thiếu mã thủ tục."})
			continue
		}
		if name == "" {
			errs = append(errs, RowError{rowNum, "thiếu tên thủ tục."})
			continue
		}
		if prev, dup := seen[code]; dup {
			errs = append(errs, RowError{rowNum, "mã thủ tục " + code + " trùng với dòng " + strconv.Itoa(prev) + "."})
			continue
		}
		seen[code] = rowNum
		p := Procedure{Code: code, Name: name, Field: cell(row, colField), Fees: cell(row, colFees), Steps: cell(row, colSteps),
			LegalBasis: cell(row, colLegal), Result: cell(row, colResult), Applicant: cell(row, colApplicant), Conditions: cell(row, colConditions), Published: true}
		p.Slug = viet.Slug(p.Name)
		var ok bool
		if p.Level, ok = ParseLevel(cell(row, colLevel)); !ok {
			errs = append(errs, RowError{rowNum, "mức độ “" + cell(row, colLevel) + "” không hợp lệ (dùng: Toàn trình, Một phần hoặc Không)."})
			continue
		}
		var terr error
		if p.TimeAmount, p.TimeUnit, terr = ParseTime(cell(row, colTime)); terr != nil {
			msg := terr.Error()
			if !strings.HasSuffix(msg, ".") {
				msg += "."
			}
			errs = append(errs, RowError{rowNum, msg})
			continue
		}
		p.Components = ParseComponents(cell(row, colComponents))
		rec := ImportRecord{Row: rowNum, Procedure: p, UnitRefs: splitRefs(cell(row, colUnits))}
		if len(rec.UnitRefs) == 0 {
			errs = append(errs, RowError{rowNum, "thiếu cơ quan thực hiện."})
			continue
		}
		out = append(out, rec)
	}
	// Fees are read once every continuation row has joined its text.
	for i := range out {
		out[i].Procedure.FeeItems = ParseFees(out[i].Procedure.Fees)
	}
	return out, errs
}

func continueRecord(rec *ImportRecord, row []string, cell func([]string, int) string) {
	p := &rec.Procedure
	join := func(dst *string, v string) {
		if v == "" {
			return
		}
		if *dst != "" {
			*dst += "\n"
		}
		*dst += v
	}
	join(&p.Fees, cell(row, colFees))
	join(&p.Steps, cell(row, colSteps))
	join(&p.LegalBasis, cell(row, colLegal))
	join(&p.Result, cell(row, colResult))
	join(&p.Applicant, cell(row, colApplicant))
	join(&p.Conditions, cell(row, colConditions))
	p.Components = append(p.Components, ParseComponents(cell(row, colComponents))...)
	rec.UnitRefs = append(rec.UnitRefs, splitRefs(cell(row, colUnits))...)
}

func splitRefs(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == ';' }) {
		part = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(part), "-+•*"))
		if part != "" {
			out = append(out, part)
		}
	}
	return out
}

// ParseLevel reads an online level as officials write it, including the
// old four-level scale (mức độ 4 = toàn trình, 3 = một phần). Empty means
// not online.
func ParseLevel(s string) (string, bool) {
	f := foldHeader(s)
	switch {
	case f == "" || f == "none" || strings.Contains(f, "khong") || strings.Contains(f, "truc tiep") || f == "1" || f == "2" || strings.HasSuffix(f, "muc do 2") || strings.HasSuffix(f, "muc do 1"):
		return LevelNone, true
	case f == "full" || strings.Contains(f, "toan trinh") || f == "4" || strings.HasSuffix(f, "muc do 4"):
		return LevelFull, true
	case f == "partial" || strings.Contains(f, "mot phan") || f == "3" || strings.HasSuffix(f, "muc do 3"):
		return LevelPartial, true
	}
	return "", false
}

// timeNumberRE finds the first amount of a processing time: a whole
// number, a decimal with a comma (Vietnamese) or a point, or a fraction.
var timeNumberRE = regexp.MustCompile(`(\d{1,6})(?:\s*[/⁄]\s*(\d{1,6})|[.,](\d{1,6}))?`)

// vulgarFractions are the fraction characters catalogues use ("½ ngày").
var vulgarFractions = map[rune]string{'½': "1/2", '¼': "1/4", '¾': "3/4"}

// ParseTime reads a processing time such as "15 ngày làm việc", "03 ngày",
// "08 giờ làm việc", "1,5 ngày làm việc" or "Trong ngày". A fractional
// number of days becomes working hours (a day is 8 working hours, so "1,5
// ngày" is 12 hours and "½ ngày" 4); "trong ngày" is the same-day kind.
// What it cannot read exactly is an error in Vietnamese, never a rounded
// value: a deadline silently cut from 1,5 days to 1 would make the desk
// late by its own catalogue.
func ParseTime(s string) (int, string, error) {
	raw := strings.TrimSpace(s)
	if raw == "" {
		return 0, "", errors.New("thiếu thời hạn giải quyết")
	}
	bad := func(why string) error {
		return errors.New("thời hạn giải quyết “" + raw + "” " + why)
	}
	f := foldHeader(raw)
	// A number in a same-day text is its cut-off hour ("trong ngày; nhận
	// sau 15 giờ thì trả ngày làm việc tiếp theo"), not its amount.
	if i := strings.Index(f, "trong ngay"); i >= 0 && !strings.ContainsAny(f[:i], "0123456789") {
		return 1, TimeSameDay, nil
	}
	// Fractions and full-width digits to ASCII, keeping "1½" as 1 + 1/2.
	var b strings.Builder
	prevDigit := false
	for _, r := range raw {
		if fr, ok := vulgarFractions[r]; ok {
			if prevDigit {
				b.WriteString("+" + fr)
			} else {
				b.WriteString(fr)
			}
			prevDigit = false
			continue
		}
		if r >= '０' && r <= '９' {
			r = '0' + (r - '０')
		}
		b.WriteRune(r)
		prevDigit = r >= '0' && r <= '9'
	}
	text := b.String()
	m := timeNumberRE.FindStringSubmatchIndex(text)
	if m == nil {
		return 0, "", bad("không có số ngày hoặc số giờ (ví dụ: 15 ngày làm việc, 1,5 ngày làm việc, 08 giờ làm việc, Trong ngày).")
	}
	// The amount as num/den.
	whole, _ := strconv.Atoi(text[m[2]:m[3]])
	num, den := whole, 1
	switch {
	case m[4] >= 0: // p/q
		q, _ := strconv.Atoi(text[m[4]:m[5]])
		if q == 0 {
			return 0, "", bad("có phân số không hợp lệ.")
		}
		num, den = whole, q
	case m[6] >= 0: // decimal
		frac := text[m[6]:m[7]]
		den = 1
		for range frac {
			den *= 10
		}
		fv, _ := strconv.Atoi(frac)
		num = whole*den + fv
	}
	// "1+1/2" from "1½".
	if rest := text[m[1]:]; strings.HasPrefix(rest, "+") {
		if mm := timeNumberRE.FindStringSubmatch(rest[1:]); mm != nil && mm[2] != "" && strings.HasPrefix(rest[1:], mm[0]) {
			p, _ := strconv.Atoi(mm[1])
			q, _ := strconv.Atoi(mm[2])
			if q == 0 {
				return 0, "", bad("có phân số không hợp lệ.")
			}
			num, den = whole*q+p, q
		}
	}
	if num <= 0 {
		return 0, "", bad("phải lớn hơn 0.")
	}
	unit := ""
	switch {
	case strings.Contains(f, "gio"):
		unit = TimeWorkingHours
	case strings.Contains(f, "ngay lam viec"):
		unit = TimeWorkingDays
	case strings.Contains(f, "ngay"):
		unit = TimeDays
	case strings.TrimSpace(strings.Trim(text, "0123456789.,/⁄+ ")) == "":
		unit = TimeWorkingDays // a bare number: the law's default unit
	default:
		return 0, "", bad("không rõ đơn vị (ngày làm việc, ngày hoặc giờ làm việc).")
	}
	if num%den == 0 {
		n := num / den
		if n > 1000 {
			return 0, "", bad("quá dài (tối đa 1000).")
		}
		return n, unit, nil
	}
	if unit == TimeWorkingHours {
		return 0, "", bad("không phải số giờ nguyên; hãy ghi theo giờ hoặc phút làm tròn lên trong tệp.")
	}
	// A part of a day counts in working hours (8 a day), whether the text
	// says working days or days: half a calendar day cannot be counted as
	// the Civil Code counts days.
	if (num*8)%den != 0 {
		return 0, "", bad("không đổi được thành số giờ làm việc nguyên (1 ngày = 8 giờ), ví dụ dùng 1,5 hoặc 0,25 ngày.")
	}
	h := num * 8 / den
	if h > 8000 {
		return 0, "", bad("quá dài (tối đa 1000 ngày).")
	}
	return h, TimeWorkingHours, nil
}

var (
	bulletRE = regexp.MustCompile(`^(?:[-+•*–]\s*|\d{1,2}[.)]\s+|[a-zđ][.)]\s+)`)
	copiesRE = regexp.MustCompile(`(?i)(\d{1,2})\s*b[ảa]n\b`)
)

// ParseComponents reads the "Thành phần hồ sơ" cell: one document per line,
// bullets and numbering dropped. "(nếu có)" marks an optional document and
// "02 bản" a number of copies.
func ParseComponents(s string) []Component {
	var out []Component
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		for {
			l := bulletRE.ReplaceAllString(line, "")
			if l == line {
				break
			}
			line = strings.TrimSpace(l)
		}
		if line == "" {
			continue
		}
		c := Component{Name: line, Required: true, Copies: 1}
		if strings.Contains(viet.Fold(line), "neu co") {
			c.Required = false
		}
		if m := copiesRE.FindStringSubmatch(line); m != nil {
			if n, err := strconv.Atoi(m[1]); err == nil && n >= 1 && n <= 20 {
				c.Copies = n
			}
		}
		if utf8.RuneCountInString(c.Name) > 500 {
			c.Name = string([]rune(c.Name)[:500])
		}
		out = append(out, c)
	}
	return out
}

// ResolveUnits finds each reference among the site's current units, by code
// or by name (accents and case ignored).
func ResolveUnits(refs []string, units []Unit) ([]Unit, string) {
	var out []Unit
	seen := map[int64]bool{}
	for _, ref := range refs {
		var found *Unit
		code := NormalizeUnitCode(ref)
		fr := unitKey(ref)
		for i := range units {
			if units[i].Code == code || unitKey(units[i].Name) == fr {
				found = &units[i]
				break
			}
		}
		if found == nil {
			return nil, "không tìm thấy cơ quan thực hiện “" + ref + "” trong danh sách đơn vị."
		}
		if found.Former() {
			return nil, "cơ quan thực hiện “" + found.Name + "” đã giải thể/sáp nhập."
		}
		if !seen[found.ID] {
			seen[found.ID] = true
			out = append(out, *found)
		}
	}
	return out, ""
}

// unitKey compares unit names as officials write them: accents, case and
// punctuation ignored, and "Ủy ban nhân dân" the same as "UBND".
func unitKey(s string) string {
	return strings.ReplaceAll(foldHeader(s), "uy ban nhan dan", "ubnd")
}
