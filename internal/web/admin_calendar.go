package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/calendar"
	"github.com/congportal/cong/internal/store"
)

// cachedCalendar is a site's calendar with the version it was built from
// (Server.calendar). The version is re-read (a primary-key lookup) on every
// use, so an edit on any instance is seen at once by all, and the calendar
// itself is only rebuilt when it changed.
type cachedCalendar struct {
	site    int64
	version int64
	cal     *calendar.Calendar
}

// workCalendar returns the site's working-day calendar: generated defaults
// plus the admins' edits, in Asia/Ho_Chi_Minh.
func (s *Server) workCalendar(ctx context.Context) (*calendar.Calendar, error) {
	site := s.siteIDCtx(ctx)
	v, err := s.st.CalendarVersion(ctx, site)
	if err != nil {
		return nil, err
	}
	// One slot: sites keep the same national holidays, so alternating
	// sites only rebuild a small calendar; the site is part of the check
	// because versions are counted per site.
	p := &s.calendar
	if c := p.Load(); c != nil && c.site == site && c.version == v {
		return c.cal, nil
	}
	data, err := s.st.CalendarData(ctx, site)
	if err != nil {
		return nil, err
	}
	c := &cachedCalendar{site: site, version: data.Version, cal: data.Calendar(nil)}
	p.Store(c)
	return c.cal, nil
}

// calendarChanged drops this instance's cached calendar at once after an
// edit (the version check would catch it on the next use anyway).
func (s *Server) calendarChanged() {
	s.calendar.Store(nil)
}

// calendarCell is one day in a month grid.
type calendarCell struct {
	Day     int    // 0: padding before the 1st or after the last day
	Date    string // dd/mm/yyyy
	Lunar   string // lunar day, "d/m" on the first of a lunar month
	Class   string // off, comp, makeup, weekend or empty
	Label   string // what the day is, for the title and screen readers
	Working bool
}

type calendarMonth struct {
	Name  string
	Weeks [][7]calendarCell
}

// calendarForm is the add-a-day form as typed.
type calendarForm struct{ Day, To, Kind, Name string }

type calendarPage struct {
	adminPage
	Year, Prev, Next int
	Edited           bool
	Tet              string
	WorkingDays      int
	PerDay           string
	OfficeHours      string
	Months           []calendarMonth
	Entries          []calendarEntryRow
	Kinds            []calendar.DayKind
	F                calendarForm
	Errors           map[string]string
	Message          string
	OfficeError      string
}

type calendarEntryRow struct {
	Date, ISO, Weekday, Kind, KindLabel, Name string
}

func (s *Server) calendarAdmin(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	year, err := calendarYearParam(r.URL.Query().Get("nam"), s.loc)
	if err != nil {
		return err
	}
	p, err := s.calendarPageFor(r, year)
	if err != nil {
		return err
	}
	return s.renderAdmin(w, http.StatusOK, "calendar", p)
}

// calendarYearParam reads ?nam=; empty means the current year.
func calendarYearParam(v string, loc *time.Location) (int, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Now().In(loc).Year(), nil
	}
	y, err := strconv.Atoi(v)
	if err != nil || y < calendar.MinYear || y > calendar.MaxYear {
		return 0, errBadRequest(fmt.Sprintf("Năm phải là số từ %d đến %d, ví dụ: ?nam=2026.", calendar.MinYear, calendar.MaxYear))
	}
	return y, nil
}

func (s *Server) calendarPageFor(r *http.Request, year int) (*calendarPage, error) {
	ctx := r.Context()
	cal, err := s.workCalendar(ctx)
	if err != nil {
		return nil, err
	}
	entries, edited, err := s.st.CalendarYear(ctx, s.siteIDOf(r), year)
	if err != nil {
		return nil, err
	}
	p := &calendarPage{adminPage: s.newAdminPage(r, fmt.Sprintf("Lịch làm việc năm %d", year)),
		Year: year, Prev: year - 1, Next: year + 1, Edited: edited, Kinds: calendar.Kinds, Errors: map[string]string{}}
	p.Nav = "calendar"
	if p.Prev < calendar.MinYear {
		p.Prev = 0
	}
	if p.Next > calendar.MaxYear {
		p.Next = 0
	}
	p.Tet = calendar.LunarNewYear(year, calendar.VietnamTZ).VN()
	o := cal.OfficeHours()
	p.OfficeHours = o.String()
	p.PerDay = hoursVN(o.PerDay())
	p.F.Kind = string(calendar.KindHoliday)
	for _, e := range entries {
		p.Entries = append(p.Entries, calendarEntryRow{Date: e.Day.VN(), ISO: e.Day.String(), Weekday: calendar.WeekdayName(e.Day.Weekday()),
			Kind: string(e.Kind), KindLabel: e.Kind.Label(), Name: e.Name})
	}
	for m := time.January; m <= time.December; m++ {
		month := calendarMonth{Name: fmt.Sprintf("Tháng %d", m)}
		first := calendar.D(year, m, 1)
		// Weeks start on Monday, as Vietnamese calendars print them.
		col := (int(first.Weekday()) + 6) % 7
		var week [7]calendarCell
		for d := first; d.Month == m; d = d.AddDays(1) {
			week[col] = calendarCellFor(cal, d)
			if week[col].Working {
				p.WorkingDays++
			}
			col++
			if col == 7 {
				month.Weeks = append(month.Weeks, week)
				week, col = [7]calendarCell{}, 0
			}
		}
		if col > 0 {
			month.Weeks = append(month.Weeks, week)
		}
		p.Months = append(p.Months, month)
	}
	return p, nil
}

