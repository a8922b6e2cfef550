package store_test

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/rating"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func setDossierStatus(t *testing.T, s *store.Store, id int64, st dossier.Status) {
	t.Helper()
	q := `UPDATE dossiers SET status = ? WHERE id = ?`
	if s.Dialect() == store.Postgres {
		q = `UPDATE dossiers SET status = $1 WHERE id = $2`
	}
	if _, err := s.DB().Exec(q, int(st), id); err != nil {
		t.Fatal(err)
	}
}

func scores(o, tm, v, a, c, comp int) map[string]rating.Level {
	m := map[string]rating.Level{rating.Overall: rating.Level(o), rating.Time: rating.Level(tm), rating.Visits: rating.Level(v),
		rating.Attitude: rating.Level(a), rating.Clarity: rating.Level(c)}
	if comp > 0 {
		m[rating.Complaints] = rating.Level(comp)
	}
	return m
}

func countRatings(t *testing.T, s *store.Store) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(`SELECT COUNT(*) FROM dossier_ratings`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A rating lands once, only after the result is returned, and two
// submissions racing for one dossier leave exactly one row.
func TestRatingOnce(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newDeskFixture(t, s)
		d := f.counter(t, s, f.unitA, "Phạm Văn Tùng", time.Now().Add(-72*time.Hour))
		r := rating.Rating{DossierID: d.ID, SiteID: f.site, Scores: scores(5, 4, 4, 5, 3, 0), Comment: "Tốt"}
		if err := s.CreateRating(ctx, &r); !errors.Is(err, store.ErrNotReturned) {
			t.Fatalf("status 2: %v", err)
		}
		setDossierStatus(t, s, d.ID, dossier.Finished)
		if err := s.CreateRating(ctx, &r); !errors.Is(err, store.ErrNotReturned) {
			t.Fatalf("status 9: %v", err)
		}
		if n := countRatings(t, s); n != 0 {
			t.Fatalf("%d rows before status 10", n)
		}
		if err := s.CreateRating(ctx, &rating.Rating{DossierID: d.ID + 1000, SiteID: f.site, Scores: r.Scores}); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("unknown dossier: %v", err)
		}
		setDossierStatus(t, s, d.ID, dossier.Returned)
		if err := s.CreateRating(ctx, &r); err != nil {
			t.Fatal(err)
		}
		if r.UnitID != f.unitA.ID || r.ProcedureID != f.proc.ID {
			t.Fatalf("copied unit/procedure: %+v", r)
		}
		again := rating.Rating{DossierID: d.ID, SiteID: f.site, Scores: scores(1, 1, 1, 1, 1, 1), Comment: "Sửa"}
		if err := s.CreateRating(ctx, &again); !errors.Is(err, store.ErrRated) {
			t.Fatalf("second: %v", err)
		}
		got, err := s.RatingByDossier(ctx, f.site, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Comment != "Tốt" || got.Score(rating.Overall) != 5 || got.Score(rating.Complaints) != 0 || got.DossierCode != d.Code || got.UnitName != f.unitA.Name {
			t.Fatalf("stored %+v", got)
		}
		if !got.CreatedAt.Equal(r.CreatedAt) {
			t.Fatalf("created_at %v vs %v", got.CreatedAt, r.CreatedAt)
		}

		// Concurrent submissions for another dossier.
		d2 := f.counter(t, s, f.unitB, "Đỗ Thị Mai", time.Now().Add(-72*time.Hour))
		setDossierStatus(t, s, d2.ID, dossier.Returned)
		const n = 8
		var wg sync.WaitGroup
		errs := make([]error, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = s.CreateRating(ctx, &rating.Rating{DossierID: d2.ID, SiteID: f.site, Scores: scores(i%5+1, 3, 3, 3, 3, 0)})
			}()
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			switch {
			case err == nil:
				ok++
			case !errors.Is(err, store.ErrRated):
				t.Errorf("concurrent: %v", err)
			}
		}
		if ok != 1 || countRatings(t, s) != 2 {
			t.Fatalf("%d succeeded, %d rows", ok, countRatings(t, s))
		}
	})
}

