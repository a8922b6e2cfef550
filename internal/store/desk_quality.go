package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/dossierstats"
)

// Facts Decision 766 scores that the moves do not record: complaints and
// petitions against a dossier, digitisation of its components and result,
// and how completely the catalogue is published.

// Complaint kinds (phản ánh, kiến nghị).
const (
	ComplaintFeedback = "phan_anh"
	ComplaintPetition = "kien_nghi"
)

// ComplaintKinds lists the kinds with their Vietnamese names.
var ComplaintKinds = []struct{ Value, Label string }{
	{ComplaintFeedback, "Phản ánh"},
	{ComplaintPetition, "Kiến nghị"},
}

// ComplaintKindLabel is the Vietnamese name of a kind.
func ComplaintKindLabel(k string) string {
	for _, x := range ComplaintKinds {
		if x.Value == k {
			return x.Label
		}
	}
	return k
}

// ErrComplaint is wrapped by validation errors of a complaint; the message
// is for the officer.
var ErrComplaint = errors.New("phản ánh, kiến nghị không hợp lệ")

// Complaint is one complaint or petition recorded against a dossier.
type Complaint struct {
	ID        int64
	DossierID int64
	Kind      string
	Content   string
	CreatedBy int64
	CreatedAt time.Time
}

// KindLabel is the kind's Vietnamese name.
func (c Complaint) KindLabel() string { return ComplaintKindLabel(c.Kind) }

// AddComplaint records a complaint against dossier c.DossierID of the site,
// copying its unit. Content is required (at most 4,000 characters).
func (s *Store) AddComplaint(ctx context.Context, siteID int64, c *Complaint) error {
	c.Content = strings.TrimSpace(c.Content)
	if ComplaintKindLabel(c.Kind) == c.Kind {
		return errors.Join(ErrComplaint, errors.New("Hãy chọn loại: phản ánh hoặc kiến nghị."))
	}
	if c.Content == "" {
		return errors.Join(ErrComplaint, errors.New("Hãy ghi nội dung phản ánh, kiến nghị."))
	}
	if len([]rune(c.Content)) > 4000 {
		return errors.Join(ErrComplaint, errors.New("Nội dung phản ánh, kiến nghị dài quá 4.000 ký tự."))
	}
	if c.CreatedAt.IsZero() {
		c.CreatedAt = time.Now().UTC()
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var unit int64
		err := tx.QueryRowContext(ctx, s.q(`SELECT unit_id FROM dossiers WHERE id = ? AND site_id = ?`), c.DossierID, siteID).Scan(&unit)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		return s.withDays(ctx, tx, c.DossierID, func() error {
			return tx.QueryRowContext(ctx, s.q(`INSERT INTO dossier_complaints (dossier_id, site_id, unit_id, kind, content, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`),
				c.DossierID, siteID, unit, c.Kind, c.Content, optID(c.CreatedBy), dbTime(c.CreatedAt)).Scan(&c.ID)
		})
	})
}

