package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/mail"
)

// The mail outbox (migration 0018): notifications are rows written in the
// transaction of the event that calls for them, and sent later by
// mail.Worker through the claim/lease methods below, on any instance.

// enqueueDossierMail queues the notifications an event calls for. It runs
// inside the event's transaction (afterDossierEvent): the mail exists
// exactly when the move does, and no SMTP is involved here.
func (s *Store) enqueueDossierMail(ctx context.Context, tx *sql.Tx, d dossier.Dossier, ev dossier.Event) error {
	appKind, toApplicant := mail.ForApplicant(ev)
	email := strings.TrimSpace(d.ApplicantEmail)
	toApplicant = toApplicant && mail.Deliverable(email)
	offKind, toOfficers := mail.ForOfficers(d, ev)
	if !toApplicant && !toOfficers {
		return nil
	}
	var officers []recipient
	if toOfficers {
		var err error
		if officers, err = s.unitOfficers(ctx, tx, d.UnitID); err != nil {
			return err
		}
		if len(officers) == 0 && !toApplicant {
			return nil
		}
	}
	data, err := s.mailData(ctx, tx, d, ev)
	if err != nil {
		return err
	}
	if toApplicant {
		if err := s.insertMail(ctx, tx, d, appKind, recipient{email: email, name: d.ApplicantName}, data, ev.At, ""); err != nil {
			return err
		}
	}
	for _, o := range officers {
		if err := s.insertMail(ctx, tx, d, offKind, o, data, ev.At, ""); err != nil {
			return err
		}
	}
	return nil
}

type recipient struct {
	userID      int64
	email, name string
}

