// Package citizen holds the rules of citizens' own accounts (issue 17):
// who a signed-in person is (an OpenID provider's subject, or an e-mail
// address proven with a one-time code), how a provider's claims map onto an
// account without ever merging two people, the one-time code's format and
// limits, and what the submission form is filled with. It knows neither
// HTTP nor SQL.
package citizen

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"net/mail"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/congportal/cong/internal/viet"
)

// Citizen is one signed-in person of a site.
type Citizen struct {
	ID      int64
	SiteID  int64
	Issuer  string // OpenID provider, empty for an e-mail-only account
	Subject string
	Email   string // lower case; proven by a code or asserted verified by the provider
	// IDNumber is the CCCD number as the provider asserted it; never what
	// the citizen typed (that is ProfileIDNumber), so it can identify.
	IDNumber        string
	Name            string
	DOB             string // yyyy-mm-dd, or empty
	Address         string
	Phone           string
	ProfileIDNumber string
	CreatedAt       time.Time
	LastLoginAt     time.Time
}

// Session lifetimes: shorter than staff (2 h idle, 12 h absolute) because
// citizens sign in from shared and borrowed phones, and a session is only
// needed for one visit's errands.
const (
	SessionIdle     = 30 * time.Minute
	SessionAbsolute = 4 * time.Hour
)

// Display is how the account is named on its pages.
func (c Citizen) Display() string {
	switch {
	case c.Name != "":
		return c.Name
	case c.Email != "":
		return c.Email
	}
	return "Công dân"
}

// NormalizeEmail checks an address typed for sign-in and returns its
// canonical form (lower case): one mailbox, one account.
func NormalizeEmail(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("Vui lòng nhập địa chỉ thư điện tử.")
	}
	if len(s) > 254 || !utf8.ValidString(s) {
		return "", errors.New("Địa chỉ thư điện tử quá dài hoặc không hợp lệ.")
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" || strings.ContainsAny(s, " <>\"") {
		return "", errors.New("Địa chỉ thư điện tử không hợp lệ, ví dụ đúng: nguyenvana@gmail.com.")
	}
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || !strings.Contains(s[at+1:], ".") {
		return "", errors.New("Địa chỉ thư điện tử không hợp lệ, ví dụ đúng: nguyenvana@gmail.com.")
	}
	return strings.ToLower(s), nil
}

// One-time codes.
const (
	CodeDigits = 6
	CodeTTL    = 10 * time.Minute
	// MaxTries wrong codes kill the code: a fresh one must be asked for,
	// which costs a mail and passes the per-client limit. With 10^6 codes
	// and 5 tries a guess succeeds once in 200 000 codes sent.
	MaxTries = 5
)

// NewCode is a fresh random code of CodeDigits digits.
func NewCode() string {
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
	if err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return fmt.Sprintf("%06d", n.Int64())
}

// CodeHash is what the database keeps of a code: bound to the site and the
// address, so a code mailed to one address proves nothing for another.
func CodeHash(siteID int64, email, code string) string {
	sum := sha256.Sum256([]byte(strconv.FormatInt(siteID, 10) + "\x00" + email + "\x00" + code))
	return hex.EncodeToString(sum[:])
}

// ParseCode reads a code as people type it: spaces and dashes allowed,
// full-width digits folded.
func ParseCode(s string) (string, bool) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= '０' && r <= '９':
			b.WriteRune('0' + (r - '０'))
		case r == ' ' || r == '-' || r == '\t':
		default:
			return "", false
		}
		if b.Len() > CodeDigits {
			return "", false
		}
	}
	if b.Len() != CodeDigits {
		return "", false
	}
	return b.String(), true
}

// CodeOutcome is what checking a typed code found.
type CodeOutcome int

const (
	CodeOK        CodeOutcome = iota
	CodeWrong                 // wrong, tries left
	CodeExhausted             // wrong too often: a fresh code is needed
	CodeExpired
	CodeNone // no code was sent to the address (or it was used)
)

// Message is the Vietnamese text for a failed outcome; left is the number
// of tries remaining after a wrong code.
func (o CodeOutcome) Message(left int) string {
	switch o {
	case CodeWrong:
		return fmt.Sprintf("Mã xác thực không đúng. Bạn còn %d lần thử; sau đó cần yêu cầu mã mới.", left)
	case CodeExhausted:
		return "Mã xác thực đã bị nhập sai quá 5 lần nên không còn dùng được. Vui lòng yêu cầu gửi mã mới."
	case CodeExpired:
		return "Mã xác thực đã hết hạn (mỗi mã dùng được 10 phút). Vui lòng yêu cầu gửi mã mới."
	case CodeNone:
		return "Chưa có mã xác thực nào đang chờ cho địa chỉ này. Vui lòng yêu cầu gửi mã."
	}
	return ""
}

