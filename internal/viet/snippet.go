package viet

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DefaultSnippetRunes is used when Snippet is given no positive length;
// it is roughly two lines of a search result.
const DefaultSnippetRunes = 200

// textWord is one word of the text being highlighted, as rune offsets into
// the NFC text plus its folded form.
type textWord struct {
	start, end int
	folded     string
}

// highlighter decides which words of a text to mark for a query.
type highlighter struct {
	words   []string   // whole-word or word-prefix matches
	keys    []string   // abbreviations: whole-word matches only
	phrases [][]string // consecutive whole words
}

func newHighlighter(q Query) highlighter {
	t := abbrevs()
	h := highlighter{words: q.words()}
	addVariants := func(key string) {
		h.phrases = append(h.phrases, t.variants[key]...)
	}
	// Both directions of IndexText's expansion, so that whichever form made
	// the document match is the one the reader sees marked.
	for _, w := range h.words {
		if long, ok := t.long[w]; ok {
			h.phrases = append(h.phrases, long)
			addVariants(t.canon[w])
		}
	}
	var flat []string
	for _, g := range q.Groups {
		flat = append(flat, g...)
	}
	for _, lf := range t.longForms {
		if containsPhrase(flat, lf.words) {
			for _, k := range lf.keys {
				h.keys = append(h.keys, k)
				addVariants(k)
			}
		}
	}
	return h
}

func (h highlighter) empty() bool {
	return len(h.words) == 0 && len(h.keys) == 0 && len(h.phrases) == 0
}

// matchWord reports whether a folded text word matches a query word.
// Prefix matching lets "thu" mark "thuế" and "thuỷ" as the index's prefix
// search would, but a one-letter query word must match whole, or nearly
// every word in the excerpt would be marked.
func matchWord(folded, w string) bool {
	if folded == w {
		return true
	}
	return utf8.RuneCountInString(w) > 1 && strings.HasPrefix(folded, w)
}

// mark returns, for each word, whether it is to be highlighted.
func (h highlighter) mark(ws []textWord) []bool {
	marked := make([]bool, len(ws))
	if h.empty() {
		return marked
	}
	folded := make([]string, len(ws))
	for i, w := range ws {
		folded[i] = w.folded
	}
	for i, f := range folded {
		for _, p := range h.phrases {
			if phraseAt(folded, i, p) {
				for j := range p {
					marked[i+j] = true
				}
			}
		}
		if marked[i] {
			continue
		}
		for _, w := range h.words {
			if matchWord(f, w) {
				marked[i] = true
				break
			}
		}
		for _, k := range h.keys {
			if f == k {
				marked[i] = true
				break
			}
		}
	}
	return marked
}

// splitWords finds the words of rs. Combining marks left over after NFC
// stay inside their word but do not take part in the folded form, which
// keeps folded comparison and rune offsets in step.
func splitWords(rs []rune) []textWord {
	var out []textWord
	var b strings.Builder
	for i := 0; i < len(rs); {
		if !isWordRune(rs[i]) {
			i++
			continue
		}
		start := i
		b.Reset()
		for ; i < len(rs) && (isWordRune(rs[i]) || unicode.Is(unicode.Mn, rs[i])); i++ {
			if !unicode.Is(unicode.Mn, rs[i]) {
				b.WriteRune(FoldRune(rs[i]))
			}
		}
		out = append(out, textWord{start, i, b.String()})
	}
	return out
}

// render writes rs[from:to] as escaped HTML with marked words wrapped.
// Marked words separated only by spaces share one <mark>, so a phrase
// reads as one highlight rather than a row of separate boxes.
func render(b *strings.Builder, rs []rune, ws []textWord, marked []bool, from, to int) {
	pos := from
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if !marked[i] || w.end <= from || w.start >= to {
			continue
		}
		s, e := max(w.start, from), min(w.end, to)
		for i+1 < len(ws) && marked[i+1] && ws[i+1].end <= to && onlySpaces(rs[e:ws[i+1].start]) {
			i++
			e = ws[i].end
		}
		b.WriteString(html.EscapeString(string(rs[pos:s])))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(string(rs[s:e])))
		b.WriteString("</mark>")
		pos = e
	}
	b.WriteString(html.EscapeString(string(rs[pos:to])))
}

func onlySpaces(rs []rune) bool {
	for _, r := range rs {
		if r != ' ' {
			return false
		}
	}
	return true
}

// Highlight returns the whole of a short text, such as a title, as escaped
// HTML with the words matching q wrapped in <mark>. Matching follows
// Snippet. The result is safe to insert into a page as is.
func Highlight(text string, q Query) string {
	rs := []rune(NFC(text))
	ws := splitWords(rs)
	var b strings.Builder
	render(&b, rs, ws, newHighlighter(q).mark(ws), 0, len(rs))
	return b.String()
}

// Snippet returns an excerpt of plain text of about maxRunes runes around
// the first word matching q, as escaped HTML that is safe to insert into a
// page as is. Matching is done on folded text, so the query "dang" marks
// "Đảng"; a word matches when it equals, or starts with, any query word
// (or is a phrase or abbreviation the query's terms expand to). Every
// matching word in the excerpt is wrapped in <mark>. Whitespace runs are
// collapsed, the excerpt is cut at word boundaries, and "…" marks each end
// that was cut. If nothing matches, the excerpt is the start of the text.
func Snippet(text string, q Query, maxRunes int) string {
	if maxRunes <= 0 {
		maxRunes = DefaultSnippetRunes
	}
	rs := []rune(strings.Join(strings.Fields(NFC(text)), " "))
	ws := splitWords(rs)
	marked := newHighlighter(q).mark(ws)
	n := len(rs)
	var b strings.Builder
	if n <= maxRunes {
		render(&b, rs, ws, marked, 0, n)
		return b.String()
	}

	start, first := 0, -1
	for i, m := range marked {
		if !m {
			continue
		}
		first = i
		// Give the match some lead-in context, but slide the window back
		// if it would otherwise run past the end and be short.
		start = ws[i].start - maxRunes/3
		start = max(min(start, n-maxRunes), 0)
		if start > 0 {
			for _, w := range ws[:i+1] {
				if w.start >= start {
					start = w.start
					break
				}
			}
		}
		break
	}

	end := n
	if limit := start + maxRunes; limit < n {
		end = limit // a single word longer than the window: hard cut
		for _, w := range ws {
			if w.start >= start && w.end <= limit {
				end = w.end
			}
		}
		if first >= 0 && ws[first].end > end {
			// The matched word itself does not fit: show as much of it as
			// possible rather than an excerpt without the match.
			end = limit
		}
	}

	if start > 0 {
		b.WriteString("…")
	}
	render(&b, rs, ws, marked, start, end)
	if end < n {
		b.WriteString("…")
	}
	return b.String()
}
