package e2e

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/congportal/cong/internal/qa"
	"github.com/congportal/cong/internal/testdb"
)

const (
	askerName  = "Trương Thị Bích Ngọc"
	askerEmail = "bichngoc.truong@example.vn"
	askerPhone = "0987 654 321"
	askTitle   = "Thủ tục xác nhận tình trạng hôn nhân để mua nhà"
	askBody    = "Tôi cần giấy xác nhận tình trạng hôn nhân để làm hồ sơ vay mua nhà. Xin hỏi nộp ở đâu và mất mấy ngày?"
	answerText = "Bà nộp tờ khai tại Bộ phận Một cửa UBND xã nơi thường trú hoặc trực tuyến. Thời hạn giải quyết là 03 ngày làm việc."
)

// TestQABrowser: a citizen asks on a phone, solving the challenge by
// reading it; the approver answers and publishes; the answer appears
// publicly under the asker's initials, without their contact data.
func TestQABrowser(t *testing.T) {
	browser := startBrowser(t)
	for _, engine := range testdb.Engines() {
		t.Run(engine, func(t *testing.T) {
			p := startPortal(t, engine)

			c := newTab(t, browser, p.base, "congdan")
			c.do(chromedp.EmulateViewport(412, 915, chromedp.EmulateScale(1)))
			c.open("/hoi-dap")
			if st := c.navigate(chromedp.Click(chromedp.CSS(`a.btn[href="/hoi-dap/dat-cau-hoi"]`))); st != 200 {
				c.fatal("ask form: %d", st)
			}
			shown := time.Now()
			c.do(chromedp.WaitVisible(chromedp.ID("name")),
				chromedp.SendKeys(chromedp.ID("name"), askerName),
				chromedp.SendKeys(chromedp.ID("email"), askerEmail),
				chromedp.SendKeys(chromedp.ID("phone"), askerPhone),
				chromedp.SetValue(chromedp.ID("field"), "tu-phap"),
				chromedp.SendKeys(chromedp.ID("title"), askTitle),
				chromedp.SendKeys(chromedp.ID("body"), askBody))
			label := c.text(`label[for=challenge]`)
			question, _, ok := strings.Cut(label, "?")
			a, b, ok2 := strings.Cut(strings.TrimPrefix(question, "Bao nhiêu là "), " cộng ")
			x, ok3 := qa.ParseAnswer(a)
			y, ok4 := qa.ParseAnswer(b)
			if !ok || !ok2 || !ok3 || !ok4 {
				c.fatal("cannot read the challenge %q", label)
			}
			c.do(chromedp.SendKeys(chromedp.ID("challenge"), strconv.Itoa(x+y)))
			// A person takes more than the minimum fill time; so does this one.
			if wait := qa.ChallengeMinFill + 500*time.Millisecond - time.Since(shown); wait > 0 {
				c.do(chromedp.Sleep(wait))
			}
			if st := c.navigate(chromedp.Click(chromedp.CSS(`form.form button[type=submit]`))); st != 200 {
				c.fatal("submit: status %d", st)
			}
			track := c.location()
			if !strings.Contains(track, "/hoi-dap/theo-doi/") || !strings.Contains(c.text(`.notice`), "Cơ quan đã nhận câu hỏi của bạn") {
				c.fatal("no tracking page")
			}

			// The approver takes it, answers and publishes.
			ap := newTab(t, browser, p.base, "duyet")
			ap.login("duyet", password("duyet"))
			ap.open("/quan-tri/hoi-dap?trang-thai=new")
			if st := ap.navigate(chromedp.Click(chromedp.CSS(`table.list tbody tr:first-child td a`))); st != 200 {
				ap.fatal("open question: %d", st)
			}
			if h := ap.text(`h1`); h != askTitle {
				ap.fatal("newest question is %q", h)
			}
			if staffView := ap.text(`main`); !strings.Contains(staffView, askerEmail) || !strings.Contains(staffView, "0987654321") {
				ap.fatal("staff do not see the contact data")
			}
			ap.navigate(chromedp.Click(chromedp.CSS(`form[action$="/phan-cong"] button`)))
			if f := ap.text(`.flash`); f != "Đã phân công người trả lời." {
				ap.fatal("assign: %q", f)
			}
			ap.do(chromedp.SendKeys(chromedp.ID("answer"), answerText))
			ap.navigate(chromedp.Click(chromedp.CSS(`form[action$="/tra-loi"] button`)))
			if f := ap.text(`.flash`); f != "Đã lưu câu trả lời." {
				ap.fatal("answer: %q", f)
			}
			ap.navigate(chromedp.Click(chromedp.CSS(`form[action$="/cong-bo"] button`)))
			if f := ap.text(`.flash`); f != "Đã công bố câu hỏi và câu trả lời trên cổng." {
				ap.fatal("publish: %q", f)
			}

			// Public: listed and answered under the initials only.
			c.open("/hoi-dap")
			if st := c.navigate(chromedp.Click(chromedp.CSS(`main article.card:first-of-type h2 a`))); st != 200 {
				c.fatal("question page: %d", st)
			}
			page := c.text(`main`)
			if !strings.Contains(page, askTitle) || !strings.Contains(page, answerText) || !strings.Contains(page, "T.T.B.N.") {
				c.fatal("public question page lacks title, answer or initials")
			}
			html := eval[string](c, `document.documentElement.outerHTML`)
			for _, secret := range []string{askerName, askerEmail, "0987654321", askerPhone} {
				if strings.Contains(html, secret) {
					c.fatal("public page shows the asker's %q", secret)
				}
			}
			c.open(strings.TrimPrefix(track, p.base))
			if txt := c.text(`main`); !strings.Contains(txt, "Đã trả lời và công bố") || !strings.Contains(txt, answerText) {
				c.fatal("tracking page does not show the answer")
			}
			for _, tb := range []*tab{c, ap} {
				if pr := tb.Problems(); len(pr) > 0 {
					t.Errorf("%s: %v", tb.name, pr)
				}
			}
		})
	}
}
