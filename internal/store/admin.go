package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/viet"
)

// AdminFilter selects articles for the newsroom's list. Zero values mean any.
type AdminFilter struct {
	SiteID     int64
	Status     string // one status, or "" for all but the recycle bin
	CategoryID int64
	AuthorID   int64
	Query      viet.Query // the public search's matching, on every status
	From, To   time.Time  // on updated_at
	Limit      int
	Offset     int
}

// AdminArticles lists articles for the newsroom, most recently changed first.
func (s *Store) AdminArticles(ctx context.Context, f AdminFilter) ([]news.Article, int, error) {
	w := ` WHERE a.site_id = ?`
	args := []any{f.SiteID}
	if f.Status != "" {
		w += ` AND a.status = ?`
		args = append(args, f.Status)
	} else {
		w += ` AND a.status <> ?`
		args = append(args, news.StatusTrash)
	}
	if f.CategoryID != 0 {
		w += ` AND a.category_id = ?`
		args = append(args, f.CategoryID)
	}
	if f.AuthorID != 0 {
		w += ` AND a.author_id = ?`
		args = append(args, f.AuthorID)
	}
	if !f.From.IsZero() {
		w += ` AND a.updated_at >= ?`
		args = append(args, dbTime(f.From))
	}
	if !f.To.IsZero() {
		w += ` AND a.updated_at < ?`
		args = append(args, dbTime(f.To))
	}
	if len(f.Query.Groups) > 0 {
		if s.dialect == SQLite {
			w += ` AND a.id IN (SELECT rowid FROM article_search WHERE article_search MATCH ?)`
			args = append(args, ftsQuery(f.Query))
		} else {
			w += ` AND a.search_tsv @@ to_tsquery('simple', ?)`
			args = append(args, tsQuery(f.Query))
		}
	}
	var total int
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM articles a`+w), args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 30
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+articleListCols+articleFrom+w+` ORDER BY a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?`), append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []news.Article
	for rows.Next() {
		a, err := scanArticle(rows, false)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, a)
	}
	return out, total, rows.Err()
}

// Revision is a saved state of an article.
type Revision struct {
	ArticleID int64
	Version   int
	Title     string
	Summary   string
	BodyHTML  string
	Author    string
	Source    string
	Status    string
	SavedBy   string // username, "" for the system
	SavedAt   time.Time
}

// Revisions lists an article's revisions, newest first, without bodies.
func (s *Store) Revisions(ctx context.Context, articleID int64) ([]Revision, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT r.article_id, r.version, r.title, r.status, COALESCE(u.username, ''), r.saved_at
		FROM article_revisions r LEFT JOIN users u ON u.id = r.saved_by WHERE r.article_id = ? ORDER BY r.version DESC`), articleID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Revision
	for rows.Next() {
		var r Revision
		if err := rows.Scan(&r.ArticleID, &r.Version, &r.Title, &r.Status, &r.SavedBy, &r.SavedAt); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Revision returns one revision with its body.
func (s *Store) Revision(ctx context.Context, articleID int64, version int) (Revision, error) {
	var r Revision
	err := s.db.QueryRowContext(ctx, s.q(`SELECT r.article_id, r.version, r.title, r.summary, r.body_html, r.author, r.source, r.status, COALESCE(u.username, ''), r.saved_at
		FROM article_revisions r LEFT JOIN users u ON u.id = r.saved_by WHERE r.article_id = ? AND r.version = ?`), articleID, version).
		Scan(&r.ArticleID, &r.Version, &r.Title, &r.Summary, &r.BodyHTML, &r.Author, &r.Source, &r.Status, &r.SavedBy, &r.SavedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotFound
	}
	return r, err
}

// DueArticle is a scheduled article that went live.
type DueArticle struct {
	ID     int64
	SiteID int64
	Title  string
}

// PublishDue publishes every scheduled article whose time has come. The
// UPDATE claims each row, so with several instances each article is
// published, audited and announced exactly once.
func (s *Store) PublishDue(ctx context.Context, now time.Time) ([]DueArticle, error) {
	var out []DueArticle
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, s.q(`UPDATE articles SET status = 'published', published_at = scheduled_at, scheduled_at = NULL,
			version = version + 1, updated_at = ? WHERE status = 'scheduled' AND scheduled_at <= ? RETURNING id, site_id, title`), dbTime(now), dbTime(now))
		if err != nil {
			return err
		}
		for rows.Next() {
			var d DueArticle
			if err := rows.Scan(&d.ID, &d.SiteID, &d.Title); err != nil {
				rows.Close()
				return err
			}
			out = append(out, d)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		sites := map[int64]bool{}
		for _, d := range out {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO audit_log (site_id, at, username, action, object_type, object_id, detail) VALUES (?, ?, 'hệ thống', 'article.publish_scheduled', 'article', ?, ?)`),
				d.SiteID, dbTime(now), d.ID, d.Title); err != nil {
				return err
			}
			sites[d.SiteID] = true
		}
		for id := range sites {
			if err := s.bumpContent(ctx, tx, id); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// MostViewedToday lists the published articles with the most views on the
// local day.
func (s *Store) MostViewedToday(ctx context.Context, siteID int64, day string, n int) ([]news.Article, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+articleListCols+`, d.views`+articleFrom+` JOIN article_daily_views d ON d.article_id = a.id
		WHERE a.site_id = ? AND d.day = ? AND a.status = 'published' ORDER BY d.views DESC, a.id DESC LIMIT ?`), siteID, day, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []news.Article
	for rows.Next() {
		var a news.Article
		var pub, sched sql.NullTime
		var cname, cslug string
		var today int64
		if err := rows.Scan(&a.ID, &a.SiteID, &a.CategoryID, &a.Title, &a.Slug, &a.Summary, &a.Author, &a.Source, &a.Status, &a.Featured,
			&pub, &a.CreatedAt, &a.UpdatedAt, &a.Views, &a.WPGUID, &cname, &cslug, &a.Version, &a.AuthorID, &a.ReviewComment, &sched, &today); err != nil {
			return nil, err
		}
		a.PublishedAt = pub.Time
		a.Views = today
		out = append(out, a)
	}
	return out, rows.Err()
}
