package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func TestAuditLogPage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "bientap", auth.RoleEditor)
		hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
		// Entries on known days (+07:00): 120 article edits by bientap on
		// 3 March 2026, a failed login on 4 March just before midnight.
		for i := 0; i < 120; i++ {
			if err := s.Audit(ctx, store.AuditEntry{SiteID: e.site.ID, At: time.Date(2026, 3, 3, 8, 0, i, 0, hcm), Username: "bientap",
				Action: "article.update", ObjectType: "article", ObjectID: e.arts[0].ID, Detail: fmt.Sprintf("Lần sửa %03d", i), IP: "10.0.0.7"}); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Audit(ctx, store.AuditEntry{SiteID: e.site.ID, At: time.Date(2026, 3, 4, 23, 59, 0, 0, hcm), Username: "khach",
			Action: "login.failed", IP: "203.0.113.9"}); err != nil {
			t.Fatal(err)
		}
		a := e.adminBrowser(t) // logs "login" today

		r := a.get("/quan-tri/nhat-ky")
		wantCode(t, "page", r, http.StatusOK, "Nhật ký hệ thống", "(122)", "Đăng nhập", "quantri", "Sửa bài viết", "Lần sửa 119", "10.0.0.7",
			fmt.Sprintf(`href="/quan-tri/bai-viet/%d"`, e.arts[0].ID), "03/03/2026 08:01:59", "Trang 1 / 3", "Đăng nhập thất bại")
		if strings.Contains(r.body, "Lần sửa 071") {
			t.Error("page 1 shows more than 50 entries")
		}
		// Read-only: no form on the page posts anything.
		if strings.Contains(r.body, `method="post" action="/quan-tri/nhat-ky`) {
			t.Error("the audit page has a POST form")
		}
		r = a.get("/quan-tri/nhat-ky?trang=3")
		wantCode(t, "page 3", r, http.StatusOK, "Lần sửa 000", "Trang 3 / 3", "‹ Mới hơn")
		wantCode(t, "bad page", a.get("/quan-tri/nhat-ky?trang=abc"), http.StatusBadRequest)

		// Filters: user, action, dates (date input and dd/mm/yyyy).
		r = a.get("/quan-tri/nhat-ky?nguoi-dung=KHACH")
		wantCode(t, "by user", r, http.StatusOK, "(1)", "203.0.113.9", `value="khach"`)
		if strings.Contains(r.body, "Lần sửa") {
			t.Error("user filter")
		}
		r = a.get("/quan-tri/nhat-ky?hanh-dong=login")
		wantCode(t, "by action", r, http.StatusOK, "(1)", "quantri")
		if strings.Contains(r.body, "khach") && strings.Contains(r.body, "203.0.113.9") {
			t.Error("action filter matched login.failed")
		}
		wantCode(t, "by day", a.get("/quan-tri/nhat-ky?tu-ngay=2026-03-04&den-ngay=2026-03-04"), http.StatusOK, "(1)", "04/03/2026 23:59:00")
		r = a.get("/quan-tri/nhat-ky?tu-ngay=" + url.QueryEscape("03/03/2026") + "&den-ngay=" + url.QueryEscape("3/3/2026") + "&nguoi-dung=bientap&hanh-dong=article.update")
		wantCode(t, "vn dates", r, http.StatusOK, "(120)", `value="2026-03-03"`, "Trang 1 / 3")
		wantCode(t, "pager keeps filters", r, http.StatusOK, "nguoi-dung=bientap", "tu-ngay=2026-03-03", "trang=2")
		wantCode(t, "bad date", a.get("/quan-tri/nhat-ky?tu-ngay=31/02/2026"), http.StatusOK, "Ngày bắt đầu không hợp lệ", "(122)")
		wantCode(t, "reversed", a.get("/quan-tri/nhat-ky?tu-ngay=2026-03-05&den-ngay=2026-03-01"), http.StatusOK, "Ngày bắt đầu sau ngày kết thúc", "(0)", "Không có mục nào phù hợp.")
		// The count agrees with the list on both engines.
		n, err := s.AuditCount(ctx, store.AuditFilter{SiteID: e.site.ID, Username: "bientap", From: time.Date(2026, 3, 3, 0, 0, 0, 0, hcm)})
		if err != nil || n != 120 {
			t.Fatalf("count %d %v", n, err)
		}
		// There is no way to change the log over HTTP.
		for _, m := range []string{"POST", "PUT", "DELETE"} {
			req, _ := http.NewRequest(m, a.base+"/quan-tri/nhat-ky", strings.NewReader(url.Values{"csrf": {a.csrf}}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			res, err := a.c.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode < 400 {
				t.Errorf("%s /quan-tri/nhat-ky: %d", m, res.StatusCode)
			}
		}
		if total, _ := s.AuditCount(ctx, store.AuditFilter{SiteID: e.site.ID}); total != 122 {
			t.Errorf("entries: %d", total)
		}
		// Editors may not read it.
		ed := e.browser(t)
		ed.login("bientap")
		wantCode(t, "editor", ed.get("/quan-tri/nhat-ky?nguoi-dung=quantri"), http.StatusForbidden)
	})
}
