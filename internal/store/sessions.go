package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/congportal/cong/internal/auth"
)

// Session is a logged-in browser.
type Session struct {
	User       auth.User
	CSRF       string
	MFAPending bool // password checked, second factor not yet
	CreatedAt  time.Time
	LastSeenAt time.Time
}

// CreateSession stores a new session under the hash of its secret.
func (s *Store) CreateSession(ctx context.Context, idHash []byte, userID int64, csrf, ip, ua string, mfaPending bool) error {
	now := dbTime(time.Now())
	if len(ua) > 300 {
		ua = ua[:300]
	}
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO sessions (id_hash, user_id, csrf, created_at, last_seen_at, ip, user_agent, mfa_pending) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
		idHash, userID, csrf, now, now, ip, ua, mfaPending)
	return err
}

// SessionByHash returns a live session: not past its idle or absolute
// expiry, of an enabled user. Expired sessions are deleted on sight.
func (s *Store) SessionByHash(ctx context.Context, idHash []byte, now time.Time, idle, absolute time.Duration) (Session, error) {
	var ss Session
	var role string
	var totp string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT u.id, u.site_id, u.username, u.name, u.email, u.role, u.disabled, u.totp_secret, s.csrf, s.created_at, s.last_seen_at, s.mfa_pending
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ?`), idHash).
		Scan(&ss.User.ID, &ss.User.SiteID, &ss.User.Username, &ss.User.Name, &ss.User.Email, &role, &ss.User.Disabled, &totp, &ss.CSRF, &ss.CreatedAt, &ss.LastSeenAt, &ss.MFAPending)
	ss.User.HasTOTP = totp != ""
	if errors.Is(err, sql.ErrNoRows) {
		return ss, ErrNotFound
	}
	if err != nil {
		return ss, err
	}
	ss.User.Role = auth.Role(role)
	if ss.User.Disabled || now.Sub(ss.LastSeenAt) > idle || now.Sub(ss.CreatedAt) > absolute {
		s.DeleteSession(ctx, idHash)
		return ss, ErrNotFound
	}
	return ss, nil
}

// TouchSession moves the idle expiry forward. Callers do it at most once a
// minute per session, so an admin page view is not a write.
func (s *Store) TouchSession(ctx context.Context, idHash []byte, now time.Time) error {
	_, err := s.db.ExecContext(ctx, s.q(`UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?`), dbTime(now), idHash)
	return err
}

// DeleteSession logs one browser out.
func (s *Store) DeleteSession(ctx context.Context, idHash []byte) error {
	_, err := s.db.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE id_hash = ?`), idHash)
	return err
}

// DeleteUserSessions logs a user out everywhere.
func (s *Store) DeleteUserSessions(ctx context.Context, userID int64) error {
	_, err := s.db.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE user_id = ?`), userID)
	return err
}

// APIToken is a token's public description (never its secret).
type APIToken struct {
	ID         int64
	UserID     int64
	Name       string
	CreatedAt  time.Time
	LastUsedAt sql.NullTime
	RevokedAt  sql.NullTime
}

// CreateToken stores an API token's hash, bound to the user's own site.
func (s *Store) CreateToken(ctx context.Context, userID int64, name string, hash []byte) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, s.q(`INSERT INTO api_tokens (user_id, name, token_hash, created_at, site_id)
		VALUES (?, ?, ?, ?, (SELECT site_id FROM users WHERE id = ?)) RETURNING id`),
		userID, name, hash, dbTime(time.Now()), userID).Scan(&id)
	return id, err
}

// CreateSiteToken stores an API token's hash bound to siteID: the token
// acts on that site only, with the user's role there.
func (s *Store) CreateSiteToken(ctx context.Context, userID, siteID int64, name string, hash []byte) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, s.q(`INSERT INTO api_tokens (user_id, name, token_hash, created_at, site_id) VALUES (?, ?, ?, ?, ?) RETURNING id`),
		userID, name, hash, dbTime(time.Now()), siteID).Scan(&id)
	return id, err
}

// TokenSite is the site a live token is bound to.
func (s *Store) TokenSite(ctx context.Context, hash []byte) (int64, error) {
	var site sql.NullInt64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT t.site_id FROM api_tokens t WHERE t.token_hash = ? AND t.revoked_at IS NULL`), hash).Scan(&site)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	return site.Int64, err
}

// UserByToken returns the enabled user owning a live token.
func (s *Store) UserByToken(ctx context.Context, hash []byte) (auth.User, error) {
	u, _, err := s.TokenUser(ctx, hash)
	return u, err
}

// TokenUser returns the enabled user owning a live token and the site the
// token is bound to.
func (s *Store) TokenUser(ctx context.Context, hash []byte) (auth.User, int64, error) {
	var u auth.User
	var role string
	var site int64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT u.id, u.site_id, u.username, u.name, u.email, u.role, u.disabled, COALESCE(t.site_id, u.site_id)
		FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND t.revoked_at IS NULL`), hash).
		Scan(&u.ID, &u.SiteID, &u.Username, &u.Name, &u.Email, &role, &u.Disabled, &site)
	if errors.Is(err, sql.ErrNoRows) {
		return u, 0, ErrNotFound
	}
	u.Role = auth.Role(role)
	if err == nil && u.Disabled {
		return u, 0, ErrNotFound
	}
	return u, site, err
}

// TouchToken records when a token was last used, at most once a minute.
func (s *Store) TouchToken(ctx context.Context, hash []byte, now time.Time) error {
	_, err := s.db.ExecContext(ctx, s.q(`UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ? AND (last_used_at IS NULL OR last_used_at < ?)`),
		dbTime(now), hash, dbTime(now.Add(-time.Minute)))
	return err
}

// RevokeToken revokes a token by id.
func (s *Store) RevokeToken(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`), dbTime(time.Now()), id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Tokens lists a user's tokens.
func (s *Store) Tokens(ctx context.Context, userID int64) ([]APIToken, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, user_id, name, created_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = ? ORDER BY id`), userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []APIToken
	for rows.Next() {
		var t APIToken
		if err := rows.Scan(&t.ID, &t.UserID, &t.Name, &t.CreatedAt, &t.LastUsedAt, &t.RevokedAt); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
