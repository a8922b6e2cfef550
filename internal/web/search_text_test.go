package web

import (
	"strings"
	"testing"

	"github.com/congportal/cong/internal/news"
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
