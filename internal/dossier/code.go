package dossier

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxCodeLen bounds a dossier code: a unit code of up to 20 characters
// (dots allowed, e.g. 000.00.12.H01), "-YYMMDD-" and a sequence that widens
// past 9999.
const maxCodeLen = 40

// NormalizeCode turns a dossier code as a citizen types, pastes or scans it
// into the stored form, or "" when it cannot be one. Codes are read out over
// the phone and copied from PDFs and word processors, so the same code
// arrives lower case, full-width (phone keyboards in CJK mode), with en or em
// dashes (Word's autocorrect), spaces around the dashes, or spaces instead of
// them; all of these are the same code. What remains must be upper-case
// letters, digits, '-' and '.' (unit codes carry dots), at most 40 of them.
func NormalizeCode(s string) string {
	// A long input is not a code; bound the work before normalising.
	if len(s) > 4*maxCodeLen {
		return ""
	}
	// NFKC folds full-width letters, digits, '-' and '.' to ASCII.
	s = norm.NFKC.String(strings.ToValidUTF8(s, ""))
	var b strings.Builder
	pendingSpace := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			pendingSpace = b.Len() > 0
			continue
		case isDash(r):
			r = '-'
		}
		if r == '-' {
			// Spaces next to a dash are only layout.
			pendingSpace = false
		} else if pendingSpace {
			if !strings.HasSuffix(b.String(), "-") {
				b.WriteByte('-')
			}
			pendingSpace = false
		}
		r = unicode.ToUpper(r)
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
			return ""
		}
		b.WriteRune(r)
		if b.Len() > maxCodeLen {
			return ""
		}
	}
	return b.String()
}

// isDash reports the dash-like characters that stand for '-' in a typed
// code: hyphens, figure/en/em dashes, the minus sign and the horizontal bar.
// Full-width and small hyphen-minus are already '-' after NFKC.
func isDash(r rune) bool {
	switch r {
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u2043', '\uFE58':
		return true
	}
	return false
}
