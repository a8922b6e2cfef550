package backup_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/congportal/cong/internal/backup"
	"github.com/congportal/cong/internal/backup/backuptest"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
)

var ctx = context.Background()

// newData makes a data folder with a migrated database, some content and
// files in several sub-folders, as later features will add them.
func newData(t *testing.T) (string, *store.Store, news.Site) {
	t.Helper()
	data := t.TempDir()
	st, err := store.Open(ctx, "", data)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	site, err := st.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng xã Hòa Phong"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		a := &news.Article{SiteID: site.ID, Title: fmt.Sprintf("Hội nghị tổng kết công tác năm %d", 2020+i), Status: news.StatusPublished, BodyHTML: "<p>Nội dung ]]> đầy đủ</p>"}
		if err := st.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		"media/ab/abcdef.jpg":          "\xff\xd8\xff ảnh",
		"media/ab/abcdef-640.webp":     "RIFF biến thể",
		"dossiers/2026/11/HP-0001.pdf": "%PDF-1.7 hồ sơ công dân",
		"backups/cong-old.tar.gz":      "không được sao lưu lại",
		".upload-123":                  "đang tải lên",
		"media/.upload-9":              "đang tải lên",
		"ghi-chu.txt":                  "tệp của quản trị viên",
	}
	for p, body := range files {
		full := filepath.Join(data, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o750)
		if err := os.WriteFile(full, []byte(body), 0o640); err != nil {
			t.Fatal(err)
		}
	}
	return data, st, site
}

