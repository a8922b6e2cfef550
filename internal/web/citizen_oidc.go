package web

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/congportal/cong/internal/citizen"
	"github.com/congportal/cong/internal/store"
)

// Citizens' sign-in through the province's OpenID provider (VNeID, the
// national portal's single sign-on, or its own): authorization code with
// PKCE, state and nonce, by github.com/coreos/go-oidc and
// golang.org/x/oauth2. The state, nonce and verifier are kept in the
// database (any instance may get the browser back) and work once; the
// state is also bound to the browser by a cookie, so nobody can sign a
// victim into the wrong account with a link.

// CitizenOIDC configures the provider; an empty Issuer means none.
type CitizenOIDC struct {
	Issuer       string
	ClientID     string
	ClientSecret string
	// Name is how the sign-in button names the provider.
	Name string
	// HTTPClient talks to the provider (tests put a transport in it);
	// nil: a client with a 10-second timeout.
	HTTPClient *http.Client
	// Now is the ID token verifier's clock (tests move it); nil: time.Now.
	Now func() time.Time
}

// CCCD number claims, by the names providers use for it.
var idNumberClaims = []string{"cccd", "id_number", "so_dinh_danh", "personal_identification_number"}

const (
	oidcStateCookie = "cong_cd_state"
	oidcLoginTTL    = 10 * time.Minute
	oidcCallback    = "/cong-dan/dang-nhap/oidc/ve"
)

type oidcClient struct {
	cfg    CitizenOIDC
	name   string
	client *http.Client

	mu       sync.Mutex
	provider *oidc.Provider
}

func newOIDCClient(cfg CitizenOIDC) *oidcClient {
	if cfg.Issuer == "" {
		return nil
	}
	o := &oidcClient{cfg: cfg, name: cfg.Name, client: cfg.HTTPClient}
	if o.name == "" {
		o.name = "tài khoản định danh điện tử"
	}
	if o.client == nil {
		o.client = &http.Client{Timeout: 10 * time.Second}
	}
	return o
}

// get discovers the provider on first use, not at start-up: a provider
// that is down when the portal starts must not stop it, and is retried at
// the next sign-in.
func (o *oidcClient) get(ctx context.Context) (*oidc.Provider, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.provider != nil {
		return o.provider, nil
	}
	ctx, cancel := context.WithTimeout(oidc.ClientContext(ctx, o.client), 10*time.Second)
	defer cancel()
	p, err := oidc.NewProvider(ctx, o.cfg.Issuer)
	if err != nil {
		return nil, err
	}
	o.provider = p
	return p, nil
}

func (o *oidcClient) config(p *oidc.Provider, redirect string) *oauth2.Config {
	return &oauth2.Config{ClientID: o.cfg.ClientID, ClientSecret: o.cfg.ClientSecret, Endpoint: p.Endpoint(),
		RedirectURL: redirect, Scopes: []string{oidc.ScopeOpenID, "profile", "email"}}
}

// oidcFailure renders the sign-in page with the message and the e-mail
// code form, which works whatever the provider does.
func (c *citizenDesk) oidcFailure(w http.ResponseWriter, r *http.Request, status int, msg string) error {
	p := c.signInPage(r)
	p.Next = "/cong-dan/ho-so"
	p.Alert = msg
	return c.render(w, status, "citizen_signin", p)
}

func (c *citizenDesk) providerDown() string {
	return "Hiện không kết nối được với " + c.s.oidc.name + ". Bạn vẫn đăng nhập được bằng mã gửi qua thư điện tử ở mẫu bên dưới, hoặc thử lại sau ít phút."
}

