package news

import (
	"fmt"
	"io"
	"strings"
	"testing"

	nethtml "golang.org/x/net/html"
)

// checkBalanced tokenizes h and reports the first end tag that does not
// close the innermost open element, or an element left open at the end.
func checkBalanced(h string) error {
	z := nethtml.NewTokenizer(strings.NewReader(h))
	var stack []string
	for {
		switch z.Next() {
		case nethtml.ErrorToken:
			if z.Err() != io.EOF {
				return z.Err()
			}
			if len(stack) > 0 {
				return fmt.Errorf("unclosed %v", stack)
			}
			return nil
		case nethtml.StartTagToken:
			name, _ := z.TagName()
			if !voidElements[string(name)] {
				stack = append(stack, string(name))
			}
		case nethtml.EndTagToken:
			name, _ := z.TagName()
			if len(stack) == 0 || stack[len(stack)-1] != string(name) {
				return fmt.Errorf("stray </%s> with open %v", name, stack)
			}
			stack = stack[:len(stack)-1]
		}
	}
}

var voidElements = map[string]bool{"area": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// FuzzSanitizeHTML: whatever comes in, the stored body is balanced, holds
// nothing executable, and sanitising it again changes nothing.
func FuzzSanitizeHTML(f *testing.F) {
	for _, s := range xssCorpus {
		f.Add(s)
	}
	for _, s := range []string{
		`<details><summary>Xem</summary><p>mở`, `<table><tr><td>a<td>b`, `<ul><li>x</ul></li></div>`,
		`<p><a href="/x">a<a href="/y">b</a></p>`, `<table>chữ<tr><td>ô</table>`, `<pre>` + "\n\nmã</pre>",
		`<img src="/media/x.jpg" alt="Tỷ lệ 98%">`, `<h2>Tiêu đề<h3>phụ`, `<b><i>x</b></i>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := SanitizeHTML(in)
		if err := checkBalanced(out); err != nil {
			t.Fatalf("SanitizeHTML(%q) = %q: %v", in, out, err)
		}
		if again := SanitizeHTML(out); again != out {
			t.Fatalf("not idempotent:\n in  %q\n out %q\n again %q", in, out, again)
		}
		if err := checkInert(out); err != nil {
			t.Fatalf("SanitizeHTML(%q) = %q: %v", in, out, err)
		}
	})
}

// checkInert reports an element or attribute that could run script.
func checkInert(h string) error {
	z := nethtml.NewTokenizer(strings.NewReader(h))
	for {
		tt := z.Next()
		if tt == nethtml.ErrorToken {
			return nil
		}
		if tt != nethtml.StartTagToken && tt != nethtml.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "script", "style", "iframe", "object", "embed", "svg", "math", "form", "base", "meta", "link":
			return fmt.Errorf("keeps <%s>", tok.Data)
		}
		for _, a := range tok.Attr {
			k, v := strings.ToLower(a.Key), strings.ToLower(strings.TrimSpace(a.Val))
			if strings.HasPrefix(k, "on") || k == "style" {
				return fmt.Errorf("keeps %s=%q", a.Key, a.Val)
			}
			if (k == "href" || k == "src") && (strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:")) {
				return fmt.Errorf("keeps %s=%q", a.Key, a.Val)
			}
		}
	}
}
