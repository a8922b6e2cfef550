package calendar

import (
	"slices"
	"testing"
	"time"
)

var hcm = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		panic(err)
	}
	return loc
}()

func at(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, hcm)
}

func holidayDays(hs []Holiday) []Day {
	var out []Day
	for _, h := range hs {
		out = append(out, h.Day)
	}
	return out
}

func TestDefaultYear(t *testing.T) {
	for _, c := range []struct {
		year         int
		off          []Day // every day off, holidays and compensation
		compensation []Day
	}{
		// Tết 16–20/02 Mon–Fri; Giỗ Tổ 26/04 is a Sunday → 27/04; 2/9 is a
		// Wednesday → 1/9.
		{2026, []Day{D(2026, 1, 1), D(2026, 2, 16), D(2026, 2, 17), D(2026, 2, 18), D(2026, 2, 19), D(2026, 2, 20),
			D(2026, 4, 26), D(2026, 4, 27), D(2026, 4, 30), D(2026, 5, 1), D(2026, 9, 1), D(2026, 9, 2)},
			[]Day{D(2026, 4, 27)}},
		// Tết 09–13/02 with Sat 10 and Sun 11 → 14 and 15/02; 2/9 Monday → 3/9.
		{2024, []Day{D(2024, 1, 1), D(2024, 2, 9), D(2024, 2, 10), D(2024, 2, 11), D(2024, 2, 12), D(2024, 2, 13),
			D(2024, 2, 14), D(2024, 2, 15), D(2024, 4, 18), D(2024, 4, 30), D(2024, 5, 1), D(2024, 9, 2), D(2024, 9, 3)},
			[]Day{D(2024, 2, 14), D(2024, 2, 15)}},
		// 2/9 Saturday → 1/9 Friday, compensation Monday 4/9 (as announced).
		{2023, []Day{D(2023, 1, 1), D(2023, 1, 2), D(2023, 1, 21), D(2023, 1, 22), D(2023, 1, 23), D(2023, 1, 24), D(2023, 1, 25),
			D(2023, 1, 26), D(2023, 1, 27), D(2023, 4, 29), D(2023, 4, 30), D(2023, 5, 1), D(2023, 5, 2), D(2023, 5, 3),
			D(2023, 9, 1), D(2023, 9, 2), D(2023, 9, 4)},
			[]Day{D(2023, 1, 2), D(2023, 1, 26), D(2023, 1, 27), D(2023, 5, 2), D(2023, 5, 3), D(2023, 9, 4)}},
	} {
		r := DefaultYear(c.year)
		if got := holidayDays(r.Holidays); !slices.Equal(got, c.off) {
			t.Errorf("%d days off:\n got %v\nwant %v", c.year, got, c.off)
		}
		var comp []Day
		for _, h := range r.Holidays {
			if h.Compensation {
				comp = append(comp, h.Day)
			}
			if h.Name == "" {
				t.Errorf("%d: %s has no name", c.year, h.Day)
			}
		}
		if !slices.Equal(comp, c.compensation) {
			t.Errorf("%d compensation = %v, want %v", c.year, comp, c.compensation)
		}
		if len(r.MakeUpSaturdays) != 0 {
			t.Errorf("%d: no make-up Saturdays by default, got %v", c.year, r.MakeUpSaturdays)
		}
	}
}

// testCalendar is 2026 by default plus a make-up Saturday on 28/02; other
// years are generated.
func testCalendar() *Calendar {
	r := DefaultYear(2026)
	r.MakeUpSaturdays = []Day{D(2026, 2, 28)}
	return New(hcm, DefaultOfficeHours(), map[int]YearRules{2026: r})
}

