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
		for _, p := range procs {
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
		if levels[catalogue.LevelFull] == 0 || levels[catalogue.LevelPartial] == 0 || levels[catalogue.LevelNone] == 0 {
			t.Errorf("levels: %v", levels)
		}
	})
}
