package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/congportal/cong/internal/testdb"
)

// TestNewsroom is the newsroom end to end, in a real browser: an editor
// writes an article with the rich-text editor (heading, bold, an image with
// a caption), autosave brings back a lost draft, the editor submits it, an
// approver publishes it, and a reader finds it on the home page with
// "Lượt xem: 1". Then XSS payloads pasted into the editor, or typed as raw
// HTML with JavaScript off, never run on the public page; and login
// throttling shows its message.
func TestNewsroom(t *testing.T) {
	browser := startBrowser(t)
	for i, engine := range testdb.Engines() {
		t.Run(engine, func(t *testing.T) {
			p := startPortal(t, engine)
			shots := i == 0
			start := time.Now()
			step := func(name string) { t.Logf("%-8s done at %v", name, time.Since(start).Round(100*time.Millisecond)) }
			id := writeArticle(t, browser, p, shots)
			step("write")
			publish(t, browser, p, id, shots)
			step("publish")
			read(t, browser, p, id, shots)
			step("read")
			xss(t, browser, p)
			step("xss")
			throttle(t, browser, p)
			step("throttle")
		})
	}
}

var editURL = regexp.MustCompile(`/quan-tri/bai-viet/(\d+)\?tb=luu$`)

const (
	articleTitle   = "Huyện hoàn thành sớm kế hoạch chuyển đổi số năm 2026"
	articleSummary = "Đến hết tháng 10, 100% thủ tục hành chính đủ điều kiện đã được cung cấp trực tuyến toàn trình."
	headingText    = "Kết quả nổi bật"
	boldText       = "98,6% hồ sơ"
	plainText      = " được giải quyết đúng hạn, cao nhất từ trước đến nay."
	imageAlt       = "Cán bộ bộ phận một cửa hướng dẫn người dân nộp hồ sơ trực tuyến"
	imageCaption   = "Bộ phận một cửa huyện, tháng 10/2026"
)

