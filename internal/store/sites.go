package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/congportal/cong/internal/news"
)

const siteCols = `id, slug, name, agency, address, phone, email, footer, description, starting_total, require_admin_totp, host, kind, COALESCE(parent_id, 0), unit_code, base_url`

func scanSite(row interface{ Scan(...any) error }) (news.Site, error) {
	var s news.Site
	var kind string
	err := row.Scan(&s.ID, &s.Slug, &s.Name, &s.Agency, &s.Address, &s.Phone, &s.Email, &s.Footer, &s.Description, &s.StartingTotal, &s.RequireAdminTOTP,
		&s.Host, &kind, &s.ParentID, &s.UnitCode, &s.BaseURL)
	s.Kind = news.SiteKind(kind)
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

// UpdateSite saves the site's settings, its host and place in the province
// included; ErrHostTaken when another site has the host.
func (s *Store) UpdateSite(ctx context.Context, site news.Site) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.hostFree(ctx, tx, site.Host, site.ID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q(`UPDATE sites SET name = ?, agency = ?, address = ?, phone = ?, email = ?, footer = ?, description = ?, starting_total = ?, require_admin_totp = ?,
			host = ?, kind = ?, parent_id = ?, unit_code = ?, base_url = ? WHERE id = ?`),
			site.Name, site.Agency, site.Address, site.Phone, site.Email, site.Footer, site.Description, site.StartingTotal, site.RequireAdminTOTP,
			site.Host, string(kindOrProvince(site.Kind)), nullID(site.ParentID), site.UnitCode, site.BaseURL, site.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return s.bumpSitesVersion(ctx, tx)
	})
}

// ErrHostTaken is returned when another site already answers at a host.
var ErrHostTaken = errors.New("tên miền đã được dùng cho một cổng khác")

// ErrSiteSlugTaken is returned when a new site's slug is taken.
var ErrSiteSlugTaken = errors.New("mã cổng đã tồn tại")

func kindOrProvince(k news.SiteKind) news.SiteKind {
	if k == "" {
		return news.KindProvince
	}
	return k
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// hostFree checks no site but self answers at host; the unique index is
// the real guard, this gives the one-line error before it.
func (s *Store) hostFree(ctx context.Context, tx *sql.Tx, host string, self int64) error {
	if host == "" {
		return nil
	}
	var id int64
	err := tx.QueryRowContext(ctx, s.q(`SELECT id FROM sites WHERE host = ?`), host).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	if id != self {
		return ErrHostTaken
	}
	return nil
}

func (s *Store) bumpSitesVersion(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, s.q(`UPDATE sites_version SET version = version + 1 WHERE id = 1`))
	return err
}

// AddSite creates a site; its slug is its host. ErrHostTaken when the host
// is taken: nothing is written then.
func (s *Store) AddSite(ctx context.Context, site *news.Site) error {
	if site.Slug == "" {
		site.Slug = site.Host
	}
	site.Kind = kindOrProvince(site.Kind)
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.hostFree(ctx, tx, site.Host, 0); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM sites WHERE slug = ?`), site.Slug).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return ErrSiteSlugTaken
		}
		err := tx.QueryRowContext(ctx, s.q(`INSERT INTO sites (slug, name, agency, address, phone, email, footer, description, starting_total, require_admin_totp, created_at,
			host, kind, parent_id, unit_code, base_url)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			site.Slug, site.Name, site.Agency, site.Address, site.Phone, site.Email, site.Footer, site.Description, site.StartingTotal, site.RequireAdminTOTP, dbTime(time.Now()),
			site.Host, string(site.Kind), nullID(site.ParentID), site.UnitCode, site.BaseURL).Scan(&site.ID)
		if err != nil {
			return err
		}
		return s.bumpSitesVersion(ctx, tx)
	})
}

// SiteByHost returns the site answering at host (already normalised).
func (s *Store) SiteByHost(ctx context.Context, host string) (news.Site, error) {
	if host == "" {
		return news.Site{}, ErrNotFound
	}
	return scanSite(s.db.QueryRowContext(ctx, s.q(`SELECT `+siteCols+` FROM sites WHERE host = ?`), host))
}

// Sites lists every site, the oldest first (the install's first site leads).
func (s *Store) Sites(ctx context.Context) ([]news.Site, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+siteCols+` FROM sites ORDER BY id`))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []news.Site
	for rows.Next() {
		site, err := scanSite(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, site)
	}
	return out, rows.Err()
}

// SitesVersion moves on every change to the sites table; instances poll it
// to reload their host table.
func (s *Store) SitesVersion(ctx context.Context) (int64, error) {
	var v int64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT version FROM sites_version WHERE id = 1`)).Scan(&v)
	return v, err
}
