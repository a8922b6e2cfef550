package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/partner"
)

// The partner outbox (migration 0036): the national portal's status sync
// and SMS, written in the dossier event's transaction and delivered later
// by partner.Worker through the claim/lease methods below.

// Partners says which partner channels record rows. A channel that is not
// configured records nothing: an unsent queue would grow forever, and a
// province that connects later starts from then on instead of flooding
// the partner with its history.
type Partners struct {
	Sync, SMS bool
}

// SetPartners turns the recording of partner rows on or off; call it
// before serving.
func (s *Store) SetPartners(p Partners) { s.partners.Store(&p) }

// PartnersOn says which partner channels record rows: pages offer the SMS
// opt-out only when SMS is on.
func (s *Store) PartnersOn() Partners {
	if p := s.partners.Load(); p != nil {
		return *p
	}
	return Partners{}
}

// enqueuePartners runs inside the event's transaction (afterDossierEvent).
func (s *Store) enqueuePartners(ctx context.Context, tx *sql.Tx, d dossier.Dossier, ev dossier.Event) error {
	p := s.PartnersOn()
	if !p.Sync && !p.SMS {
		return nil
	}
	at := ev.At
	if at.IsZero() {
		at = time.Now()
	}
	if p.Sync {
		var in partner.SyncInput
		err := tx.QueryRowContext(ctx, s.q(`SELECT p.code, u.code FROM procedures p, units u WHERE p.id = ? AND u.id = ?`),
			d.ProcedureID, d.UnitID).Scan(&in.ProcedureCode, &in.UnitCode)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		// Fee paid: what the applicant paid online for this dossier, read
		// in the same transaction (the payment hook runs first). Money
		// waiting to be refunded is still counted: it was paid and is not
		// back yet. Null (unknown) when online payment is off, since fees
		// paid at the counter are not recorded here.
		if s.payProvider != "" {
			var paid int64
			if err := tx.QueryRowContext(ctx, s.q(`SELECT COALESCE(SUM(amount), 0) FROM payments WHERE dossier_id = ? AND state IN ('paid', 'refund_pending')`),
				d.ID).Scan(&paid); err != nil {
				return err
			}
			in.FeePaid = &paid
		}
		key := newPartnerKey()
		b, err := json.Marshal(partner.NewSyncEvent(d, ev, in, key))
		if err != nil {
			return err
		}
		if err := s.insertPartner(ctx, tx, d, partner.Sync, string(ev.Action), "", string(b), key, at); err != nil {
			return err
		}
	}
	if p.SMS && partner.SMSFor(ev) {
		phone, ok := partner.NormalizePhone(d.ApplicantPhone)
		if !ok {
			return nil
		}
		var optOut bool
		var site string
		if err := tx.QueryRowContext(ctx, s.q(`SELECT d.sms_opt_out <> 0, s.name FROM dossiers d JOIN sites s ON s.id = d.site_id WHERE d.id = ?`),
			d.ID).Scan(&optOut, &site); err != nil {
			return err
		}
		if optOut {
			return nil
		}
		data := partner.SMSData{Site: site, Code: d.Code, DueAt: d.DueAt}
		if ev.Action == dossier.ActApologise {
			data.DueAt = d.NewDueAt
		}
		b, err := json.Marshal(data)
		if err != nil {
			return err
		}
		if err := s.insertPartner(ctx, tx, d, partner.SMS, string(ev.Action), phone, string(b), newPartnerKey(), at); err != nil {
			return err
		}
	}
	return nil
}

func newPartnerKey() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func (s *Store) insertPartner(ctx context.Context, tx *sql.Tx, d dossier.Dossier, ch partner.Channel, kind, to, payload, key string, at time.Time) error {
	_, err := tx.ExecContext(ctx, s.q(`INSERT INTO partner_outbox (site_id, dossier_id, channel, kind, recipient, payload, idem_key,
		status, attempts, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)`),
		d.SiteID, optID(d.ID), string(ch), kind, to, payload, key, dbTime(at), dbTime(at))
	if err != nil {
		return fmt.Errorf("xếp sự kiện %s vào hàng đợi: %w", ch, err)
	}
	return nil
}