// writeArticle is the editor's part; it returns the new article's id.
func writeArticle(t *testing.T, browser context.Context, p *portal, shots bool) int64 {
	ed := newTab(t, browser, p.base, "bientap")
	ed.login("bientap", password("bientap"))

	ed.open("/quan-tri/bai-viet/moi")
	ed.do(chromedp.WaitVisible(chromedp.CSS(`.rte-content`)))
	if eval[bool](ed, `!document.getElementById('body').hidden`) {
		ed.fatal("the editor did not replace the body textarea")
	}
	ed.do(chromedp.SendKeys(chromedp.ID("title"), articleTitle),
		chromedp.SetValue(chromedp.ID("category"), strconv.FormatInt(p.cats[0].ID, 10)),
		chromedp.SendKeys(chromedp.ID("summary"), articleSummary))

	// Body: a heading, then a paragraph with bold words, as a person does it:
	// choose the paragraph style, type, Enter, Ctrl+B-style button, type.
	ed.do(chromedp.Click(chromedp.CSS(`.rte-content`)))
	ed.do(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector('.rte-block'); s.value = '2'; s.dispatchEvent(new Event('change', {bubbles: true})) })()`))
	ed.do(chromedp.KeyEvent(headingText), enter)
	if v := eval[string](ed, `document.querySelector('.rte-block').value`); v != "p" {
		ed.fatal("after Enter in a heading the style is %q, want paragraph", v)
	}
	ed.do(chromedp.Click(chromedp.CSS(`button[data-cmd=dam]`)), chromedp.KeyEvent(boldText))
	if eval[string](ed, `document.querySelector('button[data-cmd=dam]').getAttribute('aria-pressed')`) != "true" {
		ed.fatal("the bold button does not show pressed while typing bold")
	}
	ed.do(chromedp.Click(chromedp.CSS(`button[data-cmd=dam]`)), chromedp.KeyEvent(plainText), enter)

	// An image by address, with alt text and caption.
	img := illustrationPath
	ed.do(chromedp.Click(chromedp.CSS(`button[data-cmd=anh]`)),
		chromedp.WaitVisible(chromedp.CSS(`dialog.rte-dialog input[name=src]`)))
	// Alt text is required: the dialog says so and stays open.
	ed.do(chromedp.SendKeys(chromedp.CSS(`dialog.rte-dialog input[name=src]`), img),
		chromedp.Click(chromedp.CSS(`dialog.rte-dialog button[type=submit]`)))
	if msg := ed.text(`dialog.rte-dialog .rte-err:not(:empty)`); !strings.Contains(msg, "Vui lòng nhập mô tả ảnh") {
		ed.fatal("image without alt text: message %q", msg)
	}
	ed.do(chromedp.SendKeys(chromedp.CSS(`dialog.rte-dialog input[name=alt]`), imageAlt),
		chromedp.SendKeys(chromedp.CSS(`dialog.rte-dialog input[name=caption]`), imageCaption),
		chromedp.Click(chromedp.CSS(`dialog.rte-dialog button[type=submit]`)),
		chromedp.WaitNotPresent(chromedp.CSS(`dialog.rte-dialog`)))

	body := eval[string](ed, `document.getElementById('body').value`)
	for _, want := range []string{
		"<h2>" + headingText + "</h2>",
		"<strong>" + boldText + "</strong>" + plainText,
		`<figure><img src="` + img + `" alt="` + imageAlt + `"`,
		"<figcaption>" + imageCaption + "</figcaption></figure>",
	} {
		if !strings.Contains(body, want) {
			ed.fatal("textarea (the form field) lacks %q:\n%s", want, body)
		}
	}

	// Autosave: leaving the editor saves a local draft; a reload (a crash,
	// a closed tab) offers it back.
	ed.do(chromedp.Click(chromedp.ID("author")))
	keys := eval[[]string](ed, `Object.keys(localStorage).filter(k => k.startsWith('cong.nhap.'))`)
	if len(keys) != 1 || keys[0] != "cong.nhap.bientap.moi.0" {
		ed.fatal("autosave keys %v, want [cong.nhap.bientap.moi.0]", keys)
	}
	if s := ed.text(`.rte-status`); !strings.Contains(s, "Đã tự lưu bản nháp") {
		ed.fatal("autosave status %q", s)
	}
	ed.open("/quan-tri/bai-viet/moi")
	ed.do(chromedp.WaitVisible(chromedp.CSS(`.rte-notice`)))
	if v := value(ed, chromedp.Value(chromedp.ID("title"))); v != "" {
		ed.fatal("a new article form starts with title %q", v)
	}
	restore := `//div[contains(@class,'rte-notice')]//button[normalize-space()='Khôi phục bản nháp tự lưu']`
	ed.do(chromedp.Click(restore), chromedp.WaitNotVisible(chromedp.CSS(`.rte-notice`)))
	if v := value(ed, chromedp.Value(chromedp.ID("title"))); v != articleTitle {
		ed.fatal("restored title %q", v)
	}
	if b := eval[string](ed, `document.getElementById('body').value`); b != body {
		ed.fatal("restored body differs:\n%s\nwant\n%s", b, body)
	}
	ed.do(chromedp.SetValue(chromedp.ID("category"), strconv.FormatInt(p.cats[0].ID, 10)),
		chromedp.Click(chromedp.CSS(`.rte-content h2`)))
	if shots {
		ed.do(chromedp.EmulateViewport(1366, 1100),
			chromedp.MouseEvent(chromedp.MouseMoved, 1300, 1090),
			chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
		ed.screenshot("soan-bai.png")
	}

	// Save: the server gets the editor's HTML and keeps it (sanitised).
	if st := ed.navigate(chromedp.Click(chromedp.CSS(`#editor button[type=submit]`))); st != 200 {
		ed.fatal("save: status %d", st)
	}
	m := editURL.FindStringSubmatch(ed.location())
	if m == nil {
		ed.fatal("save did not land on the article's page")
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	a := p.article(t, id)
	if a.Title != articleTitle || a.Summary != articleSummary || a.CategoryID != p.cats[0].ID {
		t.Fatalf("stored article: %q %q category %d", a.Title, a.Summary, a.CategoryID)
	}
	for _, want := range []string{"<h2>" + headingText + "</h2>", "<strong>" + boldText + "</strong>", `<img src="` + img + `" alt="` + imageAlt + `"`, "<figcaption>" + imageCaption + "</figcaption>"} {
		if !strings.Contains(a.BodyHTML, want) {
			t.Fatalf("stored body lacks %q:\n%s", want, a.BodyHTML)
		}
	}
	// The saved draft is gone from the browser; the editor shows the article.
	if keys := eval[[]string](ed, `Object.keys(localStorage).filter(k => k.startsWith('cong.nhap.'))`); len(keys) != 0 {
		ed.fatal("drafts left after a successful save: %v", keys)
	}
	if n := eval[int](ed, `document.querySelectorAll('.rte-notice:not([hidden])').length`); n != 0 {
		ed.fatal("the saved article offers a draft to restore")
	}
	if h := ed.text(`.rte-content h2`); h != headingText {
		ed.fatal("editor shows heading %q after save", h)
	}

	// Submit for approval.
	ed.navigate(chromedp.Click(chromedp.CSS(`form[action$="/gui-duyet"] button`)))
	if f := ed.text(`.flash`); f != "Đã gửi bài viết chờ duyệt." {
		ed.fatal("submit: flash %q", f)
	}
	// Pending is the approver's now: the editor shows it read-only.
	if ce := value(ed, chromedp.AttributeValue(chromedp.CSS(`.rte-content`), "contenteditable")); ce.Value != "false" {
		ed.fatal("a pending article is editable by its editor (contenteditable=%q)", ce.Value)
	}
	if n := eval[int](ed, `document.querySelectorAll('.rte-toolbar button:not(:disabled), #editor button[type=submit]').length`); n != 0 {
		ed.fatal("%d enabled editing controls on a read-only article", n)
	}
	if p := ed.Problems(); len(p) > 0 {
		t.Errorf("editor page console problems (exceptions or CSP violations):\n%s", strings.Join(p, "\n"))
	}
	return id
}

// publish is the approver's part.
func publish(t *testing.T, browser context.Context, p *portal, id int64, shots bool) {
	ap := newTab(t, browser, p.base, "duyet")
	ap.login("duyet", password("duyet"))
	waiting := ap.text(`.panel:nth-of-type(2)`)
	if !strings.Contains(waiting, articleTitle) {
		ap.fatal("dashboard 'Chờ duyệt' lacks the article: %q", waiting)
	}
	if shots {
		ap.screenshot("bang-dieu-khien.png")
	}
	ap.open(fmt.Sprintf("/quan-tri/bai-viet/%d", id))
	ap.navigate(chromedp.Click(chromedp.CSS(`form[action$="/xuat-ban"] button`)))
	if f := ap.text(`.flash`); f != "Đã xuất bản bài viết." {
		ap.fatal("publish: flash %q", f)
	}
}

// read is a reader on a phone: the home page lists the article, and its
// page counts this first view.
func read(t *testing.T, browser context.Context, p *portal, id int64, shots bool) {
	a := p.article(t, id)
	rd := newTab(t, browser, p.base, "docgia")
	rd.do(chromedp.EmulateViewport(412, 915, chromedp.EmulateScale(1)))
	rd.open("/")
	link := chromedp.CSS(`a[href="/bai-viet/` + a.Slug + `"]`)
	if txt := value(rd, chromedp.Text(link)); !strings.Contains(txt, articleTitle) {
		rd.fatal("home page link text %q", txt)
	}
	if st := rd.navigate(chromedp.Click(link)); st != 200 {
		rd.fatal("article page: status %d", st)
	}
	if v := rd.text(`.views`); v != "Lượt xem: 1" {
		rd.fatal("views: %q, want Lượt xem: 1", v)
	}
	if h := rd.text(`article.post .body h2`); h != headingText {
		rd.fatal("public heading %q", h)
	}
	alt := value(rd, chromedp.AttributeValue(chromedp.CSS(`article.post .body figure img`), "alt"))
	if alt.Value != imageAlt {
		rd.fatal("public image alt %q", alt.Value)
	}
	if c := rd.text(`article.post .body figcaption`); c != imageCaption {
		rd.fatal("public caption %q", c)
	}
	if shots {
		rd.screenshot("bai-viet-di-dong.png")
	}
}

// Payloads after the OWASP XSS filter evasion cheat sheet; pasted as HTML
// they reach ProseMirror's parser, typed as raw HTML they reach the server.
const xssPayload = `<p>Tin dán từ trang khác <img src=x onerror="alert('xss-img')"></p>` +
	`<script>alert('xss-script')</script>` +
	`<p><a href="javascript:alert('xss-href')">bấm vào đây</a> <svg onload="alert('xss-svg')"></svg></p>` +
	`<iframe src="javascript:alert('xss-iframe')"></iframe>` +
	`<details open ontoggle="alert('xss-details')"><summary>x</summary></details>` +
	`<p style="background:url(javascript:alert('xss-style'))" onmouseover="alert('xss-over')">Kết thúc</p>`

var dangerous = regexp.MustCompile(`(?i)<script|<iframe|<svg|\bon[a-z]+\s*=|javascript:`)

func xss(t *testing.T, browser context.Context, p *portal) {
	cat := strconv.FormatInt(p.cats[0].ID, 10)

	// 1. Pasted into the rich editor (a synthetic paste event with HTML).
	ed := newTab(t, browser, p.base, "bientap-dan")
	ed.login("bientap", password("bientap"))
	ed.open("/quan-tri/bai-viet/moi")
	ed.do(chromedp.WaitVisible(chromedp.CSS(`.rte-content`)),
		chromedp.SendKeys(chromedp.ID("title"), "Bài thử dán mã độc"),
		chromedp.SetValue(chromedp.ID("category"), cat),
		chromedp.Click(chromedp.CSS(`.rte-content`)))
	payload, _ := json.Marshal(xssPayload)
	body := eval[string](ed, `(() => {
		const dt = new DataTransfer();
		dt.setData('text/html', `+string(payload)+`);
		dt.setData('text/plain', 'x');
		document.querySelector('.rte-content').dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
		return document.getElementById('body').value;
	})()`)
	if !strings.Contains(body, "Tin dán từ trang khác") || !strings.Contains(body, "Kết thúc") {
		ed.fatal("the paste did not reach the editor: %q", body)
	}
	if dangerous.MatchString(body) {
		ed.fatal("the editor kept active content from the paste: %s", body)
	}
	if p := ed.Problems(); len(p) > 0 {
		t.Errorf("paste: console problems (exceptions or CSP violations):\n%s", strings.Join(p, "\n"))
	}
	pasted := saveAndSubmit(ed)

	// 2. Raw HTML in the plain textarea, with JavaScript off: the form
	// works without the editor, and only the server's sanitiser stands
	// between the payload and the page.
	raw := newTab(t, browser, p.base, "bientap-khong-js")
	call(raw, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
	raw.login("bientap", password("bientap"))
	raw.open("/quan-tri/bai-viet/moi")
	if n := value(raw, chromedp.Nodes(chromedp.CSS(`.rte`), chromedp.AtLeast(0))); len(n) != 0 {
		raw.fatal("the editor ran with JavaScript off")
	}
	raw.do(chromedp.WaitVisible(chromedp.ID("body")),
		chromedp.SendKeys(chromedp.ID("title"), "Bài thử mã HTML độc"),
		chromedp.SetValue(chromedp.ID("category"), cat),
		chromedp.SetValue(chromedp.ID("body"), xssPayload))
	typed := saveAndSubmit(raw)

	for _, id := range []int64{pasted, typed} {
		if b := p.article(t, id).BodyHTML; dangerous.MatchString(b) {
			t.Fatalf("stored body of article %d keeps active content: %s", id, b)
		}
	}

	ap := newTab(t, browser, p.base, "duyet-xss")
	ap.login("duyet", password("duyet"))
	for _, id := range []int64{pasted, typed} {
		ap.open(fmt.Sprintf("/quan-tri/bai-viet/%d", id))
		ap.navigate(chromedp.Click(chromedp.CSS(`form[action$="/xuat-ban"] button`)))
		if f := ap.text(`.flash`); f != "Đã xuất bản bài viết." {
			ap.fatal("publish %d: flash %q", id, f)
		}
	}

	// The reader's browser ignores the portal's CSP, so only the sanitiser
	// can stop a payload: any surviving handler would open a dialog.
	rd := newTab(t, browser, p.base, "docgia-xss")
	call(rd, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true})
	for _, id := range []int64{pasted, typed} {
		a := p.article(t, id)
		rd.open("/bai-viet/" + a.Slug)
		rd.do(chromedp.WaitVisible(chromedp.CSS(`article.post .body`)),
			chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('article.post .body *').forEach(e => { e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); })`),
			chromedp.Sleep(500*time.Millisecond))
		html := value(rd, chromedp.InnerHTML(chromedp.CSS(`article.post .body`)))
		if dangerous.MatchString(html) {
			rd.fatal("public page of %q keeps active content: %s", a.Title, html)
		}
		n := eval[int](rd, `Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes).some(a => /^on/i.test(a.name) || /javascript:/i.test(a.value))).length`)
		if n != 0 {
			rd.fatal("%d elements with event handlers or javascript: URLs on %q", n, a.Title)
		}
	}
	if d := rd.Dialogs(); len(d) != 0 {
		t.Fatalf("a payload ran on the public page: %v", d)
	}
	// Control: the same tab does report a handler that runs, so the silence
	// above means the payloads were removed, not that nothing was listening.
	rd.do(chromedp.Evaluate[chromedp.Void](`document.body.insertAdjacentHTML('beforeend', '<img src="/khong-co.png" onerror="alert(\'kiem-tra\')">')`))
	deadline := time.Now().Add(5 * time.Second)
	for len(rd.Dialogs()) == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if d := rd.Dialogs(); len(d) != 1 || !strings.Contains(d[0], "kiem-tra") {
		t.Fatalf("control dialog not seen (%v): the XSS check above proves nothing", d)
	}
}

// saveAndSubmit saves the open new-article form, submits it for approval
// and returns its id.
func saveAndSubmit(tb *tab) int64 {
	tb.t.Helper()
	if st := tb.navigate(chromedp.Click(chromedp.CSS(`#editor button[type=submit]`))); st != 200 {
		tb.fatal("save: status %d", st)
	}
	m := editURL.FindStringSubmatch(tb.location())
	if m == nil {
		tb.fatal("save did not land on the article's page")
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	tb.navigate(chromedp.Click(chromedp.CSS(`form[action$="/gui-duyet"] button`)))
	if f := tb.text(`.flash`); f != "Đã gửi bài viết chờ duyệt." {
		tb.fatal("submit: flash %q", f)
	}
	return id
}

