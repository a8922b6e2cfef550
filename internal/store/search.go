package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/viet"
)

// searchCandidates bounds how many of the newest full-text matches are
// ranked. Ranking reads each candidate's text; without a bound a query for a
// common word at 100k articles would rank tens of thousands of rows on every
// search. Matches beyond the bound are still counted and listed by date.
const searchCandidates = 1000

// SearchResult is one page of search results with the total match count.
type SearchResult struct {
	Items []news.Article
	Total int
}

// Search finds published articles matching q (DESIGN §5). Both engines match
// on the same folded text, then rank the same way: articles containing the
// query's accented words exactly first, then those whose title matches, then
// newest first. So "Đảng" and "dang" find the same set, and for "Đảng" the
// articles that write "Đảng" come before those that only have "đang".
func (s *Store) Search(ctx context.Context, siteID int64, q viet.Query, limit, offset int) (SearchResult, error) {
	var res SearchResult
	if len(q.Groups) == 0 {
		return res, nil
	}
	var match, matchJoin string
	var matchArg any
	if s.dialect == SQLite {
		match = `SELECT rowid AS id FROM article_fts WHERE article_fts MATCH ?`
		matchArg = ftsQuery(q)
	} else {
		match = `SELECT id FROM articles WHERE search_tsv @@ to_tsquery('simple', ?)`
		matchArg = tsQuery(q)
	}
	matchJoin = ` FROM (` + match + `) m JOIN articles a ON a.id = m.id LEFT JOIN categories c ON c.id = a.category_id
		WHERE a.site_id = ? AND a.status = 'published'`

	if err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*)`+matchJoin), matchArg, siteID).Scan(&res.Total); err != nil {
		return res, err
	}
	if res.Total == 0 {
		return res, nil
	}

	// Scores are sums of 0/1 terms, computed only on the candidates.
	var exact, title []string
	var scoreArgs []any
	for _, w := range q.Exact {
		exact = append(exact, `CASE WHEN a.search_exact LIKE ? THEN 1 ELSE 0 END`)
		scoreArgs = append(scoreArgs, "%"+likeEscape(w)+"%")
	}
	for _, g := range q.Groups {
		title = append(title, `CASE WHEN a.search_title LIKE ? THEN 1 ELSE 0 END`)
		scoreArgs = append(scoreArgs, "%"+likeEscape(strings.Join(g, " "))+"%")
	}
	exactExpr := "0"
	if len(exact) > 0 {
		exactExpr = strings.Join(exact, " + ")
	}
	titleExpr := strings.Join(title, " + ")

	// The newest candidates by id: both FTS5 (rowid order) and a GIN bitmap
	// scan produce them cheaply.
	cand := `SELECT m.id` + matchJoin + ` ORDER BY a.id DESC LIMIT ?`
	query := `SELECT ` + articleListCols + `, a.body_html, ` + exactExpr + ` AS ex, ` + titleExpr + ` AS th
		FROM articles a LEFT JOIN categories c ON c.id = a.category_id
		WHERE a.id IN (` + cand + `)
		ORDER BY ex DESC, th DESC, a.published_at DESC, a.id DESC LIMIT ? OFFSET ?`
	args := append(scoreArgs, matchArg, siteID, searchCandidates, limit, offset)
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return res, err
	}
	defer rows.Close()
	for rows.Next() {
		var a news.Article
		var ex, th int
		var pub, sched sql.NullTime
		var cname, cslug string
		if err := rows.Scan(&a.ID, &a.SiteID, &a.CategoryID, &a.Title, &a.Slug, &a.Summary, &a.Author, &a.Source, &a.Status, &a.Featured,
			&pub, &a.CreatedAt, &a.UpdatedAt, &a.Views, &a.WPGUID, &cname, &cslug,
			&a.Version, &a.AuthorID, &a.ReviewComment, &sched, &a.BodyHTML, &ex, &th); err != nil {
			return res, err
		}
		a.PublishedAt, a.ScheduledAt = pub.Time, sched.Time
		if a.CategoryID != 0 {
			a.Category = &news.Category{ID: a.CategoryID, Name: cname, Slug: cslug}
		}
		res.Items = append(res.Items, a)
	}
	return res, rows.Err()
}

// ftsQuery builds an FTS5 query. Words come out of viet.ParseQuery as
// [a-z0-9] runs, so quoting them is all the escaping FTS5 needs.
func ftsQuery(q viet.Query) string {
	parts := make([]string, 0, len(q.Groups))
	for _, g := range q.Groups {
		parts = append(parts, `"`+strings.ReplaceAll(strings.Join(g, " "), `"`, `""`)+`"`)
	}
	return strings.Join(parts, " AND ")
}

// tsQuery builds the PostgreSQL equivalent: AND of phrases (<->).
func tsQuery(q viet.Query) string {
	parts := make([]string, 0, len(q.Groups))
	for _, g := range q.Groups {
		ws := make([]string, 0, len(g))
		for _, w := range g {
			ws = append(ws, "'"+strings.ReplaceAll(w, "'", "")+"'")
		}
		p := strings.Join(ws, " <-> ")
		if len(ws) > 1 {
			p = "(" + p + ")"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " & ")
}

func likeEscape(s string) string {
	// Query words hold only letters and digits, but keep LIKE wildcards inert
	// should that change.
	r := strings.NewReplacer("%", "", "_", "")
	return r.Replace(s)
}
