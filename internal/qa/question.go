package qa

import (
	"net/mail"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/congportal/cong/internal/viet"
)

// Question statuses, in the order a question moves through them.
const (
	StatusNew       = "new"       // mới: waiting for moderation
	StatusAssigned  = "assigned"  // đã phân công
	StatusAnswered  = "answered"  // đã trả lời, chờ duyệt
	StatusPublished = "published" // đã công bố
	StatusSpam      = "spam"      // từ chối (thư rác / không hợp lệ)
)

// Statuses lists the statuses with their Vietnamese names, for filters.
var Statuses = []struct{ Code, Name string }{
	{StatusNew, "Mới"},
	{StatusAssigned, "Đã phân công"},
	{StatusAnswered, "Đã trả lời, chờ duyệt"},
	{StatusPublished, "Đã công bố"},
	{StatusSpam, "Đã từ chối"},
}

// StatusName is the Vietnamese name of a status.
func StatusName(code string) string {
	for _, s := range Statuses {
		if s.Code == code {
			return s.Name
		}
	}
	return code
}

// Field is a subject area (lĩnh vực) a question belongs to.
type Field struct{ Code, Name string }

// Fields are the subject areas offered to citizens.
var Fields = []Field{
	{"hanh-chinh", "Cải cách hành chính – Thủ tục"},
	{"dat-dai", "Đất đai – Xây dựng"},
	{"tu-phap", "Tư pháp – Hộ tịch"},
	{"lao-dong", "Lao động – Việc làm – Chính sách xã hội"},
	{"giao-duc-y-te", "Giáo dục – Y tế"},
	{"kinh-te", "Kinh tế – Đầu tư – Kinh doanh"},
	{"moi-truong", "Tài nguyên – Môi trường"},
	{"khac", "Lĩnh vực khác"},
}

// FieldName is the name of a field code ("" when unknown).
func FieldName(code string) string {
	for _, f := range Fields {
		if f.Code == code {
			return f.Name
		}
	}
	return ""
}

// How the asker's name is shown when the answer is published.
const (
	ShowFull     = "full"     // Nguyễn Văn An
	ShowInitials = "initials" // N.V.A.
	ShowTitle    = "title"    // Ông/Bà An
)

// Question is a citizen's question. Email and Phone are contact data: they
// are shown to staff only, never on a public page or in the public API.
type Question struct {
	ID           int64
	SiteID       int64
	Name         string
	DisplayMode  string
	Email        string
	Phone        string
	Field        string
	Title        string
	Slug         string
	Body         string
	Status       string
	Flag         string // why it was held for moderation ("" if not)
	AssignedTo   int64
	AssigneeName string
	AnswerHTML   string
	AnsweredBy   int64
	AnsweredAt   time.Time
	PublishedAt  time.Time
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// DisplayName is the asker's name as published.
func (q Question) DisplayName() string { return DisplayName(q.Name, q.DisplayMode) }

// FieldName is the question's field in Vietnamese.
func (q Question) FieldName() string { return FieldName(q.Field) }

// StatusName is the question's status in Vietnamese.
func (q Question) StatusName() string { return StatusName(q.Status) }

// Limits on what a citizen may send, in characters.
const (
	MaxName     = 100
	MaxEmail    = 254
	MaxTitle    = 200
	MaxQuestion = 4000
	MaxOrg      = 200
)

// QuestionInput is the ask form as typed (already NFC and trimmed).
type QuestionInput struct {
	Name, Email, Phone, Field, Title, Body, DisplayMode string
}

// Contact is the part of a form that lets staff reach the sender.
type Contact struct{ Name, Email, Phone string }

var phoneRE = regexp.MustCompile(`^(?:\+84|0)[1-9][0-9]{8,9}$`)

// NormalizePhone removes the spaces, dots and dashes people type.
func NormalizePhone(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '.' || r == '-' || r == '(' || r == ')' {
			return -1
		}
		return r
	}, s)
}

