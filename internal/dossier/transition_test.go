package dossier

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/calendar"
)

func cal() *calendar.Calendar { return calendar.New(Loc, calendar.DefaultOfficeHours(), nil) }

func at(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, Loc)
}

func TestCode(t *testing.T) {
	// 23:30 UTC on 31/12 is already 1/1 in Vietnam: the code uses +07:00.
	got := Code("UBXA", time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC), 7)
	if got != "UBXA-270101-0007" {
		t.Fatalf("Code = %q", got)
	}
	if got := Code("SO", at(2026, 3, 2, 9, 0), 12345); got != "SO-260302-12345" {
		t.Fatalf("wide sequence = %q", got)
	}
}

func TestEveryAllowedTransition(t *testing.T) {
	c := cal()
	now := at(2026, 3, 2, 9, 0) // Monday
	for _, tr := range Transitions {
		for _, from := range tr.From {
			d := Dossier{ID: 1, Status: from, PrevStatus: Processing, DueAt: now.Add(48 * time.Hour), PausedAt: now.Add(-time.Hour)}
			in := Input{Action: tr.Action, Who: tr.By, Now: now, Note: "lý do", Assignee: 5, Due: now.Add(24 * time.Hour), ResultFile: "r.pdf", Clock: c}
			n, ev, err := Apply(d, in)
			if err != nil {
				t.Fatalf("%s from %d: %v", tr.Action, from, err)
			}
			want := tr.To
			if want == 0 {
				want = Processing
			}
			if n.Status != want || ev.From != from || ev.To != want || ev.Action != tr.Action || ev.Note != "lý do" {
				t.Fatalf("%s from %d: status %d event %+v", tr.Action, from, n.Status, ev)
			}
			if d.Status != from {
				t.Fatal("Apply modified its argument")
			}
		}
	}
}

func TestForbiddenTransitions(t *testing.T) {
	cases := []struct {
		from   Status
		action Action
	}{
		{New, ActProcess}, {New, ActFinish}, {Received, ActReceive}, {Received, ActFinish},
		{Refused, ActReceive}, {Processing, ActReturn}, {Supplement, ActFinish}, {Financial, ActFinish},
		{Withdrawn, ActReceive}, {Stopped, ActProcess}, {Finished, ActStop}, {Returned, ActReturn},
		{Finished, ActWithdraw}, {New, ActStop}, {New, ActRequestSupplement},
	}
	for _, c := range cases {
		_, _, err := Apply(Dossier{Status: c.from}, Input{Action: c.action, Who: Admin, Now: time.Now(), Note: "x", Assignee: 1, Due: time.Now(), ResultFile: "x"})
		if !errors.Is(err, ErrForbiddenTransition) {
			t.Fatalf("%s from %d: err = %v", c.action, c.from, err)
		}
		if !strings.Contains(err.Error(), c.from.String()) {
			t.Fatalf("message %q does not name the status %q", err, c.from)
		}
	}
}

func TestRolesAndRequiredInputs(t *testing.T) {
	now := time.Now()
	cases := []struct {
		name string
		d    Dossier
		in   Input
		want error
	}{
		{"desk cannot finish", Dossier{Status: Processing}, Input{Action: ActFinish, Who: Desk, ResultFile: "x"}, ErrNotAllowed},
		{"specialist cannot receive", Dossier{Status: New}, Input{Action: ActReceive, Who: Specialist, Due: now}, ErrNotAllowed},
		{"citizen cannot stop", Dossier{Status: Processing}, Input{Action: ActStop, Who: Citizen, Note: "x"}, ErrNotAllowed},
		{"admin may finish", Dossier{Status: Processing}, Input{Action: ActFinish, Who: Admin, ResultFile: "x"}, nil},
		{"refuse needs reason", Dossier{Status: New}, Input{Action: ActRefuse, Who: Desk, Note: "   "}, ErrNeedReason},
		{"supplement needs reason", Dossier{Status: Received}, Input{Action: ActRequestSupplement, Who: Desk}, ErrNeedReason},
		{"stop needs reason", Dossier{Status: Financial}, Input{Action: ActStop, Who: Specialist}, ErrNeedReason},
		{"reason too long", Dossier{Status: New}, Input{Action: ActRefuse, Who: Desk, Note: strings.Repeat("ă", MaxReasonLen+1)}, ErrNeedReason},
		{"finish needs result", Dossier{Status: Processing}, Input{Action: ActFinish, Who: Specialist}, ErrNeedResult},
		{"process needs assignee", Dossier{Status: Received}, Input{Action: ActProcess, Who: Desk}, ErrNeedAssignee},
		{"receive needs appointment", Dossier{Status: New}, Input{Action: ActReceive, Who: Desk}, ErrNeedDue},
		{"unknown action", Dossier{Status: New}, Input{Action: "explode", Who: Admin}, ErrUnknownAction},
	}
	for _, c := range cases {
		c.in.Now = now
		_, _, err := Apply(c.d, c.in)
		if !errors.Is(err, c.want) && !(c.want == nil && err == nil) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
	}
}

