package e2e

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/visitors"
	"github.com/congportal/cong/internal/web"
)

// deskPortal is a running Cổng with a data folder, one commune, one online
// procedure and two officers of the commune: "motcua" at the desk and
// "chuyenvien" who processes.
type deskPortal struct {
	base    string
	st      *store.Store
	siteID  int64
	proc    catalogue.Procedure
	dataDir string
}

var deskStaff = map[string]string{"motcua": "Mot-cua-xa-2026!", "chuyenvien": "Chuyen-vien-xa-2026!"}

func startDeskPortal(t *testing.T, engine string) *deskPortal {
	t.Helper()
	ctx := context.Background()
	st := testdb.Open(t, engine)
	site, err := st.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng dịch vụ công xã Thử Nghiệm"})
	if err != nil {
		t.Fatal(err)
	}
	unit := catalogue.Unit{SiteID: site.ID, Code: "XTN", Name: "UBND xã Thử Nghiệm", Kind: catalogue.KindCommune}
	if err := st.CreateUnit(ctx, &unit); err != nil {
		t.Fatal(err)
	}
	proc := catalogue.Procedure{SiteID: site.ID, Code: "1.001193", Slug: "cap-ban-sao-trich-luc-ho-tich", Name: "Cấp bản sao trích lục hộ tịch",
		Field: "Hộ tịch", Level: catalogue.LevelFull, TimeAmount: 1, TimeUnit: catalogue.TimeWorkingDays, Published: true, Units: []catalogue.Unit{unit},
		Components: []catalogue.Component{{Name: "Tờ khai cấp bản sao trích lục hộ tịch", Required: true, Copies: 1}}}
	if err := st.SaveProcedure(ctx, &proc); err != nil {
		t.Fatal(err)
	}
	for username, pw := range deskStaff {
		h, err := auth.HashPassword(pw)
		if err != nil {
			t.Fatal(err)
		}
		u := &store.UserRecord{User: auth.User{SiteID: site.ID, Username: username, Name: map[string]string{"motcua": "Lê Thị Hoa", "chuyenvien": "Phan Văn Đạt"}[username], Role: auth.RoleOfficer}, PasswordHash: h}
		if err := st.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		if err := st.SetUserUnits(ctx, site.ID, u.ID, []int64{unit.ID}); err != nil {
			t.Fatal(err)
		}
	}
	hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	logs := &syncBuffer{}
	logger := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelWarn}))
	t.Cleanup(func() {
		if t.Failed() && logs.String() != "" {
			t.Logf("server log:\n%s", logs.String())
		}
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	dataDir := t.TempDir()
	counter := visitors.New(st, visitors.Options{SiteID: site.ID, Window: 30 * time.Minute, Location: hcm, Logger: logger})
	proxies, _ := visit.ParseProxies("")
	srv, err := web.New(web.Options{Store: st, Counter: counter, SiteID: site.ID, BaseURL: base, Proxies: proxies,
		Location: hcm, Logger: logger, Version: "e2e", MediaDir: filepath.Join(dataDir, "media")})
	if err != nil {
		t.Fatal(err)
	}
	ts := &httptest.Server{Listener: ln, Config: &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}}
	ts.Start()
	t.Cleanup(ts.Close)
	return &deskPortal{base: base, st: st, siteID: site.ID, proc: proc, dataDir: dataDir}
}

