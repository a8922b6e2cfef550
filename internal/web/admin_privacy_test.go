package web_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// The retention setting: off by default, set by an admin (audited), and
// the erasure it drives leaves the public dossier statistics exactly as
// they were.
func TestRetentionSettingKeepsPublicStatistics(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newStatsEnv(t, s)
		// Returned dossiers, so the retention applies to them.
		if _, err := s.DB().Exec(`UPDATE dossiers SET status = 10, returned_at = finished_at, applicant_id_number = '001190012345'`); err != nil {
			t.Fatal(err)
		}
		a := e.adminBrowser(t)
		wantCode(t, "settings link", a.get("/quan-tri/cai-dat"), http.StatusOK, "/quan-tri/cai-dat/du-lieu-ca-nhan")
		wantCode(t, "form", a.get("/quan-tri/cai-dat/du-lieu-ca-nhan"), http.StatusOK, "Thời hạn lưu dữ liệu cá nhân", `value="0"`)
		for _, bad := range []string{"-1", "abc", "601", "1.5"} {
			wantCode(t, "bad "+bad, a.post("/quan-tri/cai-dat/du-lieu-ca-nhan", url.Values{"months": {bad}}), http.StatusUnprocessableEntity, "số tháng nguyên")
		}
		if n, _ := s.RetentionMonths(ctx, e.site.ID); n != 0 {
			t.Fatalf("a bad value was saved: %d", n)
		}

		queries := []string{"unit=STP&period=2026-09", "unit=STP&period=2026-Q3", "unit=PHC&period=2026", "period=2026-09"}
		before := map[string]string{}
		for _, q := range queries {
			r, _ := getStats(t, e, q)
			before[q] = r.body
		}
		wantCode(t, "save", a.post("/quan-tri/cai-dat/du-lieu-ca-nhan", url.Values{"months": {"3"}}), http.StatusSeeOther)
		if n, _ := s.RetentionMonths(ctx, e.site.ID); n != 3 {
			t.Fatalf("saved %d", n)
		}
		if log, _ := s.AuditLog(ctx, store.AuditFilter{SiteID: e.site.ID, Action: "site.retention"}); len(log) != 1 {
			t.Fatalf("audit %+v", log)
		}
		res, err := s.ErasePersonalData(ctx, time.Now().AddDate(1, 0, 0), t.TempDir())
		if err != nil || res.Dossiers != 3 {
			t.Fatalf("erased %+v %v", res, err)
		}
		var left int
		s.DB().QueryRow(`SELECT COUNT(*) FROM dossiers WHERE applicant_name <> '' OR applicant_id_number <> ''`).Scan(&left)
		if left != 0 {
			t.Fatalf("%d dossiers keep personal data", left)
		}
		for _, q := range queries {
			if r, _ := getStats(t, e, q); r.body != before[q] {
				t.Errorf("%s changed:\n%s\n%s", q, before[q], r.body)
			}
		}
	})
}
