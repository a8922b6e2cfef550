package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/mail"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// TestCitizenAccountFlow (issue 17), on a phone-sized screen: a citizen
// signs in with a code by mail, submits a dossier, submits a second one
// reusing the first one's paper from the data store with the form filled
// for them, sees both in "Hồ sơ của tôi", and supplements the second after
// the officer asks, all from the account.
func TestCitizenAccountFlow(t *testing.T) {
	browser := startBrowser(t)
	for _, engine := range testdb.Engines() {
		t.Run(engine, func(t *testing.T) {
			p := startDeskPortal(t, engine)
			ctx := context.Background()
			pdf := filepath.Join(t.TempDir(), "to-khai.pdf")
			if err := os.WriteFile(pdf, []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			c := newTab(t, browser, p.base, "citizen")
			c.do(chromedp.EmulateViewport(412, 915, chromedp.EmulatePortrait))

			// Sign in with a code by mail.
			c.open("/cong-dan/dang-nhap")
			c.do(chromedp.SendKeys(chromedp.ID("f-email"), "ngoc.tran@gmail.com"))
			if st := c.navigate(chromedp.Click(chromedp.CSS(`form[action="/cong-dan/dang-nhap"] button`))); st != 200 {
				c.fatal("asking for a code: %d", st)
			}
			items, _, err := p.st.Outbox(ctx, store.OutboxFilter{SiteID: p.siteID})
			if err != nil || len(items) == 0 || items[0].Kind != mail.CitizenCode {
				t.Fatalf("no code mail: %v %+v", err, items)
			}
			var data mail.Data
			json.Unmarshal([]byte(items[0].Data), &data)
			c.do(chromedp.SendKeys(chromedp.ID("f-ma"), data.Token))
			c.navigate(chromedp.Click(chromedp.CSS(`form[action="/cong-dan/dang-nhap/ma"] button`)))
			if loc := c.location(); !strings.HasSuffix(loc, "/cong-dan/ho-so") {
				c.fatal("after the code: %s", loc)
			}
			if w := eval[int](c, `document.documentElement.scrollWidth`); w > 412 {
				c.fatal("account page is %d px wide on a 412 px screen", w)
			}

			// First dossier: typed once.
			c.open("/nop-ho-so/" + p.proc.Slug)
			fileID := fmt.Sprintf("#f-file_%d", p.proc.Components[0].ID)
			c.do(
				chromedp.SendKeys(chromedp.ID("f-name"), "Trần Thị Bích Ngọc"),
				chromedp.SendKeys(chromedp.ID("f-id_number"), "001190012345"),
				chromedp.SendKeys(chromedp.ID("f-dob"), "12/03/1990"),
				chromedp.SendKeys(chromedp.ID("f-phone"), "0912345678"),
				chromedp.SendKeys(chromedp.ID("f-address"), "Số 5, thôn Đông, xã Thử Nghiệm"),
				chromedp.SetUploadFiles(chromedp.CSS(fileID), []string{pdf}),
				chromedp.Click(chromedp.ID("f-consent")),
			)
			if st := c.navigate(chromedp.Click(chromedp.CSS(`main form[enctype="multipart/form-data"] button[type=submit]`))); st != 200 {
				c.fatal("first submit: %d", st)
			}
			first := strings.TrimSpace(c.text(".code"))

			// Second dossier: filled for them, the paper reused with a click.
			c.open("/nop-ho-so/" + p.proc.Slug)
			if v := eval[string](c, `document.getElementById("f-name").value`); v != "Trần Thị Bích Ngọc" {
				c.fatal("name not filled: %q", v)
			}
			reuse := fmt.Sprintf("f-reuse_%d", p.proc.Components[0].ID)
			paper := eval[string](c, fmt.Sprintf(`document.getElementById(%q).options[1].value`, reuse))
			c.do(chromedp.SetValue(chromedp.ID(reuse), paper), chromedp.Click(chromedp.ID("f-consent")))
			if st := c.navigate(chromedp.Click(chromedp.CSS(`main form[enctype="multipart/form-data"] button[type=submit]`))); st != 200 {
				c.fatal("second submit: %d", st)
			}
			second := strings.TrimSpace(c.text(".code"))
			if !strings.HasPrefix(second, "XTN-") || second == first {
				c.fatal("second receipt: %q", second)
			}
			c.open("/cong-dan/ho-so")
			if s := c.text("main"); !strings.Contains(s, first) || !strings.Contains(s, second) {
				c.fatal("Hồ sơ của tôi lacks a dossier")
			}

			// The officer sees the reuse, receives the second dossier and asks
			// for a supplement.
			d, err := p.st.DossierByCode(ctx, p.siteID, second)
			if err != nil {
				t.Fatal(err)
			}
			officer := newTab(t, browser, p.base, "motcua")
			officer.login("motcua", deskStaff["motcua"])
			officer.open(fmt.Sprintf("/quan-tri/ho-so/%d", d.ID))
			if !strings.Contains(officer.text("main"), "tái sử dụng") {
				officer.fatal("the officer does not see the reused paper")
			}
			if st := officer.navigate(chromedp.Click(chromedp.CSS(`form[aria-label="Tiếp nhận"] button`))); st != 200 {
				officer.fatal("receive: %d", st)
			}
			officer.do(chromedp.SendKeys(chromedp.ID("note-request_supplement"), "Bổ sung bản sao giấy khai sinh"))
			if st := officer.navigate(chromedp.Click(chromedp.CSS(`form[aria-label="Yêu cầu bổ sung"] button`))); st != 200 {
				officer.fatal("request supplement: %d", st)
			}

			// The citizen sees it in the account and supplements there.
			c.open("/cong-dan/ho-so")
			if !strings.Contains(c.text("main"), "Cần nộp bổ sung hồ sơ") {
				c.fatal("the list does not say a supplement is asked")
			}
			c.open("/cong-dan/ho-so/" + second)
			if !strings.Contains(c.text("main"), "Bổ sung bản sao giấy khai sinh") {
				c.fatal("the officer's request is not shown")
			}
			c.do(chromedp.SetUploadFiles(chromedp.ID("f-files"), []string{pdf}))
			if st := c.navigate(chromedp.Click(chromedp.CSS(`form[action$="/bo-sung"] button`))); st != 200 {
				c.fatal("supplement: %d", st)
			}
			if !strings.Contains(c.text("main"), "Đã gửi hồ sơ bổ sung") {
				c.fatal("no confirmation after the supplement")
			}
			if d, _ = p.st.DossierByCode(ctx, p.siteID, second); d.Status == dossier.Supplement {
				t.Fatalf("still waiting for the supplement: %v", d.Status)
			}
		})
	}
}
