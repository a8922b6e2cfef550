package demo_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/demo"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/rating"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// Demo ratings go to returned dossiers only, are valid, and loading twice
// adds nothing. The dossiers are made here, not by demo.Dossiers, so the
// test holds whatever scenarios the demo desk has.
func TestDemoRatings(t *testing.T) {
	ctx := context.Background()
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		site, err := s.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng"})
		if err != nil {
			t.Fatal(err)
		}
		unit := catalogue.Unit{SiteID: site.ID, Code: "XTN", Name: "UBND xã Thử Nghiệm", Kind: catalogue.KindCommune}
		if err := s.CreateUnit(ctx, &unit); err != nil {
			t.Fatal(err)
		}
		proc := catalogue.Procedure{SiteID: site.ID, Code: "1.1", Slug: "a", Name: "Cấp bản sao trích lục hộ tịch", Level: catalogue.LevelFull,
			TimeAmount: 1, TimeUnit: catalogue.TimeWorkingDays, Published: true, Units: []catalogue.Unit{unit}}
		if err := s.SaveProcedure(ctx, &proc); err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		q := `UPDATE dossiers SET status = ?, returned_at = ? WHERE id = ?`
		if s.Dialect() == store.Postgres {
			q = `UPDATE dossiers SET status = $1, returned_at = $2 WHERE id = $3`
		}
		var returned, open []int64
		for i := range 24 {
			d := dossier.Dossier{SiteID: site.ID, ProcedureID: proc.ID, UnitID: unit.ID, Channel: dossier.Counter,
				ApplicantName: "Người nộp", ReceivedAt: now.AddDate(0, 0, -30+i), DueAt: now.AddDate(0, 0, -28+i)}
			if err := s.CreateCounterDossier(ctx, &d, "x", nil); err != nil {
				t.Fatal(err)
			}
			st := dossier.Returned
			if i%4 == 3 {
				st = dossier.Processing
				open = append(open, d.ID)
			} else {
				returned = append(returned, d.ID)
			}
			if _, err := s.DB().Exec(q, int(st), now.AddDate(0, 0, -27+i).UTC(), d.ID); err != nil {
				t.Fatal(err)
			}
		}
		n, err := demo.Ratings(ctx, s, site.ID, now)
		if err != nil {
			t.Fatal(err)
		}
		if n < len(returned)/2 || n > len(returned) {
			t.Fatalf("%d ratings for %d returned dossiers", n, len(returned))
		}
		for _, id := range open {
			if _, err := s.RatingByDossier(ctx, site.ID, id); !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("dossier %d in progress rated: %v", id, err)
			}
		}
		list, total, err := s.Ratings(ctx, store.RatingFilter{SiteID: site.ID, AllUnits: true, Limit: 100})
		if err != nil || total != n {
			t.Fatalf("%d listed of %d: %v", total, n, err)
		}
		for _, r := range list {
			if r.CreatedAt.After(now) || !r.Score(rating.Overall).Valid() || !r.Score(rating.Clarity).Valid() {
				t.Fatalf("bad demo rating %+v", r)
			}
		}
		if again, err := demo.Ratings(ctx, s, site.ID, now); err != nil || again != 0 {
			t.Fatalf("second load added %d: %v", again, err)
		}
	})
}