// oidcStart sends the browser to the provider.
func (c *citizenDesk) oidcStart(w http.ResponseWriter, r *http.Request) error {
	o := c.s.oidc
	if o == nil {
		return errNotFound()
	}
	p, err := o.get(r.Context())
	if err != nil {
		c.s.log.Warn("citizen OIDC provider unreachable", "issuer", o.cfg.Issuer, "err", err)
		return c.oidcFailure(w, r, http.StatusServiceUnavailable, c.providerDown())
	}
	if err := c.dbLimit(w, r, citizenOIDCRule); err != nil {
		return err
	}
	state, nonce, verifier := newKey(), newKey(), oauth2.GenerateVerifier()
	next := citizenNext(r.URL.Query().Get("tiep"))
	if err := c.s.st.SaveOIDCLogin(r.Context(), c.s.siteIDOf(r), tokenHash(state), nonce, verifier, next, time.Now().Add(oidcLoginTTL)); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: oidcStateCookie, Value: state, Path: oidcCallback, HttpOnly: true, Secure: c.s.secureCookies(r),
		SameSite: http.SameSiteLaxMode, MaxAge: int(oidcLoginTTL / time.Second)})
	u := o.config(p, c.s.baseURLOf(r)+oidcCallback).AuthCodeURL(state, oidc.Nonce(nonce), oauth2.S256ChallengeOption(verifier))
	http.Redirect(w, r, u, http.StatusFound)
	return nil
}

