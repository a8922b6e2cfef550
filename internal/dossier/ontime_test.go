package dossier

import (
	"testing"
	"time"
)

func TestClassify(t *testing.T) {
	c := cal()
	due := at(2026, 3, 10, 15, 0) // Tuesday
	cases := []struct {
		name string
		d    Dossier
		now  time.Time
		want Timeliness
	}{
		{"not received", Dossier{Status: New}, due, NoDeadline},
		{"refused before receipt", Dossier{Status: Refused, FinishedAt: due}, due, NoDeadline},
		{"finished days early", Dossier{Status: Finished, DueAt: due, FinishedAt: at(2026, 3, 6, 10, 0)}, due, Early},
		{"finished on the day", Dossier{Status: Finished, DueAt: due, FinishedAt: at(2026, 3, 10, 8, 0)}, due, OnTime},
		{"finished exactly at appointment", Dossier{Status: Finished, DueAt: due, FinishedAt: due}, due, OnTime},
		{"finished a minute late", Dossier{Status: Finished, DueAt: due, FinishedAt: due.Add(time.Minute)}, due, Late},
		{"returned late but finished on time", Dossier{Status: Returned, DueAt: due, FinishedAt: due.Add(-time.Hour), ReturnedAt: due.Add(72 * time.Hour)}, due, OnTime},
		{"returned without finish time uses return", Dossier{Status: Returned, DueAt: due, ReturnedAt: due.Add(time.Hour)}, due, Late},
		{"stopped in time", Dossier{Status: Stopped, DueAt: due, FinishedAt: due.Add(-time.Hour)}, due, OnTime},
		{"withdrawn while paused counts at pause", Dossier{Status: Withdrawn, DueAt: due, PausedAt: due.Add(-time.Hour), FinishedAt: due.Add(240 * time.Hour)}, due, OnTime},
		{"second supplement is late even if early", Dossier{Status: Finished, DueAt: due, FinishedAt: at(2026, 3, 3, 9, 0), SupplementCount: 2}, due, Late},
		{"one supplement is fine", Dossier{Status: Finished, DueAt: due, FinishedAt: at(2026, 3, 10, 9, 0), SupplementCount: 1}, due, OnTime},
		{"open, days left", Dossier{Status: Processing, DueAt: due}, at(2026, 3, 5, 9, 0), InTime},
		{"open, one working day left over a weekend", Dossier{Status: Processing, DueAt: at(2026, 3, 9, 9, 0)}, at(2026, 3, 6, 9, 0), NearDue},
		{"open, past due", Dossier{Status: Financial, DueAt: due}, due.Add(time.Second), Overdue},
		{"open, second supplement requested", Dossier{Status: Supplement, DueAt: due, PausedAt: at(2026, 3, 3, 9, 0), SupplementCount: 2}, at(2026, 3, 3, 10, 0), Overdue},
		{"paused long after due date is judged at pause", Dossier{Status: Supplement, DueAt: due, PausedAt: at(2026, 3, 2, 9, 0), SupplementCount: 1}, at(2026, 4, 1, 9, 0), InTime},
	}
	for _, cs := range cases {
		if got := Classify(&cs.d, cs.now, c); got != cs.want {
			t.Errorf("%s: %v, want %v", cs.name, got, cs.want)
		}
	}
}

func TestResponseBreach(t *testing.T) {
	c := cal()
	sub := at(2026, 3, 6, 16, 0) // Friday 16:00: 1 h Friday, 7 h Monday → Monday 16:00
	cases := []struct {
		name string
		d    Dossier
		now  time.Time
		want bool
	}{
		{"counter dossiers have no limit", Dossier{Channel: Counter, Status: New, SubmittedAt: sub}, sub.Add(30 * 24 * time.Hour), false},
		{"waiting within 8 working hours", Dossier{Channel: Online, Status: New, SubmittedAt: sub}, at(2026, 3, 9, 15, 59), false},
		{"waiting past 8 working hours", Dossier{Channel: Online, Status: New, SubmittedAt: sub}, at(2026, 3, 9, 16, 1), true},
		{"received in time", Dossier{Channel: Online, Status: Processing, SubmittedAt: sub, RespondedAt: at(2026, 3, 9, 16, 0)}, at(2026, 4, 1, 9, 0), false},
		{"refused late", Dossier{Channel: Online, Status: Refused, SubmittedAt: sub, RespondedAt: at(2026, 3, 10, 8, 0)}, at(2026, 4, 1, 9, 0), true},
	}
	for _, cs := range cases {
		if got := ResponseBreach(&cs.d, cs.now, c); got != cs.want {
			t.Errorf("%s: %v, want %v (deadline %v)", cs.name, got, cs.want, ResponseDeadline(&cs.d, c))
		}
	}
}
