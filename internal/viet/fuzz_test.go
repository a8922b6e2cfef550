package viet

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"", "Đảng bộ Thuỷ", "Uỷ ban nhân dân tỉnh Khánh Hoà", "Thu\u0309y",
	"a\xffb\xc0", "\u0301\u0301", "CCHC KT-XH GD&ĐT", `"cải cách" “dịch vụ”`,
	"<script>alert(1)</script>", "🎉🔥 ", "quý giá thuở người khuya",
	"ǅ ﬁ İ ß ẞ Ⅻ", "\u0300a\u0323\u0302",
}

func FuzzFold(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for name, out := range map[string]string{
			"NFC": NFC(s), "ToneNormalize": ToneNormalize(s), "Fold": Fold(s),
			"Slug": Slug(s), "IndexText": IndexText(s),
		} {
			if !utf8.ValidString(out) {
				t.Fatalf("%s(%q) = %q: invalid UTF-8", name, s, out)
			}
		}
		tn := ToneNormalize(s)
		if again := ToneNormalize(tn); again != tn {
			t.Fatalf("ToneNormalize not idempotent on %q: %q then %q", s, tn, again)
		}
		if Fold(tn) != Fold(s) {
			t.Fatalf("tone normalisation changed the fold of %q", s)
		}
		slug := Slug(s)
		if len(slug) > maxSlugBytes || (slug != "" && !slugRE.MatchString(slug)) {
			t.Fatalf("Slug(%q) = %q", s, slug)
		}
		if f := Fold(s); !strings.HasPrefix(IndexText(s), f) {
			t.Fatalf("IndexText(%q) does not start with Fold", s)
		}
		for _, r := range s {
			_ = FoldRune(r)
		}
		_ = Compare(s, "Đà Nẵng")
	})
}

// checkHTML verifies that out is valid UTF-8, that the only markup in it
// is balanced <mark> elements, and that nothing else can open a tag.
func checkHTML(t *testing.T, what, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("%s: invalid UTF-8 %q", what, out)
	}
	if strings.Count(out, "<mark>") != strings.Count(out, "</mark>") {
		t.Fatalf("%s: unbalanced marks %q", what, out)
	}
	rest := strings.ReplaceAll(strings.ReplaceAll(out, "<mark>", ""), "</mark>", "")
	if strings.ContainsAny(rest, `<>"'`) {
		t.Fatalf("%s: unescaped HTML in %q", what, out)
	}
}

func FuzzSnippet(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "dang", 20)
		f.Add(article+s, s, 40)
	}
	f.Add("a b c", "\"", 1)
	f.Fuzz(func(t *testing.T, text, query string, n int) {
		n %= 1000
		q, err := ParseQuery(query)
		if err == nil {
			if len(q.Groups) == 0 || len(q.Groups) > MaxQueryGroups {
				t.Fatalf("ParseQuery(%q): %d groups", query, len(q.Groups))
			}
			for _, g := range q.Groups {
				for _, w := range g {
					if w == "" || !utf8.ValidString(w) {
						t.Fatalf("ParseQuery(%q): bad word %q", query, w)
					}
				}
			}
		} else if err != ErrEmptyQuery && err != ErrQueryTooLong {
			t.Fatalf("ParseQuery(%q): unexpected error %v", query, err)
		}
		checkHTML(t, "Snippet", Snippet(text, q, n))
		checkHTML(t, "Highlight", Highlight(text, q))
	})
}