// ValidateContact checks name and contact; errs gets per-field messages.
func ValidateContact(c Contact, errs map[string]string) {
	switch n := utf8.RuneCountInString(c.Name); {
	case n == 0:
		errs["name"] = "Vui lòng nhập họ và tên."
	case n > MaxName:
		errs["name"] = tooLong("Họ và tên", MaxName, n)
	}
	if c.Email == "" && c.Phone == "" {
		errs["contact"] = "Vui lòng nhập thư điện tử hoặc số điện thoại (ít nhất một) để cơ quan liên hệ khi cần. Thông tin này không được công khai."
	}
	if c.Email != "" {
		if n := utf8.RuneCountInString(c.Email); n > MaxEmail {
			errs["email"] = tooLong("Thư điện tử", MaxEmail, n)
		} else if a, err := mail.ParseAddress(c.Email); err != nil || a.Address != c.Email || !strings.Contains(c.Email[strings.LastIndex(c.Email, "@"):], ".") {
			errs["email"] = "Địa chỉ thư điện tử chưa đúng, ví dụ: ten@gmail.com."
		}
	}
	if c.Phone != "" && !phoneRE.MatchString(NormalizePhone(c.Phone)) {
		errs["phone"] = "Số điện thoại chưa đúng: 10 chữ số bắt đầu bằng 0 (ví dụ 0912 345 678) hoặc +84."
	}
}

func tooLong(label string, max, n int) string {
	return label + " quá dài: tối đa " + itoa(max) + " ký tự (hiện có " + itoa(n) + ")."
}

// ValidateQuestion returns per-field messages; empty means valid.
func ValidateQuestion(in QuestionInput) map[string]string {
	errs := map[string]string{}
	ValidateContact(Contact{in.Name, in.Email, in.Phone}, errs)
	if FieldName(in.Field) == "" {
		errs["field"] = "Vui lòng chọn lĩnh vực của câu hỏi."
	}
	switch n := utf8.RuneCountInString(in.Title); {
	case n < 5:
		errs["title"] = "Vui lòng nhập tiêu đề câu hỏi (ít nhất 5 ký tự)."
	case n > MaxTitle:
		errs["title"] = tooLong("Tiêu đề", MaxTitle, n)
	}
	switch n := utf8.RuneCountInString(in.Body); {
	case n < 10:
		errs["body"] = "Vui lòng nhập nội dung câu hỏi (ít nhất 10 ký tự)."
	case n > MaxQuestion:
		errs["body"] = tooLong("Nội dung câu hỏi", MaxQuestion, n)
	}
	switch in.DisplayMode {
	case ShowFull, ShowInitials, ShowTitle:
	default:
		errs["display"] = "Vui lòng chọn cách hiển thị tên khi công bố câu trả lời."
	}
	return errs
}

var linkRE = regexp.MustCompile(`(?i)https?://|www\.|\[url|<a\s`)

// SpamFlag says why a submission should wait for a person before anything
// else happens to it ("" when it looks ordinary). Citizens do paste a link
// to a document now and then; advertising pastes many.
func SpamFlag(texts ...string) string {
	links := 0
	for _, t := range texts {
		links += len(linkRE.FindAllStringIndex(t, -1))
	}
	if links > 2 {
		return "Có " + itoa(links) + " liên kết: nghi thư rác"
	}
	return ""
}

// DisplayName is how a name is published: in full, as initials, or as
// "Ông/Bà" with the given name (the last word, as Vietnamese names go).
func DisplayName(name, mode string) string {
	words := strings.Fields(name)
	if len(words) == 0 {
		return "Người hỏi"
	}
	switch mode {
	case ShowInitials:
		var b strings.Builder
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			b.WriteString(strings.ToUpper(string(r)))
			b.WriteByte('.')
		}
		return b.String()
	case ShowTitle:
		return "Ông/Bà " + words[len(words)-1]
	}
	return strings.Join(words, " ")
}

// SearchText is what a question is found by: folded title, question and
// answer, so searches match with or without diacritics on both engines.
func SearchText(title, body, answerText string) string {
	return " " + viet.IndexText(title+" "+body+" "+answerText) + " "
}

// SearchTerms turns a query into folded words, each of which must occur.
func SearchTerms(q string) []string {
	var out []string
	for _, w := range strings.Fields(viet.Fold(q)) {
		w = strings.Trim(w, `"'.,;:!?()[]{}“”`)
		if w != "" && len(out) < 8 {
			out = append(out, w)
		}
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }
