package e2e

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// TestEditorMediaPicker: the image dialog lists the library's images; a
// search narrows it, choosing one fills the address and the library's alt
// text, which stays editable, and the figure is inserted with them.
func TestEditorMediaPicker(t *testing.T) {
	browser := startBrowser(t)
	p := startPortal(t, "sqlite")
	ed := newTab(t, browser, p.base, "chon-anh")
	ed.login("bientap", password("bientap"))

	// Two images in the library, uploaded the way an editor does.
	dir := t.TempDir()
	for _, f := range []struct{ name, alt string }{{"le-khai-giang.png", "Lễ khai giảng năm học mới"}, {"tru-so.png", "Trụ sở Ủy ban nhân dân huyện"}} {
		img := image.NewRGBA(image.Rect(0, 0, 400, 300))
		for i := range img.Pix {
			img.Pix[i] = byte(len(f.name) * i)
		}
		img.Set(0, 0, color.White)
		path := filepath.Join(dir, f.name)
		out, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := png.Encode(out, img); err != nil {
			t.Fatal(err)
		}
		out.Close()
		ed.open("/quan-tri/thu-vien")
		ed.do(chromedp.SetUploadFiles(chromedp.ID("file"), []string{path}), chromedp.SendKeys(chromedp.ID("alt"), f.alt))
		if st := ed.navigate(chromedp.Submit(chromedp.ID("file"))); st != 200 {
			t.Fatalf("upload %s: %d", f.name, st)
		}
	}

	ed.open("/quan-tri/bai-viet/moi")
	ed.do(chromedp.WaitVisible(chromedp.CSS(`.rte-content`)), chromedp.Click(chromedp.CSS(`.rte-content`)),
		chromedp.Click(chromedp.CSS(`button[data-cmd=anh]`)),
		chromedp.WaitVisible(chromedp.CSS(`.rte-picker-item`)))
	if n := eval[int](ed, `document.querySelectorAll('.rte-picker-item').length`); n != 2 {
		t.Fatalf("picker lists %d images, want 2", n)
	}
	ed.do(chromedp.SendKeys(chromedp.ID("rte-picker-q"), "tru-so\r"))
	for i := 0; eval[int](ed, `document.querySelectorAll('.rte-picker-item').length`) != 1; i++ {
		if i > 50 {
			t.Fatal("the search did not narrow the picker to one image")
		}
		time.Sleep(100 * time.Millisecond)
	}
	if d := eval[bool](ed, `!!document.querySelector('dialog.rte-dialog[open]')`); !d {
		t.Fatal("Enter in the picker's search closed the dialog")
	}
	ed.do(chromedp.Click(chromedp.CSS(`.rte-picker-item`)))
	src := value(ed, chromedp.Value(chromedp.CSS(`dialog.rte-dialog input[name=src]`)))
	alt := value(ed, chromedp.Value(chromedp.CSS(`dialog.rte-dialog input[name=alt]`)))
	if !strings.HasPrefix(src, "/media/") || alt != "Trụ sở Ủy ban nhân dân huyện" {
		t.Fatalf("choosing filled src %q alt %q", src, alt)
	}
	// The alt text stays editable.
	ed.do(chromedp.SendKeys(chromedp.CSS(`dialog.rte-dialog input[name=alt]`), " nhìn từ cổng chính"),
		chromedp.Click(chromedp.CSS(`dialog.rte-dialog button[type=submit]`)),
		chromedp.WaitNotPresent(chromedp.CSS(`dialog.rte-dialog`)))
	body := value(ed, chromedp.Value(chromedp.ID("body")))
	if !strings.Contains(body, `<img src="`+src+`" alt="Trụ sở Ủy ban nhân dân huyện nhìn từ cổng chính">`) {
		t.Errorf("inserted image is not the chosen one with the edited alt:\n%s", body)
	}
	if p := ed.Problems(); len(p) > 0 {
		t.Errorf("console problems:\n%s", strings.Join(p, "\n"))
	}
}
