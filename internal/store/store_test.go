package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/viet"
)

var ctx = context.Background()

func site(t *testing.T, s *store.Store) news.Site {
	t.Helper()
	st, err := s.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng thử nghiệm"})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestMigrateIdempotentAndVersion(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		applied, err := s.Migrate(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(applied) != 0 {
			t.Fatalf("second migrate applied %d", len(applied))
		}
		v, err := s.SchemaVersion(ctx)
		if err != nil || v < 1 {
			t.Fatalf("version %d, %v", v, err)
		}
		// A database newer than the binary is refused with a clear message.
		if _, err := s.DB().Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 'x')`); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Migrate(ctx); err == nil {
			t.Fatal("migrate on a newer database must fail")
		}
		if _, err := s.Pending(ctx); err == nil {
			t.Fatal("pending on a newer database must fail")
		}
	})
}

func TestSiteIsUniqueAcrossEnsure(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		a := site(t, s)
		b := site(t, s)
		if a.ID != b.ID {
			t.Fatalf("two sites: %d %d", a.ID, b.ID)
		}
	})
}

func TestArticleSlugsAndRedirects(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		st := site(t, s)
		a := &news.Article{SiteID: st.ID, Title: "Đẩy mạnh cải cách hành chính năm 2026", Status: news.StatusPublished, BodyHTML: "<p>Nội dung</p>"}
		if err := s.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		if a.Slug != "day-manh-cai-cach-hanh-chinh-nam-2026" {
			t.Fatalf("slug %q", a.Slug)
		}
		b := &news.Article{SiteID: st.ID, Title: "Đẩy mạnh cải cách hành chính năm 2026", Status: news.StatusPublished}
		if err := s.SaveArticle(ctx, b); err != nil {
			t.Fatal(err)
		}
		if b.Slug != a.Slug+"-2" {
			t.Fatalf("duplicate title slug %q", b.Slug)
		}
		// Title change: new slug, old one redirects.
		old := a.Slug
		a.Title, a.Slug = "Đẩy mạnh chuyển đổi số", ""
		if err := s.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		if a.Slug != "day-manh-chuyen-doi-so" {
			t.Fatalf("new slug %q", a.Slug)
		}
		got, err := s.RedirectSlug(ctx, st.ID, old)
		if err != nil || got != a.Slug {
			t.Fatalf("redirect %q %v", got, err)
		}
		if _, err := s.PublishedArticleBySlug(ctx, st.ID, old); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("old slug still live: %v", err)
		}
		// The old slug stays reserved for its redirect.
		c := &news.Article{SiteID: st.ID, Title: "Đẩy mạnh cải cách hành chính năm 2026", Status: news.StatusPublished}
		if err := s.SaveArticle(ctx, c); err != nil {
			t.Fatal(err)
		}
		if c.Slug == old {
			t.Fatal("an old slug was given to another article")
		}
		// An explicit slug that is taken is an error, not a silent rename.
		d := &news.Article{SiteID: st.ID, Title: "Khác", Slug: b.Slug}
		if err := s.SaveArticle(ctx, d); !errors.Is(err, store.ErrSlugTaken) {
			t.Fatalf("want ErrSlugTaken, got %v", err)
		}
		// Back to the old title: the old slug is live again, no redirect loop.
		a.Title, a.Slug = "x", old
		if err := s.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		if _, err := s.RedirectSlug(ctx, st.ID, old); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("live slug must not redirect: %v", err)
		}
		full, err := s.PublishedArticleBySlug(ctx, st.ID, old)
		if err != nil || full.BodyHTML != "<p>Nội dung</p>" {
			t.Fatalf("article %+v %v", full, err)
		}
	})
}

func TestListingAndTags(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		st := site(t, s)
		cat, err := s.CreateCategory(ctx, news.Category{SiteID: st.ID, Name: "Tin tức", Slug: "tin-tuc"})
		if err != nil {
			t.Fatal(err)
		}
		base := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
		for i := 0; i < 25; i++ {
			a := &news.Article{SiteID: st.ID, CategoryID: cat.ID, Title: fmt.Sprintf("Bài số %d", i), Status: news.StatusPublished,
				PublishedAt: base.Add(time.Duration(i) * time.Hour), Tags: []string{"Chuyển đổi số", "chuyển đổi số", "CCHC"}, Featured: i%10 == 0}
			if err := s.SaveArticle(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		draft := &news.Article{SiteID: st.ID, CategoryID: cat.ID, Title: "Bản nháp", Status: news.StatusDraft}
		if err := s.SaveArticle(ctx, draft); err != nil {
			t.Fatal(err)
		}
		o := store.ListOptions{SiteID: st.ID, CategoryID: cat.ID, Limit: 10, Offset: 20}
		n, err := s.CountArticles(ctx, o)
		if err != nil || n != 25 {
			t.Fatalf("count %d %v (drafts must not count)", n, err)
		}
		page, err := s.ListArticles(ctx, o)
		if err != nil || len(page) != 5 {
			t.Fatalf("page 3: %d %v", len(page), err)
		}
		if page[0].Title != "Bài số 4" || page[4].Title != "Bài số 0" {
			t.Fatalf("order: %q … %q", page[0].Title, page[4].Title)
		}
		if page[0].Category == nil || page[0].Category.Slug != "tin-tuc" {
			t.Fatalf("category not joined: %+v", page[0].Category)
		}
		feat, _ := s.ListArticles(ctx, store.ListOptions{SiteID: st.ID, Featured: true})
		if len(feat) != 3 {
			t.Fatalf("featured %d", len(feat))
		}
		full, err := s.Article(ctx, st.ID, page[0].ID)
		if err != nil || len(full.Tags) != 2 {
			t.Fatalf("tags %v %v", full.Tags, err)
		}
		if !full.PublishedAt.Equal(base.Add(4 * time.Hour)) {
			t.Fatalf("published_at round trip: %v", full.PublishedAt)
		}
	})
}

func TestSearch(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		st := site(t, s)
		docs := []struct{ title, body string }{
			{"Đảng bộ xã tổng kết năm", "<p>Đảng bộ xã Hòa Phong tổng kết công tác xây dựng Đảng.</p>"},
			{"Đang triển khai dịch vụ công", "<p>Huyện đang triển khai dịch vụ công trực tuyến toàn trình.</p>"},
			{"Kết quả CCHC quý III", "<p>Chỉ số CCHC của huyện tăng 5 bậc.</p>"},
			{"Hội nghị cải cách hành chính", "<p>Ủy ban nhân dân huyện tổ chức hội nghị về cải cách hành chính.</p>"},
			{"Bà Nguyễn Thị Thuỷ nhận bằng khen", "<p>Khen thưởng cán bộ xuất sắc.</p>"},
			{"Thủy lợi nội đồng", "<p>Nạo vét kênh mương.</p>"},
			{"Thông báo lịch tiếp công dân", "<p>UBND huyện thông báo lịch tiếp công dân tháng 12.</p>"},
			{"Hành trình về nguồn", "<p>Đoàn viên thắp hương tưởng niệm.</p>"},
			{"Hạnh phúc gia đình", "<p>Ngày hội ở thành phố.</p>"},
		}
		ids := map[string]int64{}
		for i, d := range docs {
			a := &news.Article{SiteID: st.ID, Title: d.title, BodyHTML: d.body, Status: news.StatusPublished,
				PublishedAt: time.Date(2026, 1, 1+i, 8, 0, 0, 0, time.UTC)}
			if err := s.SaveArticle(ctx, a); err != nil {
				t.Fatal(err)
			}
			ids[d.title] = a.ID
		}
		hidden := &news.Article{SiteID: st.ID, Title: "Cải cách hành chính bản nháp", Status: news.StatusDraft}
		if err := s.SaveArticle(ctx, hidden); err != nil {
			t.Fatal(err)
		}
		find := func(q string) []string {
			t.Helper()
			pq, err := viet.ParseQuery(q)
			if err != nil {
				t.Fatal(err)
			}
			res, err := s.Search(ctx, st.ID, pq, 20, 0)
			if err != nil {
				t.Fatalf("%q: %v", q, err)
			}
			if res.Total != len(res.Items) {
				t.Fatalf("%q: total %d, items %d", q, res.Total, len(res.Items))
			}
			var out []string
			for _, a := range res.Items {
				out = append(out, a.Title)
			}
			return out
		}
		cases := []struct {
			q    string
			want []string // exact order
		}{
			// Exact diacritics first: "Đảng" ranks the Đảng articles above "Đang".
			{"Đảng", []string{"Đảng bộ xã tổng kết năm", "Đang triển khai dịch vụ công"}},
			{"dang", []string{"Đang triển khai dịch vụ công", "Đảng bộ xã tổng kết năm"}},
			{"đang", []string{"Đang triển khai dịch vụ công", "Đảng bộ xã tổng kết năm"}},
			// Both tone placements and no diacritics find both.
			{"Thuỷ", []string{"Thủy lợi nội đồng", "Bà Nguyễn Thị Thuỷ nhận bằng khen"}},
			{"Thủy", []string{"Thủy lợi nội đồng", "Bà Nguyễn Thị Thuỷ nhận bằng khen"}},
			{"thuy", []string{"Thủy lợi nội đồng", "Bà Nguyễn Thị Thuỷ nhận bằng khen"}},
			// Abbreviations both ways.
			// A title match ranks first.
			{"CCHC", []string{"Kết quả CCHC quý III", "Hội nghị cải cách hành chính"}},
			{"cai cach hanh chinh", []string{"Hội nghị cải cách hành chính", "Kết quả CCHC quý III"}},
			// More of the accented words, written exactly, ranks first.
			{"ủy ban nhân dân", []string{"Hội nghị cải cách hành chính", "Thông báo lịch tiếp công dân"}},
			// Exact means the word: "hành" does not score the newer article
			// that only has "thành" (and "hạnh" for the folded match).
			{"hành", []string{"Hành trình về nguồn", "Hội nghị cải cách hành chính", "Hạnh phúc gia đình", "Kết quả CCHC quý III"}},
			// Phrases: the words in order only.
			{`"dich vu cong"`, []string{"Đang triển khai dịch vụ công"}},
			{`"cong dich vu"`, nil},
			{"xyzzy", nil},
		}
		for _, tc := range cases {
			got := find(tc.q)
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("search %q:\n got %q\nwant %q", tc.q, got, tc.want)
			}
		}
		// Pagination.
		pq, _ := viet.ParseQuery("thuy")
		res, err := s.Search(ctx, st.ID, pq, 1, 1)
		if err != nil || res.Total != 2 || len(res.Items) != 1 || res.Items[0].Title != "Bà Nguyễn Thị Thuỷ nhận bằng khen" {
			t.Fatalf("page 2 of 1: %+v %v", res, err)
		}
		// Editing re-indexes.
		a, _ := s.Article(ctx, st.ID, ids["Thủy lợi nội đồng"])
		a.Title, a.BodyHTML = "Nạo vét kênh mương", "<p>Chuẩn bị mùa mưa.</p>"
		if err := s.SaveArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
		if got := find("thuy"); len(got) != 1 {
			t.Errorf("after edit: %q", got)
		}
		if got := find("mua mua"); len(got) != 1 {
			t.Errorf("new text not indexed: %q", got)
		}
	})
}

// Instances starting together on one database apply each migration once.
func TestConcurrentMigrate(t *testing.T) {
	for _, eng := range testdb.Engines() {
		t.Run(eng, func(t *testing.T) {
			u := testdb.URL(t, eng)
			errs := make(chan error, 4)
			for i := 0; i < 4; i++ {
				go func() {
					s, err := store.Open(ctx, u, t.TempDir())
					if err != nil {
						errs <- err
						return
					}
					defer s.Close()
					_, err = s.Migrate(ctx)
					errs <- err
				}()
			}
			for i := 0; i < 4; i++ {
				if err := <-errs; err != nil {
					t.Fatal(err)
				}
			}
			s, err := store.Open(ctx, u, t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var n int
			if err := s.DB().QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			all, _ := store.Migrations(s.Dialect())
			if n != len(all) {
				t.Fatalf("%d version rows, want %d", n, len(all))
			}
		})
	}
}

// A migration that lands with a lower number than one already applied (work
// merged from a parallel branch) still runs.
func TestMigrationGapIsApplied(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		all, _ := store.Migrations(s.Dialect())
		last := all[len(all)-1]
		// Pretend the newest was applied before an older one.
		if _, err := s.DB().Exec(`DELETE FROM schema_migrations WHERE version = ` + fmt.Sprint(all[len(all)-2].Version)); err != nil {
			t.Fatal(err)
		}
		p, err := s.Pending(ctx)
		if err != nil || len(p) != 1 || p[0].Version != all[len(all)-2].Version {
			t.Fatalf("pending %v %v (last %d)", p, err, last.Version)
		}
	})
}

// Scheduled articles go live once, even when several instances run the
// scheduler at the same moment.
func TestPublishDueOnce(t *testing.T) {
	for _, eng := range testdb.Engines() {
		t.Run(eng, func(t *testing.T) {
			u := testdb.URL(t, eng)
			open := func() *store.Store {
				s, err := store.Open(ctx, u, t.TempDir())
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { s.Close() })
				if _, err := s.Migrate(ctx); err != nil {
					t.Fatal(err)
				}
				return s
			}
			s1, s2 := open(), open()
			st := site(t, s1)
			now := time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)
			for i := 0; i < 10; i++ {
				a := &news.Article{SiteID: st.ID, Title: fmt.Sprintf("Hẹn giờ %d", i), Status: news.StatusScheduled, ScheduledAt: now.Add(-time.Minute)}
				if i == 9 {
					a.ScheduledAt = now.Add(time.Hour) // not yet
				}
				if err := s1.SaveArticle(ctx, a); err != nil {
					t.Fatal(err)
				}
			}
			v0, _ := s1.ContentVersion(ctx, st.ID)
			type res struct {
				due []store.DueArticle
				err error
			}
			ch := make(chan res, 2)
			for _, s := range []*store.Store{s1, s2} {
				go func(s *store.Store) { d, err := s.PublishDue(ctx, now); ch <- res{d, err} }(s)
			}
			total := 0
			for i := 0; i < 2; i++ {
				r := <-ch
				if r.err != nil {
					t.Fatal(r.err)
				}
				total += len(r.due)
			}
			if total != 9 {
				t.Fatalf("published %d, want 9 exactly once", total)
			}
			n, _ := s1.CountArticles(ctx, store.ListOptions{SiteID: st.ID})
			if n != 9 {
				t.Fatalf("public %d", n)
			}
			if v1, _ := s1.ContentVersion(ctx, st.ID); v1 == v0 {
				t.Fatal("content version not bumped: other instances would keep stale pages")
			}
			var audits int
			s1.DB().QueryRow(`SELECT COUNT(*) FROM audit_log WHERE action = 'article.publish_scheduled'`).Scan(&audits)
			if audits != 9 {
				t.Fatalf("audit entries %d", audits)
			}
			if d, _ := s2.PublishDue(ctx, now.Add(2*time.Hour)); len(d) != 1 {
				t.Fatalf("later run: %d", len(d))
			}
		})
	}
}
