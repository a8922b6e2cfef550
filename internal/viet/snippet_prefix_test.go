package viet

import (
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// snippetWhole is Snippet computed over the whole text, as it was before
// prefixSnippet: the reference the shortcut must agree with.
func snippetWhole(text string, q Query, maxRunes int) string {
	if maxRunes <= 0 {
		maxRunes = DefaultSnippetRunes
	}
	s, _ := newHighlighter(q).excerpt([]rune(strings.Join(strings.Fields(NFC(text)), " ")), maxRunes, false)
	return s
}

// snippetWords make texts with matches of the queries below at any place,
// near misses ("thành" for "hành", "cach" inside "cachs"), abbreviations
// and their long forms cut by punctuation, decomposed accents, markup-like
// characters and odd whitespace.
var snippetWords = []string{
	"cải", "cách", "hành", "chính", "thành", "phố", "UBND", "Ủy", "ban", "nhân", "dân", "uỷ",
	"dịch", "vụ", "công", "trực", "tuyến", "DVCTT", "nông", "thôn", "mới", "NTM", "CCHC",
	"Đảng", "đang", "dang", "thuế", "Thuỷ", "Thủy", "lợi", "a", "à", "bảo", "hiểm", "y", "tế", "BHYT",
	"phòng", "cháy", "chữa", "PCCC", "KT-XH", "kinh", "tế", "xã", "hội", "cachs", "hànhchính",
	"Ea", "Khuê", "bóng", "đá", "lừa", "đảo", "mạng", "tuyển", "dụng", "viên", "chức", "OCOP",
	norm.NFD.String("Đảng"), norm.NFD.String("hành"), "&", "<b>", "\"", "—", "2025", "\u0301",
	"x" + strings.Repeat("đ", 70),
}

var snippetSeps = []string{" ", " ", " ", " ", ", ", ". ", "\n\n", "\t", "  ", "-", " \u00a0"}

func randomText(r *rand.Rand, words int) string {
	var b strings.Builder
	for i := range words {
		if i > 0 {
			b.WriteString(snippetSeps[r.IntN(len(snippetSeps))])
		}
		// Mostly filler, so that first matches fall anywhere.
		if r.IntN(8) == 0 {
			b.WriteString(snippetWords[r.IntN(len(snippetWords))])
		} else {
			b.WriteString([]string{"năm", "nay", "tỉnh", "huyện", "người", "được", "các", "đơn", "vị", "thực", "hiện"}[r.IntN(11)])
		}
	}
	return b.String()
}

// TestSnippetPrefixSameAsWhole checks that cutting long texts short never
// changes an excerpt, for matches early, late, missing and only near the
// cut, with phrases and abbreviations that may straddle it.
func TestSnippetPrefixSameAsWhole(t *testing.T) {
	queries := []string{
		"cải cách hành chính", "UBND", "nông thôn mới", `"dịch vụ công trực tuyến"`, "OCOP", "CCHC",
		"bảo hiểm y tế", "chuyen doi so", "hành", "Đảng", "thủy", "a", "kinh tế xã hội", "ktxh",
		"phòng cháy chữa cháy", "Ea Khuê", "lừa đảo mạng xã hội", "zzz", "dd", "uy ban nhan dan", "thu",
	}
	r := rand.New(rand.NewPCG(1, 2))
	checked, short := 0, 0
	for range 3000 {
		text := randomText(r, 20+r.IntN(1500))
		if r.IntN(4) == 0 {
			// No match until far into the text, or none at all.
			text = strings.Repeat("người dân được thực hiện ", 50+r.IntN(200)) + text[:len(text)/(1+r.IntN(3))]
		}
		qs := queries[r.IntN(len(queries))]
		q, err := ParseQuery(qs)
		if err != nil {
			t.Fatal(err)
		}
		maxRunes := []int{0, 10, 20, 40, 100, 240}[r.IntN(6)]
		got, want := Snippet(text, q, maxRunes), snippetWhole(text, q, maxRunes)
		if got != want {
			t.Fatalf("query %q, %d runes, text %q:\nprefix %q\nwhole  %q", qs, maxRunes, text, got, want)
		}
		checked++
		if _, ok := newHighlighter(q).prefixSnippet(text, max(maxRunes, 1)); ok {
			short++
		}
	}
	// The shortcut must actually be taken, or this test proves nothing.
	if short < checked/3 {
		t.Fatalf("prefix used for %d of %d texts", short, checked)
	}
	t.Logf("prefix used for %d of %d texts", short, checked)
}

func FuzzSnippetPrefix(f *testing.F) {
	f.Add(strings.Repeat("người dân ", 40)+"Đảng bộ", "dang", 10)
	f.Add(strings.Repeat("cải cách ", 30)+"hành chính", "cchc", 20)
	f.Fuzz(func(t *testing.T, text, query string, n int) {
		q, err := ParseQuery(query)
		if err != nil {
			return
		}
		n %= 300
		if got, want := Snippet(text, q, n), snippetWhole(text, q, n); got != want {
			t.Errorf("Snippet(%q, %q, %d) = %q, whole text gives %q", text, query, n, got, want)
		}
	})
}
