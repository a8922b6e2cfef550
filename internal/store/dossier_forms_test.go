package store_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/calendar"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/forms"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func formKinds(t *testing.T, s *store.Store, id int64) string {
	t.Helper()
	fs, err := s.DossierForms(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range fs {
		out = append(out, f.Kind.Number())
	}
	return strings.Join(out, ",")
}

func workingDay(cal *calendar.Calendar) func(time.Time) bool {
	return func(t time.Time) bool { return cal.IsWorkingDay(calendar.DayOf(t, dossier.Loc)) }
}

// Each form is recorded by exactly the move that calls for it, with the
// snapshot of what it prints; moves that call for none record nothing.
func TestDossierFormsAtTheirTransitions(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newDeskFixture(t, s)
		cal := calendar.New(dossier.Loc, calendar.DefaultOfficeHours(), nil)
		recv := time.Date(2026, 3, 2, 9, 0, 0, 0, dossier.Loc) // Monday
		d := f.counter(t, s, f.unitA, "Nguyễn Thị Hoà", recv)
		if got := formKinds(t, s, d.ID); got != "01" {
			t.Fatalf("after counter entry: %q", got)
		}
		_, r, err := s.DossierFormData(ctx, d.ID, forms.Receipt, 0)
		if err != nil {
			t.Fatal(err)
		}
		if r.Code != d.Code || r.Unit != "Sở Tư pháp" || r.Procedure != "Thủ tục thử" || r.ProcTime != "3 ngày làm việc" ||
			r.Officer != "Cán bộ 0" || r.LookupPath != "/tra-cuu?ma="+d.Code || !r.ReceivedAt.Equal(recv) || !r.IssuedAt.Equal(recv) {
			t.Fatalf("form 01 snapshot: %+v", r)
		}
		move := func(in dossier.Input, want string) {
			t.Helper()
			in.Clock = cal
			var err error
			if d, err = s.MoveDossier(ctx, store.MoveRequest{Before: d, Input: in}); err != nil {
				t.Fatal(err)
			}
			if got := formKinds(t, s, d.ID); got != want {
				t.Fatalf("after %s: forms %q, want %q", in.Action, got, want)
			}
		}
		at := func(day, hour int) time.Time { return time.Date(2026, 3, day, hour, 0, 0, 0, dossier.Loc) }
		move(dossier.Input{Action: dossier.ActProcess, Who: dossier.Desk, Assignee: f.specialist.ID, Now: at(2, 10)}, "01")
		move(dossier.Input{Action: dossier.ActRequestSupplement, Who: dossier.Specialist, Note: "Thiếu bản sao giấy khai sinh", Now: at(2, 11), Actor: "Cán bộ 1"}, "01,02")
		_, sup, err := s.DossierFormData(ctx, d.ID, forms.Supplement, 0)
		if err != nil || sup.Reason != "Thiếu bản sao giấy khai sinh" || sup.Officer != "Cán bộ 1" {
			t.Fatalf("form 02: %+v %v", sup, err)
		}
		move(dossier.Input{Action: dossier.ActSupplemented, Who: dossier.Desk, Now: at(3, 9)}, "01,02")

		// Too early: more than a working day left.
		early := dossier.ApologyInput{Who: dossier.Desk, Actor: "Cán bộ 0", Now: at(3, 10), Reason: "Chờ xác minh", NewDue: at(10, 16), Clock: cal, WorkingDay: workingDay(cal)}
		if _, err := s.ApologiseDossier(ctx, d, early); !errors.Is(err, dossier.ErrForbiddenTransition) {
			t.Fatalf("apology with days left: %v", err)
		}
		now := d.DueAt.Add(-2 * time.Hour)
		ok := dossier.ApologyInput{Who: dossier.Desk, Actor: "Cán bộ 0", Now: now, Reason: "Chờ kết quả xác minh của công an xã", NewDue: at(10, 16), Clock: cal, WorkingDay: workingDay(cal)}
		for _, bad := range []struct {
			mod  func(*dossier.ApologyInput)
			kind error
		}{
			{func(in *dossier.ApologyInput) { in.Reason = "  " }, dossier.ErrNeedReason},
			{func(in *dossier.ApologyInput) { in.NewDue = now.Add(-time.Hour) }, dossier.ErrBadDate},
			{func(in *dossier.ApologyInput) { in.NewDue = at(7, 16) }, dossier.ErrBadDate}, // Saturday
			{func(in *dossier.ApologyInput) { in.Who = dossier.Citizen }, dossier.ErrNotAllowed},
		} {
			in := ok
			bad.mod(&in)
			if _, err := s.ApologiseDossier(ctx, d, in); !errors.Is(err, bad.kind) {
				t.Fatalf("bad apology: %v, want %v", err, bad.kind)
			}
		}
		stale := d
		stale.Version--
		if _, err := s.ApologiseDossier(ctx, stale, ok); !errors.Is(err, store.ErrStale) {
			t.Fatalf("stale apology: %v", err)
		}
		if got := formKinds(t, s, d.ID); got != "01,02" {
			t.Fatalf("refused apologies recorded forms: %q", got)
		}
		dueBefore := d.DueAt
		if d, err = s.ApologiseDossier(ctx, d, ok); err != nil {
			t.Fatal(err)
		}
		got, err := s.Dossier(ctx, f.site, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.ApologyCount != 1 || !got.NewDueAt.Equal(at(10, 16)) || !got.DueAt.Equal(dueBefore) || got.Status != dossier.Processing || got.Version != d.Version {
			t.Fatalf("after apology: %+v", got)
		}
		if kinds := formKinds(t, s, d.ID); kinds != "01,02,04" {
			t.Fatalf("after apology: %q", kinds)
		}
		_, ap, err := s.DossierFormData(ctx, d.ID, forms.Apology, 0)
		if err != nil || ap.Reason != "Chờ kết quả xác minh của công an xã" || !ap.NewDueAt.Equal(at(10, 16)) || !ap.DueAt.Equal(dueBefore) {
			t.Fatalf("form 04: %+v %v", ap, err)
		}
		evs, _ := s.DossierEvents(ctx, d.ID)
		last := evs[len(evs)-1]
		if last.Action != dossier.ActApologise || last.From != dossier.Processing || last.To != dossier.Processing || !strings.Contains(last.Note, "10/03/2026") {
			t.Fatalf("apology event: %+v", last)
		}

		move(dossier.Input{Action: dossier.ActFinish, Who: dossier.Specialist, ResultFile: "kq.pdf", Now: at(9, 15)}, "01,02,04")
		live, err := s.LiveControlForm(ctx, d, "x")
		if err != nil || len(live.Steps) != 6 || live.Steps[4].Action != "Xin lỗi, hẹn lại ngày trả kết quả" {
			t.Fatalf("live form 05: %+v %v", live, err)
		}
		move(dossier.Input{Action: dossier.ActReturn, Who: dossier.Desk, Now: at(10, 9)}, "01,02,04,05")
		_, ctl, err := s.DossierFormData(ctx, d.ID, forms.Control, 0)
		if err != nil || len(ctl.Steps) != 7 || ctl.Steps[6].To != "Đã trả kết quả" || ctl.Result != "Trễ hạn" {
			t.Fatalf("form 05: %+v %v", ctl, err)
		}
		if _, err := forms.Render(ctl, forms.Options{}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.DossierFormData(ctx, d.ID, forms.Refusal, 0); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("form 03 of a dossier never refused: %v", err)
		}

		// Online: submission records nothing, refusal records 03.
		o := dossier.Dossier{SiteID: f.site, ProcedureID: f.proc.ID, UnitID: f.unitB.ID, Channel: dossier.Online, Status: dossier.New,
			ApplicantName: "Lê Văn Tám", ApplicantPhone: "0987654321", SubmittedAt: at(2, 8)}
		if _, err := s.SubmitDossier(ctx, &o, nil); err != nil {
			t.Fatal(err)
		}
		if got := formKinds(t, s, o.ID); got != "" {
			t.Fatalf("online submission recorded %q", got)
		}
		o, _ = s.Dossier(ctx, f.site, o.ID)
		if _, err := s.MoveDossier(ctx, store.MoveRequest{Before: o, Input: dossier.Input{Action: dossier.ActRefuse, Who: dossier.Desk, Note: "Sai thẩm quyền", Now: at(2, 9)}}); err != nil {
			t.Fatal(err)
		}
		if got := formKinds(t, s, o.ID); got != "03" {
			t.Fatalf("refusal recorded %q", got)
		}
	})
}
