package newsroom

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/news"
)

var (
	editor   = &auth.User{ID: 1, SiteID: 1, Role: auth.RoleEditor, Name: "Nguyễn Thị Lan"}
	other    = &auth.User{ID: 2, SiteID: 1, Role: auth.RoleEditor}
	approver = &auth.User{ID: 3, SiteID: 1, Role: auth.RoleApprover}
	officer  = &auth.User{ID: 4, SiteID: 1, Role: auth.RoleOfficer}
)

func draft() Draft {
	return Draft{Title: "  Hội nghị CCHC  ", Summary: "Tóm tắt", BodyHTML: `<p onclick="x()">Nội dung<script>alert(1)</script></p>`, CategoryID: 7}
}

func TestLifecycle(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	a, err := New(editor, draft())
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Hội nghị CCHC" || a.Author != "Nguyễn Thị Lan" || a.Status != news.StatusDraft || a.AuthorID != 1 {
		t.Fatalf("new %+v", a)
	}
	if strings.Contains(a.BodyHTML, "script") || strings.Contains(a.BodyHTML, "onclick") {
		t.Fatalf("body not sanitised: %s", a.BodyHTML)
	}
	if err := Publish(editor, a, time.Time{}, now); !errors.Is(err, ErrForbidden) {
		t.Fatalf("editor publish: %v", err)
	}
	if err := Edit(other, a, draft()); !errors.Is(err, ErrForbidden) {
		t.Fatalf("other editor edit: %v", err)
	}
	if err := Submit(editor, a); err != nil || a.Status != news.StatusPending {
		t.Fatalf("submit %v %s", err, a.Status)
	}
	if err := Edit(editor, a, draft()); !errors.Is(err, ErrForbidden) {
		t.Fatalf("edit after submit: %v", err)
	}
	if err := Submit(editor, a); !errors.Is(err, ErrState) {
		t.Fatalf("second submit: %v", err)
	}
	var v ValidationError
	if err := Return(approver, a, "  "); !errors.As(err, &v) {
		t.Fatalf("return without comment: %v", err)
	}
	if err := Return(approver, a, "Bổ sung số liệu quý III."); err != nil || a.Status != news.StatusReturned || a.ReviewComment == "" {
		t.Fatalf("return %v %+v", err, a)
	}
	if err := Edit(editor, a, draft()); err != nil {
		t.Fatalf("editor fixes returned: %v", err)
	}
	Submit(editor, a)
	// Scheduled in the future, then published now.
	if err := Publish(approver, a, now.Add(2*time.Hour), now); err != nil || a.Status != news.StatusScheduled || !a.ScheduledAt.Equal(now.Add(2*time.Hour)) {
		t.Fatalf("schedule %v %+v", err, a)
	}
	if err := Publish(approver, a, time.Time{}, now); err != nil || a.Status != news.StatusPublished || !a.PublishedAt.Equal(now) || a.ReviewComment != "" {
		t.Fatalf("publish %v %+v", err, a)
	}
	if err := Publish(approver, a, time.Time{}, now); !errors.Is(err, ErrState) {
		t.Fatalf("publish twice: %v", err)
	}
	if err := Trash(editor, a); !errors.Is(err, ErrForbidden) {
		t.Fatalf("editor trashes published: %v", err)
	}
	if err := Unpublish(approver, a); err != nil || a.Status != news.StatusDraft {
		t.Fatalf("unpublish %v", err)
	}
	if err := Trash(editor, a); err != nil || a.Status != news.StatusTrash {
		t.Fatalf("trash own draft %v", err)
	}
	if err := Edit(approver, a, draft()); !errors.Is(err, ErrForbidden) {
		t.Fatalf("edit in trash: %v", err)
	}
	if err := Restore(editor, a); err != nil || a.Status != news.StatusDraft {
		t.Fatalf("restore %v", err)
	}
	if _, err := New(officer, draft()); !errors.Is(err, ErrForbidden) {
		t.Fatalf("officer writes: %v", err)
	}
}

func TestFeaturedIsTheApproversCall(t *testing.T) {
	d := draft()
	d.Featured = true
	a, _ := New(editor, d)
	a.Featured = false
	if err := Edit(editor, a, d); err != nil || a.Featured {
		t.Fatalf("editor set featured: %v %v", err, a.Featured)
	}
	Submit(editor, a)
	if err := Edit(approver, a, d); err != nil || !a.Featured {
		t.Fatalf("approver featured: %v %v", err, a.Featured)
	}
}

func TestValidate(t *testing.T) {
	exists := func(id int64) bool { return id == 7 }
	ok := draft()
	if err := Validate(ok, exists); err != nil {
		t.Fatal(err)
	}
	for name, mut := range map[string]func(*Draft){
		"title":    func(d *Draft) { d.Title = "   " },
		"category": func(d *Draft) { d.CategoryID = 99 },
		"slug":     func(d *Draft) { d.Slug = "Có Dấu" },
		"summary":  func(d *Draft) { d.Summary = strings.Repeat("ạ", 1001) },
	} {
		d := draft()
		mut(&d)
		var v ValidationError
		if err := Validate(d, exists); !errors.As(err, &v) || v[name] == "" {
			t.Errorf("%s: %v", name, err)
		}
	}
	d := draft()
	d.Title = strings.Repeat("a", 301)
	if err := Validate(d, exists); err == nil || !strings.Contains(err.Error(), "Tiêu đề quá dài") {
		t.Errorf("long title: %v", err)
	}
}
