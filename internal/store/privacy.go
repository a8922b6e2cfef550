package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/forms"
	"github.com/congportal/cong/internal/mail"
)

// Personal data protection (Decree 13/2023/NĐ-CP, migration 0023): limits
// that hold across instances, recovery of a lost private link with a
// per-dossier failure budget, and erasure of closed dossiers' personal data
// after the site's retention period.

// ReserveHit counts one hit for (scope, key) in the fixed window of length
// window that now falls in, and returns the hits counted so far in it
// (this one included) and how long until the window ends. The upsert is one
// statement, so on PostgreSQL two instances never both see the last free
// hit; the caller refuses when hits exceeds its limit. A fixed window lets
// a client put up to twice the limit across a boundary, which is enough
// for a brake on guessing and flooding.
func (s *Store) ReserveHit(ctx context.Context, scope, key string, window time.Duration, now time.Time) (int, time.Duration, error) {
	w := int64(window / time.Second)
	if w <= 0 {
		w = 1
	}
	start := now.Unix() / w * w
	var hits int
	err := s.db.QueryRowContext(ctx, s.q(`INSERT INTO rate_hits (scope, key, window_start, hits, expires_at) VALUES (?, ?, ?, 1, ?)
		ON CONFLICT (scope, key, window_start) DO UPDATE SET hits = rate_hits.hits + 1
		RETURNING hits`), scope, key, start, start+w).Scan(&hits)
	if err != nil {
		return 0, 0, err
	}
	left := time.Unix(start+w, 0).Sub(now)
	if left < time.Second {
		left = time.Second
	}
	return hits, left, nil
}

