package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/congportal/cong/internal/news"
)

// PageBySlug returns a static page.
func (s *Store) PageBySlug(ctx context.Context, siteID int64, slug string) (news.Page, error) {
	var p news.Page
	var guid sql.NullString
	err := s.db.QueryRowContext(ctx, s.q(`SELECT id, site_id, title, slug, body_html, wp_guid FROM pages WHERE site_id = ? AND slug = ?`), siteID, slug).
		Scan(&p.ID, &p.SiteID, &p.Title, &p.Slug, &p.BodyHTML, &guid)
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	p.WPGUID = guid.String
	return p, err
}

func (s *Store) insertPage(ctx context.Context, tx *sql.Tx, p *news.Page) error {
	now := dbTime(time.Now())
	var guid any
	if p.WPGUID != "" {
		guid = p.WPGUID
	}
	return tx.QueryRowContext(ctx, s.q(`INSERT INTO pages (site_id, title, slug, body_html, wp_guid, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		p.SiteID, p.Title, p.Slug, p.BodyHTML, guid, now, now).Scan(&p.ID)
}
