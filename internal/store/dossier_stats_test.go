package store_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/congportal/cong/internal/calendar"
	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/dossierstats"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

type statsFixture struct {
	site                    int64
	root, child, former     catalogue.Unit
	other                   catalogue.Unit
	procOnline, procOffline catalogue.Procedure
	units                   []catalogue.Unit
	seq                     int
}

func newStatsFixture(t testing.TB, s *store.Store) *statsFixture {
	t.Helper()
	st, err := s.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng thử nghiệm"})
	if err != nil {
		t.Fatal(err)
	}
	f := &statsFixture{site: st.ID}
	f.root = catalogue.Unit{SiteID: st.ID, Code: "STP", Name: "Sở Tư pháp", Kind: catalogue.KindDepartment}
	f.other = catalogue.Unit{SiteID: st.ID, Code: "XHB", Name: "UBND xã Hòa Bình", Kind: catalogue.KindCommune}
	for _, u := range []*catalogue.Unit{&f.root, &f.other} {
		if err := s.CreateUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	f.child = catalogue.Unit{SiteID: st.ID, ParentID: f.root.ID, Code: "PHC", Name: "Phòng Hành chính tư pháp", Kind: catalogue.KindDepartment}
	// A former unit (merged away) still counts for its parent's history.
	f.former = catalogue.Unit{SiteID: st.ID, ParentID: f.root.ID, Code: "PCU", Name: "Phòng cũ", Kind: catalogue.KindDepartment,
		ValidTo: time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)}
	for _, u := range []*catalogue.Unit{&f.child, &f.former} {
		if err := s.CreateUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	f.procOnline = catalogue.Procedure{SiteID: st.ID, Code: "1.000001", Slug: "truc-tuyen", Name: "Thủ tục trực tuyến", Level: catalogue.LevelFull,
		TimeAmount: 3, TimeUnit: catalogue.TimeWorkingDays, Published: true, Units: []catalogue.Unit{{ID: f.root.ID}}}
	f.procOffline = catalogue.Procedure{SiteID: st.ID, Code: "1.000002", Slug: "truc-tiep", Name: "Thủ tục trực tiếp", Level: catalogue.LevelNone,
		TimeAmount: 3, TimeUnit: catalogue.TimeWorkingDays, Published: true, Units: []catalogue.Unit{{ID: f.root.ID}}}
	for _, p := range []*catalogue.Procedure{&f.procOnline, &f.procOffline} {
		if err := s.SaveProcedure(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	f.units, err = s.Units(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// dossier fills the fields every row needs; the caller sets the rest.
func (f *statsFixture) dossier(u catalogue.Unit, p catalogue.Procedure, d dossier.Dossier) store.HistoricalDossier {
	f.seq++
	d.SiteID, d.UnitID, d.ProcedureID = f.site, u.ID, p.ID
	if d.Channel == 0 {
		d.Channel = dossier.Counter
	}
	if d.SubmittedAt.IsZero() {
		d.SubmittedAt = d.ReceivedAt
	}
	d.Code = dossier.Code(u.Code, d.SubmittedAt, f.seq)
	d.ApplicantName = fmt.Sprintf("Người nộp %d", f.seq)
	return store.HistoricalDossier{Dossier: d, Events: []dossier.Event{{At: d.SubmittedAt, To: d.Status, Action: dossier.ActSubmit}}}
}

func vn(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, dossier.Loc).UTC()
}

func testCal() *calendar.Calendar {
	return calendar.New(dossier.Loc, calendar.DefaultOfficeHours(), nil)
}

func statsFor(t *testing.T, s *store.Store, f *statsFixture, p dossierstats.Period, now time.Time, unit int64) dossierstats.Counts {
	t.Helper()
	raw, err := s.DossierStats(ctx, f.site, store.DossierStatsQuery{From: p.From, To: p.To, AsOf: p.AsOf(now), Clock: testCal()})
	if err != nil {
		t.Fatal(err)
	}
	return dossierstats.Rollup(f.units, raw, unit)
}

// Hand-computed fixtures, one dossier per rule, in October 2026 judged on
// 20 October 2026 (a Tuesday) at 10:00.
func TestDossierStatsFixtures(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newStatsFixture(t, s)
		now := vn(2026, 10, 20, 10, 0)
		oct := dossierstats.MonthOf(2026, 10)
		D := func(u catalogue.Unit, d dossier.Dossier) store.HistoricalDossier {
			return f.dossier(u, f.procOnline, d)
		}
		ds := []store.HistoricalDossier{
			// Early: finished the day before the appointment.
			D(f.root, dossier.Dossier{Status: dossier.Returned, ReceivedAt: vn(2026, 10, 1, 9, 0), DueAt: vn(2026, 10, 6, 9, 0),
				FinishedAt: vn(2026, 10, 5, 16, 0), ReturnedAt: vn(2026, 10, 7, 8, 0), Channel: dossier.Online}),
			// On time: finished on the appointment's day, before its hour.
			D(f.root, dossier.Dossier{Status: dossier.Finished, ReceivedAt: vn(2026, 10, 2, 9, 0), DueAt: vn(2026, 10, 7, 16, 0),
				FinishedAt: vn(2026, 10, 7, 8, 0)}),
			// Late: finished after the appointment.
			D(f.root, dossier.Dossier{Status: dossier.Finished, ReceivedAt: vn(2026, 10, 2, 9, 0), DueAt: vn(2026, 10, 7, 16, 0),
				FinishedAt: vn(2026, 10, 7, 16, 1)}),
			// Late: second supplement request, though finished early.
			D(f.child, dossier.Dossier{Status: dossier.Finished, ReceivedAt: vn(2026, 10, 2, 9, 0), DueAt: vn(2026, 10, 15, 16, 0),
				FinishedAt: vn(2026, 10, 8, 9, 0), SupplementCount: 2}),
			// Apology: a new date was promised and kept, but the original
			// appointment was missed, so it is late.
			D(f.child, dossier.Dossier{Status: dossier.Finished, ReceivedAt: vn(2026, 10, 5, 9, 0), DueAt: vn(2026, 10, 8, 16, 0),
				FinishedAt: vn(2026, 10, 9, 9, 0), ApologyCount: 1, NewDueAt: vn(2026, 10, 10, 16, 0)}),
			// Paused then stopped: End is the pause (7 Oct), a stop in the period.
			D(f.child, dossier.Dossier{Status: dossier.Stopped, ReceivedAt: vn(2026, 9, 28, 9, 0), DueAt: vn(2026, 10, 9, 16, 0),
				PausedAt: vn(2026, 10, 7, 9, 0), FinishedAt: vn(2026, 10, 12, 9, 0), SupplementCount: 1}),
			// Carried over from September, still open and overdue.
			D(f.former, dossier.Dossier{Status: dossier.Processing, ReceivedAt: vn(2026, 9, 20, 9, 0), DueAt: vn(2026, 10, 1, 16, 0)}),
			// Carried over from September, finished on time in October (appointment 2 Oct).
			D(f.root, dossier.Dossier{Status: dossier.Returned, ReceivedAt: vn(2026, 9, 25, 9, 0), DueAt: vn(2026, 10, 2, 16, 0),
				FinishedAt: vn(2026, 10, 2, 10, 0), ReturnedAt: vn(2026, 10, 3, 9, 0)}),
			// Finished in September: not in October at all.
			D(f.root, dossier.Dossier{Status: dossier.Returned, ReceivedAt: vn(2026, 9, 1, 9, 0), DueAt: vn(2026, 9, 4, 16, 0),
				FinishedAt: vn(2026, 9, 3, 10, 0), ReturnedAt: vn(2026, 9, 4, 9, 0)}),
			// Open, near due: appointment tomorrow 9:00, less than a working day left.
			D(f.root, dossier.Dossier{Status: dossier.Processing, ReceivedAt: vn(2026, 10, 16, 9, 0), DueAt: vn(2026, 10, 21, 9, 0), Channel: dossier.Online}),
			// Open, in time.
			D(f.root, dossier.Dossier{Status: dossier.Received, ReceivedAt: vn(2026, 10, 19, 9, 0), DueAt: vn(2026, 10, 30, 16, 0)}),
			// Waiting for a supplement since 14 Oct with 3 days left then: judged at the pause, in time.
			D(f.root, dossier.Dossier{Status: dossier.Supplement, ReceivedAt: vn(2026, 10, 9, 9, 0), DueAt: vn(2026, 10, 17, 16, 0),
				PausedAt: vn(2026, 10, 14, 9, 0), SupplementCount: 1}),
			// Withdrawn and refused in the period.
			D(f.root, dossier.Dossier{Status: dossier.Withdrawn, ReceivedAt: vn(2026, 10, 12, 9, 0), DueAt: vn(2026, 10, 20, 16, 0),
				FinishedAt: vn(2026, 10, 13, 9, 0)}),
			D(f.other, dossier.Dossier{Status: dossier.Refused, SubmittedAt: vn(2026, 10, 12, 9, 0), FinishedAt: vn(2026, 10, 12, 15, 0), Channel: dossier.Online}),
			// Another unit, offline procedure: counted for the province only.
			f.dossier(f.other, f.procOffline, dossier.Dossier{Status: dossier.Finished, ReceivedAt: vn(2026, 10, 6, 9, 0), DueAt: vn(2026, 10, 9, 16, 0),
				FinishedAt: vn(2026, 10, 8, 9, 0)}),
		}
		if err := s.InsertHistoricalDossiers(ctx, ds); err != nil {
			t.Fatal(err)
		}
		got := statsFor(t, s, f, oct, now, f.root.ID)
		want := dossierstats.Counts{New: 9, Carried: 3, NewOnline: 2, Eligible: 9, EligibleOnline: 2,
			Early: 1, OnTime: 2, Late: 3, InTime: 2, NearDue: 1, Overdue: 1, Withdrawn: 1, Stopped: 1, Apologised: 1,
			Dissatisfied: 3, Digitised: 2}
		if got != want {
			t.Errorf("STP, tháng 10:\n got %+v\nwant %+v", got, want)
		}
		// The open overdue dossier carried from September is late already.
		if r := got.OnTimeRate(); r.Num != 3 || r.Den != 7 || r.Percent() != "42,9%" {
			t.Errorf("on-time rate %+v %s", r, r.Percent())
		}
		if got := statsFor(t, s, f, oct, now, f.child.ID); got.Late != 2 || got.Stopped != 1 || got.Received() != 3 || got.Carried != 1 {
			t.Errorf("PHC: %+v", got)
		}
		prov := statsFor(t, s, f, oct, now, 0)
		if prov.Refused != 1 || prov.Early != 2 || prov.Received() != 13 || prov.Eligible != 9 || prov.New != 10 || prov.OnlineShare() != (dossierstats.Figure{Num: 2, Den: 10}) {
			t.Errorf("province: %+v", prov)
		}
		// September, judged at its end (1 Oct 00:00): four received; the
		// one finished on 3 Sep was early; of the three still open then,
		// the one due 1 Oct 16:00 had 7 working hours left (near due).
		sep := statsFor(t, s, f, dossierstats.MonthOf(2026, 9), now, f.root.ID)
		wantSep := dossierstats.Counts{New: 4, Eligible: 4, Early: 1, InTime: 2, NearDue: 1}
		if sep != wantSep {
			t.Errorf("STP, tháng 9:\n got %+v\nwant %+v", sep, wantSep)
		}
		// Empty period: every rate is N/A.
		empty := statsFor(t, s, f, dossierstats.MonthOf(2025, 1), now, f.root.ID)
		if empty != (dossierstats.Counts{}) || empty.OnTimeRate().Percent() != "N/A" || empty.OnlineShare().Percent() != "N/A" {
			t.Errorf("empty: %+v", empty)
		}
	})
}

// Property: the SQL counts equal the Go definitions built on
// dossier.Classify, over random dossiers, for a running and a past period.
func TestDossierStatsMatchesClassify(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newStatsFixture(t, s)
		cal := testCal()
		now := vn(2026, 3, 20, 10, 30)
		rng := rand.New(rand.NewPCG(7, 11))
		units := []catalogue.Unit{f.root, f.child, f.former, f.other}
		var ds []store.HistoricalDossier
		start := vn(2026, 1, 1, 0, 0)
		for range 1500 {
			ds = append(ds, randomDossier(rng, f, units, start, now, cal))
		}
		if err := s.InsertHistoricalDossiers(ctx, ds); err != nil {
			t.Fatal(err)
		}
		for _, p := range []dossierstats.Period{dossierstats.MonthOf(2026, 3), dossierstats.MonthOf(2026, 2), dossierstats.QuarterOf(2026, 1)} {
			asOf := p.AsOf(now)
			raw, err := s.DossierStats(ctx, f.site, store.DossierStatsQuery{From: p.From, To: p.To, AsOf: asOf, Clock: cal})
			if err != nil {
				t.Fatal(err)
			}
			want := map[int64]dossierstats.Counts{}
			for _, h := range ds {
				c := want[h.UnitID]
				expectAdd(&c, h.Dossier, h.ProcedureID == f.procOnline.ID, p, asOf, cal)
				want[h.UnitID] = c
			}
			var all dossierstats.Counts
			for _, c := range want {
				all.Add(c)
			}
			if all.Early == 0 || all.OnTime == 0 || all.Late == 0 || all.InTime == 0 || all.NearDue == 0 || all.Overdue == 0 || (p.Kind == dossierstats.Month && all.Carried == 0) {
				t.Errorf("%s: random data misses a bucket: %+v", p.Key, all)
			}
			for _, u := range units {
				if raw[u.ID] != want[u.ID] {
					t.Errorf("%s %s:\n sql %+v\n  go %+v", p.Key, u.Code, raw[u.ID], want[u.ID])
				}
			}
			if p.Kind == dossierstats.Month {
				m, err := s.DossierMonthly(ctx, f.site, []time.Time{p.From, p.To}, nil)
				if err != nil {
					t.Fatal(err)
				}
				if len(m) != 1 || m[0].Received != all.New || m[0].Finished != all.Finished() || m[0].Late != all.Late {
					t.Errorf("%s monthly %+v, stats %+v", p.Key, m, all)
				}
			}
			// One unit alone gives the same as its share of the whole.
			one, err := s.DossierStats(ctx, f.site, store.DossierStatsQuery{From: p.From, To: p.To, AsOf: asOf, Clock: cal, Units: []int64{f.child.ID}})
			if err != nil {
				t.Fatal(err)
			}
			if len(one) > 1 || one[f.child.ID] != want[f.child.ID] {
				t.Errorf("%s filtered: %+v", p.Key, one)
			}
		}
		// The online shares' denominators of the months add up to the
		// quarter's: a dossier counts once, in the month it was received.
		var months dossierstats.Counts
		for m := time.January; m <= time.March; m++ {
			months.Add(statsFor(t, s, f, dossierstats.MonthOf(2026, m), now, 0))
		}
		q := statsFor(t, s, f, dossierstats.QuarterOf(2026, 1), now, 0)
		if months.OnlineShare() != q.OnlineShare() || months.EligibleShare() != q.EligibleShare() || months.Carried == 0 {
			t.Errorf("months %v %v, quarter %v %v", months.OnlineShare(), months.EligibleShare(), q.OnlineShare(), q.EligibleShare())
		}
	})
}

