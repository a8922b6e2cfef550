package e2e

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// wordClipboard is what Microsoft Word puts on the clipboard (shortened):
// Office namespaces, a <style> block, list paragraphs with typed bullets,
// styles everywhere and an image on the user's disk.
const wordClipboard = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><style>p.MsoNormal{margin:0cm;font-family:"Times New Roman"}</style></head><body lang=VI>
<h1>Báo cáo tổng kết</h1>
<p class=MsoNormal style='mso-line-height-alt:115%'><b>Phần I.</b> Kết quả <span style='color:red'>đạt được</span><o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><span style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span>Mục một<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><span style='font-family:Symbol;mso-list:Ignore'>·<span>&nbsp;</span></span>Mục hai<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>1.<span>&nbsp;</span></span>Bước một<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>2.<span>&nbsp;</span></span>Bước hai<o:p></o:p></p>
<table class=MsoTableGrid border=1 style='border-collapse:collapse'><tr><td width=200 style='width:150pt'><p class=MsoNormal><b>Chỉ tiêu</b></p></td><td><p class=MsoNormal>Kết quả</p></td></tr>
<tr><td><p class=MsoNormal>Hồ sơ</p></td><td><p class=MsoNormal>1.234</p></td></tr></table>
<p class=MsoNormal><img width=100 src="file:///C:/Users/cb/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg"></p>
<p class=MsoNormal><span style='font-weight:bold;font-style:italic'>Nơi nhận:</span> <a href="https://dichvucong.gov.vn">Cổng DVC quốc gia</a></p>
</body></html>`

// TestEditorPaste: what the rich-text editor makes of a paste from Word and
// of a media-library snippet pasted as text, and the HTML source view.
func TestEditorPaste(t *testing.T) {
	browser := startBrowser(t)
	p := startPortal(t, "sqlite")
	ed := newTab(t, browser, p.base, "bientap-word")
	ed.login("bientap", password("bientap"))
	ed.open("/quan-tri/bai-viet/moi")
	ed.do(chromedp.WaitVisible(chromedp.CSS(`.rte-content`)), chromedp.Click(chromedp.CSS(`.rte-content`)))

	paste := func(kind, data string) string {
		t.Helper()
		js, _ := json.Marshal(data)
		return eval[string](ed, `(() => {
			const dt = new DataTransfer();
			dt.setData('`+kind+`', `+string(js)+`);
			if ('`+kind+`' === 'text/html') dt.setData('text/plain', 'x');
			document.querySelector('.rte-content').dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
			return document.getElementById('body').value;
		})()`)
	}

	body := paste("text/html", wordClipboard)
	for _, want := range []string{
		"<h2>Báo cáo tổng kết</h2>",
		"<p><strong>Phần I.</strong> Kết quả đạt được</p>",
		"<ul><li><p>Mục một</p></li><li><p>Mục hai</p></li></ul>",
		"<ol><li><p>Bước một</p></li><li><p>Bước hai</p></li></ol>",
		"<table><tbody><tr><td><p><strong>Chỉ tiêu</strong></p></td><td><p>Kết quả</p></td></tr>",
		`<strong><em>Nơi nhận:</em></strong> <a href="https://dichvucong.gov.vn">Cổng DVC quốc gia</a>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("Word paste lacks %q:\n%s", want, body)
		}
	}
	for _, bad := range []string{"style", "class", "Mso", "mso-", "<o:p", "file:", "<img", "·", "<p></p>"} {
		if strings.Contains(body, bad) {
			t.Errorf("Word paste keeps %q:\n%s", bad, body)
		}
	}
	if s := ed.text(`.rte-status`); !strings.Contains(s, "Đã bỏ 1 ảnh") {
		t.Errorf("no word about the dropped image: %q", s)
	}

	// The media library's snippet, copied as text, becomes a figure with its
	// responsive image.
	ed.do(chromedp.Click(chromedp.CSS(`.rte-content > p:last-child`)), chromedp.KeyEvent(kb.End))
	snippet := `<figure><img src="` + illustrationPath + `" srcset="` + illustrationPath + ` 1200w" sizes="(min-width: 900px) 760px, 100vw" alt="Bộ phận một cửa" width="1200" height="675" loading="lazy"><figcaption>Trụ sở</figcaption></figure>`
	body = paste("text/plain", snippet)
	want := `<figure><img src="` + illustrationPath + `" alt="Bộ phận một cửa" srcset="` + illustrationPath + ` 1200w" sizes="(min-width: 900px) 760px, 100vw" width="1200" height="675" loading="lazy"><figcaption>Trụ sở</figcaption></figure>`
	if !strings.Contains(body, want) {
		t.Errorf("media snippet pasted as text did not become the same figure:\n%s\nwant\n%s", body, want)
	}

	// HTML source view: the textarea, one block per line; back again keeps it.
	ed.do(chromedp.Click(chromedp.CSS(`button[data-cmd=html]`)), chromedp.WaitVisible(chromedp.ID("body")))
	src := value(ed, chromedp.Value(chromedp.ID("body")))
	if !strings.Contains(src, "</h2>\n<p>") {
		t.Errorf("source view is not one block per line:\n%s", src)
	}
	ed.do(chromedp.SetValue(chromedp.ID("body"), src+"\n<p>Thêm trong mã <em>HTML</em>.</p>"),
		chromedp.Click(chromedp.CSS(`button[data-cmd=html]`)),
		chromedp.WaitVisible(chromedp.CSS(`.rte-content`)))
	if got := ed.text(`.rte-content`); !strings.Contains(got, "Thêm trong mã HTML.") {
		t.Errorf("text added in the source view is not in the editor: %q", got)
	}
	if got := value(ed, chromedp.Value(chromedp.ID("body"))); !strings.Contains(got, "<p>Thêm trong mã <em>HTML</em>.</p>") {
		t.Errorf("the form field lost the source view's change:\n%s", got)
	}
	if p := ed.Problems(); len(p) > 0 {
		t.Errorf("console problems (exceptions or CSP violations):\n%s", strings.Join(p, "\n"))
	}
}

