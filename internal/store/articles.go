package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/viet"
)

// Listing columns leave body_html out: lists and feeds never need it.
const articleListCols = `a.id, a.site_id, COALESCE(a.category_id, 0), a.title, a.slug, a.summary, a.author, a.source, a.status, a.featured,
	a.published_at, a.created_at, a.updated_at, a.views, COALESCE(a.wp_guid, ''),
	COALESCE(c.name, ''), COALESCE(c.slug, ''),
	a.version, COALESCE(a.author_id, 0), a.review_comment, a.scheduled_at`

const articleFrom = ` FROM articles a LEFT JOIN categories c ON c.id = a.category_id`

func scanArticle(row interface{ Scan(...any) error }, withBody bool) (news.Article, error) {
	var a news.Article
	var pub, sched sql.NullTime
	var cname, cslug string
	dest := []any{&a.ID, &a.SiteID, &a.CategoryID, &a.Title, &a.Slug, &a.Summary, &a.Author, &a.Source, &a.Status, &a.Featured,
		&pub, &a.CreatedAt, &a.UpdatedAt, &a.Views, &a.WPGUID, &cname, &cslug,
		&a.Version, &a.AuthorID, &a.ReviewComment, &sched}
	if withBody {
		dest = append(dest, &a.BodyHTML)
	}
	err := row.Scan(dest...)
	a.ScheduledAt = sched.Time
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	if err != nil {
		return a, err
	}
	if pub.Valid {
		a.PublishedAt = pub.Time
	}
	if a.CategoryID != 0 {
		a.Category = &news.Category{ID: a.CategoryID, Name: cname, Slug: cslug}
	}
	return a, nil
}

// ErrConflict is returned when an article changed since the version the
// caller read (someone else saved it meanwhile).
var ErrConflict = errors.New("bài viết đã được người khác sửa trong lúc bạn đang sửa")

// ErrSlugTaken is returned when an explicitly requested slug belongs to
// another article.
var ErrSlugTaken = errors.New("đường dẫn (slug) đã được dùng cho bài viết khác")

// SaveArticle inserts (ID 0) or updates an article, keeping its search index
// and slug history in the same transaction. An empty Slug is derived from the
// title and made unique with a numeric suffix; when an update changes the
// slug, the old one is kept so links to it redirect.
//
// When a.Version is set, the update only happens if the stored article still
// has that version (optimistic locking), else ErrConflict. Every save bumps
// the version and keeps a revision; by is the staff member saving (0 for the
// system: imports, demo content).
func (s *Store) SaveArticle(ctx context.Context, a *news.Article) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.saveArticleTx(ctx, tx, a, 0) })
}

// SaveArticleBy is SaveArticle on behalf of a staff member.
func (s *Store) SaveArticleBy(ctx context.Context, a *news.Article, by int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.saveArticleTx(ctx, tx, a, by) })
}

