package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/congportal/cong/internal/legaldoc"
)

const (
	oldTimeUnitCheck = `CHECK (time_unit IN ('working_days', 'days', 'working_hours'))`
	newTimeUnitCheck = `CHECK (time_unit IN ('working_days', 'days', 'working_hours', 'same_day'))`
)

// widenTimeUnitCheck lets procedures.time_unit hold 'same_day' on SQLite.
// Rebuilding the table instead would cascade-delete components on DROP
// (foreign keys are on and cannot be turned off inside the migration's
// transaction) and would have to restate every column later migrations
// add. Loosening a CHECK leaves every stored row valid, which is the case
// SQLite documents as safe for writable_schema; the schema version is bumped
// so every connection reloads the definition.
func widenTimeUnitCheck(ctx context.Context, tx *sql.Tx) error {
	var def string
	if err := tx.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'procedures'`).Scan(&def); err != nil {
		return err
	}
	if strings.Contains(def, newTimeUnitCheck) {
		return nil
	}
	if strings.Count(def, oldTimeUnitCheck) != 1 {
		return fmt.Errorf("procedures: the time_unit constraint is not the one migration 0009 made")
	}
	var ver int64
	if err := tx.QueryRowContext(ctx, `PRAGMA schema_version`).Scan(&ver); err != nil {
		return err
	}
	steps := []string{
		`PRAGMA writable_schema = ON`,
		`UPDATE sqlite_schema SET sql = replace(sql, '` + strings.ReplaceAll(oldTimeUnitCheck, "'", "''") + `', '` +
			strings.ReplaceAll(newTimeUnitCheck, "'", "''") + `') WHERE type = 'table' AND name = 'procedures'`,
		fmt.Sprintf(`PRAGMA schema_version = %d`, ver+1),
		`PRAGMA writable_schema = OFF`,
	}
	for _, q := range steps {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	// Reading the table parses the new definition: a mistake fails here,
	// inside the transaction, rather than on the next start.
	var n int
	return tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM procedures WHERE 0`).Scan(&n)
}

// reindexDocuments recomputes every document's search_text, which now
// carries abbreviations and their long forms (legaldoc.Document.SearchText).
func reindexDocuments(s *Store) func(context.Context, *sql.Tx) error {
	return func(ctx context.Context, tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, type, number, issuer, signer, field, abstract FROM documents`)
		if err != nil {
			return err
		}
		type doc struct {
			id   int64
			text string
		}
		var all []doc
		for rows.Next() {
			var d legaldoc.Document
			if err := rows.Scan(&d.ID, &d.Type, &d.Number, &d.Issuer, &d.Signer, &d.Field, &d.Abstract); err != nil {
				rows.Close()
				return err
			}
			all = append(all, doc{d.ID, d.SearchText()})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, d := range all {
			if _, err := tx.ExecContext(ctx, s.q(`UPDATE documents SET search_text = ? WHERE id = ?`), d.text, d.id); err != nil {
				return err
			}
		}
		return nil
	}
}

// step0028 runs the Go parts of migration 0028 for the store's engine.
func (s *Store) step0028(ctx context.Context, tx *sql.Tx) error {
	if s.dialect == SQLite {
		if err := widenTimeUnitCheck(ctx, tx); err != nil {
			return err
		}
	}
	return reindexDocuments(s)(ctx, tx)
}
