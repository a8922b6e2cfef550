package web

import (
	"context"
	"crypto/subtle"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/congportal/cong/internal/citizen"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/store"
)

// Citizens' accounts (issue 17): sign-in by a one-time code mailed to the
// address (this file) or through the province's OpenID provider
// (citizen_oidc.go); sessions apart from staff's, with their own cookie and
// shorter lifetimes; "Hồ sơ của tôi", the account's dossiers, each opened
// at /cong-dan/ho-so/{code} by the same handlers as the private link.

const citizenCookie = "cong_cd"

// citizenSession is the signed-in citizen of a request.
type citizenSession struct {
	c      citizen.Citizen
	idHash string
	csrf   string
}

const citizenKey ctxKey = 100

func citizenFrom(ctx context.Context) *citizenSession {
	cs, _ := ctx.Value(citizenKey).(*citizenSession)
	return cs
}

// account is what the account pages show.
type account struct {
	Email    string
	Next     string
	Step     string // sign-in: "" (address) or "ma" (code)
	OIDC     bool   // a provider is configured
	OIDCName string
	Notice   string
	Dossiers []accountDossier
	Papers   []store.Paper
	Reuse    map[int64][]store.Paper // component id → papers offered for it (submission form)
}

// accountDossier is one row of "Hồ sơ của tôi".
type accountDossier struct {
	dossier.Dossier
	Next string // what is asked of the citizen now, if anything
}

// loadCitizen attaches the signed-in citizen, if any. Only citizen pages
// call it: the public portal never reads a session.
func (s *Server) loadCitizen(r *http.Request) (*http.Request, error) {
	ck, err := r.Cookie(citizenCookie)
	if err != nil || ck.Value == "" || len(ck.Value) > 100 {
		return r, nil
	}
	h := tokenHash(ck.Value)
	c, csrf, err := s.st.CitizenSession(r.Context(), s.siteIDOf(r), h, time.Now())
	if errors.Is(err, store.ErrNotFound) {
		return r, nil
	}
	if err != nil {
		return r, err
	}
	return r.WithContext(context.WithValue(r.Context(), citizenKey, &citizenSession{c: c, idHash: h, csrf: csrf})), nil
}

// signedIn wraps a page of the account: a visitor without a session is
// sent to sign in (GET) or refused (other methods). Unsafe methods must
// carry the session's CSRF token; a multipart upload checks it itself
// (checkCitizenCSRF), after reading the fields that precede the files.
func (c *citizenDesk) signedIn(fn handlerFunc, csrfInBody bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		r, err := c.s.loadCitizen(r)
		if err != nil {
			return err
		}
		cs := citizenFrom(r.Context())
		if cs == nil {
			if r.Method == http.MethodGet || r.Method == http.MethodHead {
				http.Redirect(w, r, "/cong-dan/dang-nhap?tiep="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return nil
			}
			return &Error{Status: http.StatusUnauthorized, Code: "unauthorized",
				Message: "Phiên đăng nhập tài khoản công dân đã hết hạn. Vui lòng đăng nhập lại rồi thực hiện lại; hồ sơ của bạn không bị ảnh hưởng."}
		}
		w.Header().Set("Cache-Control", "no-store")
		if r.Method != http.MethodGet && r.Method != http.MethodHead && !csrfInBody {
			r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
			if err := r.ParseMultipartForm(64 << 10); err != nil && !errors.Is(err, http.ErrNotMultipart) {
				return errBadRequest("Không đọc được dữ liệu gửi lên.")
			}
			if err := checkCitizenCSRF(cs, r.PostFormValue("csrf")); err != nil {
				return err
			}
		}
		return fn(w, r)
	}
}

func checkCitizenCSRF(cs *citizenSession, tok string) error {
	if cs == nil || tok == "" || subtle.ConstantTimeCompare([]byte(tok), []byte(cs.csrf)) != 1 {
		return &Error{Status: http.StatusForbidden, Code: "csrf", Message: "Biểu mẫu đã hết hạn hoặc không hợp lệ (mã chống giả mạo không khớp). Vui lòng tải lại trang và thử lại."}
	}
	return nil
}

