package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zitadel/oidc/v3/example/server/exampleop"
	"github.com/zitadel/oidc/v3/example/server/storage"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"

	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/web"
)

// The citizens' OpenID sign-in against a real provider started by the
// test: zitadel/oidc's example OP (github.com/zitadel/oidc/v3), its login
// page, its token and userinfo endpoints, its signing keys. The only
// addition is a CCCD claim in userinfo for the users given one.

type opUsers map[string]*storage.User

func (u opUsers) GetUserByID(id string) *storage.User { return u[id] }
func (u opUsers) GetUserByUsername(name string) *storage.User {
	for _, x := range u {
		if x.Username == name {
			return x
		}
	}
	return nil
}
func (u opUsers) ExampleClientID() string { return "service" }

// cccdStorage is the example storage asserting a "cccd" claim.
type cccdStorage struct {
	*storage.Storage
	cccd map[string]string
}

func (s *cccdStorage) SetUserinfoFromToken(ctx context.Context, ui *oidc.UserInfo, tokenID, subject, origin string) error {
	if err := s.Storage.SetUserinfoFromToken(ctx, ui, tokenID, subject, origin); err != nil {
		return err
	}
	if v := s.cccd[subject]; v != "" {
		ui.AppendClaims("cccd", v)
	}
	return nil
}

func (s *cccdStorage) SetUserinfoFromRequest(ctx context.Context, ui *oidc.UserInfo, token op.IDTokenRequest, scopes []string) error {
	return s.Storage.SetUserinfoFromRequest(ctx, ui, token, scopes)
}

const oidcRedirect = "https://cong.example.vn/cong-dan/dang-nhap/oidc/ve"

// startOP starts the provider with three users: "ngoc" (verified e-mail and
// CCCD), "an" (no e-mail, no CCCD) and "trung" (the same e-mail as ngoc).
func startOP(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	issuer := "http://" + ln.Addr().String()
	users := opUsers{
		"id-ngoc":  {ID: "id-ngoc", Username: "ngoc", Password: "mat-khau-ngoc", FirstName: "Ngọc", LastName: "Trần Thị", Email: "ngoc.tran@gmail.com", EmailVerified: true},
		"id-an":    {ID: "id-an", Username: "an", Password: "mat-khau-an", FirstName: "An", LastName: "Lê Văn"},
		"id-trung": {ID: "id-trung", Username: "trung", Password: "mat-khau-trung", FirstName: "Trung", LastName: "Phạm", Email: "ngoc.tran@gmail.com", EmailVerified: true},
	}
	st := storage.NewStorageWithClients(users, map[string]*storage.Client{"cong": storage.WebClient("cong", "bi-mat-cong", oidcRedirect)})
	router := exampleop.SetupServer(issuer, &cccdStorage{Storage: st, cccd: map[string]string{"id-ngoc": "001190012345"}}, nil, false)
	srv := &httptest.Server{Listener: ln, Config: &http.Server{Handler: router}}
	srv.Start()
	t.Cleanup(srv.Close)
	return issuer
}

