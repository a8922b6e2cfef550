package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/calendar"
)

type apiHoliday struct {
	Date         string `json:"date"`
	Name         string `json:"name"`
	Compensation bool   `json:"compensation"`
}

type apiSpan struct {
	From string `json:"from"`
	To   string `json:"to"`
}

type apiHolidays struct {
	Year               int          `json:"year"`
	Holidays           []apiHoliday `json:"holidays"`
	MakeUpSaturdays    []string     `json:"make_up_saturdays"`
	OfficeHours        []apiSpan    `json:"office_hours"`
	WorkingHoursPerDay float64      `json:"working_hours_per_day"`
	WorkingDays        int          `json:"working_days"`
}

// apiCalendarHolidays: GET /api/v1/calendar/holidays?year=YYYY (default: the
// current year).
func (s *Server) apiCalendarHolidays(w http.ResponseWriter, r *http.Request) error {
	year := time.Now().In(s.loc).Year()
	if v := strings.TrimSpace(r.URL.Query().Get("year")); v != "" {
		y, err := strconv.Atoi(v)
		if err != nil {
			return &Error{Status: http.StatusBadRequest, Code: "bad_request", Message: "year phải là số nguyên, ví dụ: year=2026.",
				Fields: map[string]string{"year": "phải là số nguyên"}}
		}
		if y < calendar.MinYear || y > calendar.MaxYear {
			msg := fmt.Sprintf("Chỉ có lịch cho các năm %d–%d.", calendar.MinYear, calendar.MaxYear)
			return &Error{Status: http.StatusUnprocessableEntity, Code: "validation", Message: msg, Fields: map[string]string{"year": msg}}
		}
		year = y
	}
	cal, err := s.workCalendar(r.Context())
	if err != nil {
		return err
	}
	rules := cal.Year(year)
	out := apiHolidays{Year: year, Holidays: []apiHoliday{}, MakeUpSaturdays: []string{},
		WorkingHoursPerDay: cal.OfficeHours().PerDay().Hours()}
	for _, h := range rules.Holidays {
		out.Holidays = append(out.Holidays, apiHoliday{Date: h.Day.String(), Name: h.Name, Compensation: h.Compensation})
	}
	for _, d := range rules.MakeUpSaturdays {
		out.MakeUpSaturdays = append(out.MakeUpSaturdays, d.String())
	}
	for _, sp := range cal.OfficeHours().SpanStrings() {
		out.OfficeHours = append(out.OfficeHours, apiSpan{From: sp[0], To: sp[1]})
	}
	for d := calendar.D(year, time.January, 1); d.Year == year; d = d.AddDays(1) {
		if cal.IsWorkingDay(d) {
			out.WorkingDays++
		}
	}
	// Integrators poll this; a minute of staleness after an admin edit is fine.
	w.Header().Set("Cache-Control", "public, max-age=60")
	writeJSON(w, http.StatusOK, out)
	return nil
}

type apiDue struct {
	From        string `json:"from"`
	Amount      int    `json:"amount"`
	Unit        string `json:"unit"`
	UnitLabel   string `json:"unit_label"`
	ClockStarts string `json:"clock_starts"` // first working instant at or after from
	Due         string `json:"due"`
	DueDate     string `json:"due_date"` // dd/mm/yyyy, as printed on receipts
}

// apiCalendarDue: GET /api/v1/calendar/due?from=<RFC3339>&amount=N&unit=….
// Malformed values are 400; well-formed values the calendar cannot use (a
// negative or huge amount, an unknown unit, a year outside the tables) are
// 422; each with per-field messages.
func (s *Server) apiCalendarDue(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	bad, invalid := map[string]string{}, map[string]string{}
	fromText := strings.TrimSpace(q.Get("from"))
	var from time.Time
	switch {
	case fromText == "":
		bad["from"] = "bắt buộc: thời điểm tiếp nhận theo RFC 3339, ví dụ 2026-03-02T09:00:00+07:00"
	default:
		var err error
		if from, err = time.Parse(time.RFC3339, fromText); err != nil {
			// A '+' not encoded as %2B arrives as a space.
			if alt, err2 := time.Parse(time.RFC3339, strings.Replace(fromText, " ", "+", 1)); err2 == nil {
				from = alt
			} else {
				bad["from"] = "không đúng định dạng RFC 3339 (ví dụ 2026-03-02T09:00:00+07:00; dấu + viết là %2B trong URL)"
			}
		}
		if _, ok := bad["from"]; !ok {
			if y := from.In(s.loc).Year(); y < calendar.MinYear || y > calendar.MaxYear-20 {
				invalid["from"] = fmt.Sprintf("chỉ tính được cho thời điểm trong các năm %d–%d", calendar.MinYear, calendar.MaxYear-20)
			}
		}
	}
	amountText := strings.TrimSpace(q.Get("amount"))
	amount, err := strconv.Atoi(amountText)
	switch {
	case amountText == "":
		bad["amount"] = "bắt buộc: số nguyên không âm"
	case err != nil:
		bad["amount"] = "phải là số nguyên không âm, ví dụ 5"
	case amount < 0:
		invalid["amount"] = "phải là số nguyên không âm"
	}
	unit := calendar.Unit(strings.TrimSpace(q.Get("unit")))
	switch {
	case unit == "":
		bad["unit"] = "bắt buộc: working_days, days, working_hours hoặc same_day"
	case !unit.Valid():
		invalid["unit"] = "chỉ nhận working_days (ngày làm việc), days (ngày), working_hours (giờ làm việc) hoặc same_day (trong ngày)"
	}
	if len(bad) > 0 {
		for k, v := range invalid {
			bad[k] = v
		}
		return &Error{Status: http.StatusBadRequest, Code: "bad_request", Message: "Tham số không hợp lệ: " + fieldList(bad) + ".", Fields: bad}
	}
	if len(invalid) > 0 {
		return &Error{Status: http.StatusUnprocessableEntity, Code: "validation", Message: "Tham số không hợp lệ: " + fieldList(invalid) + ".", Fields: invalid}
	}
	cal, err := s.workCalendar(r.Context())
	if err != nil {
		return err
	}
	due, err := cal.Due(from, amount, unit)
	if err != nil {
		msg := err.Error()
		field := "amount"
		if errors.Is(err, calendar.ErrNoWorkTime) {
			field = "from"
		}
		return &Error{Status: http.StatusUnprocessableEntity, Code: "validation", Message: strings.ToUpper(msg[:1]) + msg[1:] + ".", Fields: map[string]string{field: msg}}
	}
	loc := cal.Location()
	out := apiDue{From: from.In(loc).Format(time.RFC3339), Amount: amount, Unit: string(unit), UnitLabel: unit.Label(),
		ClockStarts: cal.NextWorkingStart(from).Format(time.RFC3339), Due: due.Format(time.RFC3339), DueDate: calendar.DayOf(due, loc).VN()}
	w.Header().Set("Cache-Control", "public, max-age=60")
	writeJSON(w, http.StatusOK, out)
	return nil
}

// fieldList names the fields of a per-field error map in a fixed order.
func fieldList(m map[string]string) string {
	var names []string
	for _, k := range []string{"from", "amount", "unit", "year"} {
		if v, ok := m[k]; ok {
			names = append(names, k+" "+v)
		}
	}
	return strings.Join(names, "; ")
}
