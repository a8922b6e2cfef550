// Package export moves a portal's public content out: WXR for WordPress
// (and for Cổng's own importer), JSON for everything public. Data
// portability is a promise to the agencies that run the portal: they can
// leave with their content.
package export

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/congportal/cong/internal/media"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/viet"
	"github.com/congportal/cong/internal/wxr"
)

// Source is what is exported and how its links are written.
type Source struct {
	Store    *store.Store
	SiteID   int64
	BaseURL  string // without trailing slash
	Location *time.Location
}

func (src Source) articleURL(slug string) string { return src.BaseURL + "/bai-viet/" + slug }

// Counts says how many items of each kind were written.
type Counts map[string]int

// String lists the counts in a stable order, for the CLI.
func (c Counts) String() string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	s := ""
	for i, k := range keys {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%s: %d", k, c[k])
	}
	return s
}

// WXR writes the published articles, their categories, tags and authors,
// and the static pages as a WXR 1.2 file.
func WXR(ctx context.Context, src Source, w io.Writer) (Counts, error) {
	site, err := src.Store.Site(ctx, src.SiteID)
	if err != nil {
		return nil, err
	}
	cats, err := src.Store.Categories(ctx, src.SiteID)
	if err != nil {
		return nil, err
	}
	exp := &wxr.Export{Title: site.Name, Link: src.BaseURL, Language: "vi", BaseSiteURL: src.BaseURL, Version: "1.2"}
	catByID := map[int64]news.Category{}
	for _, c := range cats {
		catByID[c.ID] = c
	}
	// WordPress needs a parent listed before its children.
	var addCat func(c news.Category, seen map[int64]bool)
	added := map[int64]bool{}
	addCat = func(c news.Category, seen map[int64]bool) {
		if added[c.ID] || seen[c.ID] {
			return
		}
		seen[c.ID] = true
		parent := ""
		if p, ok := catByID[c.ParentID]; ok && c.ParentID != 0 {
			addCat(p, seen)
			parent = p.Slug
		}
		added[c.ID] = true
		exp.Categories = append(exp.Categories, wxr.Category{ID: int(c.ID), Slug: c.Slug, Name: c.Name, Parent: parent, Description: c.Description})
	}
	for _, c := range cats {
		addCat(c, map[int64]bool{})
	}

	// Two passes: authors and tags head the document, items follow, and
	// holding every article's body in memory at once is not an option for
	// a large site. Articles published between the passes wait for the next
	// export (the second pass stops at the first pass's last id).
	authors := map[string]bool{}
	tags := map[string]string{}
	var lastID int64
	err = src.Store.EachPublishedArticle(ctx, src.SiteID, func(a news.Article) error {
		if login := authorLogin(a.Author); login != "" && !authors[login] {
			authors[login] = true
			exp.Authors = append(exp.Authors, wxr.Author{ID: len(exp.Authors) + 1, Login: login, DisplayName: a.Author})
		}
		for _, t := range a.Tags {
			tags[viet.Slug(t)] = t
		}
		lastID = a.ID
		return nil
	})
	if err != nil {
		return nil, err
	}
	slugs := make([]string, 0, len(tags))
	for s := range tags {
		slugs = append(slugs, s)
	}
	sort.Strings(slugs)
	for _, s := range slugs {
		exp.Tags = append(exp.Tags, wxr.Tag{Slug: s, Name: tags[s]})
	}

	counts := Counts{"chuyên mục": len(exp.Categories), "thẻ": len(exp.Tags), "tác giả": len(exp.Authors)}
	ww := wxr.NewWriter(w, exp)
	err = src.Store.EachPublishedArticle(ctx, src.SiteID, func(a news.Article) error {
		if a.ID > lastID {
			return nil
		}
		guid := a.WPGUID
		if guid == "" {
			guid = src.articleURL(a.Slug)
		}
		it := wxr.Item{
			Title: a.Title, Link: src.articleURL(a.Slug), GUID: guid, Creator: authorLogin(a.Author),
			Content: a.BodyHTML, Excerpt: a.Summary, PostID: int(a.ID),
			PostDate: wxr.FormatDate(a.PublishedAt.In(src.Location)), PostDateGMT: wxr.FormatDate(a.PublishedAt.UTC()),
			PostName: a.Slug, Status: "publish", PostType: "post",
		}
		if c, ok := catByID[a.CategoryID]; ok {
			it.Categories = append(it.Categories, wxr.ItemTerm{Domain: "category", Slug: c.Slug, Name: c.Name})
		}
		for _, t := range a.Tags {
			it.Categories = append(it.Categories, wxr.ItemTerm{Domain: "post_tag", Slug: viet.Slug(t), Name: t})
		}
		ww.Item(it)
		counts["bài viết"]++
		return nil
	})
	if err != nil {
		return nil, err
	}
	pages, err := src.Store.Pages(ctx, src.SiteID)
	if err != nil {
		return nil, err
	}
	for _, p := range pages {
		guid := p.WPGUID
		if guid == "" {
			guid = src.BaseURL + "/trang/" + p.Slug
		}
		ww.Item(wxr.Item{Title: p.Title, Link: src.BaseURL + "/trang/" + p.Slug, GUID: guid, Content: p.BodyHTML,
			PostID:   1_000_000_000 + int(p.ID), // pages and articles share WordPress's id space
			PostName: p.Slug, Status: "publish", PostType: "page", PostDate: "0000-00-00 00:00:00", PostDateGMT: "0000-00-00 00:00:00"})
		counts["trang"]++
	}
	return counts, ww.Close()
}

