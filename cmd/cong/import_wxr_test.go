package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/visitors"
	"github.com/congportal/cong/internal/web"
)

const (
	wp61XML     = "../../internal/wxr/testdata/wp61/export.xml"
	wp61Uploads = "../../internal/wxr/testdata/wp61/uploads"
	oldHost     = "https://xatanphu.gov.vn"
)

// TestImportWXRMovingIn moves a WordPress 6.1 site in as an administrator
// would (cong import wxr --uploads), then asks the real router for the old
// site's addresses: every permalink, ?p=ID, ?page_id=ID and uploads file
// answers 301 to its new home, the bodies' images come from the media
// library, and a second run changes nothing.
func TestImportWXRMovingIn(t *testing.T) {
	for _, eng := range testdb.Engines() {
		t.Run(eng, func(t *testing.T) {
			data := t.TempDir()
			dbURL := ""
			if eng == "postgres" {
				dbURL = testdb.URL(t, eng)
			}
			args := []string{"import", "wxr", "--data", data, "--uploads", wp61Uploads}
			if dbURL != "" {
				args = append(args, "--db", dbURL)
			}
			args = append(args, wp61XML)
			var out, prog bytes.Buffer
			if err := run(context.Background(), args, &out, &prog, noenv); err != nil {
				t.Fatalf("import: %v\n%s", err, out.String())
			}
			sum := out.String()
			t.Log(sum)
			for _, want := range []string{
				"Bài viết đã nhập: 2. Trang đã nhập: 2. Đã có từ lần nhập trước: 0.",
				"Tệp đính kèm vào thư viện: 4 mới, 0 đã có. Thiếu tệp: 2.",
				"thiếu tệp: tệp đính kèm \"anh-hien-truong\": 2023/07/anh-hien-truong.jpg không có trong thư mục uploads",
				"thiếu tệp: 2023/07/anh-hien-truong.jpg: không có trong thư mục uploads; 1 bài vẫn trỏ tới máy chủ cũ",
				"Địa chỉ cũ chuyển hướng (301): 28.",
				"Bỏ qua: 1. Lỗi: 0.",
				"trạng thái \"draft\"",
			} {
				if !strings.Contains(sum, want) {
					t.Errorf("summary lacks %q", want)
				}
			}
			// stderr is not a terminal here: plain progress lines, the
			// last one complete.
			if p := prog.String(); !strings.Contains(p, "Đang nhập: 9/9 (100%)") || strings.Contains(p, "\r") {
				t.Errorf("progress: %q", p)
			}

			st, err := store.Open(context.Background(), dbURL, data)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			site, err := st.EnsureSite(context.Background(), defaultSite)
			if err != nil {
				t.Fatal(err)
			}
			proxies, _ := visit.ParseProxies("")
			hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
			counter := visitors.New(st, visitors.Options{SiteID: site.ID, Window: 30 * time.Minute, Location: hcm})
			srv, err := web.New(web.Options{Store: st, Counter: counter, SiteID: site.ID, BaseURL: "https://tanphu.example.vn",
				Proxies: proxies, Location: hcm, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Version: "test", MediaDir: filepath.Join(data, "media")})
			if err != nil {
				t.Fatal(err)
			}
			do := func(path string) *httptest.ResponseRecorder {
				req := httptest.NewRequest(http.MethodGet, path, nil)
				req.Header.Set("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0")
				rec := httptest.NewRecorder()
				srv.ServeHTTP(rec, req)
				return rec
			}
			moved := func(path, want string) {
				t.Helper()
				rec := do(path)
				if rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != want {
					t.Errorf("GET %s: %d → %q, want 301 → %q", path, rec.Code, rec.Header().Get("Location"), want)
				}
			}
			ok := func(path string) string {
				t.Helper()
				rec := do(path)
				if rec.Code != http.StatusOK {
					t.Fatalf("GET %s: %d", path, rec.Code)
				}
				return rec.Body.String()
			}

			const short = "/bai-viet/hoi-nghi-tong-ket-nam-2023"
			// The 200-character title: Cổng keeps an 80-byte slug; the
			// old permalink, ?p=, and the full slug all lead to it.
			const long = "/bai-viet/uy-ban-nhan-dan-xa-tan-phu-trien-khai-ke-hoach-chuyen-doi-so-nam-2023-nang-cao"
			const fullLong = "/bai-viet/uy-ban-nhan-dan-xa-tan-phu-trien-khai-ke-hoach-chuyen-doi-so-nam-2023-nang-cao-chat-luong-giai-quyet-thu-tuc-hanh-chinh-truc-tuyen-toan-trinh-cho-nguoi-dan-va-doanh-nghiep-tren-dia-ban-xa-theo-de-an"
			body := ok(short)
			longBody := ok(long)
			moved("/2023/05/12/h%e1%bb%99i-ngh%e1%bb%8b-t%e1%bb%95ng-k%e1%ba%bft-n%c4%83m-2023/", short)
			moved("/2023/05/12/h%E1%BB%99i-ngh%E1%BB%8B-t%E1%BB%95ng-k%E1%BA%BFt-n%C4%83m-2023", short)
			moved("/?p=101", short)
			moved("/index.php?p=102", long)
			moved("/2023/06/01/%e1%bb%a7y-ban-nh%c3%a2n-d%c3%a2n-x%c3%a3-t%c3%a2n-ph%c3%ba-tri%e1%bb%83n-khai-k%e1%ba%bf-ho%e1%ba%a1ch-chuy%e1%bb%83n-%c4%91%e1%bb%95i-s%e1%bb%91-n%c4%83m-2023-n%c3%a2ng-cao-ch%e1%ba%a5t-l%c6%b0/", long)
			moved(fullLong, long)
			// WordPress's own slug, cut at 200 encoded bytes, folded.
			moved("/bai-viet/uy-ban-nhan-dan-xa-tan-phu-trien-khai-ke-hoach-chuyen-doi-so-nam-2023-nang-cao-chat-lu", long)
			moved("/gioi-thieu/", "/trang/gioi-thieu")
			moved("/?page_id=111", "/trang/lich-su-hinh-thanh")
			moved("/gioi-thieu/l%e1%bb%8bch-s%e1%bb%ad-h%c3%acnh-th%c3%a0nh/", "/trang/lich-su-hinh-thanh")
			ok("/trang/lich-su-hinh-thanh")
			// A file no attachment names, linked by its resized copy
			// (not on disk), on an http:// address of the old host.
			if page := ok("/trang/gioi-thieu"); !regexp.MustCompile(`<img src="/media/[0-9a-f]{64}\.png" alt="Bản đồ hành chính xã"`).MatchString(page) {
				t.Errorf("page image not brought in:\n%s", page)
			}
			moved("/category/tin-t%e1%bb%a9c/", "/chuyen-muc/tin-tuc")
			moved("/category/tin-t%e1%bb%a9c/chuyen-doi-so/", "/chuyen-muc/chuyen-doi-so")
			moved("/?cat=3", "/chuyen-muc/chuyen-doi-so")
			if rec := do("/2023/05/12/khong-co-bai-nay/"); rec.Code != http.StatusNotFound {
				t.Errorf("unknown old path: %d", rec.Code)
			}
			if rec := do("/?p=103"); rec.Code != http.StatusOK { // the draft: no redirect, the home page
				t.Errorf("draft ?p=: %d", rec.Code)
			}

			// Bodies: every link to the old uploads is the library's now,
			// except the file that was not there.
			if strings.Contains(body, oldHost+"/wp-content") {
				t.Errorf("body still links to the old host:\n%s", body)
			}
			img := regexp.MustCompile(`<img[^>]* src="(/media/[0-9a-f]{64}\.jpg)"`).FindStringSubmatch(body)
			pdf := regexp.MustCompile(`href="(/media/[0-9a-f]{64}\.pdf)"`).FindStringSubmatch(body)
			png := regexp.MustCompile(`src="(/media/[0-9a-f]{64}\.png)"`).FindStringSubmatch(longBody)
			if img == nil || pdf == nil || png == nil {
				t.Fatalf("media links not rewritten:\n%s\n%s", body, longBody)
			}
			if !regexp.MustCompile(`srcset="/media/[0-9a-f]{64}-320\.jpg 320w, /media/[0-9a-f]{64}\.jpg 400w"`).MatchString(body) {
				t.Errorf("srcset not the library's:\n%s", body)
			}
			if !strings.Contains(longBody, oldHost+"/wp-content/uploads/2023/07/anh-hien-truong.jpg") {
				t.Errorf("the missing file's link was not kept:\n%s", longBody)
			}
			for path, ct := range map[string]string{img[1]: "image/jpeg", pdf[1]: "application/pdf", png[1]: "image/png"} {
				rec := do(path)
				if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != ct || rec.Body.Len() == 0 {
					t.Errorf("GET %s: %d %q", path, rec.Code, rec.Header().Get("Content-Type"))
				}
			}
			moved("/wp-content/uploads/2023/05/hoi-nghi-tong-ket.jpg", img[1])
			moved("/wp-content/uploads/2023/05/hoi-nghi-tong-ket-300x225.jpg", img[1])
			moved("/?attachment_id=201", img[1])
			moved("/2023/05/12/h%e1%bb%99i-ngh%e1%bb%8b-t%e1%bb%95ng-k%e1%ba%bft-n%c4%83m-2023/hoi-nghi-tong-ket/", img[1])

			// Again: nothing new, nothing duplicated.
			out.Reset()
			if err := run(context.Background(), args, &out, io.Discard, noenv); err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"Bài viết đã nhập: 0. Trang đã nhập: 0. Đã có từ lần nhập trước: 4.", "Tệp đính kèm vào thư viện: 0 mới, 4 đã có."} {
				if !strings.Contains(out.String(), want) {
					t.Errorf("second run lacks %q:\n%s", want, out.String())
				}
			}
			if _, n, err := st.ListMedia(context.Background(), store.MediaFilter{SiteID: site.ID}); err != nil || n != 4 {
				t.Errorf("media after two runs: %d (%v)", n, err)
			}
			if n, err := st.CountLegacyLinks(context.Background(), site.ID); err != nil || n != 28 {
				t.Errorf("old addresses after two runs: %d (%v)", n, err)
			}
			if arts, err := st.ListArticles(context.Background(), store.ListOptions{SiteID: site.ID, Limit: 10}); err != nil || len(arts) != 2 {
				t.Errorf("articles after two runs: %d (%v)", len(arts), err)
			}
		})
	}
}