// throttle: five wrong passwords, then even the right one is refused with
// the Vietnamese message, and no session starts.
func throttle(t *testing.T, browser context.Context, p *portal) {
	tb := newTab(t, browser, p.base, "dang-nhap-sai")
	try := func(pw string) (int64, string) {
		tb.open("/dang-nhap")
		tb.do(chromedp.WaitVisible(chromedp.ID("username")),
			chromedp.SendKeys(chromedp.ID("username"), "bientap"),
			chromedp.SendKeys(chromedp.ID("password"), pw))
		st := tb.navigate(chromedp.Click(chromedp.CSS(`.login button[type=submit]`)))
		return st, tb.text(`.login .error`)
	}
	for i := 1; i <= 5; i++ {
		st, msg := try(fmt.Sprintf("sai-mat-khau-%d", i))
		if st != 401 || msg != "Tên đăng nhập hoặc mật khẩu không đúng." {
			tb.fatal("wrong password %d: %d %q", i, st, msg)
		}
	}
	st, msg := try(password("bientap"))
	if st != 429 || !strings.Contains(msg, "Bạn đã đăng nhập sai quá nhiều lần") || !strings.Contains(msg, "15 phút") {
		tb.fatal("sixth attempt: %d %q", st, msg)
	}
	if n := value(tb, chromedp.Nodes(chromedp.CSS(`nav.adm-nav`), chromedp.AtLeast(0))); len(n) != 0 {
		tb.fatal("a throttled login signed in")
	}
}
