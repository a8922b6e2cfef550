package store_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/dossierstats"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// The open dossiers' in-progress split (in time, near due, overdue) is
// counted in SQL by appointment ranges; it must equal dossier.Classify on
// each dossier, and the row-by-row reference, for the running month, the
// running year and a day already over, judged at instants around a
// weekend and the end of a month — including the dossiers waiting for a
// supplement, which are judged at their pause.
func TestOpenInProgressMatchesClassify(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newStatsFixture(t, s)
		cal := testCal()
		rng := rand.New(rand.NewPCG(7, 11))
		units := []catalogue.Unit{f.root, f.child, f.other}
		first := vn(2026, 11, 20, 10, 0) // a Friday; every receipt is before it
		var ds []store.HistoricalDossier
		for range 400 {
			recv := first.Add(-time.Duration(1+rng.IntN(30*24*60)) * time.Minute)
			d := dossier.Dossier{ReceivedAt: recv, DueAt: recv.Add(time.Duration(rng.IntN(25*24*60)) * time.Minute),
				Status:          []dossier.Status{dossier.Received, dossier.Processing, dossier.Supplement, dossier.Supplement, dossier.Financial}[rng.IntN(5)],
				SupplementCount: []int{0, 0, 0, 1, 2}[rng.IntN(5)]}
			if d.Status == dossier.Supplement {
				// Paused some time after receipt, sometimes right at or
				// after the appointment, sometimes within a working day of it.
				switch rng.IntN(3) {
				case 0:
					d.PausedAt = recv.Add(time.Duration(rng.Int64N(int64(first.Sub(recv)))))
				case 1:
					d.PausedAt = d.DueAt.Add(-time.Duration(rng.IntN(20*60)) * time.Minute)
				default:
					d.PausedAt = d.DueAt.Add(time.Duration(rng.IntN(3*60)) * time.Minute)
				}
				if d.PausedAt.Before(recv) {
					d.PausedAt = recv
				}
				if d.PausedAt.After(first) {
					d.PausedAt = first
				}
				d.SupplementCount = max(d.SupplementCount, 1)
			}
			ds = append(ds, f.dossier(units[rng.IntN(len(units))], f.procOffline, d))
		}
		if err := s.InsertHistoricalDossiers(ctx, ds); err != nil {
			t.Fatal(err)
		}
		seen := map[dossier.Timeliness]map[bool]int{}
		for _, now := range []time.Time{first, vn(2026, 11, 20, 16, 30), vn(2026, 11, 21, 9, 0), vn(2026, 11, 23, 8, 0), vn(2026, 11, 30, 16, 59)} {
			day, err := dossierstats.CustomOf("2026-11-20", "2026-11-20")
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range []dossierstats.Period{dossierstats.MonthOf(2026, 11), dossierstats.YearOf(2026), day} {
				q := store.DossierStatsQuery{From: p.From, To: p.To, AsOf: p.AsOf(now), Clock: cal}
				want := map[int64]dossierstats.Counts{}
				for _, h := range ds {
					d := h.Dossier
					if !d.ReceivedAt.Before(q.To) {
						continue
					}
					c := want[d.UnitID]
					k := dossier.Classify(&d, q.AsOf, cal)
					switch k {
					case dossier.Overdue:
						c.Overdue++
					case dossier.NearDue:
						c.NearDue++
					case dossier.InTime:
						c.InTime++
					default:
						t.Fatalf("open dossier classed %v", k)
					}
					if seen[k] == nil {
						seen[k] = map[bool]int{}
					}
					seen[k][!d.PausedAt.IsZero() && !d.PausedAt.After(q.AsOf)]++
					want[d.UnitID] = c
				}
				got, err := s.DossierStats(ctx, f.site, q)
				if err != nil {
					t.Fatal(err)
				}
				rows, err := s.DossierStatsFromRows(ctx, f.site, q)
				if err != nil {
					t.Fatal(err)
				}
				for _, u := range units {
					g, r, w := got[u.ID], rows[u.ID], want[u.ID]
					if g.InTime != w.InTime || g.NearDue != w.NearDue || g.Overdue != w.Overdue || g != r {
						t.Errorf("%s at %s, %s: in time/near due/overdue %d/%d/%d, rows %d/%d/%d, Classify %d/%d/%d",
							p.Key, now.In(dossier.Loc).Format("2006-01-02 15:04"), u.Code,
							g.InTime, g.NearDue, g.Overdue, r.InTime, r.NearDue, r.Overdue, w.InTime, w.NearDue, w.Overdue)
					}
				}
			}
		}
		// Every class, paused and not, was reached.
		for _, k := range []dossier.Timeliness{dossier.InTime, dossier.NearDue, dossier.Overdue} {
			if seen[k][true] == 0 || seen[k][false] == 0 {
				t.Errorf("class %v: %d paused, %d running: the fixture misses a case", k, seen[k][true], seen[k][false])
			}
		}
	})
}
