package store

import (
	"context"
	"database/sql"

	"github.com/congportal/cong/internal/dossier"
)

// recordDossierForms records the forms (TT 01/2018) an event calls for.
// Placeholder until the forms land.
func (s *Store) recordDossierForms(ctx context.Context, tx *sql.Tx, d dossier.Dossier, ev dossier.Event) error {
	return nil
}