// hoursVN writes a duration as "8 giờ" or "7 giờ 30 phút".
func hoursVN(d time.Duration) string {
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	if m == 0 {
		return fmt.Sprintf("%d giờ", h)
	}
	return fmt.Sprintf("%d giờ %d phút", h, m)
}

func calendarCellFor(cal *calendar.Calendar, d calendar.Day) calendarCell {
	c := calendarCell{Day: d.Day, Date: d.VN(), Working: cal.IsWorkingDay(d)}
	l := calendar.Solar2Lunar(d, calendar.VietnamTZ)
	c.Lunar = strconv.Itoa(l.Day)
	if l.Day == 1 {
		c.Lunar = fmt.Sprintf("%d/%d", l.Day, l.Month)
		if l.Leap {
			c.Lunar += "n"
		}
	}
	weekday := calendar.WeekdayName(d.Weekday())
	switch h, off := cal.DayOff(d); {
	case off && h.Compensation:
		c.Class, c.Label = "comp", h.Name
	case off:
		c.Class, c.Label = "off", h.Name
	case cal.IsMakeUpDay(d):
		c.Class, c.Label = "makeup", "Làm bù"
	case d.IsWeekend():
		c.Class, c.Label = "weekend", "Nghỉ cuối tuần"
	default:
		c.Label = "Ngày làm việc"
	}
	c.Label = strings.ToUpper(weekday[:1]) + weekday[1:] + " " + c.Date + ": " + c.Label
	return c
}

// calendarPutDay marks a day as holiday, compensation or make-up day.
func (s *Server) calendarPutDay(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	ctx := r.Context()
	f := calendarForm{Day: formText(r, "day"), To: formText(r, "to"), Kind: formText(r, "kind"), Name: formText(r, "name")}
	year, err := calendarYearParam(formText(r, "nam"), s.loc)
	if err != nil {
		return err
	}
	e := calendar.Entry{Kind: calendar.DayKind(f.Kind), Name: f.Name}.Normalize()
	errs := map[string]string{}
	if f.Day != "" {
		if e.Day, err = calendar.ParseDay(f.Day); err != nil {
			errs["day"] = "Ngày không hợp lệ; vui lòng nhập theo dạng dd/mm/yyyy, ví dụ 14/02/2026."
		}
	}
	var last calendar.Day
	if f.To != "" {
		if last, err = calendar.ParseDay(f.To); err != nil {
			errs["to"] = "Ngày kết thúc không hợp lệ; vui lòng nhập theo dạng dd/mm/yyyy, ví dụ 22/02/2026."
		}
	}
	var es []calendar.Entry
	if len(errs) == 0 {
		es, errs = calendar.ExpandRange(e, last)
	}
	if len(errs) > 0 {
		if !e.Day.IsZero() && errs["day"] == "" {
			year = e.Day.Year
		}
		p, err := s.calendarPageFor(r, year)
		if err != nil {
			return err
		}
		p.F, p.Errors = f, errs
		p.Message = "Chưa lưu: vui lòng sửa các ô được đánh dấu. Nội dung bạn nhập vẫn còn trong biểu mẫu."
		return s.renderAdmin(w, http.StatusUnprocessableEntity, "calendar", p)
	}
	before := calendarDayLabel(ctx, s, e.Day)
	if err := s.st.PutCalendarDays(ctx, s.siteIDOf(r), es); err != nil {
		return err
	}
	s.calendarChanged()
	what := e.Day.VN() + ": " + before
	if len(es) > 1 {
		what = fmt.Sprintf("%s–%s (%d ngày)", e.Day.VN(), es[len(es)-1].Day.VN(), len(es))
	}
	s.audit(r, "calendar.day.put", "calendar", int64(e.Day.Year), fmt.Sprintf("%s → %s “%s”", what, e.Kind.Label(), e.Name))
	http.Redirect(w, r, fmt.Sprintf("/quan-tri/lich?nam=%d&tb=lich-luu", e.Day.Year), http.StatusSeeOther)
	return nil
}

