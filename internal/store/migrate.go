package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Migration is one schema step. Files are named NNNN_name.sql, or
// NNNN_name.sqlite.sql / NNNN_name.postgres.sql when the engines differ.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations lists the embedded migrations for the dialect, in order.
func Migrations(d Dialect) ([]Migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	byVersion := map[int]Migration{}
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".sql")
		switch {
		case strings.HasSuffix(name, ".sqlite"):
			if d != SQLite {
				continue
			}
			name = strings.TrimSuffix(name, ".sqlite")
		case strings.HasSuffix(name, ".postgres"):
			if d != Postgres {
				continue
			}
			name = strings.TrimSuffix(name, ".postgres")
		}
		num, rest, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: tên phải có dạng NNNN_ten.sql", e.Name())
		}
		body, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		if _, dup := byVersion[v]; dup {
			return nil, fmt.Errorf("migration %d xuất hiện hai lần", v)
		}
		byVersion[v] = Migration{Version: v, Name: rest, SQL: string(body)}
	}
	out := make([]Migration, 0, len(byVersion))
	for _, m := range byVersion {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

// SchemaVersion returns the highest applied migration (0 for an empty database).
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&v)
	return int(v.Int64), err
}

// ensureMigrationTable creates the version table. CREATE TABLE IF NOT
// EXISTS is not safe against a concurrent creator on PostgreSQL (it fails on
// the type's unique index), so it runs under the migration lock.
func (s *Store) ensureMigrationTable(ctx context.Context) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.migrationLock(ctx, tx); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    INTEGER PRIMARY KEY,
			name       TEXT NOT NULL,
			applied_at TEXT NOT NULL)`)
		return err
	})
}

// migrationLock serialises migrations across instances on PostgreSQL for
// the rest of the transaction. SQLite's write lock already does.
func (s *Store) migrationLock(ctx context.Context, tx *sql.Tx) error {
	if s.dialect != Postgres {
		return nil
	}
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(727368)`)
	return err
}

// Pending lists migrations not yet applied. A migration is pending when its
// version has no row, even if a higher version has one: work merged from
// parallel branches may land with a lower number than what already ran.
func (s *Store) Pending(ctx context.Context) ([]Migration, error) {
	if err := s.ensureMigrationTable(ctx); err != nil {
		return nil, err
	}
	all, err := Migrations(s.dialect)
	if err != nil {
		return nil, err
	}
	cur, err := s.SchemaVersion(ctx)
	if err != nil {
		return nil, err
	}
	applied, err := s.appliedVersions(ctx)
	if err != nil {
		return nil, err
	}
	if err := checkKnown(all, applied, cur); err != nil {
		return nil, err
	}
	var out []Migration
	for _, m := range all {
		if !applied[m.Version] {
			out = append(out, m)
		}
	}
	return out, nil
}

// ErrNewerSchema is returned when the database was migrated by a newer (or
// different) cong: running older code on it could corrupt data, so nothing
// runs.
var ErrNewerSchema = errors.New("cơ sở dữ liệu mới hơn chương trình")

func (s *Store) appliedVersions(ctx context.Context) (map[int]bool, error) {
	applied := map[int]bool{}
	rows, err := s.db.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		applied[v] = true
	}
	return applied, rows.Err()
}

// checkKnown refuses a database that has applied migrations this binary
// does not have: a higher version (a newer cong ran on it), or an unknown
// one below (a different build did).
func checkKnown(all []Migration, applied map[int]bool, cur int) error {
	newest := 0
	known := map[int]bool{}
	for _, m := range all {
		known[m.Version] = true
		newest = max(newest, m.Version)
	}
	if cur > newest {
		return fmt.Errorf("%w: lược đồ của cơ sở dữ liệu là %d, chương trình này chỉ biết đến %d; hãy dùng bản cong mới hơn (cong version cho biết phiên bản)", ErrNewerSchema, cur, newest)
	}
	var unknown []int
	for v := range applied {
		if !known[v] {
			unknown = append(unknown, v)
		}
	}
	if len(unknown) > 0 {
		sort.Ints(unknown)
		return fmt.Errorf("%w: cơ sở dữ liệu đã chạy các bước lược đồ %v mà chương trình này không có; hãy dùng đúng bản cong đã nâng cấp nó", ErrNewerSchema, unknown)
	}
	return nil
}

