package legaldoc

import (
	"errors"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/news"
)

// 403 before 409 for documents: a user who may not make the move on this
// document is refused as such, whatever its state; the old check answered
// ErrState to anyone when the state was also wrong.
func TestTransitionForbiddenBeforeState(t *testing.T) {
	editor := &auth.User{ID: 1, SiteID: 1, Role: auth.RoleEditor}
	other := &auth.User{ID: 2, SiteID: 1, Role: auth.RoleEditor}
	approver := &auth.User{ID: 3, SiteID: 1, Role: auth.RoleApprover}
	officer := &auth.User{ID: 4, SiteID: 1, Role: auth.RoleOfficer}
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	doc := func(status string) *Document { return &Document{ID: 5, SiteID: 1, AuthorID: editor.ID, Status: status} }
	cases := []struct {
		who    *auth.User
		action string
		status string
		want   error
	}{
		{officer, "xuat-ban", news.StatusPublished, ErrForbidden},
		{officer, "tra-lai", news.StatusDraft, ErrForbidden},
		{officer, "thung-rac", news.StatusTrash, ErrForbidden},
		{other, "gui", news.StatusPublished, ErrForbidden},
		{other, "khoi-phuc", news.StatusPublished, ErrForbidden},
		{other, "thung-rac", news.StatusTrash, ErrForbidden},
		{editor, "go", news.StatusDraft, ErrForbidden},
		{editor, "thung-rac", news.StatusPublished, ErrForbidden},
		// Allowed people get the state answer.
		{approver, "xuat-ban", news.StatusPublished, ErrState},
		{approver, "tra-lai", news.StatusDraft, ErrState},
		{editor, "gui", news.StatusPending, ErrState},
		{editor, "thung-rac", news.StatusTrash, ErrState},
		{approver, "thung-rac", news.StatusTrash, ErrState},
	}
	for _, c := range cases {
		err := Transition(c.who, doc(c.status), c.action, "lý do", now)
		if !errors.Is(err, c.want) {
			t.Errorf("%s %s on %s: %v, want %v", c.who.Role, c.action, c.status, err, c.want)
		}
	}
}

// auth.Can judges a document itself, exactly as it judges an article with
// the same author and status.
func TestCanJudgesDocumentLikeArticle(t *testing.T) {
	users := []*auth.User{{ID: 1, Role: auth.RoleEditor}, {ID: 2, Role: auth.RoleEditor}, {ID: 3, Role: auth.RoleApprover},
		{ID: 4, Role: auth.RoleAdmin}, {ID: 5, Role: auth.RoleOfficer}, {ID: 6, Role: auth.RoleAdmin, Disabled: true}}
	acts := []auth.Action{auth.ActView, auth.ActEdit, auth.ActSubmit, auth.ActPublish, auth.ActReturn, auth.ActUnpublish, auth.ActTrash, auth.ActRestore}
	statuses := []string{news.StatusDraft, news.StatusPending, news.StatusPublished, news.StatusReturned, news.StatusScheduled, news.StatusTrash}
	for _, u := range users {
		for _, act := range acts {
			for _, st := range statuses {
				d := &Document{ID: 9, AuthorID: 1, Status: st}
				a := &news.Article{ID: 9, AuthorID: 1, Status: st}
				if got, want := auth.Can(u, act, d), auth.Can(u, act, a); got != want {
					t.Errorf("user %d (%s) %s on %s: document %v, article %v", u.ID, u.Role, act, st, got, want)
				}
			}
		}
	}
	var none *Document
	if Can(users[3], auth.ActView, none) {
		t.Error("a nil document can be viewed")
	}
}
