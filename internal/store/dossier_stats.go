package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/dossierstats"
	"github.com/congportal/cong/internal/viet"
)

// Public statistics of the desk (Decision 766): one pass of conditional
// aggregation per query, grouped by unit; the roll-up over the unit tree and
// the rates are dossierstats' job. Definitions are on dossierstats.Counts.

// DossierStatsQuery is what DossierStats counts.
type DossierStatsQuery struct {
	From, To time.Time // the period [From, To)
	// AsOf is min(To, now): open dossiers are judged at it.
	AsOf time.Time
	// Units limits the count to these unit ids (nil: every unit).
	Units []int64
	// Clock is the working calendar: "near due" needs working time.
	Clock dossier.Clock
}

// NearDueCutoff is the latest appointment that is "near due" at at: one
// working day (dossier.NearDueLeft) ahead, pushed to the next working
// instant because WorkingBetween(at, due) stays at NearDueLeft over the
// non-working time that follows. AddWorking is monotonic, so
// WorkingBetween(at, due) <= NearDueLeft ⇔ due <= cutoff, which lets SQL
// compare against one precomputed instant instead of doing calendar maths.
func NearDueCutoff(c dossier.Clock, at time.Time) time.Time {
	return c.AddWorking(c.AddWorking(at, dossier.NearDueLeft), 0)
}

// binder turns :NAME markers into '?' and collects the arguments in order of
// appearance, so a long query can name the same instant many times.
type binder struct {
	named map[string]any
	args  []any
}

func (b *binder) bind(sqlText string) string {
	var out strings.Builder
	for i := 0; i < len(sqlText); i++ {
		if sqlText[i] == ':' && i+1 < len(sqlText) && sqlText[i+1] >= 'A' && sqlText[i+1] <= 'Z' {
			j := i + 1
			for j < len(sqlText) && sqlText[j] >= 'A' && sqlText[j] <= 'Z' {
				j++
			}
			v, ok := b.named[sqlText[i+1:j]]
			if !ok {
				panic("dossier stats: unbound " + sqlText[i:j])
			}
			out.WriteByte('?')
			b.args = append(b.args, v)
			i = j - 1
			continue
		}
		out.WriteByte(sqlText[i])
	}
	return out.String()
}

// localDay is the calendar day in Vietnam of a timestamp column, comparable
// between two columns of one row (the "early" rule compares End's day with
// the appointment's day, which no single precomputed instant can do).
// Vietnam has kept +07:00 without DST since 1975, and stored times are UTC.
func (s *Store) localDay(col string) string {
	if s.dialect == Postgres {
		return "CAST((" + col + " AT TIME ZONE 'Asia/Ho_Chi_Minh') AS date)"
	}
	return "date(" + col + ", '+7 hours')"
}

// fence keeps the engines from merging the inner select into the outer
// aggregate: merged, End and the local days would be evaluated again at each
// of their twenty-odd uses per row (measured 2–3× slower on SQLite at 20 000 rows). A LIMIT
// stops SQLite's flattening, OFFSET 0 PostgreSQL's subquery pull-up.
func (s *Store) fence() string {
	if s.dialect == Postgres {
		return " OFFSET 0"
	}
	return " LIMIT -1"
}

func (s *Store) unitFilter(b *binder, units []int64) string {
	plus := "+"
	if s.dialect == Postgres {
		plus = "" // its planner weighs the ranges with real statistics
	}
	if units == nil {
		return ""
	}
	if len(units) == 0 {
		return " AND 1 = 0"
	}
	var sb strings.Builder
	// In SQLite the unary plus keeps the planner on the time ranges: the
	// unit index would read every dossier the units ever had.
	sb.WriteString(" AND " + plus + "d.unit_id IN (")
	for i, u := range units {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteByte('?')
		b.args = append(b.args, u)
	}
	sb.WriteString(")")
	return sb.String()
}

