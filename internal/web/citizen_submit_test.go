package web_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/visitors"
	"github.com/congportal/cong/internal/web"
)

// deskEnv is a portal with a data folder, a commune, a former district and
// procedures: one online with a required and an optional component, one
// not online, one unpublished.
type deskEnv struct {
	*env
	dataDir string
	unit    catalogue.Unit
	proc    catalogue.Procedure
	http    *httptest.Server
	client  *http.Client
}

var (
	minimalPDF = []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
	tinyPNG    = func() []byte {
		var b bytes.Buffer
		png.Encode(&b, image.NewGray(image.Rect(0, 0, 4, 4)))
		return b.Bytes()
	}()
)

func newDeskServer(t *testing.T, s *store.Store, siteID int64, counter *visitors.Counter, dataDir string) *web.Server {
	t.Helper()
	hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	proxies, _ := visit.ParseProxies("")
	srv, err := web.New(web.Options{Store: s, Counter: counter, SiteID: siteID, BaseURL: "https://cong.example.vn",
		Proxies: proxies, Location: hcm, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Version: "test",
		MediaDir: filepath.Join(dataDir, "media")})
	if err != nil {
		t.Fatal(err)
	}
	return srv
}

func newDeskEnv(t *testing.T, s *store.Store) *deskEnv {
	t.Helper()
	e := newEnv(t, s)
	de := &deskEnv{env: e, dataDir: t.TempDir()}
	de.srv = newDeskServer(t, s, e.site.ID, e.counter, de.dataDir)
	de.unit = catalogue.Unit{SiteID: e.site.ID, Code: "UBXA", Name: "UBND xã Thử Nghiệm", Kind: "commune"}
	if err := s.CreateUnit(ctx, &de.unit); err != nil {
		t.Fatal(err)
	}
	former := catalogue.Unit{SiteID: e.site.ID, Code: "HUYENCU", Name: "UBND huyện Cũ (đã giải thể)", Kind: "district",
		ValidTo: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)}
	if err := s.CreateUnit(ctx, &former); err != nil {
		t.Fatal(err)
	}
	de.proc = catalogue.Procedure{SiteID: e.site.ID, Code: "1.001", Slug: "cap-ban-sao-trich-luc", Name: "Cấp bản sao trích lục hộ tịch",
		Field: "Hộ tịch", Level: catalogue.LevelFull, TimeAmount: 1, TimeUnit: catalogue.TimeWorkingDays, Published: true,
		Units:      []catalogue.Unit{de.unit, former},
		Components: []catalogue.Component{{Name: "Tờ khai cấp bản sao trích lục", Required: true, Copies: 1}, {Name: "Giấy ủy quyền (nếu nộp thay)", Copies: 1}}}
	if err := s.SaveProcedure(ctx, &de.proc); err != nil {
		t.Fatal(err)
	}
	offline := catalogue.Procedure{SiteID: e.site.ID, Code: "1.002", Slug: "dang-ky-ket-hon", Name: "Đăng ký kết hôn", Level: catalogue.LevelNone,
		TimeAmount: 5, TimeUnit: catalogue.TimeWorkingDays, Published: true, Units: []catalogue.Unit{de.unit}}
	hidden := catalogue.Procedure{SiteID: e.site.ID, Code: "1.003", Slug: "thu-tuc-nhap", Name: "Thủ tục chưa công bố", Level: catalogue.LevelFull,
		TimeAmount: 5, TimeUnit: catalogue.TimeWorkingDays, Units: []catalogue.Unit{de.unit}}
	for _, p := range []*catalogue.Procedure{&offline, &hidden} {
		if err := s.SaveProcedure(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	de.http = httptest.NewServer(de.srv)
	t.Cleanup(de.http.Close)
	de.client = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return de
}

type upFile struct {
	field, name, ctype string
	data               []byte
}

func (de *deskEnv) validForm() map[string]string {
	return map[string]string{"name": "Trần Thị Bích Ngọc", "id_number": "001190012345", "dob": "12/03/1990",
		"phone": "0912 345 678", "email": "ngoc@example.vn", "address": "Số 5, thôn Đông, xã Thử Nghiệm", "unit": fmt.Sprint(de.unit.ID),
		"consent": "1", "key": "khoa-thu-nghiem-0000000001"}
}

func (de *deskEnv) fileField(i int) string { return fmt.Sprintf("file_%d", de.proc.Components[i].ID) }

func (de *deskEnv) validFiles() []upFile {
	return []upFile{{de.fileField(0), "to-khai.pdf", "application/pdf", minimalPDF}, {de.fileField(1), "uy-quyen.png", "image/png", tinyPNG}}
}

func multipartOf(fields map[string]string, files []upFile) (string, []byte) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		mw.WriteField(k, fields[k])
	}
	for _, f := range files {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`, f.field, f.name))
		h.Set("Content-Type", f.ctype)
		w, _ := mw.CreatePart(h)
		w.Write(f.data)
	}
	mw.Close()
	return mw.FormDataContentType(), buf.Bytes()
}

func (de *deskEnv) post(t *testing.T, path string, fields map[string]string, files []upFile, hdr map[string]string) resp {
	t.Helper()
	ct, body := multipartOf(fields, files)
	req, _ := http.NewRequest("POST", de.http.URL+path, bytes.NewReader(body))
	req.Header.Set("Content-Type", ct)
	req.Header.Set("User-Agent", browserUA)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	return de.send(t, req)
}

func (de *deskEnv) send(t *testing.T, req *http.Request) resp {
	t.Helper()
	r, err := de.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	b, _ := io.ReadAll(r.Body)
	return resp{r.StatusCode, string(b), r.Header}
}

func (de *deskEnv) fetch(t *testing.T, path string) resp {
	t.Helper()
	req, _ := http.NewRequest("GET", de.http.URL+path, nil)
	req.Header.Set("User-Agent", browserUA)
	return de.send(t, req)
}

func (de *deskEnv) submit(t *testing.T, fields map[string]string) (token string) {
	t.Helper()
	r := de.post(t, "/nop-ho-so/"+de.proc.Slug, fields, de.validFiles(), nil)
	if r.code != http.StatusSeeOther {
		t.Fatalf("submit: %d %s", r.code, r.body)
	}
	m := regexp.MustCompile(`^/ho-so-cua-toi/([A-Za-z0-9_-]{22})/bien-nhan$`).FindStringSubmatch(r.hdr.Get("Location"))
	if m == nil {
		t.Fatalf("redirect to %q", r.hdr.Get("Location"))
	}
	return m[1]
}

func countRows(t *testing.T, s *store.Store, table string) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func storedDossierFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(filepath.Join(dir, "dossiers"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	return out
}

var codeRE = regexp.MustCompile(`UBXA-\d{6}-\d{4}`)

func TestSubmitDossier(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		form := de.fetch(t, "/nop-ho-so/"+de.proc.Slug)
		if form.code != 200 || form.hdr.Get("Cache-Control") != "no-store" {
			t.Fatalf("form: %d %v", form.code, form.hdr)
		}
		mustContain(t, form, "Nộp hồ sơ trực tuyến", "Cấp bản sao trích lục hộ tịch", `name="key" value="`, "Tờ khai cấp bản sao trích lục",
			`name="`+de.fileField(0)+`"`, `enctype="multipart/form-data"`, "UBND xã Thử Nghiệm", `name="consent"`)
		if strings.Contains(form.body, "huyện Cũ") {
			t.Error("a former unit is offered for new dossiers")
		}
		if !strings.Contains(form.body, "Tra cứu hồ sơ") {
			t.Error("menu lacks the lookup")
		}

		before := time.Now()
		token := de.submit(t, de.validForm())
		if n := countRows(t, s, "dossiers"); n != 1 {
			t.Fatalf("%d dossiers", n)
		}
		var code string
		var status, channel int
		var hash string
		s.DB().QueryRow(`SELECT code, status, channel, private_token_hash FROM dossiers`).Scan(&code, &status, &channel, &hash)
		hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
		if want := "UBXA-" + before.In(hcm).Format("060102") + "-0001"; code != want || status != 1 || channel != 2 {
			t.Fatalf("dossier %s status %d channel %d, want %s 1 2", code, status, channel, want)
		}
		if strings.Contains(hash, token) || len(hash) != 64 {
			t.Fatalf("token stored as %q", hash)
		}
		if n := countRows(t, s, "dossier_events"); n != 1 {
			t.Fatalf("%d events", n)
		}
		files := storedDossierFiles(t, de.dataDir)
		if len(files) != 2 || countRows(t, s, "dossier_files") != 2 {
			t.Fatalf("files on disk %v", files)
		}
		for _, f := range files {
			if strings.Contains(f, "media") {
				t.Errorf("dossier file under the public media folder: %s", f)
			}
		}

		rc := de.fetch(t, "/ho-so-cua-toi/"+token+"/bien-nhan")
		if rc.code != 200 {
			t.Fatalf("receipt %d", rc.code)
		}
		mustContain(t, rc, code, "<svg", `aria-label="Mã QR tra cứu hồ sơ `+code, "https://cong.example.vn/tra-cuu?ma="+code,
			"https://cong.example.vn/ho-so-cua-toi/"+token, "Hãy lưu lại đường dẫn này", "Cấp bản sao trích lục hộ tịch", "UBND xã Thử Nghiệm")
		if rc.hdr.Get("Referrer-Policy") != "no-referrer" || rc.hdr.Get("Cache-Control") != "no-store" {
			t.Errorf("receipt headers %v", rc.hdr)
		}

		my := de.fetch(t, "/ho-so-cua-toi/"+token)
		mustContain(t, my, "Trần Thị Bích Ngọc", "*********345", "12/03/1990", "0912345678", "to-khai.pdf", "uy-quyen.png", "Mới đăng ký", "Rút hồ sơ")
		// The citizen downloads their own file, as an attachment.
		m := regexp.MustCompile(`/ho-so-cua-toi/` + token + `/tep/(\d+)">to-khai.pdf`).FindStringSubmatch(my.body)
		if m == nil {
			t.Fatal("no download link")
		}
		dl := de.fetch(t, "/ho-so-cua-toi/"+token+"/tep/"+m[1])
		if dl.code != 200 || dl.body != string(minimalPDF) || !strings.HasPrefix(dl.hdr.Get("Content-Disposition"), "attachment") ||
			dl.hdr.Get("X-Content-Type-Options") != "nosniff" || dl.hdr.Get("Content-Type") != "application/pdf" {
			t.Fatalf("download %d %v", dl.code, dl.hdr)
		}
		// Another dossier's file id through this token: 404.
		if r := de.fetch(t, "/ho-so-cua-toi/"+token+"/tep/999999"); r.code != 404 {
			t.Errorf("foreign file %d", r.code)
		}
	})
}