// SetSMSOptOut records the applicant's choice about text messages for a
// dossier of the site. Rows already queued are not withdrawn.
func (s *Store) SetSMSOptOut(ctx context.Context, siteID, dossierID int64, optOut bool) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE dossiers SET sms_opt_out = ? WHERE id = ? AND site_id = ?`), boolInt(optOut), dossierID, siteID)
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

// SMSOptOut says whether the applicant turned text messages off.
func (s *Store) SMSOptOut(ctx context.Context, siteID, dossierID int64) (bool, error) {
	var v bool
	err := s.db.QueryRowContext(ctx, s.q(`SELECT sms_opt_out <> 0 FROM dossiers WHERE id = ? AND site_id = ?`), dossierID, siteID).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return false, ErrNotFound
	}
	return v, err
}

const partnerCols = `id, site_id, COALESCE(dossier_id, 0), channel, kind, recipient, payload, idem_key, status, attempts, last_error,
	created_at, next_attempt_at, delivered_at`

func scanPartner(row interface{ Scan(...any) error }) (partner.Item, error) {
	var it partner.Item
	var ch string
	var done sql.NullTime
	err := row.Scan(&it.ID, &it.SiteID, &it.DossierID, &ch, &it.Kind, &it.Recipient, &it.Payload, &it.Key, &it.Status, &it.Attempts,
		&it.LastError, &it.CreatedAt, &it.NextAttemptAt, &done)
	if errors.Is(err, sql.ErrNoRows) {
		return it, ErrNotFound
	}
	it.Channel = partner.Channel(ch)
	it.CreatedAt, it.NextAttemptAt, it.DeliveredAt = it.CreatedAt.UTC(), it.NextAttemptAt.UTC(), nullTime(done)
	return it, err
}

// partnerDue is the claimable condition, shared by the listing and the
// claim so both say the same thing: due, unleased, and first in its
// dossier's line.
const partnerDue = `o.channel = ? AND o.status IN ('pending', 'failed') AND o.next_attempt_at <= ?
	AND (o.lease_until IS NULL OR o.lease_until < ?)
	AND NOT EXISTS (SELECT 1 FROM partner_outbox e WHERE e.dossier_id = o.dossier_id AND e.channel = o.channel
		AND e.id < o.id AND e.status IN ('pending', 'failed'))`

// DuePartner lists claimable rows of a channel, oldest first.
func (s *Store) DuePartner(ctx context.Context, ch partner.Channel, now time.Time, limit int) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT o.id FROM partner_outbox o WHERE `+partnerDue+` ORDER BY o.id LIMIT ?`),
		string(ch), dbTime(now), dbTime(now), limit)
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

// ClaimPartner takes a claimable row for owner until leaseUntil and counts
// the attempt. The UPDATE re-checks the conditions itself: of two workers
// only one changes the row (on PostgreSQL the second waits for the first's
// commit, then no longer matches the lease condition; SQLite has one
// writer at a time).
func (s *Store) ClaimPartner(ctx context.Context, id int64, owner string, now, leaseUntil time.Time) (partner.Item, bool, error) {
	var it partner.Item
	claimed := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		// The row's own conditions are on the UPDATE's target, not in a
		// subquery: PostgreSQL re-checks those against the row as the
		// first claimer committed it, so the second claimer sees the lease.
		res, err := tx.ExecContext(ctx, s.q(`UPDATE partner_outbox SET lease_owner = ?, lease_until = ?, attempts = attempts + 1
			WHERE id = ? AND status IN ('pending', 'failed') AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)
			AND NOT EXISTS (SELECT 1 FROM partner_outbox e WHERE e.dossier_id = partner_outbox.dossier_id
				AND e.channel = partner_outbox.channel AND e.id < partner_outbox.id AND e.status IN ('pending', 'failed'))`),
			owner, dbTime(leaseUntil), id, dbTime(now), dbTime(now))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return err
		}
		claimed = true
		it, err = scanPartner(tx.QueryRowContext(ctx, s.q(`SELECT `+partnerCols+` FROM partner_outbox WHERE id = ?`), id))
		return err
	})
	return it, claimed, err
}