// PruneRateHits deletes the windows that ended before now.
func (s *Store) PruneRateHits(ctx context.Context, now time.Time) (int64, error) {
	res, err := s.db.ExecContext(ctx, s.q(`DELETE FROM rate_hits WHERE expires_at < ?`), now.Unix())
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// RecoveryOutcome is what a recovery attempt did. The citizen is told the
// same thing whatever it is; tests and logs need to know.
type RecoveryOutcome int

const (
	RecoveryUnknownCode RecoveryOutcome = iota // no such code on the site
	RecoveryMismatch                           // wrong email or phone: counted against the budget
	RecoveryLocked                             // the code is locked until an officer resets it
	RecoverySent                               // a fresh link was queued to the email on file
	RecoveryNoEmail                            // matched, but no deliverable email on file: nothing sent
	RecoveryThrottled                          // matched, but enough links were mailed today
	RecoveryErased                             // the dossier's personal data is erased
)

// RecoverPrivateLink checks the contact typed for the dossier with that
// code and, when it is the email or phone on file and the dossier has a
// deliverable email, replaces the private link's hash with newHash and
// queues the mail carrying token, in one transaction. A wrong contact
// counts against the dossier's budget; at dossier.RecoveryBudget the code
// is locked for recovery. The old link stops working when a new one is
// sent: the citizen who asks has lost it or fears it leaked.
func (s *Store) RecoverPrivateLink(ctx context.Context, siteID int64, code, contact, token, newHash string, now time.Time) (RecoveryOutcome, error) {
	out := RecoveryUnknownCode
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		d, err := scanDossier(tx.QueryRowContext(ctx, s.q(`SELECT `+dossierCols+dossierFrom+` WHERE d.site_id = ? AND d.code = ?`),
			siteID, strings.ToUpper(strings.TrimSpace(code))))
		if errors.Is(err, ErrNotFound) {
			out = RecoveryUnknownCode
			return nil
		}
		if err != nil {
			return err
		}
		var locked, erased sql.NullTime
		if err := tx.QueryRowContext(ctx, s.q(`SELECT recovery_locked_at, personal_erased_at FROM dossiers WHERE id = ?`), d.ID).Scan(&locked, &erased); err != nil {
			return err
		}
		switch {
		case locked.Valid:
			out = RecoveryLocked
			return nil
		case erased.Valid:
			out = RecoveryErased
			return nil
		}
		if !dossier.ContactMatches(contact, d.ApplicantEmail, d.ApplicantPhone) {
			out = RecoveryMismatch
			// Increment and lock in one statement: concurrent guesses on
			// two instances each count.
			_, err := tx.ExecContext(ctx, s.q(`UPDATE dossiers SET recovery_failures = recovery_failures + 1,
				recovery_locked_at = CASE WHEN recovery_failures + 1 >= ? THEN ? ELSE recovery_locked_at END
				WHERE id = ?`), dossier.RecoveryBudget, dbTime(now), d.ID)
			return err
		}
		email := strings.TrimSpace(d.ApplicantEmail)
		if !mail.Deliverable(email) {
			out = RecoveryNoEmail
			return nil
		}
		var sent int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM mail_outbox WHERE dossier_id = ? AND kind = ? AND created_at > ?`),
			d.ID, string(mail.PrivateLink), dbTime(now.Add(-24*time.Hour))).Scan(&sent); err != nil {
			return err
		}
		if sent >= dossier.RecoveryMailsPerDay {
			out = RecoveryThrottled
			return nil
		}
		res, err := tx.ExecContext(ctx, s.q(`UPDATE dossiers SET private_token_hash = ?, recovery_failures = 0
			WHERE id = ? AND recovery_locked_at IS NULL`), newHash, d.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			out = RecoveryLocked
			return nil
		}
		data, err := s.mailData(ctx, tx, d, dossier.Event{At: now})
		if err != nil {
			return err
		}
		// mailData knows nothing of the link: add the token to its JSON.
		var md mail.Data
		if err := json.Unmarshal([]byte(data), &md); err != nil {
			return err
		}
		md.Token = token
		b, err := json.Marshal(md)
		if err != nil {
			return err
		}
		out = RecoverySent
		return s.insertMail(ctx, tx, d, mail.PrivateLink, recipient{email: email, name: d.ApplicantName}, string(b), now, "")
	})
	return out, err
}

// DossierPrivacy is the dossier's state as to personal data, for the
// officer's page.
type DossierPrivacy struct {
	RecoveryFailures int
	RecoveryLockedAt time.Time
	ErasedAt         time.Time
}

// DossierPrivacy reads it.
func (s *Store) DossierPrivacy(ctx context.Context, dossierID int64) (DossierPrivacy, error) {
	var p DossierPrivacy
	var locked, erased sql.NullTime
	err := s.db.QueryRowContext(ctx, s.q(`SELECT recovery_failures, recovery_locked_at, personal_erased_at FROM dossiers WHERE id = ?`), dossierID).
		Scan(&p.RecoveryFailures, &locked, &erased)
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	p.RecoveryLockedAt, p.ErasedAt = nullTime(locked), nullTime(erased)
	return p, err
}

// ResetRecovery unlocks a dossier's code for recovery and clears its
// failures. It reports whether the code was locked.
func (s *Store) ResetRecovery(ctx context.Context, siteID, dossierID int64) (bool, error) {
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE dossiers SET recovery_failures = 0, recovery_locked_at = NULL
		WHERE site_id = ? AND id = ? AND recovery_locked_at IS NOT NULL`), siteID, dossierID)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// RetentionMonths is the site's retention period for closed dossiers'
// personal data; 0 means never erase.
func (s *Store) RetentionMonths(ctx context.Context, siteID int64) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, s.q(`SELECT dossier_retention_months FROM sites WHERE id = ?`), siteID).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	return n, err
}

// SetRetentionMonths changes it.
func (s *Store) SetRetentionMonths(ctx context.Context, siteID int64, months int) error {
	_, err := s.db.ExecContext(ctx, s.q(`UPDATE sites SET dossier_retention_months = ? WHERE id = ?`), months, siteID)
	return err
}

// ErasureResult counts what ErasePersonalData did.
type ErasureResult struct {
	Dossiers int
	Files    int
}

