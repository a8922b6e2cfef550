package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/congportal/cong/internal/news"
)

const siteCols = `id, slug, name, agency, address, phone, email, footer, description, starting_total, require_admin_totp`

func scanSite(row interface{ Scan(...any) error }) (news.Site, error) {
	var s news.Site
	err := row.Scan(&s.ID, &s.Slug, &s.Name, &s.Agency, &s.Address, &s.Phone, &s.Email, &s.Footer, &s.Description, &s.StartingTotal, &s.RequireAdminTOTP)
	if errors.Is(err, sql.ErrNoRows) {
		return s, ErrNotFound
	}
	return s, err
}

// SiteBySlug returns the site with the given slug.
func (s *Store) SiteBySlug(ctx context.Context, slug string) (news.Site, error) {
	return scanSite(s.db.QueryRowContext(ctx, s.q(`SELECT `+siteCols+` FROM sites WHERE slug = ?`), slug))
}

// Site returns the site with the given id.
func (s *Store) Site(ctx context.Context, id int64) (news.Site, error) {
	return scanSite(s.db.QueryRowContext(ctx, s.q(`SELECT `+siteCols+` FROM sites WHERE id = ?`), id))
}

// EnsureSite returns the site with site.Slug, creating it from site when it
// does not exist yet. Instances starting together on one PostgreSQL database
// race here; ON CONFLICT makes the loser read the winner's row.
func (s *Store) EnsureSite(ctx context.Context, site news.Site) (news.Site, error) {
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO sites (slug, name, agency, address, phone, email, footer, description, starting_total, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (slug) DO NOTHING`),
		site.Slug, site.Name, site.Agency, site.Address, site.Phone, site.Email, site.Footer, site.Description, site.StartingTotal, dbTime(time.Now()))
	if err != nil {
		return news.Site{}, err
	}
	return s.SiteBySlug(ctx, site.Slug)
}

// UpdateSite saves the site's settings.
func (s *Store) UpdateSite(ctx context.Context, site news.Site) error {
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE sites SET name = ?, agency = ?, address = ?, phone = ?, email = ?, footer = ?, description = ?, starting_total = ?, require_admin_totp = ? WHERE id = ?`),
		site.Name, site.Agency, site.Address, site.Phone, site.Email, site.Footer, site.Description, site.StartingTotal, site.RequireAdminTOTP, site.ID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}
