package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/congportal/cong/internal/auth"
)

// ErrUserExists is returned when a username is taken.
var ErrUserExists = errors.New("tên đăng nhập đã tồn tại")

// UserRecord is a user with the fields only the store and auth flow need.
type UserRecord struct {
	auth.User
	PasswordHash      string
	TOTPSecret        string
	TOTPLastStep      int64
	CreatedAt         time.Time
	PasswordChangedAt time.Time
}

const userCols = `id, site_id, username, name, email, role, disabled, password_hash, totp_secret, totp_last_step, created_at, password_changed_at`

func scanUser(row interface{ Scan(...any) error }) (UserRecord, error) {
	var u UserRecord
	var role string
	err := row.Scan(&u.ID, &u.SiteID, &u.Username, &u.Name, &u.Email, &role, &u.Disabled, &u.PasswordHash, &u.TOTPSecret, &u.TOTPLastStep, &u.CreatedAt, &u.PasswordChangedAt)
	u.HasTOTP = u.TOTPSecret != ""
	if errors.Is(err, sql.ErrNoRows) {
		return u, ErrNotFound
	}
	u.Role = auth.Role(role)
	return u, err
}

// NormalizeUsername is how usernames are compared: trimmed, lower case.
func NormalizeUsername(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// CreateUser adds a staff account with an already hashed password.
func (s *Store) CreateUser(ctx context.Context, u *UserRecord) error {
	now := dbTime(time.Now())
	u.Username = NormalizeUsername(u.Username)
	err := s.db.QueryRowContext(ctx, s.q(`INSERT INTO users (site_id, username, name, email, role, password_hash, disabled, created_at, updated_at, password_changed_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (site_id, username) DO NOTHING RETURNING id`),
		u.SiteID, u.Username, u.Name, u.Email, string(u.Role), u.PasswordHash, u.Disabled, now, now, now).Scan(&u.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrUserExists
	}
	u.CreatedAt, u.PasswordChangedAt = now, now
	return err
}

// UserByName returns a user by username (any status).
func (s *Store) UserByName(ctx context.Context, siteID int64, username string) (UserRecord, error) {
	return scanUser(s.db.QueryRowContext(ctx, s.q(`SELECT `+userCols+` FROM users WHERE site_id = ? AND username = ?`), siteID, NormalizeUsername(username)))
}

// UserByID returns a user by id.
func (s *Store) UserByID(ctx context.Context, siteID, id int64) (UserRecord, error) {
	return scanUser(s.db.QueryRowContext(ctx, s.q(`SELECT `+userCols+` FROM users WHERE site_id = ? AND id = ?`), siteID, id))
}

// Users lists the site's staff by username.
func (s *Store) Users(ctx context.Context, siteID int64) ([]UserRecord, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+userCols+` FROM users WHERE site_id = ? ORDER BY username`), siteID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []UserRecord
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// SetPassword stores a new password hash and ends every session of the
// user: a changed or reset password must lock out whoever had the old one.
func (s *Store) SetPassword(ctx context.Context, userID int64, hash string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		now := dbTime(time.Now())
		res, err := tx.ExecContext(ctx, s.q(`UPDATE users SET password_hash = ?, password_changed_at = ?, updated_at = ? WHERE id = ?`), hash, now, now, userID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		_, err = tx.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE user_id = ?`), userID)
		return err
	})
}

// UpdateUser saves name, email, role and disabled; disabling ends the
// user's sessions and revokes nothing else (tokens are checked against
// disabled on use).
func (s *Store) UpdateUser(ctx context.Context, u auth.User) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE users SET name = ?, email = ?, role = ?, disabled = ?, updated_at = ? WHERE id = ? AND site_id = ?`),
			u.Name, u.Email, string(u.Role), u.Disabled, dbTime(time.Now()), u.ID, u.SiteID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		if u.Disabled {
			_, err = tx.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE user_id = ?`), u.ID)
		}
		return err
	})
}

// SetTOTP enables (secret non-empty) or disables the second factor.
func (s *Store) SetTOTP(ctx context.Context, userID int64, secret string, step int64) error {
	_, err := s.db.ExecContext(ctx, s.q(`UPDATE users SET totp_secret = ?, totp_last_step = ?, updated_at = ? WHERE id = ?`), secret, step, dbTime(time.Now()), userID)
	return err
}

// UseTOTPStep records a used code's step; it fails (ErrConflict) when the
// step is not newer than the last one, so two requests racing with the same
// code cannot both succeed.
func (s *Store) UseTOTPStep(ctx context.Context, userID, step int64) error {
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?`), step, userID, step)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return ErrConflict
	}
	return nil
}

// SetSiteRole gives a user a role on a site other than their own; role ”
// removes it. A user's role on their own site is users.role (UpdateUser).
func (s *Store) SetSiteRole(ctx context.Context, userID, siteID int64, role auth.Role) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM user_site_roles WHERE user_id = ? AND site_id = ?`), userID, siteID); err != nil {
			return err
		}
		if role == "" {
			return nil
		}
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO user_site_roles (user_id, site_id, role) VALUES (?, ?, ?)`), userID, siteID, string(role))
		return err
	})
}

// RoleOn is the role u has on siteID: their own role on their own site, a
// province administrator's everywhere, otherwise a role given with
// SetSiteRole. ok is false when the user has no role there.
func (s *Store) RoleOn(ctx context.Context, u auth.User, siteID int64) (auth.Role, bool, error) {
	if u.SiteID == siteID || u.Role == auth.RoleProvinceAdmin {
		return u.Role, true, nil
	}
	var role string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT role FROM user_site_roles WHERE user_id = ? AND site_id = ?`), u.ID, siteID).Scan(&role)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	return auth.Role(role), true, nil
}

// UserForSite finds the account that signs in on siteID with username:
// the site's own account first, else an account of another site that has a
// role here or is a province administrator. Two such foreign accounts with
// one username: the oldest wins, the other signs in on its own site.
func (s *Store) UserForSite(ctx context.Context, siteID int64, username string) (UserRecord, error) {
	u, err := s.UserByName(ctx, siteID, username)
	if !errors.Is(err, ErrNotFound) {
		return u, err
	}
	return scanUser(s.db.QueryRowContext(ctx, s.q(`SELECT `+userCols+` FROM users WHERE username = ? AND (role = ?
		OR id IN (SELECT user_id FROM user_site_roles WHERE site_id = ?)) ORDER BY id LIMIT 1`),
		NormalizeUsername(username), string(auth.RoleProvinceAdmin), siteID))
}

// SiteRoles lists the roles given to users of other sites on siteID.
func (s *Store) SiteRoles(ctx context.Context, siteID int64) (map[int64]auth.Role, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT user_id, role FROM user_site_roles WHERE site_id = ?`), siteID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]auth.Role{}
	for rows.Next() {
		var id int64
		var role string
		if err := rows.Scan(&id, &role); err != nil {
			return nil, err
		}
		out[id] = auth.Role(role)
	}
	return out, rows.Err()
}
