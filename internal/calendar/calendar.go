// Package calendar computes working days, working hours and appointment dates
// for the one-stop desk: the Vietnamese lunar calendar (for Tết and Giỗ Tổ),
// public holidays as per-year data, compensation days, make-up Saturdays and
// office hours.
//
// Rules for due dates (see Calendar.Due):
//
//   - The clock only runs during office hours of working days. A working day
//     is Monday–Friday that is not a holiday or compensation day, or a make-up
//     Saturday. A dossier received after hours, at lunch, or on a day off
//     starts counting at the next working instant (the next morning or 13:30).
//   - working_hours: N hours of working time from receipt.
//   - working_days: N × (hours of a working day, 8 h by default) of working
//     time from receipt, so a receipt Monday 09:00 + 1 working day is due
//     Tuesday 09:00, and a receipt Monday 07:00 + 1 is due Monday 17:00.
//   - same_day ("trong ngày"): due at the close of office of the receipt day;
//     received after 15:00 (SameDayCutoff), at the close of the next working
//     day. The amount is ignored. It is not 8 working hours: a 09:00 Monday
//     receipt is due Monday 17:00, not Tuesday 09:00.
//   - days (calendar days): as the Civil Code 2015 art. 147–148 counts days:
//     from the day after the (effective) receipt day, ending at the close of
//     office on the N-th day; when that day is not a working day the due
//     date moves to the close of the next working day.
//
// The result is always an instant inside office hours of a working day, in the
// calendar's location.
package calendar

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // Asia/Ho_Chi_Minh on hosts without a zone database
)

// Unit is the unit of a processing time.
type Unit string

// Processing-time units, as stored on procedures.
const (
	WorkingDays  Unit = "working_days"
	Days         Unit = "days"
	WorkingHours Unit = "working_hours"
	SameDay      Unit = "same_day"
)

// SameDayCutoff is the time of day after which a same-day procedure is due
// the next working day (the catalogue's usual wording: "trong ngày; nếu
// nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo").
const SameDayCutoff = 15 * time.Hour

// Valid reports whether u is one of the known units.
func (u Unit) Valid() bool { return u == WorkingDays || u == Days || u == WorkingHours || u == SameDay }

// Label is the Vietnamese name of the unit.
func (u Unit) Label() string {
	switch u {
	case WorkingDays:
		return "ngày làm việc"
	case Days:
		return "ngày"
	case WorkingHours:
		return "giờ làm việc"
	case SameDay:
		return "trong ngày"
	}
	return string(u)
}

// Largest amounts Due accepts: about ten years, enough for any procedure and
// small enough that a typo cannot make the server walk centuries of days.
const (
	MaxDays         = 3660
	MaxWorkingDays  = 2600
	MaxWorkingHours = MaxWorkingDays * 8
)

// OfficeHours are the working spans of a working day, as offsets from local
// midnight, ascending and not overlapping.
type OfficeHours struct{ Spans [][2]time.Duration }

// DefaultOfficeHours is 07:00–11:30 and 13:30–17:00: 8 hours a day.
func DefaultOfficeHours() OfficeHours {
	h := time.Hour
	return OfficeHours{Spans: [][2]time.Duration{{7 * h, 11*h + 30*time.Minute}, {13*h + 30*time.Minute, 17 * h}}}
}

// Validate checks that the spans are non-empty, within one day, ascending and
// not overlapping.
func (o OfficeHours) Validate() error {
	if len(o.Spans) == 0 {
		return errors.New("cần ít nhất một khoảng giờ làm việc")
	}
	var prev time.Duration
	for i, sp := range o.Spans {
		if sp[0] < 0 || sp[1] > 24*time.Hour || sp[0] >= sp[1] {
			return fmt.Errorf("khoảng giờ %s không hợp lệ: giờ bắt đầu phải trước giờ kết thúc, trong cùng một ngày", fmtSpan(sp))
		}
		if i > 0 && sp[0] < prev {
			return fmt.Errorf("khoảng giờ %s chồng lên hoặc đứng trước khoảng trước đó", fmtSpan(sp))
		}
		prev = sp[1]
	}
	return nil
}

// PerDay is the working time of one working day.
func (o OfficeHours) PerDay() time.Duration {
	var d time.Duration
	for _, sp := range o.Spans {
		d += sp[1] - sp[0]
	}
	return d
}

// String renders the spans as "07:00-11:30, 13:30-17:00", the form
// ParseOfficeHours reads.
func (o OfficeHours) String() string {
	parts := make([]string, len(o.Spans))
	for i, sp := range o.Spans {
		parts[i] = fmtSpan(sp)
	}
	return strings.Join(parts, ", ")
}

