package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/viet"
)

// Dossier rows: shared by the citizen side (dossier_submit.go) and the
// officer side (dossier_work.go).

const dossierCols = `d.id, d.site_id, d.code, d.procedure_id, d.unit_id, d.channel, d.status, d.prev_status,
	d.applicant_name, d.applicant_id_number, d.applicant_dob, d.applicant_phone, d.applicant_email, d.applicant_address,
	d.private_token_hash, COALESCE(d.idempotency_key, ''),
	d.submitted_at, d.responded_at, d.received_at, d.due_at, d.finished_at, d.returned_at, d.paused_at,
	d.paused_total_seconds, d.supplement_count, COALESCE(d.assignee_id, 0), COALESCE(d.result_file, ''), COALESCE(d.created_by, 0),
	d.updated_at, d.version, d.apology_count, d.new_due_at,
	p.name, p.code, un.name, un.code, COALESCE(NULLIF(au.name, ''), au.username, '')`

const dossierFrom = ` FROM dossiers d
	JOIN procedures p ON p.id = d.procedure_id
	JOIN units un ON un.id = d.unit_id
	LEFT JOIN users au ON au.id = d.assignee_id`

func scanDossier(row interface{ Scan(...any) error }) (dossier.Dossier, error) {
	var d dossier.Dossier
	var responded, received, due, finished, returned, paused, newDue sql.NullTime
	var pausedSecs int64
	err := row.Scan(&d.ID, &d.SiteID, &d.Code, &d.ProcedureID, &d.UnitID, &d.Channel, &d.Status, &d.PrevStatus,
		&d.ApplicantName, &d.ApplicantIDNumber, &d.ApplicantDOB, &d.ApplicantPhone, &d.ApplicantEmail, &d.ApplicantAddress,
		&d.PrivateTokenHash, &d.IdempotencyKey,
		&d.SubmittedAt, &responded, &received, &due, &finished, &returned, &paused,
		&pausedSecs, &d.SupplementCount, &d.AssigneeID, &d.ResultFile, &d.CreatedBy,
		&d.UpdatedAt, &d.Version, &d.ApologyCount, &newDue,
		&d.ProcedureName, &d.ProcedureCode, &d.UnitName, &d.UnitCode, &d.AssigneeName)
	if errors.Is(err, sql.ErrNoRows) {
		return d, ErrNotFound
	}
	d.SubmittedAt = d.SubmittedAt.UTC()
	d.UpdatedAt = d.UpdatedAt.UTC()
	d.RespondedAt, d.ReceivedAt, d.DueAt = nullTime(responded), nullTime(received), nullTime(due)
	d.FinishedAt, d.ReturnedAt, d.PausedAt = nullTime(finished), nullTime(returned), nullTime(paused)
	d.NewDueAt = nullTime(newDue)
	d.PausedTotal = time.Duration(pausedSecs) * time.Second
	return d, err
}

func nullTime(t sql.NullTime) time.Time {
	if !t.Valid {
		return time.Time{}
	}
	return t.Time.UTC()
}

// optTime stores a zero time as NULL.
func optTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return dbTime(t)
}

func optID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func optString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Dossier returns the site's dossier with that id.
func (s *Store) Dossier(ctx context.Context, siteID, id int64) (dossier.Dossier, error) {
	return scanDossier(s.db.QueryRowContext(ctx, s.q(`SELECT `+dossierCols+dossierFrom+` WHERE d.site_id = ? AND d.id = ?`), siteID, id))
}

// DossierByCode returns the site's dossier with that code (case-insensitive:
// people type codes by hand).
func (s *Store) DossierByCode(ctx context.Context, siteID int64, code string) (dossier.Dossier, error) {
	return scanDossier(s.db.QueryRowContext(ctx, s.q(`SELECT `+dossierCols+dossierFrom+` WHERE d.site_id = ? AND d.code = ?`), siteID, strings.ToUpper(strings.TrimSpace(code))))
}

