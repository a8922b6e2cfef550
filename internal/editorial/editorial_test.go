package editorial

import (
	"errors"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/news"
)

var (
	editor   = &auth.User{ID: 1, Role: auth.RoleEditor}
	other    = &auth.User{ID: 2, Role: auth.RoleEditor}
	approver = &auth.User{ID: 3, Role: auth.RoleApprover}
	officer  = &auth.User{ID: 4, Role: auth.RoleOfficer}
)

// The one workflow: where each move leads, and 403 before 409.
func TestMoves(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		u    *auth.User
		from string
		step func(*auth.User, *State) error
		to   string
		err  error
	}{
		{"editor submits own draft", editor, news.StatusDraft, Submit, news.StatusPending, nil},
		{"editor resubmits returned", editor, news.StatusReturned, Submit, news.StatusPending, nil},
		{"other editor may not submit", other, news.StatusDraft, Submit, news.StatusDraft, ErrForbidden},
		{"submitting pending is a state problem", editor, news.StatusPending, Submit, news.StatusPending, ErrState},
		{"approver publishes pending", approver, news.StatusPending, publishNow(now), news.StatusPublished, nil},
		{"editor may not publish", editor, news.StatusPending, publishNow(now), news.StatusPending, ErrForbidden},
		{"published again is a state problem", approver, news.StatusPublished, publishNow(now), news.StatusPublished, ErrState},
		{"approver unpublishes", approver, news.StatusPublished, Unpublish, news.StatusDraft, nil},
		{"editor may not unpublish", editor, news.StatusPublished, Unpublish, news.StatusPublished, ErrForbidden},
		{"editor trashes own draft", editor, news.StatusDraft, Trash, news.StatusTrash, nil},
		{"editor may not trash a published item", editor, news.StatusPublished, Trash, news.StatusPublished, ErrForbidden},
		{"already in the bin", editor, news.StatusTrash, Trash, news.StatusTrash, ErrState},
		{"stranger and the bin", officer, news.StatusTrash, Trash, news.StatusTrash, ErrForbidden},
		{"restore as draft", approver, news.StatusTrash, Restore, news.StatusDraft, nil},
		{"restore needs the bin", approver, news.StatusDraft, Restore, news.StatusDraft, ErrState},
		{"return needs a comment", approver, news.StatusPending, returnWith(""), news.StatusPending, nil},
		{"return with comment", approver, news.StatusPending, returnWith("Sửa tiêu đề"), news.StatusReturned, nil},
		{"officer may not return", officer, news.StatusPending, returnWith("x"), news.StatusPending, ErrForbidden},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := &State{AuthorID: editor.ID, Status: c.from, ReviewComment: "cũ"}
			err := c.step(c.u, s)
			var fe *FieldError
			if c.name == "return needs a comment" {
				if !errors.As(err, &fe) || fe.Field != "comment" {
					t.Fatalf("err = %v, want a comment FieldError", err)
				}
			} else if !errors.Is(err, c.err) || (c.err == nil) != (err == nil) {
				t.Fatalf("err = %v, want %v", err, c.err)
			}
			if s.Status != c.to {
				t.Fatalf("status %s, want %s", s.Status, c.to)
			}
		})
	}
}

func publishNow(now time.Time) func(*auth.User, *State) error {
	return func(u *auth.User, s *State) error { return Publish(u, s, time.Time{}, now) }
}

func returnWith(c string) func(*auth.User, *State) error {
	return func(u *auth.User, s *State) error { return Return(u, s, c) }
}

// Publishing clears the review comment, keeps the first publication time,
// and a future time schedules instead.
func TestPublishTimes(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	first := now.Add(-48 * time.Hour)
	s := &State{AuthorID: editor.ID, Status: news.StatusDraft, ReviewComment: "sửa", PublishedAt: first}
	if err := Publish(approver, s, time.Time{}, now); err != nil || !s.PublishedAt.Equal(first) || s.ReviewComment != "" {
		t.Fatalf("republish: %v %+v", err, s)
	}
	s = &State{AuthorID: editor.ID, Status: news.StatusPending}
	if err := Publish(approver, s, now.Add(time.Hour), now); err != nil || s.Status != news.StatusScheduled || !s.ScheduledAt.Equal(now.Add(time.Hour)) {
		t.Fatalf("schedule: %v %+v", err, s)
	}
}

func TestName(t *testing.T) {
	forbidden, state := errors.New("f"), errors.New("s")
	field := func(f, m string) error { return errors.New(f + ":" + m) }
	if got := Name(ErrForbidden, forbidden, state, field); got != forbidden {
		t.Fatal(got)
	}
	if got := Name(ErrState, forbidden, state, field); got != state {
		t.Fatal(got)
	}
	if got := Name(&FieldError{"comment", "x"}, forbidden, state, field); got.Error() != "comment:x" {
		t.Fatal(got)
	}
	if Name(nil, forbidden, state, field) != nil {
		t.Fatal("nil error named")
	}
}