// oidcCallback finishes the sign-in the provider sent back.
func (c *citizenDesk) oidcCallback(w http.ResponseWriter, r *http.Request) error {
	o := c.s.oidc
	if o == nil {
		return errNotFound()
	}
	q := r.URL.Query()
	http.SetCookie(w, &http.Cookie{Name: oidcStateCookie, Value: "", Path: oidcCallback, HttpOnly: true, Secure: c.s.secureCookies(r), SameSite: http.SameSiteLaxMode, MaxAge: -1})
	if e := q.Get("error"); e != "" {
		return c.oidcFailure(w, r, http.StatusBadRequest, "Bạn đã hủy đăng nhập hoặc "+o.name+" từ chối yêu cầu. Vui lòng thử lại, hoặc đăng nhập bằng mã gửi qua thư điện tử.")
	}
	state, code := q.Get("state"), q.Get("code")
	stale := "Phiên đăng nhập không hợp lệ hoặc đã hết hạn (mỗi lần đăng nhập chỉ dùng được một lần, trong 10 phút). Vui lòng bấm đăng nhập lại."
	ck, err := r.Cookie(oidcStateCookie)
	if state == "" || code == "" || len(state) > 100 || len(code) > 2000 || err != nil || subtle.ConstantTimeCompare([]byte(ck.Value), []byte(state)) != 1 {
		return c.oidcFailure(w, r, http.StatusBadRequest, stale)
	}
	siteID := c.s.siteIDOf(r)
	nonce, verifier, next, err := c.s.st.TakeOIDCLogin(r.Context(), siteID, tokenHash(state), time.Now())
	if errors.Is(err, store.ErrNotFound) {
		return c.oidcFailure(w, r, http.StatusBadRequest, stale)
	}
	if err != nil {
		return err
	}
	p, err := o.get(r.Context())
	if err != nil {
		return c.oidcFailure(w, r, http.StatusServiceUnavailable, c.providerDown())
	}
	cl, err := c.exchange(r.Context(), o, p, c.s.baseURLOf(r)+oidcCallback, code, verifier, nonce)
	if err != nil {
		var re *oauth2.RetrieveError
		if errors.As(err, &re) {
			c.s.log.Warn("citizen OIDC code refused", "err", err)
			return c.oidcFailure(w, r, http.StatusBadRequest, "Mã đăng nhập do "+o.name+" cấp không hợp lệ hoặc đã được dùng. Vui lòng đăng nhập lại từ đầu.")
		}
		var bad *badToken
		if errors.As(err, &bad) {
			c.s.log.Warn("citizen OIDC ID token refused", "err", err)
			return c.oidcFailure(w, r, http.StatusBadRequest, "Thông tin đăng nhập nhận từ "+o.name+" không hợp lệ (chữ ký không đúng, đã hết hạn hoặc không dành cho cổng này) nên không được chấp nhận. Vui lòng đăng nhập lại; nếu vẫn lỗi, hãy dùng mã gửi qua thư điện tử.")
		}
		c.s.log.Warn("citizen OIDC exchange failed", "err", err)
		return c.oidcFailure(w, r, http.StatusServiceUnavailable, c.providerDown())
	}
	ct, err := c.s.st.SignInByClaims(r.Context(), siteID, cl, time.Now())
	if errors.Is(err, store.ErrCitizenConflict) {
		msg := err.Error()
		if i := strings.Index(msg, ": "); i >= 0 {
			msg = msg[i+2:]
		}
		return c.oidcFailure(w, r, http.StatusConflict, msg)
	}
	if err != nil {
		return err
	}
	if err := c.s.startCitizenSession(w, r, ct.ID); err != nil {
		return err
	}
	if cl.Email == "" && cl.IDNumber == "" {
		next = "/cong-dan/ho-so?tb=thieu-thong-tin"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

// badToken is an ID token that failed verification.
type badToken struct{ err error }

func (b *badToken) Error() string { return "ID token: " + b.err.Error() }

// exchange trades the code (with the PKCE verifier) for tokens, verifies
// the ID token (signature by the provider's published keys, issuer,
// audience, expiry) and its nonce, and reads the claims from the token and
// the userinfo endpoint.
func (c *citizenDesk) exchange(ctx context.Context, o *oidcClient, p *oidc.Provider, redirect, code, verifier, nonce string) (citizen.Claims, error) {
	ctx = oidc.ClientContext(ctx, o.client)
	conf := o.config(p, redirect)
	tok, err := conf.Exchange(ctx, code, oauth2.VerifierOption(verifier))
	if err != nil {
		return citizen.Claims{}, err
	}
	raw, ok := tok.Extra("id_token").(string)
	if !ok || raw == "" {
		return citizen.Claims{}, &badToken{errors.New("no id_token in the token response")}
	}
	vc := &oidc.Config{ClientID: o.cfg.ClientID, Now: o.cfg.Now}
	idt, err := p.Verifier(vc).Verify(ctx, raw)
	if err != nil {
		return citizen.Claims{}, &badToken{err}
	}
	if subtle.ConstantTimeCompare([]byte(idt.Nonce), []byte(nonce)) != 1 {
		return citizen.Claims{}, &badToken{errors.New("nonce mismatch")}
	}
	claims := map[string]any{}
	if err := idt.Claims(&claims); err != nil {
		return citizen.Claims{}, &badToken{err}
	}
	if p.UserInfoEndpoint() != "" {
		ui, err := p.UserInfo(ctx, oauth2.StaticTokenSource(tok))
		if err != nil {
			return citizen.Claims{}, err
		}
		if ui.Subject != idt.Subject {
			return citizen.Claims{}, &badToken{fmt.Errorf("userinfo subject %q is not the ID token's", ui.Subject)}
		}
		extra := map[string]any{}
		if err := ui.Claims(&extra); err == nil {
			for k, v := range extra {
				if _, ok := claims[k]; !ok {
					claims[k] = v
				}
			}
		}
	}
	cl := citizen.Claims{Issuer: idt.Issuer, Subject: idt.Subject, Email: str(claims["email"]), Name: str(claims["name"]),
		Birthdate: str(claims["birthdate"]), Phone: str(claims["phone_number"])}
	switch v := claims["email_verified"].(type) {
	case bool:
		cl.EmailVerified = v
	case string:
		cl.EmailVerified = v == "true"
	}
	if a, ok := claims["address"].(map[string]any); ok {
		cl.Address = str(a["formatted"])
	} else {
		cl.Address = str(claims["address"])
	}
	for _, k := range idNumberClaims {
		if v := str(claims[k]); v != "" {
			cl.IDNumber = v
			break
		}
	}
	return citizen.CleanClaims(cl), nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}
