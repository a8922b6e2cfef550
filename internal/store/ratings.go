package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/rating"
)

// Citizens' satisfaction ratings of returned dossiers (dossier_ratings).

var (
	// ErrRated is returned when the dossier already has its rating.
	ErrRated = errors.New("hồ sơ đã được đánh giá")
	// ErrNotReturned is returned when the dossier's result has not been
	// handed back yet (status 10), so there is nothing to rate.
	ErrNotReturned = errors.New("hồ sơ chưa được trả kết quả")
)

// ratingCols maps criterion keys to columns, in rating.Criteria order.
var ratingCols = []struct{ key, col string }{
	{rating.Overall, "overall"}, {rating.Time, "time_score"}, {rating.Visits, "visits"},
	{rating.Attitude, "attitude"}, {rating.Clarity, "clarity"}, {rating.Complaints, "complaints"},
}

func optLevel(l rating.Level) any {
	if !l.Valid() {
		return nil
	}
	return int(l)
}

// CreateRating records the rating of dossier r.DossierID of site r.SiteID,
// copying its unit and procedure. Both rules are checked inside the
// transaction: the dossier must be in status 10 (ErrNotReturned) and
// unrated (ErrRated; the primary key decides between two submissions that
// race, so exactly one lands).
func (s *Store) CreateRating(ctx context.Context, r *rating.Rating) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		// FOR UPDATE makes concurrent submissions for one dossier queue on
		// its row (PostgreSQL); SQLite's immediate transaction already holds
		// the write lock.
		lock := ""
		if s.dialect == Postgres {
			lock = " FOR UPDATE"
		}
		var status int
		err := tx.QueryRowContext(ctx, s.q(`SELECT unit_id, procedure_id, status FROM dossiers WHERE id = ? AND site_id = ?`+lock),
			r.DossierID, r.SiteID).Scan(&r.UnitID, &r.ProcedureID, &status)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if dossier.Status(status) != dossier.Returned {
			return ErrNotReturned
		}
		if r.CreatedAt.IsZero() {
			r.CreatedAt = time.Now()
		}
		r.CreatedAt = dbTime(r.CreatedAt)
		cols := []string{"dossier_id", "site_id", "unit_id", "procedure_id"}
		args := []any{r.DossierID, r.SiteID, r.UnitID, r.ProcedureID}
		for _, c := range ratingCols {
			cols = append(cols, c.col)
			args = append(args, optLevel(r.Scores[c.key]))
		}
		cols = append(cols, "comment", "created_at")
		args = append(args, r.Comment, r.CreatedAt)
		// A "không hài lòng" rating counts against satisfaction: the
		// per-day statistics summaries follow it.
		return s.withDays(ctx, tx, r.DossierID, func() error {
			res, err := tx.ExecContext(ctx, s.q(`INSERT INTO dossier_ratings (`+strings.Join(cols, ", ")+`)
			VALUES (?`+strings.Repeat(", ?", len(cols)-1)+`) ON CONFLICT (dossier_id) DO NOTHING`), args...)
			if err != nil {
				return err
			}
			if n, err := res.RowsAffected(); err != nil {
				return err
			} else if n == 0 {
				return ErrRated
			}
			return nil
		})
	})
}

const ratingSelect = `SELECT r.dossier_id, r.site_id, r.unit_id, r.procedure_id,
	r.overall, r.time_score, r.visits, r.attitude, r.clarity, COALESCE(r.complaints, 0), r.comment, r.created_at,
	d.code, un.name, p.name
	FROM dossier_ratings r
	JOIN dossiers d ON d.id = r.dossier_id
	JOIN units un ON un.id = r.unit_id
	JOIN procedures p ON p.id = r.procedure_id`

