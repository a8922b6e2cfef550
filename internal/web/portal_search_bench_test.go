package web_test

import (
	"net/url"
	"slices"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the process's user and system CPU time so far. On a shared,
// loaded machine wall-clock times mostly measure the other jobs; CPU time
// per request is what changes with the code.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// searchPageQueries are bench/searchbench's queries, so this benchmark
// measures what scripts/bench.sh measures over HTTP, without the network.
var searchPageQueries = []string{
	"cải cách hành chính", "UBND", "nông thôn mới", `"dịch vụ công trực tuyến"`, "OCOP",
	"an toàn giao thông", "tuyển dụng viên chức", "CCHC", "bảo hiểm y tế", "chuyen doi so",
	"Tân Hòa Lĩnh", "phòng cháy chữa cháy", "Ea Khuê", "lừa đảo mạng xã hội", "bóng đá",
}

// BenchmarkSearchPageMixed: the whole /tim-kiem handler (search, snippets,
// rendering) over all of searchbench's queries in turn, reporting the p95
// of single requests and the CPU time per request next to the mean; the per-query sub-benchmarks show
// which queries cost most.
//
//	go test -run '^$' -bench SearchPageMixed -benchmem ./internal/web
//	CONG_BENCH_BIG=1 go test -run '^$' -bench 'SearchPageMixed/100k' -benchmem ./internal/web
func BenchmarkSearchPageMixed(b *testing.B) {
	for _, n := range benchArticleCounts() {
		b.Run(benchName(n), func(b *testing.B) {
			bs := newBenchSite(b, n)
			targets := make([]string, len(searchPageQueries))
			for i, q := range searchPageQueries {
				targets[i] = "/tim-kiem?q=" + url.QueryEscape(q)
				bs.get(b, bs.srv, targets[i], bs.next, false) // warm the caches, as a running server's are
				bs.next++
			}
			b.Run("mixed", func(b *testing.B) {
				var ds []time.Duration
				i := 0
				b.ReportAllocs()
				cpu0 := cpuTime(b)
				for b.Loop() {
					t0 := time.Now()
					bs.get(b, bs.srv, targets[i%len(targets)], bs.next, false)
					ds = append(ds, time.Since(t0))
					bs.next++
					i++
				}
				b.ReportMetric(float64(cpuTime(b)-cpu0)/1e6/float64(i), "cpu-ms/op")
				slices.Sort(ds)
				b.ReportMetric(float64(ds[len(ds)*95/100])/1e6, "p95-ms")
			})
			for i, q := range searchPageQueries {
				b.Run(q, func(b *testing.B) {
					b.ReportAllocs()
					cpu0, n := cpuTime(b), 0
					for b.Loop() {
						bs.get(b, bs.srv, targets[i], bs.next, false)
						bs.next++
						n++
					}
					b.ReportMetric(float64(cpuTime(b)-cpu0)/1e6/float64(n), "cpu-ms/op")
				})
			}
		})
	}
}
