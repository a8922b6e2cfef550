package viet

import (
	"html"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func mustQuery(t *testing.T, s string) Query {
	t.Helper()
	q, err := ParseQuery(s)
	if err != nil {
		t.Fatalf("ParseQuery(%q): %v", s, err)
	}
	return q
}

func TestHighlight(t *testing.T) {
	tests := []struct{ name, text, query, want string }{
		{"folded query marks accented word", "Đảng bộ tỉnh", "dang", "<mark>Đảng</mark> bộ tỉnh"},
		{"accented query", "Đảng bộ tỉnh", "Đảng", "<mark>Đảng</mark> bộ tỉnh"},
		{"old tone placement in text", "Hồ Thuỷ Lợi", "thủy", "Hồ <mark>Thuỷ</mark> Lợi"},
		{"uppercase text", "ĐẢNG CỘNG SẢN", "cong san", "ĐẢNG <mark>CỘNG SẢN</mark>"},
		{"word prefix", "Thuế và thuỷ lợi", "thu", "<mark>Thuế</mark> và <mark>thuỷ</mark> lợi"},
		{"no infix match", "Đảng bộ", "ang", "Đảng bộ"},
		{"one letter matches whole words only", "Hà à an", "a", "Hà <mark>à</mark> an"},
		{"html escaped", `<script>alert("Đảng")</script>`, "dang", `&lt;script&gt;alert(&#34;<mark>Đảng</mark>&#34;)&lt;/script&gt;`},
		{"ampersand", "GD & ĐT", "zzz", "GD &amp; ĐT"},
		{"no match", "Tin <b>mới</b>", "zzz", "Tin &lt;b&gt;mới&lt;/b&gt;"},
		{"NFD text", norm.NFD.String("Đảng bộ"), "dang", "<mark>Đảng</mark> bộ"},
		{"adjacent matches share a mark", "cải cách hành chính", "cai cach", "<mark>cải cách</mark> hành chính"},
		{"punctuation splits marks", "cải, cách", "cai cach", "<mark>cải</mark>, <mark>cách</mark>"},
		{"abbreviation query marks long form", "Đẩy mạnh cải cách hành chính", "cchc", "Đẩy mạnh <mark>cải cách hành chính</mark>"},
		{"long form query marks abbreviation", "Đẩy mạnh CCHC", "cải cách hành chính", "Đẩy mạnh <mark>CCHC</mark>"},
		{"canonical abbreviation marks variant", "Tình hình KT-XH", "ktxh", "Tình hình <mark>KT</mark>-<mark>XH</mark>"},
		{"partial long form not marked", "cải cách giáo dục", "cchc", "cải cách giáo dục"},
		{"abbreviation not marked inside word", "BCHQS", "ubnd", "BCHQS"},
		{"newlines kept", "Đảng\nbộ", "bo", "Đảng\n<mark>bộ</mark>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Highlight(tt.text, mustQuery(t, tt.query)); got != tt.want {
				t.Errorf("Highlight(%q, %q) =\n %q\nwant\n %q", tt.text, tt.query, got, tt.want)
			}
		})
	}
	if got := Highlight("<b>", Query{}); got != "&lt;b&gt;" {
		t.Errorf("Highlight with empty query = %q", got)
	}
}

const article = "Sáng nay, tại trụ sở tỉnh, Ban Thường vụ Tỉnh ủy đã tổ chức hội nghị sơ kết công tác quý I. " +
	"Hội nghị đánh giá các mặt công tác trong thời gian qua và đề ra nhiệm vụ trọng tâm cho thời gian tới. " +
	"Đồng chí Bí thư nhấn mạnh: Đảng bộ cần tiếp tục đẩy mạnh cải cách hành chính, nâng cao chất lượng dịch vụ công trực tuyến " +
	"và tạo thuận lợi cho người dân, doanh nghiệp khi thực hiện thủ tục hành chính. " +
	"Các sở, ngành cần phối hợp chặt chẽ để hoàn thành các chỉ tiêu kinh tế xã hội năm 2025 <đúng hạn> & hiệu quả."

// plainOf strips the markup Snippet adds, giving back the text it shows.
func plainOf(s string) string {
	s = strings.ReplaceAll(s, "<mark>", "")
	s = strings.ReplaceAll(s, "</mark>", "")
	return html.UnescapeString(s)
}

