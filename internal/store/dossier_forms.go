package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/forms"
)

// The forms of TT 01/2018 a dossier's moves produce (mẫu 01–05). Each is a
// row of dossier_forms written in the move's transaction, holding a JSON
// snapshot of what the form prints; the PDF is drawn from it on download.

// FormFor is the form an event calls for, 0 when none: the receipt at
// receipt (online or at the counter), the supplement request, the refusal,
// the apology, and the control sheet when the result is returned.
func FormFor(ev dossier.Event) forms.Kind {
	switch {
	case ev.Action == dossier.ActReceive && ev.From == dossier.New && ev.To == dossier.Received:
		return forms.Receipt
	case ev.Action == dossier.ActRequestSupplement:
		return forms.Supplement
	case ev.Action == dossier.ActRefuse:
		return forms.Refusal
	case ev.Action == dossier.ActApologise:
		return forms.Apology
	case ev.Action == dossier.ActReturn:
		return forms.Control
	}
	return 0
}

// recordDossierForms records the form the event calls for, inside the
// event's transaction: it exists if and only if the move happened.
func (s *Store) recordDossierForms(ctx context.Context, tx *sql.Tx, d dossier.Dossier, ev dossier.Event) error {
	kind := FormFor(ev)
	if kind == 0 {
		return nil
	}
	data, err := s.formSnapshot(ctx, tx, d, ev, kind)
	if err != nil {
		return err
	}
	if kind == forms.Control {
		// At return the clock has stopped: the on-time rule needs no
		// calendar to judge a closed dossier.
		data.Result = dossier.Classify(&d, ev.At, nil).String()
	}
	js, err := data.Marshal()
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, s.q(`INSERT INTO dossier_forms (dossier_id, form, created_at, data) VALUES (?, ?, ?, ?)`),
		d.ID, int(kind), dbTime(ev.At), js)
	return err
}

// querier is a transaction or the database: the live control sheet reads
// outside any transaction what the recorded one reads inside.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// formSnapshot gathers what the form prints as it is at the event.
func (s *Store) formSnapshot(ctx context.Context, q querier, d dossier.Dossier, ev dossier.Event, kind forms.Kind) (forms.Data, error) {
	f := forms.Data{
		Form: kind, IssuedAt: ev.At.UTC(), Code: d.Code, Channel: d.Channel.String(),
		ApplicantName: d.ApplicantName, ApplicantID: d.ApplicantIDNumber, ApplicantAddress: d.ApplicantAddress,
		ApplicantPhone: d.ApplicantPhone, ApplicantEmail: d.ApplicantEmail,
		SubmittedAt: d.SubmittedAt, ReceivedAt: d.ReceivedAt, DueAt: d.DueAt, NewDueAt: d.NewDueAt,
		FinishedAt: d.FinishedAt, ReturnedAt: d.ReturnedAt,
		Officer: ev.ActorLabel, Reason: ev.Note,
		LookupPath: "/tra-cuu?ma=" + d.Code,
	}
	if kind == forms.Apology {
		f.Reason = dossier.ApologyReason(ev.Note)
	}
	if kind == forms.Receipt || kind == forms.Control {
		f.Reason = ""
	}
	var parent, siteAgency string
	err := q.QueryRowContext(ctx, s.q(`SELECT un.name, un.address, un.phone, COALESCE(pu.name, ''), si.agency
		FROM units un JOIN sites si ON si.id = un.site_id LEFT JOIN units pu ON pu.id = un.parent_id
		WHERE un.id = ?`), d.UnitID).Scan(&f.Unit, &f.UnitAddress, &f.UnitPhone, &parent, &siteAgency)
	if err != nil {
		return f, err
	}
	// The body above the unit: its parent in the unit tree, else the
	// site's agency.
	f.Agency = parent
	if f.Agency == "" && siteAgency != f.Unit {
		f.Agency = siteAgency
	}
	var amount int
	var unit string
	err = q.QueryRowContext(ctx, s.q(`SELECT name, code, time_amount, time_unit FROM procedures WHERE id = ?`), d.ProcedureID).
		Scan(&f.Procedure, &f.ProcedureCode, &amount, &unit)
	if err != nil {
		return f, err
	}
	f.ProcTime = catalogue.Procedure{TimeAmount: amount, TimeUnit: unit}.TimeText()
	if kind == forms.Receipt {
		if f.Components, err = submittedComponents(ctx, s, q, d); err != nil {
			return f, err
		}
	}
	if kind == forms.Control {
		rows, err := q.QueryContext(ctx, s.q(`SELECT at, actor_label, from_status, to_status, action, note
			FROM dossier_events WHERE dossier_id = ? ORDER BY id`), d.ID)
		if err != nil {
			return f, err
		}
		defer rows.Close()
		for rows.Next() {
			var e dossier.Event
			if err := rows.Scan(&e.At, &e.ActorLabel, &e.From, &e.To, &e.Action, &e.Note); err != nil {
				return f, err
			}
			st := forms.Step{At: e.At.UTC(), Action: dossier.ActionLabel(e.Action), To: e.To.String(), Actor: e.ActorLabel, Note: e.Note}
			if e.From.Valid() {
				st.From = e.From.String()
			}
			f.Steps = append(f.Steps, st)
		}
		if err := rows.Err(); err != nil {
			return f, err
		}
	}
	return f, nil
}