func TestSubmitProcedureChecks(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		if r := de.fetch(t, "/nop-ho-so/khong-co-thu-tuc-nay"); r.code != 404 || !strings.Contains(r.body, "Không tìm thấy") {
			t.Errorf("unknown procedure: %d", r.code)
		}
		if r := de.fetch(t, "/nop-ho-so/thu-tuc-nhap"); r.code != 404 {
			t.Errorf("unpublished procedure: %d", r.code)
		}
		r := de.fetch(t, "/nop-ho-so/dang-ky-ket-hon")
		if r.code != 403 || !strings.Contains(r.body, "chưa được cung cấp trực tuyến") {
			t.Errorf("offline procedure: %d", r.code)
		}
		r = de.post(t, "/nop-ho-so/dang-ky-ket-hon", de.validForm(), de.validFiles(), nil)
		if r.code != 403 || countRows(t, s, "dossiers") != 0 {
			t.Errorf("offline procedure accepted a POST: %d", r.code)
		}
	})
}

func TestSubmitValidation(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		html := []byte("<!doctype html><html><body><script>alert(1)</script></body></html>")
		cases := []struct {
			name   string
			edit   func(map[string]string)
			files  func([]upFile) []upFile
			status int
			msg    string
		}{
			{"bad name", func(f map[string]string) { f["name"] = "Ngọc 123" }, nil, 422, "chỉ gồm chữ cái"},
			{"short id", func(f map[string]string) { f["id_number"] = "0011900123" }, nil, 422, "đúng 12 chữ số"},
			{"id province", func(f map[string]string) { f["id_number"] = "099190012345" }, nil, 422, "mã tỉnh"},
			{"id vs birth year", func(f map[string]string) { f["id_number"] = "001191012345" }, nil, 422, "không khớp với năm sinh 1990"},
			{"bad date", func(f map[string]string) { f["dob"] = "30/02/1990" }, nil, 422, "không có thật"},
			{"future date", func(f map[string]string) { f["dob"] = "01/01/2099"; f["id_number"] = "001099012345" }, nil, 422, "sau ngày hôm nay"},
			{"bad phone", func(f map[string]string) { f["phone"] = "0243825353" }, nil, 422, "Số điện thoại không hợp lệ"},
			{"bad email", func(f map[string]string) { f["email"] = "ngoc@@example" }, nil, 422, "thư điện tử không hợp lệ"},
			{"no address", func(f map[string]string) { f["address"] = "" }, nil, 422, "nhập địa chỉ"},
			{"no unit", func(f map[string]string) { f["unit"] = "" }, nil, 422, "chọn cơ quan"},
			{"former unit", func(f map[string]string) { f["unit"] = "999999" }, nil, 422, "chọn cơ quan"},
			{"no consent", func(f map[string]string) { delete(f, "consent") }, nil, 422, "cam đoan"},
			{"missing required component", nil, func(fs []upFile) []upFile { return fs[1:] }, 422, "Thiếu thành phần bắt buộc: Tờ khai cấp bản sao trích lục"},
			{"html named pdf", nil, func(fs []upFile) []upFile { fs[0].data = html; return fs }, 422, "không đúng định dạng cho phép"},
			{"png named pdf", nil, func(fs []upFile) []upFile { fs[0].data = tinyPNG; return fs }, 422, "có đuôi .pdf nhưng nội dung là Ảnh PNG"},
			{"empty file", nil, func(fs []upFile) []upFile { fs[0].data = nil; fs[0].name = "x.pdf"; return fs }, 422, "rỗng"},
			{"oversized file", nil, func(fs []upFile) []upFile {
				fs[0].data = append(append([]byte{}, minimalPDF...), make([]byte, 10<<20)...)
				return fs
			}, 413, "quá lớn"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				f := de.validForm()
				f["key"] = "khoa-" + strings.ReplaceAll(c.name, " ", "-") + "-00000000000"
				if c.edit != nil {
					c.edit(f)
				}
				files := de.validFiles()
				if c.files != nil {
					files = c.files(files)
				}
				r := de.post(t, "/nop-ho-so/"+de.proc.Slug, f, files, nil)
				if r.code != c.status {
					t.Fatalf("status %d, want %d", r.code, c.status)
				}
				mustContain(t, r, c.msg, "Hồ sơ chưa được gửi")
				// The citizen's input is kept, the valid files too
				// (submit_pending_test.go).
				if c.files == nil && c.status == 422 {
					mustContain(t, r, "Đã có tệp: <strong>to-khai.pdf</strong>", "Đã có tệp: <strong>uy-quyen.png</strong>")
				}
				if f["address"] != "" {
					mustContain(t, r, `value="`+f["address"]+`"`)
				}
				mustContain(t, r, `name="key" value="`+f["key"]+`"`)
			})
		}
		if n := countRows(t, s, "dossiers"); n != 0 {
			t.Fatalf("%d dossiers created by invalid submissions", n)
		}
		if f := storedDossierFiles(t, de.dataDir); len(f) != 0 {
			t.Fatalf("files left behind: %v", f)
		}
		// A request past the total limit is refused before it is read.
		req, _ := http.NewRequest("POST", de.http.URL+"/nop-ho-so/"+de.proc.Slug, strings.NewReader("x"))
		req.Header.Set("Content-Type", "multipart/form-data; boundary=x")
		req.ContentLength = 200 << 20
		req.Body = io.NopCloser(io.LimitReader(zeroReader{}, 200<<20))
		if r := de.send(t, req); r.code != 413 || !strings.Contains(r.body, "quá lớn") {
			t.Fatalf("huge body: %d", r.code)
		}
	})
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestSubmitIdempotent(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		f := de.validForm()
		t1 := de.submit(t, f)
		if r := de.post(t, "/nop-ho-so/"+de.proc.Slug, f, de.validFiles(), nil); r.code != http.StatusSeeOther ||
			!strings.HasPrefix(r.hdr.Get("Location"), "/ho-so-cua-toi?ma=") {
			t.Fatalf("replay: %d to %q", r.code, r.hdr.Get("Location"))
		}
		if n := countRows(t, s, "dossiers"); n != 1 {
			t.Fatalf("double submit made %d dossiers", n)
		}
		if n := countRows(t, s, "dossier_files"); n != 2 {
			t.Fatalf("%d file rows", n)
		}
		if f := storedDossierFiles(t, de.dataDir); len(f) != 2 {
			t.Fatalf("the replay left files: %v", f)
		}
		// The replay issues no new link (TestSubmitReplayIssuesNoNewLink):
		// the first answer's stays the one.
		r := de.fetch(t, "/ho-so-cua-toi/"+t1+"/bien-nhan")
		if r.code != 200 || len(codeRE.FindAllString(r.body, 1)) == 0 || !strings.Contains(r.body, "-0001") {
			t.Fatalf("receipt after the replay %d", r.code)
		}
		// The key in a header works the same.
		g := de.validForm()
		delete(g, "key")
		hdr := map[string]string{"Idempotency-Key": "3f2a6c1e-9b7d-4c55-8e21-0a9f4b6d7c10"}
		for i := 0; i < 2; i++ {
			if r := de.post(t, "/nop-ho-so/"+de.proc.Slug, g, de.validFiles(), hdr); r.code != 303 {
				t.Fatalf("header key: %d", r.code)
			}
		}
		if n := countRows(t, s, "dossiers"); n != 2 {
			t.Fatalf("%d dossiers", n)
		}
		// Same key, another person: refused, nothing made.
		h := de.validForm()
		h["id_number"], h["phone"] = "079190000111", "0987654321"
		h["id_number"] = "079190000111"
		if r := de.post(t, "/nop-ho-so/"+de.proc.Slug, h, de.validFiles(), nil); r.code != 409 {
			t.Fatalf("key reuse by another applicant: %d", r.code)
		}
		if n := countRows(t, s, "dossiers"); n != 2 {
			t.Fatalf("%d dossiers", n)
		}
	})
}

