package catalogue

import (
	"strings"
	"unicode"

	"github.com/congportal/cong/internal/viet"
)

// SearchText is what the catalogue search matches against: the folded code,
// name and field with abbreviations expanded (viet.IndexText), reduced to
// single-space-separated words with a space at each end, so a term matches at
// a word start with LIKE '% term%' on both engines.
func SearchText(p Procedure) string {
	f := viet.IndexText(p.Code + " " + p.Name + " " + p.Field)
	words := strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return " " + strings.Join(words, " ") + " "
}

// SearchPatterns turns a parsed query into LIKE patterns that must all
// match SearchText: each word matches a word start (so "khai" finds "khai
// sinh" and "kha" too), a phrase its words in a row. Terms hold only letters
// and digits after folding, so no LIKE wildcard can slip in.
func SearchPatterns(q viet.Query) []string {
	var out []string
	for _, g := range q.Groups {
		var ws []string
		for _, w := range g {
			w = strings.Map(func(r rune) rune {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					return r
				}
				return ' '
			}, w)
			ws = append(ws, strings.Fields(w)...)
		}
		if len(ws) == 0 {
			continue
		}
		out = append(out, "% "+strings.Join(ws, " ")+"%")
	}
	return out
}
