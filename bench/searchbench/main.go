// Command searchbench measures search latency percentiles against a running
// Cổng: each of -c workers sends GET /tim-kiem?q=… in a loop for -d,
// rotating through the queries (or -rounds times through them), after one
// unmeasured warm-up pass, and prints p50/p95/p99 overall and per query as
// Markdown.
//
//	go run ./bench/searchbench -url http://127.0.0.1:8090 -c 1 -d 10s
package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

const defaultUA = "Mozilla/5.0 (Linux; Android 14; SM-A556E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.135 Mobile Safari/537.36"

// defaultQueries mix common and rare words, phrases, abbreviations and
// unaccented typing, as citizens search.
var defaultQueries = []string{
	"cải cách hành chính",
	"UBND",
	"nông thôn mới",
	`"dịch vụ công trực tuyến"`,
	"OCOP",
	"an toàn giao thông",
	"tuyển dụng viên chức",
	"CCHC",
	"bảo hiểm y tế",
	"chuyen doi so",
	"Tân Hòa Lĩnh",
	"phòng cháy chữa cháy",
	"Ea Khuê",
	"lừa đảo mạng xã hội",
	"bóng đá",
}

type sample struct {
	q int
	d time.Duration
}

func main() {
	base := flag.String("url", "http://127.0.0.1:8090", "base URL of the server")
	path := flag.String("path", "/tim-kiem", "search path")
	conc := flag.Int("c", 1, "concurrent clients")
	dur := flag.Duration("d", 10*time.Second, "duration")
	ua := flag.String("ua", defaultUA, "User-Agent")
	qs := flag.String("q", "", "queries separated by '|' (default: a built-in Vietnamese list)")
	perQuery := flag.Bool("per-query", false, "also print a row per query")
	warmup := flag.Bool("warmup", true, "send every query once, unmeasured, before measuring")
	rounds := flag.Int("rounds", 0, "if > 0, each client sends every query this many times (-d still caps the run)")
	flag.Parse()
	queries := defaultQueries
	if *qs != "" {
		queries = strings.Split(*qs, "|")
	}
	tr := &http.Transport{MaxIdleConnsPerHost: *conc, DisableCompression: true}
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}

	get := func(q string) (time.Duration, error) {
		req, _ := http.NewRequest("GET", *base+*path+"?q="+url.QueryEscape(q), nil)
		req.Header.Set("User-Agent", *ua)
		t0 := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		d := time.Since(t0)
		if err == nil && resp.StatusCode != 200 {
			err = fmt.Errorf("%s: status %d", q, resp.StatusCode)
		}
		return d, err
	}
	if *warmup {
		for _, q := range queries {
			if _, err := get(q); err != nil {
				fmt.Fprintln(os.Stderr, "searchbench: warm-up:", err)
			}
		}
	}

	start := time.Now()
	deadline := start.Add(*dur)
	results := make([][]sample, *conc)
	errs := make([]int, *conc)
	var wg sync.WaitGroup
	for w := range *conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; time.Now().Before(deadline); i++ {
				if *rounds > 0 && i-w >= *rounds*len(queries) {
					break
				}
				qi := i % len(queries)
				d, err := get(queries[qi])
				if err != nil {
					errs[w]++
					continue
				}
				results[w] = append(results[w], sample{qi, d})
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	var all []sample
	nerr := 0
	for w := range results {
		all = append(all, results[w]...)
		nerr += errs[w]
	}
	if len(all) == 0 {
		fmt.Fprintln(os.Stderr, "searchbench: no successful requests")
		os.Exit(1)
	}
	fmt.Printf("| queries | clients | requests | errors | req/s | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|---|---|---|\n")
	row := func(name string, ss []sample, nerr int, rate bool) {
		ds := make([]time.Duration, len(ss))
		for i, s := range ss {
			ds[i] = s.d
		}
		slices.Sort(ds)
		rps := "–" // a query's share of the run's time is not a rate
		if rate {
			rps = fmt.Sprintf("%.0f", float64(len(ds))/elapsed.Seconds())
		}
		fmt.Printf("| %s | %d | %d | %d | %s | %s | %s | %s | %s |\n", name, *conc, len(ds), nerr, rps,
			ms(pct(ds, 50)), ms(pct(ds, 95)), ms(pct(ds, 99)), ms(ds[len(ds)-1]))
	}
	row(fmt.Sprintf("all %d", len(queries)), all, nerr, true)
	if *perQuery {
		for qi, q := range queries {
			var ss []sample
			for _, s := range all {
				if s.q == qi {
					ss = append(ss, s)
				}
			}
			if len(ss) > 0 {
				row("`"+strings.ReplaceAll(q, "|", "")+"`", ss, 0, false)
			}
		}
	}
}

func pct(sorted []time.Duration, p float64) time.Duration {
	i := int(float64(len(sorted))*p/100+0.5) - 1
	i = max(0, min(i, len(sorted)-1))
	return sorted[i]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/1e6) }
