package news

import (
	"html"
	"regexp"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
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
func SanitizeHTML(s string) string {
	return bodyPolicy().Sanitize(s)
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// PlainText turns sanitised HTML into text for the search index, snippets
// and feeds: tags become spaces, entities are decoded, whitespace collapsed.
func PlainText(h string) string {
	return strings.Join(strings.Fields(html.UnescapeString(tagRE.ReplaceAllString(h, " "))), " ")
}
