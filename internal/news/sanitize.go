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