func TestAllowedListsOnlyCurrentMoves(t *testing.T) {
	d := &Dossier{Status: Processing}
	var names []string
	for _, tr := range Allowed(d, Desk) {
		names = append(names, string(tr.Action))
	}
	if got := strings.Join(names, ","); got != "assign,request_supplement,withdraw,stop" {
		t.Fatalf("desk on 4: %s", got)
	}
	names = nil
	for _, tr := range Allowed(d, Specialist) {
		names = append(names, string(tr.Action))
	}
	if got := strings.Join(names, ","); got != "assign,request_supplement,request_fee,stop,finish" {
		t.Fatalf("specialist on 4: %s", got)
	}
	if len(Allowed(&Dossier{Status: Returned}, Admin)) != 0 {
		t.Fatal("moves offered on a returned dossier")
	}
}

// A supplement pause across a weekend moves the appointment by exactly the
// working time the citizen took, and counts the request.
func TestSupplementPausesClock(t *testing.T) {
	c := cal()
	recv := at(2026, 3, 2, 9, 0) // Monday
	due, err := c.Due(recv, 5, calendar.WorkingDays)
	if err != nil {
		t.Fatal(err)
	}
	if want := at(2026, 3, 9, 9, 0); !due.Equal(want) {
		t.Fatalf("due = %v, want %v", due, want)
	}
	d := Dossier{Status: New, Channel: Online, SubmittedAt: recv.Add(-time.Hour)}
	d, _, err = Apply(d, Input{Action: ActReceive, Who: Desk, Now: recv, Due: due})
	if err != nil {
		t.Fatal(err)
	}
	if !d.RespondedAt.Equal(recv) || !d.ReceivedAt.Equal(recv) {
		t.Fatalf("responded %v received %v", d.RespondedAt, d.ReceivedAt)
	}
	// Paused Thursday 15:00, supplemented Monday 09:00: 2 h Thu + 8 h Fri + 2 h Mon = 12 h.
	d, _, _ = Apply(d, Input{Action: ActRequestSupplement, Who: Desk, Now: at(2026, 3, 5, 15, 0), Note: "thiếu giấy tờ"})
	if d.Status != Supplement || d.SupplementCount != 1 || d.PrevStatus != Received {
		t.Fatalf("after request: %+v", d)
	}
	d, _, err = Apply(d, Input{Action: ActSupplemented, Who: Citizen, Now: at(2026, 3, 9, 9, 0), Clock: c})
	if err != nil {
		t.Fatal(err)
	}
	if d.Status != Received || !d.PausedAt.IsZero() || d.PausedTotal != 12*time.Hour {
		t.Fatalf("after supplement: status %d paused %v total %v", d.Status, d.PausedAt, d.PausedTotal)
	}
	// 12 working hours were left at the pause; counted again from Monday
	// 09:00: 6 h on Monday, 6 h on Tuesday → Tuesday 10/3 15:00.
	if want := at(2026, 3, 10, 15, 0); !d.DueAt.Equal(want) {
		t.Fatalf("due after pause = %v, want %v", d.DueAt.In(Loc), want)
	}
}

// Received the day before the Tết 2027 break (5–11/02 off, with the
// weekend and compensation days): the appointment and a supplement pause
// skip the whole break.
func TestAppointmentAcrossTet(t *testing.T) {
	c := cal()
	recv := at(2027, 2, 4, 9, 0) // Thursday
	due, err := c.Due(recv, 3, calendar.WorkingDays)
	if err != nil {
		t.Fatal(err)
	}
	// 6 h on Thursday, 8 h Friday 12/02, 8 h Monday 15/02, 2 h Tuesday.
	if want := at(2027, 2, 16, 9, 0); !due.Equal(want) {
		t.Fatalf("due %v, want %v", due.In(Loc), want)
	}
	d, _, err := Apply(Dossier{Status: New}, Input{Action: ActReceive, Who: Desk, Now: recv, Due: due})
	if err != nil {
		t.Fatal(err)
	}
	d.Status = Processing
	d, _, _ = Apply(d, Input{Action: ActRequestSupplement, Who: Specialist, Now: at(2027, 2, 4, 15, 0), Note: "thiếu tờ khai"})
	d, _, err = Apply(d, Input{Action: ActSupplemented, Who: Citizen, Now: at(2027, 2, 12, 9, 0), Clock: c})
	if err != nil {
		t.Fatal(err)
	}
	// Paused 2 h Thursday + 2 h Friday morning; the seven days of Tết cost nothing.
	if d.PausedTotal != 4*time.Hour || d.Status != Processing {
		t.Fatalf("paused %v, status %d", d.PausedTotal, d.Status)
	}
	if want := at(2027, 2, 16, 15, 0); !d.DueAt.Equal(want) {
		t.Fatalf("due after supplement %v, want %v", d.DueAt.In(Loc), want)
	}
}
