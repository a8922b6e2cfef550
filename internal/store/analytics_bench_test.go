package store_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// BenchmarkTraffic measures the visitor analytics page's query
// (store.Traffic) over three years of daily rows at 100,000 articles:
// every day 2,000 distinct articles read (2.19 million article-day rows),
// 30 referrer hosts, 3 device kinds, 8 browsers, 20 categories and 6 bot
// reasons. Skipped unless CONG_BENCH_ANALYTICS is set (generating the rows
// takes a minute or two).
//
//	CONG_BENCH_ANALYTICS=1 go test ./internal/store -run '^$' -bench Traffic -benchtime 10x -timeout 30m
func BenchmarkTraffic(b *testing.B) {
	if os.Getenv("CONG_BENCH_ANALYTICS") == "" {
		b.Skip("set CONG_BENCH_ANALYTICS=1 to run")
	}
	const articles, perDay, days = 100_000, 2_000, 3 * 365
	for _, eng := range testdb.Engines() {
		b.Run(eng, func(b *testing.B) {
			s := testdb.Open(b, eng)
			site, err := s.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng thử"})
			if err != nil {
				b.Fatal(err)
			}
			var cats []int64
			for i := range 20 {
				c, err := s.CreateCategory(ctx, news.Category{SiteID: site.ID, Name: fmt.Sprintf("Chuyên mục %d", i), Slug: fmt.Sprintf("cm-%d", i)})
				if err != nil {
					b.Fatal(err)
				}
				cats = append(cats, c.ID)
			}
			start := time.Now()
			db := s.DB()
			ph := func(q string) string {
				if s.Dialect() == store.SQLite {
					return q
				}
				n := 0
				var sb strings.Builder
				for _, r := range q {
					if r == '?' {
						n++
						fmt.Fprintf(&sb, "$%d", n)
						continue
					}
					sb.WriteRune(r)
				}
				return sb.String()
			}
			now := time.Now().UTC()
			if _, err := db.ExecContext(ctx, ph(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
				INSERT INTO articles (id, site_id, category_id, title, slug, status, created_at, updated_at)
				SELECT i, ?, ? + (i % 20), 'Bài viết số ' || i, 'bai-viet-so-' || i, 'published', ?, ? FROM n`),
				articles, site.ID, cats[0], now, now); err != nil {
				b.Fatal(err)
			}
			first := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
			tx, err := db.BeginTx(ctx, nil)
			if err != nil {
				b.Fatal(err)
			}
			for d := range days {
				day := first.AddDate(0, 0, d).Format("2006-01-02")
				// perDay distinct articles, a popular head and a moving tail.
				if _, err := tx.ExecContext(ctx, ph(`WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
					INSERT INTO article_daily_views (article_id, day, views, site_id)
					SELECT ((i * 50 + ?) % ?) + 1, ?, 1 + (? - i) / 20, ? FROM k`),
					perDay-1, d, articles, day, perDay, site.ID); err != nil {
					b.Fatal(err)
				}
				var sb strings.Builder
				args := []any{site.ID, day, 1000 + d%500}
				sb.WriteString(`INSERT INTO daily_visits (site_id, day, visitors) VALUES (?, ?, ?)`)
				if _, err := tx.ExecContext(ctx, ph(sb.String()), args...); err != nil {
					b.Fatal(err)
				}
				sb.Reset()
				args = args[:0]
				sb.WriteString(`INSERT INTO traffic_daily (site_id, day, kind, name, detail, n) VALUES `)
				add := func(kind, name, detail string, n int) {
					if len(args) > 0 {
						sb.WriteString(", ")
					}
					sb.WriteString("(?, ?, ?, ?, ?, ?)")
					args = append(args, site.ID, day, kind, name, detail, n)
				}
				add("views", "", "", 30000)
				for h := range 30 {
					add("ref", []string{"search", "zalo", "facebook", "gov", "other"}[h%5], fmt.Sprintf("host%d.example.vn", h), 10+h)
				}
				for _, k := range []string{"phone", "tablet", "desktop"} {
					add("device", k, "", 300)
				}
				for i := range 8 {
					add("browser", fmt.Sprintf("browser%d", i), "", 100+i)
				}
				for _, c := range cats {
					add("category", fmt.Sprint(c), "", 1500)
				}
				for _, r := range []string{"bot", "not_browser", "headless", "no_accept", "rate", "method"} {
					add("bot", r, "", 50)
				}
				if _, err := tx.ExecContext(ctx, ph(sb.String()), args...); err != nil {
					b.Fatal(err)
				}
			}
			for _, n := range []int{7, 4} {
				if _, err := tx.ExecContext(ctx, ph(`INSERT INTO article_period_views (article_id, period, site_id, views)
					SELECT article_id, substr(day, 1, ?), MIN(site_id), SUM(views) FROM article_daily_views GROUP BY article_id, substr(day, 1, ?)`), n, n); err != nil {
					b.Fatal(err)
				}
			}
			if err := tx.Commit(); err != nil {
				b.Fatal(err)
			}
			if _, err := db.ExecContext(ctx, `ANALYZE`); err != nil {
				b.Fatal(err)
			}
			b.Logf("%s: generated %d article-day rows in %s", eng, perDay*days, time.Since(start).Round(time.Second))
			for _, p := range []struct{ name, from, to string }{
				{"year", "2025-01-01", "2025-12-31"},
				{"365days", "2025-03-15", "2026-03-14"},
				{"month", "2026-06-01", "2026-06-30"},
				{"week", "2026-12-24", "2026-12-30"},
			} {
				b.Run(p.name, func(b *testing.B) {
					var t store.Traffic
					for b.Loop() {
						var err error
						if t, err = s.Traffic(ctx, site.ID, p.from, p.to); err != nil {
							b.Fatal(err)
						}
					}
					if len(t.TopArticles) != 20 || t.Views == 0 || len(t.TopCategories) != 20 {
						b.Fatalf("unexpected result: %d articles, %d views", len(t.TopArticles), t.Views)
					}
					b.ReportMetric(float64(len(t.Days)), "days")
				})
			}
		})
	}
}
