package web

import (
	"net/http"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/store"
)

type accountPage struct {
	adminPage
	Me       store.UserRecord
	Sessions int
	Errors   map[string]string
	Message  string
}

func (s *Server) accountPage(r *http.Request) (*accountPage, error) {
	p := &accountPage{adminPage: s.newAdminPage(r, "Tài khoản của tôi")}
	p.Nav = "account"
	var err error
	if p.Me, err = s.st.UserByID(r.Context(), p.User.SiteID, p.User.ID); err != nil {
		return nil, err
	}
	if p.Sessions, err = s.st.LiveSessions(r.Context(), p.User.ID, time.Now(), sessionIdle, sessionAbsolute); err != nil {
		return nil, err
	}
	return p, nil
}

// account shows the logged-in user's own account: details, password
// change, second factor, sessions. Every staff role has it.
func (s *Server) account(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActViewAdmin); err != nil {
		return err
	}
	p, err := s.accountPage(r)
	if err != nil {
		return err
	}
	return s.renderAdmin(w, http.StatusOK, "account", p)
}

// changeOwnPassword needs the current password (a session left open on a
// shared PC must not be enough to take the account). Each try is a guess
// reserved from the login budgets, so the form cannot be used to
// brute-force it. Success
// ends every session, this one included.
func (s *Server) changeOwnPassword(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActViewAdmin); err != nil {
		return err
	}
	ctx := r.Context()
	p, err := s.accountPage(r)
	if err != nil {
		return err
	}
	fail := func(status int, field, msg string) error {
		p.Errors = map[string]string{field: msg}
		p.Message = "Mật khẩu chưa được đổi."
		return s.renderAdmin(w, status, "account", p)
	}
	g, th, err := s.reserveGuess(r, p.Me.Username)
	if err != nil {
		return err
	}
	if th != nil {
		return fail(th.header(w), "current", th.message("nhập sai mật khẩu"))
	}
	current, pw := r.PostFormValue("current"), r.PostFormValue("password")
	leave, ok := s.hashes.enter(ctx)
	if !ok {
		return fail(hashBusyHeader(w), "current", hashBusyMessage)
	}
	ok = auth.VerifyPassword(p.Me.PasswordHash, current)
	leave()
	if !ok {
		s.audit(r, "password.change_failed", "user", p.Me.ID, "mật khẩu hiện tại sai")
		return fail(http.StatusUnprocessableEntity, "current", "Mật khẩu hiện tại không đúng.")
	}
	s.guessRight(r, g)
	if pw == current {
		return fail(http.StatusUnprocessableEntity, "password", "Mật khẩu mới phải khác mật khẩu hiện tại.")
	}
	if msg := checkNewPassword(pw, r.PostFormValue("password2"), p.Me.Username); msg != "" {
		return fail(http.StatusUnprocessableEntity, "password", msg)
	}
	leave, ok = s.hashes.enter(ctx)
	if !ok {
		return fail(hashBusyHeader(w), "password", hashBusyMessage)
	}
	hash, err := auth.HashPassword(pw)
	leave()
	if err != nil {
		return err
	}
	if err := s.st.SetPassword(ctx, p.Me.ID, hash); err != nil {
		return err
	}
	s.audit(r, "password.change", "user", p.Me.ID, p.Me.Username)
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true, Secure: s.secureCookies(r), SameSite: http.SameSiteLaxMode, MaxAge: -1})
	http.Redirect(w, r, "/dang-nhap?tb=doi-mat-khau", http.StatusSeeOther)
	return nil
}
