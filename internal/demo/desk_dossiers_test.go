package demo_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/congportal/cong/internal/calendar"
	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/demo"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func TestDemoDossiers(t *testing.T) {
	ctx := context.Background()
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		site, err := s.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng"})
		if err != nil {
			t.Fatal(err)
		}
		// No catalogue yet: nothing to load, no error.
		if n, err := demo.Dossiers(ctx, s, site.ID, "", time.Now()); err != nil || n != 0 {
			t.Fatalf("without procedures: %d %v", n, err)
		}
		unit := catalogue.Unit{SiteID: site.ID, Code: "XTN", Name: "UBND xã Thử Nghiệm", Kind: catalogue.KindCommune}
		if err := s.CreateUnit(ctx, &unit); err != nil {
			t.Fatal(err)
		}
		for i, p := range []catalogue.Procedure{
			{Code: "1.1", Slug: "a", Name: "Cấp bản sao trích lục hộ tịch", Level: catalogue.LevelFull, TimeAmount: 1, TimeUnit: catalogue.TimeWorkingDays},
			{Code: "1.2", Slug: "b", Name: "Đăng ký kết hôn", Level: catalogue.LevelPartial, TimeAmount: 5, TimeUnit: catalogue.TimeWorkingDays},
			{Code: "1.3", Slug: "c", Name: "Chứng thực bản sao", Level: catalogue.LevelFull, TimeAmount: 4, TimeUnit: catalogue.TimeWorkingHours},
		} {
			p.SiteID, p.Published, p.Units = site.ID, true, []catalogue.Unit{unit}
			if err := s.SaveProcedure(ctx, &p); err != nil {
				t.Fatal(i, err)
			}
		}
		if _, err := demo.Users(ctx, s, site.ID); err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		now := time.Now()
		start := time.Now()
		n, err := demo.Dossiers(ctx, s, site.ID, dir, now)
		if err != nil || n < 1500 || n > 3000 {
			t.Fatalf("loaded %d: %v", n, err)
		}
		t.Logf("%s: %d demo dossiers in %s", s.Dialect(), n, time.Since(start).Round(time.Millisecond))
		list, total, err := s.DossierQueue(ctx, store.QueueFilter{SiteID: site.ID, AllUnits: true, Limit: 5000})
		if err != nil || total != n || len(list) != n {
			t.Fatalf("queue %d (%d listed) of %d: %v", total, len(list), n, err)
		}
		cal := calendar.New(dossier.Loc, calendar.DefaultOfficeHours(), nil)
		statuses := map[dossier.Status]int{}
		channels := map[dossier.Channel]int{}
		timings := map[dossier.Timeliness]int{}
		breaches, twoSupp, online, apologies := 0, 0, 0, 0
		codes := map[string]bool{}
		months := map[string]int{}
		for _, d := range list {
			if codes[d.Code] {
				t.Fatalf("code %s twice", d.Code)
			}
			codes[d.Code] = true
			months[d.SubmittedAt.In(dossier.Loc).Format("2006-01")]++
			if d.Channel == dossier.Online {
				online++
			}
			if d.ApologyCount > 0 {
				apologies++
			}
			statuses[d.Status]++
			channels[d.Channel]++
			timings[dossier.Classify(&d, now, cal)]++
			if dossier.ResponseBreach(&d, now, cal) {
				breaches++
			}
			if d.SupplementCount >= 2 {
				twoSupp++
			}
			if d.SubmittedAt.Before(now.AddDate(0, 0, -367)) || d.UpdatedAt.After(now) {
				t.Errorf("%s outside the past year: %v–%v", d.Code, d.SubmittedAt, d.UpdatedAt)
			}
			if d.ApologyCount > 0 && (d.NewDueAt.IsZero() || !d.NewDueAt.After(d.DueAt)) {
				t.Errorf("%s: apology without a later date", d.Code)
			}
			evs, err := s.DossierEvents(ctx, d.ID)
			if err != nil || len(evs) == 0 || evs[len(evs)-1].To != d.Status {
				t.Fatalf("%s: history does not end in its status %v: %v", d.Code, d.Status, evs)
			}
			if !evs[len(evs)-1].At.Equal(d.UpdatedAt) && evs[len(evs)-1].At.After(d.UpdatedAt) {
				t.Fatalf("%s: last event %v after updated_at %v", d.Code, evs[len(evs)-1].At, d.UpdatedAt)
			}
			for k := 1; k < len(evs); k++ {
				if evs[k].From != evs[k-1].To || evs[k].At.Before(evs[k-1].At) {
					t.Fatalf("%s: history out of order at %d", d.Code, k)
				}
			}
			if d.ResultFile != "" {
				if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(d.ResultFile))); err != nil {
					t.Fatalf("%s: result file: %v", d.Code, err)
				}
			}
		}
		for _, st := range dossier.Statuses {
			if statuses[st] == 0 {
				t.Errorf("no demo dossier in status %d %s (%v)", st, st, statuses)
			}
		}
		for ch := dossier.Counter; ch <= dossier.Post; ch++ {
			if channels[ch] == 0 {
				t.Errorf("no dossier on channel %s", ch)
			}
		}
		for _, want := range []dossier.Timeliness{dossier.Early, dossier.OnTime, dossier.Late, dossier.Overdue} {
			if timings[want] == 0 {
				t.Errorf("no dossier %s: %v", want, timings)
			}
		}
		if breaches == 0 || twoSupp == 0 {
			t.Errorf("breaches %d, second supplements %d", breaches, twoSupp)
		}
		// A province's shape: online around half, a few apologies, every
		// month of the past year populated, mostly on time.
		if share := float64(online) / float64(n); share < 0.35 || share > 0.65 {
			t.Errorf("online share %.2f", share)
		}
		if apologies < 5 || len(months) < 12 {
			t.Errorf("apologies %d, months %d", apologies, len(months))
		}
		if ok := timings[dossier.Early] + timings[dossier.OnTime]; ok < 5*timings[dossier.Late] {
			t.Errorf("not mostly on time: %v", timings)
		}
		u, _ := s.UserByName(ctx, site.ID, "motcua")
		if ids, _ := s.UserUnitIDs(ctx, u.ID); len(ids) != 1 || ids[0] != unit.ID {
			t.Errorf("motcua units %v", ids)
		}
	})
}