// TestImportWXRUploadsLater: a site imported without --uploads, then again
// with it, ends with its articles' images in the library, and the second
// run says so.
func TestImportWXRUploadsLater(t *testing.T) {
	for _, eng := range testdb.Engines() {
		t.Run(eng, func(t *testing.T) {
			data := t.TempDir()
			base := []string{"import", "wxr", "--data", data}
			dbURL := ""
			if eng == "postgres" {
				dbURL = testdb.URL(t, eng)
				base = append(base, "--db", dbURL)
			}
			var out bytes.Buffer
			if err := run(context.Background(), append(base, wp61XML), &out, io.Discard, noenv); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), "chưa nhập vào thư viện (thiếu --uploads)") {
				t.Errorf("first run does not say the media stayed behind:\n%s", out.String())
			}
			out.Reset()
			if err := run(context.Background(), append(base, "--uploads", wp61Uploads, wp61XML), &out, io.Discard, noenv); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), "Bài đã nhập trước đây, nay trỏ tới thư viện tệp: 2.") {
				t.Errorf("second run:\n%s", out.String())
			}
			st, err := store.Open(context.Background(), dbURL, data)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			site, _ := st.EnsureSite(context.Background(), defaultSite)
			a, err := st.PublishedArticleBySlug(context.Background(), site.ID, "hoi-nghi-tong-ket-nam-2023")
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(a.BodyHTML, oldHost+"/wp-content") || !strings.Contains(a.BodyHTML, `src="/media/`) {
				t.Errorf("body not relinked:\n%s", a.BodyHTML)
			}
		})
	}
}
