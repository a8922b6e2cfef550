package web_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// The machine-readable description and the page for people are both
// served, and the page lists every documented operation without loading
// any script.
func TestAPIDocServed(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		r := e.get("/api/v1/openapi.json")
		if r.code != 200 || !strings.HasPrefix(r.hdr.Get("Content-Type"), "application/json") {
			t.Fatalf("openapi.json: %d %q", r.code, r.hdr.Get("Content-Type"))
		}
		var doc struct {
			OpenAPI string                                `json:"openapi"`
			Paths   map[string]map[string]json.RawMessage `json:"paths"`
		}
		if err := json.Unmarshal([]byte(r.body), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.OpenAPI != "3.1.0" || len(doc.Paths) < 15 {
			t.Fatalf("openapi %q with %d paths", doc.OpenAPI, len(doc.Paths))
		}
		p := e.get("/api")
		if p.code != 200 || !strings.HasPrefix(p.hdr.Get("Content-Type"), "text/html") {
			t.Fatalf("/api: %d %q", p.code, p.hdr.Get("Content-Type"))
		}
		for path, ops := range doc.Paths {
			for m := range ops {
				if want := "<code>" + strings.ToUpper(m) + " " + path + "</code>"; !strings.Contains(p.body, want) {
					t.Errorf("/api does not show %s", want)
				}
			}
		}
		mustContain(t, p, "Tài liệu API", `href="/api/v1/openapi.json"`, "Authorization: Bearer", "per_page", "Cổng thông tin điện tử huyện Thử Nghiệm")
		if strings.Contains(p.body, "<script src=\"http") {
			t.Error("/api loads an external script")
		}
	})
}
