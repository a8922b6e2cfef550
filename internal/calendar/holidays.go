package calendar

import (
	"sort"
	"time"
)

// Holiday is a public holiday or, with Compensation, a day off given in
// exchange for a holiday that fell on a weekend (nghỉ bù).
type Holiday struct {
	Day          Day
	Name         string
	Compensation bool
}

// YearRules are the days off and the make-up working Saturdays (làm bù) of
// one year. They are data: DefaultYear generates them from the Labour Code,
// and admins replace them with what the Prime Minister actually announces.
type YearRules struct {
	Holidays        []Holiday
	MakeUpSaturdays []Day
}

// Holiday names, as printed on official announcements.
const (
	NameNewYear       = "Tết Dương lịch"
	NameTet           = "Tết Nguyên đán"
	NameHungKings     = "Giỗ Tổ Hùng Vương"
	NameReunification = "Ngày Chiến thắng"
	NameLabour        = "Ngày Quốc tế Lao động"
	NameNational      = "Quốc khánh"
	NameCompensation  = "Nghỉ bù"
)

// DefaultYear returns the holidays of year under the Labour Code 2019, art.
// 112, before any announcement by the Prime Minister:
//
//   - 1/1; 30/4; 1/5;
//   - Giỗ Tổ Hùng Vương, 10/3 of the lunar calendar (UTC+7);
//   - Tết Nguyên đán, 5 days. The law lets the Prime Minister set the actual
//     days each year (usually a longer break with swapped days); the default
//     is the last day of the old lunar year and days 1–4 of month 1, and
//     admins override it once the announcement is out;
//   - 2/9 and one adjacent day, 1/9 or 3/9. The law leaves the choice to the
//     Prime Minister; announcements since 2021 pick the day that joins the
//     break to a weekend (2021: 2–3/9 Thu–Fri, 2022: 1–2/9 Thu–Fri, 2023:
//     1–2/9 Fri–Sat, 2024: 2–3/9 Mon–Tue, 2025: 1–2/9 Mon–Tue), so the
//     default is 3/9 when 2/9 is a Sunday, Monday or Thursday and 1/9
//     otherwise (a Wednesday has no weekend to join; 1/9 is then arbitrary);
//   - every holiday that falls on a Saturday or Sunday gives a compensation
//     day on the next working day (art. 112.3).
//
// There are no make-up Saturdays by default: they only exist when an
// announcement swaps days.
func DefaultYear(year int) YearRules {
	var hs []Holiday
	add := func(d Day, name string) { hs = append(hs, Holiday{Day: d, Name: name}) }
	add(D(year, time.January, 1), NameNewYear)
	tet := LunarNewYear(year, VietnamTZ)
	for i := -1; i <= 3; i++ {
		add(tet.AddDays(i), NameTet)
	}
	if d, ok := Lunar2Solar(LunarDate{Day: 10, Month: 3, Year: year}, VietnamTZ); ok {
		add(d, NameHungKings)
	}
	add(D(year, time.April, 30), NameReunification)
	add(D(year, time.May, 1), NameLabour)
	national := D(year, time.September, 2)
	add(national, NameNational)
	switch national.Weekday() {
	case time.Sunday, time.Monday, time.Thursday:
		add(D(year, time.September, 3), NameNational)
	default:
		add(D(year, time.September, 1), NameNational)
	}
	sortHolidays(hs)
	return YearRules{Holidays: WithCompensation(hs)}
}

// WithCompensation returns hs plus one compensation day for each holiday on a
// Saturday or Sunday, placed on the next day that is neither a weekend nor a
// holiday nor already a compensation day. Holidays already marked as
// compensation are kept and do not generate more.
func WithCompensation(hs []Holiday) []Holiday {
	off := make(map[Day]bool, len(hs))
	for _, h := range hs {
		off[h.Day] = true
	}
	out := append([]Holiday(nil), hs...)
	sortHolidays(out)
	for _, h := range out {
		if h.Compensation || !h.Day.IsWeekend() {
			continue
		}
		d := h.Day.AddDays(1)
		for d.IsWeekend() || off[d] {
			d = d.AddDays(1)
		}
		off[d] = true
		out = append(out, Holiday{Day: d, Name: NameCompensation + " " + h.Name, Compensation: true})
	}
	sortHolidays(out)
	return out
}

func sortHolidays(hs []Holiday) {
	sort.SliceStable(hs, func(i, j int) bool { return hs[i].Day.Before(hs[j].Day) })
}