// eraseBatch bounds one pass per site, so a first run on years of
// dossiers does not hold the database for long; the next pass continues.
const eraseBatch = 500

// ErasePersonalData erases the personal data of every site's closed
// dossiers (dossier.Closed) last changed more than the site's retention
// period before now: the applicant's name, CCCD, birth date, phone, email
// and address, the private link, the files (rows here, bytes under
// dossierDir), the personal fields of the forms' snapshots and of the mail
// rows, and the applicant's name and notes in the history. What the
// statistics read stays as it was: status, dates, unit, procedure, channel,
// counts, ratings. Each dossier is one transaction; files are removed
// after it commits (a crash in between leaves unreferenced files, never a
// row pointing at a missing file's personal data). Running it again, or on
// two instances at once, erases nothing twice.
func (s *Store) ErasePersonalData(ctx context.Context, now time.Time, dossierDir string) (ErasureResult, error) {
	var res ErasureResult
	rows, err := s.db.QueryContext(ctx, `SELECT id, dossier_retention_months FROM sites WHERE dossier_retention_months > 0 ORDER BY id`)
	if err != nil {
		return res, err
	}
	type site struct {
		id     int64
		months int
	}
	var sites []site
	for rows.Next() {
		var st site
		if err := rows.Scan(&st.id, &st.months); err != nil {
			rows.Close()
			return res, err
		}
		sites = append(sites, st)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return res, err
	}
	for _, st := range sites {
		cutoff := now.AddDate(0, -st.months, 0)
		ids, err := s.erasable(ctx, st.id, cutoff)
		if err != nil {
			return res, err
		}
		for _, id := range ids {
			files, done, err := s.eraseDossier(ctx, id, now)
			if err != nil {
				return res, err
			}
			if !done {
				continue
			}
			res.Dossiers++
			for _, f := range files {
				if removeStored(dossierDir, f) {
					res.Files++
				}
			}
		}
	}
	return res, nil
}