// authorLogin makes a WordPress login from Cổng's free-text author name.
func authorLogin(name string) string {
	return viet.Slug(name)
}

// Kind is one kind of public content in the JSON export: its key in the
// output object and a function that emits its items one by one. A feature
// that adds public content (documents, procedures, Q&A) adds one line to
// kinds() and nothing else.
type Kind struct {
	Name string
	Emit func(ctx context.Context, src Source, emit func(v any) error) error
}

func kinds() []Kind {
	return []Kind{
		{"categories", emitCategories},
		{"articles", emitArticles},
		{"pages", emitPages},
		{"media", emitMedia},
		{"documents", emitDocuments},
		{"procedures", emitProcedures},
	}
}

// JSONFormat identifies the JSON export's layout.
const JSONFormat = "cong-export/1"

// JSON writes everything public as one object: a header, the site, then
// one array per kind. Items are streamed, so memory does not grow with the
// site.
func JSON(ctx context.Context, src Source, w io.Writer) (Counts, error) {
	site, err := src.Store.Site(ctx, src.SiteID)
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	fmt.Fprintf(bw, "{\"format\":%q,\"exported_at\":%q,\"base_url\":", JSONFormat, time.Now().In(src.Location).Format(time.RFC3339))
	enc.Encode(src.BaseURL)
	bw.WriteString(",\"site\":")
	if err := enc.Encode(jsonSite{Name: site.Name, Agency: site.Agency, Address: site.Address, Phone: site.Phone, Email: site.Email, Description: site.Description}); err != nil {
		return nil, err
	}
	counts := Counts{}
	for _, k := range kinds() {
		fmt.Fprintf(bw, ",%q:[", k.Name)
		n := 0
		err := k.Emit(ctx, src, func(v any) error {
			if n > 0 {
				bw.WriteByte(',')
			}
			n++
			return enc.Encode(v)
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k.Name, err)
		}
		bw.WriteString("]")
		counts[k.Name] = n
	}
	bw.WriteString("}\n")
	return counts, bw.Flush()
}

type jsonSite struct {
	Name        string `json:"name"`
	Agency      string `json:"agency,omitempty"`
	Address     string `json:"address,omitempty"`
	Phone       string `json:"phone,omitempty"`
	Email       string `json:"email,omitempty"`
	Description string `json:"description,omitempty"`
}

