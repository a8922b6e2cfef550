package store

import (
	"context"
	"database/sql"
	"errors"
)

// Kinds of object an old address can lead to.
const (
	LegacyArticle  = "article"
	LegacyPage     = "page"
	LegacyMedia    = "media"
	LegacyCategory = "category"
)

// LegacyTarget is what an old address leads to now: the slug of a published
// article, a page or a category, or a media file's hash and extension.
type LegacyTarget struct {
	Kind      string
	Slug      string
	Hash, Ext string
}

// AddLegacyLink records that key (see wxr.LinkKey) on the site leads to the
// object. A key seen again points at the newer object: a re-import may only
// correct a link, never duplicate it.
func (t *Tx) AddLegacyLink(ctx context.Context, siteID int64, key, kind string, targetID int64) error {
	_, err := t.tx.ExecContext(ctx, t.s.q(`INSERT INTO legacy_links (site_id, path, kind, target_id) VALUES (?, ?, ?, ?)
		ON CONFLICT (site_id, path) DO UPDATE SET kind = excluded.kind, target_id = excluded.target_id`), siteID, key, kind, targetID)
	return err
}

// LegacyLink finds where an old address leads. An article that is no longer
// published, or an object that was deleted, is ErrNotFound: the old address
// then gets the 404 the new one would.
func (s *Store) LegacyLink(ctx context.Context, siteID int64, key string) (LegacyTarget, error) {
	var t LegacyTarget
	var aSlug, pSlug, cSlug, hash, ext sql.NullString
	err := s.db.QueryRowContext(ctx, s.q(`SELECT l.kind, a.slug, p.slug, c.slug, m.hash, m.ext FROM legacy_links l
		LEFT JOIN articles a ON l.kind = 'article' AND a.id = l.target_id AND a.site_id = l.site_id AND a.status = 'published'
		LEFT JOIN pages p ON l.kind = 'page' AND p.id = l.target_id AND p.site_id = l.site_id
		LEFT JOIN categories c ON l.kind = 'category' AND c.id = l.target_id AND c.site_id = l.site_id
		LEFT JOIN media m ON l.kind = 'media' AND m.id = l.target_id AND m.site_id = l.site_id
		WHERE l.site_id = ? AND l.path = ?`), siteID, key).Scan(&t.Kind, &aSlug, &pSlug, &cSlug, &hash, &ext)
	if errors.Is(err, sql.ErrNoRows) {
		return t, ErrNotFound
	}
	if err != nil {
		return t, err
	}
	switch {
	case t.Kind == LegacyArticle && aSlug.Valid:
		t.Slug = aSlug.String
	case t.Kind == LegacyPage && pSlug.Valid:
		t.Slug = pSlug.String
	case t.Kind == LegacyCategory && cSlug.Valid:
		t.Slug = cSlug.String
	case t.Kind == LegacyMedia && hash.Valid:
		t.Hash, t.Ext = hash.String, ext.String
	default:
		return LegacyTarget{}, ErrNotFound
	}
	return t, nil
}

// CountLegacyLinks counts the site's old addresses.
func (s *Store) CountLegacyLinks(ctx context.Context, siteID int64) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM legacy_links WHERE site_id = ?`), siteID).Scan(&n)
	return n, err
}