// expectAdd is dossierstats.Counts' definition written with dossier.End and
// dossier.Classify, dossier by dossier.
func expectAdd(c *dossierstats.Counts, d dossier.Dossier, eligible bool, p dossierstats.Period, asOf time.Time, cal dossier.Clock) {
	end := dossier.End(&d)
	in := func(t time.Time) bool { return !t.IsZero() && !t.Before(p.From) && t.Before(p.To) }
	online := d.Channel == dossier.Online
	received := false
	if !d.ReceivedAt.IsZero() {
		if in(d.ReceivedAt) {
			received = true
			c.New++
			if online {
				c.NewOnline++
			}
		} else if d.ReceivedAt.Before(p.From) && (end.IsZero() || !end.Before(p.From)) {
			received = true
			c.Carried++
			if online {
				c.CarriedOnline++
			}
		}
	}
	// Online shares: new dossiers only, each counted in the period it
	// was received.
	if in(d.ReceivedAt) && eligible {
		c.Eligible++
		if online {
			c.EligibleOnline++
		}
	}
	if in(d.ReceivedAt) && online {
		c.Digitised++ // an online submission is digitised
	}
	if received && d.ApologyCount > 0 {
		c.Apologised++
	}
	if in(end) {
		switch d.Status {
		case dossier.Finished, dossier.Returned:
			switch dossier.Classify(&d, asOf, cal) {
			case dossier.Early:
				c.Early++
			case dossier.OnTime:
				c.OnTime++
			case dossier.Late:
				c.Late++
				c.Dissatisfied++
			}
		case dossier.Withdrawn:
			c.Withdrawn++
		case dossier.Refused:
			c.Refused++
		case dossier.Stopped:
			c.Stopped++
		}
	}
	if !d.ReceivedAt.IsZero() && d.ReceivedAt.Before(p.To) && !d.DueAt.IsZero() && (end.IsZero() || !end.Before(p.To)) {
		// As it stood at the end of the period: open, paused only if the
		// pause had begun by then.
		o := d
		o.Status, o.FinishedAt, o.ReturnedAt = dossier.Processing, time.Time{}, time.Time{}
		if o.PausedAt.After(asOf) || !end.IsZero() {
			o.PausedAt = time.Time{}
		}
		switch dossier.Classify(&o, asOf, cal) {
		case dossier.InTime:
			c.InTime++
		case dossier.NearDue:
			c.NearDue++
		case dossier.Overdue:
			c.Overdue++
		}
	}
}

