// Package editorial is the publishing workflow that news articles
// (package newsroom) and legal documents (package legaldoc) share:
// Nháp → Chờ duyệt → Đã xuất bản, Trả lại with a comment, gỡ (back to
// Nháp), the recycle bin, and for articles a scheduled publication. Who may
// make each move is auth.Can's to say; this package says from which status
// each move starts and where it leads, and answers 403 before 409.
package editorial

import (
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/viet"
)

// The kinds of refusal. newsroom and legaldoc turn them into their own
// errors (Name), whose Vietnamese messages name an article or a document.
var (
	// ErrForbidden: u may not make this move on this item in any status
	// (403).
	ErrForbidden = errors.New("không có quyền")
	// ErrState: u could make the move, but not from the item's status (409).
	ErrState = errors.New("không ở trạng thái cho phép")
)

// FieldError is a problem with one field of the move (the comment of a
// return), in Vietnamese.
type FieldError struct {
	Field, Msg string
}

func (e *FieldError) Error() string { return e.Msg }

// MaxComment bounds a reviewer's comment.
const MaxComment = 1000

// State is where an article or a document stands in the workflow: the
// moves read and change only these fields.
type State struct {
	AuthorID      int64
	Status        string // news.Status*
	ReviewComment string
	PublishedAt   time.Time
	ScheduledAt   time.Time // articles only; documents are never scheduled
}

// EditorialState makes a State an auth.Item.
func (s *State) EditorialState() (int64, string, bool) {
	if s == nil {
		return 0, "", false
	}
	return s.AuthorID, s.Status, true
}

// statuses is every status an item can be in, for Check's 403/409 probe.
var statuses = []string{news.StatusDraft, news.StatusPending, news.StatusPublished, news.StatusReturned, news.StatusScheduled, news.StatusTrash}

// Check answers 403 before 409: whether u may do act to s at all (role,
// and for an editor whether it is their own) is decided first, and only
// someone who may is told that the status is wrong. Telling a stranger
// "wrong status" would leak the status and invite retries. With no from
// statuses, any status auth.Can accepts will do.
func Check(u *auth.User, act auth.Action, s *State, from ...string) error {
	if !auth.Can(u, act, s) {
		probe := *s
		for _, st := range statuses {
			probe.Status = st
			if auth.Can(u, act, &probe) {
				return ErrState
			}
		}
		return ErrForbidden
	}
	if len(from) == 0 {
		return nil
	}
	for _, f := range from {
		if s.Status == f {
			return nil
		}
	}
	return ErrState
}

// Submit sends a draft or returned item for approval.
func Submit(u *auth.User, s *State) error {
	if err := Check(u, auth.ActSubmit, s, news.StatusDraft, news.StatusReturned); err != nil {
		return err
	}
	s.Status = news.StatusPending
	return nil
}

// Publish publishes now, or schedules when at is after now. A republished
// item keeps its first publication time unless a time was given.
func Publish(u *auth.User, s *State, at, now time.Time) error {
	if err := Check(u, auth.ActPublish, s, news.StatusDraft, news.StatusPending, news.StatusReturned, news.StatusScheduled); err != nil {
		return err
	}
	s.ReviewComment = ""
	if !at.IsZero() && at.After(now) {
		s.Status = news.StatusScheduled
		s.ScheduledAt = at
		return nil
	}
	s.Status = news.StatusPublished
	s.ScheduledAt = time.Time{}
	if s.PublishedAt.IsZero() || !at.IsZero() {
		s.PublishedAt = now
	}
	return nil
}

// Return sends a pending item back to its author with a comment.
func Return(u *auth.User, s *State, comment string) error {
	if err := Check(u, auth.ActReturn, s, news.StatusPending); err != nil {
		return err
	}
	comment = strings.TrimSpace(comment)
	if comment == "" {
		return &FieldError{"comment", "Vui lòng ghi rõ lý do trả lại để biên tập viên sửa."}
	}
	if utf8.RuneCountInString(comment) > MaxComment {
		return &FieldError{"comment", "Nhận xét quá dài (tối đa 1000 ký tự)."}
	}
	s.Status = news.StatusReturned
	s.ReviewComment = viet.NFC(comment)
	return nil
}

// Unpublish takes a published item down; it goes back to draft.
func Unpublish(u *auth.User, s *State) error {
	if err := Check(u, auth.ActUnpublish, s, news.StatusPublished); err != nil {
		return err
	}
	s.Status = news.StatusDraft
	return nil
}

// Trash moves an item to the recycle bin.
func Trash(u *auth.User, s *State) error {
	if !auth.Can(u, auth.ActTrash, s) {
		// Only "already in the bin" is a state problem; an editor's
		// published item is the approver's to trash, not a wrong state.
		if s.Status == news.StatusTrash {
			return Check(u, auth.ActTrash, s)
		}
		return ErrForbidden
	}
	s.Status = news.StatusTrash
	return nil
}

// Restore takes an item out of the recycle bin as a draft: it must be
// approved again before it is public.
func Restore(u *auth.User, s *State) error {
	if err := Check(u, auth.ActRestore, s, news.StatusTrash); err != nil {
		return err
	}
	s.Status = news.StatusDraft
	return nil
}

// Name turns the kinds of refusal into the caller's own errors: forbidden
// and state for ErrForbidden and ErrState, field(name, msg) for a
// FieldError; any other error is returned as is.
func Name(err, forbidden, state error, field func(name, msg string) error) error {
	var fe *FieldError
	switch {
	case err == nil:
		return nil
	case errors.Is(err, ErrForbidden):
		return forbidden
	case errors.Is(err, ErrState):
		return state
	case errors.As(err, &fe):
		return field(fe.Field, fe.Msg)
	}
	return err
}