// Concurrent submissions on one instance and across two instances sharing
// the database get distinct, consecutive codes.
func TestSubmitConcurrentCodes(t *testing.T) {
	for _, eng := range testdb.Engines() {
		t.Run(eng, func(t *testing.T) {
			u := testdb.URL(t, eng)
			var stores []*store.Store
			for i := 0; i < 2; i++ {
				st, err := store.Open(context.Background(), u, t.TempDir())
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { st.Close() })
				stores = append(stores, st)
			}
			if _, err := stores[0].Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			de := newDeskEnv(t, stores[0])
			other := newDeskServer(t, stores[1], de.site.ID, de.counter, de.dataDir)
			otherHTTP := httptest.NewServer(other)
			defer otherHTTP.Close()
			const n = 20
			var wg sync.WaitGroup
			errs := make(chan string, n)
			for i := 0; i < n; i++ {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					base := de.http.URL
					if i%2 == 1 {
						base = otherHTTP.URL
					}
					f := de.validForm()
					f["key"] = fmt.Sprintf("dong-thoi-%02d-0000000000", i)
					ct, body := multipartOf(f, de.validFiles())
					req, _ := http.NewRequest("POST", base+"/nop-ho-so/"+de.proc.Slug, bytes.NewReader(body))
					req.Header.Set("Content-Type", ct)
					req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.0.0.%d", i))
					r, err := de.client.Do(req)
					if err != nil {
						errs <- err.Error()
						return
					}
					r.Body.Close()
					if r.StatusCode != 303 {
						errs <- fmt.Sprintf("status %d", r.StatusCode)
					}
				}(i)
			}
			wg.Wait()
			close(errs)
			for e := range errs {
				t.Error(e)
			}
			rows, err := stores[0].DB().Query(`SELECT code FROM dossiers ORDER BY code`)
			if err != nil {
				t.Fatal(err)
			}
			var codes []string
			for rows.Next() {
				var c string
				rows.Scan(&c)
				codes = append(codes, c)
			}
			rows.Close()
			if len(codes) != n {
				t.Fatalf("%d dossiers", len(codes))
			}
			for i, c := range codes {
				if !strings.HasSuffix(c, fmt.Sprintf("-%04d", i+1)) {
					t.Fatalf("codes not consecutive: %v", codes)
				}
			}
		})
	}
}

