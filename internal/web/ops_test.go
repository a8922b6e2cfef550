package web_test

import (
	"encoding/json"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/backup"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/web"
)

// /metrics reports the database pool and scheduled backups; /healthz the
// build and both schema versions.
func TestOpsEndpoints(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		var bs backup.Stats
		bs.Successes.Add(3)
		bs.Failures.Add(1)
		bs.LastSuccess.Store(1764115200)
		proxies, _ := visit.ParseProxies("")
		var err error
		e.srv, err = web.New(web.Options{Store: s, Counter: e.counter, SiteID: e.site.ID, BaseURL: "https://cong.example.vn",
			Proxies: proxies, Location: time.UTC, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Version: "cong v1.2.3", Backups: &bs})
		if err != nil {
			t.Fatal(err)
		}
		e.get("/")
		m := e.localGet("/metrics")
		for _, want := range []string{
			"cong_db_open_connections ", "cong_db_max_open_connections ", "cong_db_wait_total ",
			"cong_backups_total 3", "cong_backup_failures_total 1", "cong_backup_last_success_timestamp_seconds 1764115200",
			"cong_counter_flushes_total ", `cong_http_requests_total{route="GET /{$}",code="2xx"} 1`,
		} {
			if !strings.Contains(m.body, want) {
				t.Errorf("/metrics lacks %q", want)
			}
		}
		h := e.get("/healthz")
		var got map[string]any
		if err := json.Unmarshal([]byte(h.body), &got); err != nil || h.code != 200 {
			t.Fatalf("healthz %d %s", h.code, h.body)
		}
		if got["version"] != "cong v1.2.3" || got["schema"] != float64(store.LatestSchema()) || got["schema_binary"] != float64(store.LatestSchema()) ||
			!strings.HasPrefix(got["go"].(string), "go") {
			t.Fatalf("healthz %v", got)
		}
	})
}
