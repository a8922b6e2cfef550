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
	"github.com/congportal/cong/internal/mail"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// The outbox page shows admins each notification with its state and last
// error, lets them queue a failed one again, and is closed to officers.
func TestMailOutboxAdmin(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		at := time.Now().Add(-time.Hour)
		d := dossier.Dossier{SiteID: de.site.ID, ProcedureID: de.proc.ID, UnitID: de.unit.ID, Channel: dossier.Counter,
			ApplicantName: "Đỗ Thị Lan", ApplicantIDNumber: "001090012345", ApplicantDOB: "1990-05-01", ApplicantPhone: "0912345678",
			ApplicantEmail: "lan.do@dan.vn", ReceivedAt: at, DueAt: at.Add(72 * time.Hour)}
		if err := s.CreateCounterDossier(ctx, &d, "Cán bộ", nil); err != nil {
			t.Fatal(err)
		}
		ids, err := s.DueMail(ctx, time.Now(), 10)
		if err != nil || len(ids) != 1 {
			t.Fatalf("queued: %v %v", ids, err)
		}
		if _, ok, err := s.ClaimMail(ctx, ids[0], "w", time.Now(), time.Now().Add(time.Minute)); !ok || err != nil {
			t.Fatalf("claim: %v %v", ok, err)
		}
		if err := s.MailFailed(ctx, ids[0], "w", "RCPT TO: 550 5.1.1 hộp thư không tồn tại", time.Now(), true); err != nil {
			t.Fatal(err)
		}

		de.addUser(t, "canbo", auth.RoleOfficer)
		off := de.browser(t)
		off.login("canbo")
		if r := off.get("/quan-tri/thu-dien-tu"); r.code != http.StatusForbidden {
			t.Fatalf("officer: %d", r.code)
		}

		b := de.adminBrowser(t)
		r := b.get("/quan-tri/thu-dien-tu")
		if r.code != http.StatusOK {
			t.Fatalf("list: %d %s", r.code, r.body)
		}
		for _, want := range []string{"Hồ sơ " + d.Code + " đã được tiếp nhận", "lan.do@dan.vn", "Gửi thất bại", "hộp thư không tồn tại", "Gửi lại"} {
			if !strings.Contains(r.body, want) {
				t.Errorf("list lacks %q", want)
			}
		}
		if r := b.get("/quan-tri/thu-dien-tu?trang-thai=bogus"); r.code != http.StatusBadRequest || !strings.Contains(r.body, "Trạng thái thư không hợp lệ") {
			t.Errorf("bad filter: %d", r.code)
		}
		if r := b.get("/quan-tri/thu-dien-tu?trang-thai=sent"); r.code != http.StatusOK || strings.Contains(r.body, "lan.do@dan.vn") {
			t.Errorf("sent filter shows the failed row: %d", r.code)
		}
		path := "/quan-tri/thu-dien-tu/" + strconv.FormatInt(ids[0], 10) + "/gui-lai"
		if r := off.post(path, url.Values{}); r.code != http.StatusForbidden {
			t.Errorf("officer requeue: %d", r.code)
		}
		if r := b.post(path, url.Values{}); r.code != http.StatusSeeOther {
			t.Fatalf("requeue: %d %s", r.code, r.body)
		}
		items, _, err := s.Outbox(ctx, store.OutboxFilter{SiteID: de.site.ID})
		if err != nil || len(items) != 1 || items[0].Status != mail.StatusQueued {
			t.Fatalf("after requeue: %+v %v", items, err)
		}
		if r := b.post(path, url.Values{}); r.code != http.StatusConflict {
			t.Errorf("second requeue: %d", r.code)
		}
		if r := b.post("/quan-tri/thu-dien-tu/abc/gui-lai", url.Values{}); r.code != http.StatusNotFound {
			t.Errorf("bad id: %d", r.code)
		}
		if acts := auditActions(t, s, de.site.ID); !strings.Contains(acts, "mail.requeue") {
			t.Errorf("requeue not audited: %s", acts)
		}
	})
}
