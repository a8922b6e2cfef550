package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/congportal/cong/internal/catalogue"
)

// ErrUnitCodeTaken is returned when another unit of the site has the code.
var ErrUnitCodeTaken = errors.New("mã đơn vị đã được dùng cho đơn vị khác")

const unitCols = `id, site_id, parent_id, code, name, kind, address, phone, email, valid_from, valid_to, position`

func scanUnit(row interface{ Scan(...any) error }) (catalogue.Unit, error) {
	var u catalogue.Unit
	var parent sql.NullInt64
	var from, to sql.NullTime
	err := row.Scan(&u.ID, &u.SiteID, &parent, &u.Code, &u.Name, &u.Kind, &u.Address, &u.Phone, &u.Email, &from, &to, &u.Position)
	if errors.Is(err, sql.ErrNoRows) {
		return u, ErrNotFound
	}
	u.ParentID = parent.Int64
	u.ValidFrom, u.ValidTo = catCivilDate(from), catCivilDate(to)
	return u, err
}

// catCivilDate turns a DATE column into midnight UTC of that day, whatever zone
// the driver attached to it.
func catCivilDate(t sql.NullTime) time.Time {
	if !t.Valid {
		return time.Time{}
	}
	y, m, d := t.Time.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func catDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func catNullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// Units returns every unit of the site, former ones included, ordered by
// position then id; catalogue.Tree arranges them for display.
func (s *Store) Units(ctx context.Context, siteID int64) ([]catalogue.Unit, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+unitCols+` FROM units WHERE site_id = ? ORDER BY position, id`), siteID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []catalogue.Unit
	for rows.Next() {
		u, err := scanUnit(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Unit returns one unit of the site.
func (s *Store) Unit(ctx context.Context, siteID, id int64) (catalogue.Unit, error) {
	return scanUnit(s.db.QueryRowContext(ctx, s.q(`SELECT `+unitCols+` FROM units WHERE site_id = ? AND id = ?`), siteID, id))
}

// UnitByCode returns the unit of the site with the code.
func (s *Store) UnitByCode(ctx context.Context, siteID int64, code string) (catalogue.Unit, error) {
	return scanUnit(s.db.QueryRowContext(ctx, s.q(`SELECT `+unitCols+` FROM units WHERE site_id = ? AND code = ?`), siteID, code))
}

// CreateUnit inserts a unit; a taken code is ErrUnitCodeTaken. The caller
// has validated it with catalogue.ValidateUnit.
func (s *Store) CreateUnit(ctx context.Context, u *catalogue.Unit) error {
	id, err := s.catInsertID(ctx, s.db, `INSERT INTO units (site_id, parent_id, code, name, kind, address, phone, email, valid_from, valid_to, position)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		u.SiteID, catNullID(u.ParentID), u.Code, u.Name, u.Kind, u.Address, u.Phone, u.Email, catDate(u.ValidFrom), catDate(u.ValidTo), u.Position)
	if err != nil {
		return uniqueAs(err, ErrUnitCodeTaken)
	}
	u.ID = id
	return nil
}

// UpdateUnit saves a unit.
func (s *Store) UpdateUnit(ctx context.Context, u catalogue.Unit) error {
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE units SET parent_id = ?, code = ?, name = ?, kind = ?, address = ?, phone = ?, email = ?, valid_from = ?, valid_to = ?, position = ?
		WHERE site_id = ? AND id = ?`),
		catNullID(u.ParentID), u.Code, u.Name, u.Kind, u.Address, u.Phone, u.Email, catDate(u.ValidFrom), catDate(u.ValidTo), u.Position, u.SiteID, u.ID)
	if err != nil {
		return uniqueAs(err, ErrUnitCodeTaken)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

type catExecQuerier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// catInsertID runs an INSERT and returns the new row's id: RETURNING works on
// both engines (SQLite ≥ 3.35).
func (s *Store) catInsertID(ctx context.Context, db catExecQuerier, query string, args ...any) (int64, error) {
	var id int64
	err := db.QueryRowContext(ctx, s.q(query+` RETURNING id`), args...).Scan(&id)
	return id, err
}

// CreateUnit is Store.CreateUnit inside the transaction.
func (t *Tx) CreateUnit(ctx context.Context, u *catalogue.Unit) error {
	id, err := t.s.catInsertID(ctx, t.tx, `INSERT INTO units (site_id, parent_id, code, name, kind, address, phone, email, valid_from, valid_to, position)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		u.SiteID, catNullID(u.ParentID), u.Code, u.Name, u.Kind, u.Address, u.Phone, u.Email, catDate(u.ValidFrom), catDate(u.ValidTo), u.Position)
	if err != nil {
		return uniqueAs(err, ErrUnitCodeTaken)
	}
	u.ID = id
	return nil
}
