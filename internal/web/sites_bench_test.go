package web_test

// Issue 16's scale: the article page on an install of many sites against a
// single-site install, measured in the same run:
//
//	go test -run '^$' -bench 'ArticlePageSites|AddSite' -benchmem ./internal/web
//	CONG_BENCH_SITES=100 …   # 100 sites × 1,000 articles (generation takes minutes)

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/synth"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/visitors"
	"github.com/congportal/cong/internal/web"
)

func benchSiteCount() int {
	if n, err := strconv.Atoi(os.Getenv("CONG_BENCH_SITES")); err == nil && n > 1 {
		return n
	}
	return 10
}

// BenchmarkArticlePageSites: the cached article page of a commune on an
// install of N sites × 1,000 articles, rotating over the sites, and the
// same page on a single-site install of 1,000 articles.
func BenchmarkArticlePageSites(b *testing.B) {
	ctx := context.Background()
	single := newBenchSite(b, 1000)
	b.Run("single-site", func(b *testing.B) { single.run(b, single.srv, single.article, false, nil) })

	n := benchSiteCount()
	st := testdb.Open(b, "sqlite")
	first, err := st.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng tỉnh", Host: ""})
	if err != nil {
		b.Fatal(err)
	}
	first.Host = "tinh.gov.vn"
	if err := st.UpdateSite(ctx, first); err != nil {
		b.Fatal(err)
	}
	hosts := []string{first.Host}
	ids := []int64{first.ID}
	for i := 1; i < n; i++ {
		s := news.Site{Name: fmt.Sprintf("Xã %d", i), Host: fmt.Sprintf("xa-%d.tinh.gov.vn", i), Kind: news.KindCommune, ParentID: first.ID}
		if err := st.AddSite(ctx, &s); err != nil {
			b.Fatal(err)
		}
		hosts, ids = append(hosts, s.Host), append(ids, s.ID)
	}
	start := time.Now()
	for _, id := range ids {
		if err := synth.GenerateWith(ctx, st, id, synth.Options{Articles: 1000, Seed: int64(id)}); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("%d sites × 1,000 articles generated in %s", n, time.Since(start).Round(time.Second))
	hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	counter := visitors.New(st, visitors.Options{SiteID: first.ID, Window: 30 * time.Minute, Location: hcm, Logger: quiet})
	set := visitors.NewSet(st, counter.Options(), counter)
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { set.Run(runCtx, time.Second); close(done) }()
	b.Cleanup(func() { stop(); <-done })
	proxies, _ := visit.ParseProxies("")
	srv, err := web.New(web.Options{Store: st, Counter: counter, Counters: set, SiteID: first.ID, BaseURL: "https://tinh.gov.vn",
		Proxies: proxies, Location: hcm, Logger: quiet, Version: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	paths := make([]string, n)
	for i, id := range ids {
		arts, err := st.ListArticles(ctx, store.ListOptions{SiteID: id, Limit: 1})
		if err != nil || len(arts) == 0 {
			b.Fatalf("site %d: %v", id, err)
		}
		paths[i] = "/bai-viet/" + arts[0].Slug
	}
	addrs := benchAddrs()
	get := func(i, k int) int {
		r := httptest.NewRequest("GET", paths[k], nil)
		r.Host = hosts[k]
		r.Header.Set("User-Agent", benchUA)
		r.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
		r.Header.Set("Accept-Language", "vi-VN,vi;q=0.9")
		r.RemoteAddr = addrs[i%len(addrs)]
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, r)
		if w.Code != 200 {
			b.Fatalf("%s%s: %d", hosts[k], paths[k], w.Code)
		}
		return w.Body.Len()
	}
	for k := range hosts {
		get(k, k) // warm every site's page
	}
	b.Run(fmt.Sprintf("%d-sites", n), func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			get(1000+i, i%n)
			i++
		}
	})
}

// BenchmarkAddSite: adding a site (issue 16 asks under a second).
func BenchmarkAddSite(b *testing.B) {
	ctx := context.Background()
	st := testdb.Open(b, "sqlite")
	first, err := st.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng tỉnh"})
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		s := news.Site{Name: "Xã", Host: fmt.Sprintf("xa-%d.tinh.gov.vn", i), Kind: news.KindCommune, ParentID: first.ID}
		if err := st.AddSite(ctx, &s); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
