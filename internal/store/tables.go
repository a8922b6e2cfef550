package store

import (
	"context"
	"errors"
	"fmt"
)

// LatestSchema is the newest migration this binary knows, on any engine: a
// database or backup above it was written by a newer cong.
func LatestSchema() int {
	v := 0
	for _, d := range []Dialect{SQLite, Postgres} {
		all, err := Migrations(d)
		if err == nil && len(all) > 0 && all[len(all)-1].Version > v {
			v = all[len(all)-1].Version
		}
	}
	return v
}

// Tables lists the database's tables, read from the schema rather than from
// a list in code, so backups, comparisons and checks pick up tables that
// later migrations add without being changed.
func (s *Store) Tables(ctx context.Context) ([]string, error) {
	q := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name`
	if s.dialect == Postgres {
		q = `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`
	}
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// ErrNotSQLite is returned by operations that only make sense on the
// embedded database.
var ErrNotSQLite = errors.New("chỉ dùng được với SQLite")

// Snapshot writes a transactionally consistent copy of the SQLite database
// to path (which must not exist) while other connections keep reading and
// writing: VACUUM INTO reads inside one read transaction, so the copy is the
// database as of one commit, and it is a plain file with no WAL beside it.
func (s *Store) Snapshot(ctx context.Context, path string) error {
	if s.dialect != SQLite {
		return ErrNotSQLite
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		return fmt.Errorf("chụp cơ sở dữ liệu: %w", err)
	}
	return nil
}

// IntegrityCheck runs SQLite's full integrity check and returns its verdict
// ("ok" when the file is sound).
func (s *Store) IntegrityCheck(ctx context.Context) (string, error) {
	if s.dialect != SQLite {
		return "", ErrNotSQLite
	}
	var res string
	err := s.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res)
	return res, err
}
