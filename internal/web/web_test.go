package web_test

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/visitors"
	"github.com/congportal/cong/internal/web"
)

var ctx = context.Background()

const browserUA = "Mozilla/5.0 (Linux; Android 12; CPH2127) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"

type env struct {
	t       *testing.T
	st      *store.Store
	srv     *web.Server
	counter *visitors.Counter
	site    news.Site
	cat     news.Category
	arts    []*news.Article
}

func newEnv(t *testing.T, s *store.Store) *env {
	t.Helper()
	site, err := s.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng thông tin điện tử huyện Thử Nghiệm", Agency: "Ủy ban nhân dân huyện Thử Nghiệm"})
	if err != nil {
		t.Fatal(err)
	}
	cat, err := s.CreateCategory(ctx, news.Category{SiteID: site.ID, Name: "Cải cách hành chính", Slug: "cai-cach-hanh-chinh"})
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, st: s, site: site, cat: cat}
	for i := 0; i < 20; i++ {
		a := &news.Article{SiteID: site.ID, CategoryID: cat.ID, Title: fmt.Sprintf("Đẩy mạnh cải cách hành chính đợt %d", i+1),
			Summary: "Tóm tắt bài viết", BodyHTML: "<p>Huyện đẩy mạnh <strong>CCHC</strong> và dịch vụ công trực tuyến.</p>",
			Author: "Nguyễn Văn An", Source: "Văn phòng HĐND và UBND huyện", Status: news.StatusPublished, Featured: i == 19,
			PublishedAt: time.Date(2026, 10, 1+i, 8, 30, 0, 0, time.UTC)}
		if err := s.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		e.arts = append(e.arts, a)
	}
	hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	e.counter = visitors.New(s, visitors.Options{SiteID: site.ID, Window: 30 * time.Minute, Location: hcm})
	proxies, _ := visit.ParseProxies("")
	e.srv, err = web.New(web.Options{Store: s, Counter: e.counter, SiteID: site.ID, BaseURL: "https://cong.example.vn",
		Proxies: proxies, Location: hcm, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

type resp struct {
	code int
	body string
	hdr  http.Header
}

func (e *env) do(method, target string, hdr map[string]string) resp {
	e.t.Helper()
	r := httptest.NewRequest(method, target, nil)
	r.Header.Set("User-Agent", browserUA)
	// What a browser sends with every page request (visit.Classify).
	r.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
	r.Header.Set("Accept-Language", "vi-VN,vi;q=0.9")
	for k, v := range hdr {
		if v == "" {
			r.Header.Del(k)
		} else {
			r.Header.Set(k, v)
		}
	}
	w := httptest.NewRecorder()
	e.srv.ServeHTTP(w, r)
	return resp{w.Code, w.Body.String(), w.Header()}
}

func (e *env) get(target string) resp { e.t.Helper(); return e.do("GET", target, nil) }

func mustContain(t *testing.T, r resp, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(r.body, s) {
			t.Errorf("body lacks %q (status %d)", s, r.code)
		}
	}
}

func TestPublicPages(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		home := e.get("/")
		if home.code != 200 {
			t.Fatalf("home %d", home.code)
		}
		mustContain(t, home, "Thống kê truy cập", "Đang online", "Hôm nay", "Trong tuần", "Tất cả", `href="/dang-nhap"`, "Đăng nhập",
			"Tin nổi bật", "Đẩy mạnh cải cách hành chính đợt 20", "Ủy ban nhân dân huyện Thử Nghiệm", `lang="vi"`)
		for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"} {
			if home.hdr.Get(h) == "" {
				t.Errorf("missing header %s", h)
			}
		}
		// Framing is refused by CSP alone: every browser that runs the site
		// honours frame-ancestors, so X-Frame-Options is not sent.
		if !strings.Contains(home.hdr.Get("Content-Security-Policy"), "frame-ancestors 'self'") {
			t.Error("CSP lacks frame-ancestors")
		}
		if strings.Contains(home.hdr.Get("Content-Security-Policy"), "unsafe-inline") || strings.Contains(home.body, "<script") {
			t.Error("no inline scripts allowed")
		}

		a := e.arts[0]
		art := e.get("/bai-viet/" + a.Slug)
		if art.code != 200 {
			t.Fatalf("article %d", art.code)
		}
		mustContain(t, art, "<h1>"+a.Title+"</h1>", "Lượt xem: 1<", "01/10/2026 15:30", "Nguyễn Văn An", "Nguồn: Văn phòng HĐND và UBND huyện",
			"<strong>CCHC</strong>", "Tin liên quan", "facebook.com/sharer", `/bai-viet/`+a.Slug+`/in`, `datetime="2026-10-01T15:30:00&#43;07:00"`)
		if got := e.get("/bai-viet/" + a.Slug); !strings.Contains(got.body, "Lượt xem: 1<") {
			t.Error("a second view inside the window must not count")
		}
		pr := e.get("/bai-viet/" + a.Slug + "/in")
		if pr.code != 200 || strings.Contains(pr.body, "Thống kê truy cập") {
			t.Errorf("print view %d", pr.code)
		}
		mustContain(t, pr, "Địa chỉ bài viết: https://cong.example.vn/bai-viet/"+a.Slug)

		cat := e.get("/chuyen-muc/cai-cach-hanh-chinh")
		mustContain(t, cat, "<h1>Cải cách hành chính</h1>", "Trang 1 / 2", `href="/chuyen-muc/cai-cach-hanh-chinh?trang=2"`)
		cat2 := e.get("/chuyen-muc/cai-cach-hanh-chinh?trang=2")
		mustContain(t, cat2, "Trang 2 / 2", "Đẩy mạnh cải cách hành chính đợt 1<")

		// A page from a WordPress import.
		if err := s.InTx(ctx, func(tx *store.Tx) error {
			return tx.InsertPage(ctx, &news.Page{SiteID: e.site.ID, Title: "Giới thiệu", Slug: "gioi-thieu", BodyHTML: "<p>Huyện Thử Nghiệm</p>"})
		}); err != nil {
			t.Fatal(err)
		}
		mustContain(t, e.get("/trang/gioi-thieu"), "<h1>Giới thiệu</h1>")
	})
}