// startCitizenSession signs the browser in as the citizen, dropping any
// session it had (no fixation).
func (s *Server) startCitizenSession(w http.ResponseWriter, r *http.Request, citizenID int64) error {
	ctx := r.Context()
	if old, err := r.Cookie(citizenCookie); err == nil && len(old.Value) <= 100 {
		if err := s.st.DeleteCitizenSession(ctx, tokenHash(old.Value)); err != nil {
			return err
		}
	}
	secret, csrf := newKey(), newKey()
	if err := s.st.CreateCitizenSession(ctx, tokenHash(secret), citizenID, csrf, s.clientIP(r), time.Now()); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: citizenCookie, Value: secret, Path: "/", HttpOnly: true, Secure: s.secureCookies(r),
		SameSite: http.SameSiteLaxMode, MaxAge: int(citizen.SessionAbsolute / time.Second)})
	return nil
}

func (s *Server) clearCitizenCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: citizenCookie, Value: "", Path: "/", HttpOnly: true, Secure: s.secureCookies(r), SameSite: http.SameSiteLaxMode, MaxAge: -1})
}

// citizenNext is where to go after signing in: a same-site path only.
func citizenNext(v string) string {
	if v == "" {
		return "/cong-dan/ho-so"
	}
	if n := localRedirect(v); n != adminHome || v == adminHome {
		return n
	}
	return "/cong-dan/ho-so"
}

// Limits of the code path, counted in the database per client key.
var (
	// Asking for a code sends a mail: a few an hour per client.
	citizenCodeRule = dbRule{scope: "citizen_code", n: 10, window: time.Hour}
	// Typing codes: each code dies after citizen.MaxTries wrong ones;
	// this bounds how many codes' worth of guesses a client gets.
	citizenVerifyRule = dbRule{scope: "citizen_verify", n: 30, window: time.Hour}
	// Codes mailed to one address, whoever asks: many clients must not
	// be able to flood a mailbox.
	citizenAddressRule = dbRule{scope: "citizen_code_address", n: 5, window: time.Hour}
	// Sign-ins started with the provider: each stores a row until used
	// or expired.
	citizenOIDCRule = dbRule{scope: "citizen_oidc", n: 60, window: time.Hour}
)

// addressLimit is dbLimit counted per e-mail address instead of client.
func (c *citizenDesk) addressLimit(w http.ResponseWriter, r *http.Request, email string) error {
	hits, left, err := c.s.st.ReserveHit(r.Context(), citizenAddressRule.scope, email, citizenAddressRule.window, time.Now())
	if err != nil {
		return err
	}
	if hits <= citizenAddressRule.n {
		return nil
	}
	w.Header().Set("Retry-After", strconv.Itoa(int((left+time.Second-1)/time.Second)))
	return errRateLimited(left)
}

func (c *citizenDesk) signInPage(r *http.Request) *citizenPage {
	p := c.newPage(r)
	p.OIDC = c.s.oidc != nil
	if p.OIDC {
		p.OIDCName = c.s.oidc.name
	}
	return p
}

func (c *citizenDesk) signInForm(w http.ResponseWriter, r *http.Request) error {
	r, err := c.s.loadCitizen(r)
	if err != nil {
		return err
	}
	next := citizenNext(r.URL.Query().Get("tiep"))
	if citizenFrom(r.Context()) != nil {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return nil
	}
	p := c.signInPage(r)
	p.Next = next
	p.Flash = citizenFlashes[r.URL.Query().Get("tb")]
	return c.render(w, http.StatusOK, "citizen_signin", p)
}

