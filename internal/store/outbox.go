package store

import (
	"context"
	"database/sql"

	"github.com/congportal/cong/internal/dossier"
)

// enqueueDossierMail queues the notifications an event calls for.
// Placeholder until the outbox lands.
func (s *Store) enqueueDossierMail(ctx context.Context, tx *sql.Tx, d dossier.Dossier, ev dossier.Event) error {
	return nil
}
