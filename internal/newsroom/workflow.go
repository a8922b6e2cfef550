// Package newsroom is the article side of the newsroom without HTTP: what an
// edit may change, and the editorial workflow (package editorial: Nháp →
// Chờ duyệt → Đã xuất bản, Trả lại, hẹn giờ, gỡ, thùng rác) applied to an
// article, with who may make each move (auth.Can).
package newsroom

import (
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/editorial"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/viet"
)

var (
	// ErrForbidden: the user's role does not allow the action on this article.
	ErrForbidden = errors.New("bạn không có quyền thực hiện thao tác này với bài viết")
	// ErrState: the article is not in a state the action applies to.
	ErrState = errors.New("bài viết không ở trạng thái cho phép thao tác này")
)

// ValidationError lists per-field problems, in Vietnamese.
type ValidationError map[string]string

func (v ValidationError) Error() string {
	var parts []string
	for _, k := range []string{"title", "summary", "body", "category", "author", "source", "slug", "scheduled_at", "comment"} {
		if m, ok := v[k]; ok {
			parts = append(parts, m)
		}
	}
	return "Dữ liệu chưa hợp lệ: " + strings.Join(parts, " ")
}

// Draft is what an editor can change on an article.
type Draft struct {
	Title      string
	Slug       string
	Summary    string
	BodyHTML   string
	Author     string
	Source     string
	CategoryID int64
	Tags       []string
	Featured   bool
}

// Limits keep one field from filling a page or the database.
const (
	maxTitle   = 300
	maxSummary = 1000
	maxBody    = 1 << 20
	maxShort   = 200
)

// Validate checks a draft; categoryExists tells whether an id is a
// category of the site.
func Validate(d Draft, categoryExists func(int64) bool) error {
	v := ValidationError{}
	title := strings.TrimSpace(d.Title)
	switch {
	case title == "":
		v["title"] = "Tiêu đề không được để trống."
	case utf8.RuneCountInString(title) > maxTitle:
		v["title"] = "Tiêu đề quá dài (tối đa 300 ký tự)."
	}
	if utf8.RuneCountInString(d.Summary) > maxSummary {
		v["summary"] = "Tóm tắt quá dài (tối đa 1000 ký tự)."
	}
	if len(d.BodyHTML) > maxBody {
		v["body"] = "Nội dung quá dài (tối đa 1 MB)."
	}
	if utf8.RuneCountInString(d.Author) > maxShort {
		v["author"] = "Tên tác giả quá dài."
	}
	if utf8.RuneCountInString(d.Source) > maxShort {
		v["source"] = "Nguồn tin quá dài."
	}
	if d.CategoryID == 0 {
		v["category"] = "Vui lòng chọn chuyên mục."
	} else if categoryExists != nil && !categoryExists(d.CategoryID) {
		v["category"] = "Chuyên mục không tồn tại."
	}
	if d.Slug != "" && viet.Slug(d.Slug) != d.Slug {
		v["slug"] = "Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang."
	}
	if len(v) > 0 {
		return v
	}
	return nil
}

// Apply copies a validated draft onto the article, normalising text to NFC
// and sanitising the body: the server's allow-list is the authority on what
// HTML is stored, whatever the editor sent.
func Apply(a *news.Article, d Draft) {
	a.Title = viet.NFC(strings.TrimSpace(d.Title))
	a.Slug = d.Slug
	a.Summary = viet.NFC(strings.TrimSpace(d.Summary))
	a.BodyHTML = news.SanitizeHTML(viet.NFC(d.BodyHTML))
	a.Author = viet.NFC(strings.TrimSpace(d.Author))
	a.Source = viet.NFC(strings.TrimSpace(d.Source))
	a.CategoryID = d.CategoryID
	a.Tags = nil
	for _, t := range d.Tags {
		if t = strings.TrimSpace(viet.NFC(t)); t != "" {
			a.Tags = append(a.Tags, t)
		}
	}
	a.Featured = d.Featured
}

// New starts an article for u from a draft.
func New(u *auth.User, d Draft) (*news.Article, error) {
	if !auth.Can(u, auth.ActCreate, nil) {
		return nil, ErrForbidden
	}
	a := &news.Article{SiteID: u.SiteID, AuthorID: u.ID, Status: news.StatusDraft}
	Apply(a, d)
	if a.Author == "" {
		a.Author = u.Name
	}
	return a, nil
}

// MayEdit says whether u may change a's content, before anything else
// about the edit (its version, its fields) is looked at.
func MayEdit(u *auth.User, a *news.Article) error {
	if !auth.Can(u, auth.ActEdit, a) {
		return ErrForbidden
	}
	return nil
}

// Edit changes an article's content. Editors cannot change "featured" (a
// home-page decision); approvers can.
func Edit(u *auth.User, a *news.Article, d Draft) error {
	if err := MayEdit(u, a); err != nil {
		return err
	}
	featured := a.Featured
	Apply(a, d)
	if u.Role == auth.RoleEditor {
		a.Featured = featured
	}
	return nil
}

// Submit sends a draft or returned article for approval.
func Submit(u *auth.User, a *news.Article) error {
	return move(a, func(s *editorial.State) error { return editorial.Submit(u, s) })
}

// Publish publishes now, or schedules when at is after now.
func Publish(u *auth.User, a *news.Article, at, now time.Time) error {
	return move(a, func(s *editorial.State) error { return editorial.Publish(u, s, at, now) })
}

// Return sends a pending article back to its editor with a comment.
func Return(u *auth.User, a *news.Article, comment string) error {
	return move(a, func(s *editorial.State) error { return editorial.Return(u, s, comment) })
}

// Unpublish takes a published article down; it goes back to draft.
func Unpublish(u *auth.User, a *news.Article) error {
	return move(a, func(s *editorial.State) error { return editorial.Unpublish(u, s) })
}

// Trash moves an article to the recycle bin.
func Trash(u *auth.User, a *news.Article) error {
	return move(a, func(s *editorial.State) error { return editorial.Trash(u, s) })
}

// Restore takes an article out of the recycle bin as a draft: it must be
// approved again before it is public.
func Restore(u *auth.User, a *news.Article) error {
	return move(a, func(s *editorial.State) error { return editorial.Restore(u, s) })
}

// move runs one step of the shared editorial workflow on an article and
// names its refusals as the article's (ErrForbidden, ErrState,
// ValidationError). a changes only when the step succeeds.
func move(a *news.Article, step func(*editorial.State) error) error {
	s := editorial.State{AuthorID: a.AuthorID, Status: a.Status, ReviewComment: a.ReviewComment, PublishedAt: a.PublishedAt, ScheduledAt: a.ScheduledAt}
	if err := step(&s); err != nil {
		return editorial.Name(err, ErrForbidden, ErrState, func(f, m string) error { return ValidationError{f: m} })
	}
	a.Status, a.ReviewComment, a.PublishedAt, a.ScheduledAt = s.Status, s.ReviewComment, s.PublishedAt, s.ScheduledAt
	return nil
}
