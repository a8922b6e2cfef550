package viet

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// renderQuery writes a parsed query back as a user could type it: words
// as they are, phrases in straight quotes.
func renderQuery(q Query) string {
	var parts []string
	for _, g := range q.Groups {
		if len(g) > 1 {
			parts = append(parts, `"`+strings.Join(g, " ")+`"`)
		} else {
			parts = append(parts, g[0])
		}
	}
	return strings.Join(parts, " ")
}

// FuzzParseQuery: whatever is typed, the parser answers a query within its
// bounds or one of its two errors, and the parsed query typed again parses
// to the same terms.
func FuzzParseQuery(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, s := range []string{`"cải cách hành chính" UBND`, `“dịch vụ công” "`, `KT-XH, HĐND; TTHC`, `"a" "b c" "`,
		strings.Repeat("x ", 150), `""""`, `«Thuỷ lợi» 2025`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuery(s)
		if err != nil {
			if !errors.Is(err, ErrEmptyQuery) && !errors.Is(err, ErrQueryTooLong) {
				t.Fatalf("ParseQuery(%q): unexpected error %v", s, err)
			}
			return
		}
		if !utf8.ValidString(q.Raw) || utf8.RuneCountInString(q.Raw) > MaxQueryRunes || q.Raw != strings.TrimSpace(q.Raw) {
			t.Fatalf("ParseQuery(%q).Raw = %q", s, q.Raw)
		}
		if len(q.Groups) == 0 || len(q.Groups) > MaxQueryGroups {
			t.Fatalf("ParseQuery(%q): %d groups", s, len(q.Groups))
		}
		seen := map[string]bool{}
		for _, g := range q.Groups {
			key := strings.Join(g, " ")
			if seen[key] {
				t.Fatalf("ParseQuery(%q): duplicate group %q", s, key)
			}
			seen[key] = true
			for _, w := range g {
				if w == "" || !utf8.ValidString(w) || strings.ContainsFunc(w, func(r rune) bool { return !isWordRune(r) }) || Fold(w) != w {
					t.Fatalf("ParseQuery(%q): bad word %q", s, w)
				}
			}
		}
		for _, w := range q.Exact {
			if w == "" || isASCII(w) || !utf8.ValidString(w) {
				t.Fatalf("ParseQuery(%q): bad exact word %q", s, w)
			}
		}
		again := renderQuery(q)
		if utf8.RuneCountInString(again) > MaxQueryRunes {
			return // folding can lengthen ("ﬁ" → "fi"); not a round trip then
		}
		q2, err := ParseQuery(again)
		if err != nil || !reflect.DeepEqual(q2.Groups, q.Groups) {
			t.Fatalf("round trip of %q: %q parses to %v (%v), want %v", s, again, q2.Groups, err, q.Groups)
		}
	})
}

// FuzzSlug: a slug is ASCII lower-case words joined by single dashes, at
// most maxSlugBytes long, and a slug is its own slug.
func FuzzSlug(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, s := range []string{"Đẩy mạnh cải cách hành chính năm 2025!", "--a--b--", strings.Repeat("dài ", 40), strings.Repeat("x", 100), "Ｆｕｌｌ ｗｉｄｔｈ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		slug := Slug(s)
		if len(slug) > maxSlugBytes {
			t.Fatalf("Slug(%q) = %q: %d bytes", s, slug, len(slug))
		}
		for i := 0; i < len(slug); i++ {
			c := slug[i]
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				t.Fatalf("Slug(%q) = %q: byte %q", s, slug, c)
			}
		}
		if strings.HasPrefix(slug, "-") || strings.HasSuffix(slug, "-") || strings.Contains(slug, "--") {
			t.Fatalf("Slug(%q) = %q: stray dash", s, slug)
		}
		if again := Slug(slug); again != slug {
			t.Fatalf("Slug not idempotent: %q → %q → %q", s, slug, again)
		}
		if Slug(Fold(s)) != slug || Slug(ToneNormalize(s)) != slug {
			t.Fatalf("Slug(%q) depends on accents or tone placement", s)
		}
	})
}