// unitOfficers are the enabled staff working for the unit who have an
// e-mail address.
func (s *Store) unitOfficers(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, unitID int64) ([]recipient, error) {
	rows, err := q.QueryContext(ctx, s.q(`SELECT u.id, u.email, COALESCE(NULLIF(u.name, ''), u.username) FROM users u
		JOIN user_units uu ON uu.user_id = u.id
		WHERE uu.unit_id = ? AND NOT u.disabled AND u.email <> '' ORDER BY u.id`), unitID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []recipient
	for rows.Next() {
		var r recipient
		if err := rows.Scan(&r.userID, &r.email, &r.name); err != nil {
			return nil, err
		}
		if r.email = strings.TrimSpace(r.email); mail.Deliverable(r.email) {
			out = append(out, r)
		}
	}
	return out, rows.Err()
}

// mailData collects the names as they are at the event: a dossier being
// created carries ids only.
func (s *Store) mailData(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, d dossier.Dossier, ev dossier.Event) (string, error) {
	var site, proc, unit string
	err := q.QueryRowContext(ctx, s.q(`SELECT s.name, p.name, un.name FROM sites s, procedures p, units un
		WHERE s.id = ? AND p.id = ? AND un.id = ?`), d.SiteID, d.ProcedureID, d.UnitID).Scan(&site, &proc, &unit)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	if ev.At.IsZero() {
		ev.At = time.Now()
	}
	b, err := json.Marshal(mail.DataFor(d, ev, site, proc, unit))
	return string(b), err
}

// insertMail adds one row, due at once. A non-empty dedupeKey makes the row
// once-only: a second insert with the same key (from this or another
// instance) adds nothing, and inserted says which happened.
func (s *Store) insertMail(ctx context.Context, tx *sql.Tx, d dossier.Dossier, k mail.Kind, to recipient, data string, at time.Time, dedupeKey string) error {
	_, err := s.insertMailRow(ctx, tx, d, k, to, data, at, dedupeKey)
	return err
}

func (s *Store) insertMailRow(ctx context.Context, tx *sql.Tx, d dossier.Dossier, k mail.Kind, to recipient, data string, at time.Time, dedupeKey string) (bool, error) {
	if dedupeKey != "" {
		// Checked first to spare PostgreSQL an identity value per repeated
		// scan; the unique index is what holds when two instances race.
		var n int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM mail_outbox WHERE dedupe_key = ?`), dedupeKey).Scan(&n); err != nil {
			return false, err
		}
		if n > 0 {
			return false, nil
		}
	}
	tok := make([]byte, 12)
	rand.Read(tok)
	if at.IsZero() {
		at = time.Now()
	}
	res, err := tx.ExecContext(ctx, s.q(`INSERT INTO mail_outbox (site_id, dossier_id, kind, recipient, recipient_name, data, token, dedupe_key,
		status, attempts, created_at, next_attempt_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?)
		ON CONFLICT (dedupe_key) DO NOTHING`),
		d.SiteID, optID(d.ID), string(k), to.email, to.name, data, hex.EncodeToString(tok), optString(dedupeKey), dbTime(at), dbTime(at))
	if err != nil {
		return false, fmt.Errorf("xếp thư vào hàng đợi: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// nearDueWindow bounds the scan's SQL prefilter: one working day left can
// be many calendar days before the appointment across Tết.
const nearDueWindow = 16 * 24 * time.Hour

// EnqueueNearDue queues an alert to the unit's officers for every dossier
// in progress that is near due at now (dossier.Classify), once per dossier,
// appointment and officer: the dedupe key holds across scans and instances,
// and a new appointment (after a supplement) alerts again. A dossier waiting
// for the citizen's supplement is not alerted: its clock is stopped.
func (s *Store) EnqueueNearDue(ctx context.Context, now time.Time) (int, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+dossierCols+dossierFrom+`
		WHERE d.status IN (2, 4, 6) AND d.due_at > ? AND d.due_at <= ? ORDER BY d.site_id, d.due_at, d.id`),
		dbTime(now), dbTime(now.Add(nearDueWindow)))
	if err != nil {
		return 0, err
	}
	var cands []dossier.Dossier
	for rows.Next() {
		d, err := scanDossier(rows)
		if err != nil {
			rows.Close()
			return 0, err
		}
		cands = append(cands, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	cals := map[int64]dossier.Clock{}
	officers := map[int64][]recipient{}
	n := 0
	for _, d := range cands {
		cal, ok := cals[d.SiteID]
		if !ok {
			data, err := s.CalendarData(ctx, d.SiteID)
			if err != nil {
				return n, err
			}
			cal = data.Calendar(dossier.Loc)
			cals[d.SiteID] = cal
		}
		if dossier.Classify(&d, now, cal) != dossier.NearDue {
			continue
		}
		offs, ok := officers[d.UnitID]
		if !ok {
			if offs, err = s.unitOfficers(ctx, s.db, d.UnitID); err != nil {
				return n, err
			}
			officers[d.UnitID] = offs
		}
		if len(offs) == 0 {
			continue
		}
		data, err := s.mailData(ctx, s.db, d, dossier.Event{At: now})
		if err != nil {
			return n, err
		}
		for _, o := range offs {
			key := fmt.Sprintf("near:%d:%d:%d", d.ID, d.DueAt.Unix(), o.userID)
			var ins bool
			err := s.inTx(ctx, func(tx *sql.Tx) error {
				var err error
				ins, err = s.insertMailRow(ctx, tx, d, mail.OfficerNearDue, o, data, now, key)
				return err
			})
			if err != nil {
				return n, err
			}
			if ins {
				n++
			}
		}
	}
	return n, nil
}

const outboxCols = `id, site_id, COALESCE(dossier_id, 0), kind, recipient, recipient_name, data, token, status, attempts, last_error,
	created_at, next_attempt_at, sent_at`

func scanMail(row interface{ Scan(...any) error }) (mail.Item, error) {
	var it mail.Item
	var sent sql.NullTime
	err := row.Scan(&it.ID, &it.SiteID, &it.DossierID, &it.Kind, &it.To, &it.ToName, &it.Data, &it.Token, &it.Status, &it.Attempts,
		&it.LastError, &it.CreatedAt, &it.NextAttemptAt, &sent)
	if errors.Is(err, sql.ErrNoRows) {
		return it, ErrNotFound
	}
	it.CreatedAt, it.NextAttemptAt, it.SentAt = it.CreatedAt.UTC(), it.NextAttemptAt.UTC(), nullTime(sent)
	return it, err
}

// DueMail lists queued rows due at now that no live lease holds.
func (s *Store) DueMail(ctx context.Context, now time.Time, limit int) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id FROM mail_outbox
		WHERE status = 'queued' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)
		ORDER BY next_attempt_at, id LIMIT ?`), dbTime(now), dbTime(now), limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// ClaimMail takes a due row for owner until leaseUntil and counts the
// attempt. The conditions are re-checked by the UPDATE itself, so of two
// workers (on any number of instances) only one changes the row: on
// PostgreSQL the second waits for the first's commit and then no longer
// matches; SQLite has one writer at a time.
func (s *Store) ClaimMail(ctx context.Context, id int64, owner string, now, leaseUntil time.Time) (mail.Item, bool, error) {
	var it mail.Item
	claimed := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE mail_outbox SET lease_owner = ?, lease_until = ?, attempts = attempts + 1
			WHERE id = ? AND status = 'queued' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)`),
			owner, dbTime(leaseUntil), id, dbTime(now), dbTime(now))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return err
		}
		claimed = true
		it, err = scanMail(tx.QueryRowContext(ctx, s.q(`SELECT `+outboxCols+` FROM mail_outbox WHERE id = ?`), id))
		return err
	})
	return it, claimed, err
}

// MailSent marks a row sent. It does not insist on the lease: once the
// relay has accepted the message, the row must not be sent again whoever
// holds it now.
func (s *Store) MailSent(ctx context.Context, id int64, owner string, at time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q(`UPDATE mail_outbox SET status = 'sent', sent_at = ?, lease_until = NULL, lease_owner = ?
			WHERE id = ?`), dbTime(at), owner, id)
		return err
	})
}

// MailFailed records a failed attempt of the lease holder: the row waits
// until next, or becomes failed for good. Nothing is ever deleted.
func (s *Store) MailFailed(ctx context.Context, id int64, owner, errText string, next time.Time, final bool) error {
	status := mail.StatusQueued
	if final {
		status = mail.StatusFailed
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q(`UPDATE mail_outbox SET status = ?, last_error = ?, next_attempt_at = ?, lease_until = NULL
			WHERE id = ? AND lease_owner = ? AND status = 'queued'`), status, errText, dbTime(next), id, owner)
		return err
	})
}

// OutboxFilter selects rows for the admin list.
type OutboxFilter struct {
	SiteID    int64
	Status    string // "" any
	DossierID int64  // 0 any
	Limit     int
	Offset    int
}

// Outbox lists a site's mail, newest first, with the total.
func (s *Store) Outbox(ctx context.Context, f OutboxFilter) ([]mail.Item, int, error) {
	w := ` WHERE site_id = ?`
	args := []any{f.SiteID}
	if f.Status != "" {
		w += ` AND status = ?`
		args = append(args, f.Status)
	}
	if f.DossierID != 0 {
		w += ` AND dossier_id = ?`
		args = append(args, f.DossierID)
	}
	var total int
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM mail_outbox`+w), args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+outboxCols+` FROM mail_outbox`+w+` ORDER BY id DESC LIMIT ? OFFSET ?`),
		append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []mail.Item
	for rows.Next() {
		it, err := scanMail(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, it)
	}
	return out, total, rows.Err()
}

// OutboxCounts counts a site's mail per status.
func (s *Store) OutboxCounts(ctx context.Context, siteID int64) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT status, COUNT(*) FROM mail_outbox WHERE site_id = ? GROUP BY status`), siteID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		out[st] = n
	}
	return out, rows.Err()
}

// RequeueMail gives a failed row another attempt now (after an admin fixed
// the relay's settings, say). ErrNotFound unless the site has such a
// failed row.
func (s *Store) RequeueMail(ctx context.Context, siteID, id int64, now time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE mail_outbox SET status = 'queued', next_attempt_at = ?, lease_until = NULL
			WHERE id = ? AND site_id = ? AND status = 'failed'`), dbTime(now), id, siteID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n != 1 {
			return ErrNotFound
		}
		return nil
	})
}
