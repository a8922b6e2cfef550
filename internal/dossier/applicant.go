package dossier

import (
	"net/mail"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/congportal/cong/internal/viet"
	"golang.org/x/text/unicode/norm"
)

// Applicant is the person who submits a dossier, as validated. DOB is a
// civil date (midnight UTC of that day: no zone can shift it).
type Applicant struct {
	Name     string
	IDNumber string // số định danh cá nhân (CCCD), 12 digits
	DOB      time.Time
	Phone    string // 0XXXXXXXXX
	Email    string // optional
	Address  string
}

// ApplicantInput is the applicant's data as typed in a form.
type ApplicantInput struct {
	Name, IDNumber, DOB, Phone, Email, Address string
}

// FieldErrors maps a form field to its Vietnamese message.
type FieldErrors map[string]string

// Limits on the applicant's texts.
const (
	MaxNameLen    = 100
	MaxAddressLen = 255
	MaxEmailLen   = 254
)

// provinceCodes are the first three digits of a personal ID number: the
// province where the birth was registered (Circular 07/2016/TT-BCA,
// appendix). The 2025 merger of provinces issues new numbers under codes of
// this same list, so it stays the whole set.
var provinceCodes = map[string]bool{}

func init() {
	for _, c := range []int{1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38,
		40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86,
		87, 89, 91, 92, 93, 94, 95, 96} {
		provinceCodes[pad3(c)] = true
	}
}

func pad3(n int) string {
	s := strconv.Itoa(n)
	return strings.Repeat("0", 3-len(s)) + s
}

// ParseApplicant validates and normalises an applicant. today is the
// current civil date in Asia/Ho_Chi_Minh (a date of birth after it is
// refused). The returned errors are keyed by the input's field names:
// name, id_number, dob, phone, email, address.
func ParseApplicant(in ApplicantInput, today time.Time) (Applicant, FieldErrors) {
	var a Applicant
	errs := FieldErrors{}
	var msg string

	a.Name, msg = parseName(in.Name)
	if msg != "" {
		errs["name"] = msg
	}
	dobOK := false
	a.DOB, msg = ParseDate(in.DOB, today)
	if msg != "" {
		errs["dob"] = msg
	} else {
		dobOK = true
	}
	a.IDNumber, msg = parseIDNumber(in.IDNumber, a.DOB, dobOK)
	if msg != "" {
		errs["id_number"] = msg
	}
	a.Phone, msg = NormalizePhone(in.Phone)
	if msg != "" {
		errs["phone"] = msg
	}
	a.Email, msg = parseEmail(in.Email)
	if msg != "" {
		errs["email"] = msg
	}
	a.Address = viet.CleanLine(in.Address)
	switch n := utf8.RuneCountInString(a.Address); {
	case n == 0:
		errs["address"] = "Vui lòng nhập địa chỉ liên hệ (số nhà, thôn/tổ, xã/phường, tỉnh/thành phố)."
	case n < 5:
		errs["address"] = "Địa chỉ quá ngắn: ghi rõ số nhà, thôn/tổ, xã/phường, tỉnh/thành phố."
	case n > MaxAddressLen:
		errs["address"] = "Địa chỉ dài quá " + strconv.Itoa(MaxAddressLen) + " ký tự."
	}
	if len(errs) == 0 {
		return a, nil
	}
	return a, errs
}

func parseName(s string) (string, string) {
	s = viet.CleanLine(s)
	if s == "" {
		return s, "Vui lòng nhập họ và tên."
	}
	if utf8.RuneCountInString(s) > MaxNameLen {
		return s, "Họ và tên dài quá " + strconv.Itoa(MaxNameLen) + " ký tự."
	}
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.Is(unicode.Mn, r), r == ' ', r == '-', r == '\'', r == '’':
			// Marks survive NFC for a few letters; hyphens and apostrophes
			// occur in names of ethnic minorities (Ê-đê, H'Mông).
		default:
			return s, "Họ và tên chỉ gồm chữ cái (có dấu tiếng Việt), khoảng trắng và dấu gạch nối; không có chữ số hay ký hiệu."
		}
	}
	if letters < 2 {
		return s, "Vui lòng nhập đầy đủ họ và tên."
	}
	return s, ""
}

