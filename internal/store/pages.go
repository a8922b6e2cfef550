package store

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"time"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/viet"
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

// PageLinks lists the site's static pages (id, title and slug only, not the
// bodies) in Vietnamese alphabetical order of title, for the site map.
func (s *Store) PageLinks(ctx context.Context, siteID int64) ([]news.Page, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, title, slug FROM pages WHERE site_id = ?`), siteID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []news.Page
	for rows.Next() {
		p := news.Page{SiteID: siteID}
		if err := rows.Scan(&p.ID, &p.Title, &p.Slug); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool { return viet.Less(out[i].Title, out[j].Title) })
	return out, rows.Err()
}
