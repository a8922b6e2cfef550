package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/congportal/cong/internal/qa"
	"github.com/congportal/cong/internal/viet"
)

const consultCols = `c.id, c.site_id, c.title, c.slug, c.summary, c.doc_url, c.opens_on, c.closes_on, c.result_html, c.created_at, c.updated_at,
	(SELECT COUNT(*) FROM consultation_feedback f WHERE f.consultation_id = c.id)`

func scanConsultation(row interface{ Scan(...any) error }) (qa.Consultation, error) {
	var c qa.Consultation
	err := row.Scan(&c.ID, &c.SiteID, &c.Title, &c.Slug, &c.Summary, &c.DocURL, &c.OpensOn, &c.ClosesOn, &c.ResultHTML, &c.CreatedAt, &c.UpdatedAt, &c.Feedback)
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	return c, err
}

// SaveConsultation creates (ID 0) or updates a consultation.
func (s *Store) SaveConsultation(ctx context.Context, c *qa.Consultation, userID int64) error {
	now := dbTime(time.Now())
	c.UpdatedAt = now
	c.Slug = viet.Slug(c.Title)
	if len(c.Slug) > 80 {
		c.Slug = strings.TrimRight(c.Slug[:80], "-")
	}
	if c.ID == 0 {
		c.CreatedAt = now
		var uid any
		if userID != 0 {
			uid = userID
		}
		return s.db.QueryRowContext(ctx, s.q(`INSERT INTO consultations (site_id, title, slug, summary, doc_url, opens_on, closes_on, result_html, created_by, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			c.SiteID, c.Title, c.Slug, c.Summary, c.DocURL, c.OpensOn, c.ClosesOn, c.ResultHTML, uid, now, now).Scan(&c.ID)
	}
	return s.qaExecOne(ctx, `UPDATE consultations SET title = ?, slug = ?, summary = ?, doc_url = ?, opens_on = ?, closes_on = ?, result_html = ?, updated_at = ? WHERE site_id = ? AND id = ?`,
		c.Title, c.Slug, c.Summary, c.DocURL, c.OpensOn, c.ClosesOn, c.ResultHTML, now, c.SiteID, c.ID)
}

// Consultation returns one consultation of the site.
func (s *Store) Consultation(ctx context.Context, siteID, id int64) (qa.Consultation, error) {
	return scanConsultation(s.db.QueryRowContext(ctx, s.q(`SELECT `+consultCols+` FROM consultations c WHERE c.site_id = ? AND c.id = ?`), siteID, id))
}

// Consultations lists the site's consultations, latest closing first.
func (s *Store) Consultations(ctx context.Context, siteID int64) ([]qa.Consultation, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+consultCols+` FROM consultations c WHERE c.site_id = ? ORDER BY c.closes_on DESC, c.id DESC LIMIT 500`), siteID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []qa.Consultation
	for rows.Next() {
		c, err := scanConsultation(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// AddFeedback stores a comment on a consultation and marks the challenge
// nonce used, together. The consultation must be open on day `today`
// (checked in the same transaction, so a comment cannot slip in after
// the deadline passed between form and store): ErrClosed otherwise.
func (s *Store) AddFeedback(ctx context.Context, siteID int64, f *qa.Feedback, nonce, today string) error {
	now := dbTime(time.Now())
	f.CreatedAt = now
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var opens, closes string
		err := tx.QueryRowContext(ctx, s.q(`SELECT opens_on, closes_on FROM consultations WHERE site_id = ? AND id = ?`), siteID, f.ConsultationID).Scan(&opens, &closes)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if (qa.Consultation{OpensOn: opens, ClosesOn: closes}).State(today) != qa.ConsultOpen {
			return ErrClosed
		}
		if err := s.useChallenge(ctx, tx, nonce, now); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, s.q(`INSERT INTO consultation_feedback (consultation_id, name, email, phone, organisation, comment, flag, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			f.ConsultationID, f.Name, f.Email, f.Phone, f.Organisation, f.Comment, f.Flag, now).Scan(&f.ID)
	})
}

// ErrClosed is returned for a comment on a consultation that is not open.
var ErrClosed = errors.New("đã hết hạn lấy ý kiến")

// Feedback lists the comments on a consultation, oldest first.
func (s *Store) Feedback(ctx context.Context, siteID, consultationID int64) ([]qa.Feedback, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT f.id, f.consultation_id, f.name, f.email, f.phone, f.organisation, f.comment, f.flag, f.created_at
		FROM consultation_feedback f JOIN consultations c ON c.id = f.consultation_id WHERE c.site_id = ? AND c.id = ? ORDER BY f.id`), siteID, consultationID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []qa.Feedback
	for rows.Next() {
		var f qa.Feedback
		if err := rows.Scan(&f.ID, &f.ConsultationID, &f.Name, &f.Email, &f.Phone, &f.Organisation, &f.Comment, &f.Flag, &f.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}
