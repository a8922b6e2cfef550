package web

import (
	"net/http"
	"net/url"
	"time"

	"github.com/congportal/cong/internal/auth"
)

const totpPath = "/quan-tri/xac-thuc-hai-buoc"

func pendingFrom(r *http.Request) *auth.User {
	u, _ := r.Context().Value(pendingKey).(*auth.User)
	return u
}

type codePage struct {
	adminPage
	Next    string
	Message string
}

func (s *Server) loginCodeForm(w http.ResponseWriter, r *http.Request) error {
	r, err := s.loadSession(r)
	if err != nil {
		return err
	}
	if pendingFrom(r) == nil {
		http.Redirect(w, r, "/dang-nhap", http.StatusSeeOther)
		return nil
	}
	p := &codePage{adminPage: s.newAdminPage(r, "Mã xác thực"), Next: localRedirect(r.URL.Query().Get("tiep"))}
	return s.renderAdmin(w, http.StatusOK, "login_code", p)
}

// loginCode completes a login with the authenticator code. Each code is a
// guess reserved like a password (login_throttle.go), from the same budgets.
func (s *Server) loginCode(w http.ResponseWriter, r *http.Request) error {
	r, err := s.loadSession(r)
	if err != nil {
		return err
	}
	pu := pendingFrom(r)
	si := sessionFrom(r.Context())
	if pu == nil || si == nil {
		http.Redirect(w, r, "/dang-nhap", http.StatusSeeOther)
		return nil
	}
	if err := checkCSRF(r); err != nil {
		return err
	}
	ctx := r.Context()
	p := &codePage{adminPage: s.newAdminPage(r, "Mã xác thực"), Next: localRedirect(r.PostFormValue("tiep"))}
	g, th, err := s.reserveGuess(r, pu.Username)
	if err != nil {
		return err
	}
	if th != nil {
		p.Message = th.message("nhập sai mã xác thực")
		return s.renderAdmin(w, th.header(w), "login_code", p)
	}
	u, err := s.st.UserByID(ctx, pu.SiteID, pu.ID)
	if err != nil {
		return err
	}
	step, ok := auth.VerifyTOTP(u.TOTPSecret, r.PostFormValue("code"), time.Now(), u.TOTPLastStep)
	if ok {
		if err := s.st.UseTOTPStep(ctx, u.ID, step); err != nil {
			ok = false
		}
	}
	if !ok {
		s.auditAs(r, u.ID, u.Username, "login.failed", "mã xác thực sai")
		p.Message = "Mã xác thực không đúng hoặc đã được dùng. Hãy nhập mã mới đang hiển thị trong ứng dụng."
		return s.renderAdmin(w, http.StatusUnauthorized, "login_code", p)
	}
	s.guessRight(r, g)
	if err := s.startSession(w, r, u.ID, false); err != nil {
		return err
	}
	s.auditAs(r, u.ID, u.Username, "login", "xác thực hai bước")
	http.Redirect(w, r, p.Next, http.StatusSeeOther)
	return nil
}

type totpPage struct {
	adminPage
	Enabled  bool
	Required bool
	Secret   string
	URI      string
	Message  string
}

// totpForm shows enrolment (a new secret to add to an authenticator app) or,
// when enabled, the form to turn it off.
func (s *Server) totpForm(w http.ResponseWriter, r *http.Request) error {
	return s.renderTOTP(w, r, http.StatusOK, "", "")
}

func (s *Server) renderTOTP(w http.ResponseWriter, r *http.Request, status int, secret, msg string) error {
	u := userFrom(r.Context())
	p := &totpPage{adminPage: s.newAdminPage(r, "Xác thực hai bước"), Enabled: u.HasTOTP, Message: msg}
	if r.URL.Query().Get("tb") == "bat-buoc" {
		p.Flash = "Cổng yêu cầu tài khoản quản trị viên và người duyệt dùng xác thực hai bước. Vui lòng bật xác thực hai bước dưới đây để tiếp tục làm việc."
	}
	p.Required = auth.TOTPRequired(u.Role, p.Site.RequireAdminTOTP)
	if !p.Enabled {
		if secret == "" {
			var err error
			if secret, err = auth.NewTOTPSecret(); err != nil {
				return err
			}
		}
		p.Secret = secret
		p.URI = auth.TOTPURI(secret, p.Site.Name, u.Username)
	}
	return s.renderAdmin(w, status, "totp", p)
}

func (s *Server) totpChange(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	u := userFrom(ctx)
	rec, err := s.st.UserByID(ctx, u.SiteID, u.ID)
	if err != nil {
		return err
	}
	now := time.Now()
	switch r.PostFormValue("action") {
	case "bat":
		secret := r.PostFormValue("secret")
		if rec.HasTOTP {
			return &Error{Status: http.StatusConflict, Code: "conflict", Message: "Xác thực hai bước đã được bật."}
		}
		step, ok := auth.VerifyTOTP(secret, r.PostFormValue("code"), now, 0)
		if !ok || len(secret) < 26 {
			return s.renderTOTP(w, r, http.StatusUnprocessableEntity, secret, "Mã không đúng. Kiểm tra đồng hồ điện thoại và nhập mã đang hiển thị cho tài khoản này.")
		}
		if err := s.st.SetTOTP(ctx, u.ID, secret, step); err != nil {
			return err
		}
		s.audit(r, "user.totp_enable", "user", u.ID, "")
	case "tat":
		if d, err := s.site(ctx); err == nil && auth.TOTPRequired(u.Role, d.site.RequireAdminTOTP) {
			return &Error{Status: http.StatusForbidden, Code: "forbidden", Message: "Cổng yêu cầu quản trị viên và người duyệt dùng xác thực hai bước; không thể tắt."}
		}
		if _, ok := auth.VerifyTOTP(rec.TOTPSecret, r.PostFormValue("code"), now, rec.TOTPLastStep); !ok {
			return s.renderTOTP(w, r, http.StatusUnprocessableEntity, "", "Mã không đúng; xác thực hai bước vẫn đang bật.")
		}
		if err := s.st.SetTOTP(ctx, u.ID, "", 0); err != nil {
			return err
		}
		s.audit(r, "user.totp_disable", "user", u.ID, "")
	default:
		return errBadRequest("Thao tác không hợp lệ.")
	}
	http.Redirect(w, r, totpPath+"?tb="+url.QueryEscape("luu-2fa"), http.StatusSeeOther)
	return nil
}
