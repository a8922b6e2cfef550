package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/qa"
	"github.com/congportal/cong/internal/viet"
)

// ErrReplayed is returned when a form's challenge token was already used.
var ErrReplayed = errors.New("mã kiểm tra đã được dùng")

// FormSecret returns the site's secret for signing public-form challenges,
// creating it on first use. It lives in the database so every instance
// signs and checks with the same key.
func (s *Store) FormSecret(ctx context.Context, siteID int64) ([]byte, error) {
	var secret []byte
	err := s.db.QueryRowContext(ctx, s.q(`SELECT secret FROM form_secrets WHERE site_id = ?`), siteID).Scan(&secret)
	if err == nil {
		return secret, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	fresh := make([]byte, 32)
	rand.Read(fresh)
	if _, err := s.db.ExecContext(ctx, s.q(`INSERT INTO form_secrets (site_id, secret) VALUES (?, ?) ON CONFLICT (site_id) DO NOTHING`), siteID, fresh); err != nil {
		return nil, err
	}
	err = s.db.QueryRowContext(ctx, s.q(`SELECT secret FROM form_secrets WHERE site_id = ?`), siteID).Scan(&secret)
	return secret, err
}

// FormHit records one submission attempt from an address (an HMAC of it)
// and returns how many attempts it made since `since`, this one included.
// Rows older than a day are dropped as they are no longer needed.
func (s *Store) FormHit(ctx context.Context, siteID int64, ipHash []byte, now, since time.Time) (int, error) {
	var n int
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM form_hits WHERE at < ?`), dbTime(now.Add(-24*time.Hour))); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO form_hits (site_id, ip_hash, at) VALUES (?, ?, ?)`), siteID, ipHash, dbTime(now)); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM form_hits WHERE site_id = ? AND ip_hash = ? AND at >= ?`), siteID, ipHash, dbTime(since)).Scan(&n)
	})
	return n, err
}

// useChallenge records a challenge nonce inside tx; ErrReplayed if it was
// used before. Expired nonces are dropped: their tokens fail on age anyway.
func (s *Store) useChallenge(ctx context.Context, tx *sql.Tx, nonce string, now time.Time) error {
	if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM challenge_uses WHERE expires_at < ?`), dbTime(now)); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, s.q(`INSERT INTO challenge_uses (nonce, expires_at) VALUES (?, ?) ON CONFLICT (nonce) DO NOTHING`),
		nonce, dbTime(now.Add(qa.ChallengeMaxAge+time.Minute)))
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrReplayed
	}
	return nil
}

