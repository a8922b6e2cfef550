package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/viet"
)

// The officer side of dossiers: moves along the transition table, counter
// entry, queues, and which units an officer works for.

// MoveRequest is one move of a dossier as the store performs it.
type MoveRequest struct {
	// Before is the dossier as read; the move lands only if nobody moved it
	// since (its Version).
	Before dossier.Dossier
	Input  dossier.Input
	// Files come with the move: a result, a supplement brought to the desk.
	Files []DossierFile
	// Audit, when set, is appended inside the move's transaction, so the
	// audit row exists if and only if the move happened. ObjectType and
	// ObjectID are the dossier's; an empty Detail becomes "CODE: from → to".
	Audit *AuditEntry
}

// MoveDossier applies a move in one transaction: the checked transition, the
// history event, the forms, mail and day summaries it calls for
// (afterDossierEvent), any files and the audit entry land together, and only
// if nobody moved the dossier since m.Before was read (ErrStale otherwise).
// It returns the dossier after the move.
func (s *Store) MoveDossier(ctx context.Context, m MoveRequest) (dossier.Dossier, error) {
	before, in, files := m.Before, m.Input, m.Files
	after, ev, err := dossier.Apply(before, in)
	if err != nil {
		return before, err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE dossiers SET status = ?, prev_status = ?, responded_at = ?, received_at = ?, due_at = ?,
			finished_at = ?, returned_at = ?, paused_at = ?, paused_total_seconds = ?, supplement_count = ?, assignee_id = ?, result_file = ?,
			apology_count = ?, new_due_at = ?, updated_at = ?, version = version + 1,
			online_level = CASE WHEN ? THEN COALESCE((SELECT p.level FROM procedures p WHERE p.id = dossiers.procedure_id), '') ELSE online_level END
			WHERE id = ? AND site_id = ? AND version = ?`),
			int(after.Status), int(after.PrevStatus), optTime(after.RespondedAt), optTime(after.ReceivedAt), optTime(after.DueAt),
			optTime(after.FinishedAt), optTime(after.ReturnedAt), optTime(after.PausedAt), int64(after.PausedTotal/time.Second),
			after.SupplementCount, optID(after.AssigneeID), optString(after.ResultFile), after.ApologyCount, optTime(after.NewDueAt), dbTime(after.UpdatedAt),
			// Receipt freezes the procedure's online level on the dossier.
			before.ReceivedAt.IsZero() && !after.ReceivedAt.IsZero(),
			before.ID, before.SiteID, before.Version)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n != 1 {
			return ErrStale
		}
		if err := s.insertEvent(ctx, tx, ev); err != nil {
			return err
		}
		moved := after
		moved.Version = before.Version + 1
		if err := s.afterDossierEvent(ctx, tx, before, moved, ev); err != nil {
			return err
		}
		for i := range files {
			files[i].DossierID = before.ID
			if files[i].CreatedAt.IsZero() {
				files[i].CreatedAt = after.UpdatedAt
			}
			if err := s.insertDossierFile(ctx, tx, &files[i]); err != nil {
				return err
			}
		}
		if m.Audit != nil {
			e := *m.Audit
			e.ObjectType, e.ObjectID = "dossier", before.ID
			if e.Detail == "" {
				e.Detail = fmt.Sprintf("%s: %s → %s", before.Code, before.Status, after.Status)
			}
			if e.At.IsZero() {
				e.At = after.UpdatedAt
			}
			if err := s.insertAudit(ctx, tx, e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return before, err
	}
	after.Version = before.Version + 1
	return after, nil
}

// CreateCounterDossier records a dossier brought to the desk in person or by
// post: it starts received (2), with its appointment, its code allocated
// like an online one, and its files, all in one transaction.
func (s *Store) CreateCounterDossier(ctx context.Context, d *dossier.Dossier, actorLabel string, files []DossierFile) error {
	if d.Channel != dossier.Counter && d.Channel != dossier.Post {
		return errors.New("hồ sơ nhập tại quầy phải có kênh trực tiếp hoặc bưu chính")
	}
	d.Status = dossier.Received
	if d.ReceivedAt.IsZero() {
		d.ReceivedAt = time.Now().UTC()
	}
	if d.SubmittedAt.IsZero() {
		d.SubmittedAt = d.ReceivedAt
	}
	d.RespondedAt = d.ReceivedAt
	return s.inTx(ctx, func(tx *sql.Tx) error {
		ev := dossier.Event{At: d.ReceivedAt, ActorID: d.CreatedBy, ActorLabel: actorLabel, From: dossier.New, To: dossier.Received,
			Action: dossier.ActReceive, Note: "Tiếp nhận " + strings.ToLower(d.Channel.String())}
		return s.insertDossier(ctx, tx, d, ev, files...)
	})
}

// QueueFilter selects dossiers for the officer workspace.
type QueueFilter struct {
	SiteID int64
	// AllUnits lets an admin see every unit; otherwise only UnitIDs (an
	// officer with no unit sees nothing).
	AllUnits bool
	UnitIDs  []int64
	Status   dossier.Status // 0: any
	Query    string         // code, applicant name (accents optional) or ID number
	Limit    int
	Offset   int
}

func (s *Store) queueWhere(f QueueFilter, withStatus bool) (string, []any, bool) {
	w := ` WHERE d.site_id = ?`
	args := []any{f.SiteID}
	if !f.AllUnits {
		if len(f.UnitIDs) == 0 {
			return "", nil, false
		}
		w += ` AND d.unit_id IN (?` + strings.Repeat(`, ?`, len(f.UnitIDs)-1) + `)`
		for _, id := range f.UnitIDs {
			args = append(args, id)
		}
	}
	if withStatus && f.Status != 0 {
		w += ` AND d.status = ?`
		args = append(args, int(f.Status))
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		like := likeLiteral(viet.Fold(q))
		w += ` AND (d.code LIKE ? ESCAPE '\' OR d.applicant_id_number = ? OR d.applicant_folded LIKE ? ESCAPE '\')`
		args = append(args, likeLiteral(strings.ToUpper(q))+"%", q, "%"+like+"%")
	}
	return w, args, true
}

func likeLiteral(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// DossierQueue lists dossiers still being worked on before closed ones
// (refused, withdrawn, stopped, returned), each group by its deadline: the
// appointment, or for a dossier not yet received its submission time (its
// 8-working-hour limit runs from there).
func (s *Store) DossierQueue(ctx context.Context, f QueueFilter) ([]dossier.Dossier, int, error) {
	w, args, ok := s.queueWhere(f, true)
	if !ok {
		return nil, 0, nil
	}
	var total int
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM dossiers d`+w), args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+dossierCols+dossierFrom+w+
		` ORDER BY CASE WHEN d.status IN (3, 7, 8, 10) THEN 1 ELSE 0 END, COALESCE(d.due_at, d.submitted_at), d.id LIMIT ? OFFSET ?`),
		append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []dossier.Dossier
	for rows.Next() {
		d, err := scanDossier(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, d)
	}
	return out, total, rows.Err()
}

// DossierCounts counts the filter's dossiers per status (ignoring
// f.Status), for the queue tabs.
func (s *Store) DossierCounts(ctx context.Context, f QueueFilter) (map[dossier.Status]int, error) {
	out := map[dossier.Status]int{}
	w, args, ok := s.queueWhere(f, false)
	if !ok {
		return out, nil
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT d.status, COUNT(*) FROM dossiers d`+w+` GROUP BY d.status`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var st dossier.Status
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		out[st] = n
	}
	return out, rows.Err()
}

// UserUnitIDs lists the units an officer works for.
func (s *Store) UserUnitIDs(ctx context.Context, userID int64) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT unit_id FROM user_units WHERE user_id = ? ORDER BY unit_id`), userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// SetUserUnits replaces the units of a user of the site. Units of another
// site are ignored.
func (s *Store) SetUserUnits(ctx context.Context, siteID, userID int64, unitIDs []int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM users WHERE id = ? AND site_id = ?`), userID, siteID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return ErrNotFound
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM user_units WHERE user_id = ?`), userID); err != nil {
			return err
		}
		for _, u := range unitIDs {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO user_units (user_id, unit_id)
				SELECT ?, id FROM units WHERE id = ? AND site_id = ? ON CONFLICT DO NOTHING`), userID, u, siteID); err != nil {
				return err
			}
		}
		return nil
	})
}

// Officer is a staff member who may work on dossiers, with their units.
type Officer struct {
	ID       int64
	Username string
	Name     string
	Role     string
	Disabled bool
	UnitIDs  []int64
}

// Label is the name shown in lists.
func (o Officer) Label() string {
	if o.Name != "" {
		return o.Name
	}
	return o.Username
}

// Officers lists the site's officers and admins with their units, by name.
func (s *Store) Officers(ctx context.Context, siteID int64) ([]Officer, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT u.id, u.username, u.name, u.role, u.disabled, COALESCE(uu.unit_id, 0)
		FROM users u LEFT JOIN user_units uu ON uu.user_id = u.id
		WHERE u.site_id = ? AND u.role IN ('officer', 'admin')
		ORDER BY u.id, uu.unit_id`), siteID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Officer
	for rows.Next() {
		var o Officer
		var unit int64
		if err := rows.Scan(&o.ID, &o.Username, &o.Name, &o.Role, &o.Disabled, &unit); err != nil {
			return nil, err
		}
		if n := len(out); n > 0 && out[n-1].ID == o.ID {
			out[n-1].UnitIDs = append(out[n-1].UnitIDs, unit)
			continue
		}
		if unit != 0 {
			o.UnitIDs = []int64{unit}
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