// Migrate applies pending migrations, each in a transaction together with its
// version row. On PostgreSQL an advisory lock makes instances that start at
// the same time apply each migration once.
func (s *Store) Migrate(ctx context.Context) ([]Migration, error) {
	if err := s.ensureMigrationTable(ctx); err != nil {
		return nil, err
	}
	all, err := Migrations(s.dialect)
	if err != nil {
		return nil, err
	}
	// Checked before the first step too, so the refusal is one clear
	// line rather than an error from inside a migration.
	done, err := s.appliedVersions(ctx)
	if err != nil {
		return nil, err
	}
	cur, err := s.SchemaVersion(ctx)
	if err != nil {
		return nil, err
	}
	if err := checkKnown(all, done, cur); err != nil {
		return nil, err
	}
	var applied []Migration
	var rebuild Migration
	for _, m := range all {
		did, err := s.applyOne(ctx, m, all[len(all)-1].Version)
		if errors.Is(err, ErrNewerSchema) {
			return applied, err
		}
		if err != nil {
			return applied, fmt.Errorf("migration %04d_%s: %w", m.Version, m.Name, err)
		}
		if did {
			applied = append(applied, m)
			if m.Version == daySummariesMigration || m.Version == spanSummariesMigration {
				rebuild = m
			}
		}
	}
	if rebuild.Version != 0 {
		// The statistics' summary rows start from the dossiers already
		// there (Go computes them; SQL alone cannot), once every table the
		// rebuild writes exists. Interrupted here, `cong stats rebuild`
		// finishes the job.
		if _, err := s.RebuildDaySummaries(ctx); err != nil {
			return applied, fmt.Errorf("migration %04d_%s: summaries: %w", rebuild.Version, rebuild.Name, err)
		}
	}
	return applied, nil
}

// daySummariesMigration creates dossier_day_stats; spanSummariesMigration
// adds its running balances and the month and year rows.
const (
	daySummariesMigration  = 27
	spanSummariesMigration = 31
)

func (s *Store) applyOne(ctx context.Context, m Migration, newest int) (bool, error) {
	did := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.migrationLock(ctx, tx); err != nil {
			return err
		}
		var cur sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&cur); err != nil {
			return err
		}
		if int(cur.Int64) > newest {
			// Another instance, newer than this one, migrated meanwhile.
			return fmt.Errorf("%w: lược đồ của cơ sở dữ liệu là %d, chương trình này chỉ biết đến %d; hãy dùng bản cong mới hơn", ErrNewerSchema, cur.Int64, newest)
		}
		var done int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM schema_migrations WHERE version = ?`), m.Version).Scan(&done); err != nil {
			return err
		}
		if done > 0 {
			return nil
		}
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			return err
		}
		if step := s.migrationStep(m.Version); step != nil {
			if err := step(ctx, tx); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`),
			m.Version, m.Name, time.Now().UTC().Format(time.RFC3339)); err != nil {
			return err
		}
		did = true
		return nil
	})
	return did, err
}

// migrationStep is Go code a migration runs in its transaction after its
// SQL, for work SQL cannot do (such as folding Vietnamese text).
func (s *Store) migrationStep(version int) func(context.Context, *sql.Tx) error {
	switch {
	case version == 12:
		return s.citeExistingArticles
	case version == 15 && s.dialect == SQLite:
		return rebuildSearchIndex
	case version == 28:
		return s.step0028
	}
	return nil
}
