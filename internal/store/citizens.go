package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/congportal/cong/internal/citizen"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/mail"
)

// Citizens' accounts (migration 0035): the accounts, their sessions, the
// one-time codes by mail, OpenID sign-ins in flight, and which dossiers
// belong to whom. The rules are in package citizen.

// ErrCitizenConflict: the identity asked for is already another account's.
var ErrCitizenConflict = errors.New("định danh đã gắn với tài khoản công dân khác")

// ErrDossierClaimed: the dossier already belongs to another account.
var ErrDossierClaimed = errors.New("hồ sơ đã thuộc tài khoản công dân khác")

const citizenCols = `id, site_id, oidc_issuer, oidc_subject, email, id_number, name, dob, address, phone, profile_id_number, created_at, last_login_at`

func scanCitizen(row interface{ Scan(...any) error }) (citizen.Citizen, error) {
	var c citizen.Citizen
	err := row.Scan(&c.ID, &c.SiteID, &c.Issuer, &c.Subject, &c.Email, &c.IDNumber, &c.Name, &c.DOB, &c.Address, &c.Phone,
		&c.ProfileIDNumber, &c.CreatedAt, &c.LastLoginAt)
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	return c, err
}

// Citizen returns the site's account with that id.
func (s *Store) Citizen(ctx context.Context, siteID, id int64) (citizen.Citizen, error) {
	return scanCitizen(s.db.QueryRowContext(ctx, s.q(`SELECT `+citizenCols+` FROM citizens WHERE site_id = ? AND id = ?`), siteID, id))
}

func (s *Store) citizenBy(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, siteID int64, where string, args ...any) (*citizen.Citizen, error) {
	c, err := scanCitizen(q.QueryRowContext(ctx, s.q(`SELECT `+citizenCols+` FROM citizens WHERE site_id = ? AND `+where), append([]any{siteID}, args...)...))
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &c, nil
}

// CitizenByEmail finds the account proven by that address (lower case).
func (s *Store) CitizenByEmail(ctx context.Context, siteID int64, email string) (*citizen.Citizen, error) {
	return s.citizenBy(ctx, s.db, siteID, `email = ?`, email)
}

// SignInByEmail returns the account of a proven address, creating it the
// first time.
func (s *Store) SignInByEmail(ctx context.Context, siteID int64, email string, now time.Time) (citizen.Citizen, error) {
	var out citizen.Citizen
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		c, err := s.citizenBy(ctx, tx, siteID, `email = ?`, email)
		if err != nil {
			return err
		}
		if c == nil {
			c = &citizen.Citizen{SiteID: siteID, Email: email}
			if err := s.insertCitizen(ctx, tx, c, now); err != nil {
				return err
			}
		} else if _, err := tx.ExecContext(ctx, s.q(`UPDATE citizens SET last_login_at = ? WHERE id = ?`), dbTime(now), c.ID); err != nil {
			return err
		}
		out = *c
		return nil
	})
	return out, err
}

