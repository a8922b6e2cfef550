package web_test

import (
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/web"
)

// Marks a name already carries are not added again; the whole-site
// statistics are named after the site; the footer's "Sơ đồ trang" is an
// HTML page; a local --base-url is shown to the admin.
func TestLabelsSiteMapAndBaseURL(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		de.proc.Components = append(de.proc.Components, catalogue.Component{Name: "Văn bản ủy quyền (nếu có)", Copies: 1})
		if err := s.SaveProcedure(ctx, &de.proc); err != nil {
			t.Fatal(err)
		}
		old := catalogue.Unit{SiteID: de.site.ID, Code: "HTH", Name: "UBND huyện Tân Hòa (cũ)", Kind: "district", ValidTo: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)}
		if err := s.CreateUnit(ctx, &old); err != nil {
			t.Fatal(err)
		}
		form := de.fetch(t, "/nop-ho-so/"+de.proc.Slug)
		mustContain(t, form, "Văn bản ủy quyền (nếu có)", "Giấy ủy quyền (nếu nộp thay) (nếu có)")
		if strings.Contains(form.body, "(nếu có) (nếu có)") {
			t.Error("submission form doubles “(nếu có)”")
		}
		st := de.fetch(t, "/thong-ke")
		mustContain(t, st, "Ủy ban nhân dân huyện Thử Nghiệm (tất cả đơn vị)", "UBND huyện Tân Hòa (cũ)")
		if strings.Contains(st.body, "(cũ) (cũ)") || strings.Contains(st.body, "Toàn tỉnh") {
			t.Error("/thong-ke doubles “(cũ)” or says “Toàn tỉnh”")
		}

		home := de.fetch(t, "/")
		mustContain(t, home, `<a href="/so-do-trang">Sơ đồ trang</a>`)
		sm := de.fetch(t, "/so-do-trang")
		if sm.code != 200 || !strings.HasPrefix(sm.hdr.Get("Content-Type"), "text/html") {
			t.Fatalf("/so-do-trang: %d %s", sm.code, sm.hdr.Get("Content-Type"))
		}
		mustContain(t, sm, "<h1>Sơ đồ trang</h1>", `href="/chuyen-muc/cai-cach-hanh-chinh"`, "Cải cách hành chính", `href="/van-ban"`,
			`href="/thu-tuc"`, `href="/tra-cuu"`, `href="/gioi-thieu"`, `href="/lien-he"`)

		// The dashboard warns about a local base URL, not about a real one.
		e := de.env
		if b := e.adminBrowser(t); strings.Contains(b.get("/quan-tri").body, "Địa chỉ công khai chưa được đặt") {
			t.Error("warning shown with a public base URL")
		}
		proxies, _ := visit.ParseProxies("")
		local, err := web.New(web.Options{Store: s, Counter: e.counter, SiteID: e.site.ID, BaseURL: "http://localhost:8080",
			Proxies: proxies, Location: time.UTC, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Version: "test"})
		if err != nil {
			t.Fatal(err)
		}
		e.srv = local
		page := e.adminBrowser(t).get("/quan-tri")
		mustContain(t, page, "Địa chỉ công khai chưa được đặt", "--base-url")
	})
}

// The HTML site map lists the free-standing pages under /trang/ (a
// WordPress import's pages, Decree 42's other institutional texts) in
// Vietnamese alphabetical order, and only the site's own.
func TestSiteMapListsPages(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		sm := e.get("/so-do-trang")
		if sm.code != 200 || strings.Contains(sm.body, "Trang thông tin") {
			t.Fatalf("/so-do-trang without pages: %d, lists a pages group anyway", sm.code)
		}
		other, err := s.EnsureSite(ctx, news.Site{Slug: "khac", Name: "Cổng khác"})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.InTx(ctx, func(tx *store.Tx) error {
			for _, p := range []news.Page{
				{SiteID: e.site.ID, Title: "Quy chế hoạt động của cổng", Slug: "quy-che-hoat-dong"},
				{SiteID: e.site.ID, Title: "Đường dây nóng", Slug: "duong-day-nong"},
				{SiteID: e.site.ID, Title: "Chức năng, nhiệm vụ", Slug: "chuc-nang-nhiem-vu"},
				{SiteID: e.site.ID, Title: "", Slug: "khong-tieu-de"},
				{SiteID: other.ID, Title: "Trang của cổng khác", Slug: "cong-khac"},
			} {
				if err := tx.InsertPage(ctx, &p); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		sm = e.get("/so-do-trang")
		mustContain(t, sm, "Trang thông tin", `<a href="/trang/quy-che-hoat-dong">Quy chế hoạt động của cổng</a>`,
			`<a href="/trang/duong-day-nong">Đường dây nóng</a>`, `<a href="/trang/khong-tieu-de">khong-tieu-de</a>`)
		if strings.Contains(sm.body, "cong-khac") {
			t.Error("the site map lists another site's page")
		}
		// Vietnamese order: C < Đ < Q (byte order would put Đ last).
		c, d, q := strings.Index(sm.body, "/trang/chuc-nang"), strings.Index(sm.body, "/trang/duong-day"), strings.Index(sm.body, "/trang/quy-che")
		if !(c < d && d < q) {
			t.Errorf("pages not in Vietnamese order: %d %d %d", c, d, q)
		}
		for _, href := range []string{"/trang/quy-che-hoat-dong", "/trang/duong-day-nong"} {
			if r := e.get(href); r.code != 200 {
				t.Errorf("%s: %d", href, r.code)
			}
		}
	})
}
