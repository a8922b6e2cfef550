package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// SignedFile is a file Cổng signed and issued: a dossier's result or one
// of its forms (issue 18). Code is the public check code.
type SignedFile struct {
	ID         int64
	SiteID     int64
	DossierID  int64
	Kind       string // result | form
	Form       int    // 1–5 for a form
	FormID     int64  // the form's snapshot (dossier_forms)
	FileID     int64  // the dossier_files row of a signed result
	SourceID   int64  // the result file it was signed from
	Name       string
	StoredName string
	Size       int64
	SHA256     string
	Signer     string // the certificate's subject name
	UnitName   string
	Code       string
	SignedBy   int64
	SignedAt   time.Time
}

const signedCols = `id, site_id, dossier_id, kind, form, COALESCE(form_id, 0), COALESCE(file_id, 0), COALESCE(source_id, 0), name, stored_name, size, sha256, signer, unit_name, code, COALESCE(signed_by, 0), signed_at`

func scanSigned(sc interface{ Scan(...any) error }) (SignedFile, error) {
	var f SignedFile
	err := sc.Scan(&f.ID, &f.SiteID, &f.DossierID, &f.Kind, &f.Form, &f.FormID, &f.FileID, &f.SourceID, &f.Name, &f.StoredName, &f.Size, &f.SHA256,
		&f.Signer, &f.UnitName, &f.Code, &f.SignedBy, &f.SignedAt)
	f.SignedAt = f.SignedAt.UTC()
	return f, err
}

// RecordSignedFile records an issued signed file in one transaction. A
// signed result also becomes a result file of the dossier (what the
// citizen downloads from the private link) and makes the dossier's result
// "issued electronically" for Decision 766, with the day summaries kept
// in step. f.ID, f.FileID are set.
func (s *Store) RecordSignedFile(ctx context.Context, f *SignedFile) error {
	if f.SignedAt.IsZero() {
		f.SignedAt = time.Now()
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var proc int64
		err := tx.QueryRowContext(ctx, s.q(`SELECT procedure_id FROM dossiers WHERE id = ? AND site_id = ?`), f.DossierID, f.SiteID).Scan(&proc)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		insert := func() error {
			if f.Kind == "result" {
				df := DossierFile{DossierID: f.DossierID, Kind: "result", Name: f.Name, StoredName: f.StoredName,
					Mime: "application/pdf", Size: f.Size, SHA256: f.SHA256, CreatedAt: f.SignedAt}
				if err := s.insertDossierFile(ctx, tx, &df); err != nil {
					return err
				}
				f.FileID = df.ID
			}
			return tx.QueryRowContext(ctx, s.q(`INSERT INTO signed_files (site_id, dossier_id, kind, form, form_id, file_id, source_id, name, stored_name, size, sha256, signer, unit_name, code, signed_by, signed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
				f.SiteID, f.DossierID, f.Kind, f.Form, optID(f.FormID), optID(f.FileID), optID(f.SourceID), f.Name, f.StoredName, f.Size, f.SHA256, f.Signer, f.UnitName, f.Code,
				optID(f.SignedBy), dbTime(f.SignedAt)).Scan(&f.ID)
		}
		if f.Kind != "result" {
			return insert()
		}
		return s.withDays(ctx, tx, f.DossierID, func() error {
			if err := insert(); err != nil {
				return err
			}
			return s.markDigitised(ctx, tx, f.DossierID, proc, "", nil, true, f.SignedBy, f.SignedAt)
		})
	})
}

// SignedFileByCode finds an issued file of the site by its public code.
func (s *Store) SignedFileByCode(ctx context.Context, siteID int64, code string) (SignedFile, error) {
	f, err := scanSigned(s.db.QueryRowContext(ctx, s.q(`SELECT `+signedCols+` FROM signed_files WHERE code = ? AND site_id = ?`), code, siteID))
	if errors.Is(err, sql.ErrNoRows) {
		return f, ErrNotFound
	}
	return f, err
}

// SignedFiles lists a dossier's issued signed files, oldest first.
func (s *Store) SignedFiles(ctx context.Context, dossierID int64) ([]SignedFile, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+signedCols+` FROM signed_files WHERE dossier_id = ? ORDER BY id`), dossierID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SignedFile
	for rows.Next() {
		f, err := scanSigned(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// SignedForm is the latest signed copy of a form snapshot, if any.
func (s *Store) SignedForm(ctx context.Context, dossierID, formID int64) (SignedFile, error) {
	f, err := scanSigned(s.db.QueryRowContext(ctx, s.q(`SELECT `+signedCols+` FROM signed_files
		WHERE dossier_id = ? AND kind = 'form' AND form_id = ? AND stored_name <> '' ORDER BY id DESC LIMIT 1`), dossierID, formID))
	if errors.Is(err, sql.ErrNoRows) {
		return f, ErrNotFound
	}
	return f, err
}