// TestEditorKeyboard: the toolbar is one Tab stop with arrow keys inside
// (the WAI-ARIA toolbar pattern), Alt+F10 reaches it from the text and
// Escape goes back; formatting works from the keyboard alone.
func TestEditorKeyboard(t *testing.T) {
	browser := startBrowser(t)
	p := startPortal(t, "sqlite")
	ed := newTab(t, browser, p.base, "ban-phim")
	ed.login("bientap", password("bientap"))
	ed.open("/quan-tri/bai-viet/moi")
	ed.do(chromedp.WaitVisible(chromedp.CSS(`.rte-content`)))
	active := func() string {
		t.Helper()
		return eval[string](ed, `(() => { const a = document.activeElement; return a.getAttribute('aria-label') || a.id || a.className })()`)
	}
	ed.do(chromedp.Focus(chromedp.ID("summary")), chromedp.KeyEvent(kb.Tab))
	if a := active(); a != "Kiểu đoạn" {
		t.Fatalf("Tab from the summary lands on %q, want the toolbar's first control", a)
	}
	ed.do(chromedp.KeyEvent(kb.ArrowRight))
	if a := active(); a != "Chữ đậm" {
		t.Fatalf("ArrowRight in the toolbar lands on %q", a)
	}
	ed.do(chromedp.KeyEvent(kb.Tab))
	if a := active(); a != "body-rte" {
		t.Fatalf("Tab from the toolbar lands on %q, want the text", a)
	}
	// Type, select all (Ctrl+A), make it bold from the toolbar.
	ed.do(chromedp.KeyEvent("Quyết định"),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent(kb.F10, chromedp.KeyModifiers(chromedp.ModifierAlt)))
	if a := active(); a != "Chữ đậm" {
		t.Fatalf("Alt+F10 lands on %q, want the last used toolbar control", a)
	}
	ed.do(chromedp.KeyEvent(" "))
	ed.do(chromedp.KeyEvent(kb.Escape))
	if a := active(); a != "body-rte" {
		t.Fatalf("Escape in the toolbar lands on %q, want the text", a)
	}
	if b := value(ed, chromedp.Value(chromedp.ID("body"))); b != "<p><strong>Quyết định</strong></p>" {
		t.Fatalf("keyboard formatting gave %q", b)
	}
}
