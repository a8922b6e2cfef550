package store_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/calendar"
	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

type deskFixture struct {
	site       int64
	unitA      catalogue.Unit
	unitB      catalogue.Unit
	proc       catalogue.Procedure
	officer    store.UserRecord
	specialist store.UserRecord
}

func newDeskFixture(t *testing.T, s *store.Store) deskFixture {
	t.Helper()
	st := site(t, s)
	f := deskFixture{site: st.ID}
	f.unitA = catalogue.Unit{SiteID: st.ID, Code: "STP", Name: "Sở Tư pháp", Kind: catalogue.KindDepartment}
	f.unitB = catalogue.Unit{SiteID: st.ID, Code: "XHB", Name: "UBND xã Hòa Bình", Kind: catalogue.KindCommune}
	for _, u := range []*catalogue.Unit{&f.unitA, &f.unitB} {
		if err := s.CreateUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	f.proc = catalogue.Procedure{SiteID: st.ID, Code: "1.000001", Slug: "thu-tuc-thu", Name: "Thủ tục thử", Level: catalogue.LevelFull,
		TimeAmount: 3, TimeUnit: catalogue.TimeWorkingDays, Published: true, Units: []catalogue.Unit{{ID: f.unitA.ID}, {ID: f.unitB.ID}}}
	if err := s.SaveProcedure(ctx, &f.proc); err != nil {
		t.Fatal(err)
	}
	for i, u := range []*store.UserRecord{&f.officer, &f.specialist} {
		u.User = auth.User{SiteID: st.ID, Username: fmt.Sprintf("canbo%d", i), Name: fmt.Sprintf("Cán bộ %d", i), Role: auth.RoleOfficer}
		u.PasswordHash = "x"
		if err := s.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func (f deskFixture) counter(t *testing.T, s *store.Store, unit catalogue.Unit, name string, at time.Time) dossier.Dossier {
	t.Helper()
	d := dossier.Dossier{SiteID: f.site, ProcedureID: f.proc.ID, UnitID: unit.ID, Channel: dossier.Counter,
		ApplicantName: name, ApplicantIDNumber: "001090012345", ApplicantDOB: "1990-05-01", ApplicantPhone: "0912345678",
		ReceivedAt: at, DueAt: at.Add(72 * time.Hour), CreatedBy: f.officer.ID}
	if err := s.CreateCounterDossier(ctx, &d, "Cán bộ 0", nil); err != nil {
		t.Fatal(err)
	}
	got, err := s.Dossier(ctx, f.site, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// A dossier goes the whole way 2 → 4 → 5 → 4 → 6 → 4 → 9 → 10, each move
// one event, the clock paused and resumed through the real calendar.
func TestDossierLifecycle(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newDeskFixture(t, s)
		cal := calendar.New(dossier.Loc, calendar.DefaultOfficeHours(), nil)
		recv := time.Date(2026, 3, 2, 9, 0, 0, 0, dossier.Loc)
		d := f.counter(t, s, f.unitA, "Nguyễn Thị Hoà", recv)
		if d.Status != dossier.Received || d.Code != "STP-260302-0001" || d.UnitCode != "STP" || d.ProcedureName != "Thủ tục thử" {
			t.Fatalf("created: %+v", d)
		}
		steps := []dossier.Input{
			{Action: dossier.ActProcess, Who: dossier.Desk, Assignee: f.specialist.ID},
			{Action: dossier.ActRequestSupplement, Who: dossier.Specialist, Note: "Thiếu bản sao giấy khai sinh"},
			{Action: dossier.ActSupplemented, Who: dossier.Desk, Clock: cal},
			{Action: dossier.ActRequestFee, Who: dossier.Specialist},
			{Action: dossier.ActPaid, Who: dossier.Desk},
			{Action: dossier.ActFinish, Who: dossier.Specialist, ResultFile: "2026/03/abc"},
			{Action: dossier.ActReturn, Who: dossier.Desk},
		}
		now := recv
		for i, in := range steps {
			now = now.Add(2 * time.Hour)
			in.Now, in.ActorID, in.Actor = now, f.officer.ID, "Cán bộ 0"
			var files []store.DossierFile
			if in.Action == dossier.ActFinish {
				files = []store.DossierFile{{Kind: "result", Name: "ket-qua.pdf", StoredName: "2026/03/abc", Mime: "application/pdf", Size: 10, SHA256: "00"}}
			}
			next, err := s.MoveDossier(ctx, store.MoveRequest{Before: d, Input: in, Files: files})
			if err != nil {
				t.Fatalf("step %d %s: %v", i, in.Action, err)
			}
			got, err := s.Dossier(ctx, f.site, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Status != next.Status || got.Version != d.Version+1 || !got.DueAt.Equal(next.DueAt) || got.SupplementCount != next.SupplementCount {
				t.Fatalf("step %d: stored %+v, want %+v", i, got, next)
			}
			d = got
		}
		if d.Status != dossier.Returned || d.AssigneeID != f.specialist.ID || d.AssigneeName != "Cán bộ 1" || d.ResultFile != "2026/03/abc" ||
			d.PausedTotal != 90*time.Minute /* 13:00–15:00 less lunch */ || d.SupplementCount != 1 || d.ReturnedAt.IsZero() || d.FinishedAt.IsZero() {
			t.Fatalf("final: %+v", d)
		}
		if c := dossier.Classify(&d, now, cal); c != dossier.Early {
			t.Fatalf("classified %v", c)
		}
		evs, err := s.DossierEvents(ctx, d.ID)
		if err != nil || len(evs) != len(steps)+1 {
			t.Fatalf("events: %v %d", err, len(evs))
		}
		if evs[2].Action != dossier.ActRequestSupplement || evs[2].From != dossier.Processing || evs[2].To != dossier.Supplement || evs[2].Note != "Thiếu bản sao giấy khai sinh" || evs[2].ActorID != f.officer.ID {
			t.Fatalf("supplement event: %+v", evs[2])
		}
		files, err := s.DossierFiles(ctx, d.ID)
		if err != nil || len(files) != 1 || files[0].Kind != "result" {
			t.Fatalf("files: %v %+v", err, files)
		}
	})
}

func TestDossierMoveRefusals(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newDeskFixture(t, s)
		d := f.counter(t, s, f.unitA, "Trần Văn Bình", time.Now())
		// Forbidden from the current status: nothing written.
		if _, err := s.MoveDossier(ctx, store.MoveRequest{Before: d, Input: dossier.Input{Action: dossier.ActReturn, Who: dossier.Admin, Now: time.Now()}}); !errors.Is(err, dossier.ErrForbiddenTransition) {
			t.Fatalf("return from 2: %v", err)
		}
		// Reason required for stop.
		if _, err := s.MoveDossier(ctx, store.MoveRequest{Before: d, Input: dossier.Input{Action: dossier.ActStop, Who: dossier.Desk, Now: time.Now()}}); !errors.Is(err, dossier.ErrNeedReason) {
			t.Fatalf("stop without reason: %v", err)
		}
		// Two officers act on the same version: the second is stale.
		if _, err := s.MoveDossier(ctx, store.MoveRequest{Before: d, Input: dossier.Input{Action: dossier.ActStop, Who: dossier.Desk, Now: time.Now(), Note: "Hồ sơ giả mạo"}}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.MoveDossier(ctx, store.MoveRequest{Before: d, Input: dossier.Input{Action: dossier.ActProcess, Who: dossier.Desk, Now: time.Now(), Assignee: f.specialist.ID}}); !errors.Is(err, store.ErrStale) {
			t.Fatalf("stale move: %v", err)
		}
		got, _ := s.Dossier(ctx, f.site, d.ID)
		evs, _ := s.DossierEvents(ctx, d.ID)
		if got.Status != dossier.Stopped || len(evs) != 2 {
			t.Fatalf("after refusals: status %d, %d events", got.Status, len(evs))
		}
	})
}

func TestDossierQueueScopingAndSearch(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newDeskFixture(t, s)
		now := time.Now()
		a1 := f.counter(t, s, f.unitA, "Lê Thị Thuỷ", now.Add(-48*time.Hour))
		f.counter(t, s, f.unitA, "Phạm Đức Anh", now.Add(-72*time.Hour))
		b1 := f.counter(t, s, f.unitB, "Đỗ Văn Hùng", now)
		if err := s.SetUserUnits(ctx, f.site, f.officer.ID, []int64{f.unitA.ID}); err != nil {
			t.Fatal(err)
		}
		ids, err := s.UserUnitIDs(ctx, f.officer.ID)
		if err != nil || len(ids) != 1 || ids[0] != f.unitA.ID {
			t.Fatalf("units: %v %v", err, ids)
		}
		list, total, err := s.DossierQueue(ctx, store.QueueFilter{SiteID: f.site, UnitIDs: ids})
		if err != nil || total != 2 || len(list) != 2 {
			t.Fatalf("unit A queue: %v %d", err, total)
		}
		if list[0].ApplicantName != "Phạm Đức Anh" {
			t.Fatalf("not sorted by appointment: %s first", list[0].ApplicantName)
		}
		for _, d := range list {
			if d.UnitID != f.unitA.ID {
				t.Fatalf("unit B dossier %s leaked into unit A's queue", d.Code)
			}
		}
		if _, total, _ := s.DossierQueue(ctx, store.QueueFilter{SiteID: f.site}); total != 0 {
			t.Fatalf("officer without units sees %d dossiers", total)
		}
		if _, total, _ := s.DossierQueue(ctx, store.QueueFilter{SiteID: f.site, AllUnits: true}); total != 3 {
			t.Fatalf("admin sees %d dossiers", total)
		}
		for q, want := range map[string]int{"thuy": 1, "Thủy": 1, "001090012345": 2, a1.Code: 1, "stp-": 2, b1.Code: 0, "%": 0} {
			_, n, err := s.DossierQueue(ctx, store.QueueFilter{SiteID: f.site, UnitIDs: ids, Query: q})
			if err != nil || n != want {
				t.Errorf("search %q: %d, want %d (%v)", q, n, want, err)
			}
		}
		counts, err := s.DossierCounts(ctx, store.QueueFilter{SiteID: f.site, UnitIDs: ids, Status: dossier.Refused})
		if err != nil || counts[dossier.Received] != 2 || counts[dossier.Refused] != 0 {
			t.Fatalf("counts: %v %v", err, counts)
		}
		offs, err := s.Officers(ctx, f.site)
		if err != nil || len(offs) != 2 || len(offs[0].UnitIDs) != 1 || len(offs[1].UnitIDs) != 0 {
			t.Fatalf("officers: %v %+v", err, offs)
		}
		// Closed dossiers go after the ones still being worked on.
		if _, err := s.MoveDossier(ctx, store.MoveRequest{Before: list[0], Input: dossier.Input{Action: dossier.ActStop, Who: dossier.Desk, Now: now, Note: "Dừng thử"}}); err != nil {
			t.Fatal(err)
		}
		list, _, _ = s.DossierQueue(ctx, store.QueueFilter{SiteID: f.site, UnitIDs: ids})
		if list[0].ApplicantName != "Lê Thị Thuỷ" || list[1].Status != dossier.Stopped {
			t.Fatalf("closed dossier not last: %s first", list[0].ApplicantName)
		}
		// A unit of another site cannot be assigned.
		if err := s.SetUserUnits(ctx, f.site+1000, f.officer.ID, []int64{f.unitB.ID}); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("foreign site: %v", err)
		}
	})
}

// Counter entries of one unit and day, made concurrently, get consecutive
// numbers with no duplicate.
func TestCounterCodesConcurrent(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newDeskFixture(t, s)
		at := time.Date(2026, 4, 1, 10, 0, 0, 0, dossier.Loc)
		const n = 12
		var wg sync.WaitGroup
		codes := make(chan string, n)
		errs := make(chan error, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				d := dossier.Dossier{SiteID: f.site, ProcedureID: f.proc.ID, UnitID: f.unitB.ID, Channel: dossier.Post,
					ApplicantName: fmt.Sprintf("Người %d", i), ReceivedAt: at, DueAt: at.Add(time.Hour)}
				if err := s.CreateCounterDossier(ctx, &d, "x", nil); err != nil {
					errs <- err
					return
				}
				codes <- d.Code
			}()
		}
		wg.Wait()
		close(codes)
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for c := range codes {
			seen[c] = true
		}
		for i := 1; i <= n; i++ {
			if c := fmt.Sprintf("XHB-260401-%04d", i); !seen[c] {
				t.Fatalf("missing %s in %v", c, seen)
			}
		}
	})
}
