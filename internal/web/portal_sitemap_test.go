package web_test

import (
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/catalogue"
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