// randomDossier makes a consistent dossier whose events happened before
// now, with ends and appointments clustered around day and hour boundaries.
func randomDossier(rng *rand.Rand, f *statsFixture, units []catalogue.Unit, start, now time.Time, cal dossier.Clock) store.HistoricalDossier {
	u := units[rng.IntN(len(units))]
	p := f.procOnline
	if rng.IntN(3) == 0 {
		p = f.procOffline
	}
	span := now.Sub(start)
	at := start.Add(time.Duration(rng.Int64N(int64(span/time.Second))) * time.Second)
	d := dossier.Dossier{Channel: dossier.Channel(1 + rng.IntN(3)), SubmittedAt: at}
	statuses := []dossier.Status{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 9, 4, 5}
	d.Status = statuses[rng.IntN(len(statuses))]
	after := func(t time.Time, maxH int) time.Time {
		x := t.Add(time.Duration(1+rng.IntN(maxH*3600)) * time.Second)
		if x.After(now) {
			return now
		}
		return x
	}
	switch d.Status {
	case dossier.New:
	case dossier.Refused:
		d.FinishedAt = after(at, 48)
	default:
		d.ReceivedAt = at
		// Appointments: random working time ahead, sometimes exactly at a
		// local midnight or the end of a working day.
		d.DueAt = cal.AddWorking(at, time.Duration(rng.IntN(12*8*3600))*time.Second)
		switch rng.IntN(6) {
		case 0:
			l := d.DueAt.In(dossier.Loc)
			d.DueAt = time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, dossier.Loc).UTC()
		case 1:
			l := d.DueAt.In(dossier.Loc)
			d.DueAt = time.Date(l.Year(), l.Month(), l.Day(), 17, 0, 0, 0, dossier.Loc).UTC()
		}
		if !d.DueAt.After(at) {
			d.DueAt = at.Add(time.Hour)
		}
		d.SupplementCount = []int{0, 0, 0, 1, 2}[rng.IntN(5)]
		d.ApologyCount = []int{0, 0, 0, 0, 1}[rng.IntN(5)]
		// End near the appointment: ±3 days, or exactly at it.
		end := d.DueAt.Add(time.Duration(rng.IntN(6*24*3600)-3*24*3600) * time.Second)
		if rng.IntN(8) == 0 {
			end = d.DueAt
		}
		if !end.After(at) {
			end = after(at, 2)
		}
		if end.After(now) {
			end = now
		}
		switch d.Status {
		case dossier.Supplement:
			d.PausedAt = after(at, 200)
		case dossier.Withdrawn, dossier.Stopped:
			d.FinishedAt = end
			if rng.IntN(3) == 0 {
				d.PausedAt = at.Add(end.Sub(at) / 2)
			}
		case dossier.Finished:
			d.FinishedAt = end
		case dossier.Returned:
			d.FinishedAt = end
			d.ReturnedAt = after(end, 24)
		}
	}
	if d.Status != dossier.New && d.RespondedAt.IsZero() {
		d.RespondedAt = at
	}
	return f.dossier(u, p, d)
}