func (s *Store) insertCitizen(ctx context.Context, tx *sql.Tx, c *citizen.Citizen, now time.Time) error {
	c.CreatedAt, c.LastLoginAt = dbTime(now), dbTime(now)
	err := tx.QueryRowContext(ctx, s.q(`INSERT INTO citizens (site_id, oidc_issuer, oidc_subject, email, id_number, name, dob, address, phone, created_at, last_login_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		c.SiteID, c.Issuer, c.Subject, c.Email, c.IDNumber, c.Name, c.DOB, c.Address, c.Phone, c.CreatedAt, c.LastLoginAt).Scan(&c.ID)
	if err != nil {
		return uniqueAs(err, ErrCitizenConflict)
	}
	return nil
}

// SignInByClaims finds or creates the account of a provider's (cleaned)
// claims, as citizen.Match decides, in one transaction. A conflict comes
// back as ErrCitizenConflict wrapped with the citizen's message. The
// provider's fresh facts (name, birth date, address) replace the old ones
// where it gives them.
func (s *Store) SignInByClaims(ctx context.Context, siteID int64, cl citizen.Claims, now time.Time) (citizen.Citizen, error) {
	var out citizen.Citizen
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		bySubject, err := s.citizenBy(ctx, tx, siteID, `oidc_issuer = ? AND oidc_subject = ?`, cl.Issuer, cl.Subject)
		if err != nil {
			return err
		}
		var byID, byEmail *citizen.Citizen
		if cl.IDNumber != "" {
			if byID, err = s.citizenBy(ctx, tx, siteID, `id_number = ?`, cl.IDNumber); err != nil {
				return err
			}
		}
		if cl.Email != "" {
			if byEmail, err = s.citizenBy(ctx, tx, siteID, `email = ?`, cl.Email); err != nil {
				return err
			}
		}
		kind, c, msg := citizen.Match(cl, bySubject, byID, byEmail)
		switch kind {
		case citizen.Conflict:
			return fmt.Errorf("%w: %s", ErrCitizenConflict, msg)
		case citizen.Create:
			c = &citizen.Citizen{SiteID: siteID, Issuer: cl.Issuer, Subject: cl.Subject, Email: cl.Email, IDNumber: cl.IDNumber,
				Name: cl.Name, DOB: cl.Birthdate, Address: cl.Address, Phone: cl.Phone}
			if byEmail != nil {
				c.Email = "" // held by another account: Match refused or linked already
			}
			if err := s.insertCitizen(ctx, tx, c, now); err != nil {
				return err
			}
			out = *c
			return nil
		}
		// SignIn or Link: the subject is bound, the provider's facts win.
		up := *c
		up.Issuer, up.Subject = cl.Issuer, cl.Subject
		if cl.IDNumber != "" {
			up.IDNumber = cl.IDNumber
		}
		if cl.Email != "" && (byEmail == nil || byEmail.ID == c.ID) {
			up.Email = cl.Email
		}
		for dst, v := range map[*string]string{&up.Name: cl.Name, &up.DOB: cl.Birthdate, &up.Address: cl.Address, &up.Phone: cl.Phone} {
			if v != "" {
				*dst = v
			}
		}
		up.LastLoginAt = dbTime(now)
		_, err = tx.ExecContext(ctx, s.q(`UPDATE citizens SET oidc_issuer = ?, oidc_subject = ?, email = ?, id_number = ?, name = ?, dob = ?, address = ?, phone = ?, last_login_at = ?
			WHERE id = ?`), up.Issuer, up.Subject, up.Email, up.IDNumber, up.Name, up.DOB, up.Address, up.Phone, up.LastLoginAt, up.ID)
		if err != nil {
			return uniqueAs(err, ErrCitizenConflict)
		}
		out = up
		return nil
	})
	return out, err
}

// SaveCitizenProfile remembers what the citizen typed on a submission, to
// fill the next form; facts a provider asserted are not overwritten.
func (s *Store) SaveCitizenProfile(ctx context.Context, siteID, id int64, name, idNumber, dob, address, phone string) error {
	_, err := s.db.ExecContext(ctx, s.q(`UPDATE citizens SET
		name = CASE WHEN oidc_subject <> '' AND name <> '' THEN name ELSE ? END,
		dob = CASE WHEN oidc_subject <> '' AND dob <> '' THEN dob ELSE ? END,
		address = ?, phone = ?, profile_id_number = ?
		WHERE site_id = ? AND id = ?`), name, dob, address, phone, idNumber, siteID, id)
	return err
}

// Sessions.

// CreateCitizenSession stores a session under the hash of its secret.
func (s *Store) CreateCitizenSession(ctx context.Context, idHash string, citizenID int64, csrf, ip string, now time.Time) error {
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO citizen_sessions (id_hash, citizen_id, csrf, created_at, last_seen_at, ip) VALUES (?, ?, ?, ?, ?, ?)`),
		idHash, citizenID, csrf, dbTime(now), dbTime(now), ip)
	return err
}