// DossierForm is one issued form of a dossier, without its snapshot.
type DossierForm struct {
	ID        int64
	DossierID int64
	Kind      forms.Kind
	CreatedAt time.Time
}

// DossierForms lists the forms issued for a dossier, oldest first.
func (s *Store) DossierForms(ctx context.Context, dossierID int64) ([]DossierForm, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, dossier_id, form, created_at FROM dossier_forms WHERE dossier_id = ? ORDER BY id`), dossierID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DossierForm
	for rows.Next() {
		var f DossierForm
		if err := rows.Scan(&f.ID, &f.DossierID, &f.Kind, &f.CreatedAt); err != nil {
			return nil, err
		}
		f.CreatedAt = f.CreatedAt.UTC()
		out = append(out, f)
	}
	return out, rows.Err()
}

// DossierFormData returns the row id and snapshot of a dossier's form: the
// one with that id, or with id 0 the latest of the kind. ErrNotFound when
// the dossier has none (the move that issues it has not happened).
func (s *Store) DossierFormData(ctx context.Context, dossierID int64, kind forms.Kind, id int64) (int64, forms.Data, error) {
	var js string
	var err error
	if id != 0 {
		err = s.db.QueryRowContext(ctx, s.q(`SELECT id, data FROM dossier_forms WHERE dossier_id = ? AND form = ? AND id = ?`), dossierID, int(kind), id).Scan(&id, &js)
	} else {
		err = s.db.QueryRowContext(ctx, s.q(`SELECT id, data FROM dossier_forms WHERE dossier_id = ? AND form = ? ORDER BY id DESC LIMIT 1`), dossierID, int(kind)).Scan(&id, &js)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return 0, forms.Data{}, ErrNotFound
	}
	if err != nil {
		return 0, forms.Data{}, err
	}
	d, err := forms.Unmarshal(js)
	return id, d, err
}

// LiveControlForm is the control sheet (form 05) of the dossier as it
// stands, for officers following a dossier still in progress. It is dated
// at the latest event, so it reads the same until the dossier moves again;
// result is the on-time classification the caller computed with its
// calendar.
func (s *Store) LiveControlForm(ctx context.Context, d dossier.Dossier, result string) (forms.Data, error) {
	var last dossier.Event
	err := s.db.QueryRowContext(ctx, s.q(`SELECT at, actor_label FROM dossier_events WHERE dossier_id = ? ORDER BY id DESC LIMIT 1`), d.ID).
		Scan(&last.At, &last.ActorLabel)
	if errors.Is(err, sql.ErrNoRows) {
		return forms.Data{}, ErrNotFound
	}
	if err != nil {
		return forms.Data{}, err
	}
	f, err := s.formSnapshot(ctx, s.db, d, last, forms.Control)
	f.Result = result
	return f, err
}

// submittedComponents lists, for form 01, the components the dossier was
// received with (catalogue.SubmittedComponents), not the whole catalogue.
func submittedComponents(ctx context.Context, s *Store, q querier, d dossier.Dossier) ([]forms.Component, error) {
	has := map[int64]bool{}
	rows, err := q.QueryContext(ctx, s.q(`SELECT DISTINCT component_id FROM dossier_files WHERE dossier_id = ? AND component_id IS NOT NULL`), d.ID)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		has[id] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = q.QueryContext(ctx, s.q(`SELECT id, name, required, copies FROM procedure_components WHERE procedure_id = ? ORDER BY position, id`), d.ProcedureID)
	if err != nil {
		return nil, err
	}
	var all []catalogue.Component
	for rows.Next() {
		var c catalogue.Component
		if err := rows.Scan(&c.ID, &c.Name, &c.Required, &c.Copies); err != nil {
			rows.Close()
			return nil, err
		}
		all = append(all, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []forms.Component
	for _, c := range catalogue.SubmittedComponents(all, func(id int64) bool { return has[id] }) {
		out = append(out, forms.Component{Name: c.Name, Copies: c.Copies})
	}
	return out, nil
}
