package web_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// watchedBody serves a request body and notes whether the handler read
// past offset mark before it had written any of its answer.
type watchedBody struct {
	r         *bytes.Reader
	mark      int64
	rec       *httptest.ResponseRecorder
	readEarly bool // read past mark with no answer written yet
	pos       int64
}

func (b *watchedBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.pos += int64(n)
	if b.pos > b.mark && b.rec.Body.Len() == 0 {
		b.readEarly = true
	}
	return n, err
}

// serveWatched posts a multipart body straight to the handler, watching
// how far it reads before answering.
func (de *deskEnv) serveWatched(t *testing.T, path, ct string, body []byte, mark int64) (*httptest.ResponseRecorder, *watchedBody) {
	t.Helper()
	rec := httptest.NewRecorder()
	wb := &watchedBody{r: bytes.NewReader(body), mark: mark, rec: rec}
	req := httptest.NewRequest("POST", path, io.NopCloser(wb))
	req.Header.Set("Content-Type", ct)
	req.ContentLength = int64(len(body))
	de.srv.ServeHTTP(rec, req)
	return rec, wb
}

// The form's text fields are checked before any file is read: a wrong
// field is answered while the files are still unread (the rest of the body
// is dropped afterwards so the browser sees the page), and a file over its
// cap is answered as soon as the cap is crossed. Before, the whole body
// (up to 51 MB) was parsed first, files kept in memory.
func TestSubmitReadsFieldsBeforeFiles(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		path := "/nop-ho-so/" + de.proc.Slug
		big := bytes.Repeat([]byte("x"), 8<<20)
		withPDF := append(append([]byte{}, minimalPDF...), big...)

		// A wrong field no longer refuses before the files are read: the
		// browser sends them anyway, and the valid ones are kept for the
		// corrected form (submit_pending.go).
		t.Run("bad field, file kept", func(t *testing.T) {
			f := de.validForm()
			f["id_number"] = "0011900123"
			ct, body := multipartOf(f, []upFile{{de.fileField(0), "to-khai.pdf", "application/pdf", withPDF}})
			rec, _ := de.serveWatched(t, path, ct, body, int64(len(body)))
			if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "đúng 12 chữ số") ||
				!strings.Contains(rec.Body.String(), "Đã có tệp: <strong>to-khai.pdf</strong>") {
				t.Fatalf("bad id number: %d\n%.500s", rec.Code, rec.Body.String())
			}
		})
		t.Run("file over its cap answered at once", func(t *testing.T) {
			huge := append(append([]byte{}, minimalPDF...), bytes.Repeat([]byte("y"), 11<<20)...)
			ct, body := multipartOf(de.validForm(), []upFile{{de.fileField(0), "to-khai.pdf", "application/pdf", huge},
				{de.fileField(1), "uy-quyen.pdf", "application/pdf", withPDF}})
			rec, wb := de.serveWatched(t, path, ct, body, 10<<20+1<<20)
			if rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), "quá lớn") {
				t.Fatalf("file over 10 MB: %d\n%.500s", rec.Code, rec.Body.String())
			}
			if wb.readEarly {
				t.Error("the body past the oversized file was read before the answer")
			}
		})
		t.Run("files before fields still accepted", func(t *testing.T) {
			// An API client (or a page opened before the fields were moved
			// first) may send files first: they are spooled, the fields
			// checked at the end.
			var buf bytes.Buffer
			ct, files := multipartOf(nil, de.validFiles())
			_, fields := multipartOf(de.validForm(), nil)
			boundary := ct[strings.Index(ct, "boundary=")+len("boundary="):]
			fb := fields[:bytes.LastIndex(fields, []byte("--"+boundaryOf(fields)+"--"))]
			buf.Write(files[:bytes.LastIndex(files, []byte("--"+boundary+"--"))])
			buf.Write(bytes.ReplaceAll(fb, []byte(boundaryOf(fields)), []byte(boundary)))
			buf.WriteString("--" + boundary + "--\r\n")
			rec, _ := de.serveWatched(t, path, ct, buf.Bytes(), int64(buf.Len()))
			if rec.Code != http.StatusSeeOther {
				t.Fatalf("files first: %d\n%.800s", rec.Code, rec.Body.String())
			}
		})
		// Nothing is left in the temporary folder, and the accepted files
		// are in place with their content.
		left, _ := filepath.Glob(filepath.Join(de.dataDir, "tmp", "*"))
		if len(left) != 0 {
			t.Errorf("temporary files left behind: %v", left)
		}
		stored, _ := filepath.Glob(filepath.Join(de.dataDir, "dossiers", "*", "*", "*"))
		found := false
		for _, name := range stored {
			if b, err := os.ReadFile(name); err == nil && bytes.Equal(b, minimalPDF) {
				found = true
			}
		}
		if !found {
			t.Errorf("the accepted PDF is not stored whole: %v", stored)
		}
	})
}

func boundaryOf(body []byte) string {
	line := body[2:bytes.IndexByte(body, '\r')]
	return string(line)
}

// Every unsafe route has a body cap: one that takes no file refuses a body
// over 4 MB with 413 (Vietnamese page, or JSON under /api/) before reading
// it. Before, the login form read up to Go's 10 MB default and the JSON
// API decoded before looking.
func TestBodyCapOnPlainRoutes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		for _, c := range []struct{ path, ct, want string }{
			{"/dang-nhap", "application/x-www-form-urlencoded", "quá lớn"},
			{"/hoi-dap/dat-cau-hoi", "application/x-www-form-urlencoded", "quá lớn"},
			{"/api/v1/articles", "application/json", `"too_large"`},
		} {
			body := strings.Repeat("a", 5<<20)
			req, _ := http.NewRequest("POST", de.http.URL+c.path, strings.NewReader(body))
			req.Header.Set("Content-Type", c.ct)
			r, err := de.client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(r.Body)
			r.Body.Close()
			if r.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(b), c.want) {
				t.Errorf("POST %s with 5 MB: %d\n%.300s", c.path, r.StatusCode, b)
			}
		}
	})
}
