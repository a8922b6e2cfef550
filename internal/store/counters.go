package store

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Visitor is a visitor hash (visit.VisitorHash): never an IP address.
type Visitor [16]byte

// ViewEvent is a view counted locally, still to be checked against the
// database-wide view window.
type ViewEvent struct {
	Article int64
	Visitor Visitor
	At      int64 // unix seconds
}

// VisitorDay is a visitor seen on a local day ("2006-01-02"), with what
// the analytics keep of their first counted page that day. Those fields are
// added to the day's figures only by the flush that inserts the
// visitor-day, so on any number of instances each dimension sums to the
// day's visitors.
type VisitorDay struct {
	Day     string
	Visitor Visitor
	Source  VisitSource
}

// VisitSource is the coarse description of a visit that analytics keep:
// referrer group and host (never the full address), device kind and
// browser family (never the User-Agent).
type VisitSource struct {
	RefGroup, RefHost, Device, Browser string
}

// DayReason counts requests of a day not counted, by exclusion reason.
type DayReason struct {
	Day    string
	Reason string
}

// PresenceEvent is the last time a visitor made a counted request.
type PresenceEvent struct {
	Visitor Visitor
	At      int64 // unix seconds
}

// CounterBatch is everything one instance counted since its last flush.
type CounterBatch struct {
	SiteID   int64
	Window   time.Duration // view window; 0 counts every view
	Views    []ViewEvent
	Visitors []VisitorDay
	Presence []PresenceEvent
	// What the stats read back needs: the local day, Monday of its week, and
	// now, all decided by the caller's clock and zone.
	Today, Monday string
	Now           time.Time
	Prune         bool // also delete expired marks, presence and visitor-days
	// Rejected counts requests not counted (bots, …) by day and reason.
	Rejected map[DayReason]int64
}

// VisitStats are the sidebar's "Thống kê truy cập" figures.
type VisitStats struct {
	Online int64 `json:"online"`
	Today  int64 `json:"today"`
	Week   int64 `json:"week"`
	Total  int64 `json:"total"`
}

// FlushResult is what a flush learned: the new totals of the articles it
// touched and the site's visit figures.
type FlushResult struct {
	Views map[int64]int64
	Stats VisitStats
}

// onlineWindow is DESIGN §4's "last 5 minutes".
const onlineWindow = 5 * 60

// chunk bounds rows per multi-row statement, well under both engines'
// parameter limits.
const chunk = 200

// FlushCounters applies a batch in one transaction (DESIGN §4): view-window
// marks and visitor-days are deduplicated by primary key, so several
// instances on one database count each view and visitor exactly once; views
// are added with views = views + Δ in id order; nothing is read-modify-written.
// Keys are sorted so concurrent flushes on PostgreSQL take row locks in the
// same order and cannot deadlock. The stats are read back in the same
// transaction, so a flush is the only database work counting does.
func (s *Store) FlushCounters(ctx context.Context, b CounterBatch) (FlushResult, error) {
	res := FlushResult{Views: map[int64]int64{}}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		deltas, err := s.flushViews(ctx, tx, b)
		if err != nil {
			return err
		}
		ids := make([]int64, 0, len(deltas))
		for id := range deltas {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		tally := trafficTally{}
		for _, id := range ids {
			var total int64
			var cat sql.NullInt64
			err := tx.QueryRowContext(ctx, s.q(`UPDATE articles SET views = views + ? WHERE id = ? RETURNING views, category_id`), deltas[id], id).Scan(&total, &cat)
			if errors.Is(err, sql.ErrNoRows) {
				continue // deleted since it was viewed
			}
			if err != nil {
				return err
			}
			res.Views[id] = total
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO article_daily_views (article_id, day, views, site_id) VALUES (?, ?, ?, ?)
				ON CONFLICT (article_id, day) DO UPDATE SET views = article_daily_views.views + excluded.views`), id, b.Today, deltas[id], b.SiteID); err != nil {
				return err
			}
			for _, period := range periodsOf(b.Today) {
				if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO article_period_views (article_id, period, site_id, views) VALUES (?, ?, ?, ?)
					ON CONFLICT (article_id, period) DO UPDATE SET views = article_period_views.views + excluded.views`), id, period, b.SiteID, deltas[id]); err != nil {
					return err
				}
			}
			tally.add(b.Today, "views", "", "", deltas[id])
			if cat.Valid {
				tally.add(b.Today, "category", strconv.FormatInt(cat.Int64, 10), "", deltas[id])
			}
		}
		if err := s.flushVisitors(ctx, tx, b, tally); err != nil {
			return err
		}
		for k, n := range b.Rejected {
			tally.add(k.Day, "bot", k.Reason, "", n)
		}
		if err := s.flushTraffic(ctx, tx, b.SiteID, tally); err != nil {
			return err
		}
		if err := s.flushPresence(ctx, tx, b); err != nil {
			return err
		}
		if b.Prune {
			if err := s.pruneCounters(ctx, tx, b); err != nil {
				return err
			}
		}
		res.Stats, err = s.visitStats(ctx, tx, b.SiteID, b.Today, b.Monday, b.Now)
		return err
	})
	return res, err
}

