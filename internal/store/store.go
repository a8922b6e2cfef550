// Package store is Cổng's persistence: hand-written SQL that runs on SQLite
// (embedded, the default) and PostgreSQL. Queries are written with '?'
// placeholders and rebound to '$n' for PostgreSQL; where the dialects differ
// the code says so next to the query.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "modernc.org/sqlite"             // registers "sqlite"
)

// Dialect says which engine a Store talks to.
type Dialect int

const (
	SQLite Dialect = iota
	Postgres
)

func (d Dialect) String() string {
	if d == Postgres {
		return "postgres"
	}
	return "sqlite"
}

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("không tìm thấy")

// Store wraps the database handle. It is safe for concurrent use.
type Store struct {
	db        *sql.DB
	dialect   Dialect
	searchCap int // matches ranked and listed per search (searchCandidates)

	// writers queues this process's SQLite transactions in arrival order.
	// SQLite's busy handler is not fair: under a steady stream of article
	// writes, a waiter that backs off (the counter flush) can lose every
	// race for seconds, which stretches the counters' crash-loss window far
	// past one flush interval. Blocked channel senders are woken FIFO.
	writers chan struct{}

	// partners says which partner outbox channels record rows
	// (SetPartners); atomic because tests switch it on a serving store.
	partners atomic.Pointer[Partners]
	// payProvider names the payment gateway (payments.go); empty: online
	// payment is off and dossiers get no payment rows.
	payProvider string
}

// Open connects to the database named by dbURL. An empty dbURL means
// embedded SQLite at dataDir/cong.db (the folder is created). It pings the
// database so an unreachable server is reported at start-up, not at the first
// request.
func Open(ctx context.Context, dbURL, dataDir string) (*Store, error) {
	var (
		db      *sql.DB
		err     error
		dialect Dialect
	)
	switch {
	case strings.HasPrefix(dbURL, "postgres://"), strings.HasPrefix(dbURL, "postgresql://"):
		dialect = Postgres
		db, err = sql.Open("pgx", dbURL)
		if err != nil {
			return nil, err
		}
		db.SetMaxOpenConns(20)
		db.SetMaxIdleConns(10)
		db.SetConnMaxIdleTime(5 * time.Minute)
	case dbURL == "" || strings.HasPrefix(dbURL, "sqlite:") || strings.HasPrefix(dbURL, "file:"):
		path := strings.TrimPrefix(strings.TrimPrefix(dbURL, "sqlite:"), "file:")
		if path == "" {
			if err := os.MkdirAll(dataDir, 0o750); err != nil {
				return nil, fmt.Errorf("tạo thư mục dữ liệu %s: %w", dataDir, err)
			}
			path = filepath.Join(dataDir, "cong.db")
		}
		db, err = sql.Open("sqlite", sqliteDSN(path))
		if err != nil {
			return nil, err
		}
		// One writer at a time is SQLite's model; a small pool keeps readers
		// concurrent (WAL) while _txlock=immediate makes writers queue on the
		// busy timeout instead of failing with SQLITE_BUSY on lock upgrade.
		db.SetMaxOpenConns(8)
		db.SetMaxIdleConns(8)
		db.SetConnMaxLifetime(0)
	default:
		return nil, fmt.Errorf("--db: không hiểu địa chỉ cơ sở dữ liệu %q (dùng postgres://… hoặc để trống cho SQLite)", redact(dbURL))
	}
	pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		// pgx reports one line per address tried; keep the CLI's one-line rule.
		return nil, fmt.Errorf("không kết nối được cơ sở dữ liệu %s: %s", dialect, strings.Join(strings.Fields(err.Error()), " "))
	}
	return &Store{db: db, dialect: dialect, searchCap: searchCandidates, writers: make(chan struct{}, 1)}, nil
}

// sqliteDSN sets the pragmas every connection needs. synchronous=FULL: in WAL
// mode NORMAL may lose the last transactions on power failure, and we promise
// that a write answered with 2xx is durable; the cost is one fsync per commit,
// and commits are few (counters flush once a second).
func sqliteDSN(path string) string {
	return "file:" + path + "?_txlock=immediate" +
		"&_pragma=journal_mode(WAL)" +
		"&_pragma=synchronous(FULL)" +
		"&_pragma=busy_timeout(10000)" +
		"&_pragma=foreign_keys(ON)" +
		// 32 MB of page cache per connection instead of 2 MB: at 100,000
		// articles a search's index pages otherwise come through a system
		// call each, about a sixth of its CPU time. Memory is taken only as
		// pages are read.
		"&_pragma=cache_size(-32768)" +
		"&_time_format=sqlite"
}

func redact(u string) string {
	if i := strings.Index(u, "@"); i > 0 {
		if j := strings.Index(u, "://"); j >= 0 && j < i {
			return u[:j+3] + "…" + u[i:]
		}
	}
	return u
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Dialect reports the engine.
func (s *Store) Dialect() Dialect { return s.dialect }

// DB exposes the handle for tests and tools that need raw access.
func (s *Store) DB() *sql.DB { return s.db }

// q rebinds '?' placeholders to '$1…' for PostgreSQL. Queries never contain a
// literal '?' so a plain scan is enough.
func (s *Store) q(query string) string {
	if s.dialect != Postgres {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

// inTx runs fn in a transaction and commits it, rolling back on error.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.dialect == SQLite {
		select {
		case s.writers <- struct{}{}:
			defer func() { <-s.writers }()
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// now is the time stored in rows: UTC, microseconds (PostgreSQL's precision),
// so values read back compare equal to what was written on both engines.
func dbTime(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }
