package legaldoc

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/congportal/cong/internal/viet"
)

// Citation is a mention of a document found in text.
type Citation struct {
	Start, End int    // byte span in the original text, type word included
	Number     string // the symbol as written, dashes normalised
	Key        string // Key(Number)
	Year       int    // from "ngày d/m/yyyy" after the symbol or the symbol's own year; 0 if none
}

// The recogniser works on a skeleton of the text: every rune replaced by its
// base letter (case kept, accents dropped, Đ→D), no-break and other spaces
// by ' ', the various dashes by '-', entities decoded. Each skeleton byte
// remembers where its rune started in the original, so matches map back to
// the original bytes whatever the input's normalisation (NFD from a Mac,
// NFC, &nbsp;). Accents are dropped only to compare the type words; the
// symbol's letters must be upper case ("TTg" allowed), which is what tells
// "766/QĐ-TTg" from "1.000/tháng".
var citeRE = regexp.MustCompile(
	`(?:\b(?i:nghi quyet|quyet dinh|ket luan|ke hoach|cong van|thong bao|chi thi|nghi dinh|thong tu|huong dan|quy dinh|luat|bao cao|nq|qd|kl|kh|cv|tb|ct|nd|tt|hd)\s+(?i:so\s*)?(?:[:.]\s*)?)?` +
		// number, optional year, symbol groups joined by - or /
		`(\d{1,5}(?:/(?:19|20)\d\d)?(?:[-/][A-Z][A-Za-z]*\d{0,3}){1,4})` +
		// optional date, only to learn the year
		`(?:\s*,?\s*(?i:ngay)\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*((?:19|20)\d\d))?`)

var yearInSymbol = regexp.MustCompile(`^\d+/((?:19|20)\d\d)/`)

type skeleton struct {
	b    []byte
	offs []int // original offset of the rune that produced b[i]
	n    int   // original length
}

func newSkeleton(s string) skeleton {
	sk := skeleton{b: make([]byte, 0, len(s)), offs: make([]int, 0, len(s)), n: len(s)}
	emit := func(r rune, at int) {
		var buf [4]byte
		n := utf8.EncodeRune(buf[:], r)
		for i := 0; i < n; i++ {
			sk.b = append(sk.b, buf[i])
			sk.offs = append(sk.offs, at)
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '&' {
			if j := strings.IndexByte(s[i:min(len(s), i+12)], ';'); j > 1 {
				dec := html.UnescapeString(s[i : i+j+1])
				if dec != s[i:i+j+1] {
					for _, d := range dec {
						emit(skelRune(d), i)
					}
					i += j + 1
					continue
				}
			}
		}
		if unicode.Is(unicode.Mn, r) {
			i += size
			continue
		}
		emit(skelRune(r), i)
		i += size
	}
	return sk
}

func skelRune(r rune) rune {
	switch r {
	case '\u00a0', '\u2007', '\u202f', '\u2009', '\u200a', '\t', '\n', '\r':
		return ' '
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
		return '-'
	case '\u2215', '\uff0f':
		return '/'
	case 'Đ', 'Ð':
		return 'D'
	}
	if r < utf8.RuneSelf {
		return r
	}
	f := viet.FoldRune(r)
	if unicode.IsUpper(r) {
		return unicode.ToUpper(f)
	}
	return f
}

func (sk skeleton) orig(i int) int {
	if i >= len(sk.offs) {
		return sk.n
	}
	return sk.offs[i]
}

// FindCitations returns the citations of documents in plain text (or in
// one HTML text node, entities allowed), in order.
func FindCitations(text string) []Citation {
	sk := newSkeleton(text)
	var out []Citation
	for _, m := range citeRE.FindAllSubmatchIndex(sk.b, -1) {
		start, symStart, symEnd := m[0], m[2], m[3]
		// Inside a word, a URL, a path or a longer number: not a citation.
		if start == symStart && start > 0 {
			p, _ := utf8.DecodeLastRune(sk.b[:start])
			if unicode.IsLetter(p) || unicode.IsDigit(p) || strings.ContainsRune("/.-_:@#=?&%~+", p) {
				continue
			}
		}
		if symEnd < len(sk.b) {
			nx, _ := utf8.DecodeRune(sk.b[symEnd:])
			if unicode.IsLetter(nx) || unicode.IsDigit(nx) || nx == '/' || nx == '_' || nx == '@' {
				continue
			}
			if (nx == '-' || nx == '.') && symEnd+1 < len(sk.b) {
				if n2, _ := utf8.DecodeRune(sk.b[symEnd+1:]); unicode.IsLetter(n2) || unicode.IsDigit(n2) {
					continue
				}
			}
		}
		sym := string(sk.b[symStart:symEnd])
		if !looksLikeSymbol(sym) {
			continue
		}
		c := Citation{Start: sk.orig(start), End: sk.orig(symEnd), Number: text[sk.orig(symStart):sk.orig(symEnd)], Key: Key(sym)}
		c.Number = normaliseDashes(c.Number)
		if ym := yearInSymbol.FindStringSubmatch(sym); ym != nil {
			c.Year, _ = strconv.Atoi(ym[1])
		} else if m[4] >= 0 {
			c.Year, _ = strconv.Atoi(string(sk.b[m[4]:m[5]]))
		}
		out = append(out, c)
	}
	return out
}

// looksLikeSymbol keeps symbols with an issuing body part: two letter
// groups ("03-NQ/TU", "766/QĐ-TTg") or a year and one group
// ("59/2020/QH14"). "3-A" or "12/HĐ" alone are too weak to link.
func looksLikeSymbol(sym string) bool {
	groups := 0
	for _, part := range strings.FieldsFunc(sym, func(r rune) bool { return r == '-' || r == '/' }) {
		if part != "" && part[0] >= 'A' && part[0] <= 'Z' {
			groups++
		}
	}
	return groups >= 2 || (groups >= 1 && yearInSymbol.MatchString(sym))
}

func normaliseDashes(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
			return '-'
		case '\u2215', '\uff0f':
			return '/'
		}
		return r
	}, viet.NFC(s))
}