func openRestored(t *testing.T, dir string) *store.Store {
	t.Helper()
	st, err := store.Open(ctx, "", dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if res, err := st.IntegrityCheck(ctx); err != nil || res != "ok" {
		t.Fatalf("integrity_check: %q %v", res, err)
	}
	return st
}

// A backup taken while articles are being written restores to a sound
// database holding a prefix of the writes; one taken at rest restores to an
// identical copy of every table and every file.
func TestBackupUnderLoadAndRestore(t *testing.T) {
	data, st, site := newData(t)
	var written atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var writeErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			a := &news.Article{SiteID: site.ID, Title: fmt.Sprintf("Tin viết trong lúc sao lưu số %d", i), Status: news.StatusPublished, BodyHTML: "<p>Đang ghi</p>"}
			if err := st.SaveArticle(ctx, a); err != nil {
				writeErr = err
				return
			}
			written.Add(1)
		}
	}()
	for written.Load() < 20 {
		time.Sleep(5 * time.Millisecond)
	}
	dest := filepath.Join(t.TempDir(), "sao-luu.tar.gz")
	before := written.Load()
	m, err := backup.Create(ctx, st, data, dest, "test")
	after := written.Load()
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if writeErr != nil {
		t.Fatal(writeErr)
	}
	if m.Schema != store.LatestSchema() || m.Format != backup.Format {
		t.Fatalf("manifest %+v", m)
	}
	var paths []string
	for _, f := range m.Files {
		paths = append(paths, f.Path)
	}
	sort.Strings(paths)
	want := []string{"cong.db", "dossiers/2026/11/HP-0001.pdf", "ghi-chu.txt", "media/ab/abcdef-640.webp", "media/ab/abcdef.jpg"}
	if strings.Join(paths, ",") != strings.Join(want, ",") {
		t.Fatalf("archived %v, want %v", paths, want)
	}

	target := filepath.Join(t.TempDir(), "moi")
	if _, err := backup.Restore(ctx, dest, target, backup.RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
	rst := openRestored(t, target)
	var n int64
	rst.DB().QueryRow(`SELECT COUNT(*) FROM articles WHERE title LIKE 'Tin viết trong lúc%'`).Scan(&n)
	if n < before || n > after+1 {
		t.Fatalf("restored %d articles written under load; %d were committed before the backup started, %d after it ended", n, before, after)
	}
	// Every restored article is exactly the source row.
	src := backuptest.Dump(t, st, "articles")
	for k, row := range backuptest.Dump(t, rst, "articles") {
		if src[k] != row {
			t.Fatalf("restored row differs:\n%s\n%s", row, src[k])
		}
	}
	backuptest.SameFiles(t, data, target)

	// At rest: identical.
	dest2 := filepath.Join(t.TempDir(), "b.tar.gz")
	if _, err := backup.Create(ctx, st, data, dest2, "test"); err != nil {
		t.Fatal(err)
	}
	target2 := filepath.Join(t.TempDir(), "lan2")
	if _, err := backup.Restore(ctx, dest2, target2, backup.RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
	backuptest.SameDatabase(t, st, openRestored(t, target2))
	backuptest.SameFiles(t, data, target2)
}

func makeBackup(t *testing.T) (string, string) {
	data, st, _ := newData(t)
	dest := filepath.Join(t.TempDir(), "b.tar.gz")
	if _, err := backup.Create(ctx, st, data, dest, "test"); err != nil {
		t.Fatal(err)
	}
	return data, dest
}

// nothingWritten fails when dir's parent got anything besides dir's
// previous content.
func assertUntouched(t *testing.T, parent string, before []string) {
	t.Helper()
	got, _ := os.ReadDir(parent)
	var names []string
	for _, e := range got {
		names = append(names, e.Name())
	}
	if strings.Join(names, ",") != strings.Join(before, ",") {
		t.Fatalf("restore left %v in %s, want %v", names, parent, before)
	}
}

func TestRestoreRefusesBadArchives(t *testing.T) {
	_, good := makeBackup(t)
	raw, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o640)
		return p
	}
	flipped := bytes.Clone(raw)
	flipped[len(flipped)/2] ^= 0x55
	cases := map[string]struct {
		file string
		want error
	}{
		"truncated": {write("cut.tar.gz", raw[:len(raw)*2/3]), backup.ErrCorrupt},
		"tail cut":  {write("tail.tar.gz", raw[:len(raw)-10]), backup.ErrCorrupt},
		"flipped":   {write("flip.tar.gz", flipped), backup.ErrCorrupt},
		"not gzip":  {write("x.tar.gz", []byte("xin chào")), backup.ErrCorrupt},
		"empty":     {write("e.tar.gz", nil), backup.ErrCorrupt},
		"tampered": {write("t.tar.gz", backuptest.Rewrite(t, raw, func(n string, b []byte) ([]byte, bool) {
			if n == "data/ghi-chu.txt" {
				return []byte("đã sửa"), true
			}
			return b, true
		}, nil)), backup.ErrCorrupt},
		"no manifest":  {write("nm.tar.gz", backuptest.Rewrite(t, raw, func(n string, b []byte) ([]byte, bool) { return b, n != "manifest.json" }, nil)), backup.ErrCorrupt},
		"escape":       {write("esc.tar.gz", backuptest.Rewrite(t, raw, nil, map[string][]byte{"data/../../etc/x": []byte("x")})), backup.ErrCorrupt},
		"newer schema": {write("new.tar.gz", backuptest.Rewrite(t, raw, backuptest.SetSchema(store.LatestSchema()+1), nil)), backup.ErrNewer},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			parent := t.TempDir()
			target := filepath.Join(parent, "data")
			_, err := backup.Restore(ctx, c.file, target, backup.RestoreOptions{Force: true})
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("message not one line: %q", err)
			}
			assertUntouched(t, parent, nil)
		})
	}
}

