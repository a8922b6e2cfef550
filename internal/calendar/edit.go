package calendar

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// DayKind is what an admin can mark a day as.
type DayKind string

// Kinds of marked days, as stored.
const (
	KindHoliday      DayKind = "holiday"      // ngày nghỉ lễ, tết
	KindCompensation DayKind = "compensation" // nghỉ bù
	KindMakeUp       DayKind = "makeup"       // làm bù
)

// Kinds lists the kinds in form order.
var Kinds = []DayKind{KindHoliday, KindCompensation, KindMakeUp}

// Valid reports whether k is a known kind.
func (k DayKind) Valid() bool { return k == KindHoliday || k == KindCompensation || k == KindMakeUp }

// Label is the Vietnamese name of the kind.
func (k DayKind) Label() string {
	switch k {
	case KindHoliday:
		return "Nghỉ lễ, tết"
	case KindCompensation:
		return "Nghỉ bù"
	case KindMakeUp:
		return "Làm bù"
	}
	return string(k)
}

// Years the lunar formulas and the admin accept.
const (
	MinYear = 1900
	MaxYear = 2199
)

// Entry is one marked day, the form in which a year's rules are stored and
// edited.
type Entry struct {
	Day  Day
	Kind DayKind
	Name string
}

// Entries lists r's days, holidays and compensation days first in date order,
// then make-up days.
func (r YearRules) Entries() []Entry {
	out := make([]Entry, 0, len(r.Holidays)+len(r.MakeUpSaturdays))
	for _, h := range r.Holidays {
		k := KindHoliday
		if h.Compensation {
			k = KindCompensation
		}
		out = append(out, Entry{Day: h.Day, Kind: k, Name: h.Name})
	}
	for _, d := range r.MakeUpSaturdays {
		out = append(out, Entry{Day: d, Kind: KindMakeUp, Name: "Làm bù"})
	}
	return out
}

// RulesFromEntries is the inverse of Entries.
func RulesFromEntries(es []Entry) YearRules {
	var r YearRules
	for _, e := range es {
		switch e.Kind {
		case KindMakeUp:
			r.MakeUpSaturdays = append(r.MakeUpSaturdays, e.Day)
		default:
			r.Holidays = append(r.Holidays, Holiday{Day: e.Day, Name: e.Name, Compensation: e.Kind == KindCompensation})
		}
	}
	sortHolidays(r.Holidays)
	return r
}

// Normalize fills a missing name of a compensation or make-up day and trims
// spaces; CheckEntry then validates.
func (e Entry) Normalize() Entry {
	e.Name = strings.Join(strings.Fields(e.Name), " ")
	if e.Name == "" {
		switch e.Kind {
		case KindCompensation:
			e.Name = NameCompensation
		case KindMakeUp:
			e.Name = "Làm bù"
		}
	}
	return e
}

// CheckEntry validates a day an admin wants to mark. It returns messages in
// Vietnamese by form field ("day", "kind", "name"), empty when valid.
func CheckEntry(e Entry) map[string]string {
	errs := map[string]string{}
	switch {
	case e.Day.IsZero():
		errs["day"] = "Vui lòng chọn ngày."
	case e.Day.Year < MinYear || e.Day.Year > MaxYear:
		errs["day"] = fmt.Sprintf("Chỉ nhận ngày trong các năm %d–%d.", MinYear, MaxYear)
	}
	if !e.Kind.Valid() {
		errs["kind"] = "Vui lòng chọn loại ngày: nghỉ lễ, tết; nghỉ bù; hoặc làm bù."
	} else if _, bad := errs["day"]; !bad {
		weekend := e.Day.IsWeekend()
		switch {
		case e.Kind == KindMakeUp && !weekend:
			errs["day"] = fmt.Sprintf("Ngày làm bù phải là thứ Bảy hoặc Chủ nhật; %s là %s, vốn đã là ngày làm việc.", e.Day.VN(), WeekdayName(e.Day.Weekday()))
		case e.Kind == KindCompensation && weekend:
			errs["day"] = fmt.Sprintf("Ngày nghỉ bù phải là ngày làm việc thông thường; %s là %s.", e.Day.VN(), WeekdayName(e.Day.Weekday()))
		}
	}
	switch {
	case e.Kind == KindHoliday && e.Name == "":
		errs["name"] = "Vui lòng nhập tên ngày nghỉ, ví dụ: Tết Nguyên đán."
	case utf8.RuneCountInString(e.Name) > 200:
		errs["name"] = "Tên ngày nghỉ dài tối đa 200 ký tự."
	}
	return errs
}

var weekdayNames = [...]string{"Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"}

// WeekdayName is the Vietnamese name of w ("thứ Hai", …, "Chủ nhật").
func WeekdayName(w time.Weekday) string { return weekdayNames[w] }

// MaxRange is the longest run of days marked in one go (the longest Tết
// break announced so far is 9 days; a month leaves room for emergencies).
const MaxRange = 31

// ExpandRange returns e repeated for every day from e.Day to last
// (inclusive), for a break announced as "from … to …". Only holidays come in
// runs: compensation and make-up days are single days with their own rules.
// Errors are by form field, as CheckEntry's; "to" is the range's end.
func ExpandRange(e Entry, last Day) ([]Entry, map[string]string) {
	errs := CheckEntry(e)
	if last.IsZero() || last == e.Day {
		if len(errs) > 0 {
			return nil, errs
		}
		return []Entry{e}, nil
	}
	switch {
	case e.Kind != KindHoliday:
		errs["to"] = "Chỉ đánh dấu một đợt nhiều ngày cho ngày nghỉ lễ, tết; ngày nghỉ bù và làm bù nhập từng ngày."
	case e.Day.IsZero():
	case last.Before(e.Day):
		errs["to"] = "Ngày kết thúc phải sau ngày bắt đầu."
	case last.Year != e.Day.Year:
		errs["to"] = "Đợt nghỉ phải nằm trong cùng một năm; hãy nhập phần của năm sau riêng."
	case !last.Before(e.Day.AddDays(MaxRange)):
		errs["to"] = fmt.Sprintf("Một đợt nghỉ dài tối đa %d ngày.", MaxRange)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	var out []Entry
	for d := e.Day; !last.Before(d); d = d.AddDays(1) {
		x := e
		x.Day = d
		out = append(out, x)
	}
	return out, nil
}