// Complaints lists a dossier's complaints, oldest first.
func (s *Store) Complaints(ctx context.Context, dossierID int64) ([]Complaint, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, dossier_id, kind, content, COALESCE(created_by, 0), created_at
		FROM dossier_complaints WHERE dossier_id = ? ORDER BY id`), dossierID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Complaint
	for rows.Next() {
		var c Complaint
		if err := rows.Scan(&c.ID, &c.DossierID, &c.Kind, &c.Content, &c.CreatedBy, &c.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Digitisation is what has been recorded digitised for a dossier.
type Digitisation struct {
	// Components maps component ids to how they were digitised (online,
	// scanned).
	Components map[int64]string
	// Digitised: every required component is (dossiers.digitised).
	Digitised bool
	// ResultElectronic: the result was issued electronically.
	ResultElectronic bool
}

// DossierDigitisation reads a dossier's digitisation record.
func (s *Store) DossierDigitisation(ctx context.Context, dossierID int64) (Digitisation, error) {
	dg := Digitisation{Components: map[int64]string{}}
	var dig, res int
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT digitised, result_electronic FROM dossiers WHERE id = ?`), dossierID).Scan(&dig, &res); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return dg, ErrNotFound
		}
		return dg, err
	}
	dg.Digitised, dg.ResultElectronic = dig == 1, res == 1
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT component_id, how FROM dossier_digitisations WHERE dossier_id = ? AND component_id <> 0`), dossierID)
	if err != nil {
		return dg, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var how string
		if err := rows.Scan(&id, &how); err != nil {
			return dg, err
		}
		dg.Components[id] = how
	}
	return dg, rows.Err()
}

// MarkDigitised records, in one transaction, components scanned at the
// desk (ids of the dossier's procedure's components; others are ignored)
// and, if result is true, that the result was issued electronically; then
// sets the dossier's flags the statistics read. Records are facts: marking
// again changes nothing, and nothing is unmarked.
func (s *Store) MarkDigitised(ctx context.Context, siteID, dossierID int64, components []int64, result bool, userID int64, at time.Time) error {
	if at.IsZero() {
		at = time.Now().UTC()
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var proc int64
		var channel int
		err := tx.QueryRowContext(ctx, s.q(`SELECT procedure_id, channel FROM dossiers WHERE id = ? AND site_id = ?`), dossierID, siteID).Scan(&proc, &channel)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		how := "scanned"
		if dossier.Channel(channel) == dossier.Online {
			how = "online"
		}
		return s.withDays(ctx, tx, dossierID, func() error { return s.markDigitised(ctx, tx, dossierID, proc, how, components, result, userID, at) })
	})
}

func (s *Store) markDigitised(ctx context.Context, tx *sql.Tx, dossierID, proc int64, how string, components []int64, result bool, userID int64, at time.Time) error {
	{
		for _, c := range components {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO dossier_digitisations (dossier_id, component_id, how, created_by, created_at)
				SELECT ?, id, ?, ?, ? FROM procedure_components WHERE id = ? AND procedure_id = ?
				ON CONFLICT (dossier_id, component_id) DO NOTHING`), dossierID, how, optID(userID), dbTime(at), c, proc); err != nil {
				return err
			}
		}
		if result {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO dossier_digitisations (dossier_id, component_id, how, created_by, created_at)
				VALUES (?, 0, 'electronic', ?, ?) ON CONFLICT (dossier_id, component_id) DO NOTHING`), dossierID, optID(userID), dbTime(at)); err != nil {
				return err
			}
		}
		// Digitised once no required component lacks a record (an online
		// dossier is digitised from the start).
		_, err := tx.ExecContext(ctx, s.q(`UPDATE dossiers SET
			digitised = CASE WHEN channel = 2 OR NOT EXISTS (SELECT 1 FROM procedure_components pc WHERE pc.procedure_id = dossiers.procedure_id AND pc.required
				AND NOT EXISTS (SELECT 1 FROM dossier_digitisations g WHERE g.dossier_id = dossiers.id AND g.component_id = pc.id)) THEN 1 ELSE 0 END,
			result_electronic = CASE WHEN EXISTS (SELECT 1 FROM dossier_digitisations g WHERE g.dossier_id = dossiers.id AND g.component_id = 0) THEN 1 ELSE 0 END
			WHERE id = ?`), dossierID)
		return err
	}
}

// ProcedurePublicity is the catalogue's publicity figure: published
// procedures with every part a procedure is made of filled in (time limit,
// steps, fees, legal basis, result, applicants, at least one component and
// one unit carrying it out) over published procedures. units limits it to
// procedures carried out by those units (nil: the whole catalogue).
func (s *Store) ProcedurePublicity(ctx context.Context, siteID int64, units []int64) (dossierstats.Figure, error) {
	b := &binder{named: map[string]any{"S": siteID}}
	where := b.bind(`p.site_id = :S AND p.published`)
	if units != nil {
		in := "0" // no unit: no procedure
		if len(units) > 0 {
			in = strings.TrimSuffix(strings.Repeat("?, ", len(units)), ", ")
			for _, u := range units {
				b.args = append(b.args, u)
			}
		}
		where += ` AND EXISTS (SELECT 1 FROM procedure_units pu WHERE pu.procedure_id = p.id AND pu.unit_id IN (` + in + `))`
	}
	full := `p.time_amount > 0 AND p.steps <> '' AND p.fees <> '' AND p.legal_basis <> '' AND p.result <> '' AND p.applicant <> ''
		AND EXISTS (SELECT 1 FROM procedure_components pc WHERE pc.procedure_id = p.id)
		AND EXISTS (SELECT 1 FROM procedure_units pu2 WHERE pu2.procedure_id = p.id)`
	var f dossierstats.Figure
	var num sql.NullInt64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT SUM(CASE WHEN `+full+` THEN 1 ELSE 0 END), COUNT(*) FROM procedures p WHERE `+where), b.args...).Scan(&num, &f.Den)
	f.Num = num.Int64
	return f, err
}
