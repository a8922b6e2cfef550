package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"strings"
	"time"

	"github.com/congportal/cong/internal/legaldoc"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/viet"
)

// DuplicateDocumentError: the issuing body already has a document with the
// same number and symbol in the same year.
type DuplicateDocumentError struct {
	ExistingID int64
	Status     string
}

func (e *DuplicateDocumentError) Error() string {
	return "số ký hiệu này đã có trong thư viện cho cùng cơ quan ban hành và năm ban hành"
}

// ErrDocumentConflict: the document changed since the version the caller read.
var ErrDocumentConflict = errors.New("văn bản đã được người khác sửa trong lúc bạn đang sửa")

// ErrReplacedByMissing: replaced_by names no document of the site.
var ErrReplacedByMissing = errors.New("văn bản thay thế không tồn tại")

const documentCols = `d.id, d.site_id, d.number, d.number_key, d.type, d.issuer, d.signer, d.field, d.abstract,
	d.issue_date, d.effective_date, d.expiry_date, COALESCE(d.replaced_by, 0), d.status, COALESCE(d.author_id, 0),
	d.review_comment, d.version, d.published_at, d.created_at, d.updated_at,
	COALESCE(r.number, ''), COALESCE(r.type, ''), COALESCE(r.status, '')`

const documentFrom = ` FROM documents d LEFT JOIN documents r ON r.id = d.replaced_by`

func scanDocument(row interface{ Scan(...any) error }) (legaldoc.Document, error) {
	var d legaldoc.Document
	var pub sql.NullTime
	var rnum, rtype, rstatus string
	err := row.Scan(&d.ID, &d.SiteID, &d.Number, &d.Key, &d.Type, &d.Issuer, &d.Signer, &d.Field, &d.Abstract,
		&d.IssueDate, &d.EffectiveDate, &d.ExpiryDate, &d.ReplacedByID, &d.Status, &d.AuthorID,
		&d.ReviewComment, &d.Version, &pub, &d.CreatedAt, &d.UpdatedAt, &rnum, &rtype, &rstatus)
	if errors.Is(err, sql.ErrNoRows) {
		return d, ErrNotFound
	}
	if err != nil {
		return d, err
	}
	if pub.Valid {
		d.PublishedAt = pub.Time
	}
	if d.ReplacedByID != 0 {
		r := legaldoc.Document{ID: d.ReplacedByID, Number: rnum, Type: rtype}
		d.ReplacedBy = &legaldoc.Ref{ID: r.ID, Number: rnum, Type: rtype, Slug: r.Slug(), Public: rstatus == news.StatusPublished}
	}
	return d, nil
}

// SaveDocument inserts (ID 0) or updates a document with its new files
// and without the files listed in drop, in one transaction. An update with
// d.Version set only happens if the stored document still has that version.
func (s *Store) SaveDocument(ctx context.Context, d *legaldoc.Document, add []legaldoc.File, drop []int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.saveDocumentTx(ctx, tx, d, add, drop) })
}

// SaveDocument is Store.SaveDocument inside the transaction (imports).
func (t *Tx) SaveDocument(ctx context.Context, d *legaldoc.Document, add []legaldoc.File) error {
	return t.s.saveDocumentTx(ctx, t.tx, d, add, nil)
}

func isUniqueViolation(err error) bool {
	m := err.Error()
	return strings.Contains(m, "UNIQUE constraint failed") || strings.Contains(m, "SQLSTATE 23505")
}

