package store_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func onlineFixture(t *testing.T, s *store.Store) (siteID int64, unit catalogue.Unit, proc catalogue.Procedure) {
	t.Helper()
	st := site(t, s)
	unit = catalogue.Unit{SiteID: st.ID, Code: "XAB", Name: "UBND xã An Bình", Kind: "commune"}
	if err := s.CreateUnit(ctx, &unit); err != nil {
		t.Fatal(err)
	}
	proc = catalogue.Procedure{SiteID: st.ID, Code: "2.000001", Slug: "chung-thuc", Name: "Chứng thực bản sao", Level: catalogue.LevelFull,
		TimeAmount: 1, TimeUnit: catalogue.TimeWorkingDays, Published: true, Units: []catalogue.Unit{{ID: unit.ID}}}
	if err := s.SaveProcedure(ctx, &proc); err != nil {
		t.Fatal(err)
	}
	return st.ID, unit, proc
}

func onlineDossier(siteID int64, unit catalogue.Unit, proc catalogue.Procedure, key, tokenHash string) dossier.Dossier {
	return dossier.Dossier{SiteID: siteID, ProcedureID: proc.ID, UnitID: unit.ID, Channel: dossier.Online, Status: dossier.New,
		ApplicantName: "Lê Văn Tám", ApplicantIDNumber: "001095000123", ApplicantDOB: "1995-01-02", ApplicantPhone: "0987654321",
		ApplicantAddress: "Thôn Nam, xã An Bình", PrivateTokenHash: tokenHash, IdempotencyKey: key, SubmittedAt: time.Now().UTC()}
}

// Double clicks that land on two instances at once: one dossier, and every
// request gets its code.
func TestSubmitDossierSameKeyRace(t *testing.T) {
	for _, eng := range testdb.Engines() {
		t.Run(eng, func(t *testing.T) {
			u := testdb.URL(t, eng)
			var stores []*store.Store
			for i := 0; i < 2; i++ {
				st, err := store.Open(context.Background(), u, t.TempDir())
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { st.Close() })
				stores = append(stores, st)
			}
			if _, err := stores[0].Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			siteID, unit, proc := onlineFixture(t, stores[0])
			const n = 12
			var wg sync.WaitGroup
			codes := make([]string, n)
			created := make([]bool, n)
			errs := make([]error, n)
			for i := 0; i < n; i++ {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					d := onlineDossier(siteID, unit, proc, "cung-mot-khoa-000000001", strings.Repeat("a", 63)+string(rune('a'+i)))
					created[i], errs[i] = stores[i%2].SubmitDossier(ctx, &d, []store.DossierFile{{Kind: "component", Name: "a.pdf", StoredName: "2026/11/x", Mime: "application/pdf", Size: 1, SHA256: "00"}})
					codes[i] = d.Code
				}(i)
			}
			wg.Wait()
			nCreated := 0
			for i := 0; i < n; i++ {
				if errs[i] != nil {
					t.Fatalf("submit %d: %v", i, errs[i])
				}
				if codes[i] != codes[0] || codes[i] == "" {
					t.Fatalf("codes differ: %v", codes)
				}
				if created[i] {
					nCreated++
				}
			}
			var rows, files int
			stores[0].DB().QueryRow(`SELECT COUNT(*) FROM dossiers`).Scan(&rows)
			stores[0].DB().QueryRow(`SELECT COUNT(*) FROM dossier_files`).Scan(&files)
			if nCreated != 1 || rows != 1 || files != 1 {
				t.Fatalf("created %d, rows %d, files %d", nCreated, rows, files)
			}
			// The next dossier of the day gets the next number: the race
			// skipped none.
			d := onlineDossier(siteID, unit, proc, "khoa-khac-00000000002", "b")
			if _, err := stores[1].SubmitDossier(ctx, &d, nil); err != nil {
				t.Fatal(err)
			}
			if !strings.HasSuffix(codes[0], "-0001") || !strings.HasSuffix(d.Code, "-0002") {
				t.Fatalf("codes %s then %s", codes[0], d.Code)
			}
		})
	}
}

func TestSubmitDossierReplayAndToken(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		siteID, unit, proc := onlineFixture(t, s)
		d := onlineDossier(siteID, unit, proc, "khoa-thu-0000000000001", "hash-1")
		if created, err := s.SubmitDossier(ctx, &d, nil); err != nil || !created {
			t.Fatalf("%v %v", created, err)
		}
		got, err := s.DossierByToken(ctx, siteID, "hash-1")
		if err != nil || got.ID != d.ID || got.Status != dossier.New || got.Channel != dossier.Online {
			t.Fatalf("by token: %+v %v", got, err)
		}
		if _, err := s.DossierByToken(ctx, siteID, "hash-2"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("unknown token: %v", err)
		}
		if _, err := s.DossierByToken(ctx, siteID, ""); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("empty token: %v", err)
		}
		if _, err := s.DossierByToken(ctx, siteID+1, "hash-1"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("other site: %v", err)
		}
		// A replay returns the same dossier and never issues a new link:
		// the first link keeps working and the replay's secret opens
		// nothing. Another applicant cannot replay.
		r := onlineDossier(siteID, unit, proc, "khoa-thu-0000000000001", "hash-2")
		if created, err := s.SubmitDossier(ctx, &r, nil); err != nil || created || r.Code != d.Code || r.ID != d.ID || r.PrivateTokenHash != "" {
			t.Fatalf("replay: %v %v %s %q", created, err, r.Code, r.PrivateTokenHash)
		}
		if got, err := s.DossierByToken(ctx, siteID, "hash-1"); err != nil || got.ID != d.ID {
			t.Fatalf("first link after the replay: %v", err)
		}
		if _, err := s.DossierByToken(ctx, siteID, "hash-2"); !errors.Is(err, store.ErrNotFound) {
			t.Fatal("the replay issued a new private link")
		}
		x := onlineDossier(siteID, unit, proc, "khoa-thu-0000000000001", "hash-3")
		x.ApplicantPhone = "0911111111"
		if _, err := s.SubmitDossier(ctx, &x, nil); !errors.Is(err, store.ErrIdempotencyConflict) {
			t.Fatalf("other applicant: %v", err)
		}

		// Citizen moves: withdraw, guarded by the version read.
		cur, _ := s.DossierByToken(ctx, siteID, "hash-1")
		now := time.Now()
		after, err := s.MoveDossier(ctx, store.MoveRequest{Before: cur, Input: dossier.Input{Action: dossier.ActWithdraw, Who: dossier.Citizen, Actor: "Lê Văn Tám", Now: now}})
		if err != nil || after.Status != dossier.Withdrawn {
			t.Fatalf("withdraw: %v %v", after.Status, err)
		}
		if _, err := s.MoveDossier(ctx, store.MoveRequest{Before: cur, Input: dossier.Input{Action: dossier.ActWithdraw, Who: dossier.Citizen, Now: now}}); !errors.Is(err, store.ErrStale) {
			t.Fatalf("stale version: %v", err)
		}
		ev, _ := s.DossierEvents(ctx, d.ID)
		if len(ev) != 2 || ev[0].Action != dossier.ActSubmit || ev[1].To != dossier.Withdrawn {
			t.Fatalf("events %+v", ev)
		}
	})
}
