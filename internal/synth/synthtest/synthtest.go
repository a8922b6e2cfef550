// Package synthtest gives benchmarks a SQLite store filled by synth. Small
// sets are generated per benchmark; large ones (10,000 articles and more)
// take minutes, so they are generated once into the system's temporary
// folder and reused by later runs.
package synthtest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/synth"
	"github.com/congportal/cong/internal/testdb"
)

// Seed is the seed of every generated set.
const Seed = 1

// cacheFrom is the size from which generated databases are kept.
const cacheFrom = 10000

var site = news.Site{Slug: "default", Name: "Cổng thông tin điện tử", Description: "Cổng thông tin điện tử"}

// Open returns a migrated SQLite store whose default site holds n synthetic
// articles, and the site.
func Open(tb testing.TB, n int) (*store.Store, news.Site) {
	tb.Helper()
	ctx := context.Background()
	if n < cacheFrom {
		st := testdb.Open(tb, "sqlite")
		s := fill(tb, st, n)
		return st, s
	}
	path := filepath.Join(os.TempDir(), fmt.Sprintf("cong-synth-%d-seed%d.db", n, Seed))
	if _, err := os.Stat(path); err != nil {
		tb.Logf("generating %d articles into %s (kept for later runs)", n, path)
		tmp := path + ".part"
		for _, f := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
			os.Remove(f)
		}
		st, err := store.Open(ctx, "sqlite:"+tmp, "")
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := st.Migrate(ctx); err != nil {
			tb.Fatal(err)
		}
		start := time.Now()
		fill(tb, st, n)
		tb.Logf("generated in %s", time.Since(start).Round(time.Second))
		if err := st.Close(); err != nil {
			tb.Fatal(err)
		}
		if err := os.Rename(tmp, path); err != nil {
			tb.Fatal(err)
		}
	}
	st, err := store.Open(ctx, "sqlite:"+path, "")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(ctx); err != nil {
		tb.Fatal(err)
	}
	s, err := st.EnsureSite(ctx, site)
	if err != nil {
		tb.Fatal(err)
	}
	return st, s
}

func fill(tb testing.TB, st *store.Store, n int) news.Site {
	tb.Helper()
	ctx := context.Background()
	s, err := st.EnsureSite(ctx, site)
	if err != nil {
		tb.Fatal(err)
	}
	if err := synth.GenerateWith(ctx, st, s.ID, synth.Options{Articles: n, Seed: Seed}); err != nil {
		tb.Fatal(err)
	}
	return s
}
