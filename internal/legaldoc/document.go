// Package legaldoc is the legal documents library (văn bản) without HTTP or
// storage: what a document is, the rules its fields follow, the search key
// of a number and symbol (số ký hiệu), the editorial workflow (the same as
// articles'), CSV import, and the recogniser that finds citations of
// documents in article text.
package legaldoc

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/viet"
)

// Types are the document types offered in forms, in menu order. Other
// values are refused so that the public filter stays a short list.
var Types = []string{
	"Luật", "Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị", "Thông tư",
	"Kết luận", "Kế hoạch", "Công văn", "Thông báo", "Hướng dẫn", "Quy định", "Báo cáo", "Văn bản khác",
}

// Document is one legal or administrative document.
type Document struct {
	ID       int64
	SiteID   int64
	Number   string // số ký hiệu as written: "03-NQ/TU", "766/QĐ-TTg"
	Key      string // Key(Number): what searches and citations match on
	Type     string
	Issuer   string // cơ quan ban hành
	Signer   string
	Field    string // lĩnh vực
	Abstract string // trích yếu
	// Dates are calendar days "YYYY-MM-DD" (no time, no zone); "" = not known.
	IssueDate, EffectiveDate, ExpiryDate string
	ReplacedByID                         int64
	ReplacedBy                           *Ref // filled when loaded

	Status        string // news.Status*: same workflow as articles
	AuthorID      int64
	ReviewComment string
	Version       int
	PublishedAt   time.Time
	CreatedAt     time.Time
	UpdatedAt     time.Time

	Files []File
}

// Ref is a short reference to another document.
type Ref struct {
	ID     int64
	Number string
	Type   string
	Slug   string
	Public bool // published: the public pages may link to it
}

// File is an attached file. Data is only loaded to serve it.
type File struct {
	ID         int64
	DocumentID int64
	Name       string // the name it downloads as
	Mime       string
	Ext        string
	Size       int64
	Data       []byte
}

// Title is how a document is named in lists: "Nghị quyết số 03-NQ/TU".
func (d Document) Title() string { return d.Type + " số " + d.Number }

// Slug is the readable part of the document's URL.
func (d Document) Slug() string {
	s := viet.Slug(d.Type + " " + d.Number)
	if s == "" {
		return "van-ban"
	}
	return s
}

// Path is the public URL path of the document.
func (d Document) Path() string { return fmt.Sprintf("/van-ban/%d-%s", d.ID, d.Slug()) }

// Path of a reference.
func (r Ref) Path() string { return fmt.Sprintf("/van-ban/%d-%s", r.ID, r.Slug) }

// Year is the issue year, 0 when the issue date is unknown.
func (d Document) Year() int {
	if len(d.IssueDate) >= 4 {
		var y int
		fmt.Sscanf(d.IssueDate[:4], "%d", &y)
		return y
	}
	return 0
}

// PDF returns the first attached PDF (the preview and "Tải PDF"), or nil.
func (d Document) PDF() *File {
	for i := range d.Files {
		if d.Files[i].Ext == "pdf" {
			return &d.Files[i]
		}
	}
	return nil
}

// Validity of a document on a day.
const (
	ValidInForce  = "con-hieu-luc"
	ValidExpired  = "het-hieu-luc"
	ValidNotYet   = "chua-hieu-luc"
	ValidReplaced = "bi-thay-the"
)

// Validity says whether the document is in force on day ("YYYY-MM-DD").
// A replaced document is no longer in force, whatever its dates say.
func (d Document) Validity(day string) string {
	switch {
	case d.ReplacedByID != 0:
		return ValidReplaced
	case d.ExpiryDate != "" && d.ExpiryDate <= day:
		return ValidExpired
	case d.EffectiveDate != "" && d.EffectiveDate > day:
		return ValidNotYet
	}
	return ValidInForce
}

// ValidityName is the Vietnamese label of a validity code.
func ValidityName(v string) string {
	switch v {
	case ValidInForce:
		return "Còn hiệu lực"
	case ValidExpired:
		return "Hết hiệu lực"
	case ValidNotYet:
		return "Chưa có hiệu lực"
	case ValidReplaced:
		return "Bị thay thế"
	}
	return v
}

