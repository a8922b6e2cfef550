package mail_test

import (
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/calendar"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// An apology (form 04) is not a status move, but it goes through the same
// in-transaction hook: the applicant gets one mail with the reason alone
// (not the note's date line) and the new date, and the officers nothing.
func TestApologyMail(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		srv := startSMTP(t, "congmail", "mật-khẩu:đúng")
		at := time.Date(2026, 3, 2, 8, 0, 0, 0, dossier.Loc)
		clk := &clock{t: at}
		w, _ := newWorker(s, srv.addr, "congmail", "mật-khẩu:đúng", clk.Now)

		d := f.counter(t, s, "Lê Thị Thuỷ", "thuy.le@dan.vn", at)
		now := d.DueAt.Add(-2 * time.Hour) // less than a working day left
		newDue, err := f.cal.Due(d.DueAt, 2, calendar.WorkingDays)
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.ApologiseDossier(ctx, d, dossier.ApologyInput{Who: dossier.Desk, Actor: "Cán bộ 0", Now: now,
			Reason: "Chờ kết quả xác minh của công an xã", NewDue: newDue, Clock: f.cal,
			WorkingDay: func(t time.Time) bool { return f.cal.IsWorkingDay(calendar.DayOf(t, dossier.Loc)) }})
		if err != nil {
			t.Fatal(err)
		}
		clk.Set(now.Add(time.Hour))
		// Receipt (counter entry) and apology.
		if res := runOnce(t, w); res.Sent != 2 {
			t.Fatalf("sent %+v, want the receipt and the apology", res)
		}
		var body string
		for _, m := range srv.messages() {
			if m.To[0] != "thuy.le@dan.vn" {
				t.Errorf("mail to %v", m.To)
			}
			if m.Subject == "Xin lỗi và hẹn lại ngày trả kết quả hồ sơ "+d.Code {
				body = m.Body
			}
		}
		wantDate := newDue.In(dossier.Loc).Format("02/01/2006")
		if !strings.Contains(body, "Chờ kết quả xác minh của công an xã") || !strings.Contains(body, "Ngày hẹn trả kết quả mới: ") ||
			!strings.Contains(body, wantDate) || strings.Contains(body, "Hẹn lại ngày trả kết quả:") {
			t.Fatalf("apology body:\n%s", body)
		}
	})
}
