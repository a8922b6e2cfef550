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
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/congportal/cong/internal/media"
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
	Attachments                    int // files brought into the media library
	AttachmentsExisting            int // already in the library (same content)
	Redirects                      int // old addresses that answer 301
	Relinked                       int // earlier imports whose links now point at the library
	Skipped                        []string
	Failed                         []string
	// Missing lists the old site's files that could not be brought in;
	// the pages that link to them still point at the old host.
	Missing []string
}

// Print writes the summary in Vietnamese.
func (s *Summary) Print(w io.Writer) {
	fmt.Fprintf(w, "Chuyên mục: %d mới, %d đã có.\n", s.Categories, s.CategoriesExisting)
	fmt.Fprintf(w, "Bài viết đã nhập: %d. Trang đã nhập: %d. Đã có từ lần nhập trước: %d.\n", s.Articles, s.Pages, s.Unchanged)
	fmt.Fprintf(w, "Tệp đính kèm vào thư viện: %d mới, %d đã có. Thiếu tệp: %d.\n", s.Attachments, s.AttachmentsExisting, len(s.Missing))
	fmt.Fprintf(w, "Địa chỉ cũ chuyển hướng (301): %d.\n", s.Redirects)
	if s.Relinked > 0 {
		fmt.Fprintf(w, "Bài đã nhập trước đây, nay trỏ tới thư viện tệp: %d.\n", s.Relinked)
	}
	fmt.Fprintf(w, "Bỏ qua: %d. Lỗi: %d.\n", len(s.Skipped), len(s.Failed))
	for _, m := range s.Missing {
		fmt.Fprintln(w, "  thiếu tệp:", m)
	}
	for _, m := range s.Skipped {
		fmt.Fprintln(w, "  bỏ qua:", m)
	}
	for _, m := range s.Failed {
		fmt.Fprintln(w, "  lỗi:", m)
	}
}

// Options are the choices of an import beyond the file itself.
type Options struct {
	// Loc is the old site's time zone, for dates WordPress wrote without
	// one (nil: UTC).
	Loc *time.Location
	// Uploads is the old site's wp-content/uploads folder; "" leaves the
	// media where they are (bodies keep their links to the old host).
	Uploads string
	// Media is the library the files go to; required with Uploads.
	Media *media.Library
	// Progress, when set, is told how far the import is after each item.
	Progress func(done, total int)
}

// WXR imports a WordPress export with the default options but loc.
func WXR(ctx context.Context, st *store.Store, siteID int64, r io.Reader, loc *time.Location) (*Summary, error) {
	return Import(ctx, st, siteID, r, Options{Loc: loc})
}

