// Package news holds the portal's content model (sites, categories,
// articles) and the rules that apply to it regardless of storage or HTTP:
// validation, slugs and HTML sanitising.
package news

import (
	"time"
)

// Article statuses. Only published articles are public.
const (
	StatusDraft     = "draft"
	StatusPending   = "pending"
	StatusPublished = "published"
	StatusReturned  = "returned"
	StatusScheduled = "scheduled" // approved, goes live at ScheduledAt
	StatusTrash     = "trash"
)

// StatusName is the Vietnamese label of a status.
func StatusName(s string) string {
	switch s {
	case StatusDraft:
		return "Nháp"
	case StatusPending:
		return "Chờ duyệt"
	case StatusPublished:
		return "Đã xuất bản"
	case StatusReturned:
		return "Trả lại"
	case StatusScheduled:
		return "Hẹn giờ xuất bản"
	case StatusTrash:
		return "Thùng rác"
	}
	return s
}

// Site is one portal (a province, district or commune) served by an instance.
type Site struct {
	ID            int64
	Slug          string
	Name          string
	Agency        string
	Address       string
	Phone         string
	Email         string
	Footer        string
	Description   string
	StartingTotal int64
	// RequireAdminTOTP makes a second factor mandatory for admins and
	// approvers (auth.TOTPRequired).
	RequireAdminTOTP bool

	// Issue 16: where the site is reached and where it sits in the province.
	Host     string   // lower-case host name; '' for the one site of a single-site install
	Kind     SiteKind // province, department or commune
	ParentID int64    // 0 for the province site
	UnitCode string   // the desk unit the site speaks for; '' when none
	BaseURL  string   // canonical base URL without trailing slash; '' derives it from the host
}

// Category is a section of the site ("Tin tức", "Thông báo", …).
type Category struct {
	ID          int64
	SiteID      int64
	ParentID    int64 // 0 for a top-level category
	Name        string
	Slug        string
	Description string
	Position    int
}

// Article is a news item.
type Article struct {
	ID          int64
	SiteID      int64
	CategoryID  int64
	Category    *Category // filled by queries that join it
	Title       string
	Slug        string
	Summary     string
	BodyHTML    string
	Author      string
	Source      string
	Status      string
	Featured    bool
	PublishedAt time.Time
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Views       int64
	WPGUID      string
	Tags        []string

	// Newsroom fields.
	AuthorID      int64     // the staff member who created it (0 for imports and demo content)
	Version       int       // bumped on every save; optimistic locking compares it
	ReviewComment string    // the approver's comment when returned
	ScheduledAt   time.Time // when a scheduled article goes live

	// SharedFrom is the source site of an article another site shows by
	// sharing upward ("Tin cơ sở"); nil for the site's own articles.
	SharedFrom *Site
}

// EditorialState is what auth.Can judges an article by; a nil article is no
// article.
func (a *Article) EditorialState() (authorID int64, status string, ok bool) {
	if a == nil {
		return 0, "", false
	}
	return a.AuthorID, a.Status, true
}

// Page is a static page (kept from a WordPress import; the newsroom manages
// institutional pages later).
type Page struct {
	ID       int64
	SiteID   int64
	Title    string
	Slug     string
	BodyHTML string
	WPGUID   string
}
