package store_test

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/congportal/cong/internal/calendar"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func TestCalendarOverrides(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		st := site(t, s)
		loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
		v0, err := s.CalendarVersion(ctx, st.ID)
		if err != nil || v0 != 0 {
			t.Fatalf("fresh version %d, %v", v0, err)
		}
		es, edited, err := s.CalendarYear(ctx, st.ID, 2026)
		if err != nil || edited || len(es) != len(calendar.DefaultYear(2026).Entries()) {
			t.Fatalf("fresh 2026: %d entries, edited=%v, %v", len(es), edited, err)
		}

		// Mark the Saturday before Tết as a make-up day and add the Friday
		// before as a holiday: the whole year is copied, the two days added.
		makeUp := calendar.D(2026, 2, 7)
		extra := calendar.D(2026, 2, 13)
		if err := s.PutCalendarDay(ctx, st.ID, calendar.Entry{Day: makeUp, Kind: calendar.KindMakeUp, Name: "Làm bù"}); err != nil {
			t.Fatal(err)
		}
		if err := s.PutCalendarDay(ctx, st.ID, calendar.Entry{Day: extra, Kind: calendar.KindHoliday, Name: "Tết Nguyên đán"}); err != nil {
			t.Fatal(err)
		}
		es, edited, err = s.CalendarYear(ctx, st.ID, 2026)
		if err != nil || !edited || len(es) != len(calendar.DefaultYear(2026).Entries())+2 {
			t.Fatalf("edited 2026: %d entries, edited=%v, %v", len(es), edited, err)
		}
		data, err := s.CalendarData(ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		if data.Version != 2 {
			t.Errorf("version after two edits = %d", data.Version)
		}
		cal := data.Calendar(loc)
		if !cal.IsWorkingDay(makeUp) || cal.IsWorkingDay(extra) || cal.IsWorkingDay(calendar.D(2026, 2, 17)) {
			t.Error("overrides not applied, or defaults lost when the year was copied")
		}

		// Replacing a day's kind keeps one row per day.
		if err := s.PutCalendarDay(ctx, st.ID, calendar.Entry{Day: extra, Kind: calendar.KindCompensation, Name: "Nghỉ bù"}); err != nil {
			t.Fatal(err)
		}
		if h, ok := mustData(t, s, st.ID).Calendar(loc).DayOff(extra); !ok || !h.Compensation {
			t.Errorf("13/02 after replace: %+v %v", h, ok)
		}

		// Removing a default holiday makes it a working day.
		if err := s.DeleteCalendarDay(ctx, st.ID, calendar.D(2026, 9, 1)); err != nil {
			t.Fatal(err)
		}
		if !mustData(t, s, st.ID).Calendar(loc).IsWorkingDay(calendar.D(2026, 9, 1)) {
			t.Error("01/09 still off after removal")
		}
		if err := s.DeleteCalendarDay(ctx, st.ID, calendar.D(2026, 3, 3)); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("removing an unmarked day: %v", err)
		}

		// Office hours.
		o, _ := calendar.ParseOfficeHours("07:30-11:30, 13:00-17:00")
		if err := s.SetOfficeHours(ctx, st.ID, o); err != nil {
			t.Fatal(err)
		}
		if got := mustData(t, s, st.ID).Office.String(); got != o.String() {
			t.Errorf("office hours %q", got)
		}

		// Reset brings the defaults back; other sites are untouched.
		dropped, err := s.ResetCalendarYear(ctx, st.ID, 2026)
		if err != nil || !dropped {
			t.Fatalf("reset: %v %v", dropped, err)
		}
		d := mustData(t, s, st.ID)
		if _, ok := d.Years[2026]; ok {
			t.Error("2026 still overridden after reset")
		}
		if cal := d.Calendar(loc); cal.IsWorkingDay(calendar.D(2026, 9, 1)) || !cal.IsWorkingDay(extra) || cal.IsWorkingDay(makeUp) {
			t.Error("defaults not back after reset")
		}
		if dropped, err := s.ResetCalendarYear(ctx, st.ID, 2026); err != nil || dropped {
			t.Errorf("second reset: %v %v", dropped, err)
		}
		if v, _ := s.CalendarVersion(ctx, st.ID); v <= data.Version {
			t.Errorf("version did not grow: %d", v)
		}
	})
}

// An edited year where the admin removed every day off stays edited (and
// empty) rather than falling back to the defaults.
func TestCalendarEmptyEditedYear(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		st := site(t, s)
		for _, e := range calendar.DefaultYear(2027).Entries() {
			if err := s.DeleteCalendarDay(ctx, st.ID, e.Day); err != nil {
				t.Fatal(err)
			}
		}
		d := mustData(t, s, st.ID)
		r, ok := d.Years[2027]
		if !ok || len(r.Holidays) != 0 {
			t.Fatalf("2027: %v %+v", ok, r)
		}
		if !d.Calendar(nil).IsWorkingDay(calendar.D(2027, 1, 1)) {
			t.Error("01/01/2027 should be a working day after removing it")
		}
	})
}

// Two admins editing a fresh year at once: both edits land and the defaults
// are copied exactly once.
func TestCalendarConcurrentFirstEdit(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		st := site(t, s)
		days := []calendar.Day{calendar.D(2028, 3, 4), calendar.D(2028, 3, 11), calendar.D(2028, 3, 18), calendar.D(2028, 3, 25)}
		var wg sync.WaitGroup
		errs := make([]error, len(days))
		for i, d := range days {
			wg.Go(func() {
				errs[i] = s.PutCalendarDay(ctx, st.ID, calendar.Entry{Day: d, Kind: calendar.KindMakeUp, Name: "Làm bù"})
			})
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		es, _, err := s.CalendarYear(ctx, st.ID, 2028)
		if err != nil {
			t.Fatal(err)
		}
		if want := len(calendar.DefaultYear(2028).Entries()) + len(days); len(es) != want {
			t.Errorf("%d entries, want %d", len(es), want)
		}
		if v, _ := s.CalendarVersion(ctx, st.ID); v != int64(len(days)) {
			t.Errorf("version %d, want %d", v, len(days))
		}
	})
}

func mustData(t *testing.T, s *store.Store, siteID int64) store.CalendarData {
	t.Helper()
	d, err := s.CalendarData(ctx, siteID)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