func TestCountingExclusions(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		a := e.arts[1]
		path := "/bai-viet/" + a.Slug
		e.do("GET", path, map[string]string{"User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"})
		e.do("GET", path, map[string]string{"User-Agent": ""})
		e.do("GET", path, map[string]string{"Sec-Purpose": "prefetch;prerender"})
		e.do("GET", path, map[string]string{"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36"})
		if err := e.counter.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		got := e.get(path)
		mustContain(t, got, "Lượt xem: 1<") // only this human view
		if err := e.counter.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		m, _ := s.ArticleViews(ctx, []int64{a.ID})
		if m[a.ID] != 1 {
			t.Fatalf("stored views %d", m[a.ID])
		}
		met := e.localGet("/metrics")
		mustContain(t, met, `cong_visit_excluded_total{reason="bot"} 1`, `cong_visit_excluded_total{reason="empty_ua"} 1`,
			`cong_visit_excluded_total{reason="prefetch"} 1`, `cong_visit_excluded_total{reason="headless"} 1`,
			"cong_counter_flushes_total", `cong_http_requests_total{route="GET /bai-viet/{slug}",code="2xx"}`,
			"cong_http_request_duration_seconds_bucket")
		st := e.get("/api/v1/stats")
		var stats map[string]int64
		if err := json.Unmarshal([]byte(st.body), &stats); err != nil || stats["today"] != 1 || stats["total"] != 1 || stats["online"] != 1 {
			t.Fatalf("stats %s %v", st.body, err)
		}
		home := e.get("/")
		if !regexp.MustCompile(`<dt>Hôm nay</dt><dd>1</dd>`).MatchString(home.body) {
			t.Error("sidebar does not show today's visitor")
		}
	})
}

func TestSlugRedirect(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		a := e.arts[2]
		old := a.Slug
		a.Title, a.Slug = "Tiêu đề mới về dịch vụ công", ""
		if err := s.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		e.srv.ContentChanged()
		r := e.get("/bai-viet/" + old)
		if r.code != http.StatusMovedPermanently || r.hdr.Get("Location") != "/bai-viet/tieu-de-moi-ve-dich-vu-cong" {
			t.Fatalf("redirect %d %q", r.code, r.hdr.Get("Location"))
		}
		mustContain(t, e.get("/bai-viet/tieu-de-moi-ve-dich-vu-cong"), "Tiêu đề mới về dịch vụ công")
	})
}

