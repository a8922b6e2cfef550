package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/dossierstats"
)

// Per-day summary rows of the public statistics (dossier_day_stats,
// dossierstats.Contribute): every change to a dossier takes back its old
// contribution and adds its new one in the change's own transaction, so the
// rows are exact whenever a transaction commits.

// factsCols reads what dossierstats.Facts needs, and no personal field.
const factsCols = `d.id, d.site_id, d.unit_id, d.channel, d.status, d.received_at, d.due_at, d.finished_at, d.returned_at, d.paused_at,
	d.supplement_count, d.apology_count,
	CASE WHEN d.online_level IN ('full', 'partial') THEN 1 ELSE 0 END, d.digitised, d.result_electronic,
	CASE WHEN EXISTS (SELECT 1 FROM dossier_complaints c WHERE c.dossier_id = d.id) THEN 1 ELSE 0 END,
	CASE WHEN EXISTS (SELECT 1 FROM dossier_ratings r WHERE r.dossier_id = d.id AND r.overall <= 2) THEN 1 ELSE 0 END`

func scanFacts(row interface{ Scan(...any) error }) (dossierstats.Facts, error) {
	var f dossierstats.Facts
	d := &f.Dossier
	var received, due, finished, returned, paused sql.NullTime
	var elig, dig, res, compl, bad int
	err := row.Scan(&d.ID, &d.SiteID, &d.UnitID, &d.Channel, &d.Status, &received, &due, &finished, &returned, &paused,
		&d.SupplementCount, &d.ApologyCount, &elig, &dig, &res, &compl, &bad)
	d.ReceivedAt, d.DueAt, d.FinishedAt, d.ReturnedAt, d.PausedAt = nullTime(received), nullTime(due), nullTime(finished), nullTime(returned), nullTime(paused)
	f.Eligible, f.Digitised, f.ResultElectronic, f.Complained, f.RatedBad = elig == 1, dig == 1, res == 1, compl == 1, bad == 1
	return f, err
}

// dossierFacts reads one dossier's facts inside tx.
func (s *Store) dossierFacts(ctx context.Context, tx *sql.Tx, id int64) (dossierstats.Facts, error) {
	return scanFacts(tx.QueryRowContext(ctx, s.q(`SELECT `+factsCols+` FROM dossiers d WHERE d.id = ?`), id))
}

// dayDeltas collects contributions per site before they are written.
type dayDeltas map[int64]map[dossierstats.DayKey]dossierstats.DayCounts

func (dd dayDeltas) add(f dossierstats.Facts, sign int64) {
	m := dd[f.Dossier.SiteID]
	if m == nil {
		m = map[dossierstats.DayKey]dossierstats.DayCounts{}
		dd[f.Dossier.SiteID] = m
	}
	dossierstats.Contribute(f, sign, m)
}

// apply upserts the non-zero rows, keys sorted so two transactions touching
// the same rows lock them in the same order (no PostgreSQL deadlock).
func (s *Store) applyDayDeltas(ctx context.Context, tx *sql.Tx, dd dayDeltas) error {
	cols := dossierstats.DayColumns
	var set []string
	for _, c := range cols {
		set = append(set, c+" = dossier_day_stats."+c+" + excluded."+c)
	}
	stmt := s.q(`INSERT INTO dossier_day_stats (site_id, unit_id, day, ` + strings.Join(cols, ", ") + `) VALUES (?, ?, ?` +
		strings.Repeat(", ?", len(cols)) + `) ON CONFLICT (site_id, day, unit_id) DO UPDATE SET ` + strings.Join(set, ", "))
	sites := make([]int64, 0, len(dd))
	for site := range dd {
		sites = append(sites, site)
	}
	sort.Slice(sites, func(i, j int) bool { return sites[i] < sites[j] })
	for _, site := range sites {
		m := dd[site]
		keys := make([]dossierstats.DayKey, 0, len(m))
		for k, c := range m {
			if !c.Zero() {
				keys = append(keys, k)
			}
		}
		sort.Slice(keys, func(i, j int) bool {
			if keys[i].Day != keys[j].Day {
				return keys[i].Day < keys[j].Day
			}
			return keys[i].Unit < keys[j].Unit
		})
		for _, k := range keys {
			c := m[k]
			args := []any{site, k.Unit, k.Day}
			for _, p := range c.Fields() {
				args = append(args, *p)
			}
			if _, err := tx.ExecContext(ctx, stmt, args...); err != nil {
				return fmt.Errorf("day summaries: %w", err)
			}
		}
	}
	// The month and year rows after every day row, each set in key order:
	// the same lock order in every transaction.
	for _, site := range sites {
		if err := s.applySpanDeltas(ctx, tx, site, dd[site]); err != nil {
			return err
		}
	}
	return nil
}

