package store

import (
	"context"
	"crypto/subtle"
	"database/sql"
	"errors"
	"strings"

	"github.com/congportal/cong/internal/dossier"
)

// The citizen's side of dossiers: online submission (idempotent) and the
// private link. The citizen's moves (supplement, withdraw) go through
// MoveDossier like the officers'.

// ErrIdempotencyConflict: the idempotency key was already used for a
// dossier of another applicant (a replay must carry the same person).
var ErrIdempotencyConflict = errors.New("mã chống gửi trùng đã được dùng cho hồ sơ khác")

// ErrStale: the dossier changed between reading and writing it (another
// officer or tab acted first).
var ErrStale = errors.New("hồ sơ vừa được cập nhật bởi người khác")

// SubmitDossier creates an online dossier with its files and first event in
// one transaction, the code allocated inside it. d carries the applicant,
// procedure, unit, channel, status, PrivateTokenHash and IdempotencyKey;
// files' DossierID is filled in.
//
// A repeated idempotency key creates nothing: d is filled with the existing
// dossier's id and code and created is false. The replay must be for the
// same applicant (ID number and phone), else ErrIdempotencyConflict. Its
// PrivateTokenHash is not stored (d.PrivateTokenHash comes back empty): a
// replay answers with the same dossier, never with a fresh secret.
func (s *Store) SubmitDossier(ctx context.Context, d *dossier.Dossier, files []DossierFile) (created bool, err error) {
	return s.submitDossier(ctx, d, files, nil)
}

// submitDossier runs then (when not nil) in the transaction of a dossier
// created, after its files (pending_uploads.go).
func (s *Store) submitDossier(ctx context.Context, d *dossier.Dossier, files []DossierFile, then func(*sql.Tx) error) (created bool, err error) {
	for attempt := 0; ; attempt++ {
		created, err = s.submitOnce(ctx, d, files, then)
		// Two instances racing with the same key: the loser's insert hits
		// the unique index; its second attempt finds the winner's row.
		if err != nil && attempt == 0 && d.IdempotencyKey != "" && uniqueAs(err, ErrIdempotencyConflict) == ErrIdempotencyConflict &&
			strings.Contains(err.Error(), "idempotency") {
			continue
		}
		return created, err
	}
}

func (s *Store) submitOnce(ctx context.Context, d *dossier.Dossier, files []DossierFile, then func(*sql.Tx) error) (bool, error) {
	created := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if d.IdempotencyKey != "" {
			var id int64
			var code, idNumber, phone string
			err := tx.QueryRowContext(ctx, s.q(`SELECT id, code, applicant_id_number, applicant_phone FROM dossiers WHERE idempotency_key = ?`), d.IdempotencyKey).
				Scan(&id, &code, &idNumber, &phone)
			switch {
			case err == nil:
				if idNumber != d.ApplicantIDNumber || phone != d.ApplicantPhone {
					return ErrIdempotencyConflict
				}
				// A replay never issues a new private link: whoever
				// holds the key and the applicant's numbers would
				// otherwise take the dossier over. The first answer's
				// link stays the only one; a citizen who lost it
				// recovers it by mail (RecoverPrivateLink).
				d.ID, d.Code, d.PrivateTokenHash = id, code, ""
				return nil
			case !errors.Is(err, sql.ErrNoRows):
				return err
			}
		}
		if err := s.insertDossier(ctx, tx, d, dossier.Event{ActorLabel: d.ApplicantName, To: d.Status, Action: dossier.ActSubmit}); err != nil {
			return err
		}
		for i := range files {
			files[i].DossierID = d.ID
			if files[i].CreatedAt.IsZero() {
				files[i].CreatedAt = d.SubmittedAt
			}
			if err := s.insertDossierFile(ctx, tx, &files[i]); err != nil {
				return err
			}
		}
		if then != nil {
			if err := then(tx); err != nil {
				return err
			}
		}
		created = true
		return nil
	})
	return created, err
}

// DossierByToken finds the dossier whose private link carries the token
// with this hash (hex SHA-256). An unknown hash is ErrNotFound, like a
// wrong one: the caller answers both the same way.
func (s *Store) DossierByToken(ctx context.Context, siteID int64, tokenHash string) (dossier.Dossier, error) {
	if tokenHash == "" {
		return dossier.Dossier{}, ErrNotFound
	}
	d, err := scanDossier(s.db.QueryRowContext(ctx, s.q(`SELECT `+dossierCols+dossierFrom+` WHERE d.site_id = ? AND d.private_token_hash = ?`), siteID, tokenHash))
	if err != nil {
		return d, err
	}
	// The index lookup already matched; the constant-time compare keeps
	// the check honest should the query ever change (e.g. to a prefix).
	if subtle.ConstantTimeCompare([]byte(d.PrivateTokenHash), []byte(tokenHash)) != 1 {
		return dossier.Dossier{}, ErrNotFound
	}
	return d, nil
}
