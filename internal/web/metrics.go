package web

import (
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/congportal/cong/internal/visit"
)

// metrics are kept in atomics and written in the Prometheus text format by
// hand: a client library would be the biggest dependency for a dozen lines.
type metrics struct {
	mu     sync.RWMutex
	routes map[string]*routeMetrics
	excl   sync.Map // visit.Reason → *atomic.Int64
}

var latencyBuckets = []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5}

type routeMetrics struct {
	byClass [6]atomic.Int64 // 1xx..5xx by status/100
	buckets []atomic.Int64
	sumNs   atomic.Int64
	count   atomic.Int64
}

func newMetrics() *metrics { return &metrics{routes: map[string]*routeMetrics{}} }

func (m *metrics) route(pattern string) *routeMetrics {
	m.mu.RLock()
	rm := m.routes[pattern]
	m.mu.RUnlock()
	if rm != nil {
		return rm
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if rm = m.routes[pattern]; rm == nil {
		rm = &routeMetrics{buckets: make([]atomic.Int64, len(latencyBuckets))}
		m.routes[pattern] = rm
	}
	return rm
}

func (rm *routeMetrics) observe(status int, d time.Duration) {
	if c := status / 100; c >= 1 && c <= 5 {
		rm.byClass[c].Add(1)
	}
	secs := d.Seconds()
	for i, b := range latencyBuckets {
		if secs <= b {
			rm.buckets[i].Add(1)
			break
		}
	}
	rm.sumNs.Add(int64(d))
	rm.count.Add(1)
}

func (m *metrics) exclude(r visit.Reason) {
	v, ok := m.excl.Load(r)
	if !ok {
		v, _ = m.excl.LoadOrStore(r, new(atomic.Int64))
	}
	v.(*atomic.Int64).Add(1)
}

// statusWriter records the status for metrics.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (s *Server) writeMetrics(w io.Writer) {
	m := s.metrics
	m.mu.RLock()
	names := make([]string, 0, len(m.routes))
	for n := range m.routes {
		names = append(names, n)
	}
	m.mu.RUnlock()
	sort.Strings(names)
	fmt.Fprintln(w, "# HELP cong_http_requests_total HTTP requests by route pattern and status class.")
	fmt.Fprintln(w, "# TYPE cong_http_requests_total counter")
	for _, n := range names {
		rm := m.route(n)
		for c := 1; c <= 5; c++ {
			if v := rm.byClass[c].Load(); v > 0 {
				fmt.Fprintf(w, "cong_http_requests_total{route=%q,code=\"%dxx\"} %d\n", n, c, v)
			}
		}
	}
	fmt.Fprintln(w, "# HELP cong_http_request_duration_seconds Request latency by route pattern.")
	fmt.Fprintln(w, "# TYPE cong_http_request_duration_seconds histogram")
	for _, n := range names {
		rm := m.route(n)
		var cum int64
		for i, b := range latencyBuckets {
			cum += rm.buckets[i].Load()
			fmt.Fprintf(w, "cong_http_request_duration_seconds_bucket{route=%q,le=%q} %d\n", n, strconv.FormatFloat(b, 'f', -1, 64), cum)
		}
		fmt.Fprintf(w, "cong_http_request_duration_seconds_bucket{route=%q,le=\"+Inf\"} %d\n", n, rm.count.Load())
		fmt.Fprintf(w, "cong_http_request_duration_seconds_sum{route=%q} %g\n", n, float64(rm.sumNs.Load())/1e9)
		fmt.Fprintf(w, "cong_http_request_duration_seconds_count{route=%q} %d\n", n, rm.count.Load())
	}
	fmt.Fprintln(w, "# HELP cong_visit_excluded_total Page requests not counted as visits, by reason.")
	fmt.Fprintln(w, "# TYPE cong_visit_excluded_total counter")
	var reasons []string
	m.excl.Range(func(k, _ any) bool { reasons = append(reasons, string(k.(visit.Reason))); return true })
	sort.Strings(reasons)
	for _, r := range reasons {
		v, _ := m.excl.Load(visit.Reason(r))
		fmt.Fprintf(w, "cong_visit_excluded_total{reason=%q} %d\n", r, v.(*atomic.Int64).Load())
	}
	// The install's totals, as before there were several sites; the
	// per-site series follow (writeSiteMetrics).
	var flushes, flushErrs, counted int64
	for _, c := range s.allCounters() {
		flushes += c.Flushes.Load()
		flushErrs += c.FlushErrors.Load()
		counted += c.Counted.Load()
	}
	fmt.Fprintln(w, "# HELP cong_counter_flushes_total Counter flush transactions committed.")
	fmt.Fprintln(w, "# TYPE cong_counter_flushes_total counter")
	fmt.Fprintf(w, "cong_counter_flushes_total %d\n", flushes)
	fmt.Fprintln(w, "# HELP cong_counter_flush_errors_total Counter flushes that failed (their batch is retried).")
	fmt.Fprintln(w, "# TYPE cong_counter_flush_errors_total counter")
	fmt.Fprintf(w, "cong_counter_flush_errors_total %d\n", flushErrs)
	fmt.Fprintln(w, "# HELP cong_views_counted_total Article views counted by this instance before the database-wide window check.")
	fmt.Fprintln(w, "# TYPE cong_views_counted_total counter")
	fmt.Fprintf(w, "cong_views_counted_total %d\n", counted)
	s.writeSiteMetrics(w)
	fmt.Fprintln(w, "# HELP cong_page_cache_entries Rendered pages held in memory.")
	fmt.Fprintln(w, "# TYPE cong_page_cache_entries gauge")
	fmt.Fprintf(w, "cong_page_cache_entries %d\n", s.cache.len())
	fmt.Fprintln(w, "# HELP cong_page_cache_bytes Estimated memory of the rendered pages held (bounded).")
	fmt.Fprintln(w, "# TYPE cong_page_cache_bytes gauge")
	fmt.Fprintf(w, "cong_page_cache_bytes %d\n", s.cache.size())
	s.writeDBMetrics(w)
	s.writeBackupMetrics(w)
}

