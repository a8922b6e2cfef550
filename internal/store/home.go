package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/congportal/cong/internal/homepage"
)

// HomeBlocks returns the site's home page blocks in order; none when its
// editors have set none (the caller then uses homepage.Default).
func (s *Store) HomeBlocks(ctx context.Context, siteID int64) ([]homepage.Block, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT position, kind, title, COALESCE(category_id, 0), doc_type, count
		FROM home_blocks WHERE site_id = ? ORDER BY position`), siteID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []homepage.Block
	for rows.Next() {
		var b homepage.Block
		var kind string
		if err := rows.Scan(&b.Position, &kind, &b.Title, &b.CategoryID, &b.DocType, &b.Count); err != nil {
			return nil, err
		}
		b.Kind = homepage.Kind(kind)
		out = append(out, b)
	}
	return out, rows.Err()
}

// SetHomeBlocks replaces the site's arrangement (nil: back to the
// default) and moves the content version, so every instance's cached home
// page is rebuilt.
func (s *Store) SetHomeBlocks(ctx context.Context, siteID int64, bs []homepage.Block) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM home_blocks WHERE site_id = ?`), siteID); err != nil {
			return err
		}
		for _, b := range bs {
			var cat any
			if b.CategoryID != 0 {
				cat = b.CategoryID
			}
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO home_blocks (site_id, position, kind, title, category_id, doc_type, count)
				VALUES (?, ?, ?, ?, ?, ?, ?)`), siteID, b.Position, string(b.Kind), b.Title, cat, b.DocType, b.Count); err != nil {
				return err
			}
		}
		return s.bumpContent(ctx, tx, siteID)
	})
}

// HomeLinks returns the site's quick links in order.
func (s *Store) HomeLinks(ctx context.Context, siteID int64) ([]homepage.Link, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT position, label, url, COALESCE(media_id, 0), alt
		FROM home_links WHERE site_id = ? ORDER BY position`), siteID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []homepage.Link
	for rows.Next() {
		var l homepage.Link
		if err := rows.Scan(&l.Position, &l.Label, &l.URL, &l.MediaID, &l.Alt); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// SetHomeLinks replaces the site's quick links.
func (s *Store) SetHomeLinks(ctx context.Context, siteID int64, ls []homepage.Link) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM home_links WHERE site_id = ?`), siteID); err != nil {
			return err
		}
		for _, l := range ls {
			var m any
			if l.MediaID != 0 {
				m = l.MediaID
			}
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO home_links (site_id, position, label, url, media_id, alt) VALUES (?, ?, ?, ?, ?, ?)`),
				siteID, l.Position, l.Label, l.URL, m, l.Alt); err != nil {
				return err
			}
		}
		return s.bumpContent(ctx, tx, siteID)
	})
}

// MenuItems returns the site's menu rows in order; none when the site uses
// the built-in menu.
func (s *Store) MenuItems(ctx context.Context, siteID int64) ([]homepage.MenuItem, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT position, depth, label, url FROM menu_items WHERE site_id = ? ORDER BY position`), siteID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []homepage.MenuItem
	for rows.Next() {
		var m homepage.MenuItem
		if err := rows.Scan(&m.Position, &m.Depth, &m.Label, &m.URL); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// SetMenuItems replaces the site's menu (nil: back to the built-in one).
func (s *Store) SetMenuItems(ctx context.Context, siteID int64, ms []homepage.MenuItem) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM menu_items WHERE site_id = ?`), siteID); err != nil {
			return err
		}
		for _, m := range ms {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO menu_items (site_id, position, depth, label, url) VALUES (?, ?, ?, ?, ?)`),
				siteID, m.Position, m.Depth, m.Label, m.URL); err != nil {
				return err
			}
		}
		return s.bumpContent(ctx, tx, siteID)
	})
}

// Identity is a site's logo and banner: media library images with their
// alternative text. Zero ids: the built-in logo, no banner.
type Identity struct {
	LogoID    int64
	LogoAlt   string
	BannerID  int64
	BannerAlt string
}

// SiteIdentity returns the site's logo and banner.
func (s *Store) SiteIdentity(ctx context.Context, siteID int64) (Identity, error) {
	var id Identity
	err := s.db.QueryRowContext(ctx, s.q(`SELECT COALESCE(logo_id, 0), logo_alt, COALESCE(banner_id, 0), banner_alt
		FROM site_identity WHERE site_id = ?`), siteID).Scan(&id.LogoID, &id.LogoAlt, &id.BannerID, &id.BannerAlt)
	if errors.Is(err, sql.ErrNoRows) {
		return Identity{}, nil
	}
	return id, err
}

// SetSiteIdentity stores the site's logo and banner.
func (s *Store) SetSiteIdentity(ctx context.Context, siteID int64, id Identity) error {
	nullID := func(v int64) any {
		if v == 0 {
			return nil
		}
		return v
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM site_identity WHERE site_id = ?`), siteID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO site_identity (site_id, logo_id, logo_alt, banner_id, banner_alt) VALUES (?, ?, ?, ?, ?)`),
			siteID, nullID(id.LogoID), id.LogoAlt, nullID(id.BannerID), id.BannerAlt); err != nil {
			return err
		}
		return s.bumpContent(ctx, tx, siteID)
	})
}

// PopularProcedure is a published procedure with the number of dossiers
// it has received.
type PopularProcedure struct {
	Slug, Name, Level string
	Dossiers          int
}

// PopularProcedures returns the site's published procedures that received
// the most dossiers, then by name.
func (s *Store) PopularProcedures(ctx context.Context, siteID int64, limit int) ([]PopularProcedure, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT p.slug, p.name, p.level, COUNT(d.id) AS n
		FROM procedures p LEFT JOIN dossiers d ON d.procedure_id = p.id
		WHERE p.site_id = ? AND p.published = ?
		GROUP BY p.id, p.slug, p.name, p.level
		ORDER BY n DESC, p.name LIMIT ?`), siteID, true, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PopularProcedure
	for rows.Next() {
		var p PopularProcedure
		if err := rows.Scan(&p.Slug, &p.Name, &p.Level, &p.Dossiers); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
