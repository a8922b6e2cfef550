package wxr

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Write writes exp as a WXR 1.2 document in the layout WordPress's own
// exporter produces (and its importer expects): the five namespaces on
// <rss>, authors, categories and tags in the channel, then items. Text is
// in CDATA sections, split where the text contains "]]>", and characters
// XML forbids are dropped, so any content yields a well-formed file.
func Write(w io.Writer, exp *Export) error {
	ww := NewWriter(w, exp)
	for _, it := range exp.Items {
		ww.Item(it)
	}
	return ww.Close()
}

// Writer streams a WXR document: the channel's head first, then items one
// at a time, so an export never holds every article in memory.
type Writer struct {
	bw *bufio.Writer
}

// NewWriter writes the document's head: channel fields, authors,
// categories and tags of exp (its Items are left to Item).
func NewWriter(w io.Writer, exp *Export) *Writer {
	ww := &Writer{bw: bufio.NewWriter(w)}
	p := ww.printf
	p("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n")
	p("<!-- Xuất từ Cổng: tệp WordPress eXtended RSS (WXR 1.2). Nhập vào WordPress bằng Công cụ → Nhập → WordPress. -->\n")
	p("<rss version=\"2.0\"\n\txmlns:excerpt=%q\n\txmlns:content=%q\n\txmlns:wfw=\"http://wellformedweb.org/CommentAPI/\"\n\txmlns:dc=%q\n\txmlns:wp=%q\n>\n",
		nsExcerpt, nsContent, nsDC, nsWP)
	p("<channel>\n")
	p("\t<title>%s</title>\n", text(exp.Title))
	p("\t<link>%s</link>\n", text(exp.Link))
	p("\t<description></description>\n")
	p("\t<pubDate>%s</pubDate>\n", time.Now().UTC().Format(time.RFC1123Z))
	p("\t<language>%s</language>\n", text(exp.Language))
	p("\t<wp:wxr_version>1.2</wp:wxr_version>\n")
	p("\t<wp:base_site_url>%s</wp:base_site_url>\n", text(exp.BaseSiteURL))
	p("\t<wp:base_blog_url>%s</wp:base_blog_url>\n", text(exp.BaseSiteURL))
	for _, a := range exp.Authors {
		p("\t<wp:author><wp:author_id>%d</wp:author_id><wp:author_login>%s</wp:author_login><wp:author_email>%s</wp:author_email>"+
			"<wp:author_display_name>%s</wp:author_display_name><wp:author_first_name>%s</wp:author_first_name><wp:author_last_name>%s</wp:author_last_name></wp:author>\n",
			a.ID, cdata(a.Login), cdata(a.Email), cdata(a.DisplayName), cdata(a.FirstName), cdata(a.LastName))
	}
	for _, c := range exp.Categories {
		p("\t<wp:category><wp:term_id>%d</wp:term_id><wp:category_nicename>%s</wp:category_nicename><wp:category_parent>%s</wp:category_parent><wp:cat_name>%s</wp:cat_name>",
			c.ID, cdata(c.Slug), cdata(c.Parent), cdata(c.Name))
		if c.Description != "" {
			p("<wp:category_description>%s</wp:category_description>", cdata(c.Description))
		}
		p("</wp:category>\n")
	}
	for i, t := range exp.Tags {
		p("\t<wp:tag><wp:term_id>%d</wp:term_id><wp:tag_slug>%s</wp:tag_slug><wp:tag_name>%s</wp:tag_name></wp:tag>\n",
			100000+i, cdata(t.Slug), cdata(t.Name))
	}
	return ww
}

func (w *Writer) printf(format string, args ...any) { fmt.Fprintf(w.bw, format, args...) }

