package web_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/media"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// photo is a w×h JPEG that compresses like a photograph: a gradient with
// detail at every scale (noise summed over octaves of 1 to 32 pixels), so
// that its resized copies keep detail as a real picture's do. A plain
// gradient, or fine noise that resizing averages away, compresses far
// better than any photograph and would make a byte budget meaningless.
func photo(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	noise := func(x, y, s int) int {
		v := uint32(x/s)*73856093 ^ uint32(y/s)*19349663 ^ uint32(s)*83492791
		v ^= v >> 13
		v *= 1274126177
		return int(v>>24)%15 - 7
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			n := 0
			for s := 1; s <= 32; s *= 2 {
				n += noise(x, y, s)
			}
			c := func(v int) uint8 { return uint8(min(255, max(0, v+n))) }
			img.SetRGBA(x, y, color.RGBA{c(60 + 150*x/w), c(90 + 120*y/h), c(120 + 60*(x+y)/(w+h)), 255})
		}
	}
	var buf bytes.Buffer
	jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90})
	return buf.Bytes()
}

// uploadImage puts a picture in the library and returns its row.
func uploadImage(t *testing.T, e *env, b *browser, data []byte, alt string) store.Media {
	t.Helper()
	b.get("/quan-tri/thu-vien")
	r := b.upload(map[string]string{"alt": alt}, &filePart{"anh.jpg", "image/jpeg", data})
	if r.code != http.StatusSeeOther {
		t.Fatalf("upload: %d %.300s", r.code, r.body)
	}
	m, err := e.st.MediaByHash(ctx, e.site.ID, media.Hash(data))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func blocksForm(rows ...[]string) url.Values {
	f := url.Values{}
	for i, r := range rows {
		k := strconv.Itoa(i)
		f.Set("pos_"+k, r[0])
		f.Set("kind_"+k, r[1])
		f.Set("title_"+k, r[2])
		f.Set("cat_"+k, r[3])
		f.Set("doctype_"+k, "")
		f.Set("count_"+k, r[4])
	}
	return f
}

func TestHomeBlocksArrangedInAdmin(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := newMediaEnv(t, s)
		// The default arrangement: featured news, the key links and the
		// visitor figures early, then the rest.
		home := e.get("/")
		mustContain(t, home, "Tin nổi bật", "Liên kết nhanh", `href="/thu-tuc"`, "Dịch vụ công trực tuyến", "Tin mới nhất", "Thống kê truy cập",
			`<details class="wrap mnav"><summary>Trình đơn</summary>`)
		if i, j := strings.Index(home.body, "Liên kết nhanh"), strings.Index(home.body, "Tin mới nhất"); i < 0 || j < i {
			t.Error("default: quick links should come before the latest news")
		}
		if n := strings.Count(home.body, "Đang online"); n != 1 {
			t.Errorf("visitor figures shown %d times", n)
		}

		// Roles: an editor may not arrange the site.
		e.addUser(t, "bientap", auth.RoleEditor)
		ed := e.browser(t)
		ed.login("bientap")
		wantCode(t, "editor form", ed.get("/quan-tri/giao-dien"), http.StatusForbidden)
		ed.get("/quan-tri")
		good := blocksForm([]string{"3", "visitors", "", "0", ""}, []string{"1", "category", "Chuyên đề cải cách", strconv.FormatInt(e.cat.ID, 10), "3"},
			[]string{"2", "latest", "", "0", "2"}, []string{"", "", "", "0", ""})
		wantCode(t, "editor save", ed.post("/quan-tri/giao-dien/khoi", cloneForm(good)), http.StatusForbidden)

		a := e.adminBrowser(t)
		wantCode(t, "form", a.get("/quan-tri/giao-dien"), http.StatusOK, "Bố cục trang chủ", "Tin theo chuyên mục", "Cải cách hành chính", "Trình đơn")
		bad := cloneForm(good)
		bad.Set("csrf", "sai")
		wantCode(t, "bad csrf", a.post("/quan-tri/giao-dien/khoi", bad), http.StatusForbidden)
		if bs, _ := s.HomeBlocks(ctx, e.site.ID); len(bs) != 0 {
			t.Fatal("saved without a valid CSRF token or by an editor")
		}

		// A category block without its category: 422, the rows as typed.
		bad = cloneForm(good)
		bad.Set("cat_1", "0")
		wantCode(t, "no category", a.post("/quan-tri/giao-dien/khoi", bad), http.StatusUnprocessableEntity,
			"Chưa lưu bố cục trang chủ", "Khối tin theo chuyên mục cần chọn một chuyên mục.", `value="Chuyên đề cải cách"`)
		bad = cloneForm(good)
		bad.Set("kind_0", "script")
		wantCode(t, "bad kind", a.post("/quan-tri/giao-dien/khoi", bad), http.StatusUnprocessableEntity, "Loại khối không hợp lệ.")

		e.get("/") // cached, to show the save drops it
		r := a.post("/quan-tri/giao-dien/khoi", good)
		if r.code != http.StatusSeeOther || !strings.HasPrefix(r.hdr.Get("Location"), "/quan-tri/giao-dien?tb=luu-khoi") {
			t.Fatalf("save: %d %.300s", r.code, r.body)
		}
		home = e.get("/")
		cat, latest, stats := strings.Index(home.body, "Chuyên đề cải cách"), strings.Index(home.body, "Tin mới nhất"), strings.Index(home.body, "Thống kê truy cập")
		if cat < 0 || latest < 0 || stats < 0 || !(cat < latest && latest < stats) {
			t.Fatalf("blocks not in the order arranged: category %d, latest %d, visitors %d", cat, latest, stats)
		}
		if strings.Contains(home.body, "Tin nổi bật") || strings.Contains(home.body, "Liên kết nhanh") {
			t.Error("blocks left out of the arrangement are still shown")
		}
		main := home.body[strings.Index(home.body, `id="khoi-2"`):strings.Index(home.body, `id="khoi-3"`)]
		if n := strings.Count(main, "/bai-viet/"); n != 2 {
			t.Errorf("latest block shows %d articles, want 2", n)
		}
		if n := strings.Count(home.body, "Đang online"); n != 1 {
			t.Errorf("visitor figures shown %d times", n)
		}
		log, _ := s.AuditLog(ctx, store.AuditFilter{SiteID: e.site.ID, Action: "look.blocks"})
		if len(log) != 1 || !strings.Contains(log[0].Detail, "Chuyên đề cải cách") {
			t.Errorf("audit: %+v", log)
		}
		// Back to the default.
		if r := a.post("/quan-tri/giao-dien/khoi", url.Values{"mac-dinh": {"1"}}); r.code != http.StatusSeeOther {
			t.Fatalf("default: %d", r.code)
		}
		mustContain(t, e.get("/"), "Tin nổi bật", "Liên kết nhanh")
	})
}

