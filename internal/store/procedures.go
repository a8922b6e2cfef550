package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/viet"
)

// ErrProcedureCodeTaken is returned when another procedure of the site has
// the code.
var ErrProcedureCodeTaken = errors.New("mã thủ tục đã được dùng cho thủ tục khác")

const procedureCols = `id, site_id, code, slug, name, field, level, time_amount, time_unit, fees, steps, legal_basis, result, applicant, conditions, published, created_at, updated_at`

func scanProcedure(row interface{ Scan(...any) error }) (catalogue.Procedure, error) {
	var p catalogue.Procedure
	err := row.Scan(&p.ID, &p.SiteID, &p.Code, &p.Slug, &p.Name, &p.Field, &p.Level, &p.TimeAmount, &p.TimeUnit, &p.Fees, &p.Steps, &p.LegalBasis, &p.Result, &p.Applicant, &p.Conditions, &p.Published, &p.CreatedAt, &p.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	return p, err
}

type catQueryer interface {
	catExecQuerier
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Procedure returns the procedure of the site whose slug or code is
// slugOrCode, with its units and components, published or not: public
// callers check Published.
func (s *Store) Procedure(ctx context.Context, siteID int64, slugOrCode string) (catalogue.Procedure, error) {
	return s.procedureWhere(ctx, s.db, `site_id = ? AND (slug = ? OR code = ?) ORDER BY CASE WHEN slug = ? THEN 0 ELSE 1 END LIMIT 1`, siteID, slugOrCode, slugOrCode, slugOrCode)
}

// ProcedureByID returns one procedure of the site with its units and
// components.
func (s *Store) ProcedureByID(ctx context.Context, siteID, id int64) (catalogue.Procedure, error) {
	return s.procedureWhere(ctx, s.db, `site_id = ? AND id = ?`, siteID, id)
}

func (s *Store) procedureWhere(ctx context.Context, db catQueryer, where string, args ...any) (catalogue.Procedure, error) {
	p, err := scanProcedure(db.QueryRowContext(ctx, s.q(`SELECT `+procedureCols+` FROM procedures WHERE `+where), args...))
	if err != nil {
		return p, err
	}
	if err := s.loadProcedureParts(ctx, db, &p); err != nil {
		return p, err
	}
	return p, nil
}

func (s *Store) loadProcedureParts(ctx context.Context, db catQueryer, p *catalogue.Procedure) error {
	rows, err := db.QueryContext(ctx, s.q(`SELECT `+prefixed("u.", unitCols)+` FROM units u JOIN procedure_units pu ON pu.unit_id = u.id WHERE pu.procedure_id = ? ORDER BY u.position, u.id`), p.ID)
	if err != nil {
		return err
	}
	p.Units = nil
	for rows.Next() {
		u, err := scanUnit(rows)
		if err != nil {
			rows.Close()
			return err
		}
		p.Units = append(p.Units, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = db.QueryContext(ctx, s.q(`SELECT id, procedure_id, position, name, required, copies, template_file, template_name FROM procedure_components WHERE procedure_id = ? ORDER BY position, id`), p.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	p.Components = nil
	for rows.Next() {
		var c catalogue.Component
		var file, name sql.NullString
		if err := rows.Scan(&c.ID, &c.ProcedureID, &c.Position, &c.Name, &c.Required, &c.Copies, &file, &name); err != nil {
			return err
		}
		c.TemplateFile, c.TemplateName = file.String, name.String
		p.Components = append(p.Components, c)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	return s.loadProcedureFees(ctx, db, p)
}

func prefixed(prefix, cols string) string {
	parts := strings.Split(cols, ", ")
	for i := range parts {
		parts[i] = prefix + parts[i]
	}
	return strings.Join(parts, ", ")
}

// ProcedureFilter selects catalogue entries. Zero fields do not filter.
type ProcedureFilter struct {
	SiteID        int64
	Query         *viet.Query // nil: no text search
	Field         string
	UnitID        int64
	Level         string
	PublishedOnly bool
	Offset, Limit int // Limit 0: all
}

// Procedures returns one page of the procedures matching f, in Vietnamese
// alphabetical order of their names, and the number of matches. Units are
// loaded, components are not. The catalogue of a site is a few thousand rows
// at most, so matching ids and names are sorted in Go, where Vietnamese
// collation is available on both engines, and only the page is read in full.
func (s *Store) Procedures(ctx context.Context, f ProcedureFilter) ([]catalogue.Procedure, int, error) {
	where := []string{"site_id = ?"}
	args := []any{f.SiteID}
	if f.PublishedOnly {
		where = append(where, "published = ?")
		args = append(args, true)
	}
	if f.Field != "" {
		where = append(where, "field = ?")
		args = append(args, f.Field)
	}
	if f.Level != "" {
		where = append(where, "level = ?")
		args = append(args, f.Level)
	}
	if f.UnitID != 0 {
		where = append(where, "id IN (SELECT procedure_id FROM procedure_units WHERE unit_id = ?)")
		args = append(args, f.UnitID)
	}
	if f.Query != nil {
		for _, pat := range catalogue.SearchPatterns(*f.Query) {
			where = append(where, "search_text LIKE ?")
			args = append(args, pat)
		}
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, name FROM procedures WHERE `+strings.Join(where, " AND ")), args...)
	if err != nil {
		return nil, 0, err
	}
	type hit struct {
		id   int64
		name string
	}
	var hits []hit
	for rows.Next() {
		var h hit
		if err := rows.Scan(&h.id, &h.name); err != nil {
			rows.Close()
			return nil, 0, err
		}
		hits = append(hits, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if c := viet.Compare(hits[i].name, hits[j].name); c != 0 {
			return c < 0
		}
		return hits[i].id < hits[j].id
	})
	total := len(hits)
	if f.Offset > 0 {
		hits = hits[min(f.Offset, len(hits)):]
	}
	if f.Limit > 0 && len(hits) > f.Limit {
		hits = hits[:f.Limit]
	}
	if len(hits) == 0 {
		return []catalogue.Procedure{}, total, nil
	}
	// The page in two queries: its rows, then all their units.
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(hits)), ", ")
	ids := make([]any, len(hits))
	pos := map[int64]int{}
	for i, h := range hits {
		ids[i], pos[h.id] = h.id, i
	}
	out := make([]catalogue.Procedure, len(hits))
	rows, err = s.db.QueryContext(ctx, s.q(`SELECT `+procedureCols+` FROM procedures WHERE id IN (`+marks+`)`), ids...)
	if err != nil {
		return nil, 0, err
	}
	for rows.Next() {
		p, err := scanProcedure(rows)
		if err != nil {
			rows.Close()
			return nil, 0, err
		}
		out[pos[p.ID]] = p
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	rows, err = s.db.QueryContext(ctx, s.q(`SELECT pu.procedure_id, `+prefixed("u.", unitCols)+` FROM units u JOIN procedure_units pu ON pu.unit_id = u.id
		WHERE pu.procedure_id IN (`+marks+`) ORDER BY u.position, u.id`), ids...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var pid int64
		var u catalogue.Unit
		var parent sql.NullInt64
		var from, to sql.NullTime
		if err := rows.Scan(&pid, &u.ID, &u.SiteID, &parent, &u.Code, &u.Name, &u.Kind, &u.Address, &u.Phone, &u.Email, &from, &to, &u.Position); err != nil {
			return nil, 0, err
		}
		u.ParentID, u.ValidFrom, u.ValidTo = parent.Int64, catCivilDate(from), catCivilDate(to)
		i := pos[pid]
		out[i].Units = append(out[i].Units, u)
	}
	return out, total, rows.Err()
}

// ProcedureFields returns the distinct fields (lĩnh vực) of the site's
// procedures in Vietnamese order, for the filter.
func (s *Store) ProcedureFields(ctx context.Context, siteID int64, publishedOnly bool) ([]string, error) {
	q := `SELECT DISTINCT field FROM procedures WHERE site_id = ? AND field <> ''`
	args := []any{siteID}
	if publishedOnly {
		q += ` AND published = ?`
		args = append(args, true)
	}
	rows, err := s.db.QueryContext(ctx, s.q(q), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var f string
		if err := rows.Scan(&f); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	viet.Sort(out)
	return out, rows.Err()
}

// SaveProcedure inserts p (ID 0) or updates it, replacing its units and
// syncing its components by id (kept ids are updated in place, so dossier
// files that point at a component keep pointing at it). A taken code is
// ErrProcedureCodeTaken; a slug taken by another procedure gets the code
// appended.
func (s *Store) SaveProcedure(ctx context.Context, p *catalogue.Procedure) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.saveProcedureTx(ctx, tx, p) })
}

// SaveProcedure is Store.SaveProcedure inside the transaction.
func (t *Tx) SaveProcedure(ctx context.Context, p *catalogue.Procedure) error {
	return t.s.saveProcedureTx(ctx, t.tx, p)
}

// ProcedureByCode finds a procedure with its parts inside the transaction.
func (t *Tx) ProcedureByCode(ctx context.Context, siteID int64, code string) (catalogue.Procedure, error) {
	return t.s.procedureWhere(ctx, t.tx, `site_id = ? AND code = ?`, siteID, code)
}

// Units lists the site's units inside the transaction.
func (t *Tx) Units(ctx context.Context, siteID int64) ([]catalogue.Unit, error) {
	rows, err := t.tx.QueryContext(ctx, t.s.q(`SELECT `+unitCols+` FROM units WHERE site_id = ? ORDER BY position, id`), siteID)
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

func (s *Store) saveProcedureTx(ctx context.Context, tx *sql.Tx, p *catalogue.Procedure) error {
	now := dbTime(time.Now())
	var taken int64
	err := tx.QueryRowContext(ctx, s.q(`SELECT id FROM procedures WHERE site_id = ? AND slug = ? AND id <> ?`), p.SiteID, p.Slug, p.ID).Scan(&taken)
	switch {
	case err == nil:
		p.Slug = viet.Slug(p.Slug + " " + p.Code)
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	search := catalogue.SearchText(*p)
	if p.ID == 0 {
		p.CreatedAt, p.UpdatedAt = now, now
		id, err := s.catInsertID(ctx, tx, `INSERT INTO procedures (site_id, code, slug, name, field, level, time_amount, time_unit, fees, steps, legal_basis, result, applicant, conditions, published, search_text, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			p.SiteID, p.Code, p.Slug, p.Name, p.Field, p.Level, p.TimeAmount, p.TimeUnit, p.Fees, p.Steps, p.LegalBasis, p.Result, p.Applicant, p.Conditions, p.Published, search, now, now)
		if err != nil {
			return uniqueAs(err, ErrProcedureCodeTaken)
		}
		p.ID = id
	} else {
		p.UpdatedAt = now
		res, err := tx.ExecContext(ctx, s.q(`UPDATE procedures SET code = ?, slug = ?, name = ?, field = ?, level = ?, time_amount = ?, time_unit = ?, fees = ?, steps = ?, legal_basis = ?, result = ?, applicant = ?, conditions = ?, published = ?, search_text = ?, updated_at = ?
			WHERE site_id = ? AND id = ?`),
			p.Code, p.Slug, p.Name, p.Field, p.Level, p.TimeAmount, p.TimeUnit, p.Fees, p.Steps, p.LegalBasis, p.Result, p.Applicant, p.Conditions, p.Published, search, now, p.SiteID, p.ID)
		if err != nil {
			return uniqueAs(err, ErrProcedureCodeTaken)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
	}
	if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM procedure_units WHERE procedure_id = ?`), p.ID); err != nil {
		return err
	}
	seen := map[int64]bool{}
	for _, u := range p.Units {
		if seen[u.ID] {
			continue
		}
		seen[u.ID] = true
		// The unit must belong to the procedure's site.
		res, err := tx.ExecContext(ctx, s.q(`INSERT INTO procedure_units (procedure_id, unit_id) SELECT ?, id FROM units WHERE id = ? AND site_id = ?`), p.ID, u.ID, p.SiteID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
	}
	if err := s.saveProcedureFees(ctx, tx, p); err != nil {
		return err
	}
	return s.syncComponents(ctx, tx, p)
}

func (s *Store) syncComponents(ctx context.Context, tx *sql.Tx, p *catalogue.Procedure) error {
	rows, err := tx.QueryContext(ctx, s.q(`SELECT id FROM procedure_components WHERE procedure_id = ?`), p.ID)
	if err != nil {
		return err
	}
	existing := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		existing[id] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	kept := map[int64]bool{}
	for i := range p.Components {
		c := &p.Components[i]
		c.ProcedureID, c.Position = p.ID, i+1
		file, name := catNullString(c.TemplateFile), catNullString(c.TemplateName)
		if c.ID != 0 && existing[c.ID] {
			kept[c.ID] = true
			if _, err := tx.ExecContext(ctx, s.q(`UPDATE procedure_components SET position = ?, name = ?, required = ?, copies = ?, template_file = ?, template_name = ? WHERE id = ?`),
				c.Position, c.Name, c.Required, c.Copies, file, name, c.ID); err != nil {
				return err
			}
			continue
		}
		id, err := s.catInsertID(ctx, tx, `INSERT INTO procedure_components (procedure_id, position, name, required, copies, template_file, template_name) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			p.ID, c.Position, c.Name, c.Required, c.Copies, file, name)
		if err != nil {
			return err
		}
		c.ID = id
	}
	for id := range existing {
		if !kept[id] {
			if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM procedure_components WHERE id = ?`), id); err != nil {
				return err
			}
		}
	}
	return nil
}

func catNullString(v string) any {
	if v == "" {
		return nil
	}
	return v
}

// SetProcedurePublished publishes or withdraws a procedure.
func (s *Store) SetProcedurePublished(ctx context.Context, siteID, id int64, published bool) error {
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE procedures SET published = ?, updated_at = ? WHERE site_id = ? AND id = ?`), published, dbTime(time.Now()), siteID, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// InUseError refuses to delete a catalogue row that other rows still need.
type InUseError struct {
	Dossiers, Procedures, Children int
}

func (e *InUseError) Error() string {
	return fmt.Sprintf("còn %d hồ sơ, %d thủ tục và %d đơn vị trực thuộc", e.Dossiers, e.Procedures, e.Children)
}

func (s *Store) countWhere(ctx context.Context, tx *sql.Tx, q string, args ...any) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, s.q(q), args...).Scan(&n)
	return n, err
}

// DeleteProcedure deletes a procedure that no dossier refers to; one with
// dossiers is an *InUseError (unpublish it instead). Its components and unit
// links go with it.
func (s *Store) DeleteProcedure(ctx context.Context, siteID, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		n, err := s.countWhere(ctx, tx, `SELECT COUNT(*) FROM dossiers WHERE procedure_id = ?`, id)
		if err != nil {
			return err
		}
		if n > 0 {
			return &InUseError{Dossiers: n}
		}
		res, err := tx.ExecContext(ctx, s.q(`DELETE FROM procedures WHERE site_id = ? AND id = ?`), siteID, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return nil
	})
}

// DeleteUnit deletes a unit entered by mistake: one with dossiers,
// procedures or units under it is an *InUseError (a real unit that stops
// existing gets an end date instead and stays as history).
func (s *Store) DeleteUnit(ctx context.Context, siteID, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var e InUseError
		var err error
		if e.Dossiers, err = s.countWhere(ctx, tx, `SELECT COUNT(*) FROM dossiers WHERE unit_id = ?`, id); err != nil {
			return err
		}
		if e.Procedures, err = s.countWhere(ctx, tx, `SELECT COUNT(*) FROM procedure_units WHERE unit_id = ?`, id); err != nil {
			return err
		}
		if e.Children, err = s.countWhere(ctx, tx, `SELECT COUNT(*) FROM units WHERE parent_id = ?`, id); err != nil {
			return err
		}
		if e.Dossiers+e.Procedures+e.Children > 0 {
			return &e
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM user_units WHERE unit_id = ?`), id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q(`DELETE FROM units WHERE site_id = ? AND id = ?`), siteID, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return nil
	})
}