func (s *Store) saveDocumentTx(ctx context.Context, tx *sql.Tx, d *legaldoc.Document, add []legaldoc.File, drop []int64) error {
	now := dbTime(time.Now())
	if d.Status == "" {
		d.Status = news.StatusDraft
	}
	if d.Status == news.StatusPublished && d.PublishedAt.IsZero() {
		d.PublishedAt = now
	}
	d.Key = legaldoc.Key(d.Number)
	issuerKey := legaldoc.Key(d.Issuer)
	year := d.Year()
	wasPublished := false
	var cur int
	if d.ID != 0 {
		var st string
		err := tx.QueryRowContext(ctx, s.q(`SELECT version, status FROM documents WHERE id = ? AND site_id = ?`), d.ID, d.SiteID).Scan(&cur, &st)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if d.Version != 0 && d.Version != cur {
			return ErrDocumentConflict
		}
		wasPublished = st == news.StatusPublished
	}
	var dup DuplicateDocumentError
	err := tx.QueryRowContext(ctx, s.q(`SELECT id, status FROM documents WHERE site_id = ? AND issuer_key = ? AND issue_year = ? AND number_key = ? AND id <> ?`),
		d.SiteID, issuerKey, year, d.Key, d.ID).Scan(&dup.ExistingID, &dup.Status)
	if err == nil {
		return &dup
	} else if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	var replaced, author, pub any
	if d.ReplacedByID != 0 {
		var n int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM documents WHERE id = ? AND site_id = ?`), d.ReplacedByID, d.SiteID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return ErrReplacedByMissing
		}
		replaced = d.ReplacedByID
	}
	if d.AuthorID != 0 {
		author = d.AuthorID
	}
	if !d.PublishedAt.IsZero() {
		pub = dbTime(d.PublishedAt)
	}
	d.UpdatedAt = now
	search := d.SearchText()
	if d.ID == 0 {
		d.CreatedAt, d.Version = now, 1
		err = tx.QueryRowContext(ctx, s.q(`INSERT INTO documents (site_id, number, number_key, type, issuer, issuer_key, signer, field, abstract,
			issue_date, issue_year, effective_date, expiry_date, replaced_by, search_text, status, author_id, review_comment, version,
			published_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			d.SiteID, d.Number, d.Key, d.Type, d.Issuer, issuerKey, d.Signer, d.Field, d.Abstract,
			d.IssueDate, year, d.EffectiveDate, d.ExpiryDate, replaced, search, d.Status, author, d.ReviewComment, d.Version,
			pub, now, now).Scan(&d.ID)
	} else {
		d.Version = cur + 1
		var res sql.Result
		res, err = tx.ExecContext(ctx, s.q(`UPDATE documents SET number = ?, number_key = ?, type = ?, issuer = ?, issuer_key = ?, signer = ?,
			field = ?, abstract = ?, issue_date = ?, issue_year = ?, effective_date = ?, expiry_date = ?, replaced_by = ?, search_text = ?,
			status = ?, review_comment = ?, version = ?, published_at = ?, updated_at = ? WHERE id = ? AND site_id = ? AND version = ?`),
			d.Number, d.Key, d.Type, d.Issuer, issuerKey, d.Signer, d.Field, d.Abstract, d.IssueDate, year, d.EffectiveDate, d.ExpiryDate,
			replaced, search, d.Status, d.ReviewComment, d.Version, pub, now, d.ID, d.SiteID, cur)
		if err == nil {
			if n, _ := res.RowsAffected(); n != 1 {
				return ErrDocumentConflict
			}
		}
	}
	if err != nil {
		if isUniqueViolation(err) {
			return &DuplicateDocumentError{}
		}
		return err
	}
	for _, id := range drop {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM document_files WHERE id = ? AND document_id = ?`), id, d.ID); err != nil {
			return err
		}
	}
	for i := range add {
		f := &add[i]
		sum := sha256.Sum256(f.Data)
		f.DocumentID, f.Size = d.ID, int64(len(f.Data))
		err := tx.QueryRowContext(ctx, s.q(`INSERT INTO document_files (document_id, name, mime, ext, size, sha256, data, position, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM document_files WHERE document_id = ?), ?) RETURNING id`),
			d.ID, f.Name, f.Mime, f.Ext, f.Size, hex.EncodeToString(sum[:]), f.Data, d.ID, now).Scan(&f.ID)
		if err != nil {
			return err
		}
	}
	if d.Status == news.StatusPublished || wasPublished {
		return s.bumpContent(ctx, tx, d.SiteID)
	}
	return nil
}

// Document returns a document of the site, any status, with its files'
// metadata.
func (s *Store) Document(ctx context.Context, siteID, id int64) (legaldoc.Document, error) {
	d, err := scanDocument(s.db.QueryRowContext(ctx, s.q(`SELECT `+documentCols+documentFrom+` WHERE d.site_id = ? AND d.id = ?`), siteID, id))
	if err != nil {
		return d, err
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, document_id, name, mime, ext, size FROM document_files WHERE document_id = ? ORDER BY position, id`), id)
	if err != nil {
		return d, err
	}
	defer rows.Close()
	for rows.Next() {
		var f legaldoc.File
		if err := rows.Scan(&f.ID, &f.DocumentID, &f.Name, &f.Mime, &f.Ext, &f.Size); err != nil {
			return d, err
		}
		d.Files = append(d.Files, f)
	}
	return d, rows.Err()
}

// DocumentFile returns one attached file with its bytes.
func (s *Store) DocumentFile(ctx context.Context, siteID, docID, fileID int64) (legaldoc.File, error) {
	var f legaldoc.File
	err := s.db.QueryRowContext(ctx, s.q(`SELECT f.id, f.document_id, f.name, f.mime, f.ext, f.size, f.data FROM document_files f
		JOIN documents d ON d.id = f.document_id WHERE d.site_id = ? AND f.document_id = ? AND f.id = ?`), siteID, docID, fileID).
		Scan(&f.ID, &f.DocumentID, &f.Name, &f.Mime, &f.Ext, &f.Size, &f.Data)
	if errors.Is(err, sql.ErrNoRows) {
		return f, ErrNotFound
	}
	return f, err
}

