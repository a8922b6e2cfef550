package viet

import (
	"errors"
	"slices"
	"strings"
	"unicode/utf8"
)

// Query is a parsed search query.
type Query struct {
	// Groups are the folded terms that must all match (AND). A group of
	// one word is a plain word; a longer group is a phrase whose words
	// must appear consecutively.
	Groups [][]string
	// Exact holds the words the user typed with diacritics, tone-normalised
	// and lowercased, so results spelled with exactly those accents can be
	// ranked first ("đá" before "da", "đa", "dạ").
	Exact []string
	// Raw is the query as typed (trimmed, valid UTF-8), for redisplay in
	// the search box.
	Raw string
}

// The messages are shown to citizens as they are.
var (
	ErrEmptyQuery   = errors.New("Vui lòng nhập từ khóa tìm kiếm.")
	ErrQueryTooLong = errors.New("Từ khóa quá dài (tối đa 200 ký tự).")
)

const (
	// MaxQueryRunes bounds the work a single request can cause; real
	// queries are a few words, pasted paragraphs are not useful searches.
	MaxQueryRunes = 200
	// MaxQueryGroups bounds the number of AND-ed terms sent to the index.
	// Terms beyond it are dropped rather than rejected: the first words of
	// a long query are the most specific ones people type.
	MaxQueryGroups = 12
)

// isQuote reports the characters that open or close a phrase. Curly quotes
// matter because phones and word processors substitute them automatically.
func isQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '＂':
		return true
	}
	return false
}

// ParseQuery parses what a reader typed into the search box.
//
// Words are folded (accents removed, lowercase) and split on anything that
// is not a letter or a digit. Text between double quotes (straight or
// curly) is a phrase. An unmatched opening quote is ignored and the words
// after it become plain words, because a stray quote is more often a typo
// than a phrase that runs to the end, and plain words find a superset of
// the phrase's results. Abbreviations are kept as typed (IndexText stores
// both forms); a joined form such as "KT-XH" becomes its canonical key
// "ktxh". Duplicate terms are dropped, and only the first MaxQueryGroups
// terms are kept.
//
// Invalid UTF-8 is replaced, never rejected. The errors are ErrEmptyQuery
// when nothing searchable remains and ErrQueryTooLong above MaxQueryRunes.
func ParseQuery(q string) (Query, error) {
	raw := strings.TrimSpace(validUTF8(q))
	if raw == "" {
		return Query{}, ErrEmptyQuery
	}
	if utf8.RuneCountInString(raw) > MaxQueryRunes {
		return Query{Raw: raw}, ErrQueryTooLong
	}
	query := Query{Raw: raw}

	// Split into alternating outside/inside-quote segments.
	var segs []string
	var quoted []bool
	inside := false
	last := 0
	for i, r := range raw {
		if isQuote(r) {
			segs = append(segs, raw[last:i])
			quoted = append(quoted, inside)
			inside = !inside
			last = i + utf8.RuneLen(r)
		}
	}
	// After an unbalanced quote the tail is read as plain words too.
	segs = append(segs, raw[last:])
	quoted = append(quoted, false)

	t := abbrevs()
	seen := map[string]bool{}
	addGroup := func(g []string) {
		if len(g) == 0 || len(query.Groups) >= MaxQueryGroups {
			return
		}
		key := strings.Join(g, " ")
		if seen[key] {
			return
		}
		seen[key] = true
		query.Groups = append(query.Groups, g)
	}
	for i, seg := range segs {
		var words []string
		for _, c := range compounds(Fold(seg)) {
			if len(c.parts) > 1 {
				if k, ok := t.canon[c.text]; ok {
					words = append(words, k)
					continue
				}
			}
			words = append(words, c.parts...)
		}
		if quoted[i] && len(words) > 1 {
			addGroup(words)
			continue
		}
		for _, w := range words {
			addGroup([]string{w})
		}
	}
	if len(query.Groups) == 0 {
		return query, ErrEmptyQuery
	}

	exact := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(ToneNormalize(raw)), func(r rune) bool { return !isWordRune(r) }) {
		if !isASCII(w) && !exact[w] {
			exact[w] = true
			query.Exact = append(query.Exact, w)
		}
	}
	return query, nil
}

// words returns every distinct word of the query's groups, in order.
func (q Query) words() []string {
	var out []string
	for _, g := range q.Groups {
		for _, w := range g {
			if !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
	}
	return out
}
