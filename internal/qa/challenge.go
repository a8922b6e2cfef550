package qa

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/viet"
)

// The bot challenge needs no third-party service and no JavaScript: a small
// sum written in Vietnamese words, a hidden field people leave empty, and a
// minimum time between showing the form and submitting it. The token
// carries when it was issued and a nonce, signed with the site's secret
// together with the expected answer, so the answer is not readable from
// the page and a token cannot be forged or reused (the nonce is recorded
// when a form is accepted).
const (
	ChallengeMaxAge  = 2 * time.Hour   // a citizen may take long to write
	ChallengeMinFill = 3 * time.Second // faster than anyone reads and types
	HoneypotField    = "website"       // hidden; people leave it empty
)

// Challenge errors; each has a Vietnamese message for the form.
var (
	ErrChallengeWrong    = errors.New("Kết quả phép tính chưa đúng. Vui lòng tính lại phép tính mới bên dưới.")
	ErrChallengeExpired  = errors.New("Biểu mẫu đã mở quá lâu nên mã kiểm tra hết hạn. Nội dung của bạn vẫn còn; vui lòng trả lời phép tính mới và gửi lại.")
	ErrChallengeTooFast  = errors.New("Biểu mẫu được gửi quá nhanh. Vui lòng kiểm tra lại nội dung rồi gửi lại.")
	ErrChallengeInvalid  = errors.New("Mã kiểm tra không hợp lệ. Vui lòng trả lời phép tính mới và gửi lại.")
	ErrChallengeReplayed = errors.New("Biểu mẫu này đã được gửi một lần. Nếu muốn gửi thêm, vui lòng mở lại biểu mẫu.")
	ErrHoneypot          = errors.New("Không gửi được biểu mẫu. Vui lòng để trống ô “Trang web” và gửi lại.")
)

var numberWords = []string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"}

// Challenge is what the form shows: the question and the signed token.
type Challenge struct {
	Question string
	Token    string
}

// NewChallenge makes a fresh challenge signed with secret.
func NewChallenge(secret []byte, now time.Time) Challenge {
	var r [10]byte
	rand.Read(r[:])
	a, b := int(r[0])%9+1, int(r[1])%9+1
	nonce := hex.EncodeToString(r[2:])
	payload := strconv.FormatInt(now.Unix(), 10) + "." + nonce
	q := "Bao nhiêu là " + numberWords[a] + " cộng " + numberWords[b] + "?"
	return Challenge{Question: q, Token: payload + "." + sign(secret, payload, a+b)}
}

func sign(secret []byte, payload string, answer int) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(payload + "|" + strconv.Itoa(answer)))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:16])
}

// VerifyChallenge checks the answer to the challenge in token and returns
// its nonce, which the caller records so the token is used once.
func VerifyChallenge(secret []byte, token, answer, honeypot string, now time.Time) (string, error) {
	if strings.TrimSpace(honeypot) != "" {
		return "", ErrHoneypot
	}
	parts := strings.Split(token, ".")
	if len(parts) != 3 || len(parts[1]) != 16 {
		return "", ErrChallengeInvalid
	}
	issued, err := strconv.ParseInt(parts[0], 10, 64)
	if err != nil {
		return "", ErrChallengeInvalid
	}
	n, ok := ParseAnswer(answer)
	if !ok {
		return "", ErrChallengeWrong
	}
	payload := parts[0] + "." + parts[1]
	if !hmac.Equal([]byte(sign(secret, payload, n)), []byte(parts[2])) {
		return "", ErrChallengeWrong
	}
	age := now.Sub(time.Unix(issued, 0))
	switch {
	case age > ChallengeMaxAge:
		return "", ErrChallengeExpired
	case age < ChallengeMinFill:
		return "", ErrChallengeTooFast
	}
	return parts[1], nil
}

// ParseAnswer accepts digits or the number written in Vietnamese words,
// with or without diacritics ("12", "mười hai", "muoi hai").
func ParseAnswer(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if n, err := strconv.Atoi(s); err == nil {
		return n, n >= 0 && n <= 100
	}
	words := strings.Fields(viet.Fold(s))
	if len(words) == 0 || len(words) > 3 {
		return 0, false
	}
	digit := func(w string) int {
		switch w {
		case "mot": // "mốt", as in "hai mươi mốt", folds to this too
			return 1
		case "lam", "nham":
			return 5
		case "bon", "tu":
			return 4
		}
		for i, nw := range numberWords[:10] {
			if viet.Fold(nw) == w {
				return i
			}
		}
		return -1
	}
	if words[0] == "muoi" {
		if len(words) == 1 {
			return 10, true
		}
		if len(words) == 2 {
			if d := digit(words[1]); d > 0 {
				return 10 + d, true
			}
		}
		return 0, false
	}
	if len(words) == 1 {
		d := digit(words[0])
		return d, d >= 0
	}
	return 0, false
}