// DocumentFilter selects documents. Zero values mean "any".
type DocumentFilter struct {
	SiteID   int64
	Status   string // "" = published; AnyStatus = everything but the trash
	Type     string
	Issuer   string
	Field    string
	Signer   string
	Year     int
	From, To string // issue date range, "YYYY-MM-DD", inclusive
	Validity string // legaldoc.ValidInForce or legaldoc.ValidExpired
	Today    string // "YYYY-MM-DD" in the site's zone, for Validity
	Query    string
	Limit    int
	Offset   int
}

// AnyStatus in DocumentFilter.Status lists every document outside the trash.
const AnyStatus = "*"

func (f DocumentFilter) where() (string, []any) {
	w := ` WHERE d.site_id = ?`
	args := []any{f.SiteID}
	switch f.Status {
	case "":
		w += ` AND d.status = ?`
		args = append(args, news.StatusPublished)
	case AnyStatus:
		w += ` AND d.status <> ?`
		args = append(args, news.StatusTrash)
	default:
		w += ` AND d.status = ?`
		args = append(args, f.Status)
	}
	for _, c := range []struct{ col, v string }{{"d.type", f.Type}, {"d.issuer", f.Issuer}, {"d.field", f.Field}, {"d.signer", f.Signer}} {
		if c.v != "" {
			w += ` AND ` + c.col + ` = ?`
			args = append(args, c.v)
		}
	}
	if f.Year != 0 {
		w += ` AND d.issue_year = ?`
		args = append(args, f.Year)
	}
	if f.From != "" {
		w += ` AND d.issue_date >= ?`
		args = append(args, f.From)
	}
	if f.To != "" {
		w += ` AND d.issue_date <= ?`
		args = append(args, f.To)
	}
	switch f.Validity {
	case legaldoc.ValidInForce:
		w += ` AND d.replaced_by IS NULL AND (d.expiry_date = '' OR d.expiry_date > ?) AND (d.effective_date = '' OR d.effective_date <= ?)`
		args = append(args, f.Today, f.Today)
	case legaldoc.ValidExpired:
		w += ` AND (d.replaced_by IS NOT NULL OR (d.expiry_date <> '' AND d.expiry_date <= ?))`
		args = append(args, f.Today)
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		// A number typed any way ("03-NQ/TU", "03 nq tu", "03nqtu") is
		// found through the key; otherwise every word must start a word
		// of the document's folded text ("nghi quyet 03").
		var parts []string
		var pargs []any
		if k := legaldoc.Key(q); k != "" {
			parts = append(parts, `d.number_key LIKE ?`)
			pargs = append(pargs, "%"+k+"%")
		}
		if ws := legaldoc.SearchWords(q); len(ws) > 0 {
			var and []string
			for _, word := range ws {
				and = append(and, `d.search_text LIKE ?`)
				pargs = append(pargs, "% "+word+"%")
			}
			parts = append(parts, `(`+strings.Join(and, ` AND `)+`)`)
		}
		if len(parts) > 0 {
			w += ` AND (` + strings.Join(parts, ` OR `) + `)`
			args = append(args, pargs...)
		}
	}
	return w, args
}

// ListDocuments returns one page of documents, newest issue date first,
// and how many match in all.
func (s *Store) ListDocuments(ctx context.Context, f DocumentFilter) ([]legaldoc.Document, int, error) {
	if f.Limit <= 0 || f.Limit > 100 {
		f.Limit = 20
	}
	w, args := f.where()
	var total int
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM documents d`+w), args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	// A number typed exactly (in any spelling) comes first, then by date.
	order := ` ORDER BY d.issue_date DESC, d.id DESC`
	if k := legaldoc.Key(f.Query); k != "" {
		order = ` ORDER BY CASE WHEN d.number_key = ? THEN 0 ELSE 1 END, d.issue_date DESC, d.id DESC`
		args = append(args, k)
	}
	args = append(args, f.Limit, f.Offset)
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+documentCols+documentFrom+w+order+` LIMIT ? OFFSET ?`), args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []legaldoc.Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, d)
	}
	return out, total, rows.Err()
}

// DocumentFacets are the values the public filters offer: those of
// published documents.
type DocumentFacets struct {
	Types, Issuers, Fields, Signers []string
	Years                           []int
}

// DocumentFacets lists the distinct filter values of published documents.
func (s *Store) DocumentFacets(ctx context.Context, siteID int64) (DocumentFacets, error) {
	var out DocumentFacets
	for _, c := range []struct {
		col string
		dst *[]string
	}{{"type", &out.Types}, {"issuer", &out.Issuers}, {"field", &out.Fields}, {"signer", &out.Signers}} {
		rows, err := s.db.QueryContext(ctx, s.q(`SELECT DISTINCT `+c.col+` FROM documents WHERE site_id = ? AND status = 'published' AND `+c.col+` <> ''`), siteID)
		if err != nil {
			return out, err
		}
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				rows.Close()
				return out, err
			}
			*c.dst = append(*c.dst, v)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return out, err
		}
		// Byte order would put "Chuyển đổi số" before "Cải cách hành chính".
		viet.Sort(*c.dst)
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT DISTINCT issue_year FROM documents WHERE site_id = ? AND status = 'published' ORDER BY issue_year DESC`), siteID)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return out, err
		}
		out.Years = append(out.Years, y)
	}
	return out, rows.Err()
}