func (s *Store) erasable(ctx context.Context, siteID int64, cutoff time.Time) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id FROM dossiers
		WHERE site_id = ? AND status IN (?, ?, ?, ?) AND personal_erased_at IS NULL AND updated_at <= ?
		ORDER BY id LIMIT ?`), siteID, int(dossier.ClosedStatuses[0]), int(dossier.ClosedStatuses[1]), int(dossier.ClosedStatuses[2]),
		int(dossier.ClosedStatuses[3]), dbTime(cutoff), eraseBatch)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// eraseDossier erases one dossier in a transaction and returns the stored
// names of its files, to be removed once it has committed. done is false
// when another pass erased it first.
func (s *Store) eraseDossier(ctx context.Context, id int64, now time.Time) (files []string, done bool, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var name string
		if err := tx.QueryRowContext(ctx, s.q(`SELECT applicant_name FROM dossiers WHERE id = ?`), id).Scan(&name); err != nil {
			return err
		}
		// The guard makes a concurrent second pass a no-op.
		r, err := tx.ExecContext(ctx, s.q(`UPDATE dossiers SET applicant_name = '', applicant_folded = '', applicant_id_number = '',
			applicant_dob = '', applicant_phone = '', applicant_email = '', applicant_address = '', private_token_hash = '',
			recovery_failures = 0, recovery_locked_at = NULL, personal_erased_at = ?
			WHERE id = ? AND personal_erased_at IS NULL`), dbTime(now), id)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n != 1 {
			return nil
		}
		done = true
		// The applicant's own events carry the name as actor (submission;
		// "<name> (công dân)" for supplements and withdrawal). Officers'
		// events keep their names and notes: they are the office's record.
		if name != "" {
			if _, err := tx.ExecContext(ctx, s.q(`UPDATE dossier_events SET actor_label = ?, note = ''
				WHERE dossier_id = ? AND actor_id IS NULL AND actor_label IN (?, ?)`),
				dossier.ErasedLabel, id, name, name+" (công dân)"); err != nil {
				return err
			}
		}
		if err := s.eraseFormSnapshots(ctx, tx, id); err != nil {
			return err
		}
		// Mail rows: the text's facts (they name the applicant) and the
		// applicant's address; officers' addresses are not the citizen's.
		// A row still queued would now be empty: it is closed as failed.
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE mail_outbox SET data = '{}',
			recipient = CASE WHEN kind IN (?, ?) THEN recipient ELSE '' END,
			recipient_name = CASE WHEN kind IN (?, ?) THEN recipient_name ELSE '' END,
			status = CASE WHEN status = 'queued' THEN 'failed' ELSE status END,
			last_error = CASE WHEN status = 'queued' THEN 'Dữ liệu cá nhân đã được xóa theo thời hạn lưu trữ.' ELSE last_error END
			WHERE dossier_id = ?`), string(mail.OfficerNew), string(mail.OfficerNearDue), string(mail.OfficerNew), string(mail.OfficerNearDue), id); err != nil {
			return err
		}
		// SMS rows hold the applicant's number; a text still waiting is
		// closed as dead. Sync rows carry no personal data.
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE partner_outbox SET recipient = '',
			status = CASE WHEN status IN ('pending', 'failed') THEN 'dead' ELSE status END,
			last_error = CASE WHEN status IN ('pending', 'failed') THEN 'Dữ liệu cá nhân đã được xóa theo thời hạn lưu trữ.' ELSE last_error END
			WHERE dossier_id = ? AND channel = 'sms'`), id); err != nil {
			return err
		}
		// Signed forms carry the applicant's name too; their records
		// (code, hash, signer) stay, so the check page can still say
		// what was issued.
		rows, err := tx.QueryContext(ctx, s.q(`SELECT stored_name FROM dossier_files WHERE dossier_id = ?
			UNION SELECT stored_name FROM signed_files WHERE dossier_id = ? AND kind = 'form' AND stored_name <> ''`), id, id)
		if err != nil {
			return err
		}
		for rows.Next() {
			var f string
			if err := rows.Scan(&f); err != nil {
				rows.Close()
				return err
			}
			files = append(files, f)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM dossier_files WHERE dossier_id = ?`), id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE signed_files SET stored_name = '' WHERE dossier_id = ?`), id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, s.q(`UPDATE dossiers SET result_file = NULL WHERE id = ?`), id)
		return err
	})
	if err != nil || !done {
		return nil, false, err
	}
	return files, true, nil
}

// eraseFormSnapshots empties the personal fields of the dossier's issued
// forms (mẫu 01–05); the office keeps the forms' facts.
func (s *Store) eraseFormSnapshots(ctx context.Context, tx *sql.Tx, dossierID int64) error {
	rows, err := tx.QueryContext(ctx, s.q(`SELECT id, data FROM dossier_forms WHERE dossier_id = ?`), dossierID)
	if err != nil {
		return err
	}
	type snap struct {
		id   int64
		data string
	}
	var snaps []snap
	for rows.Next() {
		var sn snap
		if err := rows.Scan(&sn.id, &sn.data); err != nil {
			rows.Close()
			return err
		}
		snaps = append(snaps, sn)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, sn := range snaps {
		d, err := forms.Unmarshal(sn.data)
		if err != nil {
			return err
		}
		d.ApplicantName, d.ApplicantID, d.ApplicantAddress, d.ApplicantPhone, d.ApplicantEmail = dossier.ErasedLabel, "", "", "", ""
		js, err := d.Marshal()
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE dossier_forms SET data = ? WHERE id = ?`), js, sn.id); err != nil {
			return err
		}
	}
	return nil
}

// removeStored deletes one stored dossier file, refusing any name that
// could leave the folder.
func removeStored(dir, stored string) bool {
	if dir == "" || stored == "" || !filepath.IsLocal(filepath.FromSlash(stored)) {
		return false
	}
	return os.Remove(filepath.Join(dir, filepath.FromSlash(stored))) == nil
}