func (s *Store) saveArticleTx(ctx context.Context, tx *sql.Tx, a *news.Article, by int64) error {
	now := dbTime(time.Now())
	if a.Status == "" {
		a.Status = news.StatusDraft
	}
	if a.Status == news.StatusPublished && a.PublishedAt.IsZero() {
		a.PublishedAt = now
	}
	var oldSlug string
	var curVersion int
	if a.ID != 0 {
		err := tx.QueryRowContext(ctx, s.q(`SELECT slug, version FROM articles WHERE id = ? AND site_id = ?`), a.ID, a.SiteID).Scan(&oldSlug, &curVersion)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if a.Version != 0 && a.Version != curVersion {
			return ErrConflict
		}
	}
	slug, err := s.uniqueSlug(ctx, tx, a.SiteID, a.ID, a.Slug, a.Title)
	if err != nil {
		return err
	}
	a.Slug = slug
	var cat, guid, pub, author, sched any
	if a.CategoryID != 0 {
		cat = a.CategoryID
	}
	if a.AuthorID != 0 {
		author = a.AuthorID
	}
	if !a.ScheduledAt.IsZero() {
		sched = dbTime(a.ScheduledAt)
	}
	if a.WPGUID != "" {
		guid = a.WPGUID
	}
	if !a.PublishedAt.IsZero() {
		pub = dbTime(a.PublishedAt)
	}
	folded, exact := searchTexts(a.Title, a.Summary, a.BodyHTML)
	title := viet.Fold(a.Title)
	a.UpdatedAt = now
	if a.ID == 0 {
		a.CreatedAt = now
		a.Version = 1
		cols := `site_id, category_id, title, slug, summary, body_html, author, source, status, featured, published_at, created_at, updated_at, wp_guid, search_title, search_exact, version, author_id, review_comment, scheduled_at`
		vals := `?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?`
		args := []any{a.SiteID, cat, a.Title, a.Slug, a.Summary, a.BodyHTML, a.Author, a.Source, a.Status, a.Featured, pub, now, now, guid, title, exact, a.Version, author, a.ReviewComment, sched}
		if s.dialect == Postgres {
			cols += `, search_folded`
			vals += `, ?`
			args = append(args, folded)
		}
		if err := tx.QueryRowContext(ctx, s.q(`INSERT INTO articles (`+cols+`) VALUES (`+vals+`) RETURNING id`), args...).Scan(&a.ID); err != nil {
			return err
		}
	} else {
		a.Version = curVersion + 1
		set := `category_id = ?, title = ?, slug = ?, summary = ?, body_html = ?, author = ?, source = ?, status = ?, featured = ?, published_at = ?, updated_at = ?, search_title = ?, search_exact = ?, version = ?, review_comment = ?, scheduled_at = ?`
		args := []any{cat, a.Title, a.Slug, a.Summary, a.BodyHTML, a.Author, a.Source, a.Status, a.Featured, pub, now, title, exact, a.Version, a.ReviewComment, sched}
		if s.dialect == Postgres {
			set += `, search_folded = ?`
			args = append(args, folded)
		}
		args = append(args, a.ID, a.SiteID, curVersion)
		res, err := tx.ExecContext(ctx, s.q(`UPDATE articles SET `+set+` WHERE id = ? AND site_id = ? AND version = ?`), args...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return ErrConflict
		}
		if oldSlug != a.Slug {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO article_slugs (site_id, slug, article_id) VALUES (?, ?, ?)
				ON CONFLICT (site_id, slug) DO UPDATE SET article_id = excluded.article_id`), a.SiteID, oldSlug, a.ID); err != nil {
				return err
			}
		}
	}
	// The new slug may have been an old slug of this article: it is live again.
	if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM article_slugs WHERE site_id = ? AND slug = ?`), a.SiteID, a.Slug); err != nil {
		return err
	}
	if s.dialect == SQLite {
		if err := indexArticle(ctx, tx, a.ID, folded, exact); err != nil {
			return err
		}
	}
	if err := s.setTags(ctx, tx, a); err != nil {
		return err
	}
	if err := s.refreshCitationsTx(ctx, tx, a); err != nil {
		return err
	}
	var saver any
	if by != 0 {
		saver = by
	}
	_, err = tx.ExecContext(ctx, s.q(`INSERT INTO article_revisions (article_id, version, title, summary, body_html, author, source, status, saved_by, saved_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`), a.ID, a.Version, a.Title, a.Summary, a.BodyHTML, a.Author, a.Source, a.Status, saver, now)
	if err != nil {
		return err
	}
	if a.Status == news.StatusPublished || oldSlug != "" {
		if err := s.bumpShareTargets(ctx, tx, a.ID); err != nil {
			return err
		}
		return s.bumpContent(ctx, tx, a.SiteID)
	}
	return nil
}

