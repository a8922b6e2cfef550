package qa

import (
	"time"
	"unicode/utf8"
)

// Consultation is a draft policy put out for public comment (lấy ý kiến dự
// thảo). Opening and closing days are local dates ('YYYY-MM-DD' in the
// site's zone): comments are accepted from the start of OpensOn to the end
// of ClosesOn, Asia/Ho_Chi_Minh time.
type Consultation struct {
	ID         int64
	SiteID     int64
	Title      string
	Slug       string
	Summary    string
	DocURL     string // the draft: a media-library file or another address
	OpensOn    string
	ClosesOn   string
	ResultHTML string // the published summary of results, optional
	Feedback   int    // number of comments received (lists only)
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Consultation states.
const (
	ConsultUpcoming = "upcoming"
	ConsultOpen     = "open"
	ConsultClosed   = "closed"
)

// State says whether the consultation takes comments on today (a local
// 'YYYY-MM-DD' day).
func (c Consultation) State(today string) string {
	switch {
	case today < c.OpensOn:
		return ConsultUpcoming
	case today > c.ClosesOn:
		return ConsultClosed
	}
	return ConsultOpen
}

// DayVN shows a 'YYYY-MM-DD' day as dd/mm/yyyy.
func DayVN(day string) string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return t.Format("02/01/2006")
}

// ConsultationInput is the staff form as typed.
type ConsultationInput struct {
	Title, Summary, DocURL, OpensOn, ClosesOn, ResultHTML string
}

// ValidateConsultation checks the staff form. Days arrive as
// <input type="date"> values ('YYYY-MM-DD') or typed as dd/mm/yyyy; they
// are returned normalised.
func ValidateConsultation(in *ConsultationInput) map[string]string {
	errs := map[string]string{}
	if n := utf8.RuneCountInString(in.Title); n < 5 || n > 300 {
		errs["title"] = "Tên dự thảo phải có từ 5 đến 300 ký tự."
	}
	if utf8.RuneCountInString(in.Summary) > 5000 {
		errs["summary"] = "Tóm tắt quá dài: tối đa 5000 ký tự."
	}
	if in.DocURL != "" && !(len(in.DocURL) < 1000 && (hasPrefix(in.DocURL, "https://") || hasPrefix(in.DocURL, "http://") || hasPrefix(in.DocURL, "/"))) {
		errs["doc"] = "Địa chỉ tệp dự thảo phải bắt đầu bằng https://, http:// hoặc / (tệp trong thư viện)."
	}
	var ok1, ok2 bool
	in.OpensOn, ok1 = parseDay(in.OpensOn)
	in.ClosesOn, ok2 = parseDay(in.ClosesOn)
	if !ok1 {
		errs["opens"] = "Ngày bắt đầu lấy ý kiến chưa đúng (dd/mm/yyyy)."
	}
	if !ok2 {
		errs["closes"] = "Ngày kết thúc lấy ý kiến chưa đúng (dd/mm/yyyy)."
	}
	if ok1 && ok2 && in.ClosesOn < in.OpensOn {
		errs["closes"] = "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu."
	}
	return errs
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

func parseDay(s string) (string, bool) {
	for _, layout := range []string{time.DateOnly, "02/01/2006", "2/1/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly), true
		}
	}
	return s, false
}

// FeedbackInput is a comment on a draft as typed.
type FeedbackInput struct {
	Name, Email, Phone, Organisation, Comment string
}

// ValidateFeedback returns per-field messages; empty means valid.
func ValidateFeedback(in FeedbackInput) map[string]string {
	errs := map[string]string{}
	ValidateContact(Contact{in.Name, in.Email, in.Phone}, errs)
	if n := utf8.RuneCountInString(in.Organisation); n > MaxOrg {
		errs["organisation"] = tooLong("Tên cơ quan, tổ chức", MaxOrg, n)
	}
	switch n := utf8.RuneCountInString(in.Comment); {
	case n < 10:
		errs["comment"] = "Vui lòng nhập nội dung góp ý (ít nhất 10 ký tự)."
	case n > MaxQuestion:
		errs["comment"] = tooLong("Nội dung góp ý", MaxQuestion, n)
	}
	return errs
}

// Feedback is one comment received on a consultation (staff only).
type Feedback struct {
	ID             int64
	ConsultationID int64
	Name           string
	Email          string
	Phone          string
	Organisation   string
	Comment        string
	Flag           string
	CreatedAt      time.Time
}