func (s *Store) flushViews(ctx context.Context, tx *sql.Tx, b CounterBatch) (map[int64]int64, error) {
	deltas := map[int64]int64{}
	if len(b.Views) == 0 {
		return deltas, nil
	}
	if b.Window <= 0 {
		for _, v := range b.Views {
			deltas[v.Article]++
		}
		return deltas, nil
	}
	ev := append([]ViewEvent(nil), b.Views...)
	sort.Slice(ev, func(i, j int) bool {
		if ev[i].Article != ev[j].Article {
			return ev[i].Article < ev[j].Article
		}
		if c := bytes.Compare(ev[i].Visitor[:], ev[j].Visitor[:]); c != 0 {
			return c < 0
		}
		return ev[i].At < ev[j].At
	})
	// One row per key per statement: PostgreSQL refuses to update a row twice
	// in one INSERT … ON CONFLICT. Keep the earliest event of a pair.
	uniq := ev[:0]
	for i, e := range ev {
		if i > 0 && e.Article == ev[i-1].Article && e.Visitor == ev[i-1].Visitor {
			continue
		}
		uniq = append(uniq, e)
	}
	win := int64(b.Window / time.Second)
	if win < 1 {
		win = 1
	}
	for start := 0; start < len(uniq); start += chunk {
		part := uniq[start:min(start+chunk, len(uniq))]
		var sb strings.Builder
		args := make([]any, 0, len(part)*4+1)
		sb.WriteString(`INSERT INTO view_marks (site_id, article_id, visitor, last_at) VALUES `)
		for i, e := range part {
			if i > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString("(?, ?, ?, ?)")
			args = append(args, b.SiteID, e.Article, e.Visitor[:], e.At)
		}
		// A mark older than the window is renewed and the view counts; a
		// fresh one (this visitor counted recently, maybe on another
		// instance) is left alone and the view does not count. RETURNING
		// yields exactly the inserted and renewed rows.
		sb.WriteString(` ON CONFLICT (site_id, article_id, visitor) DO UPDATE SET last_at = excluded.last_at
			WHERE view_marks.last_at <= excluded.last_at - ? RETURNING article_id`)
		args = append(args, win)
		rows, err := tx.QueryContext(ctx, s.q(sb.String()), args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			deltas[id]++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return deltas, nil
}

func (s *Store) flushVisitors(ctx context.Context, tx *sql.Tx, b CounterBatch, tally trafficTally) error {
	if len(b.Visitors) == 0 {
		return nil
	}
	vd := append([]VisitorDay(nil), b.Visitors...)
	sort.SliceStable(vd, func(i, j int) bool {
		if vd[i].Day != vd[j].Day {
			return vd[i].Day < vd[j].Day
		}
		return bytes.Compare(vd[i].Visitor[:], vd[j].Visitor[:]) < 0
	})
	// One event per visitor-day (a retried batch may hold two): the first
	// keeps its source.
	uniq := vd[:0]
	for i, v := range vd {
		if i > 0 && v.Day == vd[i-1].Day && v.Visitor == vd[i-1].Visitor {
			continue
		}
		uniq = append(uniq, v)
	}
	vd = uniq
	type dv struct {
		day string
		v   Visitor
	}
	source := make(map[dv]VisitSource, len(vd))
	for _, v := range vd {
		source[dv{v.Day, v.Visitor}] = v.Source
	}
	added := map[string]int64{}
	for start := 0; start < len(vd); start += chunk {
		part := vd[start:min(start+chunk, len(vd))]
		var sb strings.Builder
		args := make([]any, 0, len(part)*3)
		sb.WriteString(`INSERT INTO visitor_days (site_id, day, visitor) VALUES `)
		for i, v := range part {
			if i > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString("(?, ?, ?)")
			args = append(args, b.SiteID, v.Day, v.Visitor[:])
		}
		sb.WriteString(` ON CONFLICT DO NOTHING RETURNING day, visitor`)
		rows, err := tx.QueryContext(ctx, s.q(sb.String()), args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var day string
			var raw []byte
			if err := rows.Scan(&day, &raw); err != nil {
				rows.Close()
				return err
			}
			added[day]++
			var v Visitor
			copy(v[:], raw)
			src := source[dv{day, v}]
			tally.add(day, "ref", src.RefGroup, src.RefHost, 1)
			tally.add(day, "device", src.Device, "", 1)
			tally.add(day, "browser", src.Browser, "", 1)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	days := make([]string, 0, len(added))
	for d := range added {
		days = append(days, d)
	}
	sort.Strings(days)
	for _, d := range days {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO daily_visits (site_id, day, visitors) VALUES (?, ?, ?)
			ON CONFLICT (site_id, day) DO UPDATE SET visitors = daily_visits.visitors + excluded.visitors`), b.SiteID, d, added[d]); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) flushPresence(ctx context.Context, tx *sql.Tx, b CounterBatch) error {
	if len(b.Presence) == 0 {
		return nil
	}
	pr := append([]PresenceEvent(nil), b.Presence...)
	sort.Slice(pr, func(i, j int) bool { return bytes.Compare(pr[i].Visitor[:], pr[j].Visitor[:]) < 0 })
	uniq := pr[:0]
	for i, p := range pr {
		if i > 0 && p.Visitor == pr[i-1].Visitor {
			if p.At > uniq[len(uniq)-1].At {
				uniq[len(uniq)-1].At = p.At
			}
			continue
		}
		uniq = append(uniq, p)
	}
	for start := 0; start < len(uniq); start += chunk {
		part := uniq[start:min(start+chunk, len(uniq))]
		var sb strings.Builder
		args := make([]any, 0, len(part)*3)
		sb.WriteString(`INSERT INTO presence (site_id, visitor, last_seen) VALUES `)
		for i, p := range part {
			if i > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString("(?, ?, ?)")
			args = append(args, b.SiteID, p.Visitor[:], p.At)
		}
		sb.WriteString(` ON CONFLICT (site_id, visitor) DO UPDATE SET last_seen = excluded.last_seen WHERE presence.last_seen < excluded.last_seen`)
		if _, err := tx.ExecContext(ctx, s.q(sb.String()), args...); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) pruneCounters(ctx context.Context, tx *sql.Tx, b CounterBatch) error {
	now := b.Now.Unix()
	win := int64(b.Window / time.Second)
	stmts := []struct {
		q    string
		args []any
	}{
		{`DELETE FROM view_marks WHERE last_at < ?`, []any{now - win - 60}},
		{`DELETE FROM presence WHERE last_seen < ?`, []any{now - onlineWindow - 60}},
		// Visitor-days are only needed while a day can still receive visits.
		{`DELETE FROM visitor_days WHERE day < ?`, []any{b.Monday}},
	}
	for _, st := range stmts {
		if _, err := tx.ExecContext(ctx, s.q(st.q), st.args...); err != nil {
			return err
		}
	}
	return nil
}

// VisitStats reads the site's visit figures.
func (s *Store) VisitStats(ctx context.Context, siteID int64, today, monday string, now time.Time) (VisitStats, error) {
	var st VisitStats
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		st, err = s.visitStats(ctx, tx, siteID, today, monday, now)
		return err
	})
	return st, err
}

func (s *Store) visitStats(ctx context.Context, tx *sql.Tx, siteID int64, today, monday string, now time.Time) (VisitStats, error) {
	var st VisitStats
	err := tx.QueryRowContext(ctx, s.q(`SELECT
		(SELECT COUNT(*) FROM presence WHERE site_id = ? AND last_seen >= ?),
		COALESCE((SELECT visitors FROM daily_visits WHERE site_id = ? AND day = ?), 0),
		COALESCE((SELECT SUM(visitors) FROM daily_visits WHERE site_id = ? AND day >= ? AND day <= ?), 0),
		COALESCE((SELECT SUM(visitors) FROM daily_visits WHERE site_id = ?), 0) + COALESCE((SELECT starting_total FROM sites WHERE id = ?), 0)`),
		siteID, now.Unix()-onlineWindow, siteID, today, siteID, monday, today, siteID, siteID).
		Scan(&st.Online, &st.Today, &st.Week, &st.Total)
	return st, err
}

// DailySalt returns the visitor-hash salt of a local day, creating it if no
// instance has yet. Salts older than two days are deleted: once a day's salt
// is gone, its hashes can no longer be linked to anyone.
func (s *Store) DailySalt(ctx context.Context, day, deleteBefore string) ([]byte, error) {
	salt := make([]byte, 32)
	if _, err := rand.Read(salt); err != nil {
		return nil, err
	}
	var out []byte
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO visit_salts (day, salt) VALUES (?, ?) ON CONFLICT (day) DO NOTHING`), day, salt); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM visit_salts WHERE day < ?`), deleteBefore); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, s.q(`SELECT salt FROM visit_salts WHERE day = ?`), day).Scan(&out)
	})
	return out, err
}