func TestBadInput(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		cases := []struct {
			path string
			code int
			want string
		}{
			{"/bai-viet/khong-ton-tai", 404, "Không tìm thấy trang"},
			{"/chuyen-muc/khong-ton-tai", 404, "Không tìm thấy trang"},
			{"/khong-co-trang-nay", 404, "Không tìm thấy trang"},
			{"/chuyen-muc/cai-cach-hanh-chinh?trang=abc", 400, "Số trang không hợp lệ"},
			{"/chuyen-muc/cai-cach-hanh-chinh?trang=-1", 400, "Số trang không hợp lệ"},
			{"/chuyen-muc/cai-cach-hanh-chinh?trang=99999999999999999999", 400, "Số trang không hợp lệ"},
			{"/chuyen-muc/cai-cach-hanh-chinh?trang=50", 404, "Không tìm thấy"},
			{"/tim-kiem?q=" + strings.Repeat("a", 300), 400, "Từ khóa quá dài"},
			{"/tim-kiem?q=%22%22%21%21", 400, "Vui lòng nhập từ khóa"},
			{"/tim-kiem?q=%ff%fe%fd", 400, "Vui lòng nhập từ khóa"},
			{"/tim-kiem?q=c%E1%BA%A3i%ffc%C3%A1ch", 200, "kết quả"},
			{"/tim-kiem?q=a&x=" + strings.Repeat("b", 5000), 414, "quá dài"},
			{"/static/..%2f..%2fgo.mod", 404, ""},
			{"/static/../../etc/passwd", 404, ""},
			{"/static/style.css", 404, ""},
			{"/bai-viet/%ff%fe", 404, ""},
			{"/bai-viet/%ff%fe/in", 404, ""},
			{"/chuyen-muc/%ff", 404, ""},
			{"/chuyen-muc/%ff/rss.xml", 404, ""},
			{"/trang/%c3%28", 404, ""},
			{"/bai-viet/abc%00def", 404, ""},
			{"/tim-kiem?q=abc%00def", 200, "kết quả"},
			{"/api/v1/search?q=%00", 400, "bad_query"},
			{"/api/v1/articles?category=%ff", 400, "category"},
			{"/api/v1/articles/abc", 400, `"code":"bad_request"`},
			{"/api/v1/articles/999999", 404, `"code":"not_found"`},
			{"/api/v1/articles?per_page=1000", 400, "per_page"},
			{"/api/v1/khong-co", 404, `"error"`},
			{"/api/v1/search?q=", 400, `"code":"bad_query"`},
		}
		for _, tc := range cases {
			r := e.get(tc.path)
			if r.code == 301 || r.code == 307 || r.code == 308 {
				// ServeMux cleans ".." paths with a redirect; follow once.
				r = e.get(r.hdr.Get("Location"))
			}
			if r.code != tc.code {
				t.Errorf("%s: status %d, want %d", tc.path[:min(len(tc.path), 60)], r.code, tc.code)
			}
			if !strings.Contains(r.body, tc.want) {
				t.Errorf("%s: body lacks %q", tc.path[:min(len(tc.path), 60)], tc.want)
			}
			if strings.Contains(r.body, "goroutine") || strings.Contains(r.body, ".go:") {
				t.Errorf("%s: leaks a stack trace", tc.path[:min(len(tc.path), 60)])
			}
		}
		// Cross-origin unsafe requests are refused before any handler.
		r := e.do("POST", "/tim-kiem", map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"})
		if r.code != http.StatusForbidden {
			t.Errorf("cross-origin POST: %d", r.code)
		}
		r = e.do("DELETE", "/api/v1/articles/1", map[string]string{"Sec-Fetch-Site": "cross-site"})
		if r.code != http.StatusForbidden {
			t.Errorf("cross-origin DELETE: %d", r.code)
		}
	})
}

