package legaldoc

import (
	"errors"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/editorial"
	"github.com/congportal/cong/internal/news"
)

var (
	// ErrForbidden: the user's role does not allow the action on this document.
	ErrForbidden = errors.New("bạn không có quyền thực hiện thao tác này với văn bản")
	// ErrState: the document is not in a state the action applies to.
	ErrState = errors.New("văn bản không ở trạng thái cho phép thao tác này")
)

// EditorialState is what auth.Can judges a document by: documents follow
// the articles' workflow and roles (package editorial). A nil document is no
// document.
func (d *Document) EditorialState() (authorID int64, status string, ok bool) {
	if d == nil {
		return 0, "", false
	}
	return d.AuthorID, d.Status, true
}

// Can reports whether u may do act to d (nil d for create/list).
func Can(u *auth.User, act auth.Action, d *Document) bool {
	return auth.Can(u, act, d)
}

// New starts a draft document for u.
func New(u *auth.User) (*Document, error) {
	if !Can(u, auth.ActCreate, nil) {
		return nil, ErrForbidden
	}
	return &Document{SiteID: u.SiteID, AuthorID: u.ID, Status: news.StatusDraft}, nil
}

// Edit checks that u may change d's content.
func Edit(u *auth.User, d *Document) error {
	if !Can(u, auth.ActEdit, d) {
		return ErrForbidden
	}
	return nil
}

// Transition applies a workflow action by its URL name: gui (submit),
// xuat-ban (publish), tra-lai (return, with comment), go (unpublish),
// thung-rac (trash), khoi-phuc (restore). Documents are never scheduled:
// they are published at once.
func Transition(u *auth.User, d *Document, action, comment string, now time.Time) error {
	var step func(*editorial.State) error
	switch action {
	case "gui":
		step = func(s *editorial.State) error { return editorial.Submit(u, s) }
	case "xuat-ban":
		step = func(s *editorial.State) error { return editorial.Publish(u, s, time.Time{}, now) }
	case "tra-lai":
		step = func(s *editorial.State) error { return editorial.Return(u, s, comment) }
	case "go":
		step = func(s *editorial.State) error { return editorial.Unpublish(u, s) }
	case "thung-rac":
		step = func(s *editorial.State) error { return editorial.Trash(u, s) }
	case "khoi-phuc":
		step = func(s *editorial.State) error { return editorial.Restore(u, s) }
	default:
		return ErrState
	}
	s := editorial.State{AuthorID: d.AuthorID, Status: d.Status, ReviewComment: d.ReviewComment, PublishedAt: d.PublishedAt}
	if err := step(&s); err != nil {
		return editorial.Name(err, ErrForbidden, ErrState, func(f, m string) error { return ValidationError{f: m} })
	}
	d.Status, d.ReviewComment, d.PublishedAt = s.Status, s.ReviewComment, s.PublishedAt
	return nil
}