// ParseDate reads a date of birth written dd/mm/yyyy (also d/m/yyyy, with
// '-', '.' or spaces between, yyyy-mm-dd as a date picker sends it, or the
// eight digits ddmmyyyy a phone's numeric keypad gives, since the field
// opens one). It must not be after today nor before 1900.
func ParseDate(s string, today time.Time) (time.Time, string) {
	s = strings.TrimSpace(norm.NFKC.String(s))
	if s == "" {
		return time.Time{}, "Vui lòng nhập ngày sinh (ngày/tháng/năm, ví dụ 05/09/1985)."
	}
	bad := "Ngày sinh không hợp lệ: ghi theo dạng ngày/tháng/năm, ví dụ 05/09/1985 hoặc 05091985."
	if len(s) == 8 && strings.Trim(s, "0123456789") == "" {
		s = s[:2] + "/" + s[2:4] + "/" + s[4:]
	} else if len(s) == 6 && strings.Trim(s, "0123456789") == "" {
		return time.Time{}, "Ngày sinh cần đủ 4 chữ số của năm, ví dụ 05/09/1985 hoặc 05091985."
	}
	var d, m, y int
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' || r == ' ' })
	if len(parts) != 3 {
		return time.Time{}, bad
	}
	nums := make([]int, 3)
	for i, p := range parts {
		if len(p) == 0 || len(p) > 4 {
			return time.Time{}, bad
		}
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return time.Time{}, bad
		}
		nums[i] = n
	}
	switch {
	case len(parts[0]) == 4 && len(parts[2]) <= 2: // yyyy-mm-dd
		y, m, d = nums[0], nums[1], nums[2]
	case len(parts[2]) == 4 && len(parts[0]) <= 2 && len(parts[1]) <= 2:
		d, m, y = nums[0], nums[1], nums[2]
	default:
		return time.Time{}, bad
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || d < 1 || t.Day() != d {
		return time.Time{}, "Ngày sinh không có thật (ví dụ 31/02). Vui lòng kiểm tra lại."
	}
	if y < 1900 {
		return time.Time{}, "Năm sinh phải từ 1900 trở về sau."
	}
	ty, tm, td := today.Date()
	if t.After(time.Date(ty, tm, td, 0, 0, 0, 0, time.UTC)) {
		return time.Time{}, "Ngày sinh không thể sau ngày hôm nay."
	}
	return t, ""
}

// parseIDNumber checks a 12-digit personal ID number: province code, and —
// when the date of birth is known — the century/sex digit and the two
// digits of the birth year.
func parseIDNumber(s string, dob time.Time, dobOK bool) (string, string) {
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '.' || r == '-' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if s == "" {
		return s, "Vui lòng nhập số định danh cá nhân (số căn cước công dân, 12 chữ số)."
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return s, "Số định danh cá nhân chỉ gồm chữ số."
		}
	}
	if len(s) != 12 {
		return s, "Số định danh cá nhân phải có đúng 12 chữ số (bạn đã nhập " + strconv.Itoa(len(s)) + ")."
	}
	if !provinceCodes[s[:3]] {
		return s, "Số định danh cá nhân không hợp lệ: 3 chữ số đầu (" + s[:3] + ") không phải mã tỉnh, thành phố nơi đăng ký khai sinh."
	}
	if !dobOK {
		return s, ""
	}
	century := 1900 + int(s[3]-'0')/2*100
	year := century + int(s[4]-'0')*10 + int(s[5]-'0')
	if year != dob.Year() {
		return s, "Số định danh cá nhân không khớp với năm sinh " + strconv.Itoa(dob.Year()) + ": chữ số thứ 4 đến thứ 6 phải ứng với năm sinh. Vui lòng kiểm tra lại số định danh hoặc ngày sinh."
	}
	return s, ""
}

// NormalizePhone accepts a Vietnamese mobile number (10 digits starting
// 03, 05, 07, 08, 09), also written +84…/84… and with spaces, dots or
// dashes, and returns it as 0XXXXXXXXX.
func NormalizePhone(s string) (string, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", "Vui lòng nhập số điện thoại di động để nhận thông báo về hồ sơ."
	}
	digits := strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9':
			return r
		case r == ' ' || r == '.' || r == '-' || r == '(' || r == ')':
			return -1
		case r == '+':
			return r
		}
		return 'x'
	}, s)
	bad := "Số điện thoại không hợp lệ: cần số di động Việt Nam gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09 (ví dụ 0912 345 678)."
	switch {
	case strings.HasPrefix(digits, "+84"):
		digits = "0" + digits[3:]
	case strings.HasPrefix(digits, "0084"):
		digits = "0" + digits[4:]
	case strings.HasPrefix(digits, "84") && len(digits) == 11:
		digits = "0" + digits[2:]
	}
	if len(digits) != 10 || strings.ContainsAny(digits, "+x") {
		return digits, bad
	}
	switch digits[:2] {
	case "03", "05", "07", "08", "09":
		return digits, ""
	}
	return digits, bad
}

func parseEmail(s string) (string, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", ""
	}
	bad := "Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@example.com). Có thể để trống nếu không có."
	if len(s) > MaxEmailLen {
		return s, bad
	}
	a, err := mail.ParseAddress(s)
	// A display name or comments ("An <an@x.vn>") is not an address to
	// store; neither is one without a dot in the domain.
	if err != nil || a.Address != s || a.Name != "" {
		return s, bad
	}
	at := strings.LastIndexByte(s, '@')
	if at < 1 || !strings.Contains(s[at+1:], ".") || strings.HasSuffix(s, ".") {
		return s, bad
	}
	return s[:at+1] + strings.ToLower(s[at+1:]), ""
}
