package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/partner"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// The Đồng bộ page shows admins the partner queue per channel and state,
// lets them retry a dead row or every dead row (audited), is closed to
// officers; /metrics carries the depth.
func TestPartnerOutboxAdmin(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		s.SetPartners(store.Partners{Sync: true, SMS: true})
		de := newDeskEnv(t, s)
		at := time.Now().Add(-time.Hour)
		d := dossier.Dossier{SiteID: de.site.ID, ProcedureID: de.proc.ID, UnitID: de.unit.ID, Channel: dossier.Counter,
			ApplicantName: "Đỗ Thị Lan", ApplicantIDNumber: "001090012345", ApplicantDOB: "1990-05-01", ApplicantPhone: "0912345678",
			ReceivedAt: at, DueAt: at.Add(72 * time.Hour)}
		if err := s.CreateCounterDossier(ctx, &d, "Cán bộ", nil); err != nil {
			t.Fatal(err)
		}
		// The sync row goes dead after one refused attempt.
		now := time.Now()
		ids, err := s.DuePartner(ctx, partner.Sync, now, 10)
		if err != nil || len(ids) != 1 {
			t.Fatalf("queued: %v %v", ids, err)
		}
		if _, ok, err := s.ClaimPartner(ctx, ids[0], "w", now, now.Add(time.Minute)); !ok || err != nil {
			t.Fatalf("claim: %v %v", ok, err)
		}
		if err := s.PartnerFailed(ctx, ids[0], "w", "đối tác trả lời HTTP 503: bảo trì", now, true); err != nil {
			t.Fatal(err)
		}

		de.addUser(t, "canbo", auth.RoleOfficer)
		off := de.browser(t)
		off.login("canbo")
		if r := off.get("/quan-tri/dong-bo"); r.code != http.StatusForbidden {
			t.Fatalf("officer: %d", r.code)
		}
		b := de.adminBrowser(t)
		r := b.get("/quan-tri/dong-bo")
		if r.code != http.StatusOK {
			t.Fatalf("list: %d %s", r.code, r.body)
		}
		for _, want := range []string{"Đồng bộ Cổng DVC quốc gia", "Tin nhắn SMS", "Ngừng thử (cần xử lý)", "HTTP 503: bảo trì",
			"Gửi lại 1 sự kiện ngừng thử", "••••••••678", "Tiếp nhận"} {
			if !strings.Contains(r.body, want) {
				t.Errorf("list lacks %q", want)
			}
		}
		if strings.Contains(r.body, "84912345678") {
			t.Error("the list shows the whole phone number")
		}
		if r := b.get("/quan-tri/dong-bo?trang-thai=bogus"); r.code != http.StatusBadRequest || !strings.Contains(r.body, "Trạng thái không hợp lệ") {
			t.Errorf("bad filter: %d", r.code)
		}
		if r := b.get("/quan-tri/dong-bo?kenh=sms&trang-thai=dead"); r.code != http.StatusOK || strings.Contains(r.body, "HTTP 503") {
			t.Errorf("filter shows the sync row: %d", r.code)
		}
		m := de.localGet("/metrics")
		for _, want := range []string{`cong_partner_outbox_rows{channel="sync",state="dead"} 1`, `cong_partner_outbox_rows{channel="sms",state="pending"} 1`} {
			if !strings.Contains(m.body, want) {
				t.Errorf("metrics lack %s", want)
			}
		}

		path := "/quan-tri/dong-bo/" + strconv.FormatInt(ids[0], 10) + "/gui-lai"
		if r := off.post(path, url.Values{}); r.code != http.StatusForbidden {
			t.Errorf("officer retry: %d", r.code)
		}
		if r := b.post(path, url.Values{}); r.code != http.StatusSeeOther {
			t.Fatalf("retry: %d %s", r.code, r.body)
		}
		items, _, err := s.PartnerOutbox(ctx, store.PartnerFilter{SiteID: de.site.ID, Channel: partner.Sync})
		if err != nil || len(items) != 1 || items[0].Status != partner.StatusPending || items[0].Attempts != 0 {
			t.Fatalf("after retry: %+v %v", items, err)
		}
		if r := b.post(path, url.Values{}); r.code != http.StatusConflict {
			t.Errorf("second retry: %d", r.code)
		}
		if r := b.post("/quan-tri/dong-bo/gui-lai-tat-ca", url.Values{"kenh": {"fax"}}); r.code != http.StatusBadRequest {
			t.Errorf("bad channel: %d", r.code)
		}
		if r := b.post("/quan-tri/dong-bo/gui-lai-tat-ca", url.Values{"kenh": {"sync"}}); r.code != http.StatusSeeOther {
			t.Errorf("retry all: %d", r.code)
		}
		if acts := auditActions(t, s, de.site.ID); !strings.Contains(acts, "partner.retry") || !strings.Contains(acts, "partner.retry_dead") {
			t.Errorf("retries not audited: %s", acts)
		}
	})
}
