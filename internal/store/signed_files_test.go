package store_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/dossierstats"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// Decision 766's "tỷ lệ cấp kết quả điện tử" = finished dossiers with an
// electronic result / finished dossiers. Three dossiers finished in
// October: two get a signed result, the third only a signed form (a form
// is not the result). The figure is 2/3 from the summaries the pages
// read, from the dossier rows they are checked against, and recomputed
// here from signed_files alone.
func TestSignedResultsCountAsElectronic(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newStatsFixture(t, s)
		now := vn(2026, 10, 20, 10, 0)
		oct := dossierstats.MonthOf(2026, 10)
		var ds []store.HistoricalDossier
		for i := 0; i < 3; i++ {
			ds = append(ds, f.dossier(f.root, f.procOnline, dossier.Dossier{Status: dossier.Finished, ReceivedAt: vn(2026, 10, 1+i, 9, 0),
				DueAt: vn(2026, 10, 9, 16, 0), FinishedAt: vn(2026, 10, 8, 9, 0)}))
		}
		if err := s.InsertHistoricalDossiers(ctx, ds); err != nil {
			t.Fatal(err)
		}
		before := statsFor(t, s, f, oct, now, 0)
		if before.Finished() != 3 || before.ResultElectronic != 0 {
			t.Fatalf("before: %+v", before)
		}
		codes := []string{"AAAA-BBBB-CCCC-DDD2", "AAAA-BBBB-CCCC-DDD3", "AAAA-BBBB-CCCC-DDD4"}
		for i, h := range ds {
			id := dossierID(t, s, f.site, h.Dossier.Code)
			kind := "result"
			if i == 2 {
				kind = "form"
			}
			sf := store.SignedFile{SiteID: f.site, DossierID: id, Kind: kind, Form: 1, Name: "ket-qua-ky-so.pdf", StoredName: "2026/10/x" + codes[i],
				Size: 100, SHA256: "00", Signer: "UBND", UnitName: f.root.Name, Code: codes[i], SignedAt: vn(2026, 10, 8, 10, 0)}
			if err := s.RecordSignedFile(ctx, &sf); err != nil {
				t.Fatal(err)
			}
			if kind == "result" && sf.FileID == 0 {
				t.Fatal("a signed result did not become a result file of the dossier")
			}
		}
		// A code is unique: a second record under it is refused.
		dup := store.SignedFile{SiteID: f.site, DossierID: dossierID(t, s, f.site, ds[0].Dossier.Code), Kind: "form", Name: "x", StoredName: "y",
			SHA256: "00", Signer: "x", UnitName: "x", Code: codes[0]}
		if err := s.RecordSignedFile(ctx, &dup); err == nil {
			t.Fatal("two files recorded under one public code")
		}
		var fromRecords int64
		if err := s.DB().QueryRow(`SELECT COUNT(DISTINCT dossier_id) FROM signed_files WHERE kind = 'result'`).Scan(&fromRecords); err != nil {
			t.Fatal(err)
		}
		got := statsFor(t, s, f, oct, now, 0)
		if fromRecords != 2 || got.ResultElectronic != fromRecords || got.ResultShare() != (dossierstats.Figure{Num: 2, Den: 3}) {
			t.Fatalf("electronic results %d of %d, signed_files says %d", got.ResultElectronic, got.Finished(), fromRecords)
		}
		raw, err := s.DossierStatsFromRows(ctx, f.site, store.DossierStatsQuery{From: oct.From, To: oct.To, AsOf: oct.AsOf(now), Clock: testCal()})
		if err != nil {
			t.Fatal(err)
		}
		if ref := dossierstats.Rollup(f.units, raw, 0); ref.ResultElectronic != 2 {
			t.Fatalf("from rows: %+v", ref)
		}
		scored := false
		for _, sc := range dossierstats.DefaultConfig().Score(got, dossierstats.Figure{}) {
			if sc.Indicator == "Tỷ lệ cấp kết quả điện tử" {
				scored = true
				if sc.Figure != (dossierstats.Figure{Num: 2, Den: 3}) {
					t.Fatalf("score %+v", sc)
				}
			}
		}
		if !scored {
			t.Fatal("no electronic-results indicator in the score")
		}
		// The public check finds a record by code on its own site only.
		if _, err := s.SignedFileByCode(ctx, f.site, codes[1]); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SignedFileByCode(ctx, f.site+1000, codes[1]); err != store.ErrNotFound {
			t.Fatalf("another site's code found: %v", err)
		}
	})
}

// Erasing a closed dossier's personal data removes its signed forms'
// files (they name the applicant) and its signed result with the other
// files; the records stay, so the check page still says what was issued.
func TestEraseKeepsSignedRecords(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newStatsFixture(t, s)
		h := f.dossier(f.root, f.procOnline, dossier.Dossier{Status: dossier.Returned, ReceivedAt: vn(2025, 1, 2, 9, 0),
			DueAt: vn(2025, 1, 9, 16, 0), FinishedAt: vn(2025, 1, 8, 9, 0), ReturnedAt: vn(2025, 1, 8, 10, 0)})
		if err := s.InsertHistoricalDossiers(ctx, []store.HistoricalDossier{h}); err != nil {
			t.Fatal(err)
		}
		id := dossierID(t, s, f.site, h.Dossier.Code)
		dir := t.TempDir()
		for i, kind := range []string{"result", "form"} {
			name := fmt.Sprintf("ky-so-%d", i)
			if err := os.WriteFile(filepath.Join(dir, name), []byte("%PDF-1.7"), 0o600); err != nil {
				t.Fatal(err)
			}
			sf := store.SignedFile{SiteID: f.site, DossierID: id, Kind: kind, Form: 1, FormID: 1, Name: name + ".pdf", StoredName: name,
				Size: 8, SHA256: "00", Signer: "UBND", UnitName: f.root.Name, Code: fmt.Sprintf("ZZZZ-ZZZZ-ZZZZ-ZZZ%d", i+2), SignedAt: vn(2025, 1, 8, 9, 30)}
			if err := s.RecordSignedFile(ctx, &sf); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.SetRetentionMonths(ctx, f.site, 6); err != nil {
			t.Fatal(err)
		}
		res, err := s.ErasePersonalData(ctx, vn(2026, 3, 1, 0, 0), dir)
		if err != nil || res.Dossiers != 1 || res.Files != 2 {
			t.Fatalf("erased %+v %v", res, err)
		}
		left, _ := os.ReadDir(dir)
		if len(left) != 0 {
			t.Fatalf("files left: %v", left)
		}
		all, err := s.SignedFiles(ctx, id)
		if err != nil || len(all) != 2 {
			t.Fatalf("records %+v %v", all, err)
		}
		for _, r := range all {
			if r.StoredName != "" || r.SHA256 != "00" || r.Code == "" {
				t.Errorf("after erasure %+v", r)
			}
		}
		if _, err := s.SignedForm(ctx, id, 1); err != store.ErrNotFound {
			t.Errorf("an erased signed form is still served: %v", err)
		}
	})
}