// CitizenSession returns the account and CSRF token of a live session of
// the site; one past its idle or absolute lifetime is deleted on sight.
// touch says whether the idle expiry should be moved (at most once a minute).
func (s *Store) CitizenSession(ctx context.Context, siteID int64, idHash string, now time.Time) (c citizen.Citizen, csrf string, err error) {
	var created, seen time.Time
	row := s.db.QueryRowContext(ctx, s.q(`SELECT cs.csrf, cs.created_at, cs.last_seen_at, c.id, c.site_id, c.oidc_issuer, c.oidc_subject, c.email, c.id_number,
		c.name, c.dob, c.address, c.phone, c.profile_id_number, c.created_at, c.last_login_at
		FROM citizen_sessions cs JOIN citizens c ON c.id = cs.citizen_id WHERE cs.id_hash = ? AND c.site_id = ?`), idHash, siteID)
	err = row.Scan(&csrf, &created, &seen, &c.ID, &c.SiteID, &c.Issuer, &c.Subject, &c.Email, &c.IDNumber, &c.Name, &c.DOB, &c.Address, &c.Phone,
		&c.ProfileIDNumber, &c.CreatedAt, &c.LastLoginAt)
	if errors.Is(err, sql.ErrNoRows) {
		return c, "", ErrNotFound
	}
	if err != nil {
		return c, "", err
	}
	if now.Sub(seen) > citizen.SessionIdle || now.Sub(created) > citizen.SessionAbsolute {
		if err := s.DeleteCitizenSession(ctx, idHash); err != nil {
			return c, "", err
		}
		return citizen.Citizen{}, "", ErrNotFound
	}
	if now.Sub(seen) > time.Minute {
		if _, err := s.db.ExecContext(ctx, s.q(`UPDATE citizen_sessions SET last_seen_at = ? WHERE id_hash = ?`), dbTime(now), idHash); err != nil {
			return c, "", err
		}
	}
	return c, csrf, nil
}

// DeleteCitizenSession signs one browser out.
func (s *Store) DeleteCitizenSession(ctx context.Context, idHash string) error {
	_, err := s.db.ExecContext(ctx, s.q(`DELETE FROM citizen_sessions WHERE id_hash = ?`), idHash)
	return err
}

// DeleteCitizenSessions signs the citizen out everywhere.
func (s *Store) DeleteCitizenSessions(ctx context.Context, citizenID int64) error {
	_, err := s.db.ExecContext(ctx, s.q(`DELETE FROM citizen_sessions WHERE citizen_id = ?`), citizenID)
	return err
}

// One-time codes.

// IssueCitizenCode replaces any code of the address with a new one and
// queues the mail carrying it, in one transaction: the code is usable
// exactly when its mail exists.
func (s *Store) IssueCitizenCode(ctx context.Context, siteID int64, email, code string, now time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM citizen_codes WHERE site_id = ? AND email = ?`), siteID, email); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO citizen_codes (site_id, email, code_hash, tries, created_at, expires_at) VALUES (?, ?, ?, 0, ?, ?)`),
			siteID, email, citizen.CodeHash(siteID, email, code), dbTime(now), dbTime(now.Add(citizen.CodeTTL))); err != nil {
			return err
		}
		var site string
		if err := tx.QueryRowContext(ctx, s.q(`SELECT name FROM sites WHERE id = ?`), siteID).Scan(&site); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		data, err := jsonString(mail.Data{Site: site, At: now.UTC(), Token: code})
		if err != nil {
			return err
		}
		_, err = s.insertMailRow(ctx, tx, dossier.Dossier{SiteID: siteID}, mail.CitizenCode, recipient{email: email}, data, now, "")
		return err
	})
}

// CheckCitizenCode checks a typed code against the address's live one. A
// wrong code counts a try; the MaxTries-th wrong one, an expired one and a
// right one delete the code (a right code works once).
func (s *Store) CheckCitizenCode(ctx context.Context, siteID int64, email, code string, now time.Time) (citizen.CodeOutcome, int, error) {
	out, left := citizen.CodeNone, 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var hash string
		var tries int
		var expires time.Time
		err := tx.QueryRowContext(ctx, s.q(`SELECT code_hash, tries, expires_at FROM citizen_codes WHERE site_id = ? AND email = ?`), siteID, email).
			Scan(&hash, &tries, &expires)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		del := func() error {
			_, err := tx.ExecContext(ctx, s.q(`DELETE FROM citizen_codes WHERE site_id = ? AND email = ?`), siteID, email)
			return err
		}
		switch {
		case !now.Before(expires):
			out = citizen.CodeExpired
			return del()
		case tries >= citizen.MaxTries:
			out = citizen.CodeExhausted
			return del()
		case equalHex(hash, citizen.CodeHash(siteID, email, code)):
			out = citizen.CodeOK
			return del()
		}
		tries++
		left = citizen.MaxTries - tries
		if left <= 0 {
			out = citizen.CodeExhausted
			return del()
		}
		out = citizen.CodeWrong
		// Counted by incrementing in SQL: two parallel wrong guesses both count.
		_, err = tx.ExecContext(ctx, s.q(`UPDATE citizen_codes SET tries = tries + 1 WHERE site_id = ? AND email = ?`), siteID, email)
		return err
	})
	return out, left, err
}

