package news

import (
	"regexp"
	"strings"
	"testing"
)

// XSS payloads in the style of the OWASP filter-evasion cheat sheet. None
// may leave anything executable in the stored HTML.
var xssCorpus = []string{
	`<script>alert(1)</script>`,
	`<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>`,
	`<IMG SRC="javascript:alert('XSS');">`,
	`<IMG SRC=javascript:alert('XSS')>`,
	`<IMG SRC=JaVaScRiPt:alert('XSS')>`,
	"<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
	`<a onmouseover="alert(document.cookie)">xxs link</a>`,
	`<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\>`,
	`<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>`,
	`<IMG SRC=# onmouseover="alert('xxs')">`,
	`<IMG SRC= onmouseover="alert('xxs')">`,
	`<IMG onmouseover="alert('xxs')">`,
	`<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>`,
	`<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">`,
	`<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>`,
	`<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>`,
	`<IMG SRC="jav	ascript:alert('XSS');">`,
	`<IMG SRC="jav&#x09;ascript:alert('XSS');">`,
	`<IMG SRC="jav&#x0A;ascript:alert('XSS');">`,
	`<IMG SRC=" &#14;  javascript:alert('XSS');">`,
	`<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>`,
	`<BODY onload!#$%&()*~+-_.,:;?@[/|\]^` + "`" + `=alert("XSS")>`,
	`<<SCRIPT>alert("XSS");//\<</SCRIPT>`,
	`<SCRIPT SRC=http://xss.rocks/xss.js?< B >`,
	`<iframe src=http://xss.rocks/scriptlet.html <`,
	`</TITLE><SCRIPT>alert("XSS");</SCRIPT>`,
	`<INPUT TYPE="IMAGE" SRC="javascript:alert('XSS');">`,
	`<BODY BACKGROUND="javascript:alert('XSS')">`,
	`<IMG DYNSRC="javascript:alert('XSS')">`,
	`<STYLE>li {list-style-image: url("javascript:alert('XSS')");}</STYLE><UL><LI>XSS</br>`,
	`<svg/onload=alert('XSS')>`,
	`<svg><script>alert(1)</script></svg>`,
	`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>`,
	`<BGSOUND SRC="javascript:alert('XSS');">`,
	`<LINK REL="stylesheet" HREF="javascript:alert('XSS');">`,
	`<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">`,
	`<IFRAME SRC="javascript:alert('XSS');"></IFRAME>`,
	`<FRAMESET><FRAME SRC="javascript:alert('XSS');"></FRAMESET>`,
	`<TABLE BACKGROUND="javascript:alert('XSS')">`,
	`<TD BACKGROUND="javascript:alert('XSS')">`,
	`<DIV STYLE="background-image: url(javascript:alert('XSS'))">`,
	`<DIV STYLE="width: expression(alert('XSS'));">`,
	`<IMG STYLE="xss:expr/*XSS*/ession(alert('XSS'))">`,
	`<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>`,
	`<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==" type="image/svg+xml" AllowScriptAccess="always"></EMBED>`,
	`<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>`,
	`<a href="vbscript:msgbox(1)">x</a>`,
	`<a href="  javascript:alert(1)">x</a>`,
	`<a href="java&#115;cript:alert(1)">x</a>`,
	`<form action="javascript:alert(1)"><button>x</button></form>`,
	`<button formaction="javascript:alert(1)">x</button>`,
	`<details open ontoggle=alert(1)>`,
	`<video><source onerror="alert(1)"></video>`,
	`<audio src=x onerror=alert(1)>`,
	`<p style="position:fixed;top:0;left:0;width:100%;height:100%">phishing</p>`,
	`<base href="javascript:alert(1)//">`,
	`<!--<img src="--><img src=x onerror=alert(1)//">`,
	`<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
	`<img src="x" alt="Ảnh" onload="alert(1)">`,
	`<p>Nội dung <strong>hợp lệ</strong></p><img src=x:alert(alt) onerror=eval(src) alt=0>`,
}

var dangerous = []*regexp.Regexp{
	regexp.MustCompile(`(?i)<\s*(script|iframe|frame|object|embed|style|link|meta|base|form|input|button|svg|math|bgsound|body|audio|video|source)\b`),
	regexp.MustCompile(`(?i)\son[a-z]+\s*=`),
	regexp.MustCompile(`(?i)(javascript|vbscript|data:text)\s*:`),
	regexp.MustCompile(`(?i)\sstyle\s*=`),
	regexp.MustCompile(`(?i)expression\s*\(`),
	regexp.MustCompile(`(?i)\s(dynsrc|background|formaction)\s*=`),
}

func TestSanitizeXSSCorpus(t *testing.T) {
	for _, p := range xssCorpus {
		out := SanitizeHTML(p)
		for _, re := range dangerous {
			if re.MatchString(out) {
				t.Errorf("payload survived (%s):\n in: %s\nout: %s", re, p, out)
			}
		}
		// Sanitising is idempotent: what is stored sanitises to itself.
		if again := SanitizeHTML(out); again != out {
			t.Errorf("not idempotent:\n%s\n%s", out, again)
		}
	}
}

func TestSanitizeKeepsEditorialHTML(t *testing.T) {
	in := `<h2>Mục 1</h2><p>Đoạn <strong>đậm</strong>, <em>nghiêng</em>, <a href="https://dichvucong.gov.vn/">liên kết</a>.</p>` +
		`<ul><li>Một</li></ul><ol><li>Hai</li></ol><blockquote>Trích dẫn</blockquote>` +
		`<table><thead><tr><th>Chỉ số</th></tr></thead><tbody><tr><td>95%</td></tr></tbody></table>` +
		`<figure><img src="/media/ab.jpg" alt="Hội nghị"><figcaption>Quang cảnh hội nghị</figcaption></figure>`
	out := SanitizeHTML(in)
	for _, want := range []string{"<h2>Mục 1</h2>", "<strong>đậm</strong>", "<em>nghiêng</em>", `href="https://dichvucong.gov.vn/"`, "<ul><li>Một</li></ul>",
		"<blockquote>Trích dẫn</blockquote>", "<th>Chỉ số</th>", "<td>95%</td>", `<img src="/media/ab.jpg" alt="Hội nghị">`, "<figcaption>Quang cảnh hội nghị</figcaption>"} {
		if !strings.Contains(out, want) {
			t.Errorf("lost %q:\n%s", want, out)
		}
	}
}

func TestSanitizeResponsiveImages(t *testing.T) {
	h := "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	in := `<img src="/media/` + h + `-1024.jpg" srcset="/media/` + h + `-320.jpg 320w, /media/` + h + `-640.jpg 640w" sizes="(min-width: 900px) 760px, 100vw" alt="Tỷ lệ 98% hồ sơ: đúng hạn" loading="lazy" width="1024" height="683">`
	out := SanitizeHTML(in)
	for _, want := range []string{`srcset="/media/`, `sizes="(min-width: 900px) 760px, 100vw"`, `alt="Tỷ lệ 98% hồ sơ: đúng hạn"`, `loading="lazy"`, `width="1024"`} {
		if !strings.Contains(out, want) {
			t.Errorf("lost %s:\n%s", want, out)
		}
	}
	if out := SanitizeHTML(`<img src="/a.jpg" srcset="https://evil.example/x.jpg 320w" alt="x">`); strings.Contains(out, "srcset") {
		t.Errorf("off-site srcset kept: %s", out)
	}
}