func TestMenuEditorAndQuickLinks(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := newMediaEnv(t, s)
		a := e.adminBrowser(t)
		a.get("/quan-tri/giao-dien")
		menu := url.Values{
			"pos_0": {"1"}, "label_0": {"Tin tức"}, "url_0": {"/chuyen-muc/cai-cach-hanh-chinh"},
			"pos_1": {"3"}, "label_1": {"Cổng tỉnh"}, "url_1": {"https://quangnam.gov.vn"},
			"pos_2": {"2"}, "label_2": {"Văn bản mới"}, "url_2": {"/van-ban"}, "sub_2": {"1"},
			"pos_3": {""}, "label_3": {""}, "url_3": {""},
		}
		bad := cloneForm(menu)
		bad.Set("url_1", "javascript:alert(1)")
		wantCode(t, "bad url", a.post("/quan-tri/giao-dien/trinh-don", bad), http.StatusUnprocessableEntity,
			"Chưa lưu trình đơn", "Địa chỉ phải bắt đầu bằng /", `value="Cổng tỉnh"`)
		bad = cloneForm(menu)
		bad.Set("sub_0", "1")
		bad.Set("pos_2", "9")
		wantCode(t, "child first", a.post("/quan-tri/giao-dien/trinh-don", bad), http.StatusUnprocessableEntity, "Mục đầu tiên phải là mục chính")
		if r := a.post("/quan-tri/giao-dien/trinh-don", menu); r.code != http.StatusSeeOther {
			t.Fatalf("menu: %d %.300s", r.code, r.body)
		}
		home := e.get("/")
		// Ordered by position; the sub-item nested under the item above it.
		mustContain(t, home, `<li><a href="/chuyen-muc/cai-cach-hanh-chinh">Tin tức</a><ul><li><a href="/van-ban">Văn bản mới</a></li></ul></li><li><a href="https://quangnam.gov.vn">Cổng tỉnh</a></li>`)
		if strings.Contains(home.body, `href="/lay-y-kien"`) {
			t.Error("the built-in menu is still shown")
		}
		// Every public page has it, in the collapsing <details> too.
		mustContain(t, e.get("/chuyen-muc/cai-cach-hanh-chinh"), `<summary>Trình đơn</summary><ul class="mlist"><li><a href="/chuyen-muc/cai-cach-hanh-chinh" aria-current="page">Tin tức</a>`)

		// Quick links with a picture from the library.
		logo := uploadImage(t, e, a, photo(400, 200), "Biểu tượng Cổng Dịch vụ công quốc gia")
		a.get("/quan-tri/giao-dien")
		links := url.Values{
			"pos_0": {"1"}, "label_0": {"Cổng Dịch vụ công quốc gia"}, "url_0": {"https://dichvucong.gov.vn"}, "media_0": {strconv.FormatInt(logo.ID, 10)}, "alt_0": {""},
			"pos_1": {"2"}, "label_1": {"Đường dây nóng 1900 1234"}, "url_1": {"tel:19001234"}, "media_1": {"0"}, "alt_1": {""},
		}
		bad = cloneForm(links)
		bad.Set("media_1", "999999")
		wantCode(t, "foreign image", a.post("/quan-tri/giao-dien/lien-ket", bad), http.StatusUnprocessableEntity, "Ảnh đã chọn không còn trong thư viện.")
		if r := a.post("/quan-tri/giao-dien/lien-ket", links); r.code != http.StatusSeeOther {
			t.Fatalf("links: %d %.300s", r.code, r.body)
		}
		home = e.get("/")
		// 48 px high: 96 px wide, from the 320 px variant (sharp at 2x).
		mustContain(t, home, `href="https://dichvucong.gov.vn" rel="noopener"><img src="/media/`+logo.Hash+`-320.jpg" alt="Biểu tượng Cổng Dịch vụ công quốc gia" width="96" height="48" loading="lazy">`,
			`href="tel:19001234"><span>Đường dây nóng 1900 1234</span>`)
		if strings.Contains(home.body, "Tra cứu hồ sơ</span>") {
			t.Error("the default quick links are still shown")
		}
	})
}