// endExpr is dossier.End in SQL: the instant the clock stopped for good
// (finished_at, else returned_at, capped by a supplement pause), NULL while
// the dossier is open. Every closing move sets finished_at (transition.go),
// so returned_at only matters for rows written by other tools.
const endExpr = `CASE WHEN d.status IN (3, 7, 8, 9, 10) THEN
		CASE WHEN d.paused_at IS NOT NULL AND d.paused_at < COALESCE(d.finished_at, d.returned_at) THEN d.paused_at
		ELSE COALESCE(d.finished_at, d.returned_at) END END`

// DossierStats counts the period's figures per unit (not rolled up).
//
// The rows read are the four kinds that can contribute, each an index
// range on both engines (migration 0020): received in the period; closed in
// it (finished_at is set by every closing move, and End ≤ finished_at);
// received before it and closed after it (carried over and still running
// at its end: the received_at test is answered from the index entry); and
// still open (few; the outer sums pick the carried ones).
//
// This is the reference the per-day summaries are checked against (tests,
// cong stats rebuild); pages read DossierStats.
func (s *Store) DossierStatsFromRows(ctx context.Context, siteID int64, q DossierStatsQuery) (map[int64]dossierstats.Counts, error) {
	out, err := s.dossierStatsRows(ctx, siteID, q, rowsAll)
	if err != nil {
		return nil, err
	}
	return out, s.addPaymentCounts(ctx, siteID, q, out)
}

// DossierStats counts the period's figures per unit (not rolled up): the
// flow figures (received, finished, closed, carried over, and the facts
// recorded on them) are sums of the summary rows (dossier_days.go), a few
// dozen rows per unit whatever the number of dossiers. In progress at the
// end (in time, near due, overdue): the dossiers still open are counted by
// class in SQL from a covering index (openInProgress); the ones closed
// since, for a period already over (judged at its end), come from the
// summaries' running balances (those near due from the few due just after
// the end), and for the running period from the dossiers (closed after its
// end is none, in real data).
func (s *Store) DossierStats(ctx context.Context, siteID int64, q DossierStatsQuery) (map[int64]dossierstats.Counts, error) {
	if q.Clock == nil {
		return nil, fmt.Errorf("dossier stats: no calendar")
	}
	in, before, err := s.dossierDaySums(ctx, siteID, q.From, q.To, q.Units)
	if err != nil {
		return nil, err
	}
	over := q.AsOf.Equal(q.To) && dossierstats.Day(q.To) != dossierstats.Day(q.To.Add(-time.Nanosecond))
	prog, err := s.openInProgress(ctx, siteID, q)
	if err != nil {
		return nil, err
	}
	if !over {
		closed, err := s.dossierStatsRows(ctx, siteID, q, rowsClosedAfter)
		if err != nil {
			return nil, err
		}
		for u, c := range closed {
			p := prog[u]
			p.Add(c)
			prog[u] = p
		}
	} else {
		near, err := s.closedNearDue(ctx, siteID, q)
		if err != nil {
			return nil, err
		}
		units := map[int64]bool{}
		for u := range in {
			units[u] = true
		}
		for u := range before {
			units[u] = true
		}
		for u := range units {
			upTo := before[u]
			c := in[u]
			for i, p := range c.Fields() {
				*upTo.Fields()[i] += *p
			}
			p := prog[u]
			p.Add(dossierstats.ClosedInProgress(upTo, near[u]))
			prog[u] = p
		}
	}
	out := map[int64]dossierstats.Counts{}
	for u, c := range in {
		out[u] = dossierstats.FromDays(c, before[u])
	}
	for u, c := range before {
		if _, ok := in[u]; !ok {
			out[u] = dossierstats.FromDays(dossierstats.DayCounts{}, c)
		}
	}
	for u, p := range prog {
		c := out[u]
		c.InTime, c.NearDue, c.Overdue = p.InTime, p.NearDue, p.Overdue
		out[u] = c
	}
	// Payments are few and indexed by dossier: counted from their rows.
	if err := s.addPaymentCounts(ctx, siteID, q, out); err != nil {
		return nil, err
	}
	for u, c := range out {
		if c == (dossierstats.Counts{}) {
			delete(out, u)
		}
	}
	return out, nil
}