type spanKey struct {
	kind dossierstats.SpanKind
	span string
	unit int64
}

// applySpanDeltas adds a site's day deltas to their month and year rows.
func (s *Store) applySpanDeltas(ctx context.Context, tx *sql.Tx, site int64, days map[dossierstats.DayKey]dossierstats.DayCounts) error {
	spans := map[spanKey]dossierstats.DayCounts{}
	for k, c := range days {
		month, year := dossierstats.SpanKeys(k.Day)
		for _, sk := range []spanKey{{dossierstats.SpanMonth, month, k.Unit}, {dossierstats.SpanYear, year, k.Unit}} {
			t := spans[sk]
			for i, p := range c.Fields() {
				*t.Fields()[i] += *p
			}
			spans[sk] = t
		}
	}
	keys := make([]spanKey, 0, len(spans))
	for k, c := range spans {
		if !c.Zero() {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		if a.span != b.span {
			return a.span < b.span
		}
		return a.unit < b.unit
	})
	cols := dossierstats.DayColumns
	var set []string
	for _, c := range cols {
		set = append(set, c+" = dossier_span_stats."+c+" + excluded."+c)
	}
	stmt := s.q(`INSERT INTO dossier_span_stats (site_id, unit_id, kind, span, ` + strings.Join(cols, ", ") + `) VALUES (?, ?, ?, ?` +
		strings.Repeat(", ?", len(cols)) + `) ON CONFLICT (site_id, kind, span, unit_id) DO UPDATE SET ` + strings.Join(set, ", "))
	for _, k := range keys {
		c := spans[k]
		args := []any{site, k.unit, int(k.kind), k.span}
		for _, p := range c.Fields() {
			args = append(args, *p)
		}
		if _, err := tx.ExecContext(ctx, stmt, args...); err != nil {
			return fmt.Errorf("month and year summaries: %w", err)
		}
	}
	return nil
}

// refreshDays re-reads dossier id's facts after a change made in tx and
// moves its contribution from before to now.
func (s *Store) refreshDays(ctx context.Context, tx *sql.Tx, before dossierstats.Facts, id int64) error {
	after, err := s.dossierFacts(ctx, tx, id)
	if err != nil {
		return err
	}
	dd := dayDeltas{}
	dd.add(before, -1)
	dd.add(after, +1)
	return s.applyDayDeltas(ctx, tx, dd)
}

