package store_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/dossierstats"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// BenchmarkDossierStats measures the /thong-ke queries over
// CONG_BENCH_DOSSIERS dossiers (e.g. 1000000) spread over three years, 60
// units (a province, 10 departments, 49 communes under 9 districts) and 50
// procedures. Skipped unless the variable is set: generating a million rows
// takes minutes.
//
//	CONG_BENCH_DOSSIERS=1000000 CONG_TEST_PG=postgres://… go test ./internal/store -run '^$' -bench DossierStats -benchtime 5x -timeout 60m
//
// CONG_BENCH_SQLITE=/path/file.db keeps the SQLite database in that file:
// the first run fills it, later runs (of this or another commit) migrate it
// and query the same rows, so before and after are measured on one data
// set without paying for the million inserts again.
func BenchmarkDossierStats(b *testing.B) {
	n, _ := strconv.Atoi(os.Getenv("CONG_BENCH_DOSSIERS"))
	if n <= 0 {
		b.Skip("set CONG_BENCH_DOSSIERS=1000000 to run")
	}
	for _, eng := range testdb.Engines() {
		b.Run(eng, func(b *testing.B) {
			s, site, units, unit := benchStore(b, eng, n)
			cal := testCal()
			now := vn(2026, 11, 20, 10, 0)
			for _, p := range []dossierstats.Period{dossierstats.MonthOf(2026, 10), dossierstats.QuarterOf(2026, 3), dossierstats.YearOf(2025), dossierstats.MonthOf(2026, 11)} {
				for _, scope := range []struct {
					name  string
					units []int64
				}{{"province", nil}, {"unit", unitIDs(units, unit)}} {
					b.Run(p.Key+"/"+scope.name, func(b *testing.B) {
						var got map[int64]dossierstats.Counts
						for b.Loop() {
							var err error
							got, err = s.DossierStats(ctx, site, store.DossierStatsQuery{From: p.From, To: p.To, AsOf: p.AsOf(now), Clock: cal, Units: scope.units})
							if err != nil {
								b.Fatal(err)
							}
						}
						var c dossierstats.Counts
						for _, x := range got {
							c.Add(x)
						}
						b.ReportMetric(float64(c.Received()), "received")
					})
				}
			}
			b.Run("monthly12/province", func(b *testing.B) {
				ms := dossierstats.MonthsBefore(dossierstats.MonthOf(2026, 11), 12)
				bounds := []time.Time{}
				for _, m := range ms {
					bounds = append(bounds, m.From)
				}
				bounds = append(bounds, ms[len(ms)-1].To)
				for b.Loop() {
					if _, err := s.DossierMonthly(ctx, site, bounds, nil); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

// benchStore opens the engine's store with n dossiers: a fresh one, or the
// file named by CONG_BENCH_SQLITE, filled on first use.
func benchStore(b *testing.B, eng string, n int) (*store.Store, int64, []catalogue.Unit, int64) {
	path := os.Getenv("CONG_BENCH_SQLITE")
	if eng != "sqlite" || path == "" {
		s := testdb.Open(b, eng)
		site, units, unit := benchDossiers(b, s, n)
		return s, site, units, unit
	}
	s, err := store.Open(ctx, "sqlite:"+path, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	var have int
	if err := s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM dossiers`).Scan(&have); err != nil {
		b.Fatal(err)
	}
	switch have {
	case 0:
		site, units, unit := benchDossiers(b, s, n)
		return s, site, units, unit
	case n:
	default:
		b.Fatalf("%s holds %d dossiers, not %d", path, have, n)
	}
	st, err := s.SiteBySlug(ctx, "default")
	if err != nil {
		b.Fatal(err)
	}
	units, err := s.Units(ctx, st.ID)
	if err != nil {
		b.Fatal(err)
	}
	for _, u := range units {
		if u.Code == "H00" {
			// Migrations may have added indexes the planner has no
			// statistics for yet.
			if _, err := s.DB().ExecContext(ctx, "ANALYZE"); err != nil {
				b.Fatal(err)
			}
			return s, st.ID, units, u.ID
		}
	}
	b.Fatalf("%s: no district H00", path)
	return nil, 0, nil, 0
}

func unitIDs(units []catalogue.Unit, id int64) []int64 {
	var out []int64
	for u := range catalogue.Descendants(units, id) {
		out = append(out, u)
	}
	return out
}

// benchDossiers inserts n dossiers and returns the site, its units and a
// district with its communes (the "one unit" of the benchmark).
func benchDossiers(b *testing.B, s *store.Store, n int) (int64, []catalogue.Unit, int64) {
	b.Helper()
	st, err := s.EnsureSite(ctx, news.Site{Slug: "default", Name: "Tỉnh thử"})
	if err != nil {
		b.Fatal(err)
	}
	var units []catalogue.Unit
	mk := func(parent int64, code, name string) catalogue.Unit {
		u := catalogue.Unit{SiteID: st.ID, ParentID: parent, Code: code, Name: name, Kind: catalogue.KindDepartment}
		if err := s.CreateUnit(ctx, &u); err != nil {
			b.Fatal(err)
		}
		units = append(units, u)
		return u
	}
	prov := mk(0, "UBT", "UBND tỉnh")
	for i := range 10 {
		mk(prov.ID, fmt.Sprintf("S%02d", i), fmt.Sprintf("Sở %d", i))
	}
	var district int64
	for i := range 9 {
		d := mk(prov.ID, fmt.Sprintf("H%02d", i), fmt.Sprintf("Huyện %d", i))
		if i == 0 {
			district = d.ID
		}
		for j := range 5 {
			if i*5+j < 49-9+4 {
				mk(d.ID, fmt.Sprintf("X%02d%d", i, j), fmt.Sprintf("Xã %d-%d", i, j))
			}
		}
	}
	var procs []catalogue.Procedure
	for i := range 50 {
		lvl := []string{catalogue.LevelFull, catalogue.LevelPartial, catalogue.LevelNone}[i%3]
		p := catalogue.Procedure{SiteID: st.ID, Code: fmt.Sprintf("1.%06d", i), Slug: fmt.Sprintf("tt-%d", i), Name: fmt.Sprintf("Thủ tục %d", i),
			Level: lvl, TimeAmount: 5, TimeUnit: catalogue.TimeWorkingDays, Published: true, Units: []catalogue.Unit{{ID: prov.ID}}}
		if err := s.SaveProcedure(ctx, &p); err != nil {
			b.Fatal(err)
		}
		procs = append(procs, p)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	start, end := vn(2024, 1, 1, 0, 0), vn(2026, 11, 20, 10, 0)
	span := int64(end.Sub(start) / time.Second)
	t0 := time.Now()
	const batch = 20000
	seq := 0
	for done := 0; done < n; {
		var ds []store.HistoricalDossier
		for range min(batch, n-done) {
			seq++
			u := units[1+rng.IntN(len(units)-1)]
			p := procs[rng.IntN(len(procs))]
			// Submission times grow with the row number, give or take two
			// hours, as in a real table: rows of one month sit together.
			at := start.Add(time.Duration(span*int64(seq)/int64(n)+rng.Int64N(4*3600)-2*3600) * time.Second)
			d := dossier.Dossier{SiteID: st.ID, UnitID: u.ID, ProcedureID: p.ID, Channel: dossier.Channel(1 + rng.IntN(3)),
				SubmittedAt: at, RespondedAt: at, ReceivedAt: at, DueAt: at.Add(time.Duration(2+rng.IntN(20)) * 24 * time.Hour),
				ApplicantName: "Nguyễn Văn A"}
			d.Code = fmt.Sprintf("%s-%s-%07d", u.Code, dossier.CodeDay(at), seq)
			age := end.Sub(at)
			fin := d.DueAt.Add(time.Duration(rng.IntN(6*24*3600)-5*24*3600) * time.Second)
			switch r := rng.IntN(100); {
			case age < 20*24*time.Hour && r < 60:
				d.Status = []dossier.Status{dossier.Received, dossier.Processing, dossier.Processing, dossier.Supplement, dossier.Financial}[rng.IntN(5)]
				if d.Status == dossier.Supplement {
					d.PausedAt = at.Add(age / 2)
					d.SupplementCount = 1
				}
			case r < 3:
				d.Status, d.ReceivedAt, d.DueAt, d.FinishedAt = dossier.Refused, time.Time{}, time.Time{}, at.Add(time.Hour)
			case r < 6:
				d.Status, d.FinishedAt = dossier.Withdrawn, at.Add(age/4)
			case r < 7:
				d.Status, d.FinishedAt = dossier.Stopped, at.Add(age/4)
			default:
				if !fin.After(at) {
					fin = at.Add(time.Hour)
				}
				if fin.After(end) {
					fin = end
				}
				d.Status, d.FinishedAt, d.ReturnedAt = dossier.Returned, fin, fin.Add(24*time.Hour)
				d.SupplementCount = []int{0, 0, 0, 0, 1, 2}[rng.IntN(6)]
			}
			if d.FinishedAt.After(end) {
				d.FinishedAt = end
			}
			ds = append(ds, store.HistoricalDossier{Dossier: d})
		}
		if err := s.InsertHistoricalDossiers(ctx, ds); err != nil {
			b.Fatal(err)
		}
		done += len(ds)
	}
	// Fresh bulk loads have no planner statistics yet; production tables
	// get them from autovacuum (PostgreSQL) or the periodic optimize.
	an := "ANALYZE"
	if _, err := s.DB().ExecContext(ctx, an); err != nil {
		b.Fatal(err)
	}
	b.Logf("%s: inserted %d dossiers in %s", s.Dialect(), n, time.Since(t0).Round(time.Second))
	return st.ID, units, district
}
