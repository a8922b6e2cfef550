package web

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/viet"
)

var plainTextCases = []string{
	"", "plain", "<p>Đảng bộ</p><p>tỉnh</p>", "a<b>c", "a<b", "a>b<c>d", "<<>>", "x<y<z>w",
	"&amp;&lt;b&gt; &nbsp;Hà&#32;Nội &agrave; &amp", "<p title=\"a>b\">t</p>", "a\n<br/>\n\tb",
	"\xff<\xfe>\xfd", "<p>" + strings.Repeat("chữ ", 100) + "</p>", "<", ">", "a < b > c",
}

// plainText must give exactly news.PlainText's text, which the search
// index is built from.
func TestPlainTextSameAsNews(t *testing.T) {
	for _, h := range plainTextCases {
		if got, want := plainText(h), news.PlainText(h); got != want {
			t.Errorf("plainText(%q) = %q, want %q", h, got, want)
		}
	}
}

func FuzzPlainText(f *testing.F) {
	for _, h := range plainTextCases {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, h string) {
		if got, want := plainText(h), news.PlainText(h); got != want {
			t.Errorf("plainText(%q) = %q, want %q", h, got, want)
		}
	})
}

// searchSnippet must give the excerpt of the whole text, whether it
// stops at the body's first part or not.
func TestSearchSnippetSameAsWhole(t *testing.T) {
	words := []string{"cải", "cách", "hành", "chính", "thành", "UBND", "Ủy", "ban", "nhân", "dân", "dịch", "vụ",
		"công", "trực", "tuyến", "Đảng", "đang", "lừa", "đảo", "mạng", "xã", "hội", "&amp;", "&amp", "&nbsp;",
		"h&agrave;nh", "<b>", "</b>", "<p>", "</p>\n", "<a href=\"/x?a=1&amp;b=2\">", "</a>", "a<", ">", "CCHC", "bóng", "đá"}
	filler := []string{"năm", "nay", "tỉnh", "người", "được", "các", "đơn", "vị", "thực", "hiện"}
	queries := []string{"cải cách hành chính", "UBND", "lừa đảo mạng xã hội", `"dịch vụ công trực tuyến"`, "hành", "CCHC", "bóng đá", "zzz", "nbsp", "amp"}
	r := rand.New(rand.NewPCG(3, 4))
	prefixUsed := 0
	for n := range 1500 {
		var b strings.Builder
		for i := range r.IntN(1200) {
			if i > 0 && r.IntN(3) > 0 {
				b.WriteByte(' ')
			}
			if r.IntN(6) == 0 {
				b.WriteString(words[r.IntN(len(words))])
			} else {
				b.WriteString(filler[r.IntN(len(filler))])
			}
		}
		a := news.Article{Summary: []string{"", "Tóm tắt bài", "Ủy ban nhân dân tỉnh"}[n%3], BodyHTML: b.String()}
		q, err := viet.ParseQuery(queries[r.IntN(len(queries))])
		if err != nil {
			t.Fatal(err)
		}
		got, want := searchSnippet(a, q), viet.Snippet(a.Summary+" "+news.PlainText(a.BodyHTML), q, 240)
		if got != want {
			t.Fatalf("query %q, body %q:\ngot  %q\nwant %q", q.Raw, a.BodyHTML, got, want)
		}
		if k := tagStart(a.BodyHTML, snippetHTMLBytes); k > 0 {
			if _, ok := viet.SnippetOfPrefix(a.Summary+" "+plainText(a.BodyHTML[:k]), q, 240); ok {
				prefixUsed++
			}
		}
	}
	if prefixUsed < 300 {
		t.Fatalf("the body's first part settled only %d excerpts", prefixUsed)
	}
}
