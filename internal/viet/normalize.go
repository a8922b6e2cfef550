package viet

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NFC normalises s to Unicode Normalization Form C. Text pasted from macOS
// or Word often arrives decomposed (NFD), which looks identical on screen
// but would never compare equal to, or match in the index, the precomposed
// text typed on Windows. Invalid UTF-8 is replaced with U+FFFD.
func NFC(s string) string {
	return norm.NFC.String(validUTF8(s))
}

// validUTF8 returns s with every invalid byte sequence replaced by U+FFFD;
// the norm package would otherwise copy such bytes through unchanged.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// The five Vietnamese tone marks as combining characters. Vowel-quality
// marks (circumflex, breve, horn) are deliberately not listed: they are
// part of the letter, while tone marks belong to the syllable and are what
// the two spelling conventions place differently.
const (
	toneNone  rune = 0
	toneGrave rune = '\u0300' // huyền
	toneAcute rune = '\u0301' // sắc
	toneTilde rune = '\u0303' // ngã
	toneHook  rune = '\u0309' // hỏi
	toneDot   rune = '\u0323' // nặng
)

var toneMarks = [...]rune{toneGrave, toneAcute, toneTilde, toneHook, toneDot}

// vowelBases are the twelve Vietnamese vowel letters without tone, in both
// cases.
const vowelBases = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"

type toned struct {
	base rune // vowel letter with its quality mark, without tone
	tone rune // one of the tone constants
}

// The tables are built from the norm package rather than typed in, so that
// they cannot disagree with what NFC actually produces.
var (
	splitTone = map[rune]toned{} // precomposed vowel -> base + tone
	joinTone  = map[toned]rune{} // base + tone -> precomposed vowel
)

func init() {
	for _, b := range vowelBases {
		splitTone[b] = toned{b, toneNone}
		joinTone[toned{b, toneNone}] = b
		for _, t := range toneMarks {
			c := norm.NFC.String(string([]rune{b, t}))
			r, n := utf8.DecodeRuneInString(c)
			if n != len(c) {
				panic("viet: no precomposed form for " + c)
			}
			splitTone[r] = toned{b, t}
			joinTone[toned{b, t}] = r
		}
	}
}

// ToneNormalize returns NFC(s) with tone marks moved to one canonical
// position, so that the two spelling conventions in everyday use compare
// equal.
//
// The conventions differ only for syllables whose vowel nucleus is "oa",
// "oe" or "uy" with no final consonant. The canonical form chosen here is
// the traditional one (kiểu cũ), with the tone on the first of the two
// vowels:
//
//	hoà → hòa   khoẻ → khỏe   thuỷ → thủy   Uỷ → Ủy   xoá → xóa
//
// (Beware the naming: the "new style", kiểu mới, is the other one, hoà,
// thuỷ.) It was chosen because it is what Unikey produces unless told
// otherwise and the spelling used for state bodies ("Ủy ban nhân dân"), so
// most stored text is already canonical and exact-accent ranking disturbs
// it least. When those nuclei
// are followed by a final consonant both conventions agree that the tone
// goes on the second vowel (hoàng, thuyết, huỳnh); a misplaced tone there
// (hòang) is corrected too.
//
// Everything else is left untouched: "qu" and "gi" are treated as initial
// consonants (quý, quả, giá), three-vowel nuclei (khuya, người, ngoài) and
// nuclei with quality marks (thuở, Nguyễn, xoắn) have a single possible
// placement, and words that do not parse as one Vietnamese syllable
// (foreign words, abbreviations) are copied as they are. Case is preserved.
func ToneNormalize(s string) string {
	s = NFC(s)
	var b strings.Builder
	changed := false
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := s[start:end]
		if nw, ok := retone(w); ok {
			if !changed {
				b.Grow(len(s))
				b.WriteString(s[:start])
				changed = true
			}
			b.WriteString(nw)
		} else if changed {
			b.WriteString(w)
		}
		start = -1
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		if changed {
			b.WriteRune(r)
		}
	}
	flush(len(s))
	if !changed {
		return s
	}
	return b.String()
}

// validFinals are the consonant endings a Vietnamese syllable may have.
var validFinals = map[string]bool{
	"": true, "c": true, "ch": true, "m": true, "n": true,
	"ng": true, "nh": true, "p": true, "t": true,
}

func isConsonant(r rune) bool {
	switch r {
	case 'b', 'c', 'd', 'đ', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n',
		'p', 'q', 'r', 's', 't', 'v', 'w', 'x', 'z':
		return true
	}
	return false
}

// retone applies the canonical tone placement to a single word and reports
// whether the word changed.
func retone(w string) (string, bool) {
	// Every syllable that needs moving has at least a two-letter nucleus
	// with a tone, i.e. non-ASCII text.
	if len(w) < 3 || isASCII(w) {
		return "", false
	}
	rs := []rune(w)
	low := make([]rune, len(rs))   // lowercased base letters, for parsing
	tones := make([]rune, len(rs)) // tone on each position
	for i, r := range rs {
		lr := unicode.ToLower(r)
		if t, ok := splitTone[lr]; ok {
			low[i], tones[i] = t.base, t.tone
		} else if isConsonant(lr) {
			low[i] = lr
		} else {
			return "", false // not a Vietnamese syllable
		}
	}
	// Initial consonant cluster, including the "qu" and "gi" digraphs whose
	// vowel letter is part of the consonant and never carries the tone.
	i := 0
	for i < len(low) && isConsonant(low[i]) {
		i++
	}
	if i > 0 && i < len(low) {
		switch {
		case low[i-1] == 'q' && low[i] == 'u':
			i++
		case i == 1 && low[0] == 'g' && low[i] == 'i' && i+1 < len(low) && !isConsonant(low[i+1]):
			i++
		}
	}
	j := i
	for j < len(low) && !isConsonant(low[j]) {
		j++
	}
	if j-i != 2 || !validFinals[string(low[j:])] {
		return "", false
	}
	switch string(low[i:j]) {
	case "oa", "oe", "uy":
	default:
		return "", false
	}
	for k, t := range tones {
		if t != toneNone && k != i && k != i+1 {
			return "", false // tone outside the nucleus: leave it to a human
		}
	}
	t1, t2 := tones[i], tones[i+1]
	if (t1 == toneNone) == (t2 == toneNone) {
		return "", false // no tone at all, or two: nothing sensible to do
	}
	want := i // open syllable: traditional placement on the first vowel
	if j < len(low) {
		want = i + 1 // closed syllable: every convention uses the second
	}
	if tones[want] != toneNone {
		return "", false // already canonical
	}
	t := t1
	if t == toneNone {
		t = t2
	}
	other := i + i + 1 - want
	rs[other] = retoneRune(rs[other], toneNone)
	rs[want] = retoneRune(rs[want], t)
	return string(rs), true
}

// retoneRune replaces the tone of vowel r, keeping its case.
func retoneRune(r, tone rune) rune {
	lr := unicode.ToLower(r)
	t := splitTone[lr]
	out := joinTone[toned{t.base, tone}]
	if lr != r {
		out = unicode.ToUpper(out)
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
