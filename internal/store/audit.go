package store

import (
	"context"
	"database/sql"
	"time"
)

// AuditEntry is one line of the append-only audit log.
type AuditEntry struct {
	ID         int64
	SiteID     int64
	At         time.Time
	UserID     int64
	Username   string
	Action     string
	ObjectType string
	ObjectID   int64
	Detail     string
	IP         string
}

// Audit appends an entry. There is no update or delete: triggers in the
// schema refuse them.
func (s *Store) Audit(ctx context.Context, e AuditEntry) error {
	return s.insertAudit(ctx, s.db, e)
}

// insertAudit appends e with db, the store's pool or the transaction of the
// change it records.
func (s *Store) insertAudit(ctx context.Context, db interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
}, e AuditEntry) error {
	if e.At.IsZero() {
		e.At = time.Now()
	}
	var uid any
	if e.UserID != 0 {
		uid = e.UserID
	}
	_, err := db.ExecContext(ctx, s.q(`INSERT INTO audit_log (site_id, at, user_id, username, action, object_type, object_id, detail, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		e.SiteID, dbTime(e.At), uid, e.Username, e.Action, e.ObjectType, e.ObjectID, e.Detail, e.IP)
	return err
}

// AuditFilter selects audit entries; zero values mean any.
type AuditFilter struct {
	SiteID   int64
	Username string
	Action   string
	From, To time.Time
	Limit    int
	Offset   int
}

// AuditLog lists entries newest first.
func (s *Store) AuditLog(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	w, args := auditWhere(f)
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 100
	}
	args = append(args, f.Limit, f.Offset)
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, site_id, at, COALESCE(user_id, 0), username, action, object_type, object_id, detail, ip FROM audit_log`+w+` ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(&e.ID, &e.SiteID, &e.At, &e.UserID, &e.Username, &e.Action, &e.ObjectType, &e.ObjectID, &e.Detail, &e.IP); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
