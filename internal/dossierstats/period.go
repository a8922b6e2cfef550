// Package dossierstats is the public statistics of the one-stop desk (Decision
// 766/QĐ-TTg): periods, figures with their numerator and denominator, the
// per-unit report rolled up over the unit tree, and a 766-style score. It
// knows nothing about HTTP or SQL; the store counts, this package explains.
package dossierstats

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/dossier"
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
var ErrPeriod = errors.New("kỳ thống kê không hợp lệ")

// PeriodError says what was wrong, in Vietnamese.
type PeriodError struct{ Msg string }

func (e *PeriodError) Error() string { return e.Msg }
func (e *PeriodError) Unwrap() error { return ErrPeriod }

func perr(format string, a ...any) error { return &PeriodError{fmt.Sprintf(format, a...)} }

// MaxCustomDays bounds custom periods so a typo (year 20260) cannot ask for
// centuries of buckets.
const MaxCustomDays = 3660

func midnight(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, dossier.Loc)
}

func parseYear(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 2000 || y > 2100 {
		return 0, false
	}
	return y, true
}

// Parse reads a month (2026-10), a quarter (2026-Q3) or a year (2026).
func Parse(s string) (Period, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	switch {
	case len(s) == 4:
		y, ok := parseYear(s)
		if !ok {
			return Period{}, perr("Năm %q không hợp lệ (dùng dạng 2026, từ 2000 đến 2100).", s)
		}
		return YearOf(y), nil
	case len(s) == 7 && s[4] == '-' && s[5] == 'Q':
		y, ok := parseYear(s[:4])
		q := int(s[6] - '0')
		if !ok || q < 1 || q > 4 {
			return Period{}, perr("Quý %q không hợp lệ (dùng dạng 2026-Q3, quý từ 1 đến 4).", s)
		}
		return QuarterOf(y, q), nil
	case len(s) == 7 && s[4] == '-':
		y, ok := parseYear(s[:4])
		m, err := strconv.Atoi(s[5:])
		if !ok || err != nil || m < 1 || m > 12 {
			return Period{}, perr("Tháng %q không hợp lệ (dùng dạng 2026-10, tháng từ 01 đến 12).", s)
		}
		return MonthOf(y, time.Month(m)), nil
	}
	return Period{}, perr("Kỳ thống kê %q không hợp lệ: dùng tháng (2026-10), quý (2026-Q3) hoặc năm (2026).", s)
}

// MonthOf is the calendar month.
func MonthOf(y int, m time.Month) Period {
	f := midnight(y, m, 1)
	return Period{Kind: Month, From: f, To: f.AddDate(0, 1, 0), Key: f.Format("2006-01")}
}

// QuarterOf is quarter q (1–4) of year y.
func QuarterOf(y, q int) Period {
	f := midnight(y, time.Month(3*(q-1)+1), 1)
	return Period{Kind: Quarter, From: f, To: f.AddDate(0, 3, 0), Key: fmt.Sprintf("%d-Q%d", y, q)}
}

// YearOf is the calendar year.
func YearOf(y int) Period {
	f := midnight(y, 1, 1)
	return Period{Kind: Year, From: f, To: f.AddDate(1, 0, 0), Key: strconv.Itoa(y)}
}

func parseDay(s, what string) (time.Time, error) {
	t, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(s), dossier.Loc)
	if err != nil || t.Year() < 2000 || t.Year() > 2100 {
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
