package viet

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// StripMarks removes the diacritics and keeps the case: "Đã tiếp nhận" →
// "Da tiep nhan". It is for channels that cannot carry Vietnamese letters
// (GSM-7 text messages); search and slugs use Fold.
func StripMarks(s string) string {
	s = validUTF8(s)
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ':
			r = 'd'
		case r == 'Đ':
			r = 'D'
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}
