package web_test

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"html"
	"image/color"
	"image/jpeg"
	"io"
	"io/fs"
	"log/slog"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/media"
	"github.com/congportal/cong/internal/media/mediatest"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/web"
)

// newMediaEnv is newEnv with a media folder.
func newMediaEnv(t *testing.T, s *store.Store) (*env, string) {
	t.Helper()
	e := newEnv(t, s)
	dir := filepath.Join(t.TempDir(), "media")
	hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	proxies, _ := visit.ParseProxies("")
	srv, err := web.New(web.Options{Store: s, Counter: e.counter, SiteID: e.site.ID, BaseURL: "https://cong.example.vn",
		Proxies: proxies, Location: hcm, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Version: "test", MediaDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	e.srv = srv
	return e, dir
}

type filePart struct {
	name, contentType string
	data              []byte
}

func multipartBody(fields map[string]string, f *filePart) (string, []byte) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	if f != nil {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", `form-data; name="file"; filename="`+f.name+`"`)
		h.Set("Content-Type", f.contentType)
		w, _ := mw.CreatePart(h)
		w.Write(f.data)
	}
	mw.Close()
	return mw.FormDataContentType(), buf.Bytes()
}

// upload posts the library's upload form, with the page's CSRF token
// unless fields has one.
func (b *browser) upload(fields map[string]string, f *filePart) resp {
	b.t.Helper()
	if fields == nil {
		fields = map[string]string{}
	}
	if _, ok := fields["csrf"]; !ok {
		fields["csrf"] = b.csrf
	}
	ct, body := multipartBody(fields, f)
	r, err := b.c.Post(b.base+"/quan-tri/thu-vien", ct, bytes.NewReader(body))
	if err != nil {
		b.t.Fatal(err)
	}
	defer r.Body.Close()
	out, _ := io.ReadAll(r.Body)
	return resp{r.StatusCode, string(out), r.Header}
}

func (e *env) apiUpload(t *testing.T, token string, fields map[string]string, f *filePart) (int, map[string]any) {
	t.Helper()
	ct, body := multipartBody(fields, f)
	r := httptest.NewRequest("POST", "/api/v1/media", bytes.NewReader(body))
	r.Header.Set("Content-Type", ct)
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	w := httptest.NewRecorder()
	e.srv.ServeHTTP(w, r)
	var out map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
		t.Fatalf("not JSON (%d): %s", w.Code, w.Body.String())
	}
	return w.Code, out
}

// storedFiles lists the files under the media folder.
func storedFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	return out
}

var mediaIDRE = regexp.MustCompile(`^/quan-tri/thu-vien/(\d+)\?tb=(tai-len|da-co)$`)

