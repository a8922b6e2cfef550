package qa

import (
	"html/template"
	"strings"
)

// TextToHTML turns what staff typed into HTML: text with tags is taken as
// HTML (and sanitised by the caller); plain text becomes paragraphs, a
// blank line separating them, so officers who never wrote HTML can answer.
func TextToHTML(s string) string {
	if strings.Contains(s, "<") && strings.Contains(s, ">") {
		return s
	}
	var b strings.Builder
	for _, para := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		b.WriteString("<p>")
		b.WriteString(strings.ReplaceAll(template.HTMLEscapeString(para), "\n", "<br>"))
		b.WriteString("</p>\n")
	}
	return b.String()
}