// CreateQuestion stores a citizen's question and marks its challenge nonce
// used, together: a replayed form stores nothing. tokenHash is the hash of
// the asker's private tracking token.
func (s *Store) CreateQuestion(ctx context.Context, q *qa.Question, nonce string, tokenHash []byte) error {
	now := dbTime(time.Now())
	q.CreatedAt, q.UpdatedAt = now, now
	if q.Status == "" {
		q.Status = qa.StatusNew
	}
	q.Slug = viet.Slug(q.Title)
	if len(q.Slug) > 80 {
		q.Slug = strings.TrimRight(q.Slug[:80], "-")
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.useChallenge(ctx, tx, nonce, now); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, s.q(`INSERT INTO questions (site_id, token_hash, name, display_mode, email, phone, field, title, slug, body, status, flag, search_text, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			q.SiteID, tokenHash, q.Name, q.DisplayMode, q.Email, q.Phone, q.Field, q.Title, q.Slug, q.Body, q.Status, q.Flag,
			qa.SearchText(q.Title, q.Body, ""), now, now).Scan(&q.ID)
	})
}

const questionCols = `q.id, q.site_id, q.name, q.display_mode, q.email, q.phone, q.field, q.title, q.slug, q.body, q.status, q.flag,
	COALESCE(q.assigned_to, 0), COALESCE(u.name, ''), q.answer_html, COALESCE(q.answered_by, 0), q.answered_at, q.published_at, q.created_at, q.updated_at`

const questionFrom = ` FROM questions q LEFT JOIN users u ON u.id = q.assigned_to`

func scanQuestion(row interface{ Scan(...any) error }) (qa.Question, error) {
	var q qa.Question
	var answered, published sql.NullTime
	err := row.Scan(&q.ID, &q.SiteID, &q.Name, &q.DisplayMode, &q.Email, &q.Phone, &q.Field, &q.Title, &q.Slug, &q.Body, &q.Status, &q.Flag,
		&q.AssignedTo, &q.AssigneeName, &q.AnswerHTML, &q.AnsweredBy, &answered, &published, &q.CreatedAt, &q.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return q, ErrNotFound
	}
	q.AnsweredAt, q.PublishedAt = answered.Time, published.Time
	return q, err
}

// QuestionByID returns a question of the site, in any status.
func (s *Store) QuestionByID(ctx context.Context, siteID, id int64) (qa.Question, error) {
	return scanQuestion(s.db.QueryRowContext(ctx, s.q(`SELECT `+questionCols+questionFrom+` WHERE q.site_id = ? AND q.id = ?`), siteID, id))
}

// QuestionByToken returns the question whose tracking token hashes to h.
func (s *Store) QuestionByToken(ctx context.Context, siteID int64, h []byte) (qa.Question, error) {
	return scanQuestion(s.db.QueryRowContext(ctx, s.q(`SELECT `+questionCols+questionFrom+` WHERE q.site_id = ? AND q.token_hash = ?`), siteID, h))
}

// QuestionFilter selects questions; zero values mean any.
type QuestionFilter struct {
	SiteID     int64
	Status     string
	AssignedTo int64
	Field      string
	Query      string // public search: every word must occur (folded)
	Limit      int
	Offset     int
}

// Questions lists questions, newest first (published ones by publication)
// and their total.
func (s *Store) Questions(ctx context.Context, f QuestionFilter) ([]qa.Question, int, error) {
	where := ` WHERE q.site_id = ?`
	args := []any{f.SiteID}
	if f.Status != "" {
		where += ` AND q.status = ?`
		args = append(args, f.Status)
	}
	if f.AssignedTo != 0 {
		where += ` AND q.assigned_to = ?`
		args = append(args, f.AssignedTo)
	}
	if f.Field != "" {
		where += ` AND q.field = ?`
		args = append(args, f.Field)
	}
	for _, t := range qa.SearchTerms(f.Query) {
		where += ` AND q.search_text LIKE ? ESCAPE '\'`
		args = append(args, "%"+qaLikeEscape(t)+"%")
	}
	var total int
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM questions q`+where), args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	order := ` ORDER BY q.created_at DESC, q.id DESC`
	if f.Status == qa.StatusPublished {
		order = ` ORDER BY q.published_at DESC, q.id DESC`
	}
	if f.Limit <= 0 {
		f.Limit = 20
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+questionCols+questionFrom+where+order+` LIMIT ? OFFSET ?`), append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []qa.Question
	for rows.Next() {
		q, err := scanQuestion(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, q)
	}
	return out, total, rows.Err()
}

func qaLikeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// QuestionCounts returns how many questions are in each status.
func (s *Store) QuestionCounts(ctx context.Context, siteID int64) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT status, COUNT(*) FROM questions WHERE site_id = ? GROUP BY status`), siteID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		out[st] = n
	}
	return out, rows.Err()
}

// AssignQuestion gives the question to a staff member; a new question
// becomes assigned, later statuses are kept.
func (s *Store) AssignQuestion(ctx context.Context, siteID, id, userID int64) error {
	return s.qaExecOne(ctx, `UPDATE questions SET assigned_to = ?, status = CASE WHEN status = 'new' THEN 'assigned' ELSE status END, updated_at = ? WHERE site_id = ? AND id = ? AND status <> 'spam'`,
		userID, dbTime(time.Now()), siteID, id)
}

// AnswerQuestion saves the (sanitised) answer. A published question stays
// published with the new answer; otherwise it waits for approval.
func (s *Store) AnswerQuestion(ctx context.Context, siteID, id, userID int64, answerHTML string) error {
	q, err := s.QuestionByID(ctx, siteID, id)
	if err != nil {
		return err
	}
	now := dbTime(time.Now())
	var by any
	if userID != 0 {
		by = userID
	}
	status := qa.StatusAnswered
	if q.Status == qa.StatusPublished {
		status = qa.StatusPublished
	}
	return s.qaExecOne(ctx, `UPDATE questions SET answer_html = ?, answered_by = ?, answered_at = ?, status = ?, search_text = ?, updated_at = ? WHERE site_id = ? AND id = ?`,
		answerHTML, by, now, status, qa.SearchText(q.Title, q.Body, news.PlainText(answerHTML)), now, siteID, id)
}

// SetQuestionStatus moves a question to status (publish, withdraw, reject).
// Publishing stamps the first publication time.
func (s *Store) SetQuestionStatus(ctx context.Context, siteID, id int64, status string) error {
	now := dbTime(time.Now())
	if status == qa.StatusPublished {
		return s.qaExecOne(ctx, `UPDATE questions SET status = ?, published_at = COALESCE(published_at, ?), updated_at = ? WHERE site_id = ? AND id = ? AND answer_html <> ''`,
			status, now, now, siteID, id)
	}
	return s.qaExecOne(ctx, `UPDATE questions SET status = ?, updated_at = ? WHERE site_id = ? AND id = ?`, status, now, siteID, id)
}

func (s *Store) qaExecOne(ctx context.Context, query string, args ...any) error {
	res, err := s.db.ExecContext(ctx, s.q(query), args...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}
