package web

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// TestShareUpward: commune B proposes an article to the province, the
// province's approver accepts it, and the province shows the one source row
// with the commune named and a canonical link to the original; an edit at
// the source shows through, withdrawal and unpublishing remove it.
func TestShareUpward(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		p := newProvince(t, st)
		prov, com := p.a.Host, p.b.Host
		w := p.do("POST", com, "/api/v1/articles", p.tokens[com], `{"title":"Xã Bê khánh thành cầu mới","body_html":"<p>Cầu dài 50 m</p>","category":"tin-tuc","status":"published"}`)
		if w.Code != 201 && w.Code != 200 {
			t.Fatalf("publish: %d %s", w.Code, w.Body.String())
		}
		var art struct {
			ID   int64  `json:"id"`
			Slug string `json:"slug"`
		}
		if err := json.Unmarshal(w.Body.Bytes(), &art); err != nil || art.ID == 0 {
			t.Fatalf("publish answer: %s", w.Body.String())
		}
		share := fmt.Sprintf("/api/v1/articles/%d/share", art.ID)
		canonical := `<link rel="canonical" href="https://` + com + `/bai-viet/` + art.Slug + `">`
		shown := func(title string) bool {
			home := p.do("GET", prov, "/", "", "").Body.String()
			return strings.Contains(home, title)
		}

		// The province itself has no parent: nothing to share to.
		own := p.do("POST", prov, "/api/v1/articles", p.tokens[prov], `{"title":"Tin tỉnh","body_html":"<p>x</p>","category":"tin-tuc","status":"published"}`)
		var ownArt struct {
			ID int64 `json:"id"`
		}
		_ = json.Unmarshal(own.Body.Bytes(), &ownArt)
		if w := p.do("POST", prov, fmt.Sprintf("/api/v1/articles/%d/share", ownArt.ID), p.tokens[prov], ""); w.Code != 422 || !strings.Contains(w.Body.String(), "no_parent") {
			t.Errorf("province proposes upward: %d %s", w.Code, w.Body.String())
		}
		// Proposing another site's article by id: 404.
		if w := p.do("POST", com, fmt.Sprintf("/api/v1/articles/%d/share", ownArt.ID), p.tokens[com], ""); w.Code != 404 {
			t.Errorf("commune proposes the province's article: %d", w.Code)
		}

		if w := p.do("POST", com, share, p.tokens[com], ""); w.Code != 202 {
			t.Fatalf("propose: %d %s", w.Code, w.Body.String())
		}
		if shown("Xã Bê khánh thành") {
			t.Error("a proposal not yet accepted is on the province home")
		}
		if w := p.do("GET", prov, "/bai-viet/"+art.Slug, "", ""); w.Code != 404 {
			t.Errorf("proposed article on the province host: %d", w.Code)
		}
		list := p.do("GET", prov, "/api/v1/shares", p.tokens[prov], "").Body.String()
		if !strings.Contains(list, `"source_host":"`+com+`"`) || !strings.Contains(list, "Xã Bê khánh thành") {
			t.Errorf("province's proposals: %s", list)
		}
		// The commune's approver cannot accept on its own site what was
		// proposed to the province.
		if w := p.do("POST", com, fmt.Sprintf("/api/v1/shares/%d/accept", art.ID), p.tokens[com], ""); w.Code != 404 {
			t.Errorf("commune accepts its own proposal: %d", w.Code)
		}
		if w := p.do("POST", prov, fmt.Sprintf("/api/v1/shares/%d/accept", art.ID), p.tokens[prov], ""); w.Code != 200 {
			t.Fatalf("accept: %d %s", w.Code, w.Body.String())
		}
		if w := p.do("POST", prov, fmt.Sprintf("/api/v1/shares/%d/refuse", art.ID), p.tokens[prov], ""); w.Code != 404 {
			t.Errorf("deciding twice: %d", w.Code)
		}
		home := p.do("GET", prov, "/", "", "").Body.String()
		if !strings.Contains(home, "Xã Bê khánh thành") || !strings.Contains(home, "Tin cơ sở – "+p.b.Name) {
			t.Errorf("accepted article not on the province home with its source named")
		}
		w = p.do("GET", prov, "/bai-viet/"+art.Slug, "", "")
		if w.Code != 200 || !strings.Contains(w.Body.String(), canonical) || !strings.Contains(w.Body.String(), "Tin cơ sở của "+p.b.Name) {
			t.Errorf("shared article on the province: %d, canonical %v", w.Code, strings.Contains(w.Body.String(), canonical))
		}
		if feed := p.do("GET", prov, "/rss.xml", "", "").Body.String(); !strings.Contains(feed, "https://"+com+"/bai-viet/"+art.Slug) {
			t.Error("province feed lacks the shared article at its source address")
		}
		// Commune C does not see B's article.
		if w := p.do("GET", p.c2.Host, "/bai-viet/"+art.Slug, "", ""); w.Code != 404 {
			t.Errorf("shared article on a sibling commune: %d", w.Code)
		}

		version := func() int {
			a, err := st.Article(context.Background(), p.b.ID, art.ID)
			if err != nil {
				t.Fatal(err)
			}
			return a.Version
		}
		// An edit at the source flows through, past the province's page cache.
		if w := p.do("PUT", com, fmt.Sprintf("/api/v1/articles/%d", art.ID), p.tokens[com], fmt.Sprintf(`{"title":"Xã Bê khánh thành cầu Bến Đá","body_html":"<p>Cầu dài 50 m</p>","category":"tin-tuc","status":"published","version":%d}`, version())); w.Code != 200 {
			t.Fatalf("edit at source: %d %s", w.Code, w.Body.String())
		}
		if !shown("cầu Bến Đá") {
			t.Error("the source's edit does not show on the province")
		}

		// Withdrawal removes it.
		if w := p.do("DELETE", com, share, p.tokens[com], ""); w.Code != 204 {
			t.Fatalf("withdraw: %d %s", w.Code, w.Body.String())
		}
		if shown("cầu Bến Đá") {
			t.Error("withdrawn article still on the province home")
		}
		if w := p.do("GET", prov, "/bai-viet/"+art.Slug, "", ""); w.Code != 404 {
			t.Errorf("withdrawn article on the province host: %d", w.Code)
		}

		// Proposed again and accepted, then taken down at the source: gone.
		p.do("POST", com, share, p.tokens[com], "")
		p.do("POST", prov, fmt.Sprintf("/api/v1/shares/%d/accept", art.ID), p.tokens[prov], "")
		if !shown("cầu Bến Đá") {
			t.Fatal("re-accepted article not shown")
		}
		if w := p.do("DELETE", com, fmt.Sprintf("/api/v1/articles/%d", art.ID), p.tokens[com], ""); w.Code != 204 {
			t.Fatalf("unpublish at source: %d %s", w.Code, w.Body.String())
		}
		if shown("cầu Bến Đá") {
			t.Error("article unpublished at the source still on the province home")
		}

		var n int
		if err := st.DB().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE action IN ('article.share_propose', 'article.share_accept', 'article.share_withdraw')`).Scan(&n); err != nil || n != 5 {
			t.Errorf("audit entries: %d (%v), want 5", n, err)
		}
	})
}
