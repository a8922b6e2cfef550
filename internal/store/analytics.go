package store

import (
	"context"
	"database/sql"
	"sort"
	"strconv"
	"strings"
	"time"
)

// trafficKey is one row of traffic_daily.
type trafficKey struct {
	day, kind, name, detail string
}

// trafficTally collects a flush's additions to traffic_daily.
type trafficTally map[trafficKey]int64

func (t trafficTally) add(day, kind, name, detail string, n int64) {
	if n != 0 {
		t[trafficKey{day, kind, name, detail}] += n
	}
}

// flushTraffic adds a flush's tally with n = n + Δ, keys sorted so
// concurrent flushes on PostgreSQL lock rows in one order.
func (s *Store) flushTraffic(ctx context.Context, tx *sql.Tx, siteID int64, t trafficTally) error {
	if len(t) == 0 {
		return nil
	}
	keys := make([]trafficKey, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.day != b.day {
			return a.day < b.day
		}
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		if a.name != b.name {
			return a.name < b.name
		}
		return a.detail < b.detail
	})
	for start := 0; start < len(keys); start += chunk {
		part := keys[start:min(start+chunk, len(keys))]
		var sb strings.Builder
		args := make([]any, 0, len(part)*6)
		sb.WriteString(`INSERT INTO traffic_daily (site_id, day, kind, name, detail, n) VALUES `)
		for i, k := range part {
			if i > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString("(?, ?, ?, ?, ?, ?)")
			args = append(args, siteID, k.day, k.kind, k.name, k.detail, t[k])
		}
		sb.WriteString(` ON CONFLICT (site_id, day, kind, name, detail) DO UPDATE SET n = traffic_daily.n + excluded.n`)
		if _, err := tx.ExecContext(ctx, s.q(sb.String()), args...); err != nil {
			return err
		}
	}
	return nil
}

// TrafficDay is one day of the analytics chart.
type TrafficDay struct {
	Day      string // 2006-01-02
	Visitors int64
	Views    int64
}

// TrafficItem is one row of a ranking: an article, a category, a referrer,
// a device kind, a browser or a bot reason.
type TrafficItem struct {
	ID     int64  // article or category id, else 0
	Name   string // title, category name, group, device kind, browser, reason
	Detail string // referrer host
	N      int64
}

// Traffic is a site's visitor analytics for a period of local days.
type Traffic struct {
	From, To      string
	Days          []TrafficDay
	Visitors      int64 // sum of daily distinct visitors
	Views         int64
	TopArticles   []TrafficItem
	TopCategories []TrafficItem
	Referrers     []TrafficItem
	Devices       []TrafficItem
	Browsers      []TrafficItem
	Bots          []TrafficItem
}

// Rankings are cut at these lengths; a year of referrer hosts would
// otherwise make the page as long as the portal's traffic is varied.
const (
	topArticles  = 20
	topReferrers = 30
)