// TestDeskDossierFlow: a citizen submits online from a phone-sized screen
// and gets a code; the desk officer receives the dossier and hands it to
// the specialist, who records the result file; the officer returns it; the
// citizen's private page then says "Đã trả kết quả".
func TestDeskDossierFlow(t *testing.T) {
	browser := startBrowser(t)
	for _, engine := range testdb.Engines() {
		t.Run(engine, func(t *testing.T) {
			p := startDeskPortal(t, engine)
			pdf := filepath.Join(t.TempDir(), "to-khai.pdf")
			if err := os.WriteFile(pdf, []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"), 0o644); err != nil {
				t.Fatal(err)
			}

			// The citizen, on a 412 px wide phone.
			citizen := newTab(t, browser, p.base, "citizen")
			citizen.do(chromedp.EmulateViewport(412, 915, chromedp.EmulatePortrait))
			if st := citizen.open("/nop-ho-so/" + p.proc.Slug); st != 200 {
				citizen.fatal("submission form: %d", st)
			}
			fileID := fmt.Sprintf("#f-file_%d", p.proc.Components[0].ID)
			citizen.do(
				chromedp.SendKeys(chromedp.ID("f-name"), "Trần Thị Bích Ngọc"),
				chromedp.SendKeys(chromedp.ID("f-id_number"), "001190012345"),
				chromedp.SendKeys(chromedp.ID("f-dob"), "12/03/1990"),
				chromedp.SendKeys(chromedp.ID("f-phone"), "0912345678"),
				chromedp.SendKeys(chromedp.ID("f-address"), "Số 5, thôn Đông, xã Thử Nghiệm"),
				chromedp.SetUploadFiles(chromedp.CSS(fileID), []string{pdf}),
				chromedp.Click(chromedp.ID("f-consent")),
			)
			if w := eval[int](citizen, `document.documentElement.scrollWidth`); w > 412 {
				citizen.fatal("submission form is %d px wide on a 412 px screen", w)
			}
			if st := citizen.navigate(chromedp.Click(chromedp.CSS(`main form[enctype="multipart/form-data"] button[type=submit]`))); st != 200 {
				citizen.fatal("submit: %d", st)
			}
			code := strings.TrimSpace(citizen.text(".code"))
			private := strings.TrimSpace(citizen.text(".private a"))
			if !strings.HasPrefix(code, "XTN-") || !strings.Contains(private, "/ho-so-cua-toi/") {
				citizen.fatal("receipt: code %q, link %q", code, private)
			}

			// The desk officer receives it and hands it to the specialist.
			officer := newTab(t, browser, p.base, "motcua")
			officer.login("motcua", deskStaff["motcua"])
			officer.open("/quan-tri/ho-so?trang-thai=1")
			href := eval[string](officer, fmt.Sprintf(`[...document.querySelectorAll("td a")].find(a => a.textContent.trim() === %q)?.getAttribute("href") ?? ""`, code))
			if href == "" {
				officer.fatal("dossier %s not in the queue of new dossiers", code)
			}
			officer.open(href)
			if st := officer.navigate(chromedp.Click(chromedp.CSS(`form[aria-label="Tiếp nhận"] button`))); st != 200 {
				officer.fatal("receive: %d", st)
			}
			if s := officer.text("main"); !strings.Contains(s, "Trạng thái: Được tiếp nhận") || !strings.Contains(s, "Ngày hẹn trả") {
				officer.fatal("after receive")
			}
			specialist, err := p.st.UserByName(context.Background(), p.siteID, "chuyenvien")
			if err != nil {
				t.Fatal(err)
			}
			officer.do(chromedp.SetValue(chromedp.ID("cv-process"), fmt.Sprint(specialist.ID)))
			if st := officer.navigate(chromedp.Click(chromedp.CSS(`form[aria-label="Chuyển xử lý"] button`))); st != 200 {
				officer.fatal("process: %d", st)
			}
			if s := officer.text("main"); !strings.Contains(s, "Trạng thái: Đang xử lý") || !strings.Contains(s, "Phan Văn Đạt") {
				officer.fatal("after process")
			}

			// The specialist records the result.
			spec := newTab(t, browser, p.base, "chuyenvien")
			spec.login("chuyenvien", deskStaff["chuyenvien"])
			spec.open(href)
			spec.do(chromedp.SetUploadFiles(chromedp.ID("kq-finish"), []string{pdf}))
			if st := spec.navigate(chromedp.Click(chromedp.CSS(`form[aria-label="Đã xử lý xong"] button`))); st != 200 {
				spec.fatal("finish: %d", st)
			}
			if s := spec.text("main"); !strings.Contains(s, "Trạng thái: Đã xử lý xong") || !strings.Contains(s, "Kết quả: to-khai.pdf") {
				spec.fatal("after finish")
			}

			// The officer hands the result over.
			officer.open(href)
			if st := officer.navigate(chromedp.Click(chromedp.CSS(`form[aria-label="Trả kết quả"] button`))); st != 200 {
				officer.fatal("return: %d", st)
			}
			if s := officer.text("main"); !strings.Contains(s, "Trạng thái: Đã trả kết quả") {
				officer.fatal("after return")
			}

			// The citizen follows the private link.
			if st := citizen.navigate(chromedp.Navigate(private)); st != 200 {
				citizen.fatal("private page: %d", st)
			}
			if s := citizen.text("main"); !strings.Contains(s, "Đã trả kết quả") {
				citizen.fatal("private page does not say the result was returned")
			}
			d, err := p.st.DossierByCode(context.Background(), p.siteID, code)
			if err != nil || d.Status != dossier.Returned || d.ResultFile == "" {
				t.Fatalf("stored dossier: %v %+v", err, d)
			}
			for _, tb := range []*tab{citizen, officer, spec} {
				if pr := tb.Problems(); len(pr) > 0 {
					t.Errorf("%s: console problems: %v", tb.name, pr)
				}
			}
		})
	}
}
