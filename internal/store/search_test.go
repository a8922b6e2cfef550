package store_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/viet"
)

// Past the cap, a search lists the newest matches only and says there are
// more; pages beyond the cap are empty rather than an error.
func TestSearchCap(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		st := site(t, s)
		for i := 0; i < 7; i++ {
			a := &news.Article{SiteID: st.ID, Title: fmt.Sprintf("Tiếp công dân kỳ %d", i), Status: news.StatusPublished,
				PublishedAt: time.Date(2026, 3, 1+i, 8, 0, 0, 0, time.UTC)}
			if err := s.SaveArticle(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		q, _ := viet.ParseQuery("tiếp công dân")
		s.SetSearchCap(5)
		res, err := s.Search(ctx, st.ID, q, 3, 0)
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 5 || !res.More || len(res.Items) != 3 || res.Items[0].Title != "Tiếp công dân kỳ 6" {
			t.Fatalf("capped search: total %d more %v items %d first %q", res.Total, res.More, len(res.Items), res.Items[0].Title)
		}
		res, err = s.Search(ctx, st.ID, q, 3, 3)
		if err != nil || len(res.Items) != 2 || res.Items[1].Title != "Tiếp công dân kỳ 2" {
			t.Fatalf("second page: %+v %v", res.Items, err)
		}
		if res, err = s.Search(ctx, st.ID, q, 3, 6); err != nil || len(res.Items) != 0 {
			t.Fatalf("past the cap: %+v %v", res.Items, err)
		}
		s.SetSearchCap(7)
		if res, err = s.Search(ctx, st.ID, q, 3, 0); err != nil || res.Total != 7 || res.More {
			t.Fatalf("at the cap: total %d more %v %v", res.Total, res.More, err)
		}
	})
}

// Migration 15 rebuilds the SQLite full-text index from the articles
// already there: an upgraded portal finds its old articles.
func TestSearchIndexRebuiltByMigration(t *testing.T) {
	s := testdb.Open(t, "sqlite")
	st := site(t, s)
	a := &news.Article{SiteID: st.ID, Title: "Hội nghị tổng kết", BodyHTML: "<p>Đẩy mạnh chuyển đổi số.</p>", Status: news.StatusPublished,
		PublishedAt: time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)}
	if err := s.SaveArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	// Back to the schema before 15: its index is empty of this article.
	for _, q := range []string{
		`DROP TABLE article_search`, `DROP INDEX articles_search_rank`,
		`CREATE VIRTUAL TABLE article_fts USING fts5 (body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0')`,
		`DELETE FROM schema_migrations WHERE version = 15`,
	} {
		if _, err := s.DB().Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	for _, raw := range []string{"chuyen doi so", "chuyển đổi số", "HỘI NGHỊ"} {
		q, _ := viet.ParseQuery(raw)
		res, err := s.Search(ctx, st.ID, q, 10, 0)
		if err != nil || len(res.Items) != 1 || res.Items[0].ID != a.ID {
			t.Fatalf("%q after migration: %+v %v", raw, res.Items, err)
		}
	}
}
