package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/congportal/cong/internal/news"
)

// Share statuses of an article proposed to the parent site.
const (
	ShareProposed = "proposed"
	ShareAccepted = "accepted"
	ShareRefused  = "refused"
)

// ErrNoParent is returned when a site without a parent proposes an article.
var ErrNoParent = errors.New("cổng này không có cổng cấp trên để chia sẻ tin")

// Share is one article proposed by a site to its parent.
type Share struct {
	Article    news.Article // without body
	SourceSite news.Site
	TargetID   int64
	Status     string
	ProposedAt time.Time
	DecidedAt  time.Time
}

// ProposeShare proposes an article of sourceSiteID to its parent site. A
// refused or withdrawn proposal may be made again; an accepted one stays.
func (s *Store) ProposeShare(ctx context.Context, sourceSiteID, articleID, by int64) (int64, error) {
	var target int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var parent sql.NullInt64
		if err := tx.QueryRowContext(ctx, s.q(`SELECT parent_id FROM sites WHERE id = ?`), sourceSiteID).Scan(&parent); err != nil {
			return err
		}
		if !parent.Valid || parent.Int64 == 0 {
			return ErrNoParent
		}
		target = parent.Int64
		var n int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM articles WHERE id = ? AND site_id = ?`), articleID, sourceSiteID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return ErrNotFound
		}
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO article_shares (article_id, target_site_id, source_site_id, status, proposed_by, proposed_at)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (article_id, target_site_id) DO UPDATE SET status = excluded.status, proposed_by = excluded.proposed_by,
				proposed_at = excluded.proposed_at, decided_by = NULL, decided_at = NULL
			WHERE article_shares.status <> 'accepted'`),
			articleID, target, sourceSiteID, ShareProposed, nullID(by), time.Now().Unix())
		return err
	})
	return target, err
}

// DecideShare accepts or refuses a proposal made to targetSiteID. Only a
// pending proposal is decided: ErrNotFound otherwise.
func (s *Store) DecideShare(ctx context.Context, targetSiteID, articleID int64, accept bool, by int64) error {
	status := ShareRefused
	if accept {
		status = ShareAccepted
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE article_shares SET status = ?, decided_by = ?, decided_at = ?
			WHERE article_id = ? AND target_site_id = ? AND status = 'proposed'`),
			status, nullID(by), time.Now().Unix(), articleID, targetSiteID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return ErrNotFound
		}
		return s.bumpContent(ctx, tx, targetSiteID)
	})
}

// WithdrawShare removes the source site's proposal or accepted share of an
// article: the parent stops showing it at once.
func (s *Store) WithdrawShare(ctx context.Context, sourceSiteID, articleID int64) (int64, error) {
	var target int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q(`SELECT target_site_id FROM article_shares WHERE article_id = ? AND source_site_id = ?`), articleID, sourceSiteID).Scan(&target)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM article_shares WHERE article_id = ? AND source_site_id = ?`), articleID, sourceSiteID); err != nil {
			return err
		}
		return s.bumpContent(ctx, tx, target)
	})
	return target, err
}

// ShareStatus is the status of an article's share to its parent, "" when
// it was never proposed.
func (s *Store) ShareStatus(ctx context.Context, sourceSiteID, articleID int64) (string, error) {
	var st string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT status FROM article_shares WHERE article_id = ? AND source_site_id = ?`), articleID, sourceSiteID).Scan(&st)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return st, err
}

// SharesTo lists the proposals made to targetSiteID with the given status,
// newest first.
func (s *Store) SharesTo(ctx context.Context, targetSiteID int64, status string, limit int) ([]Share, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+articleListCols+`, sh.status, sh.proposed_at, COALESCE(sh.decided_at, 0)`+articleFrom+`
		JOIN article_shares sh ON sh.article_id = a.id
		WHERE sh.target_site_id = ? AND sh.status = ? ORDER BY sh.proposed_at DESC, a.id DESC LIMIT ?`), targetSiteID, status, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Share
	for rows.Next() {
		var sh Share
		var prop, dec int64
		a, err := scanArticle(extraScan{rows, []any{&sh.Status, &prop, &dec}}, false)
		if err != nil {
			return nil, err
		}
		sh.Article, sh.TargetID, sh.SourceSite.ID = a, targetSiteID, a.SiteID
		sh.ProposedAt = time.Unix(prop, 0)
		if dec != 0 {
			sh.DecidedAt = time.Unix(dec, 0)
		}
		out = append(out, sh)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		site, err := s.Site(ctx, out[i].SourceSite.ID)
		if err != nil {
			return nil, err
		}
		out[i].SourceSite = site
		out[i].Article.SharedFrom = &out[i].SourceSite
	}
	return out, nil
}

// extraScan scans a row's trailing columns after an article's.
type extraScan struct {
	row   interface{ Scan(...any) error }
	extra []any
}

func (e extraScan) Scan(dest ...any) error { return e.row.Scan(append(dest, e.extra...)...) }

// SharedArticleBySlug returns a published article of another site that
// siteID accepted by sharing upward, by its slug at the source.
func (s *Store) SharedArticleBySlug(ctx context.Context, siteID int64, slug string) (news.Article, error) {
	a, err := scanArticle(s.db.QueryRowContext(ctx, s.q(`SELECT `+articleListCols+`, a.body_html`+articleFrom+`
		JOIN article_shares sh ON sh.article_id = a.id
		WHERE sh.target_site_id = ? AND sh.status = 'accepted' AND a.slug = ? AND a.status = 'published'
		ORDER BY a.published_at DESC, a.id DESC LIMIT 1`), siteID, slug), true)
	if err != nil {
		return a, err
	}
	if err := s.loadTags(ctx, &a); err != nil {
		return a, err
	}
	one := []news.Article{a}
	err = s.markShared(ctx, siteID, one)
	return one[0], err
}

// markShared names the source site of the articles in list that are not
// siteID's own.
func (s *Store) markShared(ctx context.Context, siteID int64, list []news.Article) error {
	sites := map[int64]*news.Site{}
	for i := range list {
		id := list[i].SiteID
		if id == siteID {
			continue
		}
		if sites[id] == nil {
			site, err := s.Site(ctx, id)
			if err != nil {
				return err
			}
			sites[id] = &site
		}
		list[i].SharedFrom = sites[id]
	}
	return nil
}

// bumpShareTargets moves the content version of every site showing the
// article by sharing upward, so their page caches drop an edit at the
// source.
func (s *Store) bumpShareTargets(ctx context.Context, tx *sql.Tx, articleID int64) error {
	rows, err := tx.QueryContext(ctx, s.q(`SELECT target_site_id FROM article_shares WHERE article_id = ? AND status = 'accepted'`), articleID)
	if err != nil {
		return err
	}
	var targets []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		targets = append(targets, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range targets {
		if err := s.bumpContent(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}