func scanRating(row interface{ Scan(...any) error }) (rating.Rating, error) {
	var r rating.Rating
	lv := make([]int, len(ratingCols))
	err := row.Scan(&r.DossierID, &r.SiteID, &r.UnitID, &r.ProcedureID,
		&lv[0], &lv[1], &lv[2], &lv[3], &lv[4], &lv[5], &r.Comment, &r.CreatedAt,
		&r.DossierCode, &r.UnitName, &r.ProcedureName)
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotFound
	}
	r.CreatedAt = r.CreatedAt.UTC()
	r.Scores = map[string]rating.Level{}
	for i, c := range ratingCols {
		if lv[i] != 0 {
			r.Scores[c.key] = rating.Level(lv[i])
		}
	}
	return r, err
}

// RatingByDossier returns the dossier's rating, ErrNotFound when it has none.
func (s *Store) RatingByDossier(ctx context.Context, siteID, dossierID int64) (rating.Rating, error) {
	return scanRating(s.db.QueryRowContext(ctx, s.q(ratingSelect+` WHERE r.site_id = ? AND r.dossier_id = ?`), siteID, dossierID))
}

// RatingFilter selects ratings: of the site, given in [From, To) (zero
// bounds open), of the listed units unless AllUnits.
type RatingFilter struct {
	SiteID   int64
	AllUnits bool
	UnitIDs  []int64
	From, To time.Time
	Limit    int
	Offset   int
}

func (s *Store) ratingWhere(f RatingFilter) (string, []any, bool) {
	where := []string{"r.site_id = ?"}
	args := []any{f.SiteID}
	if !f.AllUnits {
		if len(f.UnitIDs) == 0 {
			return "", nil, false
		}
		where = append(where, "r.unit_id IN (?"+strings.Repeat(", ?", len(f.UnitIDs)-1)+")")
		for _, id := range f.UnitIDs {
			args = append(args, id)
		}
	}
	if !f.From.IsZero() {
		where = append(where, "r.created_at >= ?")
		args = append(args, dbTime(f.From))
	}
	if !f.To.IsZero() {
		where = append(where, "r.created_at < ?")
		args = append(args, dbTime(f.To))
	}
	return " WHERE " + strings.Join(where, " AND "), args, true
}

// Ratings lists the filter's ratings, newest first, with their total.
func (s *Store) Ratings(ctx context.Context, f RatingFilter) ([]rating.Rating, int, error) {
	where, args, ok := s.ratingWhere(f)
	if !ok {
		return nil, 0, nil
	}
	var total int
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM dossier_ratings r`+where), args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	rows, err := s.db.QueryContext(ctx, s.q(ratingSelect+where+` ORDER BY r.created_at DESC, r.dossier_id DESC LIMIT ? OFFSET ?`),
		append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []rating.Rating
	for rows.Next() {
		r, err := scanRating(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, r)
	}
	return out, total, rows.Err()
}

// RatingSums adds up the filter's ratings per unit (each unit's own
// dossiers only; rating.RollUp adds sub-units). Limit and Offset are
// ignored. One grouped scan of the (site_id, created_at) index.
func (s *Store) RatingSums(ctx context.Context, f RatingFilter) (map[int64]rating.Sums, error) {
	out := map[int64]rating.Sums{}
	where, args, ok := s.ratingWhere(f)
	if !ok {
		return out, nil
	}
	sel := []string{"r.unit_id", "COUNT(*)"}
	for _, c := range ratingCols {
		col := "r." + c.col
		sel = append(sel, "COUNT("+col+")", "COALESCE(SUM("+col+"), 0)", "SUM(CASE WHEN "+col+" >= 4 THEN 1 ELSE 0 END)")
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+strings.Join(sel, ", ")+` FROM dossier_ratings r`+where+` GROUP BY r.unit_id`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var unit int64
		var sum rating.Sums
		v := make([]int64, 3*len(ratingCols))
		dest := []any{&unit, &sum.Count}
		for i := range v {
			dest = append(dest, &v[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		sum.Criterion = map[string]rating.Sum{}
		for i, c := range ratingCols {
			sum.Criterion[c.key] = rating.Sum{Rated: int(v[3*i]), Total: int(v[3*i+1]), Satisfied: int(v[3*i+2])}
		}
		out[unit] = sum
	}
	return out, rows.Err()
}