func TestDue(t *testing.T) {
	c := testCalendar()
	for _, tc := range []struct {
		name   string
		from   time.Time
		amount int
		unit   Unit
		want   time.Time
	}{
		{"Monday morning + 1 working day", at(2026, 3, 2, 9, 0), 1, WorkingDays, at(2026, 3, 3, 9, 0)},
		{"opening time + 1 working day ends the same evening", at(2026, 3, 2, 7, 0), 1, WorkingDays, at(2026, 3, 2, 17, 0)},
		{"before opening counts from 07:00", at(2026, 3, 2, 6, 15), 1, WorkingDays, at(2026, 3, 2, 17, 0)},
		{"after hours starts next morning", at(2026, 3, 2, 18, 0), 1, WorkingDays, at(2026, 3, 3, 17, 0)},
		{"exactly at closing starts next morning", at(2026, 3, 2, 17, 0), 1, WorkingHours, at(2026, 3, 3, 8, 0)},
		{"lunch-break receipt starts at 13:30", at(2026, 3, 2, 12, 0), 1, WorkingHours, at(2026, 3, 2, 14, 30)},
		{"hours run over lunch", at(2026, 3, 2, 11, 0), 1, WorkingHours, at(2026, 3, 2, 14, 0)},
		{"8 working hours = 1 working day", at(2026, 3, 2, 9, 0), 8, WorkingHours, at(2026, 3, 3, 9, 0)},
		{"Friday afternoon over the weekend", at(2026, 3, 6, 15, 0), 1, WorkingDays, at(2026, 3, 9, 15, 0)},
		{"Saturday receipt", at(2026, 3, 7, 10, 0), 1, WorkingDays, at(2026, 3, 9, 17, 0)},
		{"zero on a Saturday is Monday's opening", at(2026, 3, 7, 10, 0), 0, WorkingDays, at(2026, 3, 9, 7, 0)},
		{"3 working days", at(2026, 3, 2, 9, 0), 3, WorkingDays, at(2026, 3, 5, 9, 0)},
		{"10 working days over two weekends", at(2026, 3, 2, 9, 0), 10, WorkingDays, at(2026, 3, 16, 9, 0)},
		{"over Tết", at(2026, 2, 13, 10, 0), 1, WorkingDays, at(2026, 2, 23, 10, 0)},
		{"received during Tết", at(2026, 2, 18, 10, 0), 1, WorkingDays, at(2026, 2, 23, 17, 0)},
		{"onto a make-up Saturday", at(2026, 2, 27, 10, 0), 1, WorkingDays, at(2026, 2, 28, 10, 0)},
		{"received on a make-up Saturday", at(2026, 2, 28, 9, 0), 1, WorkingDays, at(2026, 3, 2, 9, 0)},
		{"over a compensation day", at(2026, 4, 24, 10, 0), 1, WorkingDays, at(2026, 4, 28, 10, 0)},
		{"over 30/4 and 1/5", at(2026, 4, 28, 10, 0), 2, WorkingDays, at(2026, 5, 4, 10, 0)},
		{"over 1/9 and 2/9", at(2026, 8, 31, 10, 0), 1, WorkingDays, at(2026, 9, 3, 10, 0)},
		{"year boundary onto 1/1", at(2025, 12, 31, 15, 0), 1, WorkingDays, at(2026, 1, 2, 15, 0)},
		{"UTC input", time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC), 1, WorkingDays, at(2026, 3, 3, 9, 0)},

		{"calendar days end at closing", at(2026, 3, 2, 9, 0), 3, Days, at(2026, 3, 5, 17, 0)},
		{"calendar days onto a Saturday move to Monday", at(2026, 3, 2, 9, 0), 5, Days, at(2026, 3, 9, 17, 0)},
		{"calendar days from a Saturday count from Monday", at(2026, 3, 7, 9, 0), 2, Days, at(2026, 3, 11, 17, 0)},
		{"zero calendar days is the same day", at(2026, 3, 2, 9, 0), 0, Days, at(2026, 3, 2, 17, 0)},
		{"calendar days onto Tết move past it", at(2026, 2, 10, 9, 0), 7, Days, at(2026, 2, 23, 17, 0)},
		{"calendar days onto a make-up Saturday stay", at(2026, 2, 23, 9, 0), 5, Days, at(2026, 2, 28, 17, 0)},

		{"same day: Monday 09:00 is due Monday 17:00", at(2026, 3, 2, 9, 0), 1, SameDay, at(2026, 3, 2, 17, 0)},
		{"same day: 15:00 sharp is still today", at(2026, 3, 2, 15, 0), 1, SameDay, at(2026, 3, 2, 17, 0)},
		{"same day: after 15:00 is the next working day", at(2026, 3, 2, 15, 1), 1, SameDay, at(2026, 3, 3, 17, 0)},
		{"same day: lunch receipt is today", at(2026, 3, 2, 12, 0), 1, SameDay, at(2026, 3, 2, 17, 0)},
		{"same day: after hours is tomorrow", at(2026, 3, 2, 18, 30), 1, SameDay, at(2026, 3, 3, 17, 0)},
		{"same day: Friday 16:00 is Monday", at(2026, 3, 6, 16, 0), 1, SameDay, at(2026, 3, 9, 17, 0)},
		{"same day: Saturday is Monday", at(2026, 3, 7, 10, 0), 1, SameDay, at(2026, 3, 9, 17, 0)},
		{"same day: before Tết after 15:00 skips Tết", at(2026, 2, 13, 15, 30), 1, SameDay, at(2026, 2, 23, 17, 0)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := c.Due(tc.from, tc.amount, tc.unit)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tc.want) {
				t.Errorf("Due(%s, %d %s) = %s, want %s", tc.from.Format(time.RFC3339), tc.amount, tc.unit, got.Format(time.RFC3339), tc.want.Format(time.RFC3339))
			}
			if got.Location() != hcm {
				t.Errorf("result in %s, want Asia/Ho_Chi_Minh", got.Location())
			}
			if !c.IsWorkingDay(DayOf(got, hcm)) {
				t.Errorf("due %s is not a working day", got)
			}
		})
	}
}

