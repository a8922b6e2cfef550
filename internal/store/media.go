package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"time"
)

// Media is one file of a site's media library. The file itself lives in the
// media folder, named by Hash (the SHA-256 of the uploaded bytes); the row
// says what it is, so nothing about a file is ever guessed from its name.
type Media struct {
	ID           int64
	SiteID       int64
	Hash         string
	Kind         string // "image" or "document"
	Mime         string // of the stored file, served as its Content-Type
	Ext          string
	Size         int64 // bytes of the stored original
	Width        int   // images only
	Height       int
	Widths       []int // resized variants that exist, ascending
	Alt          string
	Caption      string
	OriginalName string
	UploadedBy   int64
	UploaderName string // name (or username) of the uploader, when listed
	CreatedAt    time.Time
}

const mediaCols = `m.id, m.site_id, m.hash, m.kind, m.mime, m.ext, m.size, m.width, m.height, m.widths, m.alt, m.caption, m.original_name,
	COALESCE(m.uploaded_by, 0), COALESCE(NULLIF(u.name, ''), u.username, ''), m.created_at`

const mediaFrom = ` FROM media m LEFT JOIN users u ON u.id = m.uploaded_by`

func scanMedia(row interface{ Scan(...any) error }) (Media, error) {
	var m Media
	var widths string
	err := row.Scan(&m.ID, &m.SiteID, &m.Hash, &m.Kind, &m.Mime, &m.Ext, &m.Size, &m.Width, &m.Height, &widths, &m.Alt, &m.Caption, &m.OriginalName,
		&m.UploadedBy, &m.UploaderName, &m.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return m, ErrNotFound
	}
	m.Widths = parseWidths(widths)
	return m, err
}

func parseWidths(s string) []int {
	var out []int
	for _, f := range strings.Split(s, ",") {
		if w, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && w > 0 {
			out = append(out, w)
		}
	}
	return out
}

func formatWidths(ws []int) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = strconv.Itoa(w)
	}
	return strings.Join(parts, ",")
}

// MediaByHash returns the site's file with that hash.
func (s *Store) MediaByHash(ctx context.Context, siteID int64, hash string) (Media, error) {
	return scanMedia(s.db.QueryRowContext(ctx, s.q(`SELECT `+mediaCols+mediaFrom+` WHERE m.site_id = ? AND m.hash = ?`), siteID, hash))
}

// MediaByID returns the site's file with that id.
func (s *Store) MediaByID(ctx context.Context, siteID, id int64) (Media, error) {
	return scanMedia(s.db.QueryRowContext(ctx, s.q(`SELECT `+mediaCols+mediaFrom+` WHERE m.site_id = ? AND m.id = ?`), siteID, id))
}

// lockMediaHash serialises, for the rest of the transaction, the writers
// that add or remove the files of one hash: an upload making sure its files
// exist and a delete removing the last reference's files cannot interleave.
// On SQLite every write transaction already holds the database's write lock
// (_txlock=immediate). The two-integer advisory lock space does not overlap
// the migrations' single-bigint one.
func (s *Store) lockMediaHash(ctx context.Context, tx *sql.Tx, hash string) error {
	if s.dialect != Postgres {
		return nil
	}
	key := int32(0)
	if b, err := hex.DecodeString(hash); err == nil && len(b) >= 4 {
		key = int32(binary.BigEndian.Uint32(b))
	}
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7274, $1)`, key)
	return err
}

// AddMedia records an uploaded file. If the site already has a file with
// that hash, m is filled with the existing row and created is false (the
// same file uploaded twice is one row). ensure runs inside the transaction,
// under a lock on the hash, before the row is written: it makes sure the
// files are on disk, so a delete of the same hash that raced with this
// upload cannot leave the row without its files.
func (s *Store) AddMedia(ctx context.Context, m *Media, ensure func() error) (created bool, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.lockMediaHash(ctx, tx, m.Hash); err != nil {
			return err
		}
		old, err := scanMedia(tx.QueryRowContext(ctx, s.q(`SELECT `+mediaCols+mediaFrom+` WHERE m.site_id = ? AND m.hash = ?`), m.SiteID, m.Hash))
		if err == nil {
			*m = old
			return nil
		}
		if !errors.Is(err, ErrNotFound) {
			return err
		}
		if ensure != nil {
			if err := ensure(); err != nil {
				return err
			}
		}
		if m.CreatedAt.IsZero() {
			m.CreatedAt = time.Now()
		}
		m.CreatedAt = dbTime(m.CreatedAt)
		var by any
		if m.UploadedBy != 0 {
			by = m.UploadedBy
		}
		if err := tx.QueryRowContext(ctx, s.q(`INSERT INTO media (site_id, hash, kind, mime, ext, size, width, height, widths, alt, caption, original_name, uploaded_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			m.SiteID, m.Hash, m.Kind, m.Mime, m.Ext, m.Size, m.Width, m.Height, formatWidths(m.Widths), m.Alt, m.Caption, m.OriginalName, by, m.CreatedAt).Scan(&m.ID); err != nil {
			return err
		}
		created = true
		return nil
	})
	return created, err
}

