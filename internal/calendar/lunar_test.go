package calendar

import (
	"testing"
	"time"
)

// Tết (1/1 lunar) in Vietnam, from the published calendars (Hồ Ngọc Đức's
// tables and the yearly announcements).
var vietnameseTet = map[int]Day{
	1968: D(1968, 1, 29),
	1985: D(1985, 1, 21),
	1990: D(1990, 1, 27),
	1995: D(1995, 1, 31),
	2000: D(2000, 2, 5),
	2001: D(2001, 1, 24),
	2002: D(2002, 2, 12),
	2003: D(2003, 2, 1),
	2004: D(2004, 1, 22),
	2005: D(2005, 2, 9),
	2006: D(2006, 1, 29),
	2007: D(2007, 2, 17),
	2008: D(2008, 2, 7),
	2009: D(2009, 1, 26),
	2010: D(2010, 2, 14),
	2011: D(2011, 2, 3),
	2012: D(2012, 1, 23),
	2013: D(2013, 2, 10),
	2014: D(2014, 1, 31),
	2015: D(2015, 2, 19),
	2016: D(2016, 2, 8),
	2017: D(2017, 1, 28),
	2018: D(2018, 2, 16),
	2019: D(2019, 2, 5),
	2020: D(2020, 1, 25),
	2021: D(2021, 2, 12),
	2022: D(2022, 2, 1),
	2023: D(2023, 1, 22),
	2024: D(2024, 2, 10),
	2025: D(2025, 1, 29),
	2026: D(2026, 2, 17),
	2027: D(2027, 2, 6),
	2028: D(2028, 1, 26),
	2029: D(2029, 2, 13),
	2030: D(2030, 2, 2),
}

func TestTetVietnam(t *testing.T) {
	for year, want := range vietnameseTet {
		if got := LunarNewYear(year, VietnamTZ); got != want {
			t.Errorf("Tết %d = %s, want %s", year, got, want)
		}
		if got := Solar2Lunar(want, VietnamTZ); got != (LunarDate{Day: 1, Month: 1, Year: year}) {
			t.Errorf("Solar2Lunar(%s) = %+v, want 1/1/%d", want, got, year)
		}
		// The day before Tết is the last day of the previous lunar year.
		if got := Solar2Lunar(want.AddDays(-1), VietnamTZ); got.Year != year-1 || got.Month != 12 || got.Day < 29 {
			t.Errorf("day before Tết %d = %+v, want 29 or 30/12/%d", year, got, year-1)
		}
	}
}

// The same algorithm at UTC+8 gives the Chinese dates: the years where the two
// calendars differ differ only because of the time zone.
func TestTetVietnamVersusChina(t *testing.T) {
	for _, c := range []struct {
		year   int
		vn, cn Day
	}{
		{1968, D(1968, 1, 29), D(1968, 1, 30)}, // the North switched to UTC+7 that year; the South kept UTC+8
		// The 1984 winter solstice is on 21/12 at UTC+7 but on 22/12, a
		// new-moon day, at UTC+8: month 11 starts a month later in China,
		// which puts a leap month 10 into 1984 and Tết a month later.
		{1985, D(1985, 1, 21), D(1985, 2, 20)},
		{2007, D(2007, 2, 17), D(2007, 2, 18)}, // new moon between 23:00 and 24:00 at UTC+7: after midnight at UTC+8
		{2030, D(2030, 2, 2), D(2030, 2, 3)},   // the same
	} {
		if got := LunarNewYear(c.year, VietnamTZ); got != c.vn {
			t.Errorf("Tết %d at UTC+7 = %s, want %s", c.year, got, c.vn)
		}
		if got := LunarNewYear(c.year, 8); got != c.cn {
			t.Errorf("Chinese New Year %d at UTC+8 = %s, want %s", c.year, got, c.cn)
		}
	}
	// 1984 at UTC+8 has a leap month 10 (starting 23/11/1984); at UTC+7 that
	// day starts an ordinary month 11.
	if l := Solar2Lunar(D(1984, 11, 23), 8); l != (LunarDate{1, 10, 1984, true}) {
		t.Errorf("23/11/1984 at UTC+8 = %+v, want leap 1/10", l)
	}
	if l := Solar2Lunar(D(1984, 11, 23), VietnamTZ); l != (LunarDate{1, 11, 1984, false}) {
		t.Errorf("23/11/1984 at UTC+7 = %+v, want 1/11", l)
	}
	// Years where both agree stay equal at UTC+8.
	for _, year := range []int{2020, 2024, 2025, 2026} {
		if vn, cn := LunarNewYear(year, VietnamTZ), LunarNewYear(year, 8); vn != cn {
			t.Errorf("%d: VN %s and CN %s should agree", year, vn, cn)
		}
	}
}

