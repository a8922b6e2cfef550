package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/congportal/cong/internal/news"
)

const categoryCols = `id, site_id, COALESCE(parent_id, 0), name, slug, description, position`

func scanCategory(row interface{ Scan(...any) error }) (news.Category, error) {
	var c news.Category
	err := row.Scan(&c.ID, &c.SiteID, &c.ParentID, &c.Name, &c.Slug, &c.Description, &c.Position)
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	return c, err
}

// Categories lists a site's categories in menu order.
func (s *Store) Categories(ctx context.Context, siteID int64) ([]news.Category, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+categoryCols+` FROM categories WHERE site_id = ? ORDER BY position, id`), siteID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []news.Category
	for rows.Next() {
		c, err := scanCategory(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CategoryBySlug returns one category.
func (s *Store) CategoryBySlug(ctx context.Context, siteID int64, slug string) (news.Category, error) {
	return scanCategory(s.db.QueryRowContext(ctx, s.q(`SELECT `+categoryCols+` FROM categories WHERE site_id = ? AND slug = ?`), siteID, slug))
}

// CreateCategory inserts a category and returns it with its id.
func (s *Store) CreateCategory(ctx context.Context, c news.Category) (news.Category, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		c.ID, err = s.insertCategory(ctx, tx, c, "")
		return err
	})
	return c, err
}

func (s *Store) insertCategory(ctx context.Context, tx *sql.Tx, c news.Category, wpSlug string) (int64, error) {
	var parent, wp any
	if c.ParentID != 0 {
		parent = c.ParentID
	}
	if wpSlug != "" {
		wp = wpSlug
	}
	var id int64
	err := tx.QueryRowContext(ctx, s.q(`INSERT INTO categories (site_id, parent_id, name, slug, description, position, wp_slug)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		c.SiteID, parent, c.Name, c.Slug, c.Description, c.Position, wp).Scan(&id)
	return id, err
}