// sendCode mails a one-time code to the address typed and shows the page
// where it is entered.
func (c *citizenDesk) sendCode(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	p := c.signInPage(r)
	p.Next = citizenNext(r.PostFormValue("tiep"))
	p.Email = cleanText(r.PostFormValue("email"), 300)
	email, err := citizen.NormalizeEmail(p.Email)
	if err != nil {
		p.Errs = map[string]string{"email": err.Error()}
		p.Alert = "Chưa gửi được mã đăng nhập."
		return c.render(w, http.StatusUnprocessableEntity, "citizen_signin", p)
	}
	if err := c.dbLimit(w, r, citizenCodeRule); err != nil {
		return err
	}
	if err := c.addressLimit(w, r, email); err != nil {
		return err
	}
	if err := c.s.st.IssueCitizenCode(r.Context(), c.s.siteIDOf(r), email, citizen.NewCode(), time.Now()); err != nil {
		return err
	}
	p.Email, p.Step = email, "ma"
	p.Flash = "Đã gửi mã đăng nhập gồm 6 chữ số tới " + email + ". Thư có thể đến sau vài phút; hãy xem cả mục thư rác."
	return c.render(w, http.StatusOK, "citizen_signin", p)
}

// verifyCode signs in with the code mailed to the address.
func (c *citizenDesk) verifyCode(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	p := c.signInPage(r)
	p.Next = citizenNext(r.PostFormValue("tiep"))
	p.Step = "ma"
	email, err := citizen.NormalizeEmail(r.PostFormValue("email"))
	if err != nil {
		p.Step = ""
		p.Errs = map[string]string{"email": err.Error()}
		p.Alert = "Chưa đăng nhập được."
		return c.render(w, http.StatusUnprocessableEntity, "citizen_signin", p)
	}
	p.Email = email
	code, ok := citizen.ParseCode(r.PostFormValue("ma"))
	if !ok {
		p.Errs = map[string]string{"ma": "Mã đăng nhập gồm 6 chữ số, ví dụ 042517."}
		p.Alert = "Chưa đăng nhập được."
		return c.render(w, http.StatusUnprocessableEntity, "citizen_signin", p)
	}
	if err := c.dbLimit(w, r, citizenVerifyRule); err != nil {
		return err
	}
	siteID := c.s.siteIDOf(r)
	out, left, err := c.s.st.CheckCitizenCode(r.Context(), siteID, email, code, time.Now())
	if err != nil {
		return err
	}
	if out != citizen.CodeOK {
		p.Alert = "Chưa đăng nhập được."
		p.Errs = map[string]string{"ma": out.Message(left)}
		if out != citizen.CodeWrong {
			// The code is dead: the page asks for a fresh one.
			p.Step, p.Alert = "", "Chưa đăng nhập được. "+out.Message(left)
		}
		return c.render(w, http.StatusUnprocessableEntity, "citizen_signin", p)
	}
	ct, err := c.s.st.SignInByEmail(r.Context(), siteID, email, time.Now())
	if err != nil {
		return err
	}
	if err := c.s.startCitizenSession(w, r, ct.ID); err != nil {
		return err
	}
	http.Redirect(w, r, p.Next, http.StatusSeeOther)
	return nil
}

func (c *citizenDesk) signOut(w http.ResponseWriter, r *http.Request) error {
	cs := citizenFrom(r.Context())
	if err := c.s.st.DeleteCitizenSession(r.Context(), cs.idHash); err != nil {
		return err
	}
	c.s.clearCitizenCookie(w, r)
	http.Redirect(w, r, "/cong-dan/dang-nhap?tb=dang-xuat", http.StatusSeeOther)
	return nil
}

func (c *citizenDesk) signOutEverywhere(w http.ResponseWriter, r *http.Request) error {
	cs := citizenFrom(r.Context())
	if err := c.s.st.DeleteCitizenSessions(r.Context(), cs.c.ID); err != nil {
		return err
	}
	c.s.clearCitizenCookie(w, r)
	http.Redirect(w, r, "/cong-dan/dang-nhap?tb=dang-xuat-tat-ca", http.StatusSeeOther)
	return nil
}

func (c *citizenDesk) accountPage(r *http.Request) *citizenPage {
	p := c.newPage(r)
	cs := citizenFrom(r.Context())
	p.Who, p.CSRF = &cs.c, cs.csrf
	return p
}