// calendarDayLabel says what a day was before an edit, for the audit log.
func calendarDayLabel(ctx context.Context, s *Server, d calendar.Day) string {
	cal, err := s.workCalendar(ctx)
	if err != nil {
		return "?"
	}
	if h, ok := cal.DayOff(d); ok {
		if h.Compensation {
			return calendar.KindCompensation.Label() + " “" + h.Name + "”"
		}
		return calendar.KindHoliday.Label() + " “" + h.Name + "”"
	}
	if cal.IsMakeUpDay(d) {
		return calendar.KindMakeUp.Label()
	}
	if d.IsWeekend() {
		return "cuối tuần"
	}
	return "ngày thường"
}

// calendarDeleteDay unmarks a day.
func (s *Server) calendarDeleteDay(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	ctx := r.Context()
	d, err := calendar.ParseDay(formText(r, "day"))
	if err != nil || d.Year < calendar.MinYear || d.Year > calendar.MaxYear {
		return errBadRequest("Ngày cần bỏ đánh dấu không hợp lệ.")
	}
	before := calendarDayLabel(ctx, s, d)
	if err := s.st.DeleteCalendarDay(ctx, s.siteIDOf(r), d); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return &Error{Status: http.StatusNotFound, Code: "not_found", Message: fmt.Sprintf("Ngày %s không được đánh dấu trong lịch (có thể người khác vừa bỏ). Vui lòng tải lại trang lịch.", d.VN())}
		}
		return err
	}
	s.calendarChanged()
	s.audit(r, "calendar.day.delete", "calendar", int64(d.Year), fmt.Sprintf("%s: bỏ %s", d.VN(), before))
	http.Redirect(w, r, fmt.Sprintf("/quan-tri/lich?nam=%d&tb=lich-xoa", d.Year), http.StatusSeeOther)
	return nil
}

// calendarReset drops a year's edits.
func (s *Server) calendarReset(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	v := formText(r, "nam")
	if v == "" {
		return errBadRequest("Thiếu năm cần đặt lại.")
	}
	year, err := calendarYearParam(v, s.loc)
	if err != nil {
		return err
	}
	dropped, err := s.st.ResetCalendarYear(r.Context(), s.siteIDOf(r), year)
	if err != nil {
		return err
	}
	flash := "lich-mac-dinh"
	if dropped {
		flash = "lich-dat-lai"
		s.calendarChanged()
		s.audit(r, "calendar.year.reset", "calendar", int64(year), fmt.Sprintf("năm %d về lịch mặc định", year))
	}
	http.Redirect(w, r, fmt.Sprintf("/quan-tri/lich?nam=%d&tb=%s", year, flash), http.StatusSeeOther)
	return nil
}

// calendarOfficeHours saves the office hours.
func (s *Server) calendarOfficeHours(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	ctx := r.Context()
	year, err := calendarYearParam(formText(r, "nam"), s.loc)
	if err != nil {
		return err
	}
	in := formText(r, "office_hours")
	o, perr := calendar.ParseOfficeHours(in)
	if perr != nil {
		p, err := s.calendarPageFor(r, year)
		if err != nil {
			return err
		}
		p.OfficeHours, p.OfficeError = in, perr.Error()+" Ví dụ: 07:00-11:30, 13:30-17:00."
		p.Message = "Chưa lưu giờ làm việc: vui lòng sửa ô được đánh dấu."
		return s.renderAdmin(w, http.StatusUnprocessableEntity, "calendar", p)
	}
	cal, err := s.workCalendar(ctx)
	if err != nil {
		return err
	}
	old := cal.OfficeHours().String()
	if err := s.st.SetOfficeHours(ctx, s.siteIDOf(r), o); err != nil {
		return err
	}
	s.calendarChanged()
	if old != o.String() {
		s.audit(r, "calendar.office_hours", "calendar", 0, fmt.Sprintf("giờ làm việc: “%s” → “%s”", old, o))
	}
	http.Redirect(w, r, fmt.Sprintf("/quan-tri/lich?nam=%d&tb=lich-gio-lam", year), http.StatusSeeOther)
	return nil
}
