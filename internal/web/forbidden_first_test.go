package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// 403 before 409 in the newsroom and the document library: another
// editor acting on an editor's article or document is refused as
// forbidden, even with a stale version or a state the action does not
// apply to. These answered 409 and so told a stranger the item's state.
func TestForbiddenBeforeConflict(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "bientap", auth.RoleEditor)
		e.addUser(t, "bientap2", auth.RoleEditor)
		ed := e.browser(t)
		ed.login("bientap")
		ed.get("/quan-tri/bai-viet/moi")
		cat := fmt.Sprint(e.cat.ID)
		r := ed.post("/quan-tri/bai-viet", url.Values{"title": {"Bài của biên tập viên thứ nhất"}, "category": {cat}, "body": {"<p>Nội dung</p>"}})
		id := idFromLocation(t, r)

		ed2 := e.browser(t)
		ed2.login("bientap2")
		ed2.get("/quan-tri")
		for _, c := range []struct {
			action string
			form   url.Values
		}{
			{"gui-duyet", url.Values{"version": {"99"}}}, // stale form
			{"khoi-phuc", nil},                           // a draft is not in the bin
			{"go", nil},                                  // nor published
		} {
			if r := ed2.post("/quan-tri/bai-viet/"+id+"/"+c.action, c.form); r.code != http.StatusForbidden {
				t.Errorf("other editor %s: %d, want 403", c.action, r.code)
			}
		}
		// The author with a stale form still hears it is stale.
		ed.get("/quan-tri/bai-viet/" + id)
		if r := ed.post("/quan-tri/bai-viet/"+id+"/gui-duyet", url.Values{"version": {"99"}}); r.code != http.StatusConflict {
			t.Errorf("author stale submit: %d, want 409", r.code)
		}

		// The API: another editor's token with a stale version.
		tok2 := e.token(t, "bientap2")
		if code, m := e.api(t, "PUT", "/api/v1/articles/"+id, tok2, `{"title":"Sửa trộm","category":"cai-cach-hanh-chinh","version":99}`); code != http.StatusForbidden {
			t.Errorf("API other editor stale update: %d %v, want 403", code, m)
		}

		// Documents.
		ed.get("/quan-tri/van-ban/moi")
		r = ed.postDoc("/quan-tri/van-ban", docForm("07-NQ/TU", "2021-01-21"), nil)
		m := docIDRE.FindStringSubmatch(r.hdr.Get("Location"))
		if r.code != http.StatusSeeOther || m == nil {
			t.Fatalf("create document: %d", r.code)
		}
		ed2.get("/quan-tri/van-ban")
		for _, c := range []struct {
			action string
			form   url.Values
		}{
			{"gui", url.Values{"version": {"99"}}},
			{"khoi-phuc", nil},
			{"thung-rac", url.Values{"version": {"99"}}},
		} {
			if r := ed2.post("/quan-tri/van-ban/"+m[1]+"/"+c.action, c.form); r.code != http.StatusForbidden {
				t.Errorf("other editor document %s: %d, want 403", c.action, r.code)
			}
		}
	})
}
