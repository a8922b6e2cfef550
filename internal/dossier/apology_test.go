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
	// Overdue dossiers may apologise too, and again.
	late := ok
	late.Now = due.Add(24 * time.Hour)
	if n2, _, err := Apologise(n, late); err != nil || n2.ApologyCount != 2 {
		t.Fatalf("second apology when overdue: %v %+v", err, n2)
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
