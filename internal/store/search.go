package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/viet"
)

// searchCandidates bounds how many of the newest matches are ranked and
// listed. Ranking a common word over every match at 100k articles took a
// second; at 100k, 1,000 candidates gave a p95 of ~85 ms and 300 give
// ~37 ms (BENCHMARKS.md). Nobody pages past 20 pages of results, and the
// page says "hơn 300 kết quả" so the reader narrows the query instead.
const searchCandidates = 300

// SearchResult is one page of search results with the match count, which
// stops at searchCandidates (More is then true).
type SearchResult struct {
	Items []news.Article
	Total int
	More  bool
}

type candidate struct {
	id        int64
	published time.Time
	title     string // folded
	ex, th    int
}

// Search finds published articles matching q (DESIGN §5). Both engines match
// on the same folded text, then rank the same way: articles containing the
// query's accented words exactly first, then those whose title matches, then
// newest first. So "Đảng" and "dang" find the same set, and for "Đảng" the
// articles that write "Đảng" come before those that only have "đang".
//
// Only index data is read until the page is known: the newest matches come
// from the full-text index in id order, with the ranking columns from a
// covering index (the article rows hold the body first, so reading a column
// after it walks the row's overflow pages); exact-accent hits come from a
// second full-text index over the accented text; the full rows are read
// for the page only.
func (s *Store) Search(ctx context.Context, siteID int64, q viet.Query, limit, offset int) (SearchResult, error) {
	return s.SearchSites(ctx, []int64{siteID}, q, limit, offset)
}

// SearchSites is Search over several sites at once: a province's search
// covers its own and its communes' articles (issue 16), ranked together.
func (s *Store) SearchSites(ctx context.Context, siteIDs []int64, q viet.Query, limit, offset int) (SearchResult, error) {
	var res SearchResult
	if len(q.Groups) == 0 {
		return res, nil
	}
	cands, err := s.searchCandidates(ctx, siteIDs, q)
	if err != nil || len(cands) == 0 {
		return res, err
	}
	if len(cands) > s.searchCap {
		cands, res.More = cands[:s.searchCap], true
	}
	res.Total = len(cands)
	if s.dialect == SQLite {
		if err := s.exactHits(ctx, q, cands); err != nil {
			return res, err
		}
	}
	for i := range cands {
		for _, g := range q.Groups {
			if strings.Contains(cands[i].title, strings.Join(g, " ")) {
				cands[i].th++
			}
		}
	}
	slices.SortFunc(cands, func(a, b candidate) int {
		if c := cmp.Compare(b.ex, a.ex); c != 0 {
			return c
		}
		if c := cmp.Compare(b.th, a.th); c != 0 {
			return c
		}
		if c := b.published.Compare(a.published); c != 0 {
			return c
		}
		return cmp.Compare(b.id, a.id)
	})
	if offset >= len(cands) {
		return res, nil
	}
	page := cands[offset:min(len(cands), offset+limit)]
	ids := make([]any, len(page))
	marks := make([]string, len(page))
	for i, c := range page {
		ids[i], marks[i] = c.id, "?"
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+articleListCols+`, a.body_html
		FROM articles a LEFT JOIN categories c ON c.id = a.category_id
		WHERE a.id IN (`+strings.Join(marks, ",")+`)`), ids...)
	if err != nil {
		return res, err
	}
	defer rows.Close()
	byID := make(map[int64]news.Article, len(page))
	for rows.Next() {
		var a news.Article
		var pub, sched sql.NullTime
		var cname, cslug string
		if err := rows.Scan(&a.ID, &a.SiteID, &a.CategoryID, &a.Title, &a.Slug, &a.Summary, &a.Author, &a.Source, &a.Status, &a.Featured,
			&pub, &a.CreatedAt, &a.UpdatedAt, &a.Views, &a.WPGUID, &cname, &cslug,
			&a.Version, &a.AuthorID, &a.ReviewComment, &sched, &a.BodyHTML); err != nil {
			return res, err
		}
		a.PublishedAt, a.ScheduledAt = pub.Time, sched.Time
		if a.CategoryID != 0 {
			a.Category = &news.Category{ID: a.CategoryID, Name: cname, Slug: cslug}
		}
		byID[a.ID] = a
	}
	if err := rows.Err(); err != nil {
		return res, err
	}
	for _, c := range page {
		// An article unpublished between the two reads is left out.
		if a, ok := byID[c.id]; ok {
			res.Items = append(res.Items, a)
		}
	}
	return res, nil
}

