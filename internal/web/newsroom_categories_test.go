package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func TestCategoriesAdmin(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		a := e.adminBrowser(t)
		wantCode(t, "list", a.get("/quan-tri/chuyen-muc"), http.StatusOK, "Chuyên mục", "Cải cách hành chính", "/chuyen-muc/cai-cach-hanh-chinh", "<td>20</td>", "Thêm chuyên mục")
		e.get("/") // warm the page cache

		// Validation: name required, slug checked with viet.Slug, position a number.
		wantCode(t, "no name", a.post("/quan-tri/chuyen-muc", url.Values{"name": {""}, "description": {"Mô tả giữ lại"}}), http.StatusUnprocessableEntity,
			"Vui lòng nhập tên chuyên mục.", "Mô tả giữ lại")
		wantCode(t, "bad slug", a.post("/quan-tri/chuyen-muc", url.Values{"name": {"Thông báo"}, "slug": {"Thông Báo!"}}), http.StatusUnprocessableEntity,
			"Đường dẫn chỉ gồm chữ thường không dấu", "Gợi ý: thong-bao.")
		wantCode(t, "bad position", a.post("/quan-tri/chuyen-muc", url.Values{"name": {"Thông báo"}, "position": {"đầu tiên"}}), http.StatusUnprocessableEntity,
			"Thứ tự phải là một số nguyên")
		wantCode(t, "taken slug", a.post("/quan-tri/chuyen-muc", url.Values{"name": {"Cải cách hành chính"}}), http.StatusUnprocessableEntity,
			"đã được dùng cho chuyên mục khác")
		wantCode(t, "bad parent", a.post("/quan-tri/chuyen-muc", url.Values{"name": {"Thông báo"}, "parent": {"99999"}}), http.StatusUnprocessableEntity,
			"Chuyên mục cha không hợp lệ")
		noCSRF := url.Values{"name": {"Thông báo"}, "csrf": {""}}
		wantCode(t, "no csrf", a.post("/quan-tri/chuyen-muc", noCSRF), http.StatusForbidden, "mã chống giả mạo")
		if _, err := s.CategoryBySlug(ctx, e.site.ID, "thong-bao"); err == nil {
			t.Fatal("a refused form created the category")
		}

		// Create: the slug comes from the name; the menu shows it at once.
		r := a.post("/quan-tri/chuyen-muc", url.Values{"name": {"Thông báo"}, "position": {"2"}, "description": {"Thông báo của UBND"}})
		if r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/quan-tri/chuyen-muc?tb=tao-chuyen-muc" {
			t.Fatalf("create: %d %.300s", r.code, r.body)
		}
		c, err := s.CategoryBySlug(ctx, e.site.ID, "thong-bao")
		if err != nil || c.Position != 2 || c.Description != "Thông báo của UBND" {
			t.Fatalf("created: %+v %v", c, err)
		}
		if home := e.get("/"); !strings.Contains(home.body, `href="/chuyen-muc/thong-bao"`) {
			t.Fatal("new category not in the public menu")
		}
		wantCode(t, "public", e.get("/chuyen-muc/thong-bao"), http.StatusOK, "Thông báo")
		id := fmt.Sprint(c.ID)

		// Edit: under "Cải cách hành chính", new slug; the old address is gone.
		wantCode(t, "edit form", a.get("/quan-tri/chuyen-muc/"+id), http.StatusOK, "Sửa chuyên mục Thông báo", `value="thong-bao"`, "Xóa chuyên mục “Thông báo”")
		r = a.post("/quan-tri/chuyen-muc/"+id, url.Values{"name": {"Thông báo khẩn"}, "slug": {"thong-bao-khan"}, "parent": {fmt.Sprint(e.cat.ID)}, "position": {"1"}})
		wantCode(t, "save", r, http.StatusSeeOther)
		c, _ = s.CategoryByID(ctx, e.site.ID, c.ID)
		if c.Name != "Thông báo khẩn" || c.Slug != "thong-bao-khan" || c.ParentID != e.cat.ID || c.Position != 1 {
			t.Fatalf("saved: %+v", c)
		}
		if r := e.get("/chuyen-muc/thong-bao"); r.code != http.StatusNotFound {
			t.Errorf("old slug: %d", r.code)
		}
		wantCode(t, "new slug", e.get("/chuyen-muc/thong-bao-khan"), http.StatusOK, "Thông báo khẩn")
		list := a.get("/quan-tri/chuyen-muc")
		if !regexp.MustCompile(`Cải cách hành chính</a>.*\n.*— <a href="/quan-tri/chuyen-muc/` + id + `">Thông báo khẩn`).MatchString(list.body) {
			t.Errorf("the child is not listed under its parent:\n%s", list.body)
		}
		// No cycles: a category cannot go under itself or its child.
		wantCode(t, "self parent", a.post("/quan-tri/chuyen-muc/"+id, url.Values{"name": {"Thông báo khẩn"}, "parent": {id}}), http.StatusUnprocessableEntity, "Chuyên mục cha không hợp lệ")
		wantCode(t, "cycle", a.post(fmt.Sprintf("/quan-tri/chuyen-muc/%d", e.cat.ID), url.Values{"name": {"Cải cách hành chính"}, "parent": {id}}), http.StatusUnprocessableEntity, "Chuyên mục cha không hợp lệ")
		// Another category's slug.
		wantCode(t, "slug taken", a.post("/quan-tri/chuyen-muc/"+id, url.Values{"name": {"Thông báo khẩn"}, "slug": {"cai-cach-hanh-chinh"}}), http.StatusUnprocessableEntity, "đã được dùng cho chuyên mục khác")

		// Delete: refused while there are articles or subcategories.
		r = a.post(fmt.Sprintf("/quan-tri/chuyen-muc/%d/xoa", e.cat.ID), nil)
		wantCode(t, "delete non-empty", r, http.StatusConflict, "Không thể xóa chuyên mục “Cải cách hành chính” vì còn 20 bài viết", "1 chuyên mục con")
		if _, err := s.CategoryByID(ctx, e.site.ID, e.cat.ID); err != nil {
			t.Fatal("a non-empty category was deleted")
		}
		// An article in the recycle bin still counts.
		e.arts[0].CategoryID = c.ID
		e.arts[0].Status = "trash"
		if err := s.SaveArticle(ctx, e.arts[0]); err != nil {
			t.Fatal(err)
		}
		wantCode(t, "delete with trash", a.post("/quan-tri/chuyen-muc/"+id+"/xoa", nil), http.StatusConflict, "còn 1 bài viết (kể cả bài nháp và trong thùng rác)")
		e.arts[0].CategoryID = e.cat.ID
		s.SaveArticle(ctx, e.arts[0])
		// Empty: deleted, gone from the menu.
		e.get("/")
		wantCode(t, "delete", a.post("/quan-tri/chuyen-muc/"+id+"/xoa", nil), http.StatusSeeOther)
		if _, err := s.CategoryByID(ctx, e.site.ID, c.ID); err == nil {
			t.Fatal("not deleted")
		}
		if home := e.get("/"); strings.Contains(home.body, "thong-bao-khan") {
			t.Error("deleted category still in the menu")
		}
		if r := a.get("/quan-tri/chuyen-muc/" + id); r.code != http.StatusNotFound {
			t.Errorf("deleted category's page: %d", r.code)
		}
		got := auditActions(t, s, e.site.ID)
		for _, want := range []string{"category.create", "category.update", "category.delete"} {
			if !strings.Contains(got, ","+want+",") {
				t.Errorf("audit lacks %s", want)
			}
		}
	})
}