func TestRestoreTargets(t *testing.T) {
	_, good := makeBackup(t)

	// A non-empty folder is refused without --force and left alone.
	parent := t.TempDir()
	target := filepath.Join(parent, "data")
	os.MkdirAll(target, 0o750)
	os.WriteFile(filepath.Join(target, "cong.db"), []byte("dữ liệu đang dùng"), 0o640)
	if _, err := backup.Restore(ctx, good, target, backup.RestoreOptions{}); !errors.Is(err, backup.ErrNotEmpty) {
		t.Fatalf("non-empty target: %v", err)
	}
	assertUntouched(t, parent, []string{"data"})
	if b, _ := os.ReadFile(filepath.Join(target, "cong.db")); string(b) != "dữ liệu đang dùng" {
		t.Fatal("existing data changed")
	}
	// With --force it is swapped, and the old folder kept beside it.
	res, err := backup.Restore(ctx, good, target, backup.RestoreOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(res.Previous, "cong.db")); string(b) != "dữ liệu đang dùng" {
		t.Fatalf("old folder not kept at %q", res.Previous)
	}
	openRestored(t, target)

	// An empty existing folder is fine.
	empty := t.TempDir()
	if _, err := backup.Restore(ctx, good, empty, backup.RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
	openRestored(t, empty)

	// An unwritable place (here: under a regular file, which holds even
	// for root) fails cleanly.
	file := filepath.Join(t.TempDir(), "tep")
	os.WriteFile(file, nil, 0o640)
	if _, err := backup.Restore(ctx, good, filepath.Join(file, "data"), backup.RestoreOptions{}); err == nil {
		t.Fatal("restore under a file succeeded")
	}
}

func TestCreateNeverLeavesHalfFile(t *testing.T) {
	data, st, _ := newData(t)
	// Destination folder that cannot exist.
	file := filepath.Join(t.TempDir(), "tep")
	os.WriteFile(file, nil, 0o640)
	if _, err := backup.Create(ctx, st, data, filepath.Join(file, "b.tar.gz"), "test"); err == nil {
		t.Fatal("backup into a non-folder succeeded")
	}
	// A cancelled backup leaves neither the file nor temporaries.
	dir := t.TempDir()
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := backup.Create(cctx, st, data, filepath.Join(dir, "b.tar.gz"), "test"); err == nil {
		t.Fatal("cancelled backup succeeded")
	}
	if e, _ := os.ReadDir(dir); len(e) != 0 {
		t.Fatalf("left behind: %v", e)
	}
	// An existing backup is replaced only by a complete one.
	dest := filepath.Join(dir, "b.tar.gz")
	os.WriteFile(dest, []byte("bản cũ"), 0o640)
	cctx, cancel = context.WithCancel(ctx)
	cancel()
	backup.Create(cctx, st, data, dest, "test")
	if b, _ := os.ReadFile(dest); string(b) != "bản cũ" {
		t.Fatal("failed backup overwrote the previous file")
	}
}

func TestRotate(t *testing.T) {
	dir := t.TempDir()
	base := time.Date(2026, 11, 1, 2, 0, 0, 0, time.UTC)
	for i := range 10 {
		os.WriteFile(filepath.Join(dir, backup.ScheduledName(base.Add(time.Duration(i)*24*time.Hour))), nil, 0o640)
	}
	os.WriteFile(filepath.Join(dir, "ban-sao-tay.tar.gz"), nil, 0o640)
	removed, err := backup.Rotate(dir, 7)
	if err != nil || len(removed) != 3 {
		t.Fatalf("removed %v %v", removed, err)
	}
	e, _ := os.ReadDir(dir)
	if len(e) != 8 || e[0].Name() != "ban-sao-tay.tar.gz" || e[1].Name() != backup.ScheduledName(base.Add(3*24*time.Hour)) {
		t.Fatalf("left %v", e)
	}
}

func TestSchedulerCountsResults(t *testing.T) {
	data, st, _ := newData(t)
	var stats backup.Stats
	sc := &backup.Scheduler{Store: st, DataDir: data, Every: time.Hour, Keep: 2, Version: "test", Logger: backuptest.Logger(t), Stats: &stats}
	for range 3 {
		if err := sc.Once(ctx); err != nil {
			t.Fatal(err)
		}
		time.Sleep(1100 * time.Millisecond) // names have second resolution
	}
	e, _ := os.ReadDir(filepath.Join(data, backup.BackupsDir))
	if len(e) != 3 || stats.Successes.Load() != 3 || stats.LastSuccess.Load() == 0 { // cong-old + 2 kept
		t.Fatalf("backups %v, stats %d", e, stats.Successes.Load())
	}
	// A broken data folder is counted as a failure.
	sc.DataDir = filepath.Join(data, "ghi-chu.txt")
	if err := sc.Once(ctx); err == nil || stats.Failures.Load() != 1 {
		t.Fatalf("failure not counted: %v", err)
	}
}