// SpanStrings returns each span as ["07:00", "11:30"], for JSON.
func (o OfficeHours) SpanStrings() [][2]string {
	out := make([][2]string, len(o.Spans))
	for i, sp := range o.Spans {
		out[i] = [2]string{fmtClock(sp[0]), fmtClock(sp[1])}
	}
	return out
}

// ParseOfficeHours reads "07:00-11:30, 13:30-17:00" (en dash accepted) and
// validates the result.
func ParseOfficeHours(s string) (OfficeHours, error) {
	var o OfficeHours
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(strings.ReplaceAll(part, "–", "-"))
		if part == "" {
			continue
		}
		a, b, ok := strings.Cut(part, "-")
		if !ok {
			return OfficeHours{}, fmt.Errorf("khoảng giờ %q cần dạng 07:00-11:30", part)
		}
		from, err1 := parseClock(a)
		to, err2 := parseClock(b)
		if err1 != nil || err2 != nil {
			return OfficeHours{}, fmt.Errorf("khoảng giờ %q cần dạng 07:00-11:30", part)
		}
		o.Spans = append(o.Spans, [2]time.Duration{from, to})
	}
	return o, o.Validate()
}

func parseClock(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if s == "24:00" {
		return 24 * time.Hour, nil
	}
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, err
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, nil
}

func fmtClock(d time.Duration) string {
	return fmt.Sprintf("%02d:%02d", int(d/time.Hour), int(d%time.Hour/time.Minute))
}

func fmtSpan(sp [2]time.Duration) string { return fmtClock(sp[0]) + "-" + fmtClock(sp[1]) }

// Calendar answers working-time questions for one site. It is safe for
// concurrent use and immutable once built, apart from a cache of generated
// default years.
type Calendar struct {
	loc    *time.Location
	office OfficeHours

	mu    sync.Mutex
	years map[int]*yearIndex
}

type yearIndex struct {
	rules  YearRules
	off    map[Day]Holiday
	makeUp map[Day]bool
}

func indexYear(r YearRules) *yearIndex {
	y := &yearIndex{rules: r, off: make(map[Day]Holiday, len(r.Holidays)), makeUp: make(map[Day]bool, len(r.MakeUpSaturdays))}
	for _, h := range r.Holidays {
		y.off[h.Day] = h
	}
	for _, d := range r.MakeUpSaturdays {
		y.makeUp[d] = true
	}
	return y
}

// New builds a calendar in loc (Asia/Ho_Chi_Minh when nil) with the given
// office hours and per-year rules; a year missing from years uses
// DefaultYear. Office hours that do not Validate are replaced by
// DefaultOfficeHours: the store validates before saving, so this only guards
// against a hand-edited database making every due date unreachable.
func New(loc *time.Location, office OfficeHours, years map[int]YearRules) *Calendar {
	if loc == nil {
		var err error
		if loc, err = time.LoadLocation("Asia/Ho_Chi_Minh"); err != nil {
			loc = time.FixedZone("ICT", 7*3600)
		}
	}
	if office.Validate() != nil {
		office = DefaultOfficeHours()
	}
	c := &Calendar{loc: loc, office: office, years: make(map[int]*yearIndex, len(years))}
	for y, r := range years {
		c.years[y] = indexYear(r)
	}
	return c
}

// Location is the calendar's time zone.
func (c *Calendar) Location() *time.Location { return c.loc }

// OfficeHours are the calendar's working spans.
func (c *Calendar) OfficeHours() OfficeHours { return c.office }

func (c *Calendar) year(y int) *yearIndex {
	c.mu.Lock()
	defer c.mu.Unlock()
	idx, ok := c.years[y]
	if !ok {
		idx = indexYear(DefaultYear(y))
		c.years[y] = idx
	}
	return idx
}

// Year returns the rules in force for year.
func (c *Calendar) Year(year int) YearRules { return c.year(year).rules }

// DayOff returns the holiday or compensation day on d, if any.
func (c *Calendar) DayOff(d Day) (Holiday, bool) {
	h, ok := c.year(d.Year).off[d]
	return h, ok
}

// IsMakeUpDay reports whether d is a make-up working day (làm bù).
func (c *Calendar) IsMakeUpDay(d Day) bool { return c.year(d.Year).makeUp[d] }

// IsWorkingDay reports whether offices work on d. A holiday wins over a
// make-up day marked on the same date.
func (c *Calendar) IsWorkingDay(d Day) bool {
	y := c.year(d.Year)
	if _, off := y.off[d]; off {
		return false
	}
	return y.makeUp[d] || !d.IsWeekend()
}

// scanLimit bounds every walk over days, so rules that declare whole years
// off end in an error instead of a hang.
const scanLimit = 20 * 366