// myDossiers is "Hồ sơ của tôi": the account's dossiers with status, due
// date and what is asked of the citizen next.
func (c *citizenDesk) myDossiers(w http.ResponseWriter, r *http.Request) error {
	p := c.accountPage(r)
	list, err := c.s.st.CitizenDossiers(r.Context(), c.s.siteIDOf(r), p.Who.ID)
	if err != nil {
		return err
	}
	for _, d := range list {
		p.Dossiers = append(p.Dossiers, accountDossier{Dossier: d, Next: nextForCitizen(d)})
	}
	p.Flash = citizenFlashes[r.URL.Query().Get("tb")]
	return c.render(w, http.StatusOK, "citizen_dossiers", p)
}

// nextForCitizen says what the dossier waits for from the citizen.
func nextForCitizen(d dossier.Dossier) string {
	switch d.Status {
	case dossier.Supplement:
		return "Cần nộp bổ sung hồ sơ"
	case dossier.Financial:
		return "Cần thực hiện nghĩa vụ tài chính"
	case dossier.Finished:
		return "Mời nhận kết quả"
	case dossier.Returned:
		return "Mời đánh giá mức độ hài lòng"
	}
	return ""
}

// claim adds the dossier of a private link to the signed-in account.
func (c *citizenDesk) claim(w http.ResponseWriter, r *http.Request) error {
	token, d, err := c.byToken(r)
	if err != nil {
		return err
	}
	cs := citizenFrom(r.Context())
	err = c.s.st.ClaimDossier(r.Context(), c.s.siteIDOf(r), d.ID, cs.c.ID)
	if errors.Is(err, store.ErrDossierClaimed) {
		return &Error{Status: http.StatusConflict, Code: "conflict",
			Message: "Hồ sơ này đã thuộc một tài khoản công dân khác nên không thêm được vào tài khoản của bạn. Bạn vẫn theo dõi được hồ sơ bằng đường dẫn riêng; cần hỗ trợ, vui lòng liên hệ bộ phận một cửa.", Err: err}
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/ho-so-cua-toi/"+token+"?tb=them-vao-tai-khoan", http.StatusSeeOther)
	return nil
}

// dossierAccess is how a dossier page was reached: by its private link, or
// from the signed-in account. The handlers of the private page serve both;
// only how the dossier is found and where they send the browser differ.
type dossierAccess struct {
	base  string // "/ho-so-cua-toi/<token>" or "/cong-dan/ho-so/<code>"
	token string
	who   *citizenSession
	d     dossier.Dossier
}

// access finds the request's dossier: by the private link's token, or
// among the signed-in citizen's own dossiers by code. Another citizen's
// dossier is the same 404 as a missing one.
func (c *citizenDesk) access(r *http.Request) (*dossierAccess, error) {
	if r.PathValue("token") != "" {
		token, d, err := c.byToken(r)
		if err != nil {
			return nil, err
		}
		return &dossierAccess{base: "/ho-so-cua-toi/" + token, token: token, d: d}, nil
	}
	cs := citizenFrom(r.Context())
	code := r.PathValue("code")
	if cs == nil || code == "" || len(code) > 40 {
		return nil, errNotFound()
	}
	d, err := c.s.st.CitizenDossier(r.Context(), c.s.siteIDOf(r), cs.c.ID, code)
	if errors.Is(err, store.ErrNotFound) {
		return nil, errNotFound()
	}
	if err != nil {
		return nil, err
	}
	return &dossierAccess{base: "/cong-dan/ho-so/" + url.PathEscape(d.Code), who: cs, d: d}, nil
}

// csrf checks the session's form token when the dossier was reached from
// the account; the private link's token in the address is guard enough
// for its forms.
func (a *dossierAccess) csrf(tok string) error {
	if a.who == nil {
		return nil
	}
	return checkCitizenCSRF(a.who, tok)
}

// page fills what every dossier page needs from the access.
func (a *dossierAccess) page(p *citizenPage) {
	p.Token, p.Base = a.token, a.base
	if a.who != nil {
		p.Who, p.CSRF = &a.who.c, a.who.csrf
	}
}