// searchCandidates returns up to searchCap+1 newest published
// matches with their ranking data; on PostgreSQL the exact-accent score is
// computed in the same query from a stored tsvector of the accented text.
func (s *Store) searchCandidates(ctx context.Context, siteIDs []int64, q viet.Query) ([]candidate, error) {
	var query string
	var args []any
	// One site keeps the equality the indexes were tuned for.
	siteCond := `= ?`
	siteArgs := []any{siteIDs[0]}
	if len(siteIDs) > 1 {
		siteCond = `IN (` + strings.TrimSuffix(strings.Repeat("?,", len(siteIDs)), ",") + `)`
		siteArgs = make([]any, len(siteIDs))
		for i, id := range siteIDs {
			siteArgs[i] = id
		}
	}
	if s.dialect == SQLite {
		// CROSS JOIN keeps the full-text index as the outer loop, in rowid
		// order, so LIMIT stops it early.
		query = `SELECT f.rowid, a.published_at, a.search_title, 0
			FROM article_search f CROSS JOIN articles a INDEXED BY articles_search_rank
				ON a.site_id ` + siteCond + ` AND a.status = 'published' AND a.id = f.rowid
			WHERE article_search MATCH ? ORDER BY f.rowid DESC LIMIT ?`
		args = append(siteArgs, ftsQuery(q), s.searchCap+1)
	} else {
		ex := "0"
		var exArgs []any
		if len(q.Exact) > 0 {
			terms := make([]string, len(q.Exact))
			for i, w := range q.Exact {
				terms[i] = `(search_exact_tsv @@ phraseto_tsquery('simple', ?))::int`
				exArgs = append(exArgs, w)
			}
			ex = strings.Join(terms, " + ")
		}
		query = `SELECT id, published_at, search_title, ` + ex + `
			FROM articles WHERE site_id ` + siteCond + ` AND status = 'published' AND search_tsv @@ to_tsquery('simple', ?)
			ORDER BY id DESC LIMIT ?`
		args = append(append(exArgs, siteArgs...), tsQuery(q), s.searchCap+1)
	}
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []candidate
	for rows.Next() {
		var c candidate
		var pub sql.NullTime
		if err := rows.Scan(&c.id, &pub, &c.title, &c.ex); err != nil {
			return nil, err
		}
		c.published = pub.Time
		out = append(out, c)
	}
	return out, rows.Err()
}

// exactHits scores the SQLite candidates by the accented words of the query
// they contain as words. Each word is one full-text query over the
// candidates' id range, ANDed with the query itself so that FTS5 steps
// through the rarer doclist and seeks in the other instead of reading a
// common word's whole doclist.
func (s *Store) exactHits(ctx context.Context, q viet.Query, cands []candidate) error {
	if len(q.Exact) == 0 {
		return nil
	}
	lo, hi := cands[len(cands)-1].id, cands[0].id
	idx := make(map[int64]int, len(cands))
	for i, c := range cands {
		idx[c.id] = i
	}
	match := ftsQuery(q)
	for _, w := range q.Exact {
		rows, err := s.db.QueryContext(ctx, `SELECT rowid FROM article_search
			WHERE article_search MATCH ? AND rowid BETWEEN ? AND ?`, match+` AND exact : "`+strings.ReplaceAll(w, `"`, `""`)+`"`, lo, hi)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			if i, ok := idx[id]; ok {
				cands[i].ex++
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// ftsQuery builds an FTS5 query on the folded column. Words come out of
// viet.ParseQuery as [a-z0-9] runs, so quoting them is all the escaping
// FTS5 needs.
func ftsQuery(q viet.Query) string {
	parts := make([]string, 0, len(q.Groups))
	for _, g := range q.Groups {
		parts = append(parts, `folded : "`+strings.ReplaceAll(strings.Join(g, " "), `"`, `""`)+`"`)
	}
	return strings.Join(parts, " AND ")
}

// indexArticle replaces an article's row in the SQLite full-text index:
// the folded text every search matches on, and the accented text that
// ranks exact-accent hits first.
func indexArticle(ctx context.Context, tx *sql.Tx, id int64, folded, exact string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM article_search WHERE rowid = ?`, id); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO article_search (rowid, folded, exact) VALUES (?, ?, ?)`, id, folded, exact)
	return err
}

// searchTexts derives the two indexed texts of an article.
func searchTexts(title, summary, bodyHTML string) (folded, exact string) {
	plain := news.PlainText(bodyHTML)
	text := title + "\n" + summary + "\n" + plain
	return viet.IndexText(text), strings.ToLower(viet.ToneNormalize(text))
}

// rebuildSearchIndex fills article_search from the articles (migration 15,
// SQLite): the folded text is computed in Go, so SQL alone cannot move it
// from the old index. Batches keep memory flat on large sites.
func rebuildSearchIndex(ctx context.Context, tx *sql.Tx) error {
	type row struct {
		id                   int64
		title, summary, body string
	}
	var last int64
	for {
		rows, err := tx.QueryContext(ctx, `SELECT id, title, summary, body_html FROM articles WHERE id > ? ORDER BY id LIMIT 500`, last)
		if err != nil {
			return err
		}
		var batch []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.id, &r.title, &r.summary, &r.body); err != nil {
				rows.Close()
				return err
			}
			batch = append(batch, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		for _, r := range batch {
			folded, exact := searchTexts(r.title, r.summary, r.body)
			if _, err := tx.ExecContext(ctx, `INSERT INTO article_search (rowid, folded, exact) VALUES (?, ?, ?)`, r.id, folded, exact); err != nil {
				return err
			}
		}
		last = batch[len(batch)-1].id
	}
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

// OptimizeSearch merges SQLite's full-text index into one segment after a
// bulk load (the generator, a WordPress import). Filled article by article
// the index is a stack of segments, each searched for every term: at
// 100,000 articles a merged index halves a search's CPU time. Ordinary
// edits add small segments that FTS5 merges as it goes, so only bulk loads
// need this. PostgreSQL's GIN index needs nothing.
func (s *Store) OptimizeSearch(ctx context.Context) error {
	if s.dialect != SQLite {
		return nil
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO article_search (article_search) VALUES ('optimize')`)
		return err
	})
}
