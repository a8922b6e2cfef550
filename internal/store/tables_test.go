package store_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// A version row this binary does not have, even below its newest, means
// another build migrated the database: refused before anything runs.
func TestUnknownMigrationRefused(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		if _, err := s.DB().Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (5, 'nhanh_khac', '2026-01-01T00:00:00Z')`); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Migrate(ctx); !errors.Is(err, store.ErrNewerSchema) {
			t.Fatalf("migrate: %v", err)
		}
		if _, err := s.Pending(ctx); !errors.Is(err, store.ErrNewerSchema) {
			t.Fatalf("pending: %v", err)
		}
	})
}

func TestTablesFromSchema(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		tables, err := s.Tables(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"articles", "categories", "media", "schema_migrations", "users"} {
			if !slices.Contains(tables, want) {
				t.Errorf("%s missing from %v", want, tables)
			}
		}
		if s.Dialect() == store.SQLite {
			if res, err := s.IntegrityCheck(ctx); err != nil || res != "ok" {
				t.Fatalf("integrity %q %v", res, err)
			}
		}
	})
}
