package partner_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/calendar"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/partner"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// Supplement requests, an apology and a withdrawal are events like the
// others: each is a sync row with its reason, and the ones that concern
// the applicant are texts (the apology with the new date).
func TestSyncAndSMSOfEveryKindOfEvent(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		s.SetPartners(store.Partners{Sync: true, SMS: true})
		k := newDesk(t, s)
		cal := calendar.New(dossier.Loc, calendar.DefaultOfficeHours(), nil)
		d := k.counter(t, "Mai Văn Nam", "0912345678", false, t0)
		d = k.move(t, d, dossier.ActProcess, t0.Add(time.Hour))
		mv := func(in dossier.Input) {
			t.Helper()
			in.ActorID, in.Actor = k.specialist, "Chuyên viên"
			next, err := s.MoveDossier(ctx, store.MoveRequest{Before: d, Input: in})
			if err != nil {
				t.Fatalf("%s: %v", in.Action, err)
			}
			d = next
		}
		mv(dossier.Input{Action: dossier.ActRequestSupplement, Who: dossier.Specialist, Now: t0.Add(2 * time.Hour), Note: "Thiếu bản sao sổ hộ khẩu"})
		mv(dossier.Input{Action: dossier.ActSupplemented, Who: dossier.Desk, Now: t0.Add(3 * time.Hour), Clock: cal})
		newDue := time.Date(2026, 3, 20, 9, 0, 0, 0, dossier.Loc)
		next, err := s.ApologiseDossier(ctx, d, dossier.ApologyInput{Who: dossier.Desk, ActorID: k.specialist, Actor: "Chuyên viên",
			Now: d.DueAt.Add(time.Hour), Reason: "Chờ ý kiến của cơ quan phối hợp", NewDue: newDue, Clock: cal,
			WorkingDay: func(time.Time) bool { return true }})
		if err != nil {
			t.Fatal(err)
		}
		d = next
		mv(dossier.Input{Action: dossier.ActWithdraw, Who: dossier.Citizen, Now: d.UpdatedAt.Add(time.Hour), Note: "Nộp nhầm"})

		syncRows := rows(t, s, k.site, partner.Sync)
		var kinds []string
		for i := len(syncRows) - 1; i >= 0; i-- {
			kinds = append(kinds, syncRows[i].Kind)
		}
		if got := strings.Join(kinds, " "); got != "receive process request_supplement supplemented apologise withdraw" {
			t.Fatalf("sync rows: %s", got)
		}
		var sup, apo, wd partner.SyncEvent
		json.Unmarshal([]byte(syncRows[3].Payload), &sup)
		json.Unmarshal([]byte(syncRows[1].Payload), &apo)
		json.Unmarshal([]byte(syncRows[0].Payload), &wd)
		if sup.Status != 5 || sup.Reason != "Thiếu bản sao sổ hộ khẩu" {
			t.Fatalf("supplement: %+v", sup)
		}
		if !apo.NewDueAt.Equal(newDue) || !strings.HasPrefix(apo.Reason, "Chờ ý kiến") {
			t.Fatalf("apology: %+v", apo)
		}
		if wd.Status != 7 || wd.FinishedAt.IsZero() {
			t.Fatalf("withdrawal: %+v", wd)
		}

		smsRows := rows(t, s, k.site, partner.SMS)
		kinds = nil
		for i := len(smsRows) - 1; i >= 0; i-- {
			kinds = append(kinds, smsRows[i].Kind)
		}
		if got := strings.Join(kinds, " "); got != "receive request_supplement apologise" {
			t.Fatalf("sms rows: %s", got)
		}
		txt, err := partner.SMSText(smsRows[0].Kind, smsRows[0].Payload, "", false)
		if err != nil || !strings.Contains(txt, "hẹn lại ngày 20/03/2026") {
			t.Fatalf("apology text %q %v", txt, err)
		}
	})
}
