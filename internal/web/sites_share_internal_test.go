package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/visitors"
)

// TestShareUpward: commune B proposes an article to the province, the
// province's approver accepts it, and the province shows the one source row
// with the commune named and a canonical link to the original; an edit at
// the source shows through, withdrawal and unpublishing remove it.
func TestShareUpward(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		p := newProvince(t, st)
		prov, com := p.a.Host, p.b.Host
		w := p.do("POST", com, "/api/v1/articles", p.tokens[com], `{"title":"Xã Bê khánh thành cầu mới","body_html":"<p>Cầu dài 50 m</p>","category":"tin-tuc","status":"published"}`)
		if w.Code != 201 && w.Code != 200 {
			t.Fatalf("publish: %d %s", w.Code, w.Body.String())
		}
		var art struct {
			ID   int64  `json:"id"`
			Slug string `json:"slug"`
		}
		if err := json.Unmarshal(w.Body.Bytes(), &art); err != nil || art.ID == 0 {
			t.Fatalf("publish answer: %s", w.Body.String())
		}
		share := fmt.Sprintf("/api/v1/articles/%d/share", art.ID)
		canonical := `<link rel="canonical" href="https://` + com + `/bai-viet/` + art.Slug + `">`
		shown := func(title string) bool {
			home := p.do("GET", prov, "/", "", "").Body.String()
			return strings.Contains(home, title)
		}

		// The province itself has no parent: nothing to share to.
		own := p.do("POST", prov, "/api/v1/articles", p.tokens[prov], `{"title":"Tin tỉnh","body_html":"<p>x</p>","category":"tin-tuc","status":"published"}`)
		var ownArt struct {
			ID int64 `json:"id"`
		}
		_ = json.Unmarshal(own.Body.Bytes(), &ownArt)
		if w := p.do("POST", prov, fmt.Sprintf("/api/v1/articles/%d/share", ownArt.ID), p.tokens[prov], ""); w.Code != 422 || !strings.Contains(w.Body.String(), "no_parent") {
			t.Errorf("province proposes upward: %d %s", w.Code, w.Body.String())
		}
		// Proposing another site's article by id: 404.
		if w := p.do("POST", com, fmt.Sprintf("/api/v1/articles/%d/share", ownArt.ID), p.tokens[com], ""); w.Code != 404 {
			t.Errorf("commune proposes the province's article: %d", w.Code)
		}

		if w := p.do("POST", com, share, p.tokens[com], ""); w.Code != 202 {
			t.Fatalf("propose: %d %s", w.Code, w.Body.String())
		}
		if shown("Xã Bê khánh thành") {
			t.Error("a proposal not yet accepted is on the province home")
		}
		if w := p.do("GET", prov, "/bai-viet/"+art.Slug, "", ""); w.Code != 404 {
			t.Errorf("proposed article on the province host: %d", w.Code)
		}
		list := p.do("GET", prov, "/api/v1/shares", p.tokens[prov], "").Body.String()
		if !strings.Contains(list, `"source_host":"`+com+`"`) || !strings.Contains(list, "Xã Bê khánh thành") {
			t.Errorf("province's proposals: %s", list)
		}
		// The commune's approver cannot accept on its own site what was
		// proposed to the province.
		if w := p.do("POST", com, fmt.Sprintf("/api/v1/shares/%d/accept", art.ID), p.tokens[com], ""); w.Code != 404 {
			t.Errorf("commune accepts its own proposal: %d", w.Code)
		}
		if w := p.do("POST", prov, fmt.Sprintf("/api/v1/shares/%d/accept", art.ID), p.tokens[prov], ""); w.Code != 200 {
			t.Fatalf("accept: %d %s", w.Code, w.Body.String())
		}
		if w := p.do("POST", prov, fmt.Sprintf("/api/v1/shares/%d/refuse", art.ID), p.tokens[prov], ""); w.Code != 404 {
			t.Errorf("deciding twice: %d", w.Code)
		}
		home := p.do("GET", prov, "/", "", "").Body.String()
		if !strings.Contains(home, "Xã Bê khánh thành") || !strings.Contains(home, "Tin cơ sở – "+p.b.Name) {
			t.Errorf("accepted article not on the province home with its source named")
		}
		w = p.do("GET", prov, "/bai-viet/"+art.Slug, "", "")
		if w.Code != 200 || !strings.Contains(w.Body.String(), canonical) || !strings.Contains(w.Body.String(), "Tin cơ sở của "+p.b.Name) {
			t.Errorf("shared article on the province: %d, canonical %v", w.Code, strings.Contains(w.Body.String(), canonical))
		}
		if feed := p.do("GET", prov, "/rss.xml", "", "").Body.String(); !strings.Contains(feed, "https://"+com+"/bai-viet/"+art.Slug) {
			t.Error("province feed lacks the shared article at its source address")
		}
		// Commune C does not see B's article.
		if w := p.do("GET", p.c2.Host, "/bai-viet/"+art.Slug, "", ""); w.Code != 404 {
			t.Errorf("shared article on a sibling commune: %d", w.Code)
		}

		version := func() int {
			a, err := st.Article(context.Background(), p.b.ID, art.ID)
			if err != nil {
				t.Fatal(err)
			}
			return a.Version
		}
		// An edit at the source flows through, past the province's page cache.
		if w := p.do("PUT", com, fmt.Sprintf("/api/v1/articles/%d", art.ID), p.tokens[com], fmt.Sprintf(`{"title":"Xã Bê khánh thành cầu Bến Đá","body_html":"<p>Cầu dài 50 m</p>","category":"tin-tuc","status":"published","version":%d}`, version())); w.Code != 200 {
			t.Fatalf("edit at source: %d %s", w.Code, w.Body.String())
		}
		if !shown("cầu Bến Đá") {
			t.Error("the source's edit does not show on the province")
		}

		// Withdrawal removes it.
		if w := p.do("DELETE", com, share, p.tokens[com], ""); w.Code != 204 {
			t.Fatalf("withdraw: %d %s", w.Code, w.Body.String())
		}
		if shown("cầu Bến Đá") {
			t.Error("withdrawn article still on the province home")
		}
		if w := p.do("GET", prov, "/bai-viet/"+art.Slug, "", ""); w.Code != 404 {
			t.Errorf("withdrawn article on the province host: %d", w.Code)
		}

		// Proposed again and accepted, then taken down at the source: gone.
		p.do("POST", com, share, p.tokens[com], "")
		p.do("POST", prov, fmt.Sprintf("/api/v1/shares/%d/accept", art.ID), p.tokens[prov], "")
		if !shown("cầu Bến Đá") {
			t.Fatal("re-accepted article not shown")
		}
		if w := p.do("DELETE", com, fmt.Sprintf("/api/v1/articles/%d", art.ID), p.tokens[com], ""); w.Code != 204 {
			t.Fatalf("unpublish at source: %d %s", w.Code, w.Body.String())
		}
		if shown("cầu Bến Đá") {
			t.Error("article unpublished at the source still on the province home")
		}

		var n int
		if err := st.DB().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE action IN ('article.share_propose', 'article.share_accept', 'article.share_withdraw')`).Scan(&n); err != nil || n != 5 {
			t.Errorf("audit entries: %d (%v), want 5", n, err)
		}
	})
}

// TestProvinceSearch: the province's search covers its communes' articles,
// names the site of each and links it on its own host; a commune's search
// stays its own.
func TestProvinceSearch(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		p := newProvince(t, st)
		hosts := []string{p.a.Host, p.b.Host, p.c2.Host}
		slugs := map[string]string{}
		for i, h := range hosts {
			body := fmt.Sprintf(`{"title":"Công trình thủy lợi số %d","body_html":"<p>Kênh mương nội đồng %d</p>","category":"tin-tuc","status":"published"}`, i+1, i+1)
			w := p.do("POST", h, "/api/v1/articles", p.tokens[h], body)
			var out struct {
				Slug string `json:"slug"`
			}
			if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil || out.Slug == "" {
				t.Fatalf("publish on %s: %d %s", h, w.Code, w.Body.String())
			}
			slugs[h] = out.Slug
		}
		page := p.do("GET", p.a.Host, "/tim-kiem?q=thuy+loi", "", "").Body.String()
		if !strings.Contains(page, "Tìm thấy 3 kết quả") {
			t.Errorf("province search does not find all three sites' articles")
		}
		for _, site := range []struct{ host, name string }{{p.b.Host, p.b.Name}, {p.c2.Host, p.c2.Name}} {
			if !strings.Contains(page, `href="https://`+site.host+`/bai-viet/`+slugs[site.host]+`"`) || !strings.Contains(page, `<span class="site-source">`+site.name+`</span>`) {
				t.Errorf("province search: %s's result not linked on its host with its name", site.host)
			}
		}
		if !strings.Contains(page, `href="/bai-viet/`+slugs[p.a.Host]+`"`) {
			t.Error("province search: its own result not linked locally")
		}
		var api struct {
			Items []struct {
				URL  string `json:"url"`
				Site string `json:"site"`
			} `json:"items"`
			Total int `json:"total"`
		}
		if err := json.Unmarshal(p.do("GET", p.a.Host, "/api/v1/search?q=thuy+loi", "", "").Body.Bytes(), &api); err != nil || api.Total != 3 {
			t.Fatalf("province API search: %+v %v", api, err)
		}
		named := 0
		for _, it := range api.Items {
			if it.Site != "" {
				named++
				if !strings.HasPrefix(it.URL, "https://xa-") {
					t.Errorf("API result of %s at %s", it.Site, it.URL)
				}
			}
		}
		if named != 2 {
			t.Errorf("API results naming another site: %d, want 2", named)
		}
		// A commune finds only its own.
		cpage := p.do("GET", p.b.Host, "/tim-kiem?q=thuy+loi", "", "").Body.String()
		if !strings.Contains(cpage, "Tìm thấy 1 kết quả") || strings.Contains(cpage, slugs[p.c2.Host]) || strings.Contains(cpage, slugs[p.a.Host]) {
			t.Error("commune search is not its own")
		}
	})
}

// TestProvinceTwoInstances: two servers on one database (two instances
// behind a load balancer) count readers of each site's article and, once
// both have written their counts, agree on every article's views.
func TestProvinceTwoInstances(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		p := newProvince(t, st)
		hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
		proxies, _ := visit.ParseProxies("")
		srv2, err := New(Options{Store: st, Counter: visitors.New(st, visitors.Options{SiteID: p.a.ID, Window: 30 * time.Minute, Location: hcm}),
			SiteID: p.a.ID, BaseURL: "https://tinh-a.gov.vn", Proxies: proxies, Location: hcm,
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Version: "test", MediaDir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		hosts := []string{p.a.Host, p.b.Host, p.c2.Host}
		ids := map[string]int64{}
		slugs := map[string]string{}
		for i, h := range hosts {
			w := p.do("POST", h, "/api/v1/articles", p.tokens[h], fmt.Sprintf(`{"title":"Bài số %d","body_html":"<p>x</p>","category":"tin-tuc","status":"published"}`, i+1))
			var out struct {
				ID   int64  `json:"id"`
				Slug string `json:"slug"`
			}
			if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil || out.ID == 0 {
				t.Fatalf("publish on %s: %s", h, w.Body.String())
			}
			ids[h], slugs[h] = out.ID, out.Slug
		}
		// Site i gets i+1 readers on each instance, each a distinct visitor.
		reader := 0
		for i, h := range hosts {
			for _, srv := range []*Server{p.srv, srv2} {
				for k := 0; k <= i; k++ {
					reader++
					r := httptest.NewRequest("GET", "/bai-viet/"+slugs[h], nil)
					r.Host = h
					r.RemoteAddr = fmt.Sprintf("198.51.100.%d:4000", reader)
					r.Header.Set("User-Agent", testUA)
					r.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
					r.Header.Set("Accept-Language", "vi-VN,vi;q=0.9")
					w := httptest.NewRecorder()
					srv.ServeHTTP(w, r)
					if w.Code != 200 {
						t.Fatalf("read %s on %s: %d", slugs[h], h, w.Code)
					}
				}
			}
		}
		for _, srv := range []*Server{p.srv, srv2} {
			for _, c := range srv.counters.Counters() {
				if err := c.Flush(context.Background()); err != nil {
					t.Fatal(err)
				}
			}
		}
		for i, h := range hosts {
			want := int64(2 * (i + 1))
			for n, srv := range []*Server{p.srv, srv2} {
				r := httptest.NewRequest("GET", fmt.Sprintf("/api/v1/articles/%d", ids[h]), nil)
				r.Host = h
				w := httptest.NewRecorder()
				srv.ServeHTTP(w, r)
				var a struct {
					Views int64 `json:"views"`
				}
				if err := json.Unmarshal(w.Body.Bytes(), &a); err != nil {
					t.Fatalf("%s on instance %d: %s", h, n+1, w.Body.String())
				}
				if a.Views != want {
					t.Errorf("views of %s's article on instance %d: %d, want %d", h, n+1, a.Views, want)
				}
			}
		}
	})
}

// TestShareUpwardAdmin: the same through the staff pages: the commune's
// article page proposes, the province's dashboard accepts; a commune
// approver cannot decide on the province.
func TestShareUpwardAdmin(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		p := newProvince(t, st)
		ctx := context.Background()
		prov, com := p.a.Host, p.b.Host
		w := p.do("POST", com, "/api/v1/articles", p.tokens[com], `{"title":"Xã Bê ra quân làm đường","body_html":"<p>x</p>","category":"tin-tuc","status":"published"}`)
		var art struct {
			ID int64 `json:"id"`
		}
		if err := json.Unmarshal(w.Body.Bytes(), &art); err != nil || art.ID == 0 {
			t.Fatalf("publish: %s", w.Body.String())
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
		staff := func(method, host, target, cookie string) *httptest.ResponseRecorder {
			var body io.Reader
			if method == "POST" {
				body = strings.NewReader("csrf=csrf")
			}
			r := httptest.NewRequest(method, target, body)
			r.Host = host
			r.Header.Set("User-Agent", testUA)
			if method == "POST" {
				r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				r.Header.Set("Origin", "https://"+host)
			}
			r.AddCookie(&http.Cookie{Name: sessionCookie, Value: cookie})
			w := httptest.NewRecorder()
			p.srv.ServeHTTP(w, r)
			return w
		}
		communeStaff, provStaff := session(p.users[com]), session(p.users[prov])
		id := fmt.Sprint(art.ID)
		if page := staff("GET", com, "/quan-tri/bai-viet/"+id, communeStaff).Body.String(); !strings.Contains(page, "Đề xuất lên cổng cấp trên") {
			t.Fatal("the commune's article page has no proposal button")
		}
		if w := staff("POST", com, "/quan-tri/bai-viet/"+id+"/tin-co-so", communeStaff); w.Code != 303 {
			t.Fatalf("propose: %d %s", w.Code, w.Body.String())
		}
		if dash := staff("GET", prov, "/quan-tri", provStaff).Body.String(); !strings.Contains(dash, "Tin cơ sở chờ nhận") || !strings.Contains(dash, "Xã Bê ra quân làm đường") {
			t.Fatal("the province's dashboard does not list the proposal")
		}
		if w := staff("POST", prov, "/quan-tri/tin-co-so/"+id+"/nhan", communeStaff); w.Code != 403 {
			t.Errorf("commune approver decides on the province: %d", w.Code)
		}
		if w := staff("POST", prov, "/quan-tri/tin-co-so/"+id+"/nhan", provStaff); w.Code != 303 {
			t.Fatalf("accept: %d %s", w.Code, w.Body.String())
		}
		if home := p.do("GET", prov, "/", "", "").Body.String(); !strings.Contains(home, "Xã Bê ra quân làm đường") {
			t.Error("accepted article not on the province home")
		}
		if page := staff("GET", com, "/quan-tri/bai-viet/"+id, communeStaff).Body.String(); !strings.Contains(page, "đang hiện trên cổng cấp trên") {
			t.Error("the commune's article page does not say the share is accepted")
		}
	})
}
