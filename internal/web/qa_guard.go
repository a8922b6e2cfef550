package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"net/http"
	"time"

	"github.com/congportal/cong/internal/qa"
)

// Public forms (questions, comments on drafts) accept this many attempts
// per address in the window; the rest get a 429 page. A person who fails
// the challenge twice still gets through; a script does not.
const (
	formLimit   = 8
	formWindow  = 10 * time.Minute
	maxFormBody = 64 << 10
)

// formGuard is what every public form shares before its own checks: body
// size, the per-address rate limit (counted in the database, so every
// instance agrees) and the bot challenge. It returns the challenge nonce
// to record with the stored row, or a field error for the form.
func (s *Server) formGuard(w http.ResponseWriter, r *http.Request) (secret []byte, nonce string, challengeErr error, err error) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, "", nil, &Error{Status: http.StatusRequestEntityTooLarge, Code: "too_large", Message: "Nội dung gửi lên quá lớn. Câu hỏi hoặc góp ý tối đa 4000 ký tự."}
		}
		return nil, "", nil, errBadRequest("Biểu mẫu gửi lên không đọc được. Vui lòng thử lại.")
	}
	ctx := r.Context()
	secret, err = s.st.FormSecret(ctx, s.siteIDOf(r))
	if err != nil {
		return nil, "", nil, err
	}
	now := time.Now()
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("ip|" + s.clientKey(r)))
	n, err := s.st.FormHit(ctx, s.siteIDOf(r), m.Sum(nil), now, now.Add(-formWindow))
	if err != nil {
		return nil, "", nil, err
	}
	if n > formLimit {
		w.Header().Set("Retry-After", "600")
		return nil, "", nil, &Error{Status: http.StatusTooManyRequests, Code: "rate_limited",
			Message: "Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng đợi khoảng 10 phút rồi gửi lại. Nếu cần gấp, xin gọi điện cho cơ quan theo số ở cuối trang."}
	}
	nonce, challengeErr = qa.VerifyChallenge(secret, r.PostFormValue("challenge_token"), r.PostFormValue("challenge"), r.PostFormValue(qa.HoneypotField), now)
	return secret, nonce, challengeErr, nil
}

// newChallenge makes a challenge for a form being shown.
func (s *Server) newChallenge(r *http.Request) (qa.Challenge, error) {
	secret, err := s.st.FormSecret(r.Context(), s.siteIDOf(r))
	if err != nil {
		return qa.Challenge{}, err
	}
	return qa.NewChallenge(secret, time.Now()), nil
}