func TestLookupAndStatusAPI(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		de.submit(t, de.validForm())
		var code string
		s.DB().QueryRow(`SELECT code FROM dossiers`).Scan(&code)

		if r := de.fetch(t, "/tra-cuu"); r.code != 200 || !strings.Contains(r.body, `name="ma"`) {
			t.Fatalf("lookup form %d", r.code)
		}
		r := de.fetch(t, "/tra-cuu?ma="+strings.ToLower(code))
		if r.code != 200 {
			t.Fatalf("lookup %d", r.code)
		}
		mustContain(t, r, code, "Cấp bản sao trích lục hộ tịch", "UBND xã Thử Nghiệm", "Mới đăng ký", "Chưa có")
		for _, personal := range []string{"Trần Thị Bích Ngọc", "Ngọc", "001190012345", "0912345678", "345 678", "ngoc@example.vn", "thôn Đông", "12/03/1990", "to-khai.pdf"} {
			if strings.Contains(r.body, personal) {
				t.Errorf("lookup shows personal data %q", personal)
			}
		}
		if r := de.fetch(t, "/tra-cuu?ma=UBXA-000000-9999"); r.code != 404 || !strings.Contains(r.body, "Không tìm thấy hồ sơ") {
			t.Errorf("unknown code %d", r.code)
		}
		if r := de.fetch(t, "/tra-cuu?ma=%3Cscript%3E"); r.code != 400 || strings.Contains(r.body, "<script>") {
			t.Errorf("bad code %d", r.code)
		}

		a := de.fetch(t, "/api/v1/dossiers/"+code+"/status")
		if a.code != 200 || !strings.HasPrefix(a.hdr.Get("Content-Type"), "application/json") {
			t.Fatalf("api %d", a.code)
		}
		mustContain(t, a, `"code":"`+code+`"`, `"status":1`, `"status_name":"Mới đăng ký"`, `"due_at":null`, `"timeline":[{"at":"`, "+07:00")
		if strings.Contains(a.body, "Ngọc") || strings.Contains(a.body, "001190012345") || strings.Contains(a.body, "0912345678") {
			t.Error("status API shows personal data")
		}
		if a := de.fetch(t, "/api/v1/dossiers/KHONG-CO/status"); a.code != 404 || !strings.Contains(a.body, `"code":"not_found"`) {
			t.Errorf("api unknown %d %s", a.code, a.body)
		}

		// 30 lookups a minute per client; this test has used 4 + 2.
		var last resp
		for i := 0; i < 30; i++ {
			last = de.fetch(t, "/tra-cuu?ma="+code)
		}
		if last.code != 429 || !strings.Contains(last.body, "quá nhiều yêu cầu") {
			t.Fatalf("rate limit: %d", last.code)
		}
		if a := de.fetch(t, "/api/v1/dossiers/"+code+"/status"); a.code != 429 || !strings.Contains(a.body, `"code":"rate_limited"`) {
			t.Fatalf("api rate limit: %d", a.code)
		}
	})
}

