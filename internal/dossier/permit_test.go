package dossier

import (
	"errors"
	"testing"
	"time"
)

// 403 before 409: an actor the table never lets make a move is refused as
// such even when the dossier's status would also forbid it (Apply used to
// check the status first and answer ErrForbiddenTransition).
func TestPermitBeforeStatus(t *testing.T) {
	now := at(2026, 3, 2, 9, 0)
	cases := []struct {
		action Action
		who    Actor
		status Status
		want   error
	}{
		{ActReceive, Specialist, Processing, ErrNotAllowed},
		{ActFinish, Desk, New, ErrNotAllowed},
		{ActRequestFee, Citizen, Finished, ErrNotAllowed},
		{ActReturn, Specialist, New, ErrNotAllowed},
		// Allowed actors hear about the status.
		{ActReceive, Desk, Processing, ErrForbiddenTransition},
		{ActFinish, Specialist, New, ErrForbiddenTransition},
		{ActFinish, Admin, New, ErrForbiddenTransition},
	}
	for _, c := range cases {
		d := Dossier{ID: 1, Status: c.status}
		_, _, err := Apply(d, Input{Action: c.action, Who: c.who, Now: now, Note: "lý do", Assignee: 1, Due: now.Add(time.Hour), ResultFile: "r.pdf"})
		if !errors.Is(err, c.want) {
			t.Errorf("%s by %d from %d: %v, want %v", c.action, c.who, c.status, err, c.want)
		}
		if perr := Permit(d, c.action, c.who); (perr != nil) != errors.Is(c.want, ErrNotAllowed) {
			t.Errorf("Permit(%s, %d) = %v", c.action, c.who, perr)
		}
	}
	if err := Permit(Dossier{}, "nhay-coc", Admin); !errors.Is(err, ErrUnknownAction) {
		t.Errorf("unknown action: %v", err)
	}
}

// Check answers what Apply would, without a stored result file: the same
// errors in the same order, and the same dossier after the move.
func TestCheckMatchesApply(t *testing.T) {
	now := at(2026, 3, 2, 9, 0)
	cases := []struct {
		name       string
		status     Status
		in         Input
		withResult bool
		want       error
		to         Status
	}{
		{"not allowed before status", Processing, Input{Action: ActReceive, Who: Specialist}, false, ErrNotAllowed, 0},
		{"status", Processing, Input{Action: ActReceive, Who: Desk, Due: now.Add(time.Hour)}, false, ErrForbiddenTransition, 0},
		{"reason", Received, Input{Action: ActStop, Who: Desk}, false, ErrNeedReason, 0},
		{"assignee", Received, Input{Action: ActProcess, Who: Desk}, false, ErrNeedAssignee, 0},
		{"due", New, Input{Action: ActReceive, Who: Desk}, false, ErrNeedDue, 0},
		{"finish without a file", Processing, Input{Action: ActFinish, Who: Specialist}, false, ErrNeedResult, 0},
		{"finish with a file still to store", Processing, Input{Action: ActFinish, Who: Specialist}, true, nil, Finished},
		{"forbidden even with a file", Received, Input{Action: ActFinish, Who: Specialist}, true, ErrForbiddenTransition, 0},
		{"receive", New, Input{Action: ActReceive, Who: Desk, Due: now.Add(time.Hour)}, false, nil, Received},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Dossier{ID: 1, Status: c.status}
			c.in.Now = now
			got, err := Check(d, c.in, c.withResult)
			if !errors.Is(err, c.want) || (c.want == nil) != (err == nil) {
				t.Fatalf("Check: %v, want %v", err, c.want)
			}
			if err == nil && got.Status != c.to {
				t.Fatalf("Check: status %d, want %d", got.Status, c.to)
			}
			if c.withResult {
				c.in.ResultFile = "ket-qua.pdf"
			}
			_, _, aerr := Apply(d, c.in)
			if !errors.Is(aerr, c.want) || (aerr == nil) != (err == nil) {
				t.Fatalf("Apply: %v, Check: %v", aerr, err)
			}
		})
	}
}