// bumpContent records that public content changed, for other instances'
// caches (see ContentVersion).
func (s *Store) bumpContent(ctx context.Context, tx *sql.Tx, siteID int64) error {
	_, err := tx.ExecContext(ctx, s.q(`INSERT INTO content_versions (site_id, version) VALUES (?, 1)
		ON CONFLICT (site_id) DO UPDATE SET version = content_versions.version + 1`), siteID)
	return err
}

// ContentVersion is a number that changes whenever public content of the
// site changes. Instances poll it (a primary-key read) to drop their page
// caches when another instance publishes.
func (s *Store) ContentVersion(ctx context.Context, siteID int64) (int64, error) {
	var v int64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT version FROM content_versions WHERE site_id = ?`), siteID).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return v, err
}

// ContentVersionAll moves whenever any site's content version moves: the
// sum of increments only grows.
func (s *Store) ContentVersionAll(ctx context.Context) (int64, error) {
	var v int64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT COALESCE(SUM(version), 0) FROM content_versions`)).Scan(&v)
	return v, err
}

// uniqueSlug picks the slug an article gets. A requested slug must be free;
// a derived one gets "-2", "-3"… until it is. Old slugs of other articles
// count as taken so their redirects keep working.
func (s *Store) uniqueSlug(ctx context.Context, tx *sql.Tx, siteID, articleID int64, requested, title string) (string, error) {
	base := viet.Slug(requested)
	explicit := base != ""
	if !explicit {
		base = viet.Slug(title)
	}
	if base == "" {
		base = "bai-viet"
	}
	for i := 1; ; i++ {
		cand := base
		if i > 1 {
			cand = base + "-" + strconv.Itoa(i)
		}
		var n int
		err := tx.QueryRowContext(ctx, s.q(`SELECT
			(SELECT COUNT(*) FROM articles WHERE site_id = ? AND slug = ? AND id <> ?) +
			(SELECT COUNT(*) FROM article_slugs WHERE site_id = ? AND slug = ? AND article_id <> ?)`),
			siteID, cand, articleID, siteID, cand, articleID).Scan(&n)
		if err != nil {
			return "", err
		}
		if n == 0 {
			return cand, nil
		}
		if explicit {
			return "", ErrSlugTaken
		}
		if i > 1000 {
			return "", fmt.Errorf("không tìm được slug trống cho %q", base)
		}
	}
}

func (s *Store) setTags(ctx context.Context, tx *sql.Tx, a *news.Article) error {
	if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM article_tags WHERE article_id = ?`), a.ID); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, name := range a.Tags {
		name = strings.TrimSpace(name)
		slug := viet.Slug(name)
		if slug == "" || seen[slug] {
			continue
		}
		seen[slug] = true
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO tags (site_id, name, slug) VALUES (?, ?, ?) ON CONFLICT (site_id, slug) DO NOTHING`), a.SiteID, name, slug); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO article_tags (article_id, tag_id) SELECT ?, id FROM tags WHERE site_id = ? AND slug = ?`), a.ID, a.SiteID, slug); err != nil {
			return err
		}
	}
	return nil
}

// Article returns an article with its body and tags, whatever its status.
func (s *Store) Article(ctx context.Context, siteID, id int64) (news.Article, error) {
	a, err := scanArticle(s.db.QueryRowContext(ctx, s.q(`SELECT `+articleListCols+`, a.body_html`+articleFrom+` WHERE a.site_id = ? AND a.id = ?`), siteID, id), true)
	if err != nil {
		return a, err
	}
	return a, s.loadTags(ctx, &a)
}

// PublishedArticleBySlug returns a public article by its current slug.
func (s *Store) PublishedArticleBySlug(ctx context.Context, siteID int64, slug string) (news.Article, error) {
	a, err := scanArticle(s.db.QueryRowContext(ctx, s.q(`SELECT `+articleListCols+`, a.body_html`+articleFrom+
		` WHERE a.site_id = ? AND a.slug = ? AND a.status = 'published'`), siteID, slug), true)
	if err != nil {
		return a, err
	}
	return a, s.loadTags(ctx, &a)
}

// RedirectSlug returns the current slug of the published article that once
// had oldSlug.
func (s *Store) RedirectSlug(ctx context.Context, siteID int64, oldSlug string) (string, error) {
	var slug string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT a.slug FROM article_slugs o JOIN articles a ON a.id = o.article_id
		WHERE o.site_id = ? AND o.slug = ? AND a.status = 'published'`), siteID, oldSlug).Scan(&slug)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	return slug, err
}

