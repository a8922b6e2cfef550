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
	h := newHighlighter(q)
	if s, ok := h.prefixSnippet(text, maxRunes); ok {
		return s
	}
	s, _ := h.excerpt([]rune(strings.Join(strings.Fields(NFC(text)), " ")), maxRunes, false)
	return s
}

// SnippetOfPrefix is Snippet for a text of which the caller has only
// computed the start, prefix: the whole text must be prefix followed by
// whitespace and more text, or prefix itself. ok is false when the rest
// could change the excerpt (including when prefix has no match); the
// caller then calls Snippet with the whole text. This lets the search page
// turn only the first part of each article's HTML into text.
func SnippetOfPrefix(prefix string, q Query, maxRunes int) (string, bool) {
	if maxRunes <= 0 {
		maxRunes = DefaultSnippetRunes
	}
	s, ok := newHighlighter(q).excerpt([]rune(strings.Join(strings.Fields(NFC(prefix)), " ")), maxRunes, true)
	if !ok {
		return "", false
	}
	return s, true
}

// snippetFirstCut is where prefixSnippet first cuts the text, in bytes per
// rune of the excerpt: the summary and the body's first paragraphs, where
// most first matches are.
const snippetFirstCut = 6

// prefixSnippet computes the excerpt from the start of a long text only,
// when the rest cannot change it. A search results page shows an excerpt
// for each of its articles, and splitting, folding and marking the whole
// body of every one cost more than the search itself; the excerpt nearly
// always comes from the first few hundred words. ok is false when the
// whole text is needed.
func (h highlighter) prefixSnippet(text string, maxRunes int) (string, bool) {
	mayMatch := -1 // whether the text has a word the query could mark: unknown yet
	for cut := snippetFirstCut * maxRunes; cut < len(text); cut *= 4 {
		// Cut at ASCII whitespace: NFC, whitespace collapsing and word
		// splitting of the two parts then give the whole text's, so the
		// prefix's words are the text's first words.
		i := strings.IndexAny(text[cut:], " \t\n\r")
		if i < 0 {
			return "", false
		}
		prefix := text[:cut+i]
		if strings.TrimSpace(text[cut+i:]) == "" {
			return "", false
		}
		rs := []rune(strings.Join(strings.Fields(NFC(prefix)), " "))
		if s, ok := h.excerptOfPrefix(rs, maxRunes, &mayMatch, text); ok {
			return s, true
		}
	}
	return "", false
}

// excerptOfPrefix is excerpt for rs, the start of text that more words
// follow, when they cannot change the result. mayMatch caches
// h.mayMatch(text), which is only needed when rs has no match.
func (h highlighter) excerptOfPrefix(rs []rune, maxRunes int, mayMatch *int, text string) (string, bool) {
	s, ok := h.excerpt(rs, maxRunes, true)
	if ok || s != errNoMatch {
		return s, ok
	}
	if *mayMatch < 0 {
		*mayMatch = 0
		if h.mayMatch(text) {
			*mayMatch = 1
		}
	}
	if *mayMatch == 1 {
		return "", false
	}
	// Nothing in the whole text can be marked: the excerpt is its start.
	return h.excerptStart(rs, maxRunes)
}

// errNoMatch is what excerpt returns, with ok false, when a prefix has no
// match: only then is it worth looking for one in the rest of the text.
const errNoMatch = "\x00no match"

// excerpt computes Snippet's excerpt of rs, the whitespace-collapsed NFC
// text. When partial is true, rs is only the text's start, cut at a space
// (possibly all of it); ok is then false if the result could depend on any
// words that follow (with errNoMatch when rs has no match at all).
func (h highlighter) excerpt(rs []rune, maxRunes int, partial bool) (string, bool) {
	ws := splitWords(rs)
	marked := h.mark(ws)
	n := len(rs)
	var b strings.Builder
	if n <= maxRunes {
		if partial {
			return "", false
		}
		render(&b, rs, ws, marked, 0, n)
		return b.String(), true
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
		if partial && start > n-maxRunes {
			return "", false // the slide depends on the text's length
		}
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
	if partial && first < 0 {
		return errNoMatch, false
	}
	return h.window(&b, rs, ws, marked, start, first, maxRunes, partial)
}

// excerptStart is the excerpt of a prefix of a text in which nothing is
// marked: its first maxRunes runes.
func (h highlighter) excerptStart(rs []rune, maxRunes int) (string, bool) {
	ws := splitWords(rs)
	var b strings.Builder
	return h.window(&b, rs, ws, make([]bool, len(ws)), 0, -1, maxRunes, true)
}

// window writes the excerpt of maxRunes runes from start. For a partial
// rs (see excerpt), ok is false unless the excerpt and the marks of its
// words are settled by rs alone.
func (h highlighter) window(b *strings.Builder, rs []rune, ws []textWord, marked []bool, start, first, maxRunes int, partial bool) (string, bool) {
	n := len(rs)
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
	} else if partial {
		return "", false
	}
	if partial {
		// A phrase starting at or before the last word shown must lie
		// wholly within rs, or the words after rs could mark it.
		longest := 1
		for _, p := range h.phrases {
			longest = max(longest, len(p))
		}
		for j, w := range ws {
			if w.start >= end {
				break
			}
			if j+longest > len(ws) {
				return "", false
			}
		}
	}

	if start > 0 {
		b.WriteString("…")
	}
	render(b, rs, ws, marked, start, end)
	if end < n || partial {
		b.WriteString("…")
	}
	return b.String(), true
}

// mayMatch reports whether text could have a word that h marks: one of
// the query's words, abbreviations or phrases' first words must occur at
// the start of a word of the folded text. It folds as splitWords does
// (NFC, combining marks dropped), with every other character a space, so
// a word of the text always appears whole after a space.
func (h highlighter) mayMatch(text string) bool {
	var b strings.Builder
	b.Grow(len(text) + 1)
	b.WriteByte(' ')
	for _, r := range NFC(text) {
		switch {
		case isWordRune(r):
			b.WriteRune(FoldRune(r))
		case unicode.Is(unicode.Mn, r):
		default:
			b.WriteByte(' ')
		}
	}
	folded := b.String()
	has := func(w string) bool { return strings.Contains(folded, " "+w) }
	for _, w := range h.words {
		if has(w) {
			return true
		}
	}
	for _, k := range h.keys {
		if has(k) {
			return true
		}
	}
	for _, p := range h.phrases {
		if len(p) > 0 && has(p[0]) {
			return true
		}
	}
	return false
}