func TestLogoAndBannerUpload(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := newMediaEnv(t, s)
		a := e.adminBrowser(t)
		a.get("/quan-tri/giao-dien")
		post := func(fields map[string]string, f *filePart) resp {
			if _, ok := fields["csrf"]; !ok {
				fields["csrf"] = a.csrf
			}
			ct, body := multipartBody(fields, f)
			r, err := a.c.Post(a.base+"/quan-tri/giao-dien/anh", ct, bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			defer r.Body.Close()
			out, _ := io.ReadAll(r.Body)
			return resp{r.StatusCode, string(out), r.Header}
		}
		img := photo(600, 300)
		wantCode(t, "no alt", post(map[string]string{"slot": "logo"}, &filePart{"logo.jpg", "image/jpeg", img}), http.StatusUnprocessableEntity, "Nhập mô tả ảnh (alt)")
		wantCode(t, "not an image", post(map[string]string{"slot": "logo", "alt": "Quốc huy"}, &filePart{"logo.jpg", "image/jpeg", []byte("<script>alert(1)</script>")}),
			http.StatusUnprocessableEntity, "Chưa lưu ảnh")
		wantCode(t, "bad csrf", post(map[string]string{"slot": "logo", "alt": "Quốc huy", "csrf": "sai"}, &filePart{"logo.jpg", "image/jpeg", img}), http.StatusForbidden)
		if r := post(map[string]string{"slot": "logo", "alt": "Quốc huy và tên Ủy ban"}, &filePart{"logo.jpg", "image/jpeg", img}); r.code != http.StatusSeeOther {
			t.Fatalf("logo: %d %.300s", r.code, r.body)
		}
		h := media.Hash(img)
		// 56 px high, its shape kept: 112 × 56 from the 320 px variant; the
		// name beside it says what it is, so the picture's alt is empty.
		home := e.get("/")
		mustContain(t, home, `<a class="brand" href="/"><img src="/media/`+h+`-320.jpg" alt="" width="112" height="56">`)
		m, err := s.MediaByHash(ctx, e.site.ID, h)
		if err != nil || m.Width != 600 || m.Height != 300 {
			t.Fatalf("logo not in the library as uploaded: %+v %v", m, err)
		}
		banner := photo(1600, 200)
		if r := post(map[string]string{"slot": "banner", "alt": "Toàn cảnh trung tâm xã"}, &filePart{"banner.jpg", "image/jpeg", banner}); r.code != http.StatusSeeOther {
			t.Fatalf("banner: %d %.300s", r.code, r.body)
		}
		bh := media.Hash(banner)
		mustContain(t, e.get("/van-ban"), `<div class="wrap sitebanner"><img src="/media/`+bh+`-1024.jpg" srcset="/media/`+bh+`-320.jpg 320w, /media/`+bh+`-640.jpg 640w, /media/`+bh+`-1024.jpg 1024w, /media/`+bh+`.jpg 1600w"`,
			`alt="Toàn cảnh trung tâm xã" width="1600" height="200"`)
		// Removed: the built-in emblem again.
		if r := post(map[string]string{"slot": "logo", "bo": "1"}, nil); r.code != http.StatusSeeOther {
			t.Fatalf("remove: %d %.300s", r.code, r.body)
		}
		if home := e.get("/"); strings.Contains(home.body, h) || !strings.Contains(home.body, "logo") {
			t.Error("logo not removed")
		}
		// An editor may not change them.
		e.addUser(t, "bientap", auth.RoleEditor)
		ed := e.browser(t)
		ed.login("bientap")
		ed.get("/quan-tri")
		ct, body := multipartBody(map[string]string{"slot": "logo", "alt": "x", "csrf": ed.csrf}, &filePart{"logo.jpg", "image/jpeg", img})
		r, err := ed.c.Post(ed.base+"/quan-tri/giao-dien/anh", ct, bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		r.Body.Close()
		if r.StatusCode != http.StatusForbidden {
			t.Errorf("editor: %d", r.StatusCode)
		}
	})
}

