package store

import (
	"context"
	"database/sql"

	"github.com/congportal/cong/internal/dossier"
)

// afterDossierEvent runs inside the transaction of every dossier event
// (submission, counter entry, each move, an apology), after the event row.
// What it records — the forms the event calls for, the mail, SMS and national-portal sync rows it sends —
// lands with the move or not at all, so a crash can neither lose a form or
// a notification nor produce one for a move that did not happen. before is
// the row as it was (zero for a new dossier): the per-day statistics
// summaries take back its contribution and add the new one.
func (s *Store) afterDossierEvent(ctx context.Context, tx *sql.Tx, before, d dossier.Dossier, ev dossier.Event) error {
	if err := s.moveDays(ctx, tx, before, d.ID); err != nil {
		return err
	}
	if err := s.recordDossierForms(ctx, tx, d, ev); err != nil {
		return err
	}
	if err := s.paymentsAfterEvent(ctx, tx, d, ev); err != nil {
		return err
	}
	if err := s.enqueueDossierMail(ctx, tx, d, ev); err != nil {
		return err
	}
	return s.enqueuePartners(ctx, tx, d, ev)
}
