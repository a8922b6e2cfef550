package store

import (
	"context"
	"time"
)

// LiveSessions counts a user's sessions that are within their idle and
// absolute lifetimes (expired ones are deleted only when next seen).
func (s *Store) LiveSessions(ctx context.Context, userID int64, now time.Time, idle, absolute time.Duration) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM sessions WHERE user_id = ? AND mfa_pending = ? AND last_seen_at > ? AND created_at > ?`),
		userID, false, dbTime(now.Add(-idle)), dbTime(now.Add(-absolute))).Scan(&n)
	return n, err
}
