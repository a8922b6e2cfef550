package web_test

import (
	"archive/zip"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/visitors"
	"github.com/congportal/cong/internal/web"
)

// analyticsVisitor is one reader of the analytics test.
type analyticsVisitor struct {
	ip, ua, referer string
	paths           []string
}

const (
	uaIPhone  = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3.1 Mobile/15E148 Safari/604.1"
	uaAndroid = "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.6167.101 Mobile Safari/537.36"
	uaWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36"
	uaIPad    = "Mozilla/5.0 (iPad; CPU OS 15_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6.1 Mobile/15E148 Safari/604.1"
	uaFirefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:122.0) Gecko/20100101 Firefox/122.0"
	uaEdge    = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36 Edg/121.0.2277.98"
)

func analyticsRequest(method, path, ip string, hdr map[string]string) *http.Request {
	r := httptest.NewRequest(method, path, nil)
	r.RemoteAddr = ip + ":40000"
	r.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
	r.Header.Set("Accept-Language", "vi-VN,vi;q=0.9")
	for k, v := range hdr {
		if v == "" {
			r.Header.Del(k)
		} else {
			r.Header.Set(k, v)
		}
	}
	return r
}

// TestVisitorAnalytics sends known visits (readers with given referrers and
// devices, crawlers, a scraper over the rate) through the real router of
// one instance (SQLite) or two instances sharing one database (PostgreSQL),
// and finds exactly those figures on the page, in both exports and in the
// API.
func TestVisitorAnalytics(t *testing.T) {
	for _, eng := range testdb.Engines() {
		t.Run(eng, func(t *testing.T) {
			u := testdb.URL(t, eng)
			open := func() *store.Store {
				s, err := store.Open(ctx, u, t.TempDir())
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { s.Close() })
				if _, err := s.Migrate(ctx); err != nil {
					t.Fatal(err)
				}
				return s
			}
			e := newEnv(t, open())
			servers := []*web.Server{e.srv}
			counters := []*visitors.Counter{e.counter}
			if eng == "postgres" {
				s2 := open()
				hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
				c2 := visitors.New(s2, visitors.Options{SiteID: e.site.ID, Window: 30 * time.Minute, Location: hcm})
				proxies, _ := visit.ParseProxies("")
				srv2, err := web.New(web.Options{Store: s2, Counter: c2, SiteID: e.site.ID, BaseURL: "https://cong.example.vn",
					Proxies: proxies, Location: hcm, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Version: "test"})
				if err != nil {
					t.Fatal(err)
				}
				servers, counters = append(servers, srv2), append(counters, c2)
			}
			a, b, c := "/bai-viet/"+e.arts[0].Slug, "/bai-viet/"+e.arts[1].Slug, "/bai-viet/"+e.arts[2].Slug
			readers := []analyticsVisitor{
				{"203.0.113.1", uaIPhone, "https://www.google.com.vn/search?q=cai+cach", []string{a, b, a}},
				{"203.0.113.2", uaAndroid, "https://zalo.me/g/abcdef", []string{a}},
				{"203.0.113.3", uaWindows, "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html", []string{a, c}},
				{"203.0.113.4", uaIPad, "https://l.facebook.com/l.php?u=https%3A%2F%2Fcong.example.vn", []string{b}},
				{"203.0.113.5", uaFirefox, "", []string{a, "/"}},
				{"203.0.113.6", uaEdge, "https://sotttt.hanoi.gov.vn/tin-tuc", []string{"/"}},
			}
			n := 0
			serve := func(r *http.Request) int {
				w := httptest.NewRecorder()
				servers[n%len(servers)].ServeHTTP(w, r) // alternate instances
				n++
				return w.Code
			}
			for _, v := range readers {
				for i, p := range v.paths {
					hdr := map[string]string{"User-Agent": v.ua}
					if i == 0 && v.referer != "" {
						hdr["Referer"] = v.referer
					}
					if code := serve(analyticsRequest("GET", p, v.ip, hdr)); code != 200 {
						t.Fatalf("GET %s: %d", p, code)
					}
				}
			}
			// A reader arriving later from elsewhere keeps the source of
			// their first page of the day.
			serve(analyticsRequest("GET", b, "203.0.113.5", map[string]string{"User-Agent": uaFirefox, "Referer": "https://www.bing.com/search?q=x"}))
			// Not people.
			for _, h := range []map[string]string{
				{"User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"},
				{"User-Agent": "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"},
				{"User-Agent": "curl/8.5.0"},
				{"User-Agent": "Datadog Agent/7.69.2"},
				{"User-Agent": uaWindows + " SecurityHeaders"},
				{"User-Agent": uaWindows, "Accept-Language": ""},
			} {
				serve(analyticsRequest("GET", a, "198.51.100.9", h))
			}
			serve(analyticsRequest("HEAD", a, "198.51.100.9", map[string]string{"User-Agent": uaWindows}))
			// A scraper with a browser's User-Agent: the first
			// MaxPerMinute pages of the minute count as one visitor's,
			// the rest are refused. Sent to one instance, where the rate
			// is kept.
			for range visitors.MaxPerMinute + 5 {
				r := analyticsRequest("GET", "/", "198.51.100.20", map[string]string{"User-Agent": uaAndroid})
				w := httptest.NewRecorder()
				servers[0].ServeHTTP(w, r)
			}
			for _, cn := range counters {
				if err := cn.Flush(ctx); err != nil {
					t.Fatal(err)
				}
			}

			today := time.Now().In(e.counter.Location()).Format("2006-01-02")
			wantDays := []map[string]any{{"date": today, "visitors": 7.0, "views": 8.0}}
			wantArticles := []map[string]any{
				{"id": float64(e.arts[0].ID), "title": e.arts[0].Title, "views": 4.0},
				{"id": float64(e.arts[1].ID), "title": e.arts[1].Title, "views": 3.0},
				{"id": float64(e.arts[2].ID), "title": e.arts[2].Title, "views": 1.0},
			}
			wantRefs := []map[string]any{
				{"group": "direct", "host": "", "visitors": 2.0}, // the reader and the scraper
				{"group": "dichvucong", "host": "dichvucong.gov.vn", "visitors": 1.0},
				{"group": "facebook", "host": "l.facebook.com", "visitors": 1.0},
				{"group": "gov", "host": "sotttt.hanoi.gov.vn", "visitors": 1.0},
				{"group": "search", "host": "google.com.vn", "visitors": 1.0},
				{"group": "zalo", "host": "zalo.me", "visitors": 1.0},
			}
			wantDevices := []map[string]any{{"kind": "desktop", "visitors": 3.0}, {"kind": "phone", "visitors": 3.0}, {"kind": "tablet", "visitors": 1.0}}
			wantBots := []map[string]any{
				{"reason": "bot", "requests": 3.0}, {"reason": "not_browser", "requests": 2.0}, {"reason": "rate", "requests": 5.0},
				{"reason": "method", "requests": 1.0}, {"reason": "no_accept", "requests": 1.0},
			}

			// "Lượt xem" of the articles agrees.
			m, err := e.st.ArticleViews(ctx, []int64{e.arts[0].ID, e.arts[1].ID, e.arts[2].ID})
			if err != nil || m[e.arts[0].ID] != 4 || m[e.arts[1].ID] != 3 || m[e.arts[2].ID] != 1 {
				t.Fatalf("Lượt xem %v %v", m, err)
			}

			// The API, with an editor's token.
			e.addUser(t, "bientap", auth.RoleEditor)
			tok := e.token(t, "bientap")
			code, out := e.api(t, "GET", "/api/v1/analytics?from="+today+"&to="+today, tok, "")
			if code != 200 {
				t.Fatalf("api %d %v", code, out)
			}
			check := func(key string, want []map[string]any) {
				t.Helper()
				var got []map[string]any
				for _, x := range out[key].([]any) {
					got = append(got, x.(map[string]any))
				}
				if key == "bots" {
					// Equal counts come in name order; compare as a set.
					gm := map[string]float64{}
					for _, g := range got {
						gm[g["reason"].(string)] = g["requests"].(float64)
					}
					wm := map[string]float64{}
					for _, w := range want {
						wm[w["reason"].(string)] = w["requests"].(float64)
					}
					if !reflect.DeepEqual(gm, wm) {
						t.Errorf("api %s = %v, want %v", key, gm, wm)
					}
					return
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("api %s = %v, want %v", key, got, want)
				}
			}
			check("days", wantDays)
			check("top_articles", wantArticles)
			check("referrers", wantRefs)
			check("devices", wantDevices)
			check("bots", wantBots)
			// A calendar year is ranked from the yearly rows, not the days.
			code, out = e.api(t, "GET", "/api/v1/analytics?from="+today[:4]+"-01-01&to="+today[:4]+"-12-31", tok, "")
			if code != 200 {
				t.Fatalf("api year %d %v", code, out)
			}
			check("top_articles", wantArticles)

			// The page, as the editor.
			br := e.browser(t)
			br.login("bientap")
			q := "?from=" + today + "&to=" + today
			page := br.get("/quan-tri/thong-ke-truy-cap" + q)
			if page.code != 200 {
				t.Fatalf("page %d", page.code)
			}
			mustContain(t, page, `id="tong-nguoi">7<`, `id="tong-xem">8<`, "<svg", "<polyline",
				">"+e.arts[0].Title+"</a></td><td>4</td>", ">"+e.arts[1].Title+"</a></td><td>3</td>",
				"<td>Cải cách hành chính</td><td>8</td>",
				"<td>Công cụ tìm kiếm</td><td>google.com.vn</td><td>1</td>", "<td>Zalo</td><td>zalo.me</td><td>1</td>",
				"<td>Cổng Dịch vụ công quốc gia</td><td>dichvucong.gov.vn</td><td>1</td>",
				"<td>Trang .gov.vn khác</td><td>sotttt.hanoi.gov.vn</td><td>1</td>", "<td>Facebook</td><td>l.facebook.com</td><td>1</td>",
				"<td>Truy cập trực tiếp</td><td></td><td>2</td>",
				"<td>Điện thoại</td><td>3</td>", "<td>Máy tính bảng</td><td>1</td>", "<td>Máy tính</td><td>3</td>",
				"<td>Máy thu thập tự khai (bot, crawler, công cụ)</td><td>3</td>", "<td>Không phải trình duyệt</td><td>2</td>",
				"<td>Tải trang dồn dập quá sức người đọc</td><td>5</td>", "<td>Thiếu tiêu đề Accept/Accept-Language</td><td>1</td>",
				"không lưu địa chỉ IP", "Nghị định 13/2023/NĐ-CP")
			if strings.Contains(page.body, "203.0.113") || strings.Contains(page.body, "search?q=") {
				t.Error("the page shows an address or a referrer path")
			}

			// CSV.
			csvResp := br.get("/quan-tri/thong-ke-truy-cap/tai-ve.csv" + q)
			if csvResp.code != 200 || !strings.HasPrefix(csvResp.body, "\ufeff") {
				t.Fatalf("csv %d", csvResp.code)
			}
			day := today[8:10] + "/" + today[5:7] + "/" + today[:4]
			for _, line := range []string{day + ",7,8", "Tổng,7,8", e.arts[0].Title + ",4", "Công cụ tìm kiếm,google.com.vn,1",
				"Truy cập trực tiếp,,2", "Điện thoại,3", "Máy tính bảng,1", "Tải trang dồn dập quá sức người đọc,5"} {
				if !strings.Contains(csvResp.body, line) {
					t.Errorf("csv lacks %q", line)
				}
			}

			// XLSX: the same rows, numbers as numbers.
			x := br.get("/quan-tri/thong-ke-truy-cap/tai-ve.xlsx" + q)
			if x.code != 200 {
				t.Fatalf("xlsx %d", x.code)
			}
			zr, err := zip.NewReader(strings.NewReader(x.body), int64(len(x.body)))
			if err != nil {
				t.Fatal(err)
			}
			var sheet string
			for _, f := range zr.File {
				if f.Name == "xl/worksheets/sheet1.xml" {
					rc, _ := f.Open()
					b, _ := io.ReadAll(rc)
					rc.Close()
					sheet = string(b)
				}
			}
			for _, cell := range []string{`<t xml:space="preserve">` + day + `</t></is></c><c r="B4"><v>7</v></c><c r="C4"><v>8</v></c>`,
				`<t xml:space="preserve">google.com.vn</t></is></c><c r="C`, `<t xml:space="preserve">Tải trang dồn dập quá sức người đọc</t></is></c><c r="B`} {
				if !strings.Contains(sheet, cell) {
					t.Errorf("xlsx lacks %q", cell)
				}
			}

			// One article's figures.
			ap := br.get("/quan-tri/bai-viet/" + strconv.FormatInt(e.arts[0].ID, 10) + "/thong-ke" + q)
			mustContain(t, ap, `id="tong-xem">4<`, "<td>"+day+"</td><td>4</td>")
		})
	}
}