// rowsScope is which dossiers dossierStatsRows reads.
type rowsScope int

const (
	rowsAll         rowsScope = iota // every figure
	rowsClosedAfter                  // in progress only: closed now, but after the end of the period
)

// dossierStatsRows counts from the dossiers themselves: every figure, or
// only the in-progress ones of the dossiers in scope.
func (s *Store) dossierStatsRows(ctx context.Context, siteID int64, q DossierStatsQuery, scope rowsScope) (map[int64]dossierstats.Counts, error) {
	onlyOpen := scope != rowsAll
	if q.Clock == nil {
		return nil, fmt.Errorf("dossier stats: no calendar")
	}
	b := &binder{named: map[string]any{
		"S": siteID, "F": dbTime(q.From), "T": dbTime(q.To), "A": dbTime(q.AsOf),
		"C": dbTime(NearDueCutoff(q.Clock, q.AsOf)),
	}}
	recv := `x.received_at IS NOT NULL AND (x.received_at >= :F AND x.received_at < :T OR x.received_at < :F AND (x.e IS NULL OR x.e >= :F))`
	fin := `x.status IN (9, 10) AND x.due_at IS NOT NULL AND x.e >= :F AND x.e < :T`
	late := `(x.supplement_count >= 2 OR x.e > x.due_at)`
	// Open at the end of the period, and not waiting for a supplement at
	// AsOf (those are judged at their pause, in Go below).
	prog := `x.received_at < :T AND x.due_at IS NOT NULL AND (x.e IS NULL OR x.e >= :T) AND NOT (x.e IS NULL AND x.paused_at IS NOT NULL AND x.paused_at <= :A)`
	overdue := `(x.supplement_count >= 2 OR x.due_at < :A)`
	closedIn := func(st int) string { return fmt.Sprintf(`x.status = %d AND x.e >= :F AND x.e < :T`, st) }
	sum := func(cond string) string { return "SUM(CASE WHEN " + cond + " THEN 1 ELSE 0 END)" }
	// Dissatisfied, for Decision 766's "tỷ lệ hài lòng trong tiếp nhận,
	// giải quyết TTHC": late, or with a complaint or petition recorded, or
	// rated "không hài lòng" or worse by the citizen. One row counts once
	// whatever the number of reasons.
	dissatisfied := `(` + late + ` OR x.complained = 1 OR x.rated_bad = 1)`
	cols := []string{
		sum(`x.received_at >= :F AND x.received_at < :T`),
		sum(`x.received_at < :F AND (x.e IS NULL OR x.e >= :F)`),
		sum(`x.channel = 2 AND x.received_at >= :F AND x.received_at < :T`),
		sum(`x.channel = 2 AND x.received_at < :F AND (x.e IS NULL OR x.e >= :F)`),
		// Online shares count each dossier once, in the period it was
		// received: carried-over dossiers were counted in theirs.
		sum(`x.eligible = 1 AND x.received_at >= :F AND x.received_at < :T`),
		sum(`x.eligible = 1 AND x.channel = 2 AND x.received_at >= :F AND x.received_at < :T`),
		sum(fin + ` AND NOT ` + late + ` AND x.eday < x.dday`),
		sum(fin + ` AND NOT ` + late + ` AND x.eday >= x.dday`),
		sum(fin + ` AND ` + late),
		sum(prog + ` AND NOT ` + overdue + ` AND x.due_at > :C`),
		sum(prog + ` AND NOT ` + overdue + ` AND x.due_at <= :C`),
		sum(prog + ` AND ` + overdue),
		sum(closedIn(7)), sum(closedIn(3)), sum(closedIn(8)),
		sum(`x.apology_count > 0 AND ` + recv),
		sum(fin + ` AND x.complained = 1`),
		sum(fin + ` AND x.rated_bad = 1`),
		sum(fin + ` AND ` + dissatisfied),
		sum(`x.digitised = 1 AND x.received_at >= :F AND x.received_at < :T`),
		sum(fin + ` AND x.result_electronic = 1`),
	}
	if onlyOpen {
		// Only the in-progress sums (columns 9–11) are wanted: the others
		// cost a CASE each per row for nothing.
		for i := range cols {
			if i < 9 || i > 11 {
				cols[i] = "0"
			}
		}
	}
	where := `(d.site_id = :S AND d.received_at >= :F AND d.received_at < :T
		OR d.site_id = :S AND d.finished_at >= :F AND d.finished_at < :T
		OR d.site_id = :S AND d.finished_at >= :T AND d.received_at < :F
		OR d.site_id = :S AND d.status IN (2, 4, 5, 6))`
	if scope == rowsClosedAfter {
		// Closed (End is set, so the open ones counted by openInProgress
		// are not counted twice) and open at the end of the period.
		where = `d.site_id = :S AND d.finished_at >= :T AND d.received_at < :T AND d.status IN (3, 7, 8, 9, 10)`
	}
	// The inner select computes End and the two local days once per row;
	// the outer one only compares.
	head := b.bind(`SELECT x.unit_id, ` + strings.Join(cols, ",\n\t") + `
	FROM (SELECT d.unit_id, d.channel, d.status, d.received_at, d.due_at, d.paused_at, d.supplement_count, d.apology_count,
		d.digitised, d.result_electronic,
		CASE WHEN d.online_level IN ('full', 'partial') THEN 1 ELSE 0 END AS eligible,
		CASE WHEN d.status IN (9, 10) AND EXISTS (SELECT 1 FROM dossier_complaints c WHERE c.dossier_id = d.id) THEN 1 ELSE 0 END AS complained,
		CASE WHEN d.status = 10 AND EXISTS (SELECT 1 FROM dossier_ratings r WHERE r.dossier_id = d.id AND r.overall <= 2) THEN 1 ELSE 0 END AS rated_bad,
		` + endExpr + ` AS e,
		CASE WHEN d.status IN (9, 10) THEN ` + s.localDay(endExpr) + ` END AS eday,
		CASE WHEN d.status IN (9, 10) THEN ` + s.localDay("d.due_at") + ` END AS dday
	FROM dossiers d
	WHERE ` + where)
	query := head + s.unitFilter(b, q.Units) + s.fence() + `) x GROUP BY x.unit_id`
	rows, err := s.db.QueryContext(ctx, s.q(query), b.args...)
	if err != nil {
		return nil, fmt.Errorf("dossier stats: %w", err)
	}
	defer rows.Close()
	out := map[int64]dossierstats.Counts{}
	for rows.Next() {
		var id int64
		var n [21]sql.NullInt64
		dest := []any{&id}
		for i := range n {
			dest = append(dest, &n[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		v := func(i int) int64 { return n[i].Int64 }
		out[id] = dossierstats.Counts{New: v(0), Carried: v(1), NewOnline: v(2), CarriedOnline: v(3),
			Eligible: v(4), EligibleOnline: v(5), Early: v(6), OnTime: v(7), Late: v(8),
			InTime: v(9), NearDue: v(10), Overdue: v(11), Withdrawn: v(12), Refused: v(13), Stopped: v(14), Apologised: v(15),
			Complained: v(16), RatedBad: v(17), Dissatisfied: v(18), Digitised: v(19), ResultElectronic: v(20)}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if scope == rowsClosedAfter {
		return out, nil // the paused ones are open: openInProgress's
	}
	return out, s.addPausedStats(ctx, siteID, q, "", out)
}

// openInProgress splits the dossiers open now (received before the end T
// of the period) into in time, near due and overdue at AsOf, per unit: the
// classes are appointment ranges around two precomputed instants (AsOf and
// NearDueCutoff(AsOf)), so one grouped pass over the covering partial index
// dossiers_stats_open counts them without reading a row (a province has
// ~10 000 open dossiers; reading and classifying them row by row took most
// of the running month's time); the WHERE repeats the index's condition
// word for word, as the planners use a partial index only when they see
// that it applies. A dossier waiting for a supplement is judged at its
// pause (dossier.Classify): overdue if paused after its appointment, in
// time if its appointment is after the cutoff of AsOf (the cutoff of an
// earlier pause is no later: AddWorking is monotonic); only the rest,
// paused before an appointment that falls by that cutoff, need the
// calendar and are read one by one (addPausedStats, index
// dossiers_stats_paused).
func (s *Store) openInProgress(ctx context.Context, siteID int64, q DossierStatsQuery) (map[int64]dossierstats.Counts, error) {
	b := &binder{named: map[string]any{"S": siteID, "T": dbTime(q.To), "A": dbTime(q.AsOf), "C": dbTime(NearDueCutoff(q.Clock, q.AsOf))}}
	// In SQLite the unary plus strips the columns' NUMERIC affinity
	// (declared TIMESTAMP, stored as text): compared with a bound text
	// instant, SQLite would otherwise try to read the instant as a number
	// at every row (a sixth of the query's time). On received_at it also
	// keeps the planner from a skip-scan over the units for the receipt
	// range, which brings the sort back: every open dossier of the site
	// is wanted anyway.
	plus := "+"
	if s.dialect == Postgres {
		plus = ""
	}
	due, pausedAt := plus+"d.due_at", plus+"d.paused_at"
	paused := `d.paused_at IS NOT NULL AND ` + pausedAt + ` <= :A`
	// Each class in as few comparisons as the rules allow (they are most
	// of the cost): in time is fewer than two supplement requests and an
	// appointment after the cutoff, paused or not (a pause is at or
	// before AsOf, so before the appointment). The index's order by unit
	// spares SQLite a sort for the GROUP BY.
	head := b.bind(`SELECT d.unit_id,
		SUM(CASE WHEN d.supplement_count < 2 AND ` + due + ` > :C THEN 1 ELSE 0 END),
		SUM(CASE WHEN d.supplement_count >= 2 OR ` + due + ` > :C OR ` + due + ` < :A OR ` + paused + ` THEN 0 ELSE 1 END),
		SUM(CASE WHEN d.supplement_count >= 2 THEN 1
			WHEN ` + paused + ` THEN CASE WHEN d.paused_at > d.due_at THEN 1 ELSE 0 END
			WHEN ` + due + ` < :A THEN 1 ELSE 0 END)
		FROM dossiers d
		WHERE d.site_id = :S AND d.status IN (2, 4, 5, 6) AND ` + plus + `d.received_at < :T AND d.due_at IS NOT NULL`)
	rows, err := s.db.QueryContext(ctx, s.q(head+s.unitFilter(b, q.Units)+` GROUP BY d.unit_id`), b.args...)
	if err != nil {
		return nil, fmt.Errorf("dossier stats: %w", err)
	}
	defer rows.Close()
	out := map[int64]dossierstats.Counts{}
	for rows.Next() {
		var u int64
		var c dossierstats.Counts
		if err := rows.Scan(&u, &c.InTime, &c.NearDue, &c.Overdue); err != nil {
			return nil, err
		}
		out[u] = c
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	undecided := ` AND d.supplement_count < 2 AND d.paused_at <= d.due_at AND d.due_at <= :C`
	return out, s.addPausedStats(ctx, siteID, q, undecided, out)
}

// closedNearDue counts per unit the dossiers closed since the end T of a
// period that were near due at T (dossierstats.ClosedInProgress): not
// overdue (fewer than two supplement requests, due at T or later) and due
// by NearDueCutoff(T). The appointment range is an index range of
// dossiers_site_status per closed status: a few days of appointments.
func (s *Store) closedNearDue(ctx context.Context, siteID int64, q DossierStatsQuery) (map[int64]int64, error) {
	b := &binder{named: map[string]any{"S": siteID, "T": dbTime(q.To), "C": dbTime(NearDueCutoff(q.Clock, q.To))}}
	// In SQLite the unary pluses keep the planner on the appointment
	// range: without them it reads every dossier received before T, or
	// every dossier of the site in unit order to avoid sorting a few rows.
	plus := "+"
	if s.dialect == Postgres {
		plus = ""
	}
	head := b.bind(`SELECT ` + plus + `d.unit_id, COUNT(*) FROM dossiers d
		WHERE d.site_id = :S AND d.status IN (3, 7, 8, 9, 10) AND d.due_at >= :T AND d.due_at <= :C
		AND ` + plus + `d.received_at < :T AND d.supplement_count < 2 AND ` + endExpr + ` >= :T`)
	rows, err := s.db.QueryContext(ctx, s.q(head+s.unitFilter(b, q.Units)+` GROUP BY 1`), b.args...)
	if err != nil {
		return nil, fmt.Errorf("dossier stats: %w", err)
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var u, n int64
		if err := rows.Scan(&u, &n); err != nil {
			return nil, err
		}
		out[u] = n
	}
	return out, rows.Err()
}

// addPausedStats classifies the open dossiers waiting for a supplement at
// AsOf with dossier.Classify itself: they are judged at their pause, which
// would need calendar maths per row in SQL, and there are few of them.
// only narrows them further (SQL with the same named instants, and :C;
// {+} is the unary plus where the dialect has it).
func (s *Store) addPausedStats(ctx context.Context, siteID int64, q DossierStatsQuery, only string, out map[int64]dossierstats.Counts) error {
	b := &binder{named: map[string]any{"S": siteID, "T": dbTime(q.To), "A": dbTime(q.AsOf), "C": dbTime(NearDueCutoff(q.Clock, q.AsOf))}}
	// The unary pluses: see openInProgress (no numeric reading of the
	// instants at every open dossier of the site).
	plus := "+"
	if s.dialect == Postgres {
		plus = ""
	}
	head := b.bind(`SELECT d.unit_id, d.due_at, d.paused_at, d.supplement_count FROM dossiers d
		WHERE d.site_id = :S AND d.status IN (2, 4, 5, 6) AND d.paused_at IS NOT NULL AND ` + plus + `d.paused_at <= :A
		AND ` + plus + `d.received_at < :T AND d.due_at IS NOT NULL` + strings.ReplaceAll(only, "{+}", plus))
	rows, err := s.db.QueryContext(ctx, s.q(head+s.unitFilter(b, q.Units)), b.args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		d := dossier.Dossier{Status: dossier.Supplement}
		if err := rows.Scan(&d.UnitID, &d.DueAt, &d.PausedAt, &d.SupplementCount); err != nil {
			return err
		}
		c := out[d.UnitID]
		switch dossier.Classify(&d, q.AsOf, q.Clock) {
		case dossier.Overdue:
			c.Overdue++
		case dossier.NearDue:
			c.NearDue++
		default:
			c.InTime++
		}
		out[d.UnitID] = c
	}
	return rows.Err()
}

// MonthCount is one month of the chart: new dossiers received and dossiers
// finished (9/10 by End), with the late ones among them.
type MonthCount struct {
	Received, Finished, Late int64
}

// DossierMonthly counts, for each month [bounds[i], bounds[i+1]) (bounds
// are month starts in Vietnam), new receipts and dossiers finished (9/10),
// with the late ones among them: one grouped pass over the monthly summary
// rows.
func (s *Store) DossierMonthly(ctx context.Context, siteID int64, bounds []time.Time, units []int64) ([]MonthCount, error) {
	if len(bounds) < 2 {
		return nil, nil
	}
	idx := map[string]int{}
	for i := 0; i+1 < len(bounds); i++ {
		idx[bounds[i].In(dossier.Loc).Format("2006-01")] = i
	}
	out := make([]MonthCount, len(bounds)-1)
	// Whole months: their own summary rows, one per unit and month.
	first, _ := dossierstats.SpanKeys(dossierstats.Day(bounds[0]))
	last, _ := dossierstats.SpanKeys(dossierstats.Day(bounds[len(bounds)-1]))
	b := &binder{named: map[string]any{"S": siteID, "K": int(dossierstats.SpanMonth), "F": first, "T": last}}
	query := b.bind(`SELECT d.span, CAST(SUM(d.new) AS BIGINT), CAST(SUM(d.early + d.on_time + d.late) AS BIGINT), CAST(SUM(d.late) AS BIGINT)
		FROM dossier_span_stats d WHERE d.site_id = :S AND d.kind = :K AND d.span >= :F AND d.span < :T`)
	if units != nil {
		query += strings.Replace(s.unitFilter(b, units), "+d.unit_id", "d.unit_id", 1)
	}
	rows, err := s.db.QueryContext(ctx, s.q(query+` GROUP BY 1`), b.args...)
	if err != nil {
		return nil, fmt.Errorf("dossier monthly: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var m string
		var c MonthCount
		if err := rows.Scan(&m, &c.Received, &c.Finished, &c.Late); err != nil {
			return nil, err
		}
		if i, ok := idx[m]; ok {
			out[i] = c
		}
	}
	return out, rows.Err()
}

// HistoricalDossier is a dossier written directly, with its history, by the
// demo and the benchmark: no transition checks and no in-transaction hook
// (no forms, no mail; the per-day statistics rows are written), so the
// caller must make the row consistent — the same times and statuses
// dossier.Apply would have produced.
type HistoricalDossier struct {
	dossier.Dossier
	Events []dossier.Event
}

// InsertHistoricalDossiers bulk-inserts dossiers whose Code is already set,
// with their events, in one transaction of multi-row inserts, and raises
// the per-day code sequences past the codes used so later dossiers of those
// days never collide.
func (s *Store) InsertHistoricalDossiers(ctx context.Context, ds []HistoricalDossier) error {
	const perStmt = 400 // 400 rows × 29 columns stays under both engines' parameter limits
	return s.inTx(ctx, func(tx *sql.Tx) error {
		seq := map[[3]string]int{}
		for start := 0; start < len(ds); start += perStmt {
			chunk := ds[start:min(start+perStmt, len(ds))]
			var sb strings.Builder
			sb.WriteString(`INSERT INTO dossiers (site_id, code, procedure_id, unit_id, channel, status, prev_status,
				applicant_name, applicant_folded, applicant_id_number, applicant_dob, applicant_phone, applicant_email, applicant_address,
				private_token_hash, submitted_at, responded_at, received_at, due_at, finished_at, returned_at, paused_at,
				paused_total_seconds, supplement_count, updated_at, apology_count, new_due_at, version, online_level, digitised) VALUES `)
			args := make([]any, 0, len(chunk)*29)
			for i, h := range chunk {
				d := h.Dossier
				if i > 0 {
					sb.WriteString(", ")
				}
				sb.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, COALESCE((SELECT level FROM procedures WHERE id = ?), ''), ?)")
				upd := d.UpdatedAt
				if upd.IsZero() {
					upd = d.SubmittedAt
				}
				args = append(args, d.SiteID, d.Code, d.ProcedureID, d.UnitID, int(d.Channel), int(d.Status), int(d.PrevStatus),
					d.ApplicantName, viet.Fold(d.ApplicantName), d.ApplicantIDNumber, d.ApplicantDOB, d.ApplicantPhone, d.ApplicantEmail, d.ApplicantAddress,
					d.PrivateTokenHash, dbTime(d.SubmittedAt), optTime(d.RespondedAt), optTime(d.ReceivedAt), optTime(d.DueAt),
					optTime(d.FinishedAt), optTime(d.ReturnedAt), optTime(d.PausedAt),
					int64(d.PausedTotal/time.Second), d.SupplementCount, dbTime(upd), d.ApologyCount, optTime(d.NewDueAt),
					d.ProcedureID, boolInt(d.Channel == dossier.Online))
				if k, n, ok := codeSeq(d.Code); ok {
					key := [3]string{fmt.Sprint(d.SiteID), k[0], k[1]}
					seq[key] = max(seq[key], n)
				}
			}
			if _, err := tx.ExecContext(ctx, s.q(sb.String()), args...); err != nil {
				return fmt.Errorf("insert historical dossiers: %w", err)
			}
			if err := s.insertHistoricalEvents(ctx, tx, chunk); err != nil {
				return err
			}
			if err := s.historicalDays(ctx, tx, chunk); err != nil {
				return err
			}
		}
		for k, n := range seq {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO dossier_seq (site_id, unit_code, day, last) VALUES (?, ?, ?, ?)
				ON CONFLICT (site_id, unit_code, day) DO UPDATE SET last = CASE WHEN dossier_seq.last < excluded.last THEN excluded.last ELSE dossier_seq.last END`),
				k[0], k[1], k[2], n); err != nil {
				return err
			}
		}
		return nil
	})
}

// insertHistoricalEvents finds each dossier by its code (unique) so the
// events need no RETURNING order guarantee.
func (s *Store) insertHistoricalEvents(ctx context.Context, tx *sql.Tx, chunk []HistoricalDossier) error {
	const perStmt = 500 // × 7 parameters
	type ev struct {
		code string
		e    dossier.Event
	}
	var all []ev
	for _, h := range chunk {
		for _, e := range h.Events {
			all = append(all, ev{h.Code, e})
		}
	}
	for start := 0; start < len(all); start += perStmt {
		part := all[start:min(start+perStmt, len(all))]
		var sb strings.Builder
		sb.WriteString(`INSERT INTO dossier_events (dossier_id, at, actor_label, from_status, to_status, action, note) VALUES `)
		args := make([]any, 0, len(part)*7)
		for i, x := range part {
			if i > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString("((SELECT id FROM dossiers WHERE code = ?), ?, ?, ?, ?, ?, ?)")
			args = append(args, x.code, dbTime(x.e.At), x.e.ActorLabel, int(x.e.From), int(x.e.To), string(x.e.Action), x.e.Note)
		}
		if _, err := tx.ExecContext(ctx, s.q(sb.String()), args...); err != nil {
			return fmt.Errorf("insert historical events: %w", err)
		}
	}
	return nil
}

// codeSeq splits UNIT-YYMMDD-NNNN into its sequence key and number.
func codeSeq(code string) ([2]string, int, bool) {
	i := strings.LastIndexByte(code, '-')
	if i < 0 {
		return [2]string{}, 0, false
	}
	j := strings.LastIndexByte(code[:i], '-')
	if j < 0 {
		return [2]string{}, 0, false
	}
	var n int
	if _, err := fmt.Sscanf(code[i+1:], "%d", &n); err != nil {
		return [2]string{}, 0, false
	}
	return [2]string{code[:j], code[j+1 : i]}, n, true
}

// historicalDays adds the chunk's dossiers to the per-day summaries, read
// back by code like their events.
func (s *Store) historicalDays(ctx context.Context, tx *sql.Tx, chunk []HistoricalDossier) error {
	args := make([]any, len(chunk))
	for i, h := range chunk {
		args[i] = h.Code
	}
	rows, err := tx.QueryContext(ctx, s.q(`SELECT `+factsCols+` FROM dossiers d WHERE d.code IN (?`+strings.Repeat(", ?", len(chunk)-1)+`)`), args...)
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
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	return s.applyDayDeltas(ctx, tx, dd)
}
