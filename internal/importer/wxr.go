// Package importer brings content from other systems into Cổng. WXR is
// WordPress's export format, the most common source for a portal that is
// moving to Cổng.
package importer

import (
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"net/url"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/viet"
	"github.com/congportal/cong/internal/wxr"
)

// Summary counts what an import did, with a reason for every item that was
// skipped or failed.
type Summary struct {
	Categories, CategoriesExisting int
	Articles, Pages                int
	Unchanged                      int // already imported (same GUID)
	Skipped                        []string
	Failed                         []string
}

// Print writes the summary in Vietnamese.
func (s *Summary) Print(w io.Writer) {
	fmt.Fprintf(w, "Chuyên mục: %d mới, %d đã có.\n", s.Categories, s.CategoriesExisting)
	fmt.Fprintf(w, "Bài viết đã nhập: %d. Trang đã nhập: %d. Đã có từ lần nhập trước: %d.\n", s.Articles, s.Pages, s.Unchanged)
	fmt.Fprintf(w, "Bỏ qua: %d. Lỗi: %d.\n", len(s.Skipped), len(s.Failed))
	for _, m := range s.Skipped {
		fmt.Fprintln(w, "  bỏ qua:", m)
	}
	for _, m := range s.Failed {
		fmt.Fprintln(w, "  lỗi:", m)
	}
}