// setStatus moves a dossier as an officer would (the officer side has its
// own tests): here only the citizen's answer to it matters.
func setStatus(t *testing.T, s *store.Store, status, prev int, note string) {
	t.Helper()
	var id int64
	if err := s.DB().QueryRow(`SELECT id FROM dossiers`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC().Add(-time.Hour)
	q := `UPDATE dossiers SET status = ?, prev_status = ?, paused_at = ?, received_at = ?, due_at = ?, version = version + 1 WHERE id = ?`
	ins := `INSERT INTO dossier_events (dossier_id, at, actor_label, from_status, to_status, action, note) VALUES (?, ?, 'Cán bộ', ?, ?, 'request_supplement', ?)`
	if s.Dialect() == store.Postgres {
		q = `UPDATE dossiers SET status = $1, prev_status = $2, paused_at = $3, received_at = $4, due_at = $5, version = version + 1 WHERE id = $6`
		ins = `INSERT INTO dossier_events (dossier_id, at, actor_label, from_status, to_status, action, note) VALUES ($1, $2, 'Cán bộ', $3, $4, 'request_supplement', $5)`
	}
	if _, err := s.DB().Exec(q, status, prev, now, now, now.Add(72*time.Hour), id); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(ins, id, now, prev, status, note); err != nil {
		t.Fatal(err)
	}
}

func TestPrivateLink(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		token := de.submit(t, de.validForm())
		missing := de.fetch(t, "/ho-so-cua-toi/khong-co-trang-nay/x/y")
		for _, forged := range []string{strings.Repeat("A", 22), token[:21] + "x", token + "x", "..%2F..%2Fetc", strings.ToUpper(token)} {
			if forged == token {
				continue
			}
			r := de.fetch(t, "/ho-so-cua-toi/"+forged)
			if r.code != 404 || r.body != missing.body {
				t.Errorf("forged token %q: %d", forged, r.code)
			}
			if r := de.fetch(t, "/ho-so-cua-toi/"+forged+"/bien-nhan"); r.code != 404 {
				t.Errorf("forged receipt %d", r.code)
			}
			if r := de.post(t, "/ho-so-cua-toi/"+forged+"/rut", map[string]string{"confirm": "1"}, nil, nil); r.code != 404 {
				t.Errorf("forged withdraw %d", r.code)
			}
		}

		// Supplement is refused unless asked for.
		r := de.post(t, "/ho-so-cua-toi/"+token+"/bo-sung", nil, []upFile{{"files", "them.pdf", "application/pdf", minimalPDF}}, nil)
		if r.code != 409 || !strings.Contains(r.body, "Mới đăng ký") {
			t.Fatalf("supplement in status 1: %d", r.code)
		}
		setStatus(t, s, 5, 2, "Thiếu bản chụp căn cước mặt sau.")
		my := de.fetch(t, "/ho-so-cua-toi/"+token)
		mustContain(t, my, "Yêu cầu bổ sung", "Thiếu bản chụp căn cước mặt sau.", "Nộp hồ sơ bổ sung")
		version := regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(my.body)[1]
		// No file: 422, nothing moves.
		r = de.post(t, "/ho-so-cua-toi/"+token+"/bo-sung", map[string]string{"version": version}, nil, nil)
		if r.code != 422 || !strings.Contains(r.body, "ít nhất một tệp") {
			t.Fatalf("empty supplement %d", r.code)
		}
		r = de.post(t, "/ho-so-cua-toi/"+token+"/bo-sung", map[string]string{"version": version}, []upFile{{"files", "mat-sau.html", "text/html", []byte("<html>")}}, nil)
		if r.code != 422 || !strings.Contains(r.body, "không đúng định dạng") {
			t.Fatalf("bad supplement %d", r.code)
		}
		r = de.post(t, "/ho-so-cua-toi/"+token+"/bo-sung", map[string]string{"version": version, "note": "Đã bổ sung mặt sau."},
			[]upFile{{"files", "mat-sau.png", "image/png", tinyPNG}, {"files", "ghi-chu.pdf", "application/pdf", minimalPDF}}, nil)
		if r.code != 303 || !strings.HasSuffix(r.hdr.Get("Location"), "?tb=bo-sung") {
			t.Fatalf("supplement %d %s", r.code, r.body)
		}
		var status, version2 int
		var paused *time.Time
		s.DB().QueryRow(`SELECT status, version, paused_at FROM dossiers`).Scan(&status, &version2, &paused)
		if status != 2 || paused != nil {
			t.Fatalf("after supplement: status %d paused %v", status, paused)
		}
		var nsup int
		s.DB().QueryRow(`SELECT COUNT(*) FROM dossier_files WHERE kind = 'supplement'`).Scan(&nsup)
		if nsup != 2 {
			t.Fatalf("%d supplement files", nsup)
		}
		my = de.fetch(t, "/ho-so-cua-toi/"+token+"?tb=bo-sung")
		mustContain(t, my, "Đã gửi hồ sơ bổ sung", "mat-sau.png", "Đã nhận hồ sơ bổ sung", "Đã bổ sung mặt sau.")
		// The same form again (stale version): refused.
		r = de.post(t, "/ho-so-cua-toi/"+token+"/bo-sung", map[string]string{"version": version}, []upFile{{"files", "lai.pdf", "application/pdf", minimalPDF}}, nil)
		if r.code != 409 {
			t.Fatalf("second supplement %d", r.code)
		}

		// Withdraw: confirmation required.
		v := regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(my.body)[1]
		r = de.post(t, "/ho-so-cua-toi/"+token+"/rut", map[string]string{"version": v}, nil, nil)
		if r.code != 422 || !strings.Contains(r.body, "đánh dấu ô xác nhận") {
			t.Fatalf("withdraw without confirm %d", r.code)
		}
		r = de.post(t, "/ho-so-cua-toi/"+token+"/rut", map[string]string{"version": v, "confirm": "1", "note": "Nộp nhầm thủ tục"}, nil, nil)
		if r.code != 303 {
			t.Fatalf("withdraw %d %s", r.code, r.body)
		}
		s.DB().QueryRow(`SELECT status FROM dossiers`).Scan(&status)
		if status != 7 {
			t.Fatalf("status %d after withdraw", status)
		}
		my = de.fetch(t, "/ho-so-cua-toi/"+token+"?tb=rut")
		mustContain(t, my, "Công dân rút hồ sơ", "Đã rút hồ sơ")
		if strings.Contains(my.body, `action="/ho-so-cua-toi/`+token+`/rut"`) {
			t.Error("withdraw offered again")
		}
		if r := de.post(t, "/ho-so-cua-toi/"+token+"/rut", map[string]string{"confirm": "1"}, nil, nil); r.code != 409 {
			t.Errorf("withdraw twice: %d", r.code)
		}
		if n := countRows(t, s, "dossier_events"); n != 4 {
			t.Errorf("%d events", n)
		}
	})
}

