package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/congportal/cong/internal/institution"
)

// InstPage is an institutional page (Decree 42/2022) in one language.
type InstPage struct {
	ID        int64
	SiteID    int64
	Kind      string
	Lang      string // "vi" or "en"
	Title     string
	Slug      string
	BodyHTML  string
	SourceID  int64 // for an English page: its Vietnamese source
	UpdatedAt time.Time
	People    []institution.Person
}

// InstPage returns the page of a kind in a language, with its people.
func (s *Store) InstPage(ctx context.Context, siteID int64, kind, lang string) (InstPage, error) {
	var p InstPage
	var src sql.NullInt64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT id, site_id, kind, lang, title, slug, body_html, source_id, updated_at FROM pages WHERE site_id = ? AND kind = ? AND lang = ?`), siteID, kind, lang).
		Scan(&p.ID, &p.SiteID, &p.Kind, &p.Lang, &p.Title, &p.Slug, &p.BodyHTML, &src, &p.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	if err != nil {
		return p, err
	}
	p.SourceID = src.Int64
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT name, job_title, phone, email, photo_url FROM page_people WHERE page_id = ? ORDER BY position, id`), p.ID)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	for rows.Next() {
		var x institution.Person
		if err := rows.Scan(&x.Name, &x.Position, &x.Phone, &x.Email, &x.PhotoURL); err != nil {
			return p, err
		}
		p.People = append(p.People, x)
	}
	return p, rows.Err()
}

// InstPageStamp is when each institutional page was last saved, by kind
// and language ("gioi-thieu/vi").
func (s *Store) InstPageStamps(ctx context.Context, siteID int64) (map[string]time.Time, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT kind, lang, updated_at FROM pages WHERE site_id = ? AND kind <> ''`), siteID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]time.Time{}
	for rows.Next() {
		var k, l string
		var t time.Time
		if err := rows.Scan(&k, &l, &t); err != nil {
			return nil, err
		}
		out[k+"/"+l] = t
	}
	return out, rows.Err()
}

// SaveInstPage creates or replaces the page of p.Kind in p.Lang, with its
// people, in one transaction. An existing plain page with the same slug
// (say, "gioi-thieu" imported from WordPress) is adopted rather than
// duplicated. An English page is linked to its Vietnamese source.
func (s *Store) SaveInstPage(ctx context.Context, p *InstPage) error {
	now := dbTime(time.Now())
	p.UpdatedAt = now
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var src any
		if p.Lang != "vi" {
			var id int64
			err := tx.QueryRowContext(ctx, s.q(`SELECT id FROM pages WHERE site_id = ? AND kind = ? AND lang = 'vi'`), p.SiteID, p.Kind).Scan(&id)
			if err == nil {
				src, p.SourceID = id, id
			} else if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
		err := tx.QueryRowContext(ctx, s.q(`SELECT id FROM pages WHERE site_id = ? AND ((kind = ? AND lang = ?) OR (kind = '' AND slug = ?))`), p.SiteID, p.Kind, p.Lang, p.Slug).Scan(&p.ID)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			err = tx.QueryRowContext(ctx, s.q(`INSERT INTO pages (site_id, title, slug, body_html, kind, lang, source_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
				p.SiteID, p.Title, p.Slug, p.BodyHTML, p.Kind, p.Lang, src, now, now).Scan(&p.ID)
		case err == nil:
			_, err = tx.ExecContext(ctx, s.q(`UPDATE pages SET title = ?, slug = ?, body_html = ?, kind = ?, lang = ?, source_id = ?, updated_at = ? WHERE id = ?`),
				p.Title, p.Slug, p.BodyHTML, p.Kind, p.Lang, src, now, p.ID)
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM page_people WHERE page_id = ?`), p.ID); err != nil {
			return err
		}
		for i, x := range p.People {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO page_people (page_id, position, name, job_title, phone, email, photo_url) VALUES (?, ?, ?, ?, ?, ?, ?)`),
				p.ID, i, x.Name, x.Position, x.Phone, x.Email, x.PhotoURL); err != nil {
				return err
			}
		}
		return nil
	})
}

// OrgUnits returns the site's units for the organisation chart, in display
// order: the same tree the public-service desk uses. A unit whose end date
// has passed is shown as former.
func (s *Store) OrgUnits(ctx context.Context, siteID int64, today string) ([]institution.OrgUnit, error) {
	units, err := s.Units(ctx, siteID)
	if err != nil {
		return nil, err
	}
	out := make([]institution.OrgUnit, 0, len(units))
	for _, u := range units {
		out = append(out, institution.OrgUnit{ID: u.ID, ParentID: u.ParentID, Name: u.Name, Kind: u.Kind, Address: u.Address, Phone: u.Phone, Email: u.Email,
			Former: !u.ValidTo.IsZero() && u.ValidTo.Format("2006-01-02") < today})
	}
	return out, nil
}