func TestPlainText(t *testing.T) {
	if got := PlainText("<p>Cải&nbsp;cách &amp; <b>hành</b>\n chính</p>"); got != "Cải cách & hành chính" {
		t.Fatalf("%q", got)
	}
}

// Unclosed containers used to stay open in the stored body and swallow the
// rest of the page (sidebar, footer); stray end tags closed the page's own.
func TestSanitizeBalances(t *testing.T) {
	cases := []struct{ in, want string }{
		{`<details><summary>Xem thêm</summary><p>Nội dung`, `<details><summary>Xem thêm</summary><p>Nội dung</p></details>`},
		{`<table><tr><td>Ô 1<td>Ô 2`, `<table><tbody><tr><td>Ô 1</td><td>Ô 2</td></tr></tbody></table>`},
		{`<ul><li>Một<li>Hai`, `<ul><li>Một</li><li>Hai</li></ul>`},
		{`<blockquote><p>Trích dẫn`, `<blockquote><p>Trích dẫn</p></blockquote>`},
		{`<p>Đoạn</p></div></main></body>Tiếp`, `<p>Đoạn</p>Tiếp`},
		{`<p><strong>đậm <em>nghiêng</p>sau`, `<p><strong>đậm <em>nghiêng</em></strong></p><strong><em>sau</em></strong>`},
		{`</details></table><p>Thêm</p>`, `<p>Thêm</p>`},
		{`<p>Tỷ lệ 98% &amp; hơn</p>`, `<p>Tỷ lệ 98% &amp; hơn</p>`},
	}
	for _, c := range cases {
		got := SanitizeHTML(c.in)
		if got != c.want {
			t.Errorf("SanitizeHTML(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
		if err := checkBalanced(got); err != nil {
			t.Errorf("SanitizeHTML(%q) = %q: %v", c.in, got, err)
		}
	}
}