// DossierEvents returns a dossier's history, oldest first.
func (s *Store) DossierEvents(ctx context.Context, dossierID int64) ([]dossier.Event, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, dossier_id, at, COALESCE(actor_id, 0), actor_label, from_status, to_status, action, note
		FROM dossier_events WHERE dossier_id = ? ORDER BY id`), dossierID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []dossier.Event
	for rows.Next() {
		var e dossier.Event
		if err := rows.Scan(&e.ID, &e.DossierID, &e.At, &e.ActorID, &e.ActorLabel, &e.From, &e.To, &e.Action, &e.Note); err != nil {
			return nil, err
		}
		e.At = e.At.UTC()
		out = append(out, e)
	}
	return out, rows.Err()
}

// DossierFile is a file attached to a dossier: a component the applicant
// uploaded, a supplement, or the result. Files live under <data>/dossiers,
// never under a public path.
type DossierFile struct {
	ID          int64
	DossierID   int64
	ComponentID int64
	Kind        string // component | supplement | result
	Name        string // as uploaded, for display and download
	StoredName  string // path under <data>/dossiers
	Mime        string
	Size        int64
	SHA256      string
	CreatedAt   time.Time
	Reused      bool // a component taken from the citizen's data store (kho dữ liệu)
}

// DossierFiles lists a dossier's files in upload order.
func (s *Store) DossierFiles(ctx context.Context, dossierID int64) ([]DossierFile, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, dossier_id, COALESCE(component_id, 0), kind, name, stored_name, mime, size, sha256, created_at, reused
		FROM dossier_files WHERE dossier_id = ? ORDER BY id`), dossierID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DossierFile
	for rows.Next() {
		var f DossierFile
		if err := rows.Scan(&f.ID, &f.DossierID, &f.ComponentID, &f.Kind, &f.Name, &f.StoredName, &f.Mime, &f.Size, &f.SHA256, &f.CreatedAt, &f.Reused); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// DossierFile returns one file of a dossier.
func (s *Store) DossierFile(ctx context.Context, dossierID, fileID int64) (DossierFile, error) {
	var f DossierFile
	err := s.db.QueryRowContext(ctx, s.q(`SELECT id, dossier_id, COALESCE(component_id, 0), kind, name, stored_name, mime, size, sha256, created_at, reused
		FROM dossier_files WHERE dossier_id = ? AND id = ?`), dossierID, fileID).
		Scan(&f.ID, &f.DossierID, &f.ComponentID, &f.Kind, &f.Name, &f.StoredName, &f.Mime, &f.Size, &f.SHA256, &f.CreatedAt, &f.Reused)
	if errors.Is(err, sql.ErrNoRows) {
		return f, ErrNotFound
	}
	return f, err
}

// insertDossierFile records a stored file inside the transaction.
func (s *Store) insertDossierFile(ctx context.Context, tx *sql.Tx, f *DossierFile) error {
	if f.CreatedAt.IsZero() {
		f.CreatedAt = time.Now()
	}
	var cid any
	if f.ComponentID != 0 {
		cid = f.ComponentID
	}
	return tx.QueryRowContext(ctx, s.q(`INSERT INTO dossier_files (dossier_id, component_id, kind, name, stored_name, mime, size, sha256, created_at, reused)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		f.DossierID, cid, f.Kind, f.Name, f.StoredName, f.Mime, f.Size, f.SHA256, dbTime(f.CreatedAt), f.Reused).Scan(&f.ID)
}

// AllocateDossierCode takes the next number of the unit's day inside the
// transaction. The upsert is atomic on both engines: two submissions, on any
// number of instances, never get the same number and no number is skipped
// unless a transaction rolls back.
func (s *Store) allocateCode(ctx context.Context, tx *sql.Tx, siteID int64, unitCode string, at time.Time) (string, error) {
	day := dossier.CodeDay(at)
	var n int
	err := tx.QueryRowContext(ctx, s.q(`INSERT INTO dossier_seq (site_id, unit_code, day, last) VALUES (?, ?, ?, 1)
		ON CONFLICT (site_id, unit_code, day) DO UPDATE SET last = dossier_seq.last + 1
		RETURNING last`), siteID, unitCode, day).Scan(&n)
	if err != nil {
		return "", fmt.Errorf("cấp mã hồ sơ: %w", err)
	}
	return dossier.Code(unitCode, at, n), nil
}

// insertDossier allocates the code (from the unit's code and d.SubmittedAt,
// or d.ReceivedAt for counter dossiers), inserts the row and its first event.
func (s *Store) insertDossier(ctx context.Context, tx *sql.Tx, d *dossier.Dossier, ev dossier.Event, files ...DossierFile) error {
	var unitCode string
	if err := tx.QueryRowContext(ctx, s.q(`SELECT code FROM units WHERE site_id = ? AND id = ?`), d.SiteID, d.UnitID).Scan(&unitCode); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		return err
	}
	now := time.Now().UTC()
	if d.SubmittedAt.IsZero() {
		d.SubmittedAt = now
	}
	codeAt := d.SubmittedAt
	if !d.ReceivedAt.IsZero() {
		codeAt = d.ReceivedAt
	}
	code, err := s.allocateCode(ctx, tx, d.SiteID, unitCode, codeAt)
	if err != nil {
		return err
	}
	d.Code, d.UnitCode = code, unitCode
	if d.UpdatedAt.IsZero() {
		d.UpdatedAt = codeAt
	}
	d.Version = 1
	err = tx.QueryRowContext(ctx, s.q(`INSERT INTO dossiers (site_id, code, procedure_id, unit_id, channel, status, prev_status,
		applicant_name, applicant_folded, applicant_id_number, applicant_dob, applicant_phone, applicant_email, applicant_address,
		private_token_hash, idempotency_key, submitted_at, responded_at, received_at, due_at, finished_at, returned_at, paused_at,
		paused_total_seconds, supplement_count, assignee_id, result_file, created_by, updated_at, version, online_level, digitised, sms_opt_out)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1,
			COALESCE((SELECT level FROM procedures WHERE id = ?), ''), ?, ?) RETURNING id`),
		d.SiteID, d.Code, d.ProcedureID, d.UnitID, int(d.Channel), int(d.Status), int(d.PrevStatus),
		d.ApplicantName, viet.Fold(d.ApplicantName), d.ApplicantIDNumber, d.ApplicantDOB, d.ApplicantPhone, d.ApplicantEmail, d.ApplicantAddress,
		d.PrivateTokenHash, optString(d.IdempotencyKey), dbTime(d.SubmittedAt), optTime(d.RespondedAt), optTime(d.ReceivedAt), optTime(d.DueAt),
		optTime(d.FinishedAt), optTime(d.ReturnedAt), optTime(d.PausedAt),
		int64(d.PausedTotal/time.Second), d.SupplementCount, optID(d.AssigneeID), optString(d.ResultFile), optID(d.CreatedBy), dbTime(d.UpdatedAt),
		// The procedure's online level is copied now and again at receipt
		// (MoveDossier): statistics read the dossier's, not today's setting.
		// An online submission is digitised by construction.
		d.ProcedureID, boolInt(d.Channel == dossier.Online), boolInt(d.SMSOptOut)).Scan(&d.ID)
	if err != nil {
		return err
	}
	// Files go in before the event, so the forms its hook records (form 01
	// of a counter entry) see what the dossier was received with.
	for i := range files {
		files[i].DossierID = d.ID
		if err := s.insertDossierFile(ctx, tx, &files[i]); err != nil {
			return err
		}
	}
	ev.DossierID = d.ID
	if ev.At.IsZero() {
		ev.At = d.SubmittedAt
	}
	if ev.Action == "" {
		ev.Action = dossier.ActSubmit
	}
	if ev.To == 0 {
		ev.To = d.Status
	}
	if err := s.insertEvent(ctx, tx, ev); err != nil {
		return err
	}
	return s.afterDossierEvent(ctx, tx, dossier.Dossier{}, *d, ev)
}

func (s *Store) insertEvent(ctx context.Context, tx *sql.Tx, e dossier.Event) error {
	_, err := tx.ExecContext(ctx, s.q(`INSERT INTO dossier_events (dossier_id, at, actor_id, actor_label, from_status, to_status, action, note)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
		e.DossierID, dbTime(e.At), optID(e.ActorID), e.ActorLabel, int(e.From), int(e.To), string(e.Action), e.Note)
	return err
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
