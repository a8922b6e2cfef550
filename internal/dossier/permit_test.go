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