func mediaCount(t *testing.T, s *store.Store) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(`SELECT COUNT(*) FROM media`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func hasEXIF(b []byte) bool {
	return bytes.Contains(b, []byte("Exif\x00\x00")) || bytes.Contains(b, []byte(mediatest.Secret))
}

func TestMediaUploadImage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e, dir := newMediaEnv(t, s)
		e.addUser(t, "bientap", auth.RoleEditor)
		b := e.browser(t)
		b.login("bientap")
		if r := b.get("/quan-tri/thu-vien"); r.code != 200 || !strings.Contains(r.body, "Thư viện ảnh và tài liệu") || !strings.Contains(r.body, `enctype="multipart/form-data"`) {
			t.Fatalf("library page %d", r.code)
		}
		photo := mediatest.JPEGWithEXIF(1700, 1000, 1)
		hash := media.Hash(photo)
		r := b.upload(map[string]string{"alt": "Đồng chí Chủ tịch UBND huyện phát biểu", "caption": "Ảnh: Văn phòng"},
			&filePart{"anh-hoi-nghi.jpg", "image/jpeg", photo})
		m := mediaIDRE.FindStringSubmatch(r.hdr.Get("Location"))
		if r.code != http.StatusSeeOther || m == nil || m[2] != "tai-len" {
			t.Fatalf("upload: %d %q %s", r.code, r.hdr.Get("Location"), r.body)
		}
		row, err := s.MediaByHash(ctx, e.site.ID, hash)
		if err != nil {
			t.Fatal(err)
		}
		if row.Kind != "image" || row.Mime != "image/jpeg" || row.Width != 1700 || row.Height != 1000 || row.OriginalName != "anh-hoi-nghi.jpg" ||
			len(row.Widths) != 4 || row.Widths[0] != 320 || row.Widths[3] != 1600 {
			t.Fatalf("row %+v", row)
		}
		// Content-addressed files: original and four variants, nothing
		// else (no temporary files), none with EXIF.
		files := storedFiles(t, dir)
		if len(files) != 5 {
			t.Fatalf("stored files: %v", files)
		}
		for _, want := range []string{hash + ".jpg", hash + "-320.jpg", hash + "-640.jpg", hash + "-1024.jpg", hash + "-1600.jpg"} {
			p := filepath.Join(dir, hash[:2], hash[2:4], want)
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatalf("missing %s", want)
			}
			if hasEXIF(data) {
				t.Errorf("%s keeps EXIF/GPS", want)
			}
			cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s: %v", want, err)
			}
			if w := strings.TrimSuffix(strings.TrimPrefix(want, hash), ".jpg"); w != "" && "-"+strconv.Itoa(cfg.Width) != w {
				t.Errorf("%s is %d wide", want, cfg.Width)
			}
		}
		// The detail page has the address and the snippet.
		d := b.get(m[0][:strings.Index(m[0], "?")] + "?tb=tai-len")
		if d.code != 200 {
			t.Fatalf("detail %d", d.code)
		}
		snippet := `<figure><img src="/media/` + hash + `-1024.jpg" srcset="/media/` + hash + `-320.jpg 320w, /media/` + hash + `-640.jpg 640w, /media/` + hash +
			`-1024.jpg 1024w, /media/` + hash + `-1600.jpg 1600w" sizes="(min-width: 900px) 760px, 100vw" alt="Đồng chí Chủ tịch UBND huyện phát biểu" width="1700" height="1000" loading="lazy"><figcaption>Ảnh: Văn phòng</figcaption></figure>`
		if !strings.Contains(html.UnescapeString(d.body), snippet) || !strings.Contains(d.body, "Đã tải tệp lên thư viện") {
			t.Errorf("detail page lacks the snippet:\n%s", snippet)
		}
		// Served: type from the row, no sniffing, cached for good, sandboxed.
		g := e.get("/media/" + hash + "-640.jpg")
		if g.code != 200 || g.hdr.Get("Content-Type") != "image/jpeg" || g.hdr.Get("X-Content-Type-Options") != "nosniff" ||
			!strings.Contains(g.hdr.Get("Cache-Control"), "immutable") || !strings.Contains(g.hdr.Get("Cache-Control"), "max-age=31536000") ||
			!strings.Contains(g.hdr.Get("Content-Security-Policy"), "sandbox") || g.hdr.Get("Content-Disposition") != "" {
			t.Fatalf("served: %d %v", g.code, g.hdr)
		}
		if cfg, err := jpeg.DecodeConfig(strings.NewReader(g.body)); err != nil || cfg.Width != 640 || hasEXIF([]byte(g.body)) {
			t.Fatalf("served variant: %v %+v", err, cfg)
		}
		if nm := e.do("GET", "/media/"+hash+"-640.jpg", map[string]string{"If-None-Match": g.hdr.Get("ETag")}); nm.code != http.StatusNotModified {
			t.Errorf("conditional GET: %d", nm.code)
		}
		if o := e.get("/media/" + hash + ".jpg"); o.code != 200 || hasEXIF([]byte(o.body)) {
			t.Errorf("original: %d", o.code)
		}
		// The same file again: one row, one stored copy.
		r = b.upload(map[string]string{"alt": "Ảnh khác"}, &filePart{"ban-sao.jpg", "image/jpeg", photo})
		m2 := mediaIDRE.FindStringSubmatch(r.hdr.Get("Location"))
		if r.code != http.StatusSeeOther || m2 == nil || m2[1] != m[1] || m2[2] != "da-co" {
			t.Fatalf("dedupe: %d %q", r.code, r.hdr.Get("Location"))
		}
		if n := mediaCount(t, s); n != 1 {
			t.Fatalf("%d rows after uploading the same file twice", n)
		}
		if n := len(storedFiles(t, dir)); n != 5 {
			t.Fatalf("%d files after uploading the same file twice", n)
		}
		// Listed with its thumbnail.
		l := b.get("/quan-tri/thu-vien")
		mustContain(t, l, `src="/media/`+hash+`-320.jpg"`, "anh-hoi-nghi.jpg", "Đồng chí Chủ tịch UBND huyện phát biểu")
		log, _ := s.AuditLog(ctx, store.AuditFilter{SiteID: e.site.ID, Action: "media.upload"})
		if len(log) != 1 || log[0].Username != "bientap" || log[0].ObjectID != row.ID {
			t.Fatalf("audit: %+v", log)
		}
	})
}

