package synth_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/synth"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/viet"
)

var ctx = context.Background()

func setup(t *testing.T, n int, seed int64) (*store.Store, news.Site) {
	t.Helper()
	st := testdb.Open(t, "sqlite")
	site, err := st.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng thử nghiệm"})
	if err != nil {
		t.Fatal(err)
	}
	var batches int
	err = synth.GenerateWith(ctx, st, site.ID, synth.Options{Articles: n, Seed: seed, BatchSize: 20,
		Progress: func(done, total int) {
			batches++
			if total != n || done > n {
				t.Errorf("progress %d/%d, want total %d", done, total, n)
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	if want := (n + 19) / 20; batches != want {
		t.Errorf("%d progress calls, want %d", batches, want)
	}
	return st, site
}

func all(t *testing.T, st *store.Store, siteID int64) []news.Article {
	t.Helper()
	var out []news.Article
	for off := 0; ; off += 100 {
		as, err := st.ListArticles(ctx, store.ListOptions{SiteID: siteID, Limit: 100, Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, as...)
		if len(as) < 100 {
			return out
		}
	}
}

func TestGenerate(t *testing.T) {
	st, site := setup(t, 50, 42)

	n, err := st.CountArticles(ctx, store.ListOptions{SiteID: site.ID})
	if err != nil || n != 50 {
		t.Fatalf("published articles = %d, %v; want 50", n, err)
	}
	cats, err := st.Categories(ctx, site.ID)
	if err != nil || len(cats) != 6 {
		t.Fatalf("categories = %d, %v; want 6", len(cats), err)
	}
	arts := all(t, st, site.ID)
	years := map[int]bool{}
	usedCats := map[int64]bool{}
	for _, a := range arts {
		years[a.PublishedAt.Year()] = true
		usedCats[a.CategoryID] = true
		full, err := st.Article(ctx, site.ID, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		text := news.PlainText(full.BodyHTML)
		if l := utf8.RuneCountInString(full.BodyHTML); l < 600 || l > 5300 {
			t.Errorf("article %d body is %d characters", a.ID, l)
		}
		if !strings.HasPrefix(full.BodyHTML, "<p>") || strings.Contains(text, "{") {
			t.Errorf("article %d body not assembled: %.200s", a.ID, full.BodyHTML)
		}
		if viet.Fold(a.Title) == a.Title {
			t.Errorf("title without diacritics: %q", a.Title)
		}
		if news.SanitizeHTML(full.BodyHTML) != full.BodyHTML {
			t.Errorf("article %d body changes when sanitised", a.ID)
		}
	}
	if len(years) < 3 {
		t.Errorf("publication years %v: want dates over several years", years)
	}
	if len(usedCats) < 4 {
		t.Errorf("only %d categories used", len(usedCats))
	}

	// Search finds generated words, accented or not, and abbreviations.
	for _, q := range []string{"xã", "UBND", "ủy ban nhân dân", strings.Fields(arts[0].Title)[0] + " " + strings.Fields(arts[0].Title)[1]} {
		pq, err := viet.ParseQuery(q)
		if err != nil {
			t.Fatal(err)
		}
		res, err := st.Search(ctx, site.ID, pq, 10, 0)
		if err != nil {
			t.Fatal(err)
		}
		if res.Total == 0 {
			t.Errorf("search %q found nothing", q)
		}
	}
}

func TestGenerateDeterministic(t *testing.T) {
	st1, s1 := setup(t, 20, 7)
	st2, s2 := setup(t, 20, 7)
	st3, s3 := setup(t, 20, 8)
	a1, a2, a3 := all(t, st1, s1.ID), all(t, st2, s2.ID), all(t, st3, s3.ID)
	same := 0
	for i := range a1 {
		if a1[i].Title != a2[i].Title || a1[i].Slug != a2[i].Slug || !a1[i].PublishedAt.Equal(a2[i].PublishedAt) {
			t.Fatalf("article %d differs with the same seed: %q vs %q", i, a1[i].Title, a2[i].Title)
		}
		if a1[i].Title == a3[i].Title {
			same++
		}
	}
	if same == len(a1) {
		t.Error("another seed gave the same articles")
	}
}

func TestGenerateReusesCategoriesAndAppends(t *testing.T) {
	st, site := setup(t, 10, 1)
	if err := synth.GenerateWith(ctx, st, site.ID, synth.Options{Articles: 10, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	cats, _ := st.Categories(ctx, site.ID)
	n, _ := st.CountArticles(ctx, store.ListOptions{SiteID: site.ID})
	if len(cats) != 6 || n != 20 {
		t.Fatalf("after a second run: %d categories, %d articles; want 6, 20", len(cats), n)
	}
}
