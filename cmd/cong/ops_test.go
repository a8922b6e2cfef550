package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/backup/backuptest"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	var out bytes.Buffer
	if err := run(context.Background(), args, &out, io.Discard, noenv); err != nil {
		t.Fatalf("%q: %v", args, err)
	}
	return out.String()
}

// serveBriefly starts serve on data, checks it answers, and stops it.
func serveBriefly(t *testing.T, data string, check func(base string)) {
	t.Helper()
	addr := freeAddr(t)
	base := "http://" + addr
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--data", data, "--addr", addr, "--base-url", base}, io.Discard, io.Discard, noenv)
	}()
	waitUp(t, base)
	check(base)
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// The admin's drill: back up a live folder, restore it elsewhere, start
// from it; refusals for a non-empty folder; export and re-import.
func TestBackupRestoreExportCommands(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	mustRun(t, "import", "wxr", "--data", data, "../../internal/wxr/testdata/site.wxr.xml")
	os.MkdirAll(filepath.Join(data, "media", "ab"), 0o750)
	os.WriteFile(filepath.Join(data, "media", "ab", "anh.jpg"), []byte("ảnh"), 0o640)

	file := filepath.Join(t.TempDir(), "sao-luu.tar.gz")
	if out := mustRun(t, "backup", "--data", data, file); !strings.Contains(out, "Đã sao lưu 2 tệp") {
		t.Fatalf("backup: %s", out)
	}
	if out := mustRun(t, "restore", "--verify", file); !strings.Contains(out, "Tệp sao lưu hợp lệ: 2 tệp") {
		t.Fatalf("verify: %s", out)
	}
	restored := filepath.Join(t.TempDir(), "khoi-phuc")
	if out := mustRun(t, "restore", "--data", restored, file); !strings.Contains(out, "Đã khôi phục 2 tệp") {
		t.Fatalf("restore: %s", out)
	}
	// Refused the second time, exit 2, nothing changed.
	err := run(context.Background(), []string{"restore", "--data", restored, file}, io.Discard, io.Discard, noenv)
	if exitCode(err) != 2 || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("restore onto data: %v", err)
	}
	a, err := store.Open(context.Background(), "", data)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := store.Open(context.Background(), "", restored)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	backuptest.SameDatabase(t, a, b)
	backuptest.SameFiles(t, data, restored)

	serveBriefly(t, restored, func(base string) {
		if out := mustRun(t, "healthcheck", "--url", base+"/healthz"); !strings.Contains(out, `"status":"ok"`) {
			t.Fatalf("healthcheck: %s", out)
		}
		home := get(t, base+"/")
		if !strings.Contains(home, "Tân Phú") {
			t.Fatal("restored portal does not show its content")
		}
		var h struct {
			Status       string
			Schema       int
			SchemaBinary int `json:"schema_binary"`
			Go           string
		}
		if err := json.Unmarshal([]byte(get(t, base+"/healthz")), &h); err != nil || h.Status != "ok" || h.Schema != store.LatestSchema() || h.SchemaBinary != h.Schema || h.Go == "" {
			t.Fatalf("healthz %+v %v", h, err)
		}
	})
	if out := mustRun(t, "version", "--data", restored); !strings.Contains(out, "Lược đồ của cơ sở dữ liệu: "+strconv.Itoa(store.LatestSchema())) {
		t.Fatalf("version: %s", out)
	}

	// Export, then import into an empty folder.
	x := filepath.Join(t.TempDir(), "xuat.xml")
	if out := mustRun(t, "export", "wxr", "--data", data, "--base-url", "https://tanphu.example.vn", x); !strings.Contains(out, "bài viết: 5") {
		t.Fatalf("export: %s", out)
	}
	if out := mustRun(t, "import", "wxr", "--data", filepath.Join(t.TempDir(), "moi"), x); !strings.Contains(out, "Bài viết đã nhập: 5") {
		t.Fatalf("import of export: %s", out)
	}
	j := filepath.Join(t.TempDir(), "xuat.json")
	mustRun(t, "export", "json", "--data", data, j)
	var doc map[string]any
	raw, _ := os.ReadFile(j)
	if err := json.Unmarshal(raw, &doc); err != nil || len(doc["articles"].([]any)) != 5 {
		t.Fatalf("json export: %v", err)
	}
	if err := run(context.Background(), []string{"export", "csv", x}, io.Discard, io.Discard, noenv); exitCode(err) != 2 {
		t.Fatalf("export csv: %v", err)
	}
}

