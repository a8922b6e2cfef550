package web

import (
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/demo"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/visitors"
)

const testUA = "Mozilla/5.0 (Linux; Android 12; CPH2127) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"

// twoSites is a province site A (the install's first) full of content and
// a commune site B with none, on one server.
type twoSites struct {
	st      *store.Store
	srv     *Server
	a, b    news.Site
	counter *visitors.Counter
}

func newTwoSites(t *testing.T, st *store.Store, content bool) *twoSites {
	t.Helper()
	ctx := context.Background()
	a, err := st.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng đối chứng"})
	if err != nil {
		t.Fatal(err)
	}
	if content {
		if _, err := demo.Load(ctx, st, a.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := demo.Users(ctx, st, a.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := demo.Dossiers(ctx, st, a.ID, t.TempDir(), time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	if a, err = st.Site(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	a.Host = "tinh-a.gov.vn"
	if err := st.UpdateSite(ctx, a); err != nil {
		t.Fatal(err)
	}
	b := news.Site{Name: "Cổng xã Bê", Host: "xa-b.tinh-a.gov.vn", Kind: news.KindCommune, ParentID: a.ID}
	if err := st.AddSite(ctx, &b); err != nil {
		t.Fatal(err)
	}
	hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	c := visitors.New(st, visitors.Options{SiteID: a.ID, Window: 30 * time.Minute, Location: hcm})
	proxies, _ := visit.ParseProxies("")
	srv, err := New(Options{Store: st, Counter: c, SiteID: a.ID, BaseURL: "https://tinh-a.gov.vn", Proxies: proxies,
		Location: hcm, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Version: "test", MediaDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	return &twoSites{st: st, srv: srv, a: a, b: b, counter: c}
}

func (x *twoSites) get(host, target string, hdr ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest("GET", target, nil)
	r.Host = host
	r.Header.Set("User-Agent", testUA)
	r.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
	r.Header.Set("Accept-Language", "vi-VN,vi;q=0.9")
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	x.srv.ServeHTTP(w, r)
	return w
}

// column reads one text column of site A's rows.
func column(t *testing.T, st *store.Store, q string, site int64) []string {
	t.Helper()
	rows, err := st.DB().Query(strings.Replace(q, "?", fmt.Sprint(site), 1))
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

var wildcard = regexp.MustCompile(`\{[^}]*\}`)

// TestSitesIsolation walks every GET route of the route table on the second
// site's host, its wildcards filled with the first site's slugs, ids and
// codes, and asserts nothing of the first site shows: articles (drafts
// included), documents, procedures, Q&A, consultations, pages, media,
// dossiers.
func TestSitesIsolation(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		x := newTwoSites(t, st, true)
		// The control: the same sites on another database where A has no
		// content. What B shows there too is the templates' own text
		// ("Liên hệ", "766/QĐ-TTg"), not A's.
		ctl := newTwoSites(t, testdb.Open(t, "sqlite"), false)
		ctx := context.Background()
		draft := &news.Article{SiteID: x.a.ID, Title: "Bản nháp bí mật của cổng tỉnh", BodyHTML: "<p>nháp</p>", Status: news.StatusDraft}
		if err := st.SaveArticle(ctx, draft); err != nil {
			t.Fatal(err)
		}
		now := time.Now().UTC()
		if _, err := st.DB().Exec(rebind(st, `INSERT INTO pages (site_id, title, slug, body_html, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`),
			x.a.ID, "Trang giới thiệu riêng của tỉnh", "gioi-thieu-rieng", "<p>riêng</p>", now, now); err != nil {
			t.Fatal(err)
		}
		hash := strings.Repeat("ab", 32)
		if _, err := st.DB().Exec(rebind(st, `INSERT INTO media (site_id, hash, kind, mime, ext, size, original_name, created_at) VALUES (?, ?, 'document', 'application/pdf', 'pdf', 26, 'rieng.pdf', ?)`),
			x.a.ID, hash, now); err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(x.srv.mediaDir, hash[:2], hash[2:4])
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, hash+".pdf"), []byte("%PDF-1.4 Tệp riêng của tỉnh"), 0o644); err != nil {
			t.Fatal(err)
		}
		if w := x.get(x.a.Host, "/media/"+hash+".pdf"); w.Code != 200 {
			t.Fatalf("A's file on A: %d", w.Code)
		}
		if w := x.get(x.b.Host, "/media/"+hash+".pdf"); w.Code != 404 || strings.Contains(w.Body.String(), "Tệp riêng") {
			t.Errorf("A's file on B: %d", w.Code)
		}

		// What must never show on B: A's titles, names and codes.
		var secrets []string
		for _, q := range []string{
			`SELECT title FROM articles WHERE site_id = ?`,
			`SELECT number FROM documents WHERE site_id = ?`,
			`SELECT abstract FROM documents WHERE site_id = ?`,
			`SELECT name FROM procedures WHERE site_id = ?`,
			`SELECT title FROM questions WHERE site_id = ?`,
			`SELECT title FROM consultations WHERE site_id = ?`,
			`SELECT code FROM dossiers WHERE site_id = ?`,
		} {
			for _, v := range column(t, st, q, x.a.ID) {
				if len(v) >= 8 && !strings.ContainsAny(v, `&<>"'+`) {
					secrets = append(secrets, v)
				}
			}
		}
		// Pages: the one made here; the demo's are the Decree 42 titles
		// every site's menu shows ("Liên hệ", "Cơ cấu tổ chức").
		secrets = append(secrets, x.a.Name, "Trang giới thiệu riêng của tỉnh")
		if len(secrets) < 30 {
			t.Fatalf("only %d secrets: the demo content did not load", len(secrets))
		}

		// Values for wildcards: A's slugs, ids and codes.
		var fill []string
		for _, q := range []string{
			`SELECT slug FROM articles WHERE site_id = ? ORDER BY id LIMIT 3`,
			`SELECT slug FROM categories WHERE site_id = ? ORDER BY id LIMIT 2`,
			`SELECT slug FROM pages WHERE site_id = ?`,
			`SELECT slug FROM procedures WHERE site_id = ? ORDER BY id LIMIT 2`,
			`SELECT slug FROM consultations WHERE site_id = ? ORDER BY id LIMIT 2`,
			`SELECT code FROM dossiers WHERE site_id = ? ORDER BY id LIMIT 2`,
			`SELECT code FROM units WHERE site_id = ? ORDER BY id LIMIT 2`,
			`SELECT CAST(id AS TEXT) FROM questions WHERE site_id = ? ORDER BY id LIMIT 2`,
			`SELECT CAST(id AS TEXT) FROM documents WHERE site_id = ? ORDER BY id LIMIT 2`,
			`SELECT CAST(id AS TEXT) FROM articles WHERE site_id = ? ORDER BY id LIMIT 2`,
		} {
			fill = append(fill, column(t, st, q, x.a.ID)...)
		}
		fill = append(fill, draft.Slug, strings.Repeat("ab", 32)+".pdf", "1", "2024")
		for _, d := range column(t, st, `SELECT number FROM documents WHERE site_id = ? ORDER BY id LIMIT 2`, x.a.ID) {
			fill = append(fill, strings.ReplaceAll(d, "/", "-"))
		}

		shows := func(host, path string) (string, int) {
			w := x.get(host, path)
			// A refusal may echo the address asked for (the sign-in
			// redirect's "tiep"): that is the asker's text, not A's.
			body := strings.ReplaceAll(w.Body.String(), path, "")
			body = strings.ReplaceAll(body, url.QueryEscape(path), "")
			body = strings.ReplaceAll(body, template.HTMLEscapeString(url.QueryEscape(path)), "")
			return body, w.Code
		}
		leak := func(host, path string) string {
			body, code := shows(host, path)
			var control string
			for _, sec := range secrets {
				if !strings.Contains(body, sec) {
					continue
				}
				if control == "" {
					w := ctl.get(host, path)
					control = w.Body.String()
				}
				if !strings.Contains(control, sec) {
					return fmt.Sprintf("%s%s (%d) shows %q", host, path, code, sec)
				}
			}
			return ""
		}
		walked, seenOnA := 0, 0
		for _, p := range x.srv.patterns {
			method, path, ok := strings.Cut(p, " ")
			if !ok {
				method, path = "GET", p
			}
			if method != "GET" {
				continue
			}
			path = strings.TrimSuffix(path, "{$}")
			var paths []string
			if wildcard.MatchString(path) {
				for _, v := range fill {
					paths = append(paths, wildcard.ReplaceAllLiteralString(path, v))
				}
			} else {
				paths = append(paths, path)
			}
			for _, u := range paths {
				walked++
				if msg := leak(x.b.Host, u); msg != "" {
					t.Error(msg)
				}
				if walked%7 == 0 && leak(x.a.Host, u) != "" {
					seenOnA++
				}
			}
		}
		if walked < 200 || seenOnA == 0 {
			t.Fatalf("walked %d URLs, %d showed A's content on A: the walk is not exercising the routes", walked, seenOnA)
		}
		// The positive control, named: A's article shows on A, not on B.
		slug := column(t, st, `SELECT slug FROM articles WHERE site_id = ? AND status = 'published' ORDER BY id LIMIT 1`, x.a.ID)[0]
		if w := x.get(x.a.Host, "/bai-viet/"+slug); w.Code != 200 {
			t.Fatalf("A's article on A: %d", w.Code)
		}
		if w := x.get(x.b.Host, "/bai-viet/"+slug); w.Code != 404 {
			t.Fatalf("A's article on B: %d", w.Code)
		}
		if w := x.get(x.b.Host, "/"); w.Code != 200 || !strings.Contains(w.Body.String(), "Cổng xã Bê") {
			t.Fatalf("B's home: %d", w.Code)
		}
		w := x.get("khong-co.tinh-a.gov.vn", "/")
		if w.Code != 404 || !strings.Contains(w.Body.String(), "Không có cổng nào ở địa chỉ này") || strings.Contains(w.Body.String(), x.a.Name) {
			t.Fatalf("unknown host: %d %s", w.Code, w.Body.String())
		}
		if w := x.get("khong-co.tinh-a.gov.vn", "/healthz"); w.Code != 200 {
			t.Fatalf("healthz on an unknown host: %d", w.Code)
		}
	})
}

func rebind(st *store.Store, q string) string {
	if st.Dialect() != store.Postgres {
		return q
	}
	var b strings.Builder
	n := 0
	for _, c := range q {
		if c == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// province is a province site and two communes, each with an editor and a
// token bound to its site, on one server.
type province struct {
	*twoSites
	c2     news.Site
	tokens map[string]string // host → the token of that site's editor
	users  map[string]store.UserRecord
}

func newProvince(t *testing.T, st *store.Store) *province {
	t.Helper()
	ctx := context.Background()
	x := newTwoSites(t, st, false)
	p := &province{twoSites: x, tokens: map[string]string{}, users: map[string]store.UserRecord{}}
	p.c2 = news.Site{Name: "Cổng xã Xê", Host: "xa-c.tinh-a.gov.vn", Kind: news.KindCommune, ParentID: x.a.ID}
	if err := st.AddSite(ctx, &p.c2); err != nil {
		t.Fatal(err)
	}
	for _, site := range []news.Site{x.a, x.b, p.c2} {
		if _, err := st.CreateCategory(ctx, news.Category{SiteID: site.ID, Name: "Tin tức", Slug: "tin-tuc"}); err != nil {
			t.Fatal(err)
		}
		u := store.UserRecord{User: auth.User{SiteID: site.ID, Username: "duyet", Role: auth.RoleApprover}, PasswordHash: "x"}
		if err := st.CreateUser(ctx, &u); err != nil {
			t.Fatal(err)
		}
		secret, hash, err := auth.NewSecret()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.CreateSiteToken(ctx, u.ID, site.ID, "", hash); err != nil {
			t.Fatal(err)
		}
		p.tokens[site.Host], p.users[site.Host] = secret, u
	}
	return p
}

func (p *province) do(method, host, target, token, body string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	r.Host = host
	r.Header.Set("User-Agent", testUA)
	r.Header.Set("Accept", "text/html,application/json")
	r.Header.Set("Accept-Language", "vi")
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	if body != "" {
		r.Header.Set("Content-Type", "application/json")
	}
	w := httptest.NewRecorder()
	p.srv.ServeHTTP(w, r)
	return w
}

// TestProvinceSites: a province and two communes publish through the API
// with site-bound tokens; each article answers on its own host only, a
// token is refused on another site's host, and each site counts its own
// visitors.
func TestProvinceSites(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		p := newProvince(t, st)
		hosts := []string{p.a.Host, p.b.Host, p.c2.Host}
		slugs := map[string]string{}
		for i, h := range hosts {
			body := fmt.Sprintf(`{"title":"Tin của cổng số %d","body_html":"<p>Nội dung %d</p>","category":"tin-tuc","status":"published"}`, i+1, i+1)
			w := p.do("POST", h, "/api/v1/articles", p.tokens[h], body)
			if w.Code != 201 && w.Code != 200 {
				t.Fatalf("publish on %s: %d %s", h, w.Code, w.Body.String())
			}
			var out struct {
				Slug string `json:"slug"`
				URL  string `json:"url"`
			}
			if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil || out.Slug == "" {
				t.Fatalf("publish answer %s: %v", w.Body.String(), err)
			}
			if !strings.HasPrefix(out.URL, "https://"+h+"/") {
				t.Errorf("canonical URL on %s: %s", h, out.URL)
			}
			slugs[h] = out.Slug
			// Another site's token on this host: refused, nothing written.
			other := hosts[(i+1)%len(hosts)]
			if w := p.do("POST", h, "/api/v1/articles", p.tokens[other], body); w.Code != 403 || !strings.Contains(w.Body.String(), "wrong_site") {
				t.Errorf("%s's token on %s: %d %s", other, h, w.Code, w.Body.String())
			}
		}
		for _, h := range hosts {
			for _, h2 := range hosts {
				w := p.do("GET", h2, "/bai-viet/"+slugs[h], "", "")
				if want := map[bool]int{true: 200, false: 404}[h == h2]; w.Code != want {
					t.Errorf("%s's article on %s: %d, want %d", h, h2, w.Code, want)
				}
			}
			feed := p.do("GET", h, "/rss.xml", "", "").Body.String()
			for _, h2 := range hosts {
				if has := strings.Contains(feed, "/bai-viet/"+slugs[h2]); has != (h == h2) {
					t.Errorf("feed of %s lists %s's article: %v", h, h2, has)
				}
			}
			found := p.do("GET", h, "/api/v1/search?q=Tin+c%E1%BB%A7a+c%E1%BB%95ng", "", "").Body.String()
			for _, h2 := range hosts {
				// The province's search covers its communes (TestProvinceSearch);
				// a commune's stays its own.
				if has := strings.Contains(found, slugs[h2]); has != (h == h2 || h == p.a.Host) {
					t.Errorf("search on %s finds %s's article: %v (%s)", h, h2, has, found)
				}
			}
			if robots := p.do("GET", h, "/robots.txt", "", "").Body.String(); !strings.Contains(robots, "https://"+h+"/sitemap.xml") {
				t.Errorf("robots.txt of %s: %s", h, robots)
			}
			if sm := p.do("GET", h, "/sitemap.xml", "", "").Body.String(); !strings.Contains(sm, "https://"+h+"/bai-viet/"+slugs[h]) {
				t.Errorf("sitemap of %s lacks its article", h)
			}
		}
		// Counting: each site's own article was read once above by one
		// reader; two more readers on commune B only.
		for i := 0; i < 2; i++ {
			r := httptest.NewRequest("GET", "/bai-viet/"+slugs[p.b.Host], nil)
			r.Host = p.b.Host
			r.RemoteAddr = fmt.Sprintf("203.0.113.%d:4000", i+1)
			r.Header.Set("User-Agent", testUA)
			r.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			r.Header.Set("Accept-Language", "vi-VN,vi;q=0.9")
			p.srv.ServeHTTP(httptest.NewRecorder(), r)
		}
		for _, c := range p.srv.counters.Counters() {
			if err := c.Flush(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		today := func(h string) int64 {
			var v struct {
				Today int64 `json:"today"`
			}
			w := p.do("GET", h, "/api/v1/stats", "", "")
			if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
				t.Fatalf("stats on %s: %s", h, w.Body.String())
			}
			return v.Today
		}
		if a, b, c := today(p.a.Host), today(p.b.Host), today(p.c2.Host); a != 1 || b != 3 || c != 1 {
			t.Errorf("visitors today: province %d, commune B %d, commune C %d; want 1, 3, 1", a, b, c)
		}
		// /metrics labels the per-site series by host.
		r := httptest.NewRequest("GET", "/metrics", nil)
		r.Host, r.RemoteAddr = "127.0.0.1:8080", "127.0.0.1:5000"
		w := httptest.NewRecorder()
		p.srv.ServeHTTP(w, r)
		for _, want := range []string{
			`cong_site_visitors{site="xa-b.tinh-a.gov.vn",period="today"} 3`,
			`cong_site_visitors{site="tinh-a.gov.vn",period="today"} 1`,
			`cong_site_requests_total{site="xa-c.tinh-a.gov.vn"}`,
			`cong_site_views_counted_total{site="xa-b.tinh-a.gov.vn"} 3`,
		} {
			if !strings.Contains(w.Body.String(), want) {
				t.Errorf("/metrics (%d) lacks %s", w.Code, want)
			}
		}
	})
}

// TestStaffPerSite: an editor of a commune reaches their own site's admin
// and nothing on the province's; a province administrator reaches both.
func TestStaffPerSite(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		p := newProvince(t, st)
		ctx := context.Background()
		pa := store.UserRecord{User: auth.User{SiteID: p.a.ID, Username: "tinh", Role: auth.RoleProvinceAdmin}, PasswordHash: "x"}
		if err := st.CreateUser(ctx, &pa); err != nil {
			t.Fatal(err)
		}
		session := func(u store.UserRecord) string {
			secret, hash, err := auth.NewSecret()
			if err != nil {
				t.Fatal(err)
			}
			if err := st.CreateSession(ctx, hash, u.ID, "csrf", "203.0.113.1", testUA, false); err != nil {
				t.Fatal(err)
			}
			return secret
		}
		get := func(host, cookie string) int {
			r := httptest.NewRequest("GET", "/quan-tri/nguoi-dung", nil)
			r.Host = host
			r.AddCookie(&http.Cookie{Name: sessionCookie, Value: cookie})
			w := httptest.NewRecorder()
			p.srv.ServeHTTP(w, r)
			return w.Code
		}
		commune := session(p.users[p.b.Host])
		if c := get(p.b.Host, commune); c != 200 && c != 403 {
			t.Errorf("commune approver on own site: %d", c)
		}
		if c := get(p.a.Host, commune); c != 403 {
			t.Errorf("commune approver on the province: %d, want 403", c)
		}
		prov := session(pa)
		for _, h := range []string{p.a.Host, p.b.Host, p.c2.Host} {
			if c := get(h, prov); c != 200 {
				t.Errorf("province admin's user list on %s: %d", h, c)
			}
		}
		// A role given on another site opens that site, with that role.
		if err := st.SetSiteRole(ctx, p.users[p.b.Host].ID, p.c2.ID, auth.RoleAdmin); err != nil {
			t.Fatal(err)
		}
		if c := get(p.c2.Host, commune); c != 200 {
			t.Errorf("granted admin on C: %d", c)
		}
	})
}
