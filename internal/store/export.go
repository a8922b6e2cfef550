package store

import (
	"context"
	"database/sql"

	"github.com/congportal/cong/internal/news"
)

// EachPublishedArticle calls fn for every published article of the site,
// with body and tags, in id order. Articles are read in batches so an
// export of a large site does not hold them all in memory, and no rows are
// open while fn runs.
func (s *Store) EachPublishedArticle(ctx context.Context, siteID int64, fn func(news.Article) error) error {
	var after int64
	for {
		rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+articleListCols+`, a.body_html`+articleFrom+
			` WHERE a.site_id = ? AND a.status = 'published' AND a.id > ? ORDER BY a.id LIMIT 200`), siteID, after)
		if err != nil {
			return err
		}
		var batch []news.Article
		for rows.Next() {
			a, err := scanArticle(rows, true)
			if err != nil {
				rows.Close()
				return err
			}
			batch = append(batch, a)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		for i := range batch {
			if err := s.loadTags(ctx, &batch[i]); err != nil {
				return err
			}
			if err := fn(batch[i]); err != nil {
				return err
			}
		}
		after = batch[len(batch)-1].ID
	}
}

// Pages lists the site's static pages by slug.
func (s *Store) Pages(ctx context.Context, siteID int64) ([]news.Page, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, site_id, title, slug, body_html, wp_guid FROM pages WHERE site_id = ? ORDER BY slug`), siteID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []news.Page
	for rows.Next() {
		var p news.Page
		var guid sql.NullString
		if err := rows.Scan(&p.ID, &p.SiteID, &p.Title, &p.Slug, &p.BodyHTML, &guid); err != nil {
			return nil, err
		}
		p.WPGUID = guid.String
		out = append(out, p)
	}
	return out, rows.Err()
}
