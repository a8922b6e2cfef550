package store

import (
	"context"
	"crypto/subtle"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/congportal/cong/internal/dossier"
)

// The citizen's data store (kho dữ liệu): papers submitted before and the
// results issued to them, reusable in a new dossier (Decree 45/2020: a
// paper already submitted and digitised is not asked for again).

// Paper is one kept paper.
type Paper struct {
	ID         int64
	CitizenID  int64
	Kind       string // component | result
	Label      string // the component's name, or "Kết quả: <procedure>"
	Name       string // file name as uploaded
	StoredName string
	Mime       string
	Size       int64
	SHA256     string
	DossierID  int64
	Code       string // the dossier's code, when it still exists
	CreatedAt  time.Time
}

// ErrPaperGone: the paper was deleted from the store (or never was the
// citizen's).
var ErrPaperGone = errors.New("giấy tờ không còn trong kho dữ liệu")

// SubmitCitizenDossier is SubmitDossierClaiming for a signed-in citizen:
// in the same transaction the dossier is bound to the account and its
// components (those not reused) join the account's papers.
func (s *Store) SubmitCitizenDossier(ctx context.Context, d *dossier.Dossier, files []DossierFile, pendingHash string, citizenID int64) (bool, error) {
	return s.submitDossier(ctx, d, files, func(tx *sql.Tx) error {
		if pendingHash != "" {
			if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM pending_uploads WHERE token_hash = ? AND site_id = ? AND procedure_id = ?`),
				pendingHash, d.SiteID, d.ProcedureID); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE dossiers SET citizen_id = ? WHERE id = ?`), citizenID, d.ID); err != nil {
			return err
		}
		return s.addComponentPapers(ctx, tx, citizenID, d.ID)
	})
}

// addComponentPapers keeps the dossier's uploaded components (not reused
// ones: those are in the store already) as the citizen's papers.
func (s *Store) addComponentPapers(ctx context.Context, tx *sql.Tx, citizenID, dossierID int64) error {
	_, err := tx.ExecContext(ctx, s.q(`INSERT INTO citizen_papers (citizen_id, kind, label, name, stored_name, mime, size, sha256, dossier_id, dossier_file_id, created_at)
		SELECT ?, 'component', COALESCE(pc.name, f.name), f.name, f.stored_name, f.mime, f.size, f.sha256, f.dossier_id, f.id, f.created_at
		FROM dossier_files f LEFT JOIN procedure_components pc ON pc.id = f.component_id
		WHERE f.dossier_id = ? AND f.kind = 'component' AND f.reused = ?
		AND NOT EXISTS (SELECT 1 FROM citizen_papers cp WHERE cp.dossier_file_id = f.id)`), citizenID, dossierID, false)
	return err
}

// addResultPapers keeps the results issued on the citizen's dossiers. It
// runs when the store is read, so a result needs no hook in the officer's
// move; a result the citizen deleted stays deleted (its tombstone row).
func (s *Store) addResultPapers(ctx context.Context, siteID, citizenID int64) error {
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO citizen_papers (citizen_id, kind, label, name, stored_name, mime, size, sha256, dossier_id, dossier_file_id, created_at)
		SELECT d.citizen_id, 'result', p.name, f.name, f.stored_name, f.mime, f.size, f.sha256, f.dossier_id, f.id, f.created_at
		FROM dossier_files f JOIN dossiers d ON d.id = f.dossier_id JOIN procedures p ON p.id = d.procedure_id
		WHERE d.site_id = ? AND d.citizen_id = ? AND f.kind = 'result'
		AND NOT EXISTS (SELECT 1 FROM citizen_papers cp WHERE cp.dossier_file_id = f.id)
		ON CONFLICT (dossier_file_id) DO NOTHING`), siteID, citizenID)
	return err
}

const paperCols = `cp.id, cp.citizen_id, cp.kind, cp.label, cp.name, cp.stored_name, cp.mime, cp.size, cp.sha256, COALESCE(cp.dossier_id, 0), COALESCE(d.code, ''), cp.created_at`

func scanPaper(row interface{ Scan(...any) error }) (Paper, error) {
	var p Paper
	err := row.Scan(&p.ID, &p.CitizenID, &p.Kind, &p.Label, &p.Name, &p.StoredName, &p.Mime, &p.Size, &p.SHA256, &p.DossierID, &p.Code, &p.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrPaperGone
	}
	return p, err
}

// CitizenPapers lists the account's kept papers, newest first.
func (s *Store) CitizenPapers(ctx context.Context, siteID, citizenID int64) ([]Paper, error) {
	if err := s.addResultPapers(ctx, siteID, citizenID); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+paperCols+` FROM citizen_papers cp JOIN citizens c ON c.id = cp.citizen_id
		LEFT JOIN dossiers d ON d.id = cp.dossier_id
		WHERE c.site_id = ? AND cp.citizen_id = ? AND cp.deleted = ? ORDER BY cp.created_at DESC, cp.id DESC`), siteID, citizenID, false)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Paper
	for rows.Next() {
		p, err := scanPaper(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// CitizenPaper returns one of the account's papers; another account's, or
// a deleted one, is ErrPaperGone.
func (s *Store) CitizenPaper(ctx context.Context, siteID, citizenID, id int64) (Paper, error) {
	return scanPaper(s.db.QueryRowContext(ctx, s.q(`SELECT `+paperCols+` FROM citizen_papers cp JOIN citizens c ON c.id = cp.citizen_id
		LEFT JOIN dossiers d ON d.id = cp.dossier_id
		WHERE c.site_id = ? AND cp.citizen_id = ? AND cp.id = ? AND cp.deleted = ?`), siteID, citizenID, id, false))
}

// DeleteCitizenPaper removes a paper from the store. The row stays as an
// empty tombstone so a result is not added back; the dossier's own file
// is untouched (it is the dossier's record).
func (s *Store) DeleteCitizenPaper(ctx context.Context, siteID, citizenID, id int64) error {
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE citizen_papers SET deleted = ?, name = '', stored_name = '', label = '', sha256 = '', size = 0
		WHERE id = ? AND citizen_id = ? AND deleted = ? AND citizen_id IN (SELECT id FROM citizens WHERE site_id = ?)`), true, id, citizenID, false, siteID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrPaperGone
	}
	return nil
}

func jsonString(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

func equalHex(a, b string) bool {
	return len(a) == len(b) && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}