// srcsetOf is the srcset the library's snippet gives m.
func srcsetOf(m store.Media) string {
	var parts []string
	for _, w := range m.Widths {
		parts = append(parts, fmt.Sprintf("/media/%s-%d.jpg %dw", m.Hash, w, w))
	}
	if m.Width <= media.Widths[len(media.Widths)-1] {
		parts = append(parts, fmt.Sprintf("/media/%s.jpg %dw", m.Hash, m.Width))
	}
	return strings.Join(parts, ", ")
}

// featureWithPicture makes the newest featured article carry a library
// picture in its body.
func featureWithPicture(t *testing.T, e *env, m store.Media) *news.Article {
	t.Helper()
	a := &news.Article{SiteID: e.site.ID, CategoryID: e.cat.ID, Title: "Khánh thành trung tâm phục vụ hành chính công", Summary: "Trung tâm mới đi vào hoạt động.",
		BodyHTML: fmt.Sprintf(`<p>Sáng nay.</p><figure><img src="/media/%s-1024.jpg" srcset="%s" sizes="(min-width: 900px) 760px, 100vw" alt="%s" width="%d" height="%d" loading="lazy"></figure><p>Tiếp theo.</p>`+
			`<figure><img src="/media/%[1]s-1024.jpg" srcset="%[2]s" sizes="(min-width: 900px) 760px, 100vw" alt="%[3]s" width="%[4]d" height="%[5]d" loading="lazy"></figure>`,
			m.Hash, srcsetOf(m), m.Alt, m.Width, m.Height),
		Status: news.StatusPublished, Featured: true, PublishedAt: time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)}
	if err := e.st.SaveArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestHomeFeaturedPicture(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := newMediaEnv(t, s)
		a := e.adminBrowser(t)
		m := uploadImage(t, e, a, photo(1200, 800), "Lãnh đạo cắt băng khánh thành")
		featureWithPicture(t, e, m)
		e.srv.ContentChanged()
		home := e.get("/")
		mustContain(t, home, `<img class="lead-img" src="/media/`+m.Hash+`-1024.jpg" srcset="/media/`+m.Hash+`-320.jpg 320w, /media/`+m.Hash+`-640.jpg 640w, /media/`+m.Hash+`-1024.jpg 1024w, /media/`+m.Hash+`.jpg 1200w" sizes="(min-width: 900px) 390px, 40vw" alt="Lãnh đạo cắt băng khánh thành" width="1200" height="800"`)
	})
}