// On PostgreSQL, backup and restore say what to do instead and exit 2,
// so a cron job never mistakes the advice for a backup.
func TestBackupOnPostgresExplains(t *testing.T) {
	var out bytes.Buffer
	err := run(context.Background(), []string{"backup", "--db", "postgres://cong:mat-khau-bi-mat@db.internal/cong", "x.tar.gz"}, &out, io.Discard, noenv)
	if exitCode(err) != 2 || !strings.Contains(out.String(), "pg_dump -Fc") || strings.Contains(out.String(), "mat-khau-bi-mat") {
		t.Fatalf("exit %d, output %s", exitCode(err), out.String())
	}
	err = run(context.Background(), []string{"serve", "--db", "postgres://x@127.0.0.1:1/x", "--backup-every", "24h"}, io.Discard, io.Discard, noenv)
	if exitCode(err) != 2 {
		t.Fatalf("serve --backup-every on postgres: %v", err)
	}
	if err := run(context.Background(), []string{"healthcheck", "--url", "http://" + freeAddr(t) + "/healthz"}, io.Discard, io.Discard, noenv); exitCode(err) != 1 {
		t.Errorf("healthcheck of nothing: %v", err)
	}
	notDir := filepath.Join(t.TempDir(), "tep")
	os.WriteFile(notDir, nil, 0o640)
	for _, args := range [][]string{
		{"serve", "--data", filepath.Join(notDir, "data"), "--addr", freeAddr(t)}, // data folder cannot be created
		{"backup", "--data", t.TempDir(), "x.tar.gz"},                             // no database there
		{"backup"},
		{"backup", "--db", "sqlite:/tmp/khac.db", "x.tar.gz"},
		{"restore", "--data", t.TempDir()},
		{"serve", "--backup-every", "1s"},
		{"serve", "--backup-keep", "0"},
	} {
		if err := run(context.Background(), args, io.Discard, io.Discard, noenv); exitCode(err) != 2 {
			t.Errorf("%q: %v", args, err)
		}
	}
}

// A database migrated by a newer cong is refused by serve and migrate with
// one line and exit 2, on both engines.
func TestNewerDatabaseRefused(t *testing.T) {
	for _, eng := range testdb.Engines() {
		t.Run(eng, func(t *testing.T) {
			u := testdb.URL(t, eng)
			st := testdb.Open(t, eng)
			st.Close()
			s, err := store.Open(context.Background(), u, t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.Migrate(context.Background()); err != nil {
				t.Fatal(err)
			}
			if _, err := s.DB().Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'tuong_lai', '2030-01-01T00:00:00Z')`); err != nil {
				t.Fatal(err)
			}
			s.Close()
			for _, args := range [][]string{
				{"serve", "--db", u, "--addr", freeAddr(t)},
				{"migrate", "--db", u},
				{"migrate", "--db", u, "--dry-run"},
			} {
				err := run(context.Background(), args, io.Discard, io.Discard, noenv)
				if exitCode(err) != 2 || !strings.Contains(err.Error(), "mới hơn") || strings.Contains(err.Error(), "\n") {
					t.Errorf("%v: exit %d: %v", args[0], exitCode(err), err)
				}
			}
			var out bytes.Buffer
			run(context.Background(), []string{"version", "--db", u}, &out, io.Discard, noenv)
			if !strings.Contains(out.String(), "9999 — mới hơn chương trình") {
				t.Errorf("version: %s", out.String())
			}
		})
	}
}
