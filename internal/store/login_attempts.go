package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Login throttling (auth.Throttle). Each attempt is reserved by one upsert
// that increments the key's counter and returns it, so parallel guesses are
// counted one by one before any of them is verified: there is no window
// between reading the count and recording the attempt.

// ReserveAttempt counts one attempt at key in a fixed window starting at its
// first attempt. It reports whether the attempt is within max, and if not,
// how long until the window ends. Refused attempts count too: a client that
// keeps hammering does not get a fresh budget, but the window does not move.
func (s *Store) ReserveAttempt(ctx context.Context, key string, max int, window time.Duration, now time.Time) (ok bool, retry time.Duration, err error) {
	nowMS, cutoff := now.UnixMilli(), now.Add(-window).UnixMilli()
	var n, start int64
	err = s.db.QueryRowContext(ctx, s.q(`INSERT INTO login_attempts (k, window_start, n, next_at) VALUES (?, ?, 1, 0)
		ON CONFLICT (k) DO UPDATE SET
			n = CASE WHEN login_attempts.window_start <= ? THEN 1 ELSE login_attempts.n + 1 END,
			window_start = CASE WHEN login_attempts.window_start <= ? THEN ? ELSE login_attempts.window_start END
		RETURNING n, window_start`), key, nowMS, cutoff, cutoff, nowMS).Scan(&n, &start)
	if err != nil {
		return false, 0, err
	}
	if n <= int64(max) {
		return true, 0, nil
	}
	return false, time.Duration(start+window.Milliseconds()-nowMS) * time.Millisecond, nil
}

// ReserveSlowAttempt counts one attempt at key unless the key is in its
// delay; past free attempts in the window, each one sets a delay of
// step × (attempts − free), capped at maxDelay, before the next is taken.
// Refused attempts do not count, so hammering cannot lengthen the delay.
// The delay is computed in the statement itself: a concurrent attempt sees
// it at once (auth.Throttle.AccountDelay is the same rule).
func (s *Store) ReserveSlowAttempt(ctx context.Context, key string, free int, step, maxDelay, window time.Duration, now time.Time) (ok bool, retry time.Duration, err error) {
	nowMS, cutoff := now.UnixMilli(), now.Add(-window).UnixMilli()
	stepMS, maxMS := step.Milliseconds(), maxDelay.Milliseconds()
	var n int64
	err = s.db.QueryRowContext(ctx, s.q(`INSERT INTO login_attempts (k, window_start, n, next_at) VALUES (?, ?, 1, ?)
		ON CONFLICT (k) DO UPDATE SET
			n = CASE WHEN login_attempts.window_start <= ? THEN 1 ELSE login_attempts.n + 1 END,
			window_start = CASE WHEN login_attempts.window_start <= ? THEN ? ELSE login_attempts.window_start END,
			next_at = CAST(? AS BIGINT) + CASE
				WHEN login_attempts.window_start <= ? THEN 0
				WHEN login_attempts.n + 1 <= CAST(? AS BIGINT) THEN 0
				WHEN (login_attempts.n + 1 - CAST(? AS BIGINT)) * CAST(? AS BIGINT) >= CAST(? AS BIGINT) THEN CAST(? AS BIGINT)
				ELSE (login_attempts.n + 1 - CAST(? AS BIGINT)) * CAST(? AS BIGINT) END
		WHERE login_attempts.next_at <= ?
		RETURNING n`),
		key, nowMS, nowMS,
		cutoff,
		cutoff, nowMS,
		nowMS, cutoff, free, free, stepMS, maxMS, maxMS, free, stepMS,
		nowMS).Scan(&n)
	if err == nil {
		return true, 0, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return false, 0, err
	}
	var next int64
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT next_at FROM login_attempts WHERE k = ?`), key).Scan(&next); err != nil {
		return false, 0, err
	}
	return false, max(time.Duration(next-nowMS)*time.Millisecond, 0), nil
}

// ReleaseAttempt gives back a reserved attempt that turned out right, so a
// counter of attempts stays a counter of failures.
func (s *Store) ReleaseAttempt(ctx context.Context, key string) error {
	_, err := s.db.ExecContext(ctx, s.q(`UPDATE login_attempts SET n = n - 1 WHERE k = ? AND n > 0`), key)
	return err
}

// ClearAttempts forgets a key's attempts.
func (s *Store) ClearAttempts(ctx context.Context, key string) error {
	_, err := s.db.ExecContext(ctx, s.q(`DELETE FROM login_attempts WHERE k = ?`), key)
	return err
}

// PurgeAttempts deletes keys whose window ended and whose delay is over.
func (s *Store) PurgeAttempts(ctx context.Context, window time.Duration, now time.Time) error {
	_, err := s.db.ExecContext(ctx, s.q(`DELETE FROM login_attempts WHERE window_start <= ? AND next_at <= ?`),
		now.Add(-window).UnixMilli(), now.UnixMilli())
	return err
}