func TestSearchPage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		r := e.get("/tim-kiem?q=cai+cach+hanh+chinh")
		if r.code != 200 {
			t.Fatalf("%d", r.code)
		}
		mustContain(t, r, "Tìm thấy 20 kết quả", "<mark>cải cách hành chính</mark>", "Trang 1 / 2", `noindex`)
		r = e.get("/tim-kiem?q=cchc&trang=2")
		mustContain(t, r, "Tìm thấy 20 kết quả", "Trang 2 / 2")
		r = e.get("/tim-kiem")
		if r.code != 200 {
			t.Fatalf("bare search %d", r.code)
		}
		mustContain(t, r, "Nhập từ khóa")
	})
}

func TestFeedsAndOps(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		rss := e.get("/rss.xml")
		if rss.code != 200 || !strings.HasPrefix(rss.hdr.Get("Content-Type"), "application/rss+xml") {
			t.Fatalf("rss %d %s", rss.code, rss.hdr.Get("Content-Type"))
		}
		mustContain(t, rss, `<rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0"`, "<title>Đẩy mạnh cải cách hành chính đợt 20</title>",
			"<link>https://cong.example.vn/bai-viet/", "+0700</pubDate>", "<dc:creator>Nguyễn Văn An</dc:creator>")
		if n := strings.Count(rss.body, "<item>"); n != 20 {
			t.Errorf("rss items %d", n)
		}
		mustContain(t, e.get("/chuyen-muc/cai-cach-hanh-chinh/rss.xml"), "<title>Cải cách hành chính – ")
		if r := e.get("/chuyen-muc/khong-co/rss.xml"); r.code != 404 {
			t.Errorf("unknown category feed %d", r.code)
		}
		sm := e.get("/sitemap.xml")
		mustContain(t, sm, "<loc>https://cong.example.vn/</loc>", "<loc>https://cong.example.vn/chuyen-muc/cai-cach-hanh-chinh</loc>", "<lastmod>")
		if n := strings.Count(sm.body, "/bai-viet/"); n != 20 {
			t.Errorf("sitemap articles %d", n)
		}
		mustContain(t, e.get("/robots.txt"), "Sitemap: https://cong.example.vn/sitemap.xml", "Disallow: /quan-tri")
		h := e.get("/healthz")
		var hv map[string]any
		if err := json.Unmarshal([]byte(h.body), &hv); err != nil || h.code != 200 || hv["status"] != "ok" || hv["schema"].(float64) < 1 {
			t.Fatalf("healthz %d %s", h.code, h.body)
		}
		// Static assets: checksum URL from the page, long cache.
		home := e.get("/")
		css := regexp.MustCompile(`href="(/static/style\.[0-9a-f]{8}\.css)"`).FindStringSubmatch(home.body)
		if css == nil {
			t.Fatal("no checksum stylesheet URL")
		}
		st := e.get(css[1])
		if st.code != 200 || !strings.Contains(st.hdr.Get("Cache-Control"), "immutable") || !strings.HasPrefix(st.hdr.Get("Content-Type"), "text/css") {
			t.Fatalf("static %d %v", st.code, st.hdr)
		}
		if r := e.do("GET", css[1], map[string]string{"If-None-Match": st.hdr.Get("ETag")}); r.code != 304 {
			t.Errorf("conditional static %d", r.code)
		}
		gz := e.do("GET", css[1], map[string]string{"Accept-Encoding": "gzip"})
		if gz.hdr.Get("Content-Encoding") != "gzip" || len(gz.body) >= len(st.body) {
			t.Errorf("static gzip: %q %d vs %d", gz.hdr.Get("Content-Encoding"), len(gz.body), len(st.body))
		}
		zr, err := gzip.NewReader(strings.NewReader(gz.body))
		if err != nil {
			t.Fatal(err)
		}
		if plain, _ := io.ReadAll(zr); string(plain) != st.body {
			t.Error("gzip static differs from plain")
		}
	})
}