// Traffic reads the analytics of days from..to (inclusive, "2006-01-02").
// Every figure comes from the per-day aggregates the counter flush writes,
// so it agrees with "Lượt xem" and the sidebar by construction.
func (s *Store) Traffic(ctx context.Context, siteID int64, from, to string) (Traffic, error) {
	tr := Traffic{From: from, To: to}
	byDay := map[string]*TrafficDay{}
	first, err := time.Parse("2006-01-02", from)
	if err != nil {
		return tr, err
	}
	last, err := time.Parse("2006-01-02", to)
	if err != nil {
		return tr, err
	}
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		tr.Days = append(tr.Days, TrafficDay{Day: d.Format("2006-01-02")})
	}
	for i := range tr.Days {
		byDay[tr.Days[i].Day] = &tr.Days[i]
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, s.q(`SELECT day, visitors FROM daily_visits WHERE site_id = ? AND day >= ? AND day <= ?`), siteID, from, to)
		if err != nil {
			return err
		}
		for rows.Next() {
			var day string
			var n int64
			if err := rows.Scan(&day, &n); err != nil {
				rows.Close()
				return err
			}
			if d := byDay[day]; d != nil {
				d.Visitors = n
				tr.Visitors += n
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		// Views per day, then the other dimensions summed by the database:
		// a year is some 25,000 rows, of which only the sums come back.
		rows, err = tx.QueryContext(ctx, s.q(`SELECT day, n FROM traffic_daily
			WHERE site_id = ? AND day >= ? AND day <= ? AND kind = 'views'`), siteID, from, to)
		if err != nil {
			return err
		}
		for rows.Next() {
			var day string
			var n int64
			if err := rows.Scan(&day, &n); err != nil {
				rows.Close()
				return err
			}
			if d := byDay[day]; d != nil {
				d.Views += n
				tr.Views += n
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		rows, err = tx.QueryContext(ctx, s.q(`SELECT kind, name, detail, SUM(n) FROM traffic_daily
			WHERE site_id = ? AND day >= ? AND day <= ? AND kind IN ('ref', 'device', 'browser', 'bot', 'category')
			GROUP BY kind, name, detail`), siteID, from, to)
		if err != nil {
			return err
		}
		sums := map[trafficKey]int64{}
		for rows.Next() {
			var k trafficKey
			var n int64
			if err := rows.Scan(&k.kind, &k.name, &k.detail, &n); err != nil {
				rows.Close()
				return err
			}
			sums[k] += n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		cats := map[int64]int64{}
		for k, n := range sums {
			it := TrafficItem{Name: k.name, Detail: k.detail, N: n}
			switch k.kind {
			case "ref":
				tr.Referrers = append(tr.Referrers, it)
			case "device":
				tr.Devices = append(tr.Devices, it)
			case "browser":
				tr.Browsers = append(tr.Browsers, it)
			case "bot":
				tr.Bots = append(tr.Bots, it)
			case "category":
				if id, err := strconv.ParseInt(k.name, 10, 64); err == nil {
					cats[id] += n
				}
			}
		}
		for _, l := range []*[]TrafficItem{&tr.Referrers, &tr.Devices, &tr.Browsers, &tr.Bots} {
			rank(*l)
		}
		if len(tr.Referrers) > topReferrers {
			tr.Referrers = tr.Referrers[:topReferrers]
		}
		if tr.TopCategories, err = s.namedCategories(ctx, tx, siteID, cats); err != nil {
			return err
		}
		tr.TopArticles, err = s.topArticles(ctx, tx, siteID, from, to)
		return err
	})
	return tr, err
}

// rank sorts by count, then name, so equal counts keep a stable order.
func rank(l []TrafficItem) {
	sort.Slice(l, func(i, j int) bool {
		if l[i].N != l[j].N {
			return l[i].N > l[j].N
		}
		if l[i].Name != l[j].Name {
			return l[i].Name < l[j].Name
		}
		return l[i].Detail < l[j].Detail
	})
}

func (s *Store) namedCategories(ctx context.Context, tx *sql.Tx, siteID int64, cats map[int64]int64) ([]TrafficItem, error) {
	if len(cats) == 0 {
		return nil, nil
	}
	rows, err := tx.QueryContext(ctx, s.q(`SELECT id, name FROM categories WHERE site_id = ?`), siteID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []TrafficItem
	for rows.Next() {
		var it TrafficItem
		if err := rows.Scan(&it.ID, &it.Name); err != nil {
			return nil, err
		}
		if n := cats[it.ID]; n > 0 {
			it.N = n
			out = append(out, it)
		}
	}
	rank(out)
	return out, rows.Err()
}

// periodsOf is the month and year of a day, for article_period_views.
func periodsOf(day string) []string {
	if len(day) != 10 {
		return nil
	}
	return []string{day[:7], day[:4]}
}

// span splits from..to into whole calendar years, whole months and the
// loose days at either end, so the most-read articles are summed from as
// few rows as possible.
func span(from, to time.Time) (periods []string, days [][2]string) {
	for d := from; !d.After(to); {
		switch {
		case d.YearDay() == 1 && !d.AddDate(1, 0, -1).After(to):
			periods = append(periods, d.Format("2006"))
			d = d.AddDate(1, 0, 0)
		case d.Day() == 1 && !d.AddDate(0, 1, -1).After(to):
			periods = append(periods, d.Format("2006-01"))
			d = d.AddDate(0, 1, 0)
		default:
			end := time.Date(d.Year(), d.Month()+1, 0, 0, 0, 0, 0, d.Location()) // last of the month
			if end.After(to) {
				end = to
			}
			days = append(days, [2]string{d.Format("2006-01-02"), end.Format("2006-01-02")})
			d = end.AddDate(0, 0, 1)
		}
	}
	return periods, days
}

// topArticles ranks the period's articles. A calendar month or year is
// one index range read in rank order (LIMIT stops it early); any other
// period sums its whole months and years from article_period_views and its
// loose days from article_daily_views.
func (s *Store) topArticles(ctx context.Context, tx *sql.Tx, siteID int64, from, to string) ([]TrafficItem, error) {
	f, err := time.Parse("2006-01-02", from)
	if err != nil {
		return nil, err
	}
	t, err := time.Parse("2006-01-02", to)
	if err != nil {
		return nil, err
	}
	periods, days := span(f, t)
	var q string
	var args []any
	if len(periods) == 1 && len(days) == 0 {
		q = `SELECT article_id, views FROM article_period_views WHERE site_id = ? AND period = ? ORDER BY views DESC, article_id LIMIT ?`
		args = []any{siteID, periods[0], topArticles}
	} else {
		var parts []string
		if len(periods) > 0 {
			parts = append(parts, `SELECT article_id, views FROM article_period_views WHERE site_id = ? AND period IN (?`+strings.Repeat(", ?", len(periods)-1)+`)`)
			args = append(args, siteID)
			for _, p := range periods {
				args = append(args, p)
			}
		}
		for _, d := range days {
			parts = append(parts, `SELECT article_id, views FROM article_daily_views WHERE site_id = ? AND day >= ? AND day <= ?`)
			args = append(args, siteID, d[0], d[1])
		}
		q = `SELECT article_id, SUM(views) AS n FROM (` + strings.Join(parts, " UNION ALL ") + `) v GROUP BY article_id ORDER BY n DESC, article_id LIMIT ?`
		args = append(args, topArticles)
	}
	rows, err := tx.QueryContext(ctx, s.q(q), args...)
	if err != nil {
		return nil, err
	}
	var out []TrafficItem
	for rows.Next() {
		var it TrafficItem
		if err := rows.Scan(&it.ID, &it.N); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, it)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		err := tx.QueryRowContext(ctx, s.q(`SELECT title FROM articles WHERE id = ?`), out[i].ID).Scan(&out[i].Name)
		if err != nil && err != sql.ErrNoRows {
			return nil, err
		}
	}
	return out, nil
}

// ArticleTraffic is one article's views per day of from..to.
func (s *Store) ArticleTraffic(ctx context.Context, siteID, articleID int64, from, to string) ([]TrafficDay, int64, error) {
	first, err := time.Parse("2006-01-02", from)
	if err != nil {
		return nil, 0, err
	}
	last, err := time.Parse("2006-01-02", to)
	if err != nil {
		return nil, 0, err
	}
	var days []TrafficDay
	idx := map[string]int{}
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		idx[d.Format("2006-01-02")] = len(days)
		days = append(days, TrafficDay{Day: d.Format("2006-01-02")})
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT day, views FROM article_daily_views WHERE site_id = ? AND article_id = ? AND day >= ? AND day <= ?`), siteID, articleID, from, to)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var total int64
	for rows.Next() {
		var day string
		var n int64
		if err := rows.Scan(&day, &n); err != nil {
			return nil, 0, err
		}
		if i, ok := idx[day]; ok {
			days[i].Views += n
			total += n
		}
	}
	return days, total, rows.Err()
}