type jsonCategory struct {
	ID          int64  `json:"id"`
	ParentID    int64  `json:"parent_id,omitempty"`
	Name        string `json:"name"`
	Slug        string `json:"slug"`
	URL         string `json:"url"`
	Description string `json:"description,omitempty"`
	Position    int    `json:"position"`
}

func emitCategories(ctx context.Context, src Source, emit func(any) error) error {
	cats, err := src.Store.Categories(ctx, src.SiteID)
	if err != nil {
		return err
	}
	for _, c := range cats {
		if err := emit(jsonCategory{ID: c.ID, ParentID: c.ParentID, Name: c.Name, Slug: c.Slug, URL: src.BaseURL + "/chuyen-muc/" + c.Slug,
			Description: c.Description, Position: c.Position}); err != nil {
			return err
		}
	}
	return nil
}

// jsonArticle has the API's article fields (DESIGN §3), plus tags.
type jsonArticle struct {
	ID          int64    `json:"id"`
	Title       string   `json:"title"`
	Slug        string   `json:"slug"`
	URL         string   `json:"url"`
	Summary     string   `json:"summary"`
	BodyHTML    string   `json:"body_html"`
	Category    string   `json:"category,omitempty"` // slug
	Tags        []string `json:"tags,omitempty"`
	Author      string   `json:"author"`
	Source      string   `json:"source,omitempty"`
	PublishedAt string   `json:"published_at"`
	UpdatedAt   string   `json:"updated_at"`
	Views       int64    `json:"views"`
}

func emitArticles(ctx context.Context, src Source, emit func(any) error) error {
	return src.Store.EachPublishedArticle(ctx, src.SiteID, func(a news.Article) error {
		j := jsonArticle{ID: a.ID, Title: a.Title, Slug: a.Slug, URL: src.articleURL(a.Slug), Summary: a.Summary, BodyHTML: a.BodyHTML,
			Tags: a.Tags, Author: a.Author, Source: a.Source, Views: a.Views,
			PublishedAt: a.PublishedAt.In(src.Location).Format(time.RFC3339), UpdatedAt: a.UpdatedAt.In(src.Location).Format(time.RFC3339)}
		if a.Category != nil {
			j.Category = a.Category.Slug
		}
		return emit(j)
	})
}

type jsonPage struct {
	Title    string `json:"title"`
	Slug     string `json:"slug"`
	URL      string `json:"url"`
	BodyHTML string `json:"body_html"`
}

func emitPages(ctx context.Context, src Source, emit func(any) error) error {
	pages, err := src.Store.Pages(ctx, src.SiteID)
	if err != nil {
		return err
	}
	for _, p := range pages {
		if err := emit(jsonPage{Title: p.Title, Slug: p.Slug, URL: src.BaseURL + "/trang/" + p.Slug, BodyHTML: p.BodyHTML}); err != nil {
			return err
		}
	}
	return nil
}

type jsonMedia struct {
	URL     string `json:"url"`
	SHA256  string `json:"sha256"`
	Kind    string `json:"kind"`
	Mime    string `json:"mime"`
	Size    int64  `json:"size"`
	Width   int    `json:"width,omitempty"`
	Height  int    `json:"height,omitempty"`
	Alt     string `json:"alt,omitempty"`
	Caption string `json:"caption,omitempty"`
}

func emitMedia(ctx context.Context, src Source, emit func(any) error) error {
	for off := 0; ; off += 200 {
		list, _, err := src.Store.ListMedia(ctx, store.MediaFilter{SiteID: src.SiteID, Limit: 200, Offset: off})
		if err != nil {
			return err
		}
		for _, m := range list {
			if err := emit(jsonMedia{URL: src.BaseURL + "/media/" + media.FileName(m.Hash, 0, m.Ext), SHA256: m.Hash, Kind: m.Kind, Mime: m.Mime,
				Size: m.Size, Width: m.Width, Height: m.Height, Alt: m.Alt, Caption: m.Caption}); err != nil {
				return err
			}
		}
		if len(list) < 200 {
			return nil
		}
	}
}