// oidcPortal is a portal on the desk's database configured for the provider.
func oidcPortal(t *testing.T, de *deskEnv, cfg web.CitizenOIDC) *browser {
	t.Helper()
	hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	proxies, _ := visit.ParseProxies("")
	if cfg.ClientID == "" {
		cfg.ClientID, cfg.ClientSecret = "cong", "bi-mat-cong"
	}
	srv, err := web.New(web.Options{Store: de.st, Counter: de.counter, SiteID: de.site.ID, BaseURL: "https://cong.example.vn",
		Proxies: proxies, Location: hcm, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Version: "test",
		MediaDir: filepath.Join(de.dataDir, "media"), CitizenOIDC: cfg})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, base: hs.URL, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// providerLogin follows the provider's pages as the user's browser does:
// the authorize request, the login form, back to the portal. It returns the
// portal's callback path with its query.
func providerLogin(t *testing.T, authURL, username, password string) string {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	next := authURL
	for range 10 {
		var r *http.Response
		var err error
		u, _ := url.Parse(next)
		if strings.HasPrefix(u.Path, "/login/username") {
			r, err = c.PostForm(next, url.Values{"username": {username}, "password": {password}, "id": {u.Query().Get("authRequestID")}})
		} else {
			r, err = c.Get(next)
		}
		if err != nil {
			t.Fatal(err)
		}
		r.Body.Close()
		loc := r.Header.Get("Location")
		if loc == "" {
			t.Fatalf("provider stopped at %s: %d", next, r.StatusCode)
		}
		if strings.HasPrefix(loc, oidcRedirect) {
			return strings.TrimPrefix(loc, "https://cong.example.vn")
		}
		if strings.HasPrefix(loc, "/") {
			loc = u.Scheme + "://" + u.Host + loc
		}
		next = loc
	}
	t.Fatal("too many redirects at the provider")
	return ""
}

// startSignIn asks the portal to sign in and returns the provider's URL.
func startSignIn(t *testing.T, b *browser) string {
	t.Helper()
	r := b.get("/cong-dan/dang-nhap/oidc?tiep=/cong-dan/ho-so")
	if r.code != http.StatusFound {
		t.Fatalf("start: %d %s", r.code, r.body)
	}
	loc := r.hdr.Get("Location")
	u, _ := url.Parse(loc)
	q := u.Query()
	if q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "" || q.Get("nonce") == "" || q.Get("state") == "" {
		t.Fatalf("authorize request without PKCE, nonce or state: %s", loc)
	}
	return loc
}

func TestCitizenOIDC(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		issuer := startOP(t)
		b := oidcPortal(t, de, web.CitizenOIDC{Issuer: issuer, Name: "VNeID thử"})
		if r := b.get("/cong-dan/dang-nhap"); !strings.Contains(r.body, "Đăng nhập bằng VNeID thử") {
			t.Fatal("no provider button")
		}

		// Sign-in: the account carries the subject, the CCCD and the name;
		// the form is filled from them.
		back := providerLogin(t, startSignIn(t, b), "ngoc", "mat-khau-ngoc")
		r := b.get(back)
		if r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/cong-dan/ho-so" {
			t.Fatalf("callback: %d %s", r.code, r.body)
		}
		form := b.get("/nop-ho-so/" + de.proc.Slug)
		for _, want := range []string{`value="001190012345"`, `value="Ngọc Trần Thị"`, `value="ngoc.tran@gmail.com"`} {
			if !strings.Contains(form.body, want) {
				t.Errorf("form not filled with %s", want)
			}
		}
		// The same callback again: the state was used.
		if r := b.get(back); r.code != 400 || !strings.Contains(r.body, "Phiên đăng nhập không hợp lệ hoặc đã hết hạn") {
			t.Fatalf("callback replayed: %d", r.code)
		}

		// A wrong state: refused before the code is used.
		b2 := oidcPortal(t, de, web.CitizenOIDC{Issuer: issuer})
		back = providerLogin(t, startSignIn(t, b2), "ngoc", "mat-khau-ngoc")
		u, _ := url.Parse(back)
		q := u.Query()
		q.Set("state", "trang-thai-gia-mao-000000")
		if r := b2.get(u.Path + "?" + q.Encode()); r.code != 400 || !strings.Contains(r.body, "Phiên đăng nhập không hợp lệ") {
			t.Fatalf("wrong state: %d", r.code)
		}
		// A replayed code with a fresh, valid state: the provider refuses it.
		u2, _ := url.Parse(providerLogin(t, startSignIn(t, b2), "ngoc", "mat-khau-ngoc"))
		if r := b2.get(u2.String()); r.code != http.StatusSeeOther {
			t.Fatalf("second sign-in: %d", r.code)
		}
		u3, _ := url.Parse(startSignIn(t, b2))
		q3 := u2.Query()
		q3.Set("state", u3.Query().Get("state"))
		if r := b2.get(u2.Path + "?" + q3.Encode()); r.code != 400 || !strings.Contains(r.body, "không hợp lệ hoặc đã được dùng") {
			t.Fatalf("replayed code: %d %s", r.code, r.body)
		}

		// An ID token past its expiry (the portal's clock three hours on).
		late := oidcPortal(t, de, web.CitizenOIDC{Issuer: issuer, Now: func() time.Time { return time.Now().Add(3 * time.Hour) }})
		if r := late.get(providerLogin(t, startSignIn(t, late), "ngoc", "mat-khau-ngoc")); r.code != 400 || !strings.Contains(r.body, "đã hết hạn") {
			t.Fatalf("expired ID token: %d", r.code)
		}
		// An ID token whose signature was altered on the way.
		forged := oidcPortal(t, de, web.CitizenOIDC{Issuer: issuer, HTTPClient: &http.Client{Transport: tamperIDToken{}}})
		if r := forged.get(providerLogin(t, startSignIn(t, forged), "ngoc", "mat-khau-ngoc")); r.code != 400 || !strings.Contains(r.body, "chữ ký không đúng") {
			t.Fatalf("tampered ID token: %d", r.code)
		}
		if r := forged.get("/cong-dan/ho-so"); r.code != http.StatusSeeOther {
			t.Fatal("signed in with a tampered token")
		}

		// No e-mail and no CCCD: signed in, told to type them.
		b3 := oidcPortal(t, de, web.CitizenOIDC{Issuer: issuer})
		r = b3.get(providerLogin(t, startSignIn(t, b3), "an", "mat-khau-an"))
		if r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/cong-dan/ho-so?tb=thieu-thong-tin" {
			t.Fatalf("no claims: %d %q", r.code, r.hdr.Get("Location"))
		}
		if r := b3.get("/cong-dan/ho-so?tb=thieu-thong-tin"); !strings.Contains(r.body, "không gửi địa chỉ thư điện tử hay số CCCD") {
			t.Fatal("no message about the missing claims")
		}

		// Another subject with ngoc's verified e-mail: refused, nothing merged.
		var before int
		s.DB().QueryRow(`SELECT COUNT(*) FROM citizens`).Scan(&before)
		b4 := oidcPortal(t, de, web.CitizenOIDC{Issuer: issuer})
		r = b4.get(providerLogin(t, startSignIn(t, b4), "trung", "mat-khau-trung"))
		if r.code != http.StatusConflict || !strings.Contains(r.body, "không tự gộp") {
			t.Fatalf("conflicting claim: %d", r.code)
		}
		var after int
		s.DB().QueryRow(`SELECT COUNT(*) FROM citizens`).Scan(&after)
		if after != before {
			t.Fatalf("accounts %d → %d", before, after)
		}

		// The provider down: a Vietnamese message, and the code by mail works.
		ln, _ := net.Listen("tcp", "127.0.0.1:0")
		dead := "http://" + ln.Addr().String()
		ln.Close()
		down := oidcPortal(t, de, web.CitizenOIDC{Issuer: dead})
		r = down.get("/cong-dan/dang-nhap/oidc")
		if r.code != http.StatusServiceUnavailable || !strings.Contains(r.body, "Hiện không kết nối được") || !strings.Contains(r.body, `action="/cong-dan/dang-nhap"`) {
			t.Fatalf("provider down: %d", r.code)
		}
		clearRateHits(t, s)
		citizenSignIn(t, de, down, "an.le@gmail.com")
	})
}

// tamperIDToken changes one byte of the ID token's signature in the token
// response, as a forger in the middle would.
type tamperIDToken struct{}

func (tamperIDToken) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil || !strings.HasSuffix(req.URL.Path, "/oauth/token") {
		return resp, err
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var m map[string]any
	if json.Unmarshal(body, &m) == nil {
		if tok, ok := m["id_token"].(string); ok {
			parts := strings.Split(tok, ".")
			sig := []byte(parts[2])
			if sig[5] == 'A' {
				sig[5] = 'B'
			} else {
				sig[5] = 'A'
			}
			parts[2] = string(sig)
			m["id_token"] = strings.Join(parts, ".")
			body, _ = json.Marshal(m)
		}
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.ContentLength = int64(len(body))
	resp.Header.Del("Content-Length")
	return resp, nil
}
