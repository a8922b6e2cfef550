// Package rating is the citizens' satisfaction survey of the one-stop desk
// (đánh giá mức độ hài lòng): after a dossier's result is handed back
// (status 10) its applicant rates the service once, on the criteria the
// provinces' SIPAS-style surveys and Decision 766/QĐ-TTg use, with an
// optional comment. It holds the criteria, the scale, validation and the
// arithmetic of aggregates; storage is in internal/store, HTTP in
// internal/web.
package rating

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Level is an answer on the five-level scale. Five levels rather than
// three because the provinces' published surveys (and the national portal's
// rating widget) use them, and "Bình thường" must stay distinguishable from
// both sides; aggregates still collapse them into satisfied / not.
type Level int

// The scale, best last so a higher number is a better answer and averages
// read naturally (4,3 / 5).
const (
	VeryDissatisfied Level = 1 // Rất không hài lòng
	Dissatisfied     Level = 2 // Không hài lòng
	Neutral          Level = 3 // Bình thường
	Satisfied        Level = 4 // Hài lòng
	VerySatisfied    Level = 5 // Rất hài lòng
)

// Levels lists the scale in the order forms show it: best first, as the
// provinces' paper forms do.
var Levels = []Level{VerySatisfied, Satisfied, Neutral, Dissatisfied, VeryDissatisfied}

var levelNames = map[Level]string{
	VerySatisfied:    "Rất hài lòng",
	Satisfied:        "Hài lòng",
	Neutral:          "Bình thường",
	Dissatisfied:     "Không hài lòng",
	VeryDissatisfied: "Rất không hài lòng",
}

func (l Level) String() string {
	if n, ok := levelNames[l]; ok {
		return n
	}
	return "Không đánh giá"
}

// Valid reports whether l is on the scale.
func (l Level) Valid() bool { return l >= VeryDissatisfied && l <= VerySatisfied }

// IsSatisfied is the rule of every "tỷ lệ hài lòng": rated "Hài lòng" or
// better.
func (l Level) IsSatisfied() bool { return l >= Satisfied }

// Criterion is one question of the survey.
type Criterion struct {
	Key   string // form field and JSON key
	Label string
	Short string // column head where the question does not fit
	Hint  string
	// Optional criteria may be left unanswered: most applicants never file
	// a complaint, and an invented answer would distort the figure.
	Optional bool
}

// The criteria, overall satisfaction first. Keys are stable (form fields,
// JSON, columns); labels follow the wording of provincial surveys.
const (
	Overall    = "overall"
	Time       = "time"
	Visits     = "visits"
	Attitude   = "attitude"
	Clarity    = "clarity"
	Complaints = "complaints"
)

// Criteria lists the survey's questions in order.
var Criteria = []Criterion{
	{Key: Overall, Short: "Chung", Label: "Mức độ hài lòng chung về việc giải quyết hồ sơ",
		Hint: "Đánh giá chung của ông/bà về toàn bộ quá trình nộp hồ sơ và nhận kết quả."},
	{Key: Time, Short: "Thời gian", Label: "Thời gian giải quyết hồ sơ",
		Hint: "Hồ sơ có được trả kết quả đúng hoặc sớm hơn ngày hẹn không."},
	{Key: Visits, Short: "Đi lại, liên hệ", Label: "Số lần phải đi lại, liên hệ với cơ quan",
		Hint: "Ông/bà có phải đi lại, gọi điện hoặc liên hệ nhiều lần để hoàn thành thủ tục không."},
	{Key: Attitude, Short: "Thái độ cán bộ", Label: "Thái độ, tinh thần phục vụ của cán bộ, công chức",
		Hint: "Sự lịch sự, tận tình, đúng mực khi hướng dẫn và tiếp nhận hồ sơ."},
	{Key: Clarity, Short: "Công khai, minh bạch", Label: "Tính công khai, minh bạch, rõ ràng của thông tin về thủ tục hành chính",
		Hint: "Thành phần hồ sơ, phí, lệ phí, thời hạn giải quyết có được niêm yết, công bố đầy đủ và dễ hiểu không."},
	{Key: Complaints, Short: "Xử lý phản ánh", Label: "Việc tiếp nhận và xử lý phản ánh, kiến nghị", Optional: true,
		Hint: "Chỉ đánh giá nếu ông/bà đã gửi phản ánh, kiến nghị trong quá trình giải quyết hồ sơ."},
}

// MaxComment is the longest comment kept, in characters: room for a
// paragraph, not for a document.
const MaxComment = 1000

// Rating is one dossier's answers. Scores holds a Level per criterion key;
// an optional criterion left unanswered is absent (or 0).
type Rating struct {
	DossierID   int64
	SiteID      int64
	UnitID      int64
	ProcedureID int64
	Scores      map[string]Level
	Comment     string
	CreatedAt   time.Time

	// Filled by listings, for display.
	DossierCode   string
	UnitName      string
	ProcedureName string
}

// Score is the answer to a criterion (0 when not answered).
func (r Rating) Score(key string) Level { return r.Scores[key] }

// Answer is one criterion with its answer, for display.
type Answer struct {
	Criterion
	Level Level
}

// Answers lists the criteria in order with the rating's answers.
func (r Rating) Answers() []Answer {
	out := make([]Answer, 0, len(Criteria))
	for _, c := range Criteria {
		out = append(out, Answer{Criterion: c, Level: r.Scores[c.Key]})
	}
	return out
}

// Parse reads a submitted survey: get returns a form value by name (the
// criterion keys and "comment"). It returns the rating and, when anything
// is wrong, Vietnamese messages keyed by field; the rating is usable only
// when the map is empty.
func Parse(get func(string) string) (Rating, map[string]string) {
	r := Rating{Scores: map[string]Level{}}
	errs := map[string]string{}
	for _, c := range Criteria {
		v := strings.TrimSpace(get(c.Key))
		if v == "" || v == "0" {
			if !c.Optional {
				errs[c.Key] = "Vui lòng chọn mức đánh giá cho “" + c.Label + "”."
			}
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || !Level(n).Valid() {
			errs[c.Key] = "Mức đánh giá cho “" + c.Label + "” không hợp lệ; vui lòng chọn một trong các mức đã cho."
			continue
		}
		r.Scores[c.Key] = Level(n)
	}
	comment, ok := CleanComment(get("comment"))
	if !ok {
		errs["comment"] = "Ý kiến góp ý dài quá " + strconv.Itoa(MaxComment) + " ký tự (hiện " + strconv.Itoa(utf8.RuneCountInString(comment)) + " ký tự); vui lòng rút gọn."
	}
	r.Comment = comment
	return r, errs
}

// CleanComment normalises a comment to plain NFC text: invalid UTF-8 and
// control characters dropped (line breaks kept, at most one blank line in a
// row), outer space trimmed. ok is false when the result is longer than
// MaxComment: the citizen shortens it rather than losing the end unseen.
func CleanComment(s string) (string, bool) {
	s = norm.NFC.String(strings.ToValidUTF8(s, ""))
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t' || r == '\r':
			return ' '
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\ufeff':
			return -1
		}
		return r
	}, s)
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := false
	for _, l := range lines {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			if blank || len(out) == 0 {
				continue
			}
			blank = true
		} else {
			blank = false
		}
		out = append(out, l)
	}
	s = strings.TrimSpace(strings.Join(out, "\n"))
	return s, utf8.RuneCountInString(s) <= MaxComment
}