// Key normalises a number and symbol for search and matching: accents and
// case dropped (Đ→d), and every character that is not a letter or digit
// removed, so "03-NQ/TU", "03 NQ TU", "03–nq/tu" and "03nqtu" are one key.
func Key(s string) string {
	var b strings.Builder
	for _, r := range viet.Fold(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// SearchWords splits text into folded words of letters and digits: the
// indexed text of a document and the words of a query are both made this
// way, so punctuation never decides a match.
func SearchWords(s string) []string {
	return strings.FieldsFunc(viet.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// SearchText is what a document's free-text search looks in: its words,
// plus the long form of each government abbreviation it uses and the
// abbreviation of each long form, through viet.IndexText as article search
// indexes them, so "UBND" finds "Ủy ban nhân dân" and back.
func (d Document) SearchText() string {
	return " " + strings.Join(SearchWords(viet.IndexText(d.Type+" "+d.Number+" "+d.Issuer+" "+d.Signer+" "+d.Field+" "+d.Abstract)), " ") + " "
}

// Draft is what staff can set on a document.
type Draft struct {
	Number, Type, Issuer, Signer, Field, Abstract string
	IssueDate, EffectiveDate, ExpiryDate          string // as typed: dd/mm/yyyy or yyyy-mm-dd
	ReplacedByID                                  int64
}

// Limits keep one field from filling a page or the database.
const (
	MaxNumber   = 60
	MaxShort    = 200
	MaxAbstract = 2000
)

// ValidationError lists per-field problems, in Vietnamese. Keys are the
// form and API field names.
type ValidationError map[string]string

var fieldOrder = []string{"number", "type", "issuer", "signer", "field", "abstract", "issue_date", "effective_date", "expiry_date", "replaced_by", "file", "comment"}

func (v ValidationError) Error() string {
	var parts []string
	for _, k := range fieldOrder {
		if m, ok := v[k]; ok {
			parts = append(parts, m)
		}
	}
	return "Dữ liệu chưa hợp lệ: " + strings.Join(parts, " ")
}

// ParseDate reads a day as typed in a form (yyyy-mm-dd from a date input)
// or a spreadsheet (d/m/yyyy, the Vietnamese order). It returns "YYYY-MM-DD"
// or "" for an empty input.
func ParseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for _, layout := range []string{"2006-01-02", "2/1/2006", "02/01/2006", "2-1-2006", "2.1.2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() < 1945 || t.Year() > 2100 {
				return "", fmt.Errorf("năm ngoài khoảng cho phép")
			}
			return t.Format("2006-01-02"), nil
		}
	}
	return "", fmt.Errorf("không đúng dạng ngày")
}

// FormatDate shows a stored day as dd/mm/yyyy.
func FormatDate(d string) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return d
	}
	return t.Format("02/01/2006")
}