// WXR imports a WordPress export into the site in one transaction: a file
// that cannot be parsed imports nothing, and re-importing the same file
// changes nothing (items are matched on their GUID).
func WXR(ctx context.Context, st *store.Store, siteID int64, r io.Reader, loc *time.Location) (*Summary, error) {
	exp, err := wxr.Parse(r)
	if err != nil {
		return nil, fmt.Errorf("tệp WXR không hợp lệ, không nhập gì: %w", err)
	}
	sum := &Summary{}
	authors := map[string]string{}
	for _, a := range exp.Authors {
		name := strings.TrimSpace(a.DisplayName)
		if name == "" {
			name = strings.TrimSpace(a.FirstName + " " + a.LastName)
		}
		if name == "" {
			name = a.Login
		}
		authors[a.Login] = name
	}
	err = st.InTx(ctx, func(tx *store.Tx) error {
		cats, err := importCategories(ctx, tx, siteID, exp.Categories, sum)
		if err != nil {
			return err
		}
		for _, it := range exp.Items {
			if err := importItem(ctx, tx, siteID, it, cats, authors, loc, sum); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return sum, nil
}

// wpSlug decodes a WordPress nicename (percent-encoded UTF-8 for Vietnamese
// slugs such as "tin-t%e1%bb%a9c") into a Cổng slug.
func wpSlug(nicename, fallback string) string {
	if s, err := url.PathUnescape(nicename); err == nil && utf8.ValidString(s) {
		nicename = s
	}
	if s := viet.Slug(nicename); s != "" {
		return s
	}
	return viet.Slug(fallback)
}

// importCategories creates missing categories, parents before children, and
// returns a map from WordPress nicename to category id.
func importCategories(ctx context.Context, tx *store.Tx, siteID int64, in []wxr.Category, sum *Summary) (map[string]int64, error) {
	ids := map[string]int64{}
	pending := append([]wxr.Category(nil), in...)
	for pos := 0; len(pending) > 0; {
		progressed := false
		rest := pending[:0]
		for _, c := range pending {
			var parent int64
			if c.Parent != "" {
				p, ok := ids[c.Parent]
				if !ok {
					rest = append(rest, c)
					continue
				}
				parent = p
			}
			progressed = true
			slug := wpSlug(c.Slug, c.Name)
			if slug == "" {
				sum.Skipped = append(sum.Skipped, fmt.Sprintf("chuyên mục %q: không có tên", c.Name))
				continue
			}
			if ex, err := tx.CategoryBySlug(ctx, siteID, slug); err == nil {
				ids[c.Slug] = ex.ID
				sum.CategoriesExisting++
				continue
			} else if !errors.Is(err, store.ErrNotFound) {
				return nil, err
			}
			pos++
			cat := news.Category{SiteID: siteID, ParentID: parent, Name: termName(c.Name), Slug: slug, Description: termName(c.Description), Position: 100 + pos}
			if err := tx.CreateCategory(ctx, &cat, c.Slug); err != nil {
				return nil, fmt.Errorf("chuyên mục %q: %w", c.Name, err)
			}
			ids[c.Slug] = cat.ID
			sum.Categories++
		}
		pending = rest
		if !progressed {
			// A parent that is not in the file (or a cycle): import the rest
			// as top-level categories rather than lose them.
			for i := range pending {
				pending[i].Parent = ""
			}
		}
	}
	return ids, nil
}

func importItem(ctx context.Context, tx *store.Tx, siteID int64, it wxr.Item, cats map[string]int64, authors map[string]string, loc *time.Location, sum *Summary) error {
	label := fmt.Sprintf("%s %q", it.PostType, it.Title)
	switch it.PostType {
	case "post", "page":
	case "attachment":
		// Media stay where they are: bodies keep linking to their original
		// URLs until the media library can take them over.
		sum.Skipped = append(sum.Skipped, fmt.Sprintf("tệp đính kèm %q: giữ liên kết gốc %s", it.Title, it.AttachmentURL))
		return nil
	default:
		sum.Skipped = append(sum.Skipped, fmt.Sprintf("%s: loại nội dung %q không được hỗ trợ", label, it.PostType))
		return nil
	}
	if it.Status != "publish" {
		sum.Skipped = append(sum.Skipped, fmt.Sprintf("%s: trạng thái %q (chỉ nhập nội dung đã xuất bản)", label, it.Status))
		return nil
	}
	guid := strings.TrimSpace(it.GUID)
	if guid == "" {
		guid = fmt.Sprintf("wp-post-%d", it.PostID)
	}
	title := strings.TrimSpace(viet.NFC(it.Title))
	if title == "" {
		sum.Failed = append(sum.Failed, fmt.Sprintf("%s (id %d): không có tiêu đề", it.PostType, it.PostID))
		return nil
	}
	body := news.SanitizeHTML(viet.NFC(autop(it.Content)))

	if it.PostType == "page" {
		if _, err := tx.PageIDByGUID(ctx, siteID, guid); err == nil {
			sum.Unchanged++
			return nil
		} else if !errors.Is(err, store.ErrNotFound) {
			return err
		}
		slug := wpSlug(it.PostName, title)
		for i := 2; ; i++ {
			taken, err := tx.PageSlugTaken(ctx, siteID, slug)
			if err != nil {
				return err
			}
			if !taken {
				break
			}
			slug = fmt.Sprintf("%s-%d", wpSlug(it.PostName, title), i)
		}
		p := news.Page{SiteID: siteID, Title: title, Slug: slug, BodyHTML: body, WPGUID: guid}
		if err := tx.InsertPage(ctx, &p); err != nil {
			return fmt.Errorf("%s: %w", label, err)
		}
		sum.Pages++
		return nil
	}

	if _, err := tx.ArticleIDByGUID(ctx, siteID, guid); err == nil {
		sum.Unchanged++
		return nil
	} else if !errors.Is(err, store.ErrNotFound) {
		return err
	}
	pub, err := it.PublishedAt(loc)
	if err != nil {
		sum.Failed = append(sum.Failed, fmt.Sprintf("%s: ngày đăng không đọc được (%v)", label, err))
		return nil
	}
	a := news.Article{
		SiteID: siteID, Title: title, BodyHTML: body, Summary: summaryOf(it.Excerpt, body),
		Author: authors[it.Creator], Status: news.StatusPublished, PublishedAt: pub, WPGUID: guid,
	}
	if a.Author == "" {
		a.Author = it.Creator
	}
	var catNames []string
	for _, t := range it.Categories {
		switch t.Domain {
		case "category":
			if id, ok := cats[t.Slug]; ok && a.CategoryID == 0 {
				a.CategoryID = id
			} else {
				catNames = append(catNames, termName(t.Name))
			}
		case "post_tag":
			a.Tags = append(a.Tags, termName(t.Name))
		}
	}
	// Cổng files an article under one category; further WordPress
	// categories are kept as tags so nothing is lost.
	a.Tags = append(a.Tags, catNames...)
	sort.Strings(a.Tags)
	a.Slug = wpSlug(it.PostName, "")
	if err := tx.SaveArticle(ctx, &a); errors.Is(err, store.ErrSlugTaken) {
		a.Slug = ""
		err = tx.SaveArticle(ctx, &a)
		if err != nil {
			return fmt.Errorf("%s: %w", label, err)
		}
	} else if err != nil {
		return fmt.Errorf("%s: %w", label, err)
	}
	sum.Articles++
	return nil
}

// termName undoes WordPress's HTML-escaping of term names ("Y tế &amp; Sức khỏe").
func termName(s string) string {
	return viet.NFC(strings.TrimSpace(html.UnescapeString(s)))
}

// summaryOf uses the excerpt, or the first sentences of the body.
func summaryOf(excerpt, body string) string {
	if s := strings.TrimSpace(news.PlainText(excerpt)); s != "" {
		return viet.NFC(s)
	}
	text := news.PlainText(body)
	r := []rune(text)
	if len(r) <= 240 {
		return text
	}
	cut := string(r[:240])
	if i := strings.LastIndex(cut, " "); i > 120 {
		cut = cut[:i]
	}
	return cut + "…"
}

// autop turns WordPress's blank-line paragraphs into <p> elements, as
// WordPress does when it displays a post; content that already has block
// tags is left alone.
func autop(s string) string {
	if strings.Contains(s, "<p") || strings.Contains(s, "<!-- wp:") || strings.Contains(s, "<div") {
		return s
	}
	parts := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n")
	var b strings.Builder
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		b.WriteString("<p>")
		b.WriteString(strings.ReplaceAll(p, "\n", "<br>\n"))
		b.WriteString("</p>\n")
	}
	return b.String()
}
