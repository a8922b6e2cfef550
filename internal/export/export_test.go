package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/export"
	"github.com/congportal/cong/internal/importer"
	"github.com/congportal/cong/internal/legaldoc"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

var ctx = context.Background()

// fill imports the WordPress fixture and adds articles written in Cổng,
// with what tends to break exports: "]]>", quotes, several tags, a
// sub-category.
func fill(t *testing.T, s *store.Store, loc *time.Location) news.Site {
	t.Helper()
	site, err := s.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng xã Tân Phú"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("../wxr/testdata/site.wxr.xml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := importer.WXR(ctx, s, site.ID, bytes.NewReader(b), loc); err != nil {
		t.Fatal(err)
	}
	parent, err := s.CategoryBySlug(ctx, site.ID, "tin-tuc")
	if err != nil {
		t.Fatal(err)
	}
	sub, err := s.CreateCategory(ctx, news.Category{SiteID: site.ID, ParentID: parent.ID, Name: "Chuyển đổi số & CCHC", Slug: "chuyen-doi-so", Description: "Tin \"số\" ]]> mới"})
	if err != nil {
		t.Fatal(err)
	}
	for i, title := range []string{"Xã Tân Phú ra mắt cổng dịch vụ công", "Hướng dẫn nộp hồ sơ trực tuyến ]]> bước 1"} {
		a := &news.Article{SiteID: site.ID, CategoryID: sub.ID, Title: title, Summary: "Tóm tắt \"có ngoặc\" & ký hiệu",
			BodyHTML: news.SanitizeHTML("<p>Nội dung ]]> thứ " + string(rune('1'+i)) + "</p><ul><li>Một</li><li>Hai</li></ul>"), Author: "Trần Thị Bình",
			Status: news.StatusPublished, PublishedAt: time.Date(2026, 11, 20, 8, 30, 15, 0, loc), Tags: []string{"Chuyển đổi số", "Dịch vụ công"}}
		if err := s.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	// Not public: not exported.
	if err := s.SaveArticle(ctx, &news.Article{SiteID: site.ID, Title: "Bản nháp nội bộ", Status: news.StatusDraft, BodyHTML: "<p>x</p>"}); err != nil {
		t.Fatal(err)
	}
	return site
}

type article struct {
	Title, Summary, Body, Author, Category string
	Tags                                   []string
	Published                              time.Time
}

func articles(t *testing.T, s *store.Store, siteID int64) map[string]article {
	out := map[string]article{}
	err := s.EachPublishedArticle(ctx, siteID, func(a news.Article) error {
		cat := ""
		if a.Category != nil {
			cat = a.Category.Slug
		}
		tags := slices.Clone(a.Tags)
		slices.Sort(tags)
		out[a.Slug] = article{a.Title, a.Summary, a.BodyHTML, a.Author, cat, tags, a.PublishedAt.UTC().Truncate(time.Second)}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func categories(t *testing.T, s *store.Store, siteID int64) map[string]string {
	cats, err := s.Categories(ctx, siteID)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]string{}
	for _, c := range cats {
		byID[c.ID] = c.Slug
	}
	out := map[string]string{}
	for _, c := range cats {
		out[c.Slug] = c.Name + " | " + c.Description + " | parent=" + byID[c.ParentID]
	}
	return out
}

// Import → export WXR → import into an empty site gives the same
// articles, categories and pages.
func TestWXRRoundTrip(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	for _, eng := range testdb.Engines() {
		t.Run(eng, func(t *testing.T) {
			s1 := testdb.Open(t, eng)
			site1 := fill(t, s1, loc)
			var buf bytes.Buffer
			counts, err := export.WXR(ctx, export.Source{Store: s1, SiteID: site1.ID, BaseURL: "https://tanphu.example.vn", Location: loc}, &buf)
			if err != nil {
				t.Fatal(err)
			}
			if counts["bài viết"] != 7 || counts["trang"] != 1 {
				t.Fatalf("counts %v", counts)
			}
			if strings.Contains(buf.String(), "Bản nháp nội bộ") {
				t.Fatal("draft exported")
			}
			s2 := testdb.Open(t, eng)
			site2, err := s2.EnsureSite(ctx, news.Site{Slug: "default", Name: "Trống"})
			if err != nil {
				t.Fatal(err)
			}
			sum, err := importer.WXR(ctx, s2, site2.ID, bytes.NewReader(buf.Bytes()), loc)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Articles != 7 || sum.Pages != 1 || len(sum.Failed) != 0 || len(sum.Skipped) != 0 {
				t.Fatalf("re-import %+v", sum)
			}
			a1, a2 := articles(t, s1, site1.ID), articles(t, s2, site2.ID)
			if len(a1) != 7 || len(a2) != len(a1) {
				t.Fatalf("%d articles, re-imported %d", len(a1), len(a2))
			}
			for slug, want := range a1 {
				got, ok := a2[slug]
				if !ok {
					t.Fatalf("article %s missing after round trip", slug)
				}
				if got.Title != want.Title || got.Summary != want.Summary || got.Body != want.Body || got.Author != want.Author ||
					got.Category != want.Category || !slices.Equal(got.Tags, want.Tags) || !got.Published.Equal(want.Published) {
					t.Errorf("article %s differs:\n got %+v\nwant %+v", slug, got, want)
				}
			}
			c1, c2 := categories(t, s1, site1.ID), categories(t, s2, site2.ID)
			for slug, want := range c1 {
				if c2[slug] != want {
					t.Errorf("category %s: %q, want %q", slug, c2[slug], want)
				}
			}
			p1, _ := s1.Pages(ctx, site1.ID)
			p2, _ := s2.Pages(ctx, site2.ID)
			if len(p1) != 1 || len(p2) != 1 || p1[0].Title != p2[0].Title || p1[0].BodyHTML != p2[0].BodyHTML || p1[0].Slug != p2[0].Slug {
				t.Fatalf("pages %+v %+v", p1, p2)
			}
			// Exporting again is stable apart from the export time.
			var again bytes.Buffer
			export.WXR(ctx, export.Source{Store: s2, SiteID: site2.ID, BaseURL: "https://tanphu.example.vn", Location: loc}, &again)
			if n1, n2 := strings.Count(buf.String(), "<item>"), strings.Count(again.String(), "<item>"); n1 != n2 {
				t.Fatalf("items %d then %d", n1, n2)
			}
		})
	}
}

func TestJSONExport(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		site := fill(t, s, loc)
		// Documents and procedures: published ones go out, drafts do not.
		unit := catalogue.Unit{SiteID: site.ID, Code: "XTP", Name: "UBND xã Tân Phú", Kind: catalogue.KindCommune}
		if err := s.CreateUnit(ctx, &unit); err != nil {
			t.Fatal(err)
		}
		for i, pub := range []bool{true, false} {
			p := catalogue.Procedure{SiteID: site.ID, Code: fmt.Sprintf("1.00%d", i), Slug: fmt.Sprintf("khai-sinh-%d", i), Name: "Đăng ký khai sinh", Level: catalogue.LevelFull,
				TimeAmount: 1, TimeUnit: catalogue.TimeWorkingDays, Published: pub, Units: []catalogue.Unit{{ID: unit.ID}},
				Components: []catalogue.Component{{Name: "Tờ khai đăng ký khai sinh", Required: true, Copies: 1}}}
			if err := s.SaveProcedure(ctx, &p); err != nil {
				t.Fatal(err)
			}
		}
		for i, status := range []string{news.StatusPublished, news.StatusDraft} {
			d := &legaldoc.Document{SiteID: site.ID, Status: status}
			if err := legaldoc.Apply(d, legaldoc.Draft{Number: fmt.Sprintf("0%d-NQ/ĐU", i+1), Type: "Nghị quyết", Issuer: "Đảng ủy xã Tân Phú", Abstract: "Về chuyển đổi số", IssueDate: "21/01/2026"}); err != nil {
				t.Fatal(err)
			}
			if err := s.SaveDocument(ctx, d, []legaldoc.File{{Name: "nq.pdf", Mime: "application/pdf", Ext: "pdf", Data: []byte("%PDF-1.4 x")}}, nil); err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		counts, err := export.JSON(ctx, export.Source{Store: s, SiteID: site.ID, BaseURL: "https://tanphu.example.vn", Location: loc}, &buf)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Format   string
			Site     struct{ Name string }
			Articles []struct {
				Title, Slug, URL, Category, Author, BodyHTML string
				Tags                                         []string
				PublishedAt                                  string `json:"published_at"`
				Body                                         string `json:"body_html"`
			}
			Categories []struct{ Slug string }
			Pages      []struct{ Slug string }
			Media      []any
			Documents  []struct {
				Number, URL string
				Files       []struct{ URL string }
			}
			Procedures []struct {
				Code, URL  string
				Components []struct{ Name string }
				Units      []struct{ Code string }
			}
		}
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatalf("invalid JSON: %v\n%s", err, buf.String())
		}
		if doc.Format != export.JSONFormat || doc.Site.Name != "Cổng xã Tân Phú" || len(doc.Articles) != 7 || len(doc.Categories) != 5 || len(doc.Pages) != 1 || doc.Media == nil {
			t.Fatalf("doc %+v counts %v", doc, counts)
		}
		if len(doc.Documents) != 1 || doc.Documents[0].Number != "01-NQ/ĐU" || len(doc.Documents[0].Files) != 1 ||
			!strings.HasPrefix(doc.Documents[0].Files[0].URL, doc.Documents[0].URL+"/tep/") || !strings.HasPrefix(doc.Documents[0].URL, "https://tanphu.example.vn/van-ban/") {
			t.Fatalf("documents %+v", doc.Documents)
		}
		if len(doc.Procedures) != 1 || doc.Procedures[0].Code != "1.000" || doc.Procedures[0].URL != "https://tanphu.example.vn/thu-tuc/khai-sinh-0" ||
			len(doc.Procedures[0].Components) != 1 || len(doc.Procedures[0].Units) != 1 || doc.Procedures[0].Units[0].Code != "XTP" {
			t.Fatalf("procedures %+v", doc.Procedures)
		}
		var found bool
		for _, a := range doc.Articles {
			if a.Title == "Bản nháp nội bộ" {
				t.Fatal("draft exported")
			}
			if a.Title == "Xã Tân Phú ra mắt cổng dịch vụ công" {
				found = true
				if a.Category != "chuyen-doi-so" || a.Author != "Trần Thị Bình" || a.PublishedAt != "2026-11-20T08:30:15+07:00" ||
					a.URL != "https://tanphu.example.vn/bai-viet/"+a.Slug || !strings.Contains(a.Body, "<li>Hai</li>") || len(a.Tags) != 2 {
					t.Fatalf("article %+v", a)
				}
			}
		}
		if !found {
			t.Fatal("article missing")
		}
	})
}
