package web_test

import (
	"io"
	"log/slog"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/demo"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/visitors"
	"github.com/congportal/cong/internal/web"
)

// The default arrangement on the demo site: every kind of block is fed
// from its part of the portal (documents library, catalogue with the
// dossiers received, answered questions), in the default order, and the
// key links and the visitor figures come before the long lists.
func TestHomeDefaultBlocksWithDemoContent(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		site, err := s.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng"})
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := demo.Load(ctx, s, site.ID); err != nil || !ok {
			t.Fatalf("demo: %v %v", ok, err)
		}
		if _, err := demo.Users(ctx, s, site.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := demo.Dossiers(ctx, s, site.ID, t.TempDir(), time.Now()); err != nil {
			t.Fatal(err)
		}
		hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
		counter := visitors.New(s, visitors.Options{SiteID: site.ID, Window: 30 * time.Minute, Location: hcm})
		proxies, _ := visit.ParseProxies("")
		srv, err := web.New(web.Options{Store: s, Counter: counter, SiteID: site.ID, BaseURL: "https://cong.example.vn",
			Proxies: proxies, Location: hcm, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Version: "test"})
		if err != nil {
			t.Fatal(err)
		}
		e := &env{t: t, st: s, srv: srv, counter: counter, site: site}
		home := e.get("/")
		order := []string{"Tin nổi bật", "Liên kết nhanh", "Thống kê truy cập", "Tin mới nhất", "Văn bản chỉ đạo điều hành",
			"Thủ tục hành chính được quan tâm", "Hỏi đáp"}
		last := -1
		for _, h := range order {
			loc := regexp.MustCompile(`<h2 id="khoi-\d+">(?:<a [^>]*>)?` + h + `<`).FindStringIndex(home.body)
			i := -1
			if loc != nil {
				i = loc[0]
			}
			if i <= last {
				t.Fatalf("block %q at %d, after %d: not in the default order", h, i, last)
			}
			last = i
		}
		for _, re := range []string{`<a href="/van-ban/\d+-[a-z0-9-]+">`, `<a href="/thu-tuc/[a-z0-9-]+">`, `<a href="/hoi-dap/\d+-[a-z0-9-]+">`} {
			if !regexp.MustCompile(re).MatchString(home.body) {
				t.Errorf("no link %s on the home page", re)
			}
		}
		// The most used procedure first: the one with the most dossiers.
		procs, err := s.PopularProcedures(ctx, site.ID, 5)
		if err != nil || len(procs) == 0 || procs[0].Dossiers == 0 {
			t.Fatalf("popular procedures: %+v %v", procs, err)
		}
		for i := 1; i < len(procs); i++ {
			if procs[i].Dossiers > procs[i-1].Dossiers {
				t.Errorf("not by dossiers: %+v", procs)
			}
		}
		if !strings.Contains(home.body, `<a href="/thu-tuc/`+procs[0].Slug+`">`) {
			t.Errorf("most used procedure %q not on the home page", procs[0].Name)
		}
		// The visitor widget is in the page once, early: before the first
		// category column.
		if strings.Count(home.body, "Đang online") != 1 {
			t.Error("visitor figures repeated")
		}
	})
}
