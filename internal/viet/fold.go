package viet

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldTable caches FoldRune for the Latin blocks Vietnamese text lives in,
// so that highlighting long articles does not decompose rune by rune.
var foldTable [0x1F00]rune

func init() {
	for r := range foldTable {
		foldTable[r] = foldRuneSlow(rune(r))
	}
}

// FoldRune folds one rune the way Fold folds text: accents dropped, đ→d,
// lowercased. A precomposed letter always yields exactly one rune, which is
// what lets Snippet and Highlight compare folded text while keeping rune
// positions aligned with the original. A combining mark is returned
// unchanged; callers working on rune positions should NFC first and skip
// any marks that remain.
func FoldRune(r rune) rune {
	if r >= 0 && int(r) < len(foldTable) {
		return foldTable[r]
	}
	return foldRuneSlow(r)
}

func foldRuneSlow(r rune) rune {
	if r < utf8.RuneSelf {
		return unicode.ToLower(r)
	}
	switch r {
	// Ð (Icelandic eth) and Ɖ/ɖ (African D) are visually identical to Đ
	// and turn up in text typed with the wrong keyboard or converted from
	// legacy encodings; readers searching for "d" expect them to match.
	case 'đ', 'Đ', 'Ð', 'Ɖ', 'ɖ':
		return 'd'
	}
	if unicode.Is(unicode.Mn, r) || !utf8.ValidRune(r) {
		return r
	}
	d := norm.NFD.String(string(r))
	base, n := utf8.DecodeRuneInString(d)
	for _, m := range d[n:] {
		if !unicode.Is(unicode.Mn, m) {
			// The decomposition is not "letter + marks" (does not happen
			// for canonical decompositions today); keep the rune whole
			// rather than guess.
			return unicode.ToLower(r)
		}
	}
	return unicode.ToLower(base)
}

// Fold reduces s to the accent-free lowercase form used for search and
// slugs: "Đảng bộ Thuỷ" → "dang bo thuy". Tone normalisation is unnecessary
// because folding removes tones altogether. Punctuation and spacing are
// kept, so that callers can still find word and phrase boundaries.
func Fold(s string) string {
	s = validUTF8(s)
	if isASCII(s) {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(FoldRune(r))
	}
	return b.String()
}

// maxSlugBytes keeps URLs short enough to survive being pasted into chat
// apps and official documents, while leaving room for most of a title.
const maxSlugBytes = 80

// Slug turns a title into a readable URL path segment:
// "Đẩy mạnh cải cách hành chính năm 2025!" → "day-manh-cai-cach-hanh-chinh-nam-2025".
// Every run of characters other than [a-z0-9] after folding becomes a
// single '-', so the result never needs URL escaping. Slugs longer than 80
// bytes are cut at a '-' so that no word is left half-written. A title with
// no usable characters yields "" and the caller decides the fallback (for
// example the article ID).
func Slug(s string) string {
	f := Fold(s)
	var b strings.Builder
	b.Grow(len(f))
	dash := false
	for _, r := range f {
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	out := b.String()
	if len(out) <= maxSlugBytes {
		return out
	}
	if i := strings.LastIndexByte(out[:maxSlugBytes+1], '-'); i > 0 {
		return out[:i]
	}
	// One enormous word: a hard cut is the only option; ASCII-only output
	// means it cannot split a character.
	return out[:maxSlugBytes]
}
