package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/congportal/cong/internal/news"
)

// ErrCategorySlugTaken is returned when another category of the site has
// the slug.
var ErrCategorySlugTaken = errors.New("đường dẫn (slug) đã được dùng cho chuyên mục khác")

// CategoryInUseError refuses to delete a category that still holds
// articles (of any status, the recycle bin included) or subcategories.
type CategoryInUseError struct {
	Articles int
	Children int
}

func (e *CategoryInUseError) Error() string {
	return fmt.Sprintf("chuyên mục còn %d bài viết và %d chuyên mục con", e.Articles, e.Children)
}

// CategoryByID returns one category of the site.
func (s *Store) CategoryByID(ctx context.Context, siteID, id int64) (news.Category, error) {
	return scanCategory(s.db.QueryRowContext(ctx, s.q(`SELECT `+categoryCols+` FROM categories WHERE site_id = ? AND id = ?`), siteID, id))
}

// CategoryArticleCounts counts the articles of every status (recycle bin
// included) in each category of the site; categories without articles are
// absent from the map.
func (s *Store) CategoryArticleCounts(ctx context.Context, siteID int64) (map[int64]int, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT category_id, COUNT(*) FROM articles WHERE site_id = ? AND category_id IS NOT NULL GROUP BY category_id`), siteID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}

// AddCategory is CreateCategory for the newsroom: a taken slug is
// ErrCategorySlugTaken, and other instances are told the menu changed.
func (s *Store) AddCategory(ctx context.Context, c *news.Category) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.categorySlugFree(ctx, tx, c.SiteID, c.ID, c.Slug); err != nil {
			return err
		}
		id, err := s.insertCategory(ctx, tx, *c, "")
		if err != nil {
			return uniqueAs(err, ErrCategorySlugTaken)
		}
		c.ID = id
		return s.bumpContent(ctx, tx, c.SiteID)
	})
}

// UpdateCategory saves a category's name, slug, parent, position and
// description, and tells other instances the menu changed.
func (s *Store) UpdateCategory(ctx context.Context, c news.Category) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.categorySlugFree(ctx, tx, c.SiteID, c.ID, c.Slug); err != nil {
			return err
		}
		var parent any
		if c.ParentID != 0 {
			parent = c.ParentID
		}
		res, err := tx.ExecContext(ctx, s.q(`UPDATE categories SET parent_id = ?, name = ?, slug = ?, description = ?, position = ? WHERE id = ? AND site_id = ?`),
			parent, c.Name, c.Slug, c.Description, c.Position, c.ID, c.SiteID)
		if err != nil {
			return uniqueAs(err, ErrCategorySlugTaken)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return s.bumpContent(ctx, tx, c.SiteID)
	})
}

// DeleteCategory deletes an empty category: one with articles (any
// status) or subcategories is refused with *CategoryInUseError. The check
// and the delete are one transaction.
func (s *Store) DeleteCategory(ctx context.Context, siteID, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var inUse CategoryInUseError
		if err := tx.QueryRowContext(ctx, s.q(`SELECT (SELECT COUNT(*) FROM articles WHERE category_id = ?), (SELECT COUNT(*) FROM categories WHERE parent_id = ?)`), id, id).
			Scan(&inUse.Articles, &inUse.Children); err != nil {
			return err
		}
		if inUse.Articles > 0 || inUse.Children > 0 {
			return &inUse
		}
		res, err := tx.ExecContext(ctx, s.q(`DELETE FROM categories WHERE id = ? AND site_id = ?`), id, siteID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return s.bumpContent(ctx, tx, siteID)
	})
}

// BumpContent tells every instance that public content changed (the site
// settings, the menu), so they drop their page caches at once.
func (s *Store) BumpContent(ctx context.Context, siteID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.bumpContent(ctx, tx, siteID) })
}

func (s *Store) categorySlugFree(ctx context.Context, tx *sql.Tx, siteID, id int64, slug string) error {
	var other int64
	err := tx.QueryRowContext(ctx, s.q(`SELECT id FROM categories WHERE site_id = ? AND slug = ? AND id <> ?`), siteID, slug, id).Scan(&other)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	}
	return ErrCategorySlugTaken
}

// uniqueAs maps a unique-constraint violation (a concurrent insert won the
// race past the check) to want; other errors pass through.
func uniqueAs(err, want error) error {
	if m := err.Error(); strings.Contains(m, "UNIQUE constraint failed") || strings.Contains(m, "SQLSTATE 23505") {
		return want
	}
	return err
}
