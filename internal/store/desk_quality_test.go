package store_test

import (
	"errors"
	"testing"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/dossierstats"
	"github.com/congportal/cong/internal/rating"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// dossierID finds an inserted historical dossier by its code.
func dossierID(t *testing.T, s *store.Store, site int64, code string) int64 {
	t.Helper()
	d, err := s.DossierByCode(ctx, site, code)
	if err != nil {
		t.Fatalf("dossier %s: %v", code, err)
	}
	return d.ID
}

// Satisfaction reads the citizens' ratings and the officers' complaints:
// three dossiers finished on time, one rated "không hài lòng", one
// complained about, one neither; a fourth late and complained about counts
// once.
func TestDossierStatsSatisfaction(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newStatsFixture(t, s)
		now := vn(2026, 10, 20, 10, 0)
		oct := dossierstats.MonthOf(2026, 10)
		var ds []store.HistoricalDossier
		for i := range 4 {
			fin := vn(2026, 10, 5, 9, 0)
			if i == 3 {
				fin = vn(2026, 10, 9, 9, 0) // after the appointment: late
			}
			ds = append(ds, f.dossier(f.root, f.procOnline, dossier.Dossier{Status: dossier.Returned, ReceivedAt: vn(2026, 10, 1, 9, 0),
				DueAt: vn(2026, 10, 6, 16, 0), FinishedAt: fin, ReturnedAt: vn(2026, 10, 9, 10, 0)}))
		}
		if err := s.InsertHistoricalDossiers(ctx, ds); err != nil {
			t.Fatal(err)
		}
		ids := make([]int64, len(ds))
		for i, h := range ds {
			ids[i] = dossierID(t, s, f.site, h.Code)
		}
		bad := rating.Rating{DossierID: ids[0], SiteID: f.site, Scores: map[string]rating.Level{
			rating.Overall: rating.Dissatisfied, rating.Time: 3, rating.Visits: 3, rating.Attitude: 3, rating.Clarity: 3}}
		good := rating.Rating{DossierID: ids[2], SiteID: f.site, Scores: map[string]rating.Level{
			rating.Overall: rating.VerySatisfied, rating.Time: 5, rating.Visits: 5, rating.Attitude: 5, rating.Clarity: 5}}
		for _, r := range []*rating.Rating{&bad, &good} {
			if err := s.CreateRating(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		for _, id := range []int64{ids[1], ids[3]} {
			c := store.Complaint{DossierID: id, Kind: store.ComplaintFeedback, Content: "Cán bộ hẹn lại nhiều lần"}
			if err := s.AddComplaint(ctx, f.site, &c); err != nil {
				t.Fatal(err)
			}
		}
		got := statsFor(t, s, f, oct, now, f.root.ID)
		if got.Finished() != 4 || got.Late != 1 || got.RatedBad != 1 || got.Complained != 2 || got.Dissatisfied != 3 {
			t.Fatalf("counts %+v", got)
		}
		// (4 finished − 3 late, complained or rated badly) / 4; the on-time
		// rate alone would be 3/4.
		if got.Satisfaction() != (dossierstats.Figure{Num: 1, Den: 4}) {
			t.Errorf("satisfaction %+v", got.Satisfaction())
		}
		// Bad input is refused with a message, and a foreign dossier is not found.
		if err := s.AddComplaint(ctx, f.site, &store.Complaint{DossierID: ids[0], Kind: store.ComplaintPetition, Content: "  "}); !errors.Is(err, store.ErrComplaint) {
			t.Errorf("empty content: %v", err)
		}
		if err := s.AddComplaint(ctx, f.site, &store.Complaint{DossierID: ids[0], Kind: "khieu_nai", Content: "x"}); !errors.Is(err, store.ErrComplaint) {
			t.Errorf("bad kind: %v", err)
		}
		if err := s.AddComplaint(ctx, f.site+1000, &store.Complaint{DossierID: ids[0], Kind: store.ComplaintPetition, Content: "x"}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("other site: %v", err)
		}
		cs, err := s.Complaints(ctx, ids[1])
		if err != nil || len(cs) != 1 || cs[0].KindLabel() != "Phản ánh" {
			t.Errorf("complaints %+v %v", cs, err)
		}
	})
}

// Whether a procedure counted as online is what it was when the dossier
// was received: switching the procedure off later changes nothing, and a
// dossier received after the switch is not eligible.
func TestDossierStatsOnlineLevelAtReceipt(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newStatsFixture(t, s)
		now := vn(2026, 10, 20, 10, 0)
		oct := dossierstats.MonthOf(2026, 10)
		before := f.dossier(f.root, f.procOnline, dossier.Dossier{Status: dossier.Received, ReceivedAt: vn(2026, 10, 1, 9, 0),
			DueAt: vn(2026, 10, 26, 16, 0), Channel: dossier.Online})
		if err := s.InsertHistoricalDossiers(ctx, []store.HistoricalDossier{before}); err != nil {
			t.Fatal(err)
		}
		f.procOnline.Level = catalogue.LevelNone
		if err := s.SaveProcedure(ctx, &f.procOnline); err != nil {
			t.Fatal(err)
		}
		// A counter dossier received now, through the real store function.
		d := dossier.Dossier{SiteID: f.site, ProcedureID: f.procOnline.ID, UnitID: f.root.ID, Channel: dossier.Counter,
			ApplicantName: "Trần Văn B", ReceivedAt: vn(2026, 10, 2, 9, 0), DueAt: vn(2026, 10, 27, 16, 0)}
		if err := s.CreateCounterDossier(ctx, &d, "Cán bộ", nil); err != nil {
			t.Fatal(err)
		}
		got := statsFor(t, s, f, oct, now, f.root.ID)
		if got.New != 2 || got.Eligible != 1 || got.EligibleOnline != 1 {
			t.Errorf("eligible must be frozen at receipt: %+v", got)
		}
		// Turning it back on does not make the counter dossier eligible.
		f.procOnline.Level = catalogue.LevelFull
		if err := s.SaveProcedure(ctx, &f.procOnline); err != nil {
			t.Fatal(err)
		}
		if got := statsFor(t, s, f, oct, now, f.root.ID); got.Eligible != 1 {
			t.Errorf("after switching back: %+v", got)
		}
	})
}

