package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/congportal/cong/internal/dossier"
)

// Pending uploads: the valid files of an online submission that came back
// with an error, kept so the citizen does not choose them again. The web
// layer owns the files (under <data>/pending); these rows say whose they
// are. Nothing here ever serves a file's content.

// PendingUpload is one kept file: one per component and form token.
type PendingUpload struct {
	SiteID      int64
	ProcedureID int64
	ComponentID int64
	TokenHash   string // hex SHA-256 of the form's token
	Name        string // as uploaded, for display
	StoredName  string // file name under <data>/pending
	Mime        string
	Size        int64
	SHA256      string
	CreatedAt   time.Time
	ExpiresAt   time.Time
}

// PendingUploads lists the unexpired files kept for a token, for this site
// and procedure only: a token minted for another procedure or site finds
// nothing.
func (s *Store) PendingUploads(ctx context.Context, siteID, procedureID int64, tokenHash string, now time.Time) ([]PendingUpload, error) {
	if tokenHash == "" {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT component_id, name, stored_name, mime, size, sha256, created_at, expires_at
		FROM pending_uploads WHERE token_hash = ? AND site_id = ? AND procedure_id = ? AND expires_at > ? ORDER BY component_id`),
		tokenHash, siteID, procedureID, now.UnixMilli())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PendingUpload
	for rows.Next() {
		u := PendingUpload{SiteID: siteID, ProcedureID: procedureID, TokenHash: tokenHash}
		var created, expires int64
		if err := rows.Scan(&u.ComponentID, &u.Name, &u.StoredName, &u.Mime, &u.Size, &u.SHA256, &created, &expires); err != nil {
			return nil, err
		}
		u.CreatedAt, u.ExpiresAt = time.UnixMilli(created).UTC(), time.UnixMilli(expires).UTC()
		out = append(out, u)
	}
	return out, rows.Err()
}

// KeepPendingUpload records a kept file, replacing the one kept for the
// same token and component; replaced is that file's stored name (the
// caller removes the file), empty when there was none. A row of the same
// token and component bound to another site or procedure is left alone and
// the insert fails: tokens are never shared across procedures.
func (s *Store) KeepPendingUpload(ctx context.Context, u PendingUpload) (replaced string, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q(`DELETE FROM pending_uploads WHERE token_hash = ? AND component_id = ? AND site_id = ? AND procedure_id = ?
			RETURNING stored_name`), u.TokenHash, u.ComponentID, u.SiteID, u.ProcedureID).Scan(&replaced)
		if err != nil && err != sql.ErrNoRows {
			return err
		}
		_, err = tx.ExecContext(ctx, s.q(`INSERT INTO pending_uploads (token_hash, component_id, site_id, procedure_id, name, stored_name, mime, size, sha256, created_at, expires_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
			u.TokenHash, u.ComponentID, u.SiteID, u.ProcedureID, u.Name, u.StoredName, u.Mime, u.Size, u.SHA256, u.CreatedAt.UnixMilli(), u.ExpiresAt.UnixMilli())
		return err
	})
	if err != nil {
		return "", err
	}
	return replaced, nil
}

// DropPendingUpload forgets the file kept for a token and component (the
// citizen removed it); stored is its file name, empty when there was none.
func (s *Store) DropPendingUpload(ctx context.Context, siteID int64, tokenHash string, componentID int64) (stored string, err error) {
	err = s.db.QueryRowContext(ctx, s.q(`DELETE FROM pending_uploads WHERE token_hash = ? AND component_id = ? AND site_id = ? RETURNING stored_name`),
		tokenHash, componentID, siteID).Scan(&stored)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return stored, err
}

// PendingBytes is the size of the unexpired files kept for a site: the
// web layer stops keeping files past its cap, so failed submissions cannot
// fill the disk.
func (s *Store) PendingBytes(ctx context.Context, siteID int64, now time.Time) (int64, error) {
	var n int64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT COALESCE(SUM(size), 0) FROM pending_uploads WHERE site_id = ? AND expires_at > ?`),
		siteID, now.UnixMilli()).Scan(&n)
	return n, err
}

// ExpirePendingUploads deletes the rows that expired before cutoff and
// returns their stored names, so the caller removes the files.
func (s *Store) ExpirePendingUploads(ctx context.Context, cutoff time.Time) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`DELETE FROM pending_uploads WHERE expires_at <= ? RETURNING stored_name`), cutoff.UnixMilli())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		out = append(out, name)
	}
	return out, rows.Err()
}

// SubmitDossierClaiming is SubmitDossier that also deletes, in the same
// transaction, the rows of the files kept for the form's token (they have
// become the dossier's files): a dossier created never leaves its kept
// files claimable, and a failed one leaves them as they were. An empty
// tokenHash claims nothing.
func (s *Store) SubmitDossierClaiming(ctx context.Context, d *dossier.Dossier, files []DossierFile, tokenHash string) (bool, error) {
	if tokenHash == "" {
		return s.SubmitDossier(ctx, d, files)
	}
	return s.submitDossier(ctx, d, files, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q(`DELETE FROM pending_uploads WHERE token_hash = ? AND site_id = ? AND procedure_id = ?`),
			tokenHash, d.SiteID, d.ProcedureID)
		return err
	})
}