func (s *Store) loadTags(ctx context.Context, a *news.Article) error {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ? ORDER BY t.slug`), a.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	a.Tags = nil
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return err
		}
		a.Tags = append(a.Tags, n)
	}
	return rows.Err()
}

// ListOptions filters article lists. Zero values mean "any".
type ListOptions struct {
	SiteID     int64
	CategoryID int64
	Status     string // "" = published
	Featured   bool   // only featured articles
	ExcludeID  int64
	// WithShared adds the other sites' articles this site accepted by
	// sharing upward (public lists of a parent site).
	WithShared bool
	Limit      int
	Offset     int
}

func (o ListOptions) where() (string, []any) {
	status := o.Status
	if status == "" {
		status = news.StatusPublished
	}
	w := ` WHERE a.site_id = ? AND a.status = ?`
	args := []any{o.SiteID, status}
	if o.WithShared {
		w = ` WHERE (a.site_id = ? OR a.id IN (SELECT article_id FROM article_shares WHERE target_site_id = ? AND status = 'accepted')) AND a.status = ?`
		args = []any{o.SiteID, o.SiteID, status}
	}
	if o.CategoryID != 0 {
		w += ` AND a.category_id = ?`
		args = append(args, o.CategoryID)
	}
	if o.Featured {
		w += ` AND a.featured = ?`
		args = append(args, true)
	}
	if o.ExcludeID != 0 {
		w += ` AND a.id <> ?`
		args = append(args, o.ExcludeID)
	}
	return w, args
}

// ListArticles returns one page of articles, newest first, without bodies.
func (s *Store) ListArticles(ctx context.Context, o ListOptions) ([]news.Article, error) {
	if o.Limit <= 0 || o.Limit > 100 {
		o.Limit = 20
	}
	w, args := o.where()
	args = append(args, o.Limit, o.Offset)
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+articleListCols+articleFrom+w+` ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []news.Article
	for rows.Next() {
		a, err := scanArticle(rows, false)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if o.WithShared {
		if err := s.markShared(ctx, o.SiteID, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// CountArticles counts the articles ListArticles pages through.
func (s *Store) CountArticles(ctx context.Context, o ListOptions) (int, error) {
	w, args := o.where()
	var n int
	err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM articles a`+w), args...).Scan(&n)
	return n, err
}

// ArticleViews returns the stored view counts of the given articles.
func (s *Store) ArticleViews(ctx context.Context, ids []int64) (map[int64]int64, error) {
	out := make(map[int64]int64, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	ph := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, views FROM articles WHERE id IN (`+ph+`)`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, v int64
		if err := rows.Scan(&id, &v); err != nil {
			return nil, err
		}
		out[id] = v
	}
	return out, rows.Err()
}

// SitemapEntry is one URL of the sitemap.
type SitemapEntry struct {
	Slug      string
	UpdatedAt time.Time
}

// PublishedSlugs lists every published article's slug, newest first, capped
// at limit (a sitemap file holds at most 50 000 URLs).
func (s *Store) PublishedSlugs(ctx context.Context, siteID int64, limit int) ([]SitemapEntry, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT slug, updated_at FROM articles WHERE site_id = ? AND status = 'published' ORDER BY published_at DESC, id DESC LIMIT ?`), siteID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SitemapEntry
	for rows.Next() {
		var e SitemapEntry
		if err := rows.Scan(&e.Slug, &e.UpdatedAt); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
