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
	StatusTrash     = "trash"
)

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