// Digitisation: an online dossier is digitised from the start; a counter
// dossier once every required component is marked scanned; a result once
// marked electronic. Marking twice changes nothing.
func TestDossierDigitisation(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newStatsFixture(t, s)
		f.procOffline.Components = []catalogue.Component{{Name: "Tờ khai", Required: true}, {Name: "Bản sao CCCD", Required: true}, {Name: "Giấy ủy quyền", Required: false}}
		if err := s.SaveProcedure(ctx, &f.procOffline); err != nil {
			t.Fatal(err)
		}
		proc, err := s.ProcedureByID(ctx, f.site, f.procOffline.ID)
		if err != nil || len(proc.Components) != 3 {
			t.Fatalf("components %+v %v", proc.Components, err)
		}
		d := dossier.Dossier{SiteID: f.site, ProcedureID: proc.ID, UnitID: f.root.ID, Channel: dossier.Counter,
			ApplicantName: "Lê Thị C", ReceivedAt: vn(2026, 10, 2, 9, 0), DueAt: vn(2026, 10, 7, 16, 0)}
		if err := s.CreateCounterDossier(ctx, &d, "Cán bộ", nil); err != nil {
			t.Fatal(err)
		}
		oct := dossierstats.MonthOf(2026, 10)
		now := vn(2026, 10, 20, 10, 0)
		if got := statsFor(t, s, f, oct, now, 0); got.New != 1 || got.Digitised != 0 {
			t.Fatalf("before: %+v", got)
		}
		// One required component: not yet digitised.
		if err := s.MarkDigitised(ctx, f.site, d.ID, []int64{proc.Components[0].ID}, false, 0, now); err != nil {
			t.Fatal(err)
		}
		if got := statsFor(t, s, f, oct, now, 0); got.Digitised != 0 {
			t.Errorf("half scanned counted: %+v", got)
		}
		// A component of another procedure is ignored.
		if err := s.MarkDigitised(ctx, f.site, d.ID, []int64{proc.Components[1].ID, proc.Components[1].ID + 1000}, false, 0, now); err != nil {
			t.Fatal(err)
		}
		dg, err := s.DossierDigitisation(ctx, d.ID)
		if err != nil || !dg.Digitised || len(dg.Components) != 2 || dg.Components[proc.Components[0].ID] != "scanned" || dg.ResultElectronic {
			t.Errorf("digitisation %+v %v", dg, err)
		}
		if got := statsFor(t, s, f, oct, now, 0); got.Digitised != 1 || got.DigitisedShare() != (dossierstats.Figure{Num: 1, Den: 1}) {
			t.Errorf("scanned: %+v", got)
		}
		// Result issued electronically: counts once the dossier is finished.
		if err := s.MarkDigitised(ctx, f.site, d.ID, nil, true, 0, now); err != nil {
			t.Fatal(err)
		}
		if dg, _ := s.DossierDigitisation(ctx, d.ID); !dg.ResultElectronic {
			t.Errorf("result not recorded: %+v", dg)
		}
		if err := s.MarkDigitised(ctx, f.site+1000, d.ID, nil, true, 0, now); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("other site: %v", err)
		}
	})
}