func TestDueErrors(t *testing.T) {
	c := testCalendar()
	from := at(2026, 3, 2, 9, 0)
	for _, tc := range []struct {
		amount int
		unit   Unit
		want   error
	}{
		{-1, WorkingDays, ErrAmount},
		{1, "weeks", ErrUnit},
		{MaxWorkingDays + 1, WorkingDays, ErrAmountLarge},
		{MaxDays + 1, Days, ErrAmountLarge},
		{MaxWorkingHours + 1, WorkingHours, ErrAmountLarge},
	} {
		if _, err := c.Due(from, tc.amount, tc.unit); err != tc.want {
			t.Errorf("Due(%d %s) err = %v, want %v", tc.amount, tc.unit, err, tc.want)
		}
	}
	// A year declared entirely off cannot hang the server.
	var all []Holiday
	for d := D(2027, 1, 1); d.Year == 2027; d = d.AddDays(1) {
		all = append(all, Holiday{Day: d, Name: "x"})
	}
	closed := New(hcm, DefaultOfficeHours(), map[int]YearRules{2027: {Holidays: all}})
	got, err := closed.Due(at(2026, 12, 31, 16, 0), 1, WorkingDays)
	if err != nil || !got.Equal(at(2028, 1, 4, 16, 0)) { // Monday 3/1 compensates Saturday 1/1
		t.Errorf("over a closed year: %s, %v", got, err)
	}
}

func TestWorkingBetween(t *testing.T) {
	c := testCalendar()
	for _, tc := range []struct {
		name     string
		from, to time.Time
		want     time.Duration
	}{
		{"one working day", at(2026, 3, 2, 9, 0), at(2026, 3, 3, 9, 0), 8 * time.Hour},
		{"over Tết and weekends", at(2026, 2, 13, 9, 0), at(2026, 2, 23, 9, 0), 8 * time.Hour},
		{"lunch only", at(2026, 3, 2, 11, 30), at(2026, 3, 2, 13, 30), 0},
		{"evening to morning", at(2026, 3, 2, 16, 0), at(2026, 3, 3, 8, 0), 2 * time.Hour},
		{"weekend", at(2026, 3, 7, 0, 0), at(2026, 3, 9, 0, 0), 0},
		{"make-up Saturday", at(2026, 2, 28, 0, 0), at(2026, 3, 1, 0, 0), 8 * time.Hour},
		{"reversed", at(2026, 3, 3, 9, 0), at(2026, 3, 2, 9, 0), 0},
	} {
		if got := c.WorkingBetween(tc.from, tc.to); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
	// AddWorking and WorkingBetween are inverse over many starting points.
	for from := at(2026, 2, 10, 6, 45); from.Before(at(2026, 3, 10, 0, 0)); from = from.Add(97 * time.Minute) {
		for _, d := range []time.Duration{30 * time.Minute, 8 * time.Hour, 27 * time.Hour} {
			end := c.AddWorking(from, d)
			if got := c.WorkingBetween(from, end); got != d {
				t.Fatalf("WorkingBetween(%s, AddWorking(+%s) = %s) = %s", from, d, end, got)
			}
		}
	}
}

func TestAddWorkingNegative(t *testing.T) {
	c := testCalendar()
	if got := c.AddWorking(at(2026, 3, 7, 10, 0), -time.Hour); !got.Equal(at(2026, 3, 9, 7, 0)) {
		t.Errorf("AddWorking(-1h) = %s, want the next working instant", got)
	}
}

func TestResume(t *testing.T) {
	c := testCalendar()
	// Due Tuesday 17:00; paused Monday 17:00 with one working day left;
	// supplemented Thursday 09:00 → due Friday 09:00.
	got := c.Resume(at(2026, 3, 10, 17, 0), at(2026, 3, 9, 17, 0), at(2026, 3, 12, 9, 0))
	if want := at(2026, 3, 13, 9, 0); !got.Equal(want) {
		t.Errorf("Resume = %s, want %s", got, want)
	}
}

func TestOfficeHours(t *testing.T) {
	o, err := ParseOfficeHours("07:30-11:30, 13:00–17:00")
	if err != nil {
		t.Fatal(err)
	}
	if o.PerDay() != 8*time.Hour || o.String() != "07:30-11:30, 13:00-17:00" {
		t.Errorf("parsed %v (%s)", o, o.PerDay())
	}
	if DefaultOfficeHours().PerDay() != 8*time.Hour || DefaultOfficeHours().String() != "07:00-11:30, 13:30-17:00" {
		t.Error("default office hours are not 07:00-11:30, 13:30-17:00")
	}
	for _, bad := range []string{"", "7h-11h", "11:30-07:00", "07:00-12:00, 11:00-17:00", "25:00-26:00"} {
		if _, err := ParseOfficeHours(bad); err == nil {
			t.Errorf("ParseOfficeHours(%q) accepted", bad)
		}
	}
	// Other office hours change working days' length and the due dates.
	c := New(hcm, o, nil)
	got, _ := c.Due(at(2026, 3, 2, 7, 0), 1, WorkingDays)
	if want := at(2026, 3, 2, 7, 30).Add(8 * time.Hour).Add(90 * time.Minute); !got.Equal(want) {
		t.Errorf("Due with 07:30 opening = %s, want %s", got, want)
	}
}