// Apply validates a draft and, when it is valid, copies it onto d with text
// in NFC and dates normalised. On error d is still filled with what was
// typed (dates left as typed) so a form can show it again.
func Apply(d *Document, in Draft) error {
	v := ValidationError{}
	d.Number = viet.CleanLine(in.Number)
	// Dashes and slashes vary with the keyboard; the stored symbol uses
	// the ASCII ones so it reads the same everywhere.
	d.Number = strings.NewReplacer("‐", "-", "‑", "-", "–", "-", "—", "-", "∕", "/", "／", "/", " / ", "/", " - ", "-").Replace(d.Number)
	d.Type = viet.CleanLine(in.Type)
	d.Issuer = viet.CleanLine(in.Issuer)
	d.Signer = viet.CleanLine(in.Signer)
	d.Field = viet.CleanLine(in.Field)
	d.Abstract = viet.CleanText(in.Abstract)
	d.ReplacedByID = in.ReplacedByID
	d.Key = Key(d.Number)
	switch {
	case d.Number == "":
		v["number"] = "Số ký hiệu không được để trống."
	case utf8.RuneCountInString(d.Number) > MaxNumber:
		v["number"] = fmt.Sprintf("Số ký hiệu quá dài (tối đa %d ký tự).", MaxNumber)
	case d.Key == "" || !strings.ContainsAny(d.Key, "0123456789"):
		v["number"] = "Số ký hiệu phải có số văn bản, ví dụ 03-NQ/TU hoặc 766/QĐ-TTg."
	}
	known := false
	for _, t := range Types {
		if t == d.Type {
			known = true
		}
	}
	if d.Type == "" {
		v["type"] = "Vui lòng chọn loại văn bản."
	} else if !known {
		v["type"] = "Loại văn bản không có trong danh mục."
	}
	if d.Issuer == "" {
		v["issuer"] = "Cơ quan ban hành không được để trống."
	} else if utf8.RuneCountInString(d.Issuer) > MaxShort {
		v["issuer"] = fmt.Sprintf("Tên cơ quan ban hành quá dài (tối đa %d ký tự).", MaxShort)
	}
	if utf8.RuneCountInString(d.Signer) > MaxShort {
		v["signer"] = fmt.Sprintf("Tên người ký quá dài (tối đa %d ký tự).", MaxShort)
	}
	if utf8.RuneCountInString(d.Field) > MaxShort {
		v["field"] = fmt.Sprintf("Lĩnh vực quá dài (tối đa %d ký tự).", MaxShort)
	}
	if d.Abstract == "" {
		v["abstract"] = "Trích yếu không được để trống."
	} else if utf8.RuneCountInString(d.Abstract) > MaxAbstract {
		v["abstract"] = fmt.Sprintf("Trích yếu quá dài (tối đa %d ký tự).", MaxAbstract)
	}
	dates := []struct {
		key, label, in string
		dst            *string
	}{
		{"issue_date", "Ngày ban hành", in.IssueDate, &d.IssueDate},
		{"effective_date", "Ngày có hiệu lực", in.EffectiveDate, &d.EffectiveDate},
		{"expiry_date", "Ngày hết hiệu lực", in.ExpiryDate, &d.ExpiryDate},
	}
	for _, x := range dates {
		day, err := ParseDate(x.in)
		if err != nil {
			v[x.key] = x.label + " không hợp lệ (dùng dạng ngày/tháng/năm, ví dụ 21/01/2021)."
			*x.dst = strings.TrimSpace(x.in)
			continue
		}
		*x.dst = day
	}
	if _, bad := v["issue_date"]; !bad && d.IssueDate == "" {
		v["issue_date"] = "Ngày ban hành không được để trống."
	}
	_, badI := v["issue_date"]
	_, badE := v["effective_date"]
	_, badX := v["expiry_date"]
	if !badI && !badE && d.EffectiveDate != "" && d.EffectiveDate < d.IssueDate {
		v["effective_date"] = "Ngày có hiệu lực không được trước ngày ban hành (" + FormatDate(d.IssueDate) + ")."
	}
	if !badX && d.ExpiryDate != "" {
		from, label := d.EffectiveDate, "ngày có hiệu lực"
		if from == "" || badE {
			from, label = d.IssueDate, "ngày ban hành"
		}
		if from != "" && d.ExpiryDate <= from {
			v["expiry_date"] = "Ngày hết hiệu lực phải sau " + label + " (" + FormatDate(from) + ")."
		}
	}
	if d.ReplacedByID != 0 && d.ReplacedByID == d.ID {
		v["replaced_by"] = "Văn bản không thể thay thế chính nó."
	}
	if len(v) > 0 {
		return v
	}
	return nil
}

// StatusName is the Vietnamese label of a document status.
func StatusName(s string) string { return news.StatusName(s) }

// IssuedVN, EffectiveVN and ExpiryVN show the dates as dd/mm/yyyy ("" when
// not known), for templates.
func (d Document) IssuedVN() string    { return FormatDate(d.IssueDate) }
func (d Document) EffectiveVN() string { return FormatDate(d.EffectiveDate) }
func (d Document) ExpiryVN() string    { return FormatDate(d.ExpiryDate) }

// ValidityName is the Vietnamese label of the document's validity on day.
func (d Document) ValidityOn(day string) string { return ValidityName(d.Validity(day)) }

// SizeText shows a file size for people: "245 KB", "1,2 MB".
func (f File) SizeText() string {
	switch {
	case f.Size >= 1<<20:
		return strings.Replace(fmt.Sprintf("%.1f MB", float64(f.Size)/(1<<20)), ".", ",", 1)
	case f.Size >= 1<<10:
		return fmt.Sprintf("%d KB", (f.Size+512)>>10)
	}
	return fmt.Sprintf("%d byte", f.Size)
}

// Label names a file's format for people.
func (f File) Label() string {
	switch f.Ext {
	case "pdf":
		return "PDF"
	case "doc", "docx":
		return "Word"
	case "xls", "xlsx":
		return "Excel"
	case "odt":
		return "OpenDocument"
	}
	return strings.ToUpper(f.Ext)
}