// MediaFilter selects files of the library; zero values mean any.
type MediaFilter struct {
	SiteID int64
	Kind   string // "image" or "document"
	Query  string // part of the file name, alt text or caption
	Limit  int
	Offset int
}

// ListMedia lists files newest first, with the total matching.
func (s *Store) ListMedia(ctx context.Context, f MediaFilter) ([]Media, int, error) {
	w := ` WHERE m.site_id = ?`
	args := []any{f.SiteID}
	if f.Kind != "" {
		w += ` AND m.kind = ?`
		args = append(args, f.Kind)
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		// LOWER() folds every letter on PostgreSQL but only ASCII on
		// SQLite, so there an upper-case Vietnamese letter (Ả, Đ) matches
		// only as typed: good enough for finding a file by name.
		pat := "%" + mediaLike(strings.ToLower(q)) + "%"
		w += ` AND (LOWER(m.original_name) LIKE ? ESCAPE '\' OR LOWER(m.alt) LIKE ? ESCAPE '\' OR LOWER(m.caption) LIKE ? ESCAPE '\')`
		args = append(args, pat, pat, pat)
	}
	var total int
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM media m`+w), args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	if f.Limit <= 0 {
		f.Limit = 40
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+mediaCols+mediaFrom+w+` ORDER BY m.created_at DESC, m.id DESC LIMIT ? OFFSET ?`), append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []Media
	for rows.Next() {
		m, err := scanMedia(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, m)
	}
	return out, total, rows.Err()
}

func mediaLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// UpdateMediaText changes a file's alt text and caption.
func (s *Store) UpdateMediaText(ctx context.Context, siteID, id int64, alt, caption string) error {
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE media SET alt = ?, caption = ? WHERE site_id = ? AND id = ?`), alt, caption, siteID, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// MediaUsage counts the site's articles (outside the recycle bin) whose body
// links to the file.
func (s *Store) MediaUsage(ctx context.Context, siteID int64, hash string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM articles WHERE site_id = ? AND status <> 'trash' AND body_html LIKE ?`),
		siteID, "%/media/"+mediaLike(hash)+"%").Scan(&n)
	return n, err
}

// DeleteMedia removes a file's row. When no site references the hash any
// more, orphaned runs inside the transaction, under the hash's lock: it
// takes the files away and returns how to put them back, which is done if
// the transaction then fails to commit.
func (s *Store) DeleteMedia(ctx context.Context, siteID, id int64, orphaned func(m Media) (undo func(), err error)) (Media, error) {
	var m Media
	var undo func()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		m, err = scanMedia(tx.QueryRowContext(ctx, s.q(`SELECT `+mediaCols+mediaFrom+` WHERE m.site_id = ? AND m.id = ?`), siteID, id))
		if err != nil {
			return err
		}
		if err := s.lockMediaHash(ctx, tx, m.Hash); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q(`DELETE FROM media WHERE site_id = ? AND id = ?`), siteID, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound // deleted meanwhile by someone else
		}
		var refs int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM media WHERE hash = ?`), m.Hash).Scan(&refs); err != nil {
			return err
		}
		if refs == 0 && orphaned != nil {
			if undo, err = orphaned(m); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil && undo != nil {
		undo()
	}
	return m, err
}

// ImagesAfter lists image rows of every site with an id above after, by
// id, at most limit: `cong media resize` walks the whole library with it.
func (s *Store) ImagesAfter(ctx context.Context, after int64, limit int) ([]Media, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+mediaCols+mediaFrom+` WHERE m.kind = ? AND m.id > ? ORDER BY m.id LIMIT ?`), "image", after, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Media
	for rows.Next() {
		m, err := scanMedia(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// SetMediaWidths records which resized variants of every row of a file
// exist (all sites' rows of the hash share the files).
func (s *Store) SetMediaWidths(ctx context.Context, hash string, widths []int) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE media SET widths = ? WHERE hash = ?`), formatWidths(widths), hash); err != nil {
			return err
		}
		// Pages with the old srcset are cached everywhere.
		_, err := tx.ExecContext(ctx, s.q(`UPDATE content_versions SET version = version + 1`))
		return err
	})
}
