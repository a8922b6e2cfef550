package store_test

import (
	"os"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/congportal/cong/internal/synth/synthtest"
	"github.com/congportal/cong/internal/viet"
)

// benchQueries mix common and rare words, phrases, abbreviations and
// unaccented typing, as in bench/searchbench.
var benchQueries = []string{
	"cải cách hành chính", "UBND", "nông thôn mới", `"dịch vụ công trực tuyến"`, "OCOP",
	"an toàn giao thông", "tuyển dụng viên chức", "CCHC", "bảo hiểm y tế", "chuyen doi so",
	"Tân Hòa Lĩnh", "phòng cháy chữa cháy", "Ea Khuê", "lừa đảo mạng xã hội", "bóng đá",
}

// benchSizes are the article counts searched: 1,000 always, 100,000 when
// CONG_BENCH_BIG=1 (generated once, minutes, then kept in the temporary
// folder).
func benchSizes() []int {
	if os.Getenv("CONG_BENCH_BIG") == "1" {
		return []int{1000, 100000}
	}
	return []int{1000}
}

// cpuTime is the process's user and system CPU time so far: on a shared,
// loaded machine wall-clock times mostly measure the other jobs.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func sizeName(n int) string {
	if n >= 1000 && n%1000 == 0 {
		return itoa(n/1000) + "k"
	}
	return itoa(n)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// BenchmarkSearch runs Store.Search (first page of 15, as the search page
// asks) rotating over benchQueries, and reports the p95 of single calls.
// The per-query sub-benchmarks show which queries cost most.
func BenchmarkSearch(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			st, site := synthtest.Open(b, n)
			qs := make([]viet.Query, len(benchQueries))
			for i, raw := range benchQueries {
				q, err := viet.ParseQuery(raw)
				if err != nil {
					b.Fatal(err)
				}
				qs[i] = q
			}
			// One unmeasured pass warms SQLite's and the OS's caches, as a
			// running server's are.
			for _, q := range qs {
				if _, err := st.Search(ctx, site.ID, q, 15, 0); err != nil {
					b.Fatal(err)
				}
			}
			b.Run("mixed", func(b *testing.B) {
				var ds []time.Duration
				i := 0
				b.ReportAllocs()
				cpu0 := cpuTime(b)
				for b.Loop() {
					t0 := time.Now()
					if _, err := st.Search(ctx, site.ID, qs[i%len(qs)], 15, 0); err != nil {
						b.Fatal(err)
					}
					ds = append(ds, time.Since(t0))
					i++
				}
				b.ReportMetric(float64(cpuTime(b)-cpu0)/1e6/float64(i), "cpu-ms/op")
				slices.Sort(ds)
				b.ReportMetric(float64(ds[len(ds)*95/100])/1e6, "p95-ms")
			})
			for i, q := range qs {
				b.Run(benchQueries[i], func(b *testing.B) {
					b.ReportAllocs()
					var total, n int
					cpu0 := cpuTime(b)
					for b.Loop() {
						n++
						res, err := st.Search(ctx, site.ID, q, 15, 0)
						if err != nil {
							b.Fatal(err)
						}
						total = res.Total
					}
					b.ReportMetric(float64(total), "matches")
					b.ReportMetric(float64(cpuTime(b)-cpu0)/1e6/float64(n), "cpu-ms/op")
				})
			}
		})
	}
}
