package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func (e *env) apiDocFile(t *testing.T, token, path, name string, data []byte) (int, map[string]any) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	w, _ := mw.CreateFormFile("file", name)
	w.Write(data)
	mw.Close()
	r := httptest.NewRequest("POST", path, &buf)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	r.Header.Set("Authorization", "Bearer "+token)
	rec := httptest.NewRecorder()
	e.srv.ServeHTTP(rec, r)
	var out map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
		t.Fatalf("not JSON (%d): %s", rec.Code, rec.Body.String())
	}
	return rec.Code, out
}

func TestDocumentsWriteAPI(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "bientap", auth.RoleEditor)
		e.addUser(t, "duyet", auth.RoleApprover)
		ed, ap := e.token(t, "bientap"), e.token(t, "duyet")
		body := `{"number":"436-KL/TU","type":"Kết luận","issuer":"Tỉnh ủy Thử Nghiệm","abstract":"Về công tác cán bộ","issue_date":"02/03/2023","status":"published"}`
		// No token; an editor cannot publish.
		if code, _ := e.api(t, "POST", "/api/v1/documents", "", body); code != 401 {
			t.Fatalf("no token: %d", code)
		}
		if code, out := e.api(t, "POST", "/api/v1/documents", ed, body); code != 403 {
			t.Fatalf("editor publish: %d %v", code, out)
		}
		// Validation: per-field messages.
		code, out := e.api(t, "POST", "/api/v1/documents", ed, `{"number":"","type":"Khác lạ","issuer":"x","abstract":"a","issue_date":"2023-03-02","effective_date":"2023-03-01"}`)
		fields, _ := out["error"].(map[string]any)["fields"].(map[string]any)
		if code != 422 || fields["number"] == nil || fields["type"] == nil || fields["effective_date"] == nil {
			t.Fatalf("validation: %d %v", code, out)
		}
		code, out = e.api(t, "POST", "/api/v1/documents", ap, body)
		if code != 201 || out["status"] != "published" || out["number"] != "436-KL/TU" {
			t.Fatalf("create: %d %v", code, out)
		}
		id := fmt.Sprint(out["id"])
		// Duplicate: 409 naming the field.
		code, out = e.api(t, "POST", "/api/v1/documents", ap, strings.Replace(body, "436-KL/TU", "436 – KL/TU", 1))
		if code != 409 || out["error"].(map[string]any)["fields"].(map[string]any)["number"] == nil {
			t.Fatalf("duplicate: %d %v", code, out)
		}
		// Files: a real PDF is attached; a disguised one is refused.
		if code, out := e.apiDocFile(t, ap, "/api/v1/documents/"+id+"/files", "kl.pdf", []byte("<html>not a pdf</html>")); code != 415 || out["error"].(map[string]any)["code"] != "unsupported_media_type" {
			t.Fatalf("disguised: %d %v", code, out)
		}
		// A PDF/HTML polyglot: a PDF to the sniffer, a page to a browser.
		polyglot := append([]byte("%PDF-1.4\n%<html><body><script>alert(document.cookie)</script>\n"), testPDF[9:]...)
		if code, out := e.apiDocFile(t, ap, "/api/v1/documents/"+id+"/files", "kl.pdf", polyglot); code != 415 || out["error"].(map[string]any)["code"] != "unsupported_media_type" {
			t.Fatalf("polyglot: %d %v", code, out)
		}
		code, out = e.apiDocFile(t, ap, "/api/v1/documents/"+id+"/files", "Kết luận 436.pdf", testPDF)
		if code != 201 || len(out["files"].([]any)) != 1 {
			t.Fatalf("attach: %d %v", code, out)
		}
		// Update needs the version read.
		if code, _ := e.api(t, "PUT", "/api/v1/documents/"+id, ap, body); code != 422 {
			t.Fatalf("update without version: %d", code)
		}
		upd := strings.Replace(body, `"status":"published"`, `"status":"published","version":1`, 1)
		if code, _ := e.api(t, "PUT", "/api/v1/documents/"+id, ap, upd); code != 409 {
			t.Fatalf("stale version: %d", code)
		}
		upd = strings.Replace(upd, `"version":1`, fmt.Sprintf(`"version":%v`, out["version"]), 1)
		upd = strings.Replace(upd, "Về công tác cán bộ", "Về công tác cán bộ năm 2023", 1)
		if code, out := e.api(t, "PUT", "/api/v1/documents/"+id, ap, upd); code != 200 || out["abstract"] != "Về công tác cán bộ năm 2023" {
			t.Fatalf("update: %d %v", code, out)
		}
		if r := e.get("/api/v1/documents/" + id); r.code != 200 || !strings.Contains(r.body, "năm 2023") {
			t.Fatalf("public read: %d", r.code)
		}
		// Delete = trash: gone from the public side.
		if code, _ := e.api(t, "DELETE", "/api/v1/documents/"+id, ed, ""); code != 403 {
			t.Fatalf("editor deletes a published document: %d", code)
		}
		if code, _ := e.api(t, "DELETE", "/api/v1/documents/"+id, ap, ""); code != 204 {
			t.Fatalf("delete: %d", code)
		}
		if r := e.get("/api/v1/documents/" + id); r.code != 404 {
			t.Fatalf("trashed still public: %d", r.code)
		}
	})
}