// Aggregates per unit and period, rolled up the unit tree, against figures
// worked out by hand.
func TestRatingAggregates(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newDeskFixture(t, s)
		// unitA (Sở) ← commune C ← office D; unitB another root.
		c := catalogue.Unit{SiteID: f.site, ParentID: f.unitA.ID, Code: "XC", Name: "Xã C", Kind: catalogue.KindCommune}
		if err := s.CreateUnit(ctx, &c); err != nil {
			t.Fatal(err)
		}
		d := catalogue.Unit{SiteID: f.site, ParentID: c.ID, Code: "VPD", Name: "Văn phòng D", Kind: catalogue.KindAgency}
		if err := s.CreateUnit(ctx, &d); err != nil {
			t.Fatal(err)
		}
		f.proc.Units = append(f.proc.Units, c, d)
		if err := s.SaveProcedure(ctx, &f.proc); err != nil {
			t.Fatal(err)
		}
		nov := time.Date(2026, 11, 10, 9, 0, 0, 0, dossier.Loc)
		dec := time.Date(2026, 12, 1, 0, 30, 0, 0, dossier.Loc) // 30/11 17:30 UTC: December in Vietnam
		fixture := []struct {
			unit catalogue.Unit
			at   time.Time
			sc   map[string]rating.Level
		}{
			{f.unitA, nov, scores(5, 5, 4, 5, 4, 0)},
			{c, nov, scores(4, 3, 3, 4, 4, 2)},
			{c, nov, scores(2, 2, 1, 3, 3, 0)},
			{d, nov, scores(3, 4, 4, 4, 5, 5)},
			{d, dec, scores(1, 1, 1, 1, 1, 1)},
			{f.unitB, nov, scores(4, 4, 4, 4, 4, 0)},
		}
		for i, x := range fixture {
			dd := f.counter(t, s, x.unit, "Người nộp", nov.Add(-96*time.Hour))
			setDossierStatus(t, s, dd.ID, dossier.Returned)
			if err := s.CreateRating(ctx, &rating.Rating{DossierID: dd.ID, SiteID: f.site, Scores: x.sc, CreatedAt: x.at}); err != nil {
				t.Fatalf("%d: %v", i, err)
			}
		}
		units, err := s.Units(ctx, f.site)
		if err != nil {
			t.Fatal(err)
		}
		parent := map[int64]int64{}
		for _, u := range units {
			parent[u.ID] = u.ParentID
		}
		novP := rating.Month(2026, time.November, dossier.Loc)
		own, err := s.RatingSums(ctx, store.RatingFilter{SiteID: f.site, AllUnits: true, From: novP.From, To: novP.To})
		if err != nil {
			t.Fatal(err)
		}
		all := rating.RollUp(own, parent)
		// November, Sở rolled up: overall 5,4,2,3 → 4 ratings, 2 satisfied,
		// average 14/4; complaints answered twice (2, 5): 7/2, 1 satisfied.
		st := all[f.unitA.ID].Stats()
		if st.Count != 4 || st.Satisfied != (rating.Ratio{Num: 2, Den: 4}) || st.Criteria[0].Average != (rating.Mean{Total: 14, Rated: 4}) {
			t.Fatalf("Sở: %+v", st)
		}
		if comp := st.Criteria[5]; comp.Key != rating.Complaints || comp.Average != (rating.Mean{Total: 7, Rated: 2}) || comp.Satisfied != (rating.Ratio{Num: 1, Den: 2}) {
			t.Fatalf("complaints %+v", comp)
		}
		// visits 4,3,1,4 → 12/4, satisfied 2.
		if v := st.Criteria[2]; v.Average != (rating.Mean{Total: 12, Rated: 4}) || v.Satisfied.Num != 2 {
			t.Fatalf("visits %+v", v)
		}
		if st := all[c.ID].Stats(); st.Count != 3 || st.Satisfied.Num != 1 {
			t.Fatalf("xã C: %+v", st)
		}
		if st := all[d.ID].Stats(); st.Count != 1 || st.Satisfied.Num != 0 {
			t.Fatalf("VP D in November: %+v", st)
		}
		if st := all[f.unitB.ID].Stats(); st.Count != 1 || st.Satisfied.Num != 1 {
			t.Fatalf("unit B: %+v", st)
		}
		// December in Vietnam time holds the rating given at 00:30 on 1/12.
		decP := rating.Month(2026, time.December, dossier.Loc)
		own, err = s.RatingSums(ctx, store.RatingFilter{SiteID: f.site, AllUnits: true, From: decP.From, To: decP.To})
		if err != nil {
			t.Fatal(err)
		}
		if all := rating.RollUp(own, parent); all[f.unitA.ID].Count != 1 || all[d.ID].Count != 1 || all[f.unitB.ID].Count != 0 {
			t.Fatalf("December: %+v", all)
		}
		// Officers' listing: only the units asked for.
		list, total, err := s.Ratings(ctx, store.RatingFilter{SiteID: f.site, UnitIDs: []int64{c.ID, f.unitB.ID}})
		if err != nil {
			t.Fatal(err)
		}
		if total != 3 || len(list) != 3 {
			t.Fatalf("listing: %d %d", total, len(list))
		}
		for _, r := range list {
			if r.UnitID != c.ID && r.UnitID != f.unitB.ID {
				t.Fatalf("unit %d listed", r.UnitID)
			}
		}
		if list, total, _ := s.Ratings(ctx, store.RatingFilter{SiteID: f.site}); total != 0 || list != nil {
			t.Fatal("no units must list nothing")
		}
		if list, _, _ := s.Ratings(ctx, store.RatingFilter{SiteID: f.site, AllUnits: true, Limit: 2, Offset: 0}); len(list) != 2 || !list[0].CreatedAt.Equal(dec.UTC()) {
			t.Fatalf("newest first: %+v", list)
		}
	})
}
