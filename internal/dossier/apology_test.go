package dossier

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// hoursClock counts every hour as working time: enough to tell near due
// from in time; working days are weekdays.
type hoursClock struct{}

func (hoursClock) WorkingBetween(from, to time.Time) time.Duration { return to.Sub(from) }
func (hoursClock) AddWorking(from time.Time, d time.Duration) time.Time {
	return from.Add(d)
}
func (hoursClock) Resume(due, pausedAt, resumedAt time.Time) time.Time {
	return due.Add(resumedAt.Sub(pausedAt))
}

func weekday(t time.Time) bool {
	wd := t.In(Loc).Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

func TestApologise(t *testing.T) {
	due := time.Date(2026, 3, 5, 16, 0, 0, 0, Loc) // Thursday
	d := Dossier{ID: 7, Status: Processing, DueAt: due, Version: 3}
	newDue := time.Date(2026, 3, 9, 17, 0, 0, 0, Loc) // Monday
	ok := ApologyInput{Who: Desk, Actor: "Cán bộ", Now: due.Add(-4 * time.Hour), Reason: "  Chờ xác minh  ", NewDue: newDue, Clock: hoursClock{}, WorkingDay: weekday}

	n, ev, err := Apologise(d, ok)
	if err != nil {
		t.Fatal(err)
	}
	if n.ApologyCount != 1 || !n.NewDueAt.Equal(newDue) || !n.DueAt.Equal(due) || n.Status != Processing {
		t.Fatalf("after: %+v", n)
	}
	if ev.Action != ActApologise || ev.From != Processing || ev.To != Processing || ev.Note != "Chờ xác minh\nHẹn lại ngày trả kết quả: 09/03/2026." {
		t.Fatalf("event: %+v", ev)
	}
	if ApologyReason(ev.Note) != "Chờ xác minh" {
		t.Fatalf("reason back: %q", ApologyReason(ev.Note))
	}
	if d.ApologyCount != 0 {
		t.Fatal("input dossier modified")
	}
	// Once apologised, the dossier is judged against the new date: past
	// the first appointment but far from the new one, no second apology;
	// past the new one, a second apology, for a date after it.
	late := ok
	late.Now = due.Add(24 * time.Hour)
	if _, _, err := Apologise(n, late); err == nil || !strings.Contains(err.Error(), "09/03/2026") {
		t.Fatalf("second apology while the new date is far: %v", err)
	}
	late.Now = newDue.Add(-time.Hour)
	if _, _, err := Apologise(n, late); err == nil || !strings.Contains(err.Error(), "sau ngày hẹn trước đó (09/03/2026)") {
		t.Fatalf("second apology for a date before the first apology's: %v", err)
	}
	late.NewDue = time.Date(2026, 3, 11, 17, 0, 0, 0, Loc)
	if n2, _, err := Apologise(n, late); err != nil || n2.ApologyCount != 2 || !n2.NewDueAt.Equal(late.NewDue) {
		t.Fatalf("second apology when the new date passed: %v %+v", err, n2)
	}

	cases := []struct {
		name string
		d    func(*Dossier)
		in   func(*ApologyInput)
		kind error
		msg  string
	}{
		{"in time", nil, func(in *ApologyInput) { in.Now = due.Add(-72 * time.Hour) }, ErrForbiddenTransition, "chưa cần"},
		{"finished", func(d *Dossier) { d.Status = Finished }, nil, ErrForbiddenTransition, "Đã xử lý xong"},
		{"not received", func(d *Dossier) { d.Status, d.DueAt = New, time.Time{} }, nil, ErrForbiddenTransition, "Mới đăng ký"},
		{"citizen", nil, func(in *ApologyInput) { in.Who = Citizen }, ErrNotAllowed, "không có quyền"},
		{"no reason", nil, func(in *ApologyInput) { in.Reason = " \n " }, ErrNeedReason, "lý do"},
		{"long reason", nil, func(in *ApologyInput) { in.Reason = strings.Repeat("a", MaxReasonLen+1) }, ErrNeedReason, "dài quá"},
		{"no date", nil, func(in *ApologyInput) { in.NewDue = time.Time{} }, ErrBadDate, "chọn ngày"},
		{"past", nil, func(in *ApologyInput) { in.NewDue = in.Now.Add(-time.Minute) }, ErrBadDate, "sau thời điểm hiện tại"},
		{"before due", nil, func(in *ApologyInput) { in.NewDue = due.Add(-time.Hour) }, ErrBadDate, "05/03/2026"},
		{"saturday", nil, func(in *ApologyInput) { in.NewDue = time.Date(2026, 3, 7, 17, 0, 0, 0, Loc) }, ErrBadDate, "ngày nghỉ"},
	}
	for _, c := range cases {
		dd, in := d, ok
		if c.d != nil {
			c.d(&dd)
		}
		if c.in != nil {
			c.in(&in)
		}
		_, _, err := Apologise(dd, in)
		var te *TransitionError
		if !errors.Is(err, c.kind) || !errors.As(err, &te) || !strings.Contains(te.Msg, c.msg) {
			t.Errorf("%s: %v, want %v containing %q", c.name, err, c.kind, c.msg)
		}
	}
	if ActionLabel(ActApologise) != "Xin lỗi, hẹn lại ngày trả kết quả" {
		t.Error("apology has no label in the history")
	}
}

func TestApologyNeeded(t *testing.T) {
	recv := time.Date(2026, 3, 2, 9, 0, 0, 0, Loc)
	eight := Dossier{Status: Received, ReceivedAt: recv, DueAt: recv.Add(8 * time.Hour)}
	fifteen := Dossier{Status: Processing, ReceivedAt: recv, DueAt: recv.Add(15 * 8 * time.Hour)}
	apologised := fifteen
	apologised.ApologyCount, apologised.NewDueAt = 1, fifteen.DueAt.Add(72*time.Hour)
	twice := fifteen
	twice.SupplementCount = 2
	done := eight
	done.Status = Finished
	for _, c := range []struct {
		name          string
		d             Dossier
		now           time.Time
		need, overdue bool
	}{
		{"8-hour dossier at receipt", eight, recv, false, false},
		{"8-hour dossier half way", eight, recv.Add(4 * time.Hour), false, false},
		{"8-hour dossier, last 2 hours", eight, recv.Add(6 * time.Hour), true, false},
		{"8-hour dossier past due", eight, recv.Add(9 * time.Hour), true, true},
		{"15-day dossier, 2 days left", fifteen, fifteen.DueAt.Add(-16 * time.Hour), false, false},
		{"15-day dossier, last day", fifteen, fifteen.DueAt.Add(-8 * time.Hour), true, false},
		{"after an apology, past the first date", apologised, fifteen.DueAt.Add(time.Hour), false, false},
		{"after an apology, near the new date", apologised, apologised.NewDueAt.Add(-time.Hour), true, false},
		{"after an apology, past the new date", apologised, apologised.NewDueAt.Add(time.Hour), true, true},
		{"second supplement", twice, recv, true, true},
		{"finished", done, recv.Add(9 * time.Hour), false, false},
	} {
		need, overdue := ApologyNeeded(&c.d, c.now, hoursClock{})
		if need != c.need || overdue != c.overdue {
			t.Errorf("%s: need %v overdue %v, want %v %v", c.name, need, overdue, c.need, c.overdue)
		}
	}
}
