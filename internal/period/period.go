// Package period reads the periods every statistics page and API is asked
// for: a key naming a calendar year ("2026"), quarter ("2026-Q3") or month
// ("2026-11"), and civil days ("2026-01-31"). Dossier statistics, the
// satisfaction survey and visitor analytics each keep their own defaults
// (current month, all time, the last 30 days) and limits; how a period is
// written is decided here, once.
package period

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Kind is the shape of a period key.
type Kind int

const (
	Month Kind = iota + 1
	Quarter
	Year
)

// Span is a parsed key: [From, To) between midnights in the location asked
// for, with its canonical text.
type Span struct {
	Kind     Kind
	From, To time.Time
	Key      string // 2026-10, 2026-Q3, 2026
}

// ErrPeriod is wrapped by every parse error.
var ErrPeriod = errors.New("kỳ thống kê không hợp lệ")

// Error says in Vietnamese what was wrong with a period.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }
func (e *Error) Unwrap() error { return ErrPeriod }

func fail(format string, a ...any) error { return &Error{fmt.Sprintf(format, a...)} }

// MinYear and MaxYear bound every year a key may name: a typo (20260)
// must not ask for centuries of figures.
const (
	MinYear = 2000
	MaxYear = 2100
)

func parseYear(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < MinYear || y > MaxYear {
		return 0, false
	}
	return y, true
}

// ParseKey reads a year (2026), a quarter (2026-Q3, q in any case) or a
// month (2026-10), trimmed.
func ParseKey(s string, loc *time.Location) (Span, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	switch {
	case len(s) == 4:
		y, ok := parseYear(s)
		if !ok {
			return Span{}, fail("Năm %q không hợp lệ (dùng dạng 2026, từ 2000 đến 2100).", s)
		}
		return YearOf(y, loc), nil
	case len(s) == 7 && s[4] == '-' && s[5] == 'Q':
		y, ok := parseYear(s[:4])
		q := int(s[6] - '0')
		if !ok || q < 1 || q > 4 {
			return Span{}, fail("Quý %q không hợp lệ (dùng dạng 2026-Q3, quý từ 1 đến 4).", s)
		}
		return QuarterOf(y, q, loc), nil
	case len(s) == 7 && s[4] == '-':
		y, ok := parseYear(s[:4])
		m, err := strconv.Atoi(s[5:])
		if !ok || err != nil || m < 1 || m > 12 {
			return Span{}, fail("Tháng %q không hợp lệ (dùng dạng 2026-10, tháng từ 01 đến 12).", s)
		}
		return MonthOf(y, time.Month(m), loc), nil
	}
	return Span{}, fail("Kỳ thống kê %q không hợp lệ: dùng tháng (2026-10), quý (2026-Q3) hoặc năm (2026).", s)
}

// MonthOf is the calendar month.
func MonthOf(y int, m time.Month, loc *time.Location) Span {
	f := time.Date(y, m, 1, 0, 0, 0, 0, loc)
	return Span{Kind: Month, From: f, To: f.AddDate(0, 1, 0), Key: f.Format("2006-01")}
}

// QuarterOf is quarter q (1–4) of year y.
func QuarterOf(y, q int, loc *time.Location) Span {
	f := time.Date(y, time.Month(3*(q-1)+1), 1, 0, 0, 0, 0, loc)
	return Span{Kind: Quarter, From: f, To: f.AddDate(0, 3, 0), Key: fmt.Sprintf("%d-Q%d", y, q)}
}

// YearOf is the calendar year.
func YearOf(y int, loc *time.Location) Span {
	f := time.Date(y, 1, 1, 0, 0, 0, 0, loc)
	return Span{Kind: Year, From: f, To: f.AddDate(1, 0, 0), Key: strconv.Itoa(y)}
}

// ParseDay reads a civil day written YYYY-MM-DD (trimmed) as its midnight
// in loc. It checks the form only; callers bound the range they serve.
func ParseDay(s string, loc *time.Location) (time.Time, error) {
	t, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(s), loc)
	if err != nil {
		return time.Time{}, fail("Ngày %q không hợp lệ (dùng dạng năm-tháng-ngày, ví dụ 2026-01-31).", s)
	}
	return t, nil
}