func TestAPI(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		var list struct {
			Items []map[string]any `json:"items"`
			Total int              `json:"total"`
		}
		r := e.get("/api/v1/articles?per_page=5&page=2&category=cai-cach-hanh-chinh")
		if err := json.Unmarshal([]byte(r.body), &list); err != nil || r.code != 200 {
			t.Fatalf("%d %s", r.code, r.body)
		}
		if list.Total != 20 || len(list.Items) != 5 || list.Items[0]["title"] != "Đẩy mạnh cải cách hành chính đợt 15" {
			t.Fatalf("list %d %d %v", list.Total, len(list.Items), list.Items[0]["title"])
		}
		if r := e.get("/api/v1/articles?category=khong-co"); r.code != 400 {
			t.Errorf("unknown category %d", r.code)
		}
		a := e.arts[0]
		e.get("/bai-viet/" + a.Slug)
		r = e.get(fmt.Sprintf("/api/v1/articles/%d", a.ID))
		var one map[string]any
		if err := json.Unmarshal([]byte(r.body), &one); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"id", "title", "slug", "url", "summary", "body_html", "category", "author", "source", "published_at", "updated_at", "views"} {
			if _, ok := one[k]; !ok {
				t.Errorf("article JSON lacks %q", k)
			}
		}
		if one["views"].(float64) != 1 || one["url"] != "https://cong.example.vn/bai-viet/"+a.Slug || one["published_at"] != "2026-10-01T15:30:00+07:00" {
			t.Errorf("article JSON %v", one)
		}
		r = e.get("/api/v1/search?q=" + "dot+3")
		if err := json.Unmarshal([]byte(r.body), &list); err != nil || r.code != 200 {
			t.Fatalf("%d %s", r.code, r.body)
		}
		if list.Total == 0 || list.Items[0]["title"] != "Đẩy mạnh cải cách hành chính đợt 3" {
			t.Fatalf("search best match first: %v", list.Items)
		}
		if _, ok := list.Items[0]["body_html"]; ok {
			t.Error("search items are list items, without bodies")
		}
		// A draft is not public through the API.
		d := &news.Article{SiteID: e.site.ID, Title: "Nháp", Status: news.StatusDraft}
		if err := s.SaveArticle(ctx, d); err != nil {
			t.Fatal(err)
		}
		if r := e.get(fmt.Sprintf("/api/v1/articles/%d", d.ID)); r.code != 404 {
			t.Errorf("draft via API: %d", r.code)
		}
	})
}

func TestGzipPages(t *testing.T) {
	s := testdb.Open(t, "sqlite")
	e := newEnv(t, s)
	for _, path := range []string{"/", "/bai-viet/" + e.arts[3].Slug, "/chuyen-muc/cai-cach-hanh-chinh"} {
		r := e.do("GET", path, map[string]string{"Accept-Encoding": "gzip, deflate, br, zstd"})
		if r.hdr.Get("Content-Encoding") != "gzip" || r.hdr.Get("Vary") != "Accept-Encoding" {
			t.Fatalf("%s: not gzipped: %v", path, r.hdr)
		}
		zr, err := gzip.NewReader(strings.NewReader(r.body))
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if !strings.Contains(string(body), "Thống kê truy cập") {
			t.Fatalf("%s: decoded body wrong", path)
		}
		if strings.HasPrefix(path, "/bai-viet/") && !strings.Contains(string(body), "Lượt xem: 1<") {
			t.Fatalf("live views not in gzip body")
		}
	}
}

// When the database fails, pages say so in Vietnamese with a 500, the API
// answers JSON, /healthz is 503, and nothing leaks.
func TestDatabaseDown(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		s.Close()
		for _, path := range []string{"/", "/bai-viet/" + e.arts[0].Slug, "/tim-kiem?q=cchc", "/api/v1/articles"} {
			r := e.get(path)
			if r.code != 500 {
				t.Errorf("%s: %d", path, r.code)
			}
			want := "Hệ thống đang gặp sự cố"
			if strings.HasPrefix(path, "/api/") {
				want = `"code":"internal"`
			}
			mustContain(t, r, want)
			if strings.Contains(r.body, "sql:") || strings.Contains(r.body, "database is closed") {
				t.Errorf("%s leaks the cause: %s", path, r.body)
			}
		}
		if r := e.get("/healthz"); r.code != 503 {
			t.Errorf("healthz %d", r.code)
		}
	})
}
