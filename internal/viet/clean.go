package viet

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// CleanLine is a one-line form field as it is stored and compared: invalid
// UTF-8 bytes dropped, NFC (Vietnamese typed on a Mac or an iPhone arrives
// decomposed), every control character — line breaks and tabs included — a
// space, runs of white space one space, no space at either end.
func CleanLine(s string) string {
	return strings.Join(strings.Fields(controlsToSpace(s, false)), " ")
}

// CleanText is CleanLine for a text of several lines (an abstract, a
// note): line breaks (\n) are kept, every other control character becomes a
// space, and only the ends are trimmed.
func CleanText(s string) string {
	return strings.TrimSpace(controlsToSpace(s, true))
}

func controlsToSpace(s string, keepNewline bool) string {
	s = norm.NFC.String(strings.ToValidUTF8(s, ""))
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && !(keepNewline && r == '\n') {
			return ' '
		}
		return r
	}, s)
}