func TestMediaUploadRefused(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e, dir := newMediaEnv(t, s)
		e.addUser(t, "bientap", auth.RoleEditor)
		b := e.browser(t)
		b.login("bientap")
		b.get("/quan-tri/thu-vien")
		php := []byte("<?php echo shell_exec($_GET['c']); ?>\n<html><script>alert(document.cookie)</script></html>")
		cases := []struct {
			what   string
			fields map[string]string
			file   *filePart
			code   int
			msg    string
		}{
			{"php renamed .jpg", map[string]string{"alt": "Ảnh"}, &filePart{"anh.jpg", "image/jpeg", php}, 415, "Tệp không đúng định dạng cho phép"},
			{"html renamed .pdf", nil, &filePart{"van-ban.pdf", "application/pdf", []byte("<!doctype html><script>alert(1)</script>")}, 415, "Tệp không đúng định dạng cho phép"},
			{"svg", map[string]string{"alt": "Ảnh"}, &filePart{"logo.svg", "image/svg+xml", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`)}, 415, "Tệp không đúng định dạng cho phép"},
			{"php behind a jpeg header", map[string]string{"alt": "Ảnh"}, &filePart{"anh.jpg", "image/jpeg", append([]byte{0xFF, 0xD8, 0xFF, 0xE0}, php...)}, 422, "Tệp không đúng định dạng cho phép"},
			{"word with macros", nil, &filePart{"bao-cao.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", mediatest.DOCM()}, 415, "macro"},
			{"image without alt", map[string]string{"alt": "  "}, &filePart{"anh.jpg", "image/jpeg", mediatest.JPEG(100, 80)}, 422, "Nhập mô tả ảnh (alt)"},
			{"no file", map[string]string{"alt": "Ảnh"}, nil, 422, "Chọn tệp cần tải lên"},
			{"empty file", nil, &filePart{"rong.pdf", "application/pdf", nil}, 422, "Tệp rỗng"},
		}
		for _, c := range cases {
			r := b.upload(c.fields, c.file)
			if r.code != c.code || !strings.Contains(r.body, c.msg) {
				t.Errorf("%s: %d, want %d with %q", c.what, r.code, c.code, c.msg)
			}
		}
		// The refused form keeps what was typed.
		r := b.upload(map[string]string{"alt": "", "caption": "Chú thích đã gõ"}, &filePart{"anh.jpg", "image/jpeg", mediatest.JPEG(100, 80)})
		mustContain(t, r, `value="Chú thích đã gõ"`, `aria-invalid="true"`)
		// Too large: 413, the page says so.
		big := make([]byte, media.DefaultMaxSize+1024)
		copy(big, mediatest.PDF())
		rand.Read(big[len(mediatest.PDF()):])
		r = b.upload(nil, &filePart{"lon.pdf", "application/pdf", big})
		if r.code != http.StatusRequestEntityTooLarge || !strings.Contains(r.body, "Tệp quá lớn: tối đa 20 MB") {
			t.Errorf("oversized: %d", r.code)
		}
		// Without the CSRF token: refused before anything is read into the library.
		r = b.upload(map[string]string{"csrf": "sai"}, &filePart{"a.pdf", "application/pdf", mediatest.PDF()})
		if r.code != http.StatusForbidden {
			t.Errorf("bad csrf: %d", r.code)
		}
		if n := mediaCount(t, s); n != 0 {
			t.Errorf("%d rows after refusals", n)
		}
		if f := storedFiles(t, dir); len(f) != 0 {
			t.Errorf("files after refusals: %v", f)
		}
	})
}

func TestMediaDocuments(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := newMediaEnv(t, s)
		e.addUser(t, "duyet", auth.RoleApprover)
		b := e.browser(t)
		b.login("duyet")
		b.get("/quan-tri/thu-vien")
		docs := []struct {
			name string
			ct   string // what the browser claims: ignored
			data []byte
			mime string
			save string
		}{
			{"Kế hoạch số 12.PDF", "application/octet-stream", mediatest.PDF(), "application/pdf", "Kế hoạch số 12.pdf"},
			{"quyet-dinh.docx", "application/msword", mediatest.DOCX(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "quyet-dinh.docx"},
			{"bang-tinh.bin", "text/plain", mediatest.XLSX(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "bang-tinh.xlsx"},
			{"van-ban.odt", "", mediatest.ODT(), "application/vnd.oasis.opendocument.text", "van-ban.odt"},
			{"cu.doc", "application/msword", mediatest.OLE("WordDocument"), "application/msword", "cu.doc"},
			{"so-lieu.xls", "application/vnd.ms-excel", mediatest.OLE("Workbook"), "application/vnd.ms-excel", "so-lieu.xls"},
		}
		for _, d := range docs {
			ct := d.ct
			if ct == "" {
				ct = "application/octet-stream"
			}
			r := b.upload(nil, &filePart{d.name, ct, d.data})
			if r.code != http.StatusSeeOther {
				t.Fatalf("%s: %d %s", d.name, r.code, r.body)
			}
			row, err := s.MediaByHash(ctx, e.site.ID, media.Hash(d.data))
			if err != nil || row.Kind != "document" || row.Mime != d.mime {
				t.Fatalf("%s: %v %+v", d.name, err, row)
			}
			g := e.get("/media/" + row.Hash + "." + row.Ext)
			if g.code != 200 || g.body != string(d.data) || g.hdr.Get("Content-Type") != d.mime || g.hdr.Get("X-Content-Type-Options") != "nosniff" {
				t.Fatalf("%s served: %d %v", d.name, g.code, g.hdr)
			}
			cd := g.hdr.Get("Content-Disposition")
			_, params, _ := mime.ParseMediaType(cd)
			if !strings.HasPrefix(cd, "attachment") || params["filename"] != d.save {
				t.Errorf("%s: Content-Disposition %q", d.name, cd)
			}
			if csp := g.hdr.Get("Content-Security-Policy"); !strings.Contains(csp, "sandbox") || !strings.Contains(csp, "default-src 'none'") {
				t.Errorf("%s: CSP %q", d.name, csp)
			}
			if !strings.Contains(g.hdr.Get("Cache-Control"), "immutable") {
				t.Errorf("%s: cache %q", d.name, g.hdr.Get("Cache-Control"))
			}
		}
		// A range request works (large PDFs on slow links).
		pdf := mediatest.PDF()
		rg := e.do("GET", "/media/"+media.Hash(pdf)+".pdf", map[string]string{"Range": "bytes=0-4"})
		if rg.code != http.StatusPartialContent || rg.body != "%PDF-" {
			t.Errorf("range: %d %q", rg.code, rg.body)
		}
	})
}

func TestMediaServingSafety(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e, dir := newMediaEnv(t, s)
		e.addUser(t, "bientap", auth.RoleEditor)
		b := e.browser(t)
		b.login("bientap")
		b.get("/quan-tri/thu-vien")
		pic := mediatest.JPEG(700, 500)
		hash := media.Hash(pic)
		if r := b.upload(map[string]string{"alt": "Ảnh"}, &filePart{"a.jpg", "image/jpeg", pic}); r.code != http.StatusSeeOther {
			t.Fatal(r.code)
		}
		// A file planted in the folder is not reachable: only rows are.
		planted := strings.Repeat("0", 64)
		os.MkdirAll(filepath.Join(dir, "00", "00"), 0o750)
		os.WriteFile(filepath.Join(dir, "00", "00", planted+".html"), []byte("<script>alert(1)</script>"), 0o640)
		os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("bí mật"), 0o640)
		for _, p := range []string{
			"/media/../../etc/passwd",
			"/media/..%2f..%2fetc%2fpasswd",
			"/media/%2e%2e%2fsecret.txt",
			"/media/secret.txt",
			"/media/" + planted + ".html",
			"/media/" + hash + ".png",      // wrong extension
			"/media/" + hash + "-999.jpg",  // no such width
			"/media/" + hash + "-1024.jpg", // wider than the picture: not made
			"/media/" + strings.ToUpper(hash) + ".jpg",
			"/media/" + hash + ".jpg%00.html",
			"/media/" + hash[:63] + ".jpg",
			"/media/" + strings.Repeat("1", 64) + ".jpg", // unknown
		} {
			srv := httptest.NewServer(e.srv)
			res, err := http.Get(srv.URL + p) // follows the router's clean-path redirect
			srv.Close()
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusNotFound || strings.Contains(string(body), "root:") || strings.Contains(string(body), "bí mật") || strings.Contains(string(body), "<script>alert") {
				t.Errorf("%s: %d", p, res.StatusCode)
			}
		}
		if r := e.get("/media/" + hash + "-640.jpg"); r.code != 200 {
			t.Errorf("real variant: %d", r.code)
		}
		// The public pages' own CSP is not loosened by the media route.
		if r := e.get("/"); strings.Contains(r.hdr.Get("Content-Security-Policy"), "sandbox") {
			t.Error("home page got the media CSP")
		}
	})
}

func TestMediaRoles(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e, dir := newMediaEnv(t, s)
		e.addUser(t, "bientap", auth.RoleEditor)
		e.addUser(t, "bientap2", auth.RoleEditor)
		e.addUser(t, "motcua", auth.RoleOfficer)
		e.addUser(t, "quantri", auth.RoleAdmin)
		// The officer has no library.
		o := e.browser(t)
		o.login("motcua")
		if r := o.get("/quan-tri/thu-vien"); r.code != http.StatusForbidden {
			t.Errorf("officer sees the library: %d", r.code)
		}
		o.get("/quan-tri") // a page with the CSRF token
		if r := o.upload(nil, &filePart{"a.pdf", "application/pdf", mediatest.PDF()}); r.code != http.StatusForbidden {
			t.Errorf("officer uploads: %d", r.code)
		}
		// Anonymous: sent to log in; a POST is refused.
		anon := e.browser(t)
		if r := anon.get("/quan-tri/thu-vien"); r.code != http.StatusSeeOther {
			t.Errorf("anonymous library: %d", r.code)
		}
		if r := anon.upload(nil, &filePart{"a.pdf", "application/pdf", mediatest.PDF()}); r.code != http.StatusUnauthorized && r.code != http.StatusForbidden {
			t.Errorf("anonymous upload: %d", r.code)
		}
		if n := mediaCount(t, s); n != 0 {
			t.Fatalf("%d rows", n)
		}
		// The editor uploads; another editor may not delete it; its uploader may.
		ed := e.browser(t)
		ed.login("bientap")
		ed.get("/quan-tri/thu-vien")
		pic := mediatest.JPEG(500, 300)
		hash := media.Hash(pic)
		r := ed.upload(map[string]string{"alt": "Ảnh"}, &filePart{"a.jpg", "image/jpeg", pic})
		m := mediaIDRE.FindStringSubmatch(r.hdr.Get("Location"))
		if m == nil {
			t.Fatalf("upload %d", r.code)
		}
		id := m[1]
		ed2 := e.browser(t)
		ed2.login("bientap2")
		if d := ed2.get("/quan-tri/thu-vien/" + id); d.code != 200 || strings.Contains(d.body, "Xóa tệp khỏi thư viện</button>") {
			t.Errorf("other editor's view: %d", d.code)
		}
		if r := ed2.post("/quan-tri/thu-vien/"+id+"/xoa", nil); r.code != http.StatusForbidden {
			t.Errorf("other editor deletes: %d", r.code)
		}
		// Alt text can be corrected, not emptied.
		if r := ed2.post("/quan-tri/thu-vien/"+id, map[string][]string{"alt": {""}}); r.code != http.StatusUnprocessableEntity {
			t.Errorf("empty alt saved: %d", r.code)
		}
		if r := ed2.post("/quan-tri/thu-vien/"+id, map[string][]string{"alt": {"Toàn cảnh hội nghị"}, "caption": {"Ảnh: T.H"}}); r.code != http.StatusSeeOther {
			t.Errorf("alt edit: %d", r.code)
		}
		if row, _ := s.MediaByHash(ctx, e.site.ID, hash); row.Alt != "Toàn cảnh hội nghị" || row.Caption != "Ảnh: T.H" {
			t.Errorf("alt not saved: %+v", row)
		}
		// While an article shows it, nobody deletes it.
		a := &news.Article{SiteID: e.site.ID, CategoryID: e.cat.ID, Title: "Bài có ảnh", Status: news.StatusDraft,
			BodyHTML: `<figure><img src="/media/` + hash + `-320.jpg" alt="Ảnh"></figure>`}
		if err := s.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		ed.get("/quan-tri/thu-vien/" + id)
		if r := ed.post("/quan-tri/thu-vien/"+id+"/xoa", nil); r.code != http.StatusConflict || !strings.Contains(r.body, "đang được dùng trong 1 bài viết") {
			t.Errorf("delete of a used file: %d", r.code)
		}
		a.Status = news.StatusTrash
		if err := s.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		if r := ed.post("/quan-tri/thu-vien/"+id+"/xoa", nil); r.code != http.StatusSeeOther {
			t.Fatalf("uploader deletes: %d %s", r.code, r.body)
		}
		if n := mediaCount(t, s); n != 0 {
			t.Errorf("row kept after delete")
		}
		if f := storedFiles(t, dir); len(f) != 0 {
			t.Errorf("files kept after delete: %v", f)
		}
		if g := e.get("/media/" + hash + ".jpg"); g.code != http.StatusNotFound {
			t.Errorf("deleted file served: %d", g.code)
		}
		// An admin deletes anyone's file.
		r = ed.upload(map[string]string{"alt": "Ảnh"}, &filePart{"a.jpg", "image/jpeg", pic})
		id = mediaIDRE.FindStringSubmatch(r.hdr.Get("Location"))[1]
		ad := e.browser(t)
		ad.login("quantri")
		ad.get("/quan-tri/thu-vien/" + id)
		if r := ad.post("/quan-tri/thu-vien/"+id+"/xoa", nil); r.code != http.StatusSeeOther {
			t.Errorf("admin deletes: %d", r.code)
		}
		log, _ := s.AuditLog(ctx, store.AuditFilter{SiteID: e.site.ID, Action: "media.delete"})
		if len(log) != 2 || log[0].Username != "quantri" || log[1].Username != "bientap" {
			t.Errorf("delete audit: %+v", log)
		}
	})
}

func TestMediaAPI(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := newMediaEnv(t, s)
		e.addUser(t, "bientap", auth.RoleEditor)
		e.addUser(t, "motcua", auth.RoleOfficer)
		ed, of := e.token(t, "bientap"), e.token(t, "motcua")
		photo := mediatest.JPEGWithEXIF(1200, 800, 1)
		file := &filePart{"anh.jpg", "image/jpeg", photo}
		if code, m := e.apiUpload(t, "", map[string]string{"alt": "Ảnh"}, file); code != 401 || errCode(m) != "unauthorized" {
			t.Fatalf("no token: %d %v", code, m)
		}
		if code, m := e.apiUpload(t, of, map[string]string{"alt": "Ảnh"}, file); code != 403 || errCode(m) != "forbidden" {
			t.Fatalf("officer: %d %v", code, m)
		}
		if code, m := e.apiUpload(t, ed, nil, file); code != 422 || errCode(m) != "validation" || m["error"].(map[string]any)["fields"].(map[string]any)["alt"] == nil {
			t.Fatalf("no alt: %d %v", code, m)
		}
		if code, m := e.apiUpload(t, ed, map[string]string{"alt": "Ảnh"}, &filePart{"x.jpg", "image/jpeg", []byte("<?php phpinfo(); ?>")}); code != 415 || errCode(m) != "unsupported_media_type" {
			t.Fatalf("php: %d %v", code, m)
		}
		big := make([]byte, media.DefaultMaxSize+1)
		if code, m := e.apiUpload(t, ed, nil, &filePart{"big.pdf", "application/pdf", big}); code != 413 || errCode(m) != "too_large" {
			t.Fatalf("oversized: %d %v", code, m)
		}
		if code, m := e.api(t, "POST", "/api/v1/media", ed, `{"file":"x"}`); code != 415 || errCode(m) != "unsupported_media_type" {
			t.Fatalf("json body: %d %v", code, m)
		}
		code, m := e.apiUpload(t, ed, map[string]string{"alt": "Lễ khai mạc", "caption": "Ảnh: Đài truyền thanh"}, file)
		if code != 201 {
			t.Fatalf("upload: %d %v", code, m)
		}
		hash := media.Hash(photo)
		if m["url"] != "https://cong.example.vn/media/"+hash+".jpg" || m["mime"] != "image/jpeg" || m["width"] != 1200.0 || m["height"] != 800.0 || m["id"] == nil {
			t.Fatalf("response %v", m)
		}
		wantSet := "/media/" + hash + "-320.jpg 320w, /media/" + hash + "-640.jpg 640w, /media/" + hash + "-1024.jpg 1024w, /media/" + hash + ".jpg 1200w"
		if m["srcset"] != wantSet || !strings.Contains(m["html"].(string), `srcset="`+wantSet+`"`) || !strings.Contains(m["html"].(string), "<figcaption>Ảnh: Đài truyền thanh</figcaption>") {
			t.Fatalf("srcset/html: %v", m)
		}
		if g := e.get("/media/" + hash + "-1024.jpg"); g.code != 200 || hasEXIF([]byte(g.body)) {
			t.Fatalf("served %d", g.code)
		}
		// Again: 200 with the same file.
		code2, m2 := e.apiUpload(t, ed, map[string]string{"alt": "Lễ khai mạc"}, file)
		if code2 != 200 || m2["id"] != m["id"] || m2["existing"] != true {
			t.Fatalf("again: %d %v", code2, m2)
		}
		// WebP is stored as JPEG; a PDF needs no alt.
		code, m = e.apiUpload(t, ed, map[string]string{"alt": "Biểu đồ"}, &filePart{"bieu-do.webp", "image/webp", mediatest.WebP(800, 600, color.NRGBA{10, 120, 200, 255})})
		if code != 201 || m["mime"] != "image/jpeg" || !strings.HasSuffix(m["url"].(string), ".jpg") {
			t.Fatalf("webp: %d %v", code, m)
		}
		code, m = e.apiUpload(t, ed, nil, &filePart{"ke-hoach.pdf", "application/pdf", mediatest.PDF()})
		if code != 201 || m["kind"] != "document" || !strings.Contains(m["html"].(string), `<a href="/media/`) {
			t.Fatalf("pdf: %d %v", code, m)
		}
		log, _ := s.AuditLog(ctx, store.AuditFilter{SiteID: e.site.ID, Action: "media.upload"})
		if len(log) != 3 {
			t.Errorf("%d upload audit entries, want 3", len(log))
		}
	})
}
