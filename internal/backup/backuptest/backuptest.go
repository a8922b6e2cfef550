// Package backuptest compares databases and data folders for tests: every
// table read from the schema, every file by content.
package backuptest

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/store"
)

// Rows returns every row of table as a string, sorted, so two databases can
// be compared row by row whatever their physical order.
func Rows(t testing.TB, st *store.Store, table string) []string {
	t.Helper()
	// table comes from the schema (store.Tables), never from input.
	rows, err := st.DB().QueryContext(context.Background(), `SELECT * FROM "`+strings.ReplaceAll(table, `"`, `""`)+`"`)
	if err != nil {
		t.Fatalf("%s: %v", table, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for i, v := range vals {
			if i > 0 {
				b.WriteString(" | ")
			}
			if bs, ok := v.([]byte); ok {
				v = string(bs)
			}
			fmt.Fprintf(&b, "%v", v)
		}
		out = append(out, b.String())
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// Dump returns table's rows keyed by their first column (the id).
func Dump(t testing.TB, st *store.Store, table string) map[string]string {
	out := map[string]string{}
	for _, r := range Rows(t, st, table) {
		k, _, _ := strings.Cut(r, " | ")
		out[k] = r
	}
	return out
}

// SameDatabase fails unless a and b have the same tables with the same rows.
func SameDatabase(t testing.TB, a, b *store.Store) {
	t.Helper()
	ta, err := a.Tables(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	tb, err := b.Tables(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(ta, ",") != strings.Join(tb, ",") {
		t.Fatalf("tables differ:\n%v\n%v", ta, tb)
	}
	if len(ta) < 10 {
		t.Fatalf("only %d tables: %v", len(ta), ta)
	}
	for _, name := range ta {
		ra, rb := Rows(t, a, name), Rows(t, b, name)
		if len(ra) != len(rb) {
			t.Fatalf("%s: %d rows vs %d", name, len(ra), len(rb))
		}
		for i := range ra {
			if ra[i] != rb[i] {
				t.Fatalf("%s: row differs:\n%s\n%s", name, ra[i], rb[i])
			}
		}
	}
}

// Files lists a data folder's files as path → content, leaving out what a
// backup leaves out (live database files, backups, dot-files).
func Files(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") || rel == "backups" {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || strings.HasPrefix(rel, "cong.db") {
			return nil
		}
		b, err := os.ReadFile(p)
		out[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// SameFiles fails unless the two data folders hold the same files.
func SameFiles(t testing.TB, a, b string) {
	t.Helper()
	fa, fb := Files(t, a), Files(t, b)
	if len(fa) != len(fb) {
		t.Fatalf("files differ: %d vs %d\n%v\n%v", len(fa), len(fb), keys(fa), keys(fb))
	}
	for k, v := range fa {
		if fb[k] != v {
			t.Fatalf("file %s differs or is missing", k)
		}
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Rewrite repacks a backup archive: edit sees each entry and returns its
// new content, or false to drop it; add appends entries.
func Rewrite(t testing.TB, raw []byte, edit func(name string, body []byte) ([]byte, bool), add map[string][]byte) []byte {
	t.Helper()
	gz, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	var out bytes.Buffer
	gw := gzip.NewWriter(&out)
	tw := tar.NewWriter(gw)
	put := func(name string, body []byte) {
		tw.WriteHeader(&tar.Header{Name: name, Mode: 0o640, Size: int64(len(body)), Typeflag: tar.TypeReg})
		tw.Write(body)
	}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(tr)
		if edit != nil {
			var keep bool
			if body, keep = edit(h.Name, body); !keep {
				continue
			}
		}
		put(h.Name, body)
	}
	for n, b := range add {
		put(n, b)
	}
	tw.Close()
	gw.Close()
	return out.Bytes()
}

// SetSchema is an edit for Rewrite that changes the manifest's schema version.
func SetSchema(v int) func(string, []byte) ([]byte, bool) {
	return func(name string, body []byte) ([]byte, bool) {
		if name != "manifest.json" {
			return body, true
		}
		var m map[string]any
		json.Unmarshal(body, &m)
		m["schema_version"] = v
		b, _ := json.Marshal(m)
		return b, true
	}
}

// Logger writes to the test log.
func Logger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(tlog{t}, nil))
}

type tlog struct{ t testing.TB }

func (w tlog) Write(b []byte) (int, error) { w.t.Log(strings.TrimSpace(string(b))); return len(b), nil }
