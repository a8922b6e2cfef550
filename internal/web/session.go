package web

import (
	"context"
	"crypto/subtle"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/store"
)

const (
	sessionCookie = "cong_sid"
	// Idle and absolute session lifetimes: a shared office PC left open
	// logs out within two hours; nobody stays logged in past a working day.
	sessionIdle     = 2 * time.Hour
	sessionAbsolute = 12 * time.Hour
	// Login throttling: auth.LoginThrottle, applied in login_throttle.go.
)

type ctxKey int

const (
	userKey ctxKey = iota
	sessionKey
	pendingKey // a session whose password was right, waiting for its TOTP code
)

type sessionInfo struct {
	idHash []byte
	csrf   string
}

func userFrom(ctx context.Context) *auth.User {
	u, _ := ctx.Value(userKey).(*auth.User)
	return u
}

func withUser(ctx context.Context, u *auth.User) context.Context {
	return context.WithValue(ctx, userKey, u)
}

func sessionFrom(ctx context.Context) *sessionInfo {
	si, _ := ctx.Value(sessionKey).(*sessionInfo)
	return si
}

func (s *Server) clientIP(r *http.Request) string {
	return s.proxies.ClientIP(r).String()
}

// clientKey is what limits and form guards count a client by: its IPv4
// address or its IPv6 /64 (visit.Proxies.ClientKey). Audit entries and
// sessions keep the full address, which is what an investigator needs.
func (s *Server) clientKey(r *http.Request) string {
	return s.proxies.ClientKey(r)
}

// secureCookies is true when the portal is served over HTTPS.
func (s *Server) secureCookies(r *http.Request) bool {
	return r.TLS != nil || strings.HasPrefix(s.baseURLOf(r), "https://")
}

// loadSession attaches the logged-in user, if any, to the request context.
// Only staff pages use it: public pages never read the session, so they
// stay database-free.
func (s *Server) loadSession(r *http.Request) (*http.Request, error) {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" || len(c.Value) > 100 {
		return r, nil
	}
	h := auth.HashSecret(c.Value)
	now := time.Now()
	ss, err := s.st.SessionByHash(r.Context(), h, now, sessionIdle, sessionAbsolute)
	if errors.Is(err, store.ErrNotFound) {
		return r, nil
	}
	if err != nil {
		return r, err
	}
	if now.Sub(ss.LastSeenAt) > time.Minute {
		if err := s.st.TouchSession(r.Context(), h, now); err != nil {
			return r, err
		}
	}
	u := ss.User
	si := &sessionInfo{idHash: h, csrf: ss.CSRF}
	if ss.MFAPending {
		ctx := context.WithValue(r.Context(), pendingKey, &u)
		return r.WithContext(context.WithValue(ctx, sessionKey, si)), nil
	}
	ctx := context.WithValue(r.Context(), userKey, &u)
	ctx = context.WithValue(ctx, sessionKey, si)
	return r.WithContext(ctx), nil
}

// staff wraps a handler that needs a logged-in user: it loads the session,
// sends anonymous visitors to the login page, and checks the CSRF token on
// every unsafe method (on top of the global cross-origin check, for
// browsers that send neither Sec-Fetch-Site nor Origin).
func (s *Server) staff(fn handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		r, err := s.loadSession(r)
		if err != nil {
			return err
		}
		u := userFrom(r.Context())
		if u == nil {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/dang-nhap?tiep="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return nil
			}
			return &Error{Status: http.StatusUnauthorized, Code: "unauthorized", Message: "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại; nội dung chưa lưu hãy sao chép trước khi đăng nhập."}
		}
		if u.SiteID != s.siteIDOf(r) {
			// Signed in on another site's host: the role here is the one
			// given for this site, if any (issue 16).
			on, err := s.onSite(r, *u)
			if err != nil {
				return err
			}
			u = &on
			r = r.WithContext(withUser(r.Context(), u))
		}
		if !auth.Can(u, auth.ActViewAdmin, nil) {
			return errForbidden()
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if err := checkCSRF(r); err != nil {
				return err
			}
		}
		w.Header().Set("Cache-Control", "no-store")
		// A site may require admins and approvers to use a second factor:
		// until they enrol, the enrolment page and logout are all they can reach.
		if !u.HasTOTP && auth.TOTPRequired(u.Role, true) && r.URL.Path != totpPath && r.URL.Path != "/dang-xuat" {
			if d, err := s.site(r.Context()); err == nil && auth.TOTPRequired(u.Role, d.site.RequireAdminTOTP) {
				http.Redirect(w, r, totpPath+"?tb=bat-buoc", http.StatusSeeOther)
				return nil
			}
		}
		return fn(w, r)
	}
}

func errForbidden() *Error {
	return &Error{Status: http.StatusForbidden, Code: "forbidden", Message: "Bạn không có quyền thực hiện thao tác này."}
}

func checkCSRF(r *http.Request) error {
	si := sessionFrom(r.Context())
	if err := r.ParseMultipartForm(maxFormBytes); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return errBadRequest("Không đọc được dữ liệu gửi lên.")
	}
	tok := r.PostFormValue("csrf")
	if tok == "" {
		tok = r.Header.Get("X-CSRF-Token")
	}
	if si == nil || tok == "" || subtle.ConstantTimeCompare([]byte(tok), []byte(si.csrf)) != 1 {
		return &Error{Status: http.StatusForbidden, Code: "csrf", Message: "Biểu mẫu đã hết hạn hoặc không hợp lệ (mã chống giả mạo không khớp). Vui lòng tải lại trang và thử lại."}
	}
	return nil
}

const maxFormBytes = 4 << 20

func (s *Server) audit(r *http.Request, action, objType string, objID int64, detail string) {
	e := store.AuditEntry{SiteID: s.siteIDOf(r), Action: action, ObjectType: objType, ObjectID: objID, Detail: detail, IP: s.clientIP(r)}
	if u := userFrom(r.Context()); u != nil {
		e.UserID, e.Username = u.ID, u.Username
	}
	if err := s.st.Audit(r.Context(), e); err != nil {
		s.log.Error("audit log write failed", "action", action, "err", err)
	}
}