// Claims are what an OpenID provider says about the person, already read
// from the ID token and the userinfo endpoint.
type Claims struct {
	Issuer        string
	Subject       string
	Email         string
	EmailVerified bool
	IDNumber      string // CCCD (12 digits) when the provider gives it
	Name          string
	Birthdate     string // as the provider sends it (OIDC: YYYY-MM-DD)
	Address       string
	Phone         string
}

// CleanClaims normalises claims that come from outside: text cleaned and
// bounded, an e-mail kept only when verified and well-formed, a CCCD
// number only when it has the shape of one, a birth date only when it is
// a real date. What is dropped is simply not used: the citizen types it.
func CleanClaims(c Claims) Claims {
	c.Issuer = strings.TrimRight(strings.TrimSpace(c.Issuer), "/")
	c.Subject = strings.TrimSpace(c.Subject)
	if len(c.Subject) > 255 || !utf8.ValidString(c.Subject) {
		c.Subject = ""
	}
	if e, err := NormalizeEmail(c.Email); err == nil && c.EmailVerified {
		c.Email = e
	} else {
		c.Email, c.EmailVerified = "", false
	}
	c.IDNumber = strings.TrimSpace(c.IDNumber)
	if !validIDNumber(c.IDNumber) {
		c.IDNumber = ""
	}
	c.Name = clip(viet.CleanLine(c.Name), 100)
	c.Address = clip(viet.CleanLine(c.Address), 300)
	c.Phone = clip(viet.CleanLine(c.Phone), 20)
	if t, err := time.Parse("2006-01-02", strings.TrimSpace(c.Birthdate)); err == nil && t.Year() >= 1900 {
		c.Birthdate = t.Format("2006-01-02")
	} else {
		c.Birthdate = ""
	}
	return c
}

// validIDNumber: a CCCD number is 12 digits.
func validIDNumber(s string) bool {
	if len(s) != 12 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// MatchKind is what a provider sign-in does with the accounts found.
type MatchKind int

const (
	SignIn   MatchKind = iota // the subject's account
	Create                    // a new account
	Link                      // an e-mail-only account gains the subject
	Conflict                  // refused: another account holds the CCCD or e-mail
)

// Match decides, for a provider's claims, between the account holding the
// subject, the one holding the asserted CCCD number, and the one holding
// the verified e-mail (each nil when none). It never merges two people: a
// CCCD or e-mail already bound to another subject is a conflict the
// citizen must resolve at the desk, and only an account that has no
// subject yet can be linked by its verified e-mail.
func Match(c Claims, bySubject, byIDNumber, byEmail *Citizen) (MatchKind, *Citizen, string) {
	if bySubject != nil {
		if byIDNumber != nil && byIDNumber.ID != bySubject.ID {
			return Conflict, nil, conflictMsg("số CCCD")
		}
		return SignIn, bySubject, ""
	}
	if byIDNumber != nil {
		// An account holding this CCCD with another subject, or proven by
		// e-mail only: neither may be taken over by a new subject.
		return Conflict, nil, conflictMsg("số CCCD")
	}
	if byEmail != nil {
		if byEmail.Subject != "" {
			return Conflict, nil, conflictMsg("địa chỉ thư điện tử")
		}
		return Link, byEmail, ""
	}
	return Create, nil, ""
}

func conflictMsg(what string) string {
	return "Không đăng nhập được: " + what + " mà nhà cung cấp định danh gửi đã gắn với một tài khoản công dân khác trên cổng này. " +
		"Để bảo vệ hồ sơ của cả hai tài khoản, cổng không tự gộp. Vui lòng đăng nhập bằng cách đã dùng trước đây, " +
		"hoặc liên hệ Bộ phận Một cửa để được hỗ trợ; hồ sơ của bạn không bị mất."
}

// Prefill is what the submission form starts from: the provider's
// identity first, then what the citizen typed last time.
func Prefill(c Citizen) map[string]string {
	out := map[string]string{"name": c.Name, "address": c.Address, "phone": c.Phone, "email": c.Email}
	out["id_number"] = c.IDNumber
	if out["id_number"] == "" {
		out["id_number"] = c.ProfileIDNumber
	}
	if t, err := time.Parse("2006-01-02", c.DOB); err == nil {
		out["dob"] = t.Format("02/01/2006")
	}
	for k, v := range out {
		if v == "" {
			delete(out, k)
		}
	}
	return out
}

// clip bounds a claim to n characters (runes).
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}
