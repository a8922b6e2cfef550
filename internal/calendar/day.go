package calendar

import (
	"fmt"
	"strings"
	"time"
)

// Day is a civil date, without time or zone. The calendar interprets it in
// its own location (Asia/Ho_Chi_Minh).
type Day struct {
	Year  int
	Month time.Month
	Day   int
}

// DayOf returns the civil date of t in loc.
func DayOf(t time.Time, loc *time.Location) Day {
	y, m, d := t.In(loc).Date()
	return Day{y, m, d}
}

// D is shorthand for Day{y, m, d}, for tables of dates.
func D(y int, m time.Month, d int) Day { return Day{y, m, d} }

// ParseDay parses "YYYY-MM-DD" (ISO, what <input type="date"> sends) or
// "dd/mm/yyyy" (what an officer types where the browser shows a plain text
// box), and rejects dates that do not exist.
func ParseDay(s string) (Day, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.DateOnly, "2/1/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return DayOf(t, time.UTC), nil
		}
	}
	return Day{}, fmt.Errorf("ngày %q không hợp lệ (cần dạng dd/mm/yyyy hoặc YYYY-MM-DD)", s)
}

// Start returns 00:00 of the day in loc.
func (d Day) Start(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// AddDays returns the day n days later (earlier when n < 0).
func (d Day) AddDays(n int) Day {
	return DayOf(time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC), time.UTC)
}

// Weekday returns the day of the week.
func (d Day) Weekday() time.Weekday {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()
}

// Before reports whether d is before e.
func (d Day) Before(e Day) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}

// IsZero reports whether d is the zero Day.
func (d Day) IsZero() bool { return d == Day{} }

// String returns the ISO form "YYYY-MM-DD", used in JSON and in the database.
func (d Day) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// VN returns the Vietnamese form "dd/mm/yyyy".
func (d Day) VN() string {
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year)
}

// IsWeekend reports Saturday or Sunday, the weekly rest days of public
// offices (40-hour, Monday–Friday week of Decision 188/1999/QĐ-TTg).
func (d Day) IsWeekend() bool {
	w := d.Weekday()
	return w == time.Saturday || w == time.Sunday
}
