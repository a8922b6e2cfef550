package legaldoc

import (
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/viet"
)

var (
	// ErrForbidden: the user's role does not allow the action on this document.
	ErrForbidden = errors.New("bạn không có quyền thực hiện thao tác này với văn bản")
	// ErrState: the document is not in a state the action applies to.
	ErrState = errors.New("văn bản không ở trạng thái cho phép thao tác này")
)

// probe lets auth.Can, the one authority on who may do what, judge a
// document exactly as it judges an article with the same author and status:
// documents follow the articles' workflow and roles.
func probe(d *Document) *news.Article {
	if d == nil {
		return nil
	}
	return &news.Article{ID: d.ID, SiteID: d.SiteID, AuthorID: d.AuthorID, Status: d.Status}
}

// Can reports whether u may do act to d (nil d for create/list).
func Can(u *auth.User, act auth.Action, d *Document) bool {
	return auth.Can(u, act, probe(d))
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
// thung-rac (trash), khoi-phuc (restore).
func Transition(u *auth.User, d *Document, action, comment string, now time.Time) error {
	switch action {
	case "gui":
		if err := check(u, auth.ActSubmit, d, news.StatusDraft, news.StatusReturned); err != nil {
			return err
		}
		d.Status = news.StatusPending
	case "xuat-ban":
		if err := check(u, auth.ActPublish, d, news.StatusDraft, news.StatusPending, news.StatusReturned); err != nil {
			return err
		}
		d.Status, d.ReviewComment = news.StatusPublished, ""
		if d.PublishedAt.IsZero() {
			d.PublishedAt = now
		}
	case "tra-lai":
		if err := check(u, auth.ActReturn, d, news.StatusPending); err != nil {
			return err
		}
		comment = strings.TrimSpace(comment)
		if comment == "" {
			return ValidationError{"comment": "Vui lòng ghi rõ lý do trả lại để biên tập viên sửa."}
		}
		if utf8.RuneCountInString(comment) > 1000 {
			return ValidationError{"comment": "Nhận xét quá dài (tối đa 1000 ký tự)."}
		}
		d.Status, d.ReviewComment = news.StatusReturned, viet.NFC(comment)
	case "go":
		if err := check(u, auth.ActUnpublish, d, news.StatusPublished); err != nil {
			return err
		}
		d.Status = news.StatusDraft
	case "thung-rac":
		if !Can(u, auth.ActTrash, d) {
			// Only "already in the bin" is a state problem, and only for
			// someone who could trash this document otherwise.
			if d.Status == news.StatusTrash {
				return check(u, auth.ActTrash, d)
			}
			return ErrForbidden
		}
		d.Status = news.StatusTrash
	case "khoi-phuc":
		if err := check(u, auth.ActRestore, d, news.StatusTrash); err != nil {
			return err
		}
		d.Status = news.StatusDraft
	default:
		return ErrState
	}
	return nil
}

// check answers 403 before 409: only someone who may act on this document
// in some state (role, and authorship for an editor) learns that its
// current state is the problem.
func check(u *auth.User, act auth.Action, d *Document, states ...string) error {
	if !Can(u, act, d) {
		probe := *d
		for _, s := range []string{news.StatusDraft, news.StatusPending, news.StatusPublished, news.StatusReturned, news.StatusScheduled, news.StatusTrash} {
			probe.Status = s
			if Can(u, act, &probe) {
				return ErrState
			}
		}
		return ErrForbidden
	}
	for _, s := range states {
		if d.Status == s {
			return nil
		}
	}
	return ErrState
}