// withDays runs change inside a transaction and keeps dossier id's summary
// rows in step with it: complaints, digitisation and ratings change facts
// the statistics count without a dossier event.
func (s *Store) withDays(ctx context.Context, tx *sql.Tx, id int64, change func() error) error {
	before, err := s.dossierFacts(ctx, tx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	if err := change(); err != nil {
		return err
	}
	return s.refreshDays(ctx, tx, before, id)
}

// moveDays is the dossier-event part: the row before the event (zero for
// a new dossier) and after it; the recorded facts do not change in a move
// except the online level, frozen at receipt, which only counts once
// received.
func (s *Store) moveDays(ctx context.Context, tx *sql.Tx, before dossier.Dossier, id int64) error {
	after, err := s.dossierFacts(ctx, tx, id)
	if err != nil {
		return err
	}
	dd := dayDeltas{}
	if before.ID != 0 {
		b := after
		b.Dossier = before
		dd.add(b, -1)
	}
	dd.add(after, +1)
	return s.applyDayDeltas(ctx, tx, dd)
}

// RebuildDaySummaries recomputes every summary row of every site from the
// dossiers, in one transaction: after a restore, an import that bypassed
// the store, or to check the rows (cong stats rebuild). It returns how many
// dossiers were read.
func (s *Store) RebuildDaySummaries(ctx context.Context) (int, error) {
	n := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, t := range []string{"dossier_day_stats", "dossier_span_stats"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+t); err != nil {
				return err
			}
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+factsCols+` FROM dossiers d`)
		if err != nil {
			return err
		}
		dd := dayDeltas{}
		for rows.Next() {
			f, err := scanFacts(rows)
			if err != nil {
				rows.Close()
				return err
			}
			dd.add(f, +1)
			n++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		return s.applyDayDeltas(ctx, tx, dd)
	})
	return n, err
}

// dossierDaySums sums the summary rows per unit: in is the days [From,
// To), before every day before From. Each is a few ranges of day, month
// and year rows (dossierstats.Spans), read in one statement.
func (s *Store) dossierDaySums(ctx context.Context, siteID int64, from, to time.Time, units []int64) (in, before map[int64]dossierstats.DayCounts, err error) {
	var sums []string
	for _, c := range dossierstats.DayColumns {
		sums = append(sums, "CAST(SUM("+c+") AS BIGINT)")
	}
	cols := strings.Join(dossierstats.DayColumns, ", ")
	f, t := dossierstats.Day(from), dossierstats.Day(to)
	parts := map[int][]dossierstats.SpanRange{1: dossierstats.Spans(f, t), 0: dossierstats.Spans("", f)}
	b := &binder{}
	var sel []string
	for _, inside := range []int{1, 0} {
		var day, span []string
		var dayArgs, spanArgs []any
		for _, r := range parts[inside] {
			if r.Kind == dossierstats.SpanDay {
				day = append(day, "day >= ? AND day < ?")
				dayArgs = append(dayArgs, r.From, r.To)
				continue
			}
			span = append(span, "kind = ? AND span >= ? AND span < ?")
			spanArgs = append(spanArgs, int(r.Kind), r.From, r.To)
		}
		for _, x := range []struct {
			table string
			conds []string
			args  []any
		}{{"dossier_day_stats", day, dayArgs}, {"dossier_span_stats", span, spanArgs}} {
			if len(x.conds) == 0 {
				continue
			}
			// Arguments in text order: site, ranges, units.
			q := fmt.Sprintf(`SELECT unit_id, %d AS inside, %s FROM %s d WHERE site_id = ? AND (%s)`, inside, cols, x.table, strings.Join(x.conds, " OR "))
			b.args = append(append(b.args, siteID), x.args...)
			if units != nil {
				q += strings.Replace(s.unitFilter(b, units), "+d.unit_id", "d.unit_id", 1)
			}
			sel = append(sel, q)
		}
	}
	in, before = map[int64]dossierstats.DayCounts{}, map[int64]dossierstats.DayCounts{}
	if len(sel) == 0 {
		return in, before, nil
	}
	query := `SELECT unit_id, inside, ` + strings.Join(sums, ", ") + ` FROM (` + strings.Join(sel, " UNION ALL ") + `) x GROUP BY unit_id, inside`
	rows, err := s.db.QueryContext(ctx, s.q(query), b.args...)
	if err != nil {
		return nil, nil, fmt.Errorf("day summaries: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var unit int64
		var inside int
		var c dossierstats.DayCounts
		dest := []any{&unit, &inside}
		for _, p := range c.Fields() {
			dest = append(dest, p)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, nil, err
		}
		if inside == 1 {
			in[unit] = c
		} else {
			before[unit] = c
		}
	}
	return in, before, rows.Err()
}
