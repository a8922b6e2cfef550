package store

import "context"

// auditWhere builds the WHERE clause of an AuditFilter, shared by AuditLog
// and AuditCount so a page count always matches the page.
func auditWhere(f AuditFilter) (string, []any) {
	w := ` WHERE site_id = ?`
	args := []any{f.SiteID}
	if f.Username != "" {
		w += ` AND username = ?`
		args = append(args, NormalizeUsername(f.Username))
	}
	if f.Action != "" {
		w += ` AND action = ?`
		args = append(args, f.Action)
	}
	if !f.From.IsZero() {
		w += ` AND at >= ?`
		args = append(args, dbTime(f.From))
	}
	if !f.To.IsZero() {
		w += ` AND at < ?`
		args = append(args, dbTime(f.To))
	}
	return w, args
}

// AuditCount counts the entries AuditLog would list without Limit and
// Offset, for paging.
func (s *Store) AuditCount(ctx context.Context, f AuditFilter) (int, error) {
	w, args := auditWhere(f)
	var n int
	err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM audit_log`+w), args...).Scan(&n)
	return n, err
}

// AuditActions lists the distinct actions in a site's log, for the filter.
func (s *Store) AuditActions(ctx context.Context, siteID int64) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT DISTINCT action FROM audit_log WHERE site_id = ? ORDER BY action`), siteID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