func TestSnippet(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		query    string
		max      int
		want     string
		contains []string
	}{
		{
			name: "short text shown whole", text: "Đảng bộ tỉnh Khánh Hoà", query: "dang", max: 100,
			want: "<mark>Đảng</mark> bộ tỉnh Khánh Hoà",
		},
		{
			name: "whitespace collapsed", text: "  Đảng \n\n bộ\t tỉnh  ", query: "bo", max: 100,
			want: "Đảng <mark>bộ</mark> tỉnh",
		},
		{
			name: "no match gives beginning", text: article, query: "zzzz", max: 40,
			want: "Sáng nay, tại trụ sở tỉnh, Ban Thường vụ…",
		},
		{
			name: "match at start", text: article, query: "sang nay", max: 30,
			want: "<mark>Sáng nay</mark>, tại trụ sở tỉnh, Ban…",
		},
		{
			name: "match in middle cut both ends", text: article, query: "dang", max: 60,
			want: "…Bí thư nhấn mạnh: <mark>Đảng</mark> bộ cần tiếp tục đẩy mạnh cải cách…",
		},
		{
			name: "match near end slides window back", text: article, query: "hieu", max: 50,
			want: "…kinh tế xã hội năm 2025 &lt;đúng hạn&gt; &amp; <mark>hiệu</mark> quả.",
		},
		{
			name: "abbreviation query", text: article, query: "DVCTT", max: 80,
			contains: []string{"<mark>dịch vụ công trực tuyến</mark>", "…"},
		},
		{
			name: "default length", text: article, query: "dang", max: 0,
			contains: []string{"<mark>Đảng</mark>", "…"},
		},
		{
			name: "word longer than window", text: strings.Repeat("x", 30) + " " + strings.Repeat("đ", 50) + " y", query: "dd", max: 20,
			want: "…<mark>" + strings.Repeat("đ", 20) + "</mark>…",
		},
		{
			name: "script escaped", text: strings.Repeat("chữ ", 30) + "<script>alert(1)</script> Đảng", query: "dang", max: 40,
			contains: []string{"&lt;script&gt;alert(1)&lt;/script&gt; <mark>Đảng</mark>"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Snippet(tt.text, mustQuery(t, tt.query), tt.max)
			if tt.want != "" && got != tt.want {
				t.Errorf("Snippet =\n %q\nwant\n %q", got, tt.want)
			}
			for _, c := range tt.contains {
				if !strings.Contains(got, c) {
					t.Errorf("Snippet = %q lacks %q", got, c)
				}
			}
			if strings.Contains(got, "<script") {
				t.Errorf("unescaped HTML in %q", got)
			}
		})
	}
}

// For every window size the excerpt must be a run of whole words of the
// text, no longer than asked, containing the first match when it fits.
func TestSnippetWordBoundaries(t *testing.T) {
	collapsed := []rune(strings.Join(strings.Fields(article), " "))
	for _, query := range []string{"dang", "zzz", "nhiem vu", "hieu", "sang", "thu tuc"} {
		q := mustQuery(t, query)
		for max := 5; max <= len(collapsed)+5; max++ {
			got := Snippet(article, q, max)
			if !utf8.ValidString(got) {
				t.Fatalf("invalid UTF-8 for %q/%d", query, max)
			}
			plain := plainOf(got)
			lead := strings.HasPrefix(plain, "…")
			trail := strings.HasSuffix(plain, "…")
			body := []rune(strings.TrimSuffix(strings.TrimPrefix(plain, "…"), "…"))
			if len(body) > max {
				t.Fatalf("%q/%d: %d runes: %q", query, max, len(body), plain)
			}
			at := strings.Index(string(collapsed), string(body))
			if at < 0 {
				t.Fatalf("%q/%d: %q is not part of the text", query, max, plain)
			}
			start := utf8.RuneCountInString(string(collapsed)[:at])
			end := start + len(body)
			if lead != (start > 0) || trail != (end < len(collapsed)) {
				t.Fatalf("%q/%d: ellipses wrong in %q", query, max, plain)
			}
			if !strings.ContainsRune(string(body), ' ') && len(body) == max {
				continue // one word longer than the window: hard cut allowed
			}
			if start > 0 && isWordRune(collapsed[start-1]) && isWordRune(collapsed[start]) {
				t.Fatalf("%q/%d: starts mid-word: %q", query, max, plain)
			}
			if end < len(collapsed) && isWordRune(collapsed[end-1]) && isWordRune(collapsed[end]) {
				t.Fatalf("%q/%d: ends mid-word: %q", query, max, plain)
			}
			if query != "zzz" && max >= 20 && !strings.Contains(got, "<mark>") {
				t.Fatalf("%q/%d: match not shown: %q", query, max, got)
			}
		}
	}
}
