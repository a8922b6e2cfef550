package news

import (
	"html"
	"regexp"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// bluemonday is the one HTML sanitiser we depend on: an allow-list policy
// engine maintained for a decade and used widely; writing our own would be
// the classic source of XSS.
var (
	policyOnce sync.Once
	policy     *bluemonday.Policy
)

func bodyPolicy() *bluemonday.Policy {
	policyOnce.Do(func() {
		p := bluemonday.UGCPolicy()
		p.AllowAttrs("class").Matching(regexp.MustCompile(`^[a-zA-Z0-9 _-]+$`)).OnElements("p", "span", "div", "figure", "table", "img")
		p.AllowElements("figure", "figcaption")
		p.RequireNoFollowOnLinks(false)
		p.AddTargetBlankToFullyQualifiedLinks(false)
		// Alt text is escaped on output; the UGC policy's pattern dropped
		// alts containing ":", "%" or quotes ("Tỷ lệ 98% hồ sơ…").
		p.AllowAttrs("alt").OnElements("img")
		// Media library images: responsive sources from /media only.
		p.AllowAttrs("srcset").Matching(regexp.MustCompile(`^/media/[0-9a-f]{64}(?:-[0-9]{2,5})?\.(?:jpg|png|gif) [0-9]{1,5}w(?:, /media/[0-9a-f]{64}(?:-[0-9]{2,5})?\.(?:jpg|png|gif) [0-9]{1,5}w)*$`)).OnElements("img")
		p.AllowAttrs("sizes").Matching(regexp.MustCompile(`^[a-z0-9 (),:.%-]{1,200}$`)).OnElements("img")
		p.AllowAttrs("loading").Matching(regexp.MustCompile(`^(?:lazy|eager)$`)).OnElements("img")
		p.AllowAttrs("decoding").Matching(regexp.MustCompile(`^(?:async|sync|auto)$`)).OnElements("img")
		policy = p
	})
	return policy
}

// SanitizeHTML keeps the formatting an editor or a WordPress import uses
// (headings, lists, tables, images, links) and drops scripts, event
// handlers, styles and dangerous URLs.
//
// The result is balanced: bluemonday filters tokens but keeps an unclosed
// <details> or <table> open, and such a body would swallow the page's
// sidebar and footer. So its output is parsed as the body of a page, the
// way a browser would, and rendered again with every element closed.
func SanitizeHTML(s string) string {
	out := balance(bodyPolicy().Sanitize(s))
	// The HTML parser reorders misnested markup (a table's stray text is
	// moved before it, an <a> inside an <a> is split); a second pass reaches
	// the fixed point, so sanitising stored HTML again changes nothing.
	for i := 0; i < 3; i++ {
		again := balance(out)
		if again == out {
			break
		}
		out = again
	}
	return out
}

// balance parses h as the content of <body> and renders it back: unclosed
// elements are closed, stray end tags dropped, misnesting repaired.
func balance(h string) string {
	if h == "" {
		return ""
	}
	body := &nethtml.Node{Type: nethtml.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := nethtml.ParseFragment(strings.NewReader(h), body)
	if err != nil {
		// Only a reader error fails the parse; a strings.Reader has none.
		return html.EscapeString(h)
	}
	var b strings.Builder
	for _, n := range nodes {
		renderNode(&b, n)
	}
	return b.String()
}

// renderNode writes n as HTML. Not nethtml.Render: that writes void
// elements as "<img/>", and stored bodies, feeds and golden files use
// "<img>". Raw-text elements, comments and doctypes cannot come out of the
// policy; if the parser ever produced one it is dropped, not passed on.
func renderNode(b *strings.Builder, n *nethtml.Node) {
	switch n.Type {
	case nethtml.TextNode:
		b.WriteString(html.EscapeString(n.Data))
	case nethtml.ElementNode:
		if n.Namespace != "" || rawText[n.DataAtom] {
			return
		}
		b.WriteByte('<')
		b.WriteString(n.Data)
		for _, a := range n.Attr {
			if a.Namespace != "" {
				continue
			}
			b.WriteByte(' ')
			b.WriteString(a.Key)
			b.WriteString(`="`)
			b.WriteString(html.EscapeString(a.Val))
			b.WriteByte('"')
		}
		b.WriteByte('>')
		if voidElement[n.DataAtom] {
			return
		}
		// The parser drops one newline right after <pre>; keep a leading
		// one in the text by writing it twice, as browsers' serialisers do.
		if c := n.FirstChild; (n.DataAtom == atom.Pre || n.DataAtom == atom.Listing) && c != nil && c.Type == nethtml.TextNode && strings.HasPrefix(c.Data, "\n") {
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			renderNode(b, c)
		}
		b.WriteString("</")
		b.WriteString(n.Data)
		b.WriteByte('>')
	}
}

var voidElement = map[atom.Atom]bool{atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Keygen: true, atom.Link: true, atom.Meta: true,
	atom.Param: true, atom.Source: true, atom.Track: true, atom.Wbr: true}

var rawText = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Textarea: true, atom.Title: true,
	atom.Xmp: true, atom.Iframe: true, atom.Noembed: true, atom.Noframes: true, atom.Noscript: true, atom.Plaintext: true}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// PlainText turns sanitised HTML into text for the search index, snippets
// and feeds: tags become spaces, entities are decoded, whitespace collapsed.
func PlainText(h string) string {
	return strings.Join(strings.Fields(html.UnescapeString(tagRE.ReplaceAllString(h, " "))), " ")
}