// budget412 is what a phone 412 CSS px wide at Lighthouse's density (1.75)
// downloads for a page: the HTML and CSS as sent gzipped, the icon, and
// each picture at the candidate the browser picks from srcset and sizes.
func budget412(t *testing.T, e *env, path string) (bytes, requests int) {
	t.Helper()
	const vw, dpr = 412, 1.75
	page := e.do("GET", path, map[string]string{"Accept-Encoding": "gzip"})
	if page.code != 200 || page.hdr.Get("Content-Encoding") != "gzip" {
		t.Fatalf("%s: %d %q", path, page.code, page.hdr.Get("Content-Encoding"))
	}
	bytes, requests = len(page.body), 1
	zr, err := gzip.NewReader(strings.NewReader(page.body))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("%s: gzip: %v", path, err)
	}
	body := string(raw)
	seen := map[string]bool{}
	fetch := func(u string, gz bool) {
		if seen[u] {
			return // the browser's cache answers
		}
		seen[u] = true
		hdr := map[string]string{}
		if gz {
			hdr["Accept-Encoding"] = "gzip"
		}
		r := e.do("GET", u, hdr)
		if r.code != 200 {
			t.Fatalf("%s: %d", u, r.code)
		}
		bytes += len(r.body)
		requests++
		t.Logf("%s %s: %d bytes", path, u, len(r.body))
	}
	for _, m := range regexp.MustCompile(`<link rel="(?:stylesheet|icon)" href="([^"]+)"`).FindAllStringSubmatch(body, -1) {
		fetch(m[1], true)
	}
	attr := func(tag, name string) string {
		m := regexp.MustCompile(`\s` + name + `="([^"]*)"`).FindStringSubmatch(tag)
		if m == nil {
			return ""
		}
		return m[1]
	}
	for _, tag := range regexp.MustCompile(`<img\s[^>]*>`).FindAllString(body, -1) {
		src := attr(tag, "src")
		if ss := attr(tag, "srcset"); ss != "" {
			slot := float64(vw)
			for _, part := range strings.Split(attr(tag, "sizes"), ",") {
				part = strings.TrimSpace(part)
				cond, val, hasCond := strings.Cut(part, ") ")
				if hasCond {
					n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(cond, "(min-width: "), "px"))
					if vw < n {
						continue
					}
				} else {
					val = part
				}
				var err error
				if c, ok := strings.CutPrefix(val, "calc(100vw - "); ok {
					var f float64
					f, err = strconv.ParseFloat(strings.TrimSuffix(c, "px)"), 64)
					slot = vw - f
				} else if v, ok := strings.CutSuffix(val, "vw"); ok {
					var f float64
					f, err = strconv.ParseFloat(v, 64)
					slot = vw * f / 100
				} else {
					slot, err = strconv.ParseFloat(strings.TrimSuffix(val, "px"), 64)
				}
				if err != nil || slot <= 0 {
					t.Fatalf("%s: sizes %q not understood", path, attr(tag, "sizes"))
				}
				break
			}
			best, bestW := "", 0
			for _, c := range strings.Split(ss, ", ") {
				u, w, _ := strings.Cut(c, " ")
				n, _ := strconv.Atoi(strings.TrimSuffix(w, "w"))
				if (bestW < int(slot*dpr) && n > bestW) || (n >= int(slot*dpr) && n < bestW) {
					best, bestW = u, n
				}
			}
			if best == "" {
				t.Fatalf("%s: no candidate in %q", path, ss)
			}
			src = best
		}
		if strings.HasPrefix(src, "/") {
			fetch(src, false)
		}
	}
	return bytes, requests
}