// Item writes one item. Write errors surface at Close.
func (w *Writer) Item(it Item) {
	p := w.printf
	p("\t<item>\n")
	p("\t\t<title>%s</title>\n", cdata(it.Title))
	p("\t\t<link>%s</link>\n", text(it.Link))
	if t, err := time.Parse(dateLayout, it.PostDateGMT); err == nil {
		p("\t\t<pubDate>%s</pubDate>\n", t.Format(time.RFC1123Z))
	}
	p("\t\t<dc:creator>%s</dc:creator>\n", cdata(it.Creator))
	p("\t\t<guid isPermaLink=\"false\">%s</guid>\n", text(it.GUID))
	p("\t\t<description></description>\n")
	p("\t\t<content:encoded>%s</content:encoded>\n", cdata(it.Content))
	p("\t\t<excerpt:encoded>%s</excerpt:encoded>\n", cdata(it.Excerpt))
	p("\t\t<wp:post_id>%d</wp:post_id>\n", it.PostID)
	p("\t\t<wp:post_date>%s</wp:post_date>\n", cdata(it.PostDate))
	p("\t\t<wp:post_date_gmt>%s</wp:post_date_gmt>\n", cdata(it.PostDateGMT))
	p("\t\t<wp:comment_status><![CDATA[closed]]></wp:comment_status>\n")
	p("\t\t<wp:ping_status><![CDATA[closed]]></wp:ping_status>\n")
	p("\t\t<wp:post_name>%s</wp:post_name>\n", cdata(it.PostName))
	p("\t\t<wp:status>%s</wp:status>\n", cdata(it.Status))
	p("\t\t<wp:post_parent>%d</wp:post_parent>\n", it.PostParent)
	p("\t\t<wp:menu_order>0</wp:menu_order>\n")
	p("\t\t<wp:post_type>%s</wp:post_type>\n", cdata(it.PostType))
	p("\t\t<wp:post_password><![CDATA[]]></wp:post_password>\n")
	p("\t\t<wp:is_sticky>0</wp:is_sticky>\n")
	if it.AttachmentURL != "" {
		// Without it WordPress's importer cannot fetch an attachment's file.
		p("\t\t<wp:attachment_url>%s</wp:attachment_url>\n", cdata(it.AttachmentURL))
	}
	for _, t := range it.Categories {
		p("\t\t<category domain=%s nicename=%s>%s</category>\n", attr(t.Domain), attr(t.Slug), cdata(t.Name))
	}
	// Post meta read from an import (_thumbnail_id links the featured
	// image) is written back, in key order so exports are reproducible.
	keys := make([]string, 0, len(it.Meta))
	for k := range it.Meta {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		p("\t\t<wp:postmeta><wp:meta_key>%s</wp:meta_key><wp:meta_value>%s</wp:meta_value></wp:postmeta>\n", cdata(k), cdata(it.Meta[k]))
	}
	p("\t</item>\n")
}

// Close ends the document and reports any write error.
func (w *Writer) Close() error {
	w.printf("</channel>\n</rss>\n")
	return w.bw.Flush()
}

// FormatDate is WordPress's MySQL datetime layout, for PostDate fields.
func FormatDate(t time.Time) string { return t.Format(dateLayout) }

// xmlSafe drops characters XML 1.0 does not allow (C0 controls other than
// tab and newlines, lone surrogates, U+FFFE/FFFF) and invalid UTF-8.
func xmlSafe(s string) string {
	ok := true
	for _, r := range s {
		if !allowed(r) {
			ok = false
			break
		}
	}
	if ok && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r != utf8.RuneError && allowed(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func allowed(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// cdata wraps s in a CDATA section; a "]]>" inside is split across two
// sections, the standard way, so the text reads back unchanged.
func cdata(s string) string {
	return "<![CDATA[" + strings.ReplaceAll(xmlSafe(s), "]]>", "]]]]><![CDATA[>") + "]]>"
}

var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func text(s string) string { return textEscaper.Replace(xmlSafe(s)) }

var attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\n", "&#10;", "\r", "&#13;", "\t", "&#9;")

func attr(s string) string { return `"` + attrEscaper.Replace(xmlSafe(s)) + `"` }
