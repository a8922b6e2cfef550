package store

import (
	"context"
	"database/sql"

	"github.com/congportal/cong/internal/dossier"
)

// ApologiseDossier records an apology (form 04) in one transaction: the
// count and the new appointment, the history event (same status before and
// after) and, through afterDossierEvent, the form itself — only if nobody
// moved the dossier since before was read (ErrStale otherwise).
func (s *Store) ApologiseDossier(ctx context.Context, before dossier.Dossier, in dossier.ApologyInput) (dossier.Dossier, error) {
	after, ev, err := dossier.Apologise(before, in)
	if err != nil {
		return before, err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE dossiers SET apology_count = ?, new_due_at = ?, updated_at = ?, version = version + 1
			WHERE id = ? AND site_id = ? AND version = ?`),
			after.ApologyCount, optTime(after.NewDueAt), dbTime(after.UpdatedAt), before.ID, before.SiteID, before.Version)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n != 1 {
			return ErrStale
		}
		if err := s.insertEvent(ctx, tx, ev); err != nil {
			return err
		}
		moved := after
		moved.Version = before.Version + 1
		return s.afterDossierEvent(ctx, tx, before, moved, ev)
	})
	if err != nil {
		return before, err
	}
	after.Version = before.Version + 1
	return after, nil
}