// PartnerDelivered marks a row delivered. It does not insist on the lease:
// once the partner has the row it must not go out again, whoever holds it.
func (s *Store) PartnerDelivered(ctx context.Context, id int64, owner string, at time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q(`UPDATE partner_outbox SET status = 'delivered', delivered_at = ?, lease_until = NULL, lease_owner = ?,
			last_error = '' WHERE id = ?`), dbTime(at), owner, id)
		return err
	})
}

// PartnerFailed records a failed attempt of the lease holder. Nothing is
// deleted: a dead row waits for an admin.
func (s *Store) PartnerFailed(ctx context.Context, id int64, owner, errText string, next time.Time, dead bool) error {
	status := partner.StatusFailed
	if dead {
		status = partner.StatusDead
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q(`UPDATE partner_outbox SET status = ?, last_error = ?, next_attempt_at = ?, lease_until = NULL
			WHERE id = ? AND lease_owner = ? AND status IN ('pending', 'failed')`), status, errText, dbTime(next), id, owner)
		return err
	})
}

// PrunePartner deletes delivered rows delivered before cutoff and says
// how many: the partner has them, and the dossier's history keeps the
// events themselves.
func (s *Store) PrunePartner(ctx context.Context, cutoff time.Time) (int64, error) {
	res, err := s.db.ExecContext(ctx, s.q(`DELETE FROM partner_outbox WHERE status = 'delivered' AND delivered_at < ?`), dbTime(cutoff))
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// PartnerFilter selects rows for the admin list.
type PartnerFilter struct {
	SiteID  int64
	Channel partner.Channel // "" any
	Status  string          // "" any
	Limit   int
	Offset  int
}

// PartnerOutbox lists a site's partner rows, newest first, with the total.
func (s *Store) PartnerOutbox(ctx context.Context, f PartnerFilter) ([]partner.Item, int, error) {
	w := ` WHERE site_id = ?`
	args := []any{f.SiteID}
	if f.Channel != "" {
		w += ` AND channel = ?`
		args = append(args, string(f.Channel))
	}
	if f.Status != "" {
		w += ` AND status = ?`
		args = append(args, f.Status)
	}
	var total int
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM partner_outbox`+w), args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+partnerCols+` FROM partner_outbox`+w+` ORDER BY id DESC LIMIT ? OFFSET ?`),
		append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []partner.Item
	for rows.Next() {
		it, err := scanPartner(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, it)
	}
	return out, total, rows.Err()
}

// PartnerCounts counts rows per channel and status; siteID 0 counts every
// site (for /metrics).
func (s *Store) PartnerCounts(ctx context.Context, siteID int64) (map[partner.Channel]map[string]int, error) {
	q := `SELECT channel, status, COUNT(*) FROM partner_outbox`
	var args []any
	if siteID != 0 {
		q += ` WHERE site_id = ?`
		args = append(args, siteID)
	}
	rows, err := s.db.QueryContext(ctx, s.q(q+` GROUP BY channel, status`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[partner.Channel]map[string]int{}
	for _, ch := range partner.Channels {
		out[ch] = map[string]int{}
	}
	for rows.Next() {
		var ch, st string
		var n int
		if err := rows.Scan(&ch, &st, &n); err != nil {
			return nil, err
		}
		if out[partner.Channel(ch)] == nil {
			out[partner.Channel(ch)] = map[string]int{}
		}
		out[partner.Channel(ch)][st] = n
	}
	return out, rows.Err()
}

// RetryPartner gives one dead or failed row of the site a fresh start now
// (attempts back to 0). ErrNotFound unless the site has such a row.
func (s *Store) RetryPartner(ctx context.Context, siteID, id int64, now time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE partner_outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, lease_until = NULL
			WHERE id = ? AND site_id = ? AND status IN ('dead', 'failed')`), dbTime(now), id, siteID)
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

// RetryDeadPartner gives every dead row of the site's channel a fresh
// start and says how many.
func (s *Store) RetryDeadPartner(ctx context.Context, siteID int64, ch partner.Channel, now time.Time) (int64, error) {
	var n int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE partner_outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, lease_until = NULL
			WHERE site_id = ? AND channel = ? AND status = 'dead'`), dbTime(now), siteID, string(ch))
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return n, err
}
