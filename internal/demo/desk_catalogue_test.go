package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/demo"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func TestDemoCatalogue(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		site, err := s.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng"})
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := demo.Load(ctx, s, site.ID); !ok || err != nil {
			t.Fatal(ok, err)
		}
		units, err := s.Units(ctx, site.ID)
		if err != nil {
			t.Fatal(err)
		}
		former, communes, depts := 0, 0, 0
		for _, u := range units {
			if e := catalogue.ValidateUnit(u, units); len(e) > 0 {
				t.Errorf("unit %s: %v", u.Code, e)
			}
			switch {
			case u.Former():
				former++
				if u.Selectable(time.Now()) || !u.ValidTo.Equal(time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)) {
					t.Errorf("former unit %+v", u)
				}
			case u.Kind == catalogue.KindCommune:
				communes++
			case u.Kind == catalogue.KindDepartment:
				depts++
			}
		}
		if former != 1 || communes < 5 || depts < 5 {
			t.Errorf("units: %d former, %d communes, %d departments", former, communes, depts)
		}
		procs, n, err := s.Procedures(ctx, store.ProcedureFilter{SiteID: site.ID, PublishedOnly: true})
		if err != nil || n < 20 {
			t.Fatalf("%d procedures, %v", n, err)
		}
		levels := map[string]int{}
		// The procedures the law gives "trong ngày" (same day, next working
		// day after 15:00), not a number of hours.
		sameDay := map[string]bool{"1.001193": true, "1.000656": true, "1.004946": true, "2.000815": true, "2.000884": true}
		for _, p := range procs {
			if got := p.TimeUnit == catalogue.TimeSameDay; got != sameDay[p.Code] {
				t.Errorf("%s %s: time unit %s %d", p.Code, p.Name, p.TimeUnit, p.TimeAmount)
			}
			delete(sameDay, p.Code)
			full, err := s.ProcedureByID(ctx, site.ID, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			if e := catalogue.ValidateProcedure(full, units); len(e) > 0 {
				t.Errorf("%s: %v", p.Code, e)
			}
			if len(full.Components) == 0 || full.LegalBasis == "" || full.Steps == "" {
				t.Errorf("%s lacks components, steps or legal basis", p.Code)
			}
			levels[p.Level]++
		}
		if len(sameDay) > 0 {
			t.Errorf("same-day procedures missing from the demo: %v", sameDay)
		}
		if levels[catalogue.LevelFull] == 0 || levels[catalogue.LevelPartial] == 0 || levels[catalogue.LevelNone] == 0 {
			t.Errorf("levels: %v", levels)
		}
	})
}
