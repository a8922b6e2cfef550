package web_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func (e *env) token(t *testing.T, username string) string {
	t.Helper()
	u, err := e.st.UserByName(ctx, e.site.ID, username)
	if err != nil {
		t.Fatal(err)
	}
	secret, hash, _ := auth.NewSecret()
	if _, err := e.st.CreateToken(ctx, u.ID, "thử", hash); err != nil {
		t.Fatal(err)
	}
	return secret
}

func (e *env) api(t *testing.T, method, path, token, body string) (int, map[string]any) {
	t.Helper()
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	if body != "" {
		r.Header.Set("Content-Type", "application/json")
	}
	w := httptest.NewRecorder()
	e.srv.ServeHTTP(w, r)
	var out map[string]any
	b, _ := io.ReadAll(w.Body)
	if len(b) > 0 {
		if err := json.Unmarshal(b, &out); err != nil {
			t.Fatalf("%s %s: not JSON: %s", method, path, b)
		}
	}
	return w.Code, out
}

func errCode(m map[string]any) string {
	if e, ok := m["error"].(map[string]any); ok {
		return fmt.Sprint(e["code"])
	}
	return ""
}

func TestWriteAPI(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "bientap", auth.RoleEditor)
		e.addUser(t, "duyet", auth.RoleApprover)
		ed, ap := e.token(t, "bientap"), e.token(t, "duyet")

		if code, m := e.api(t, "POST", "/api/v1/articles", "", `{"title":"x"}`); code != 401 || errCode(m) != "unauthorized" {
			t.Fatalf("no token: %d %v", code, m)
		}
		if code, _ := e.api(t, "POST", "/api/v1/articles", "sai-ma", `{"title":"x"}`); code != 401 {
			t.Fatalf("bad token: %d", code)
		}
		if code, m := e.api(t, "POST", "/api/v1/articles", ed, `{"title":"x"`); code != 400 || errCode(m) != "bad_json" {
			t.Fatalf("bad json: %d %v", code, m)
		}
		if code, m := e.api(t, "POST", "/api/v1/articles", ed, `{"title":"","category":"khong-co"}`); code != 422 || errCode(m) != "validation" {
			t.Fatalf("validation: %d %v", code, m)
		} else if f := m["error"].(map[string]any)["fields"].(map[string]any); f["title"] == nil || f["category"] == nil {
			t.Fatalf("per-field messages: %v", f)
		}
		big := `{"title":"` + strings.Repeat("a", 3<<20) + `"}`
		if code, _ := e.api(t, "POST", "/api/v1/articles", ed, big); code != 413 {
			t.Fatalf("too large: %d", code)
		}
		// An editor creates and submits; publishing is refused.
		code, m := e.api(t, "POST", "/api/v1/articles", ed, `{"title":"Thông báo lịch tiếp công dân","category":"cai-cach-hanh-chinh","body_html":"<p>Nội dung<script>alert(1)</script></p>","status":"pending"}`)
		if code != 201 || m["status"] != "pending" || strings.Contains(fmt.Sprint(m["body_html"]), "script") {
			t.Fatalf("create: %d %v", code, m)
		}
		id := int64(m["id"].(float64))
		v := int(m["version"].(float64))
		if code, m := e.api(t, "PUT", fmt.Sprintf("/api/v1/articles/%d", id), ed, fmt.Sprintf(`{"title":"Đổi","category":"cai-cach-hanh-chinh","version":%d}`, v)); code != 403 || errCode(m) != "forbidden" {
			t.Fatalf("editor edits a submitted article: %d %v", code, m)
		}
		if code, _ := e.api(t, "POST", "/api/v1/articles", ed, `{"title":"Tự xuất bản","category":"cai-cach-hanh-chinh","status":"published"}`); code != 403 {
			t.Fatalf("editor publishes via API: %d", code)
		}
		// Stale version: 409.
		if code, m := e.api(t, "PUT", fmt.Sprintf("/api/v1/articles/%d", id), ap, fmt.Sprintf(`{"title":"x","category":"cai-cach-hanh-chinh","version":%d}`, v-1+5)); code != 409 || errCode(m) != "conflict" {
			t.Fatalf("stale: %d %v", code, m)
		}
		// The approver publishes; it is public at once.
		code, m = e.api(t, "PUT", fmt.Sprintf("/api/v1/articles/%d", id), ap, fmt.Sprintf(`{"title":"Thông báo lịch tiếp công dân tháng 12","category":"cai-cach-hanh-chinh","body_html":"<p>Nội dung</p>","status":"published","version":%d}`, v))
		if code != 200 || m["status"] != "published" {
			t.Fatalf("publish: %d %v", code, m)
		}
		if r := e.get(fmt.Sprint(m["url"])[len("https://cong.example.vn"):]); r.code != 200 || !strings.Contains(r.body, "tháng 12") {
			t.Fatalf("public page %d", r.code)
		}
		if code, _ := e.api(t, "GET", fmt.Sprintf("/api/v1/articles/%d", id), "", ""); code != 200 {
			t.Fatalf("read back %d", code)
		}
		// Delete = recycle bin; an editor may not trash a published article.
		if code, _ := e.api(t, "DELETE", fmt.Sprintf("/api/v1/articles/%d", id), ed, ""); code != 403 {
			t.Fatalf("editor delete: %d", code)
		}
		if code, _ := e.api(t, "DELETE", fmt.Sprintf("/api/v1/articles/%d", id), ap, ""); code != 204 {
			t.Fatalf("delete: %d", code)
		}
		if code, _ := e.api(t, "GET", fmt.Sprintf("/api/v1/articles/%d", id), "", ""); code != 404 {
			t.Fatalf("trashed still public: %d", code)
		}
		// A revoked token stops working.
		toks, _ := s.Tokens(ctx, mustUser(t, s, e, "duyet"))
		if !toks[0].LastUsedAt.Valid {
			t.Error("last use of the token not recorded")
		}
		s.RevokeToken(ctx, toks[0].ID)
		if code, _ := e.api(t, "POST", "/api/v1/articles", ap, `{"title":"x","category":"cai-cach-hanh-chinh"}`); code != 401 {
			t.Fatalf("revoked token: %d", code)
		}
		if code, _ := e.api(t, "POST", "/api/v1/articles", ed, `{"title":"x","category":"cai-cach-hanh-chinh"}`); code != http.StatusCreated {
			t.Fatalf("other token still works: %d", code)
		}
	})
}

func mustUser(t *testing.T, s *store.Store, e *env, name string) int64 {
	u, err := s.UserByName(ctx, e.site.ID, name)
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}
