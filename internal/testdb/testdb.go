// Package testdb gives each test a fresh, migrated database: SQLite always,
// and PostgreSQL too when CONG_TEST_PG holds a connection URL (GoatCounter's
// model: one code base, every test on both engines).
package testdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/congportal/cong/internal/store"
)

// Engines lists the engines tests run on in this environment.
func Engines() []string {
	if os.Getenv("CONG_TEST_PG") != "" {
		return []string{"sqlite", "postgres"}
	}
	return []string{"sqlite"}
}

// Each runs fn as a subtest once per engine, each with its own fresh store.
func Each(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Helper()
	for _, eng := range Engines() {
		t.Run(eng, func(t *testing.T) {
			fn(t, Open(t, eng))
		})
	}
}

// Open returns a fresh migrated store on the named engine, removed when the
// test ends.
func Open(t testing.TB, engine string) *store.Store {
	t.Helper()
	u := URL(t, engine)
	s, err := store.Open(context.Background(), u, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// URL creates an empty database on the engine and returns its --db URL
// ("" means SQLite in a temporary folder is fine, but a file path is given
// so two stores can share it). The database is dropped when the test ends.
func URL(t testing.TB, engine string) string {
	t.Helper()
	if engine != "postgres" {
		return "sqlite:" + filepath.Join(t.TempDir(), "cong.db")
	}
	base := os.Getenv("CONG_TEST_PG")
	if base == "" {
		t.Skip("CONG_TEST_PG not set")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	b := make([]byte, 6)
	rand.Read(b)
	name := "cong_t_" + hex.EncodeToString(b)
	if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		a, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer a.Close()
		if _, err := a.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`); err != nil {
			t.Logf("drop test database %s: %v", name, err)
		}
	})
	pu, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	pu.Path = "/" + name
	return pu.String()
}
