package newsroom

import (
	"errors"
	"testing"
	"time"

	"github.com/congportal/cong/internal/news"
)

// 403 before 409: someone who may not act on an article at all is told
// so, not what state it is in. These used to answer ErrState because the
// role could do the action to an article of its own.
func TestForbiddenBeforeState(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	mine := func(status string) *news.Article {
		return &news.Article{ID: 9, SiteID: 1, AuthorID: editor.ID, Status: status}
	}
	cases := []struct {
		name string
		err  error
		want error
	}{
		{"another editor submits a published article", Submit(other, mine(news.StatusPublished)), ErrForbidden},
		{"another editor restores a trashed article", Restore(other, mine(news.StatusTrash)), ErrForbidden},
		{"another editor trashes a trashed article", Trash(other, mine(news.StatusTrash)), ErrForbidden},
		{"officer publishes a published article", Publish(officer, mine(news.StatusPublished), time.Time{}, now), ErrForbidden},
		{"officer returns a draft", Return(officer, mine(news.StatusDraft), "x"), ErrForbidden},
		{"editor unpublishes a draft", Unpublish(editor, mine(news.StatusDraft)), ErrForbidden},
		// Those who may act still learn the state is the problem.
		{"author submits own published article", Submit(editor, mine(news.StatusPublished)), ErrState},
		{"approver publishes a published article", Publish(approver, mine(news.StatusPublished), time.Time{}, now), ErrState},
		{"approver returns a draft", Return(approver, mine(news.StatusDraft), "x"), ErrState},
		{"author trashes own trashed article", Trash(editor, mine(news.StatusTrash)), ErrState},
	}
	for _, c := range cases {
		if !errors.Is(c.err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, c.err, c.want)
		}
	}
}