// Target is where a citation links to.
type Target struct {
	URL   string
	Title string
}

// Resolver finds the published document a citation names; ok false when
// the library does not have it.
type Resolver func(c Citation) (Target, bool)

// CitationsInHTML returns the citations in the text of an HTML fragment,
// skipping tags, attributes, and text already inside links, scripts or
// styles.
func CitationsInHTML(h string) []Citation {
	var out []Citation
	walkText(h, func(seg string, at int) string {
		for _, c := range FindCitations(seg) {
			c.Start += at
			c.End += at
			out = append(out, c)
		}
		return seg
	})
	return out
}

// LinkHTML links every citation in the text of an HTML fragment that
// resolve knows, leaving everything else byte for byte as it was.
func LinkHTML(h string, resolve Resolver) string {
	return walkText(h, func(seg string, _ int) string {
		cs := FindCitations(seg)
		if len(cs) == 0 {
			return seg
		}
		var b strings.Builder
		last := 0
		for _, c := range cs {
			t, ok := resolve(c)
			if !ok {
				continue
			}
			b.WriteString(seg[last:c.Start])
			b.WriteString(`<a class="cite" href="`)
			b.WriteString(html.EscapeString(t.URL))
			b.WriteString(`" title="`)
			b.WriteString(html.EscapeString(t.Title))
			b.WriteString(`">`)
			b.WriteString(seg[c.Start:c.End])
			b.WriteString(`</a>`)
			last = c.End
		}
		b.WriteString(seg[last:])
		return b.String()
	})
}

// walkText calls fn for each run of text between tags that is not inside
// <a>, <script>, <style>, <textarea> or a comment, and returns the fragment
// with each run replaced by fn's result.
func walkText(h string, fn func(seg string, at int) string) string {
	var b strings.Builder
	b.Grow(len(h))
	depth := 0 // inside an element whose text is left alone
	i := 0
	for i < len(h) {
		lt := strings.IndexByte(h[i:], '<')
		if lt < 0 {
			lt = len(h) - i
		}
		if lt > 0 {
			seg := h[i : i+lt]
			if depth == 0 {
				seg = fn(seg, i)
			}
			b.WriteString(seg)
			i += lt
			continue
		}
		// A tag, a comment or a stray '<'.
		if strings.HasPrefix(h[i:], "<!--") {
			end := strings.Index(h[i+4:], "-->")
			if end < 0 {
				b.WriteString(h[i:])
				break
			}
			b.WriteString(h[i : i+4+end+3])
			i += 4 + end + 3
			continue
		}
		end := tagEnd(h, i)
		tag := h[i:end]
		name, closing := tagName(tag)
		switch name {
		case "a", "script", "style", "textarea", "code", "pre":
			if closing {
				if depth > 0 {
					depth--
				}
			} else if !strings.HasSuffix(tag, "/>") {
				depth++
			}
		}
		b.WriteString(tag)
		i = end
	}
	return b.String()
}

// tagEnd finds the '>' closing the tag at i, skipping quoted attribute
// values (which may hold '>').
func tagEnd(h string, i int) int {
	var quote byte
	for j := i + 1; j < len(h); j++ {
		c := h[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j + 1
		}
	}
	return len(h)
}

func tagName(tag string) (string, bool) {
	t := strings.TrimPrefix(tag, "<")
	closing := strings.HasPrefix(t, "/")
	t = strings.TrimPrefix(t, "/")
	end := strings.IndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if end >= 0 {
		t = t[:end]
	}
	return strings.ToLower(t), closing
}
