package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/store"
)

type loginPage struct {
	adminPage
	Username string
	Next     string
	Message  string
}

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) error {
	r, err := s.loadSession(r)
	if err != nil {
		return err
	}
	if userFrom(r.Context()) != nil {
		http.Redirect(w, r, localRedirect(r.URL.Query().Get("tiep")), http.StatusSeeOther)
		return nil
	}
	p := &loginPage{adminPage: s.newAdminPage(r, "Đăng nhập"), Next: localRedirect(r.URL.Query().Get("tiep"))}
	return s.renderAdmin(w, http.StatusOK, "login", p)
}

// login checks the password after reserving the attempt (login_throttle.go)
// and taking a hashing slot (hash_gate.go). Every failure says the same
// thing whether or not the account exists, and costs the same.
func (s *Server) login(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return errBadRequest("Không đọc được dữ liệu đăng nhập.")
	}
	username := strings.TrimSpace(r.PostFormValue("username"))
	password := r.PostFormValue("password")
	p := &loginPage{adminPage: s.newAdminPage(r, "Đăng nhập"), Username: username, Next: localRedirect(r.PostFormValue("tiep"))}
	if username == "" || password == "" || len(username) > 100 || !utf8.ValidString(username) {
		p.Message = "Vui lòng nhập tên đăng nhập và mật khẩu."
		return s.renderAdmin(w, http.StatusBadRequest, "login", p)
	}
	ctx := r.Context()
	g, th, err := s.reserveGuess(r, username)
	if err != nil {
		return err
	}
	if th != nil {
		s.auditAs(r, 0, username, "login.throttled", "")
		p.Message = th.message("đăng nhập sai")
		return s.renderAdmin(w, th.header(w), "login", p)
	}
	u, err := s.st.UserForSite(ctx, s.siteIDOf(r), username)
	if err != nil && err != store.ErrNotFound {
		return err
	}
	leave, ok := s.hashes.enter(ctx)
	if !ok {
		// The reserved guess stays counted: it cannot be told from a flood.
		p.Message = hashBusyMessage
		return s.renderAdmin(w, hashBusyHeader(w), "login", p)
	}
	ok = auth.VerifyPassword(u.PasswordHash, password) && !u.Disabled
	leave()
	if !ok {
		s.auditAs(r, u.ID, username, "login.failed", "")
		p.Message = "Tên đăng nhập hoặc mật khẩu không đúng."
		return s.renderAdmin(w, http.StatusUnauthorized, "login", p)
	}
	s.guessRight(r, g)
	if u.HasTOTP {
		// Password right; the session is not a login until the code is.
		if err := s.startSession(w, r, u.ID, true); err != nil {
			return err
		}
		s.auditAs(r, u.ID, u.Username, "login.password_ok", "chờ mã xác thực")
		http.Redirect(w, r, "/dang-nhap/ma-xac-thuc?tiep="+url.QueryEscape(p.Next), http.StatusSeeOther)
		return nil
	}
	if err := s.startSession(w, r, u.ID, false); err != nil {
		return err
	}
	s.auditAs(r, u.ID, u.Username, "login", "")
	http.Redirect(w, r, p.Next, http.StatusSeeOther)
	return nil
}

// startSession gives the browser a fresh session id (no fixation), dropping
// the one it had, if any.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, userID int64, mfaPending bool) error {
	ctx := r.Context()
	if old, err := r.Cookie(sessionCookie); err == nil {
		if err := s.st.DeleteSession(ctx, auth.HashSecret(old.Value)); err != nil {
			return err
		}
	}
	secret, hash, err := auth.NewSecret()
	if err != nil {
		return err
	}
	csrf, _, err := auth.NewSecret()
	if err != nil {
		return err
	}
	if err := s.st.CreateSession(ctx, hash, userID, csrf, s.clientIP(r), r.UserAgent(), mfaPending); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: secret, Path: "/", HttpOnly: true, Secure: s.secureCookies(r),
		SameSite: http.SameSiteLaxMode, MaxAge: int(sessionAbsolute / time.Second)})
	return nil
}

func (s *Server) auditAs(r *http.Request, userID int64, username, action, detail string) {
	if err := s.st.Audit(r.Context(), store.AuditEntry{SiteID: s.siteIDOf(r), UserID: userID, Username: store.NormalizeUsername(username), Action: action, Detail: detail, IP: s.clientIP(r)}); err != nil {
		s.log.Error("audit log write failed", "action", action, "err", err)
	}
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	si := sessionFrom(r.Context())
	if si != nil {
		if err := s.st.DeleteSession(r.Context(), si.idHash); err != nil {
			return err
		}
	}
	s.audit(r, "logout", "", 0, "")
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true, Secure: s.secureCookies(r), SameSite: http.SameSiteLaxMode, MaxAge: -1})
	http.Redirect(w, r, "/dang-nhap", http.StatusSeeOther)
	return nil
}

func (s *Server) logoutEverywhere(w http.ResponseWriter, r *http.Request) error {
	u := userFrom(r.Context())
	if err := s.st.DeleteUserSessions(r.Context(), u.ID); err != nil {
		return err
	}
	s.audit(r, "logout.everywhere", "user", u.ID, "")
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true, Secure: s.secureCookies(r), SameSite: http.SameSiteLaxMode, MaxAge: -1})
	http.Redirect(w, r, "/dang-nhap", http.StatusSeeOther)
	return nil
}