// writeDBMetrics reports the connection pool: wait counts and durations
// rising means the pool (or the database) is the bottleneck.
func (s *Server) writeDBMetrics(w io.Writer) {
	st := s.st.DB().Stats()
	gauge := func(name, help string, v any) {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s gauge\n%s %v\n", name, help, name, name, v)
	}
	counter := func(name, help string, v any) {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s counter\n%s %v\n", name, help, name, name, v)
	}
	gauge("cong_db_open_connections", "Open database connections.", st.OpenConnections)
	gauge("cong_db_in_use_connections", "Database connections in use.", st.InUse)
	gauge("cong_db_idle_connections", "Idle database connections.", st.Idle)
	gauge("cong_db_max_open_connections", "Pool size limit.", st.MaxOpenConnections)
	counter("cong_db_wait_total", "Times a request waited for a free connection.", st.WaitCount)
	counter("cong_db_wait_seconds_total", "Time spent waiting for a free connection.", st.WaitDuration.Seconds())
	counter("cong_db_closed_max_idle_total", "Connections closed because the idle pool was full.", st.MaxIdleClosed)
	counter("cong_db_closed_max_idle_time_total", "Connections closed after being idle too long.", st.MaxIdleTimeClosed)
	counter("cong_db_closed_max_lifetime_total", "Connections closed at their maximum lifetime.", st.MaxLifetimeClosed)
}

// writeBackupMetrics reports scheduled backups, when they are enabled: alert
// on time() - cong_backup_last_success_timestamp_seconds growing past the
// interval, or on failures rising.
func (s *Server) writeBackupMetrics(w io.Writer) {
	b := s.backups
	if b == nil {
		return
	}
	fmt.Fprintln(w, "# HELP cong_backup_last_success_timestamp_seconds Unix time of the last successful scheduled backup (0: none yet).")
	fmt.Fprintln(w, "# TYPE cong_backup_last_success_timestamp_seconds gauge")
	fmt.Fprintf(w, "cong_backup_last_success_timestamp_seconds %d\n", b.LastSuccess.Load())
	fmt.Fprintln(w, "# HELP cong_backup_last_size_bytes Size of the last successful backup archive.")
	fmt.Fprintln(w, "# TYPE cong_backup_last_size_bytes gauge")
	fmt.Fprintf(w, "cong_backup_last_size_bytes %d\n", b.LastBytes.Load())
	fmt.Fprintln(w, "# HELP cong_backup_last_duration_seconds How long the last successful backup took.")
	fmt.Fprintln(w, "# TYPE cong_backup_last_duration_seconds gauge")
	fmt.Fprintf(w, "cong_backup_last_duration_seconds %g\n", float64(b.LastSeconds.Load())/1000)
	fmt.Fprintln(w, "# HELP cong_backups_total Scheduled backups written.")
	fmt.Fprintln(w, "# TYPE cong_backups_total counter")
	fmt.Fprintf(w, "cong_backups_total %d\n", b.Successes.Load())
	fmt.Fprintln(w, "# HELP cong_backup_failures_total Scheduled backups that failed.")
	fmt.Fprintln(w, "# TYPE cong_backup_failures_total counter")
	fmt.Fprintf(w, "cong_backup_failures_total %d\n", b.Failures.Load())
}