// AddWorking returns the instant at which d of working time has elapsed
// after from. The clock starts at the first working instant at or after from
// (so AddWorking(t, 0) is that instant); a result that lands exactly on the
// end of a span stays there rather than moving to the next morning. It
// returns the zero time if no working time can be found within twenty years.
func (c *Calendar) AddWorking(from time.Time, d time.Duration) time.Time {
	t := from.In(c.loc)
	remaining := max(d, 0) // the clock never runs backwards
	day := DayOf(t, c.loc)
	for range scanLimit {
		if c.IsWorkingDay(day) {
			base := day.Start(c.loc)
			for _, sp := range c.office.Spans {
				s, e := base.Add(sp[0]), base.Add(sp[1])
				if !e.After(t) {
					continue
				}
				if s.Before(t) {
					s = t
				}
				avail := e.Sub(s)
				if remaining <= avail {
					return s.Add(remaining)
				}
				remaining -= avail
			}
		}
		day = day.AddDays(1)
	}
	return time.Time{}
}

// NextWorkingStart returns the first working instant at or after t.
func (c *Calendar) NextWorkingStart(t time.Time) time.Time { return c.AddWorking(t, 0) }

// WorkingBetween returns the working time in [from, to); zero when to is not
// after from.
func (c *Calendar) WorkingBetween(from, to time.Time) time.Duration {
	if !to.After(from) {
		return 0
	}
	from, to = from.In(c.loc), to.In(c.loc)
	var total time.Duration
	last := DayOf(to, c.loc)
	for day := DayOf(from, c.loc); !last.Before(day); day = day.AddDays(1) {
		if !c.IsWorkingDay(day) {
			continue
		}
		base := day.Start(c.loc)
		for _, sp := range c.office.Spans {
			s, e := base.Add(sp[0]), base.Add(sp[1])
			if s.Before(from) {
				s = from
			}
			if e.After(to) {
				e = to
			}
			if e.After(s) {
				total += e.Sub(s)
			}
		}
	}
	return total
}

// Resume returns the new appointment of a dossier whose clock was paused at
// pausedAt (a supplement request) and restarts at resumedAt: the working time
// that was left before the old due date is counted again from resumedAt.
func (c *Calendar) Resume(due, pausedAt, resumedAt time.Time) time.Time {
	return c.AddWorking(resumedAt, c.WorkingBetween(pausedAt, due))
}

// Errors of Due; the web layer maps them to 422.
var (
	ErrUnit        = errors.New("đơn vị thời hạn không hợp lệ (working_days, days, working_hours hoặc same_day)")
	ErrAmount      = errors.New("số lượng thời hạn phải là số nguyên không âm")
	ErrAmountLarge = errors.New("thời hạn quá dài")
	ErrNoWorkTime  = errors.New("không tìm thấy ngày làm việc nào trong lịch")
)

// Due returns the appointment for something received at from that must be
// handled within amount units; see the package comment for the rules.
func (c *Calendar) Due(from time.Time, amount int, unit Unit) (time.Time, error) {
	if amount < 0 {
		return time.Time{}, ErrAmount
	}
	var due time.Time
	switch unit {
	case WorkingHours:
		if amount > MaxWorkingHours {
			return time.Time{}, ErrAmountLarge
		}
		due = c.AddWorking(from, time.Duration(amount)*time.Hour)
	case WorkingDays:
		if amount > MaxWorkingDays {
			return time.Time{}, ErrAmountLarge
		}
		due = c.AddWorking(from, time.Duration(amount)*c.office.PerDay())
	case Days:
		if amount > MaxDays {
			return time.Time{}, ErrAmountLarge
		}
		start := c.NextWorkingStart(from)
		if start.IsZero() {
			return time.Time{}, ErrNoWorkTime
		}
		day := DayOf(start, c.loc).AddDays(amount)
		for i := 0; !c.IsWorkingDay(day); i++ {
			if i > scanLimit {
				return time.Time{}, ErrNoWorkTime
			}
			day = day.AddDays(1)
		}
		due = day.Start(c.loc).Add(c.office.Spans[len(c.office.Spans)-1][1])
	case SameDay:
		start := c.NextWorkingStart(from)
		if start.IsZero() {
			return time.Time{}, ErrNoWorkTime
		}
		day := DayOf(start, c.loc)
		if start.After(day.Start(c.loc).Add(SameDayCutoff)) {
			day = day.AddDays(1)
			for i := 0; !c.IsWorkingDay(day); i++ {
				if i > scanLimit {
					return time.Time{}, ErrNoWorkTime
				}
				day = day.AddDays(1)
			}
		}
		due = day.Start(c.loc).Add(c.office.Spans[len(c.office.Spans)-1][1])
	default:
		return time.Time{}, ErrUnit
	}
	if due.IsZero() {
		return time.Time{}, ErrNoWorkTime
	}
	return due, nil
}