// PublishedDocumentsByKeys returns the published documents whose number
// has one of the keys, for linking citations.
func (s *Store) PublishedDocumentsByKeys(ctx context.Context, siteID int64, keys []string) ([]legaldoc.Document, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	args := []any{siteID}
	for _, k := range keys {
		args = append(args, k)
	}
	ph := strings.TrimSuffix(strings.Repeat("?,", len(keys)), ",")
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+documentCols+documentFrom+` WHERE d.site_id = ? AND d.status = 'published' AND d.number_key IN (`+ph+`) ORDER BY d.issue_date DESC, d.id DESC`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []legaldoc.Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// CitingArticles lists the published articles that cite d (by its number;
// a citation that gives a year must give d's year).
func (s *Store) CitingArticles(ctx context.Context, d legaldoc.Document, limit int) ([]news.Article, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT DISTINCT a.id, a.title, a.slug, a.published_at FROM document_citations c
		JOIN articles a ON a.id = c.article_id
		WHERE c.site_id = ? AND c.number_key = ? AND (c.year = 0 OR c.year = ?) AND a.status = 'published'
		ORDER BY a.published_at DESC, a.id DESC LIMIT ?`), d.SiteID, d.Key, d.Year(), limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []news.Article
	for rows.Next() {
		var a news.Article
		var pub sql.NullTime
		if err := rows.Scan(&a.ID, &a.Title, &a.Slug, &pub); err != nil {
			return nil, err
		}
		a.PublishedAt = pub.Time
		out = append(out, a)
	}
	return out, rows.Err()
}

// refreshCitationsTx records the document numbers an article's body cites.
// It runs inside every article save, so the edges never lag the text.
func (s *Store) refreshCitationsTx(ctx context.Context, tx *sql.Tx, a *news.Article) error {
	if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM document_citations WHERE article_id = ?`), a.ID); err != nil {
		return err
	}
	type edge struct {
		key  string
		year int
	}
	seen := map[edge]bool{}
	for _, c := range legaldoc.CitationsInHTML(a.BodyHTML) {
		e := edge{c.Key, c.Year}
		if seen[e] {
			continue
		}
		seen[e] = true
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO document_citations (article_id, site_id, number_key, year) VALUES (?, ?, ?, ?)`),
			a.ID, a.SiteID, e.key, e.year); err != nil {
			return err
		}
	}
	return nil
}

// RefreshAllCitations rebuilds the citation edges of every article of the
// site (after an import of articles written before the library existed).
func (s *Store) RefreshAllCitations(ctx context.Context, siteID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.refreshAllCitationsTx(ctx, tx, siteID) })
}

func (s *Store) refreshAllCitationsTx(ctx context.Context, tx *sql.Tx, siteID int64) error {
	rows, err := tx.QueryContext(ctx, s.q(`SELECT id, body_html FROM articles WHERE site_id = ?`), siteID)
	if err != nil {
		return err
	}
	var arts []news.Article
	for rows.Next() {
		a := news.Article{SiteID: siteID}
		if err := rows.Scan(&a.ID, &a.BodyHTML); err != nil {
			rows.Close()
			return err
		}
		arts = append(arts, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range arts {
		if err := s.refreshCitationsTx(ctx, tx, &arts[i]); err != nil {
			return err
		}
	}
	return s.bumpContent(ctx, tx, siteID)
}

// citeExistingArticles is migration 12's Go step: articles written before
// the documents library get their citation edges at once, so a document
// added later lists them and their pages link it without waiting for an
// edit.
func (s *Store) citeExistingArticles(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM sites`)
	if err != nil {
		return err
	}
	var sites []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		sites = append(sites, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range sites {
		if err := s.refreshAllCitationsTx(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}

// DocumentSitemap lists published documents for the sitemap.
func (s *Store) DocumentSitemap(ctx context.Context, siteID int64, limit int) ([]legaldoc.Document, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+documentCols+documentFrom+` WHERE d.site_id = ? AND d.status = 'published' ORDER BY d.issue_date DESC, d.id DESC LIMIT ?`), siteID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []legaldoc.Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Is lets errors.Is(err, legaldoc.ErrDuplicate) recognise a duplicate.
func (e *DuplicateDocumentError) Is(target error) bool { return target == legaldoc.ErrDuplicate }
