package importer_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/congportal/cong/internal/importer"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

var ctx = context.Background()

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../wxr/testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestImportWXR(t *testing.T) {
	hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		site, err := s.EnsureSite(ctx, news.Site{Slug: "default", Name: "Thử"})
		if err != nil {
			t.Fatal(err)
		}
		sum, err := importer.WXR(ctx, s, site.ID, bytes.NewReader(fixture(t, "site.wxr.xml")), hcm)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		sum.Print(&out)
		t.Log(out.String())
		if sum.Articles != 5 || sum.Pages != 1 || sum.Categories != 4 || len(sum.Failed) != 0 {
			t.Fatalf("summary %+v", sum)
		}
		if len(sum.Skipped) != 2 || !strings.Contains(strings.Join(sum.Skipped, "\n"), "draft") || !strings.Contains(strings.Join(sum.Skipped, "\n"), "tệp đính kèm") {
			t.Fatalf("skipped %q", sum.Skipped)
		}
		cats, _ := s.Categories(ctx, site.ID)
		bySlug := map[string]news.Category{}
		for _, c := range cats {
			bySlug[c.Slug] = c
		}
		if bySlug["tin-hoat-dong"].ParentID != bySlug["tin-tuc"].ID || bySlug["tin-tuc"].ID == 0 {
			t.Fatalf("parent not kept: %+v", cats)
		}
		if bySlug["thong-bao"].Description != "Thông báo của UBND xã gửi tới nhân dân" {
			t.Errorf("description %q", bySlug["thong-bao"].Description)
		}
		a, err := s.PublishedArticleBySlug(ctx, site.ID, "ubnd-xa-tan-phu-to-chuc-hoi-nghi-trien-khai-nhiem-vu-nam-2024")
		if err != nil {
			t.Fatal(err)
		}
		if a.Author != "Nguyễn Thị Lan" || a.Category == nil || a.Category.Slug != "tin-hoat-dong" {
			t.Errorf("author/category %q %+v", a.Author, a.Category)
		}
		if want := time.Date(2024, 1, 15, 2, 30, 0, 0, time.UTC); !a.PublishedAt.Equal(want) {
			t.Errorf("date %v, want %v", a.PublishedAt, want)
		}
		if len(a.Tags) == 0 || a.Tags[0] != "Cải cách hành chính" {
			t.Errorf("tags %q", a.Tags)
		}
		// Sanitised: no script, no event handler; the text survives.
		b, err := s.PublishedArticleBySlug(ctx, site.ID, "huong-dan-dang-ky-tai-khoan-dich-vu-cong")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.BodyHTML, "<script") || strings.Contains(b.BodyHTML, "onclick") || strings.Contains(b.BodyHTML, "tracker.example.com") {
			t.Errorf("not sanitised: %s", b.BodyHTML)
		}
		if b.Category == nil || b.Category.Slug != "tin-hoat-dong" || !contains(b.Tags, "Tin tức") {
			t.Errorf("second category must be kept as a tag: %+v %q", b.Category, b.Tags)
		}
		// post_date_gmt 0000-00-00: the local date in the site's zone.
		c, err := s.PublishedArticleBySlug(ctx, site.ID, "ke-hoach-tiem-chung-mo-rong-dot-1-nam-2024")
		if err != nil {
			t.Fatal(err)
		}
		if want := time.Date(2024, 2, 20, 8, 0, 0, 0, hcm); !c.PublishedAt.Equal(want) {
			t.Errorf("local date %v, want %v", c.PublishedAt, want)
		}
		// WordPress stores term names HTML-escaped.
		if bySlug["y-te"].Name != "Y tế & Sức khỏe" {
			t.Errorf("category name %q", bySlug["y-te"].Name)
		}
		if _, err := s.PageBySlug(ctx, site.ID, "gioi-thieu-chung"); err != nil {
			t.Errorf("page: %v", err)
		}

		// Re-importing the same file changes nothing.
		n1, _ := s.CountArticles(ctx, store.ListOptions{SiteID: site.ID})
		sum2, err := importer.WXR(ctx, s, site.ID, bytes.NewReader(fixture(t, "site.wxr.xml")), hcm)
		if err != nil {
			t.Fatal(err)
		}
		n2, _ := s.CountArticles(ctx, store.ListOptions{SiteID: site.ID})
		if sum2.Articles != 0 || sum2.Pages != 0 || sum2.Categories != 0 || sum2.Unchanged != 6 || n1 != n2 {
			t.Fatalf("re-import %+v, articles %d → %d", sum2, n1, n2)
		}
	})
}

func TestImportBrokenImportsNothing(t *testing.T) {
	hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		site, _ := s.EnsureSite(ctx, news.Site{Slug: "default", Name: "Thử"})
		for _, in := range [][]byte{fixture(t, "broken.wxr.xml"), []byte(""), []byte(`<rss version="2.0"><channel><title>x</title></channel></rss>`)} {
			if _, err := importer.WXR(ctx, s, site.ID, bytes.NewReader(in), hcm); err == nil {
				t.Fatalf("want error for %.40q", in)
			}
		}
		if has, _ := s.HasContent(ctx, site.ID); has {
			t.Fatal("a failed import left content behind")
		}
	})
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