// TestHomeByteBudget: the home page with its blocks, a logo, a featured
// picture and pictured quick links stays within issue 19's budget at
// 412 px: at most 80 KB and 8 requests.
func TestHomeByteBudget(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := newMediaEnv(t, s)
		a := e.adminBrowser(t)
		lead := uploadImage(t, e, a, photo(1600, 1067), "Lãnh đạo cắt băng khánh thành")
		featureWithPicture(t, e, lead)
		icon := uploadImage(t, e, a, photo(240, 120), "Biểu tượng dịch vụ công")
		a.get("/quan-tri/giao-dien")
		links := url.Values{}
		for i, l := range []string{"Cổng Dịch vụ công quốc gia", "Cổng thông tin tỉnh", "Dịch vụ công trực tuyến", "Đường dây nóng"} {
			k := strconv.Itoa(i)
			links.Set("pos_"+k, k)
			links.Set("label_"+k, l)
			links.Set("url_"+k, "/thu-tuc")
			links.Set("media_"+k, strconv.FormatInt(icon.ID, 10))
		}
		if r := a.post("/quan-tri/giao-dien/lien-ket", links); r.code != http.StatusSeeOther {
			t.Fatalf("links: %d %.300s", r.code, r.body)
		}
		n, reqs := budget412(t, e, "/")
		t.Logf("home at 412 px: %d bytes in %d requests", n, reqs)
		if n > 80<<10 || reqs > 8 {
			t.Errorf("home page over budget: %d bytes (max %d), %d requests (max 8)", n, 80<<10, reqs)
		}
		if !strings.Contains(e.get("/").body, "lead-img") {
			t.Fatal("the budget was measured without the featured picture")
		}
	})
}

// TestArticleByteBudget: an article with a picture stays within issue
// 19's budget at 412 px: at most 55 KB and 8 requests.
func TestArticleByteBudget(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := newMediaEnv(t, s)
		a := e.adminBrowser(t)
		m := uploadImage(t, e, a, photo(1600, 1067), "Lãnh đạo cắt băng khánh thành")
		art := featureWithPicture(t, e, m)
		body := e.get("/bai-viet/" + art.Slug).body
		// The first picture, on the first screen, loads at once; the one
		// further down when scrolled to; both sized to the text column.
		imgs := regexp.MustCompile(`<img [^>]*>`).FindAllString(body, -1)
		var pics []string
		for _, i := range imgs {
			if strings.Contains(i, m.Hash) {
				pics = append(pics, i)
			}
		}
		if len(pics) != 2 || strings.Contains(pics[0], "lazy") || !strings.Contains(pics[1], `loading="lazy"`) ||
			!strings.Contains(pics[0], `sizes="(min-width: 900px) 760px, calc(100vw - 50px)"`) {
			t.Fatalf("pictures: %q", pics)
		}
		n, reqs := budget412(t, e, "/bai-viet/"+art.Slug)
		t.Logf("article at 412 px: %d bytes in %d requests", n, reqs)
		if n > 55<<10 || reqs > 8 {
			t.Errorf("article page over budget: %d bytes (max %d), %d requests (max 8)", n, 55<<10, reqs)
		}
	})
}