// TestVisitorAnalyticsRefusals: bad periods get JSON errors with the right
// status on the API and a Vietnamese message on the page; officers and
// strangers are refused.
func TestVisitorAnalyticsRefusals(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "bientap", auth.RoleEditor)
		e.addUser(t, "motcua", auth.RoleOfficer)
		tok := e.token(t, "bientap")
		for _, tc := range []struct {
			q     string
			code  int
			errc  string
			field string
		}{
			{"", 400, "bad_request", "from"},
			{"from=2026-01-01", 400, "bad_request", "to"},
			{"from=01/02/2026&to=2026-02-03", 400, "bad_request", "from"},
			{"from=2026-02-30&to=2026-03-01", 400, "bad_request", "from"},
			{"from=2026-03-02&to=2026-03-01", 422, "validation", "from"},
			{"from=2024-01-01&to=2026-01-01", 422, "validation", "to"},
		} {
			code, out := e.api(t, "GET", "/api/v1/analytics?"+tc.q, tok, "")
			if code != tc.code || errCode(out) != tc.errc {
				t.Errorf("%q: %d %v", tc.q, code, out)
				continue
			}
			if f, _ := out["error"].(map[string]any)["fields"].(map[string]any); f[tc.field] == nil {
				t.Errorf("%q: no message for %s: %v", tc.q, tc.field, out)
			}
		}
		if code, _ := e.api(t, "GET", "/api/v1/analytics?from=2026-01-01&to=2026-01-02", "", ""); code != 401 {
			t.Errorf("no token: %d", code)
		}
		if code, _ := e.api(t, "GET", "/api/v1/analytics?from=2026-01-01&to=2026-01-02", e.token(t, "motcua"), ""); code != 403 {
			t.Errorf("officer token: %d", code)
		}
		if code, out := e.api(t, "GET", "/api/v1/analytics?from=2026-01-01&to=2026-01-02", tok, ""); code != 200 || len(out["days"].([]any)) != 2 {
			t.Errorf("empty period: %d %v", code, out)
		}

		br := e.browser(t)
		br.login("bientap")
		bad := br.get("/quan-tri/thong-ke-truy-cap?from=2026-03-02&to=2026-03-01")
		if bad.code != 422 {
			t.Errorf("page with from after to: %d", bad.code)
		}
		mustContain(t, bad, "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.", `value="2026-03-02"`)
		if r := br.get("/quan-tri/thong-ke-truy-cap/tai-ve.csv?from=hôm-qua"); r.code != 400 {
			t.Errorf("csv with a bad date: %d", r.code)
		}
		off := e.browser(t)
		off.login("motcua")
		if r := off.get("/quan-tri/thong-ke-truy-cap"); r.code != 403 {
			t.Errorf("officer page: %d", r.code)
		}
		if r := e.get("/quan-tri/thong-ke-truy-cap"); r.code != http.StatusSeeOther && r.code != 401 && r.code != 403 {
			t.Errorf("stranger: %d", r.code)
		}
	})
}
