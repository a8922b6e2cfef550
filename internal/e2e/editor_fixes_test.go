package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestEditorCaptionAndLinkEnd: after an image with a caption is inserted the
// next sentence typed goes after the figure, not into its caption; a full
// stop typed right after a link is plain text, not part of the link.
func TestEditorCaptionAndLinkEnd(t *testing.T) {
	browser := startBrowser(t)
	p := startPortal(t, "sqlite")
	ed := newTab(t, browser, p.base, "chu-thich")
	ed.login("bientap", password("bientap"))
	ed.open("/quan-tri/bai-viet/moi")
	ed.do(chromedp.WaitVisible(chromedp.CSS(`.rte-content`)), chromedp.Click(chromedp.CSS(`.rte-content`)),
		chromedp.KeyEvent("Mở đầu"))

	ed.do(chromedp.Click(chromedp.CSS(`button[data-cmd=anh]`)), chromedp.WaitVisible(chromedp.CSS(`dialog.rte-dialog input[name=src]`)),
		chromedp.SendKeys(chromedp.CSS(`dialog.rte-dialog input[name=src]`), illustrationPath),
		chromedp.SendKeys(chromedp.CSS(`dialog.rte-dialog input[name=alt]`), "Bộ phận một cửa"),
		chromedp.SendKeys(chromedp.CSS(`dialog.rte-dialog input[name=caption]`), "Trụ sở"),
		chromedp.Click(chromedp.CSS(`dialog.rte-dialog button[type=submit]`)),
		chromedp.WaitNotPresent(chromedp.CSS(`dialog.rte-dialog`)),
		chromedp.KeyEvent("Câu sau."))
	body := value(ed, chromedp.Value(chromedp.ID("body")))
	if !strings.Contains(body, `<figcaption>Trụ sở</figcaption></figure><p>Câu sau.</p>`) {
		t.Errorf("text typed after inserting a captioned image is not in a paragraph after the figure:\n%s", body)
	}

	ed.do(chromedp.Click(chromedp.CSS(`button[data-cmd=lien-ket]`)), chromedp.WaitVisible(chromedp.CSS(`dialog.rte-dialog input[name=href]`)),
		chromedp.SendKeys(chromedp.CSS(`dialog.rte-dialog input[name=href]`), "https://dichvucong.gov.vn"),
		chromedp.SendKeys(chromedp.CSS(`dialog.rte-dialog input[name=text]`), "Cổng DVC"),
		chromedp.Click(chromedp.CSS(`dialog.rte-dialog button[type=submit]`)),
		chromedp.WaitNotPresent(chromedp.CSS(`dialog.rte-dialog`)),
		chromedp.KeyEvent(". Hết"))
	body = value(ed, chromedp.Value(chromedp.ID("body")))
	if !strings.Contains(body, `<a href="https://dichvucong.gov.vn">Cổng DVC</a>. Hết</p>`) {
		t.Errorf("a full stop typed after a link joined the link:\n%s", body)
	}
	if p := ed.Problems(); len(p) > 0 {
		t.Errorf("console problems:\n%s", strings.Join(p, "\n"))
	}
}
