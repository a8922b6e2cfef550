// Package dossierstats is the public statistics of the one-stop desk (Decision
// 766/QĐ-TTg): periods, figures with their numerator and denominator, the
// per-unit report rolled up over the unit tree, and a 766-style score. It
// knows nothing about HTTP or SQL; the store counts, this package explains.
package dossierstats

import (
	"fmt"
	"strings"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/period"
)

// Kind is the shape of a period.
type Kind string

const (
	Month   Kind = "month"
	Quarter Kind = "quarter"
	Year    Kind = "year"
	Custom  Kind = "custom"
)

// Period is the half-open interval [From, To) of instants, whose bounds are
// midnights in Asia/Ho_Chi_Minh: the day a figure belongs to is the day in
// Vietnam, whatever the server's zone.
type Period struct {
	Kind Kind
	From time.Time
	To   time.Time
	// Key is the canonical text (2026-10, 2026-Q3, 2026, or
	// 2026-01-05..2026-02-10 for custom) used in links and file names.
	Key string
}

// ErrPeriod is wrapped by every parse error; its message is for citizens.
var ErrPeriod = period.ErrPeriod

// PeriodError says what was wrong, in Vietnamese.
type PeriodError = period.Error

func perr(format string, a ...any) error { return &PeriodError{Msg: fmt.Sprintf(format, a...)} }

// MaxCustomDays bounds custom periods so a typo (year 20260) cannot ask for
// centuries of buckets.
const MaxCustomDays = 3660

func midnight(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, dossier.Loc)
}

// Parse reads a month (2026-10), a quarter (2026-Q3) or a year (2026).
func Parse(s string) (Period, error) {
	sp, err := period.ParseKey(s, dossier.Loc)
	if err != nil {
		return Period{}, err
	}
	return fromSpan(sp), nil
}

var kinds = map[period.Kind]Kind{period.Month: Month, period.Quarter: Quarter, period.Year: Year}

// MonthOf is the calendar month.
func MonthOf(y int, m time.Month) Period { return fromSpan(period.MonthOf(y, m, dossier.Loc)) }

// QuarterOf is quarter q (1–4) of year y.
func QuarterOf(y, q int) Period { return fromSpan(period.QuarterOf(y, q, dossier.Loc)) }

// YearOf is the calendar year.
func YearOf(y int) Period { return fromSpan(period.YearOf(y, dossier.Loc)) }

func fromSpan(sp period.Span) Period {
	return Period{Kind: kinds[sp.Kind], From: sp.From, To: sp.To, Key: sp.Key}
}

func parseDay(s, what string) (time.Time, error) {
	t, err := period.ParseDay(s, dossier.Loc)
	if err != nil || t.Year() < period.MinYear || t.Year() > period.MaxYear {
		return time.Time{}, perr("Ngày %s %q không hợp lệ (dùng dạng 2026-01-31).", what, s)
	}
	return t, nil
}

// CustomOf is the days from..to, both included (YYYY-MM-DD, as people say
// "from the 1st to the 15th").
func CustomOf(from, to string) (Period, error) {
	f, err := parseDay(from, "bắt đầu")
	if err != nil {
		return Period{}, err
	}
	l, err := parseDay(to, "kết thúc")
	if err != nil {
		return Period{}, err
	}
	if l.Before(f) {
		return Period{}, perr("Ngày kết thúc (%s) phải không sớm hơn ngày bắt đầu (%s).", to, from)
	}
	end := midnight(l.Year(), l.Month(), l.Day()+1)
	if end.Sub(f) > MaxCustomDays*24*time.Hour {
		return Period{}, perr("Khoảng thời gian tối đa là %d ngày.", MaxCustomDays)
	}
	return Period{Kind: Custom, From: f, To: end, Key: f.Format("2006-01-02") + ".." + l.Format("2006-01-02")}, nil
}

// ParseQuery reads the query parameters of the page and the API: period=
// (month, quarter or year) or from= and to= (custom days). With neither, the
// current month at now.
func ParseQuery(period, from, to string, now time.Time) (Period, error) {
	period, from, to = strings.TrimSpace(period), strings.TrimSpace(from), strings.TrimSpace(to)
	switch {
	case period != "" && (from != "" || to != ""):
		return Period{}, perr("Chỉ chọn một trong hai: kỳ (period) hoặc khoảng ngày (from, to).")
	case period != "":
		return Parse(period)
	case from != "" || to != "":
		if from == "" || to == "" {
			return Period{}, perr("Khoảng ngày cần cả ngày bắt đầu (from) và ngày kết thúc (to).")
		}
		return CustomOf(from, to)
	}
	n := now.In(dossier.Loc)
	return MonthOf(n.Year(), n.Month()), nil
}

// Closed reports whether the period is entirely in the past at now, so its
// figures only change if history is edited.
func (p Period) Closed(now time.Time) bool { return !p.To.After(now) }

// AsOf is the instant the "in progress at the end" figures are judged at:
// the end of the period, or now for a period still running.
func (p Period) AsOf(now time.Time) time.Time {
	if p.To.After(now) {
		return now
	}
	return p.To
}

// Last is the inclusive last day, for display.
func (p Period) Last() time.Time { return p.To.Add(-time.Nanosecond).In(dossier.Loc) }

// Label is the Vietnamese name: "Tháng 10/2026", "Quý III/2026", "Năm 2026",
// "Từ 05/01/2026 đến 10/02/2026".
func (p Period) Label() string {
	f := p.From.In(dossier.Loc)
	switch p.Kind {
	case Month:
		return fmt.Sprintf("Tháng %d/%d", int(f.Month()), f.Year())
	case Quarter:
		return fmt.Sprintf("Quý %s/%d", [...]string{"I", "II", "III", "IV"}[(int(f.Month())-1)/3], f.Year())
	case Year:
		return fmt.Sprintf("Năm %d", f.Year())
	}
	return fmt.Sprintf("Từ %s đến %s", f.Format("02/01/2006"), p.Last().Format("02/01/2006"))
}

// MonthsBefore returns the n calendar months ending with the one containing
// the last day of p, oldest first: the chart's buckets.
func MonthsBefore(p Period, n int) []Period {
	l := p.Last()
	out := make([]Period, n)
	for i := range n {
		// time.Date normalises the month underflow into earlier years.
		out[n-1-i] = MonthOf(l.Year(), l.Month()-time.Month(i))
	}
	return out
}
