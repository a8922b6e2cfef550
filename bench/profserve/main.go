// Command profserve serves a cong data folder like `cong serve` (same
// handler, counter and flush loop) and also exposes net/http/pprof on a
// second address, so a CPU profile can be taken while wrk loads the
// portal:
//
//	go run ./bench/profserve --data DIR --addr 127.0.0.1:18090 --pprof 127.0.0.1:18091 &
//	wrk -t2 -c50 -d20s -H 'User-Agent: …' http://127.0.0.1:18090/bai-viet/SLUG &
//	go tool pprof -top http://127.0.0.1:18091/debug/pprof/profile?seconds=10
package main

import (
	"context"
	"flag"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/pprof"
	"time"
	_ "time/tzdata"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/visitors"
	"github.com/congportal/cong/internal/web"
)

func main() {
	data := flag.String("data", "./data", "data folder (SQLite)")
	addr := flag.String("addr", "127.0.0.1:18090", "portal address")
	paddr := flag.String("pprof", "127.0.0.1:18091", "pprof address")
	proxies := flag.String("trusted-proxies", "", "trusted proxies")
	flag.Parse()
	ctx := context.Background()
	st, err := store.Open(ctx, "", *data)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := st.Migrate(ctx); err != nil {
		log.Fatal(err)
	}
	site, err := st.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng thông tin điện tử", Description: "Cổng thông tin điện tử"})
	if err != nil {
		log.Fatal(err)
	}
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		log.Fatal(err)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	counter := visitors.New(st, visitors.Options{SiteID: site.ID, Window: 30 * time.Minute, Location: loc, Logger: quiet})
	if err := counter.Flush(ctx); err != nil {
		log.Fatal(err)
	}
	go counter.Run(ctx, time.Second)
	px, err := visit.ParseProxies(*proxies)
	if err != nil {
		log.Fatal(err)
	}
	srv, err := web.New(web.Options{Store: st, Counter: counter, SiteID: site.ID, BaseURL: "http://" + *addr,
		Proxies: px, Location: loc, Logger: quiet, Version: "profserve"})
	if err != nil {
		log.Fatal(err)
	}
	pm := http.NewServeMux()
	pm.HandleFunc("/debug/pprof/", pprof.Index)
	pm.HandleFunc("/debug/pprof/profile", pprof.Profile)
	go func() { log.Fatal(http.ListenAndServe(*paddr, pm)) }()
	hs := &http.Server{Addr: *addr, Handler: srv, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 120 * time.Second}
	log.Printf("profserve: %s, pprof on %s", *addr, *paddr)
	log.Fatal(hs.ListenAndServe())
}