func TestHungKings(t *testing.T) {
	for year, want := range map[int]Day{
		2019: D(2019, 4, 14),
		2020: D(2020, 4, 2),
		2021: D(2021, 4, 21),
		2022: D(2022, 4, 10),
		2023: D(2023, 4, 29),
		2024: D(2024, 4, 18),
		2025: D(2025, 4, 7),
		2026: D(2026, 4, 26),
	} {
		got, ok := Lunar2Solar(LunarDate{Day: 10, Month: 3, Year: year}, VietnamTZ)
		if !ok || got != want {
			t.Errorf("Giỗ Tổ %d = %s (ok=%v), want %s", year, got, ok, want)
		}
	}
}

func TestLeapMonths(t *testing.T) {
	for _, c := range []struct {
		solar Day
		lunar LunarDate
	}{
		{D(2020, 5, 23), LunarDate{1, 4, 2020, true}},
		{D(2023, 3, 22), LunarDate{1, 2, 2023, true}},
		{D(2023, 2, 20), LunarDate{1, 2, 2023, false}},
		{D(2025, 7, 25), LunarDate{1, 6, 2025, true}},
		{D(2025, 6, 25), LunarDate{1, 6, 2025, false}},
	} {
		if got := Solar2Lunar(c.solar, VietnamTZ); got != c.lunar {
			t.Errorf("Solar2Lunar(%s) = %+v, want %+v", c.solar, got, c.lunar)
		}
		if got, ok := Lunar2Solar(c.lunar, VietnamTZ); !ok || got != c.solar {
			t.Errorf("Lunar2Solar(%+v) = %s, %v, want %s", c.lunar, got, ok, c.solar)
		}
	}
	if _, ok := Lunar2Solar(LunarDate{1, 3, 2023, true}, VietnamTZ); ok {
		t.Error("2023 has no leap month 3")
	}
	if _, ok := Lunar2Solar(LunarDate{1, 2, 2024, true}, VietnamTZ); ok {
		t.Error("2024 has no leap month")
	}
}

// Every day from 1900 to 2100 converts to lunar and back to itself, and the
// lunar days of consecutive civil days follow each other.
func TestLunarRoundTrip(t *testing.T) {
	d := D(1900, 2, 1)
	prev := Solar2Lunar(d.AddDays(-1), VietnamTZ)
	for d.Year < 2100 {
		l := Solar2Lunar(d, VietnamTZ)
		back, ok := Lunar2Solar(l, VietnamTZ)
		if !ok || back != d {
			t.Fatalf("%s → %+v → %s (ok=%v)", d, l, back, ok)
		}
		if l.Day != prev.Day+1 && (l.Day != 1 || prev.Day < 29) {
			t.Fatalf("%s: lunar day %d follows %d", d, l.Day, prev.Day)
		}
		prev = l
		d = d.AddDays(7)
		prev = Solar2Lunar(d.AddDays(-1), VietnamTZ)
	}
}

func TestJulianDay(t *testing.T) {
	if got := julianDay(1, 1, 2000); got != 2451545 {
		t.Errorf("JD 1/1/2000 = %d", got)
	}
	for _, jd := range []int{2299160, 2299161, 2451545, 2460000} {
		dd, mm, yy := fromJulianDay(jd)
		if back := julianDay(dd, mm, yy); back != jd {
			t.Errorf("%d → %d/%d/%d → %d", jd, dd, mm, yy, back)
		}
	}
	if got := D(2026, time.February, 17).Weekday(); got != time.Tuesday {
		t.Errorf("17/02/2026 is %s", got)
	}
}

func TestParseDay(t *testing.T) {
	for in, want := range map[string]Day{"2026-02-17": D(2026, 2, 17), "17/02/2026": D(2026, 2, 17), " 7/2/2026 ": D(2026, 2, 7)} {
		if got, err := ParseDay(in); err != nil || got != want {
			t.Errorf("ParseDay(%q) = %s, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "2026-02-30", "30/02/2026", "02/17/2026", "17-02-2026", "hôm nay"} {
		if _, err := ParseDay(in); err == nil {
			t.Errorf("ParseDay(%q) accepted", in)
		}
	}
}