var _ = news.StatusPublished

// The result the office attached is downloadable through the private link
// only.
func TestPrivateResultDownload(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		token := de.submit(t, de.validForm())
		var id int64
		s.DB().QueryRow(`SELECT id FROM dossiers`).Scan(&id)
		dir := filepath.Join(de.dataDir, "dossiers", "2026", "11")
		os.MkdirAll(dir, 0o750)
		if err := os.WriteFile(filepath.Join(dir, "ketqua0001"), minimalPDF, 0o640); err != nil {
			t.Fatal(err)
		}
		q := `INSERT INTO dossier_files (dossier_id, kind, name, stored_name, mime, size, sha256, created_at) VALUES (?, 'result', 'ban-sao-trich-luc.pdf', '2026/11/ketqua0001', 'application/pdf', ?, '00', ?)`
		q2 := `UPDATE dossiers SET status = 9, result_file = '2026/11/ketqua0001' WHERE id = ?`
		if s.Dialect() == store.Postgres {
			q = `INSERT INTO dossier_files (dossier_id, kind, name, stored_name, mime, size, sha256, created_at) VALUES ($1, 'result', 'ban-sao-trich-luc.pdf', '2026/11/ketqua0001', 'application/pdf', $2, '00', $3)`
			q2 = `UPDATE dossiers SET status = 9, result_file = '2026/11/ketqua0001' WHERE id = $1`
		}
		if _, err := s.DB().Exec(q, id, len(minimalPDF), time.Now().UTC()); err != nil {
			t.Fatal(err)
		}
		if _, err := s.DB().Exec(q2, id); err != nil {
			t.Fatal(err)
		}
		my := de.fetch(t, "/ho-so-cua-toi/"+token)
		mustContain(t, my, "Kết quả giải quyết", "Tải kết quả: ban-sao-trich-luc.pdf", "Đã xử lý xong")
		if strings.Contains(my.body, "Rút hồ sơ</h2>") {
			t.Error("withdrawal offered for a finished dossier")
		}
		m := regexp.MustCompile(`href="(/ho-so-cua-toi/[^"]+/tep/\d+)">Tải kết quả`).FindStringSubmatch(my.body)
		if m == nil {
			t.Fatal("no result link")
		}
		dl := de.fetch(t, m[1])
		if dl.code != 200 || dl.body != string(minimalPDF) || !strings.Contains(dl.hdr.Get("Content-Disposition"), `attachment; filename=ban-sao-trich-luc.pdf`) {
			t.Fatalf("result download %d %v", dl.code, dl.hdr)
		}
		forged := strings.Repeat("B", 22) + strings.TrimPrefix(m[1], "/ho-so-cua-toi/"+token)
		if r := de.fetch(t, "/ho-so-cua-toi/"+forged); r.code != 404 {
			t.Fatalf("result through a forged token: %d", r.code)
		}
	})
}