// Import brings a WordPress export into the site. The media files come
// first, each in its own transaction (a file is content-addressed, so a
// second run finds it); then the categories, posts, pages and old addresses
// in one transaction: a file that cannot be parsed imports nothing, and
// re-importing the same file changes nothing (items are matched on their
// GUID, addresses on their path).
func Import(ctx context.Context, st *store.Store, siteID int64, r io.Reader, opt Options) (*Summary, error) {
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
	up := &uploads{lib: opt.Media, st: st, siteID: siteID, hosts: oldHosts(exp), byRel: map[string]store.Media{}, missing: map[string]bool{}, bad: map[string]bool{}}
	if opt.Uploads != "" {
		if opt.Media == nil {
			return nil, errors.New("thiếu thư mục lưu tệp của thư viện")
		}
		root, err := os.OpenRoot(opt.Uploads)
		if err != nil {
			return nil, fmt.Errorf("không mở được thư mục uploads %s: %w", opt.Uploads, err)
		}
		defer root.Close()
		up.root = root
	}
	total, done := 0, 0
	for _, it := range exp.Items {
		switch it.PostType {
		case "post", "page", "attachment":
			total++
		}
	}
	step := func() {
		done++
		if opt.Progress != nil {
			opt.Progress(done, total)
		}
	}
	if opt.Progress != nil {
		opt.Progress(0, total)
	}
	attached := map[int]store.Media{} // attachment post ID → library file
	if up.root != nil {
		for _, it := range exp.Items {
			if it.PostType != "attachment" {
				continue
			}
			if err := importAttachment(ctx, up, it, attached, sum); err != nil {
				return nil, err
			}
			step()
		}
		// Files a body links to that no attachment names (added by FTP, or
		// attached to a post that was deleted) come along too.
		for _, it := range exp.Items {
			if (it.PostType != "post" && it.PostType != "page") || it.Status != "publish" {
				continue
			}
			for _, raw := range uploadURLs(it.Content) {
				rel, ok := up.uploadsRel(raw)
				if !ok || up.missing[rel] || up.bad[rel] {
					continue
				}
				if _, _, ok := up.mediaFor(raw); ok {
					continue
				}
				try := rel
				if orig := wxr.Original(rel); orig != rel {
					if !up.exists(rel) {
						try = orig
					}
				}
				m, created, err := up.add(ctx, try, "", "")
				switch {
				case errors.Is(err, errMissing):
					up.missing[rel] = true
				case err != nil && ctx.Err() != nil:
					return nil, ctx.Err()
				case err != nil:
					up.bad[rel] = true
					sum.Failed = append(sum.Failed, fmt.Sprintf("tệp %s (trong %q): %v", rel, it.Title, err))
				default:
					up.byRel[rel] = m
					countMedia(sum, created)
				}
			}
		}
	} else {
		for _, it := range exp.Items {
			if it.PostType == "attachment" {
				sum.Skipped = append(sum.Skipped, fmt.Sprintf("tệp đính kèm %q: chưa nhập vào thư viện (thiếu --uploads), bài viết vẫn trỏ tới %s", it.Title, it.AttachmentURL))
				step()
			}
		}
	}
	missingIn := map[string][]string{} // file → titles of the items linking to it
	var earlier []int64                // articles imported by an earlier run
	err = st.InTx(ctx, func(tx *store.Tx) error {
		cats, err := importCategories(ctx, tx, siteID, exp.Categories, sum)
		if err != nil {
			return err
		}
		links := map[string]bool{}
		link := func(key, kind string, id int64) error {
			if key == "" || links[key] {
				return nil
			}
			links[key] = true
			sum.Redirects++
			return tx.AddLegacyLink(ctx, siteID, key, kind, id)
		}
		for key, id := range categoryKeys(exp.Categories, cats) {
			if err := link(key, store.LegacyCategory, id); err != nil {
				return err
			}
		}
		for _, it := range exp.Items {
			if it.PostType == "attachment" {
				if m, ok := attached[it.PostID]; ok {
					for _, key := range []string{wxr.URLKey(it.Link), idKey("attachment_id", it.PostID), idKey("p", it.PostID), wxr.URLKey(it.AttachmentURL)} {
						if err := link(key, store.LegacyMedia, m.ID); err != nil {
							return err
						}
					}
				}
				continue
			}
			if it.PostType == "post" || it.PostType == "page" {
				body, left := it.Content, []string(nil)
				if up.root != nil {
					body, left = rewriteBody(it.Content, up.mediaFor)
				}
				for _, rel := range left {
					missingIn[rel] = append(missingIn[rel], it.Title)
				}
				it.Content = body
			}
			before := sum.Unchanged
			kind, id, err := importItem(ctx, tx, siteID, it, cats, authors, opt.Loc, sum)
			if err != nil {
				return err
			}
			if it.PostType == "post" || it.PostType == "page" {
				step()
			}
			if id == 0 {
				continue
			}
			if kind == store.LegacyArticle && sum.Unchanged > before {
				earlier = append(earlier, id)
			}
			keys := []string{wxr.URLKey(it.Link), idKey("p", it.PostID)}
			if kind == store.LegacyPage {
				keys = append(keys, idKey("page_id", it.PostID))
			} else {
				// Addresses of the full title, where Cổng cut the slug:
				// Cổng keeps slugs to 80 bytes, WordPress up to 200.
				for _, full := range []string{fullSlug(decodeName(it.PostName)), fullSlug(it.Title)} {
					if len(full) > len(viet.Slug(full)) && len(full) <= 400 {
						keys = append(keys, "/bai-viet/"+full)
					}
				}
			}
			for _, key := range keys {
				if err := link(key, kind, id); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// An article imported before --uploads was given (or before its file
	// was copied) still links to the old host: point it at the library
	// now. Each is its own save, after the import's transaction, so the
	// store keeps its search index and revisions as for any edit.
	if up.root != nil {
		for _, id := range earlier {
			a, err := st.Article(ctx, siteID, id)
			if err != nil {
				return nil, err
			}
			body, _ := rewriteBody(a.BodyHTML, up.mediaFor)
			if body == a.BodyHTML {
				continue
			}
			a.BodyHTML = news.SanitizeHTML(body)
			if err := st.SaveArticle(ctx, &a); err != nil {
				return nil, fmt.Errorf("bài %q: %w", a.Title, err)
			}
			sum.Relinked++
		}
	}
	rels := make([]string, 0, len(missingIn))
	for rel := range missingIn {
		rels = append(rels, rel)
	}
	sort.Strings(rels)
	for _, rel := range rels {
		titles := missingIn[rel]
		why := "không có trong thư mục uploads"
		if up.bad[rel] {
			why = "không nhận được (xem lỗi)"
		}
		sum.Missing = append(sum.Missing, fmt.Sprintf("%s: %s; %d bài vẫn trỏ tới máy chủ cũ (%q…)", rel, why, len(titles), titles[0]))
	}
	return sum, nil
}

func countMedia(sum *Summary, created bool) {
	if created {
		sum.Attachments++
	} else {
		sum.AttachmentsExisting++
	}
}

// importAttachment brings one attachment's file into the library. Its
// place below uploads is _wp_attached_file, or else read off its URL.
func importAttachment(ctx context.Context, up *uploads, it wxr.Item, attached map[int]store.Media, sum *Summary) error {
	rel := strings.TrimSpace(it.Meta["_wp_attached_file"])
	if rel == "" {
		rel, _ = up.uploadsRel(it.AttachmentURL)
	}
	rel = norm.NFC.String(strings.TrimPrefix(rel, "/"))
	label := fmt.Sprintf("tệp đính kèm %q", it.Title)
	if rel == "" {
		sum.Missing = append(sum.Missing, fmt.Sprintf("%s: không rõ tệp nào (không có _wp_attached_file hay wp:attachment_url)", label))
		return nil
	}
	alt := it.Meta["_wp_attachment_image_alt"]
	if strings.TrimSpace(alt) == "" {
		alt = it.Title
	}
	m, created, err := up.add(ctx, rel, alt, news.PlainText(it.Excerpt))
	switch {
	case errors.Is(err, errMissing):
		up.missing[rel] = true
		sum.Missing = append(sum.Missing, fmt.Sprintf("%s: %s không có trong thư mục uploads; liên kết vẫn trỏ tới %s", label, rel, it.AttachmentURL))
		return nil
	case err != nil && ctx.Err() != nil:
		return ctx.Err()
	case err != nil:
		up.bad[rel] = true
		sum.Failed = append(sum.Failed, fmt.Sprintf("%s (%s): %v", label, rel, err))
		return nil
	}
	attached[it.PostID] = m
	countMedia(sum, created)
	return nil
}

// oldHosts are the host names the old site's own links use: its base URL,
// and the hosts of its items' links and files (a site that moved from
// http://xa.example to https://www.xa.example has both in its bodies).
func oldHosts(exp *wxr.Export) map[string]bool {
	hosts := map[string]bool{}
	add := func(raw string) {
		if u, err := url.Parse(strings.TrimSpace(raw)); err == nil && u.Host != "" {
			hosts[strings.ToLower(u.Hostname())] = true
		}
	}
	add(exp.Link)
	add(exp.BaseSiteURL)
	for _, it := range exp.Items {
		add(it.Link)
		if it.PostType == "attachment" {
			add(it.AttachmentURL)
		}
	}
	return hosts
}

// categoryKeys are the old addresses of the categories' archives:
// WordPress's default /category/parent/child/ and ?cat=ID.
func categoryKeys(in []wxr.Category, ids map[string]int64) map[string]int64 {
	parent := map[string]string{}
	for _, c := range in {
		parent[c.Slug] = c.Parent
	}
	keys := map[string]int64{}
	for _, c := range in {
		id, ok := ids[c.Slug]
		if !ok {
			continue
		}
		path := decodeName(c.Slug)
		for p, n := c.Parent, 0; p != "" && n < 10; p, n = parent[p], n+1 {
			path = decodeName(p) + "/" + path
		}
		if k := wxr.LinkKey("/category/"+path, nil); k != "" {
			keys[k] = id
		}
		if k := idKey("cat", c.ID); k != "" {
			keys[k] = id
		}
	}
	return keys
}

func idKey(name string, id int) string {
	if id <= 0 {
		return ""
	}
	return "?" + name + "=" + strconv.Itoa(id)
}

// decodeName undoes WordPress's percent-encoding of a Vietnamese slug.
func decodeName(nicename string) string {
	if s, err := url.PathUnescape(nicename); err == nil && utf8.ValidString(s) {
		return s
	}
	return nicename
}

// fullSlug is viet.Slug without its length cap: the address a reader (or
// an old link) may use for a long title.
func fullSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range viet.Fold(s) {
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
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

// importItem imports a post or a page; it returns the kind and id of what
// the item is in Cổng now (new or from an earlier import), id 0 if none.
func importItem(ctx context.Context, tx *store.Tx, siteID int64, it wxr.Item, cats map[string]int64, authors map[string]string, loc *time.Location, sum *Summary) (string, int64, error) {
	label := fmt.Sprintf("%s %q", it.PostType, it.Title)
	switch it.PostType {
	case "post", "page":
	default:
		sum.Skipped = append(sum.Skipped, fmt.Sprintf("%s: loại nội dung %q không được hỗ trợ", label, it.PostType))
		return "", 0, nil
	}
	if it.Status != "publish" {
		sum.Skipped = append(sum.Skipped, fmt.Sprintf("%s: trạng thái %q (chỉ nhập nội dung đã xuất bản)", label, it.Status))
		return "", 0, nil
	}
	guid := strings.TrimSpace(it.GUID)
	if guid == "" {
		guid = fmt.Sprintf("wp-post-%d", it.PostID)
	}
	title := strings.TrimSpace(viet.NFC(it.Title))
	if title == "" {
		sum.Failed = append(sum.Failed, fmt.Sprintf("%s (id %d): không có tiêu đề", it.PostType, it.PostID))
		return "", 0, nil
	}
	body := news.SanitizeHTML(viet.NFC(autop(it.Content)))

	if it.PostType == "page" {
		if id, err := tx.PageIDByGUID(ctx, siteID, guid); err == nil {
			sum.Unchanged++
			return store.LegacyPage, id, nil
		} else if !errors.Is(err, store.ErrNotFound) {
			return "", 0, err
		}
		slug := wpSlug(it.PostName, title)
		for i := 2; ; i++ {
			taken, err := tx.PageSlugTaken(ctx, siteID, slug)
			if err != nil {
				return "", 0, err
			}
			if !taken {
				break
			}
			slug = fmt.Sprintf("%s-%d", wpSlug(it.PostName, title), i)
		}
		p := news.Page{SiteID: siteID, Title: title, Slug: slug, BodyHTML: body, WPGUID: guid}
		if err := tx.InsertPage(ctx, &p); err != nil {
			return "", 0, fmt.Errorf("%s: %w", label, err)
		}
		sum.Pages++
		return store.LegacyPage, p.ID, nil
	}

	if id, err := tx.ArticleIDByGUID(ctx, siteID, guid); err == nil {
		sum.Unchanged++
		return store.LegacyArticle, id, nil
	} else if !errors.Is(err, store.ErrNotFound) {
		return "", 0, err
	}
	pub, err := it.PublishedAt(loc)
	if err != nil {
		sum.Failed = append(sum.Failed, fmt.Sprintf("%s: ngày đăng không đọc được (%v)", label, err))
		return "", 0, nil
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
			return "", 0, fmt.Errorf("%s: %w", label, err)
		}
	} else if err != nil {
		return "", 0, fmt.Errorf("%s: %w", label, err)
	}
	sum.Articles++
	return store.LegacyArticle, a.ID, nil
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