// OpenID sign-ins in flight.

// SaveOIDCLogin stores a sign-in started: the state's hash, its nonce and
// PKCE verifier, where to go afterwards.
func (s *Store) SaveOIDCLogin(ctx context.Context, siteID int64, stateHash, nonce, verifier, next string, expires time.Time) error {
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO citizen_oidc_logins (state_hash, site_id, nonce, verifier, next, expires_at) VALUES (?, ?, ?, ?, ?, ?)`),
		stateHash, siteID, nonce, verifier, next, dbTime(expires))
	return err
}

// TakeOIDCLogin returns and deletes the sign-in of that state: a state
// works once, and an expired one not at all (ErrNotFound).
func (s *Store) TakeOIDCLogin(ctx context.Context, siteID int64, stateHash string, now time.Time) (nonce, verifier, next string, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var expires time.Time
		err := tx.QueryRowContext(ctx, s.q(`SELECT nonce, verifier, next, expires_at FROM citizen_oidc_logins WHERE state_hash = ? AND site_id = ?`), stateHash, siteID).
			Scan(&nonce, &verifier, &next, &expires)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q(`DELETE FROM citizen_oidc_logins WHERE state_hash = ?`), stateHash)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 || !now.Before(expires) {
			return ErrNotFound // taken by a parallel request, or too old
		}
		return nil
	})
	return
}

// PruneCitizenAuth deletes expired codes, sign-ins in flight and sessions.
func (s *Store) PruneCitizenAuth(ctx context.Context, now time.Time) error {
	for _, q := range []struct {
		sql string
		arg time.Time
	}{
		{`DELETE FROM citizen_codes WHERE expires_at < ?`, now},
		{`DELETE FROM citizen_oidc_logins WHERE expires_at < ?`, now},
		{`DELETE FROM citizen_sessions WHERE created_at < ? OR last_seen_at < ?`, now.Add(-citizen.SessionAbsolute)},
	} {
		args := []any{dbTime(q.arg)}
		if strings.Count(q.sql, "?") == 2 {
			args = []any{dbTime(q.arg), dbTime(now.Add(-citizen.SessionIdle))}
		}
		if _, err := s.db.ExecContext(ctx, s.q(q.sql), args...); err != nil {
			return err
		}
	}
	return nil
}

// Dossiers of an account.

// CitizenDossiers lists the account's dossiers, newest first.
func (s *Store) CitizenDossiers(ctx context.Context, siteID, citizenID int64) ([]dossier.Dossier, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+dossierCols+dossierFrom+` WHERE d.site_id = ? AND d.citizen_id = ? ORDER BY d.submitted_at DESC, d.id DESC`), siteID, citizenID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []dossier.Dossier
	for rows.Next() {
		d, err := scanDossier(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// CitizenDossier returns the account's dossier with that code; another
// account's dossier is ErrNotFound, exactly like a missing one.
func (s *Store) CitizenDossier(ctx context.Context, siteID, citizenID int64, code string) (dossier.Dossier, error) {
	return scanDossier(s.db.QueryRowContext(ctx, s.q(`SELECT `+dossierCols+dossierFrom+` WHERE d.site_id = ? AND d.citizen_id = ? AND d.code = ?`),
		siteID, citizenID, strings.ToUpper(strings.TrimSpace(code))))
}

// ClaimDossier adds a dossier (opened with its private link) to the
// account. Claiming one's own again is fine; another account's is
// ErrDossierClaimed.
func (s *Store) ClaimDossier(ctx context.Context, siteID, dossierID, citizenID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE dossiers SET citizen_id = ? WHERE site_id = ? AND id = ? AND (citizen_id IS NULL OR citizen_id = ?)`),
			citizenID, siteID, dossierID, citizenID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrDossierClaimed
		}
		return s.addComponentPapers(ctx, tx, citizenID, dossierID)
	})
}

// DossierCitizen is the account a dossier belongs to (0: none).
func (s *Store) DossierCitizen(ctx context.Context, dossierID int64) (int64, error) {
	var id sql.NullInt64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT citizen_id FROM dossiers WHERE id = ?`), dossierID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	return id.Int64, err
}
