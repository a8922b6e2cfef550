package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/congportal/cong/internal/news"
)

// Tx groups several writes that must land together or not at all (an import
// is all or nothing).
type Tx struct {
	s  *Store
	tx *sql.Tx
}

// InTx runs fn in one transaction.
func (s *Store) InTx(ctx context.Context, fn func(tx *Tx) error) error {
	return s.inTx(ctx, func(t *sql.Tx) error { return fn(&Tx{s: s, tx: t}) })
}

// SaveArticle is Store.SaveArticle inside the transaction.
func (t *Tx) SaveArticle(ctx context.Context, a *news.Article) error {
	return t.s.saveArticleTx(ctx, t.tx, a, 0)
}

// CreateCategory inserts a category; wpSlug records the WordPress slug it
// came from (empty for categories made here).
func (t *Tx) CreateCategory(ctx context.Context, c *news.Category, wpSlug string) error {
	id, err := t.s.insertCategory(ctx, t.tx, *c, wpSlug)
	c.ID = id
	return err
}

// CategoryBySlug finds a category by its slug inside the transaction.
func (t *Tx) CategoryBySlug(ctx context.Context, siteID int64, slug string) (news.Category, error) {
	return scanCategory(t.tx.QueryRowContext(ctx, t.s.q(`SELECT `+categoryCols+` FROM categories WHERE site_id = ? AND slug = ?`), siteID, slug))
}

// ArticleIDByGUID finds an imported article by its WordPress GUID.
func (t *Tx) ArticleIDByGUID(ctx context.Context, siteID int64, guid string) (int64, error) {
	return t.idBy(ctx, `SELECT id FROM articles WHERE site_id = ? AND wp_guid = ?`, siteID, guid)
}

// PageIDByGUID finds an imported page by its WordPress GUID.
func (t *Tx) PageIDByGUID(ctx context.Context, siteID int64, guid string) (int64, error) {
	return t.idBy(ctx, `SELECT id FROM pages WHERE site_id = ? AND wp_guid = ?`, siteID, guid)
}

// PageSlugTaken reports whether a page slug is in use.
func (t *Tx) PageSlugTaken(ctx context.Context, siteID int64, slug string) (bool, error) {
	_, err := t.idBy(ctx, `SELECT id FROM pages WHERE site_id = ? AND slug = ?`, siteID, slug)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// InsertPage adds a static page.
func (t *Tx) InsertPage(ctx context.Context, p *news.Page) error {
	return t.s.insertPage(ctx, t.tx, p)
}

func (t *Tx) idBy(ctx context.Context, q string, args ...any) (int64, error) {
	var id int64
	err := t.tx.QueryRowContext(ctx, t.s.q(q), args...).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	return id, err
}

// HasContent reports whether the site has any article or category: --demo
// only ever fills an empty database.
func (s *Store) HasContent(ctx context.Context, siteID int64) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, s.q(`SELECT (SELECT COUNT(*) FROM articles WHERE site_id = ?) + (SELECT COUNT(*) FROM categories WHERE site_id = ?)`), siteID, siteID).Scan(&n)
	return n > 0, err
}
