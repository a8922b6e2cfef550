package web_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// statsEnv: Sở Tư pháp (STP) with one sub-unit (PHC), three dossiers
// finished in September 2026: early (online), late (PHC), on time.
func newStatsEnv(t *testing.T, s *store.Store) *env {
	t.Helper()
	e := newEnv(t, s)
	root := catalogue.Unit{SiteID: e.site.ID, Code: "STP", Name: "Sở Tư pháp", Kind: catalogue.KindDepartment}
	if err := s.CreateUnit(ctx, &root); err != nil {
		t.Fatal(err)
	}
	child := catalogue.Unit{SiteID: e.site.ID, ParentID: root.ID, Code: "PHC", Name: "Phòng Hành chính tư pháp", Kind: catalogue.KindDepartment}
	if err := s.CreateUnit(ctx, &child); err != nil {
		t.Fatal(err)
	}
	proc := catalogue.Procedure{SiteID: e.site.ID, Code: "1.000001", Slug: "cap-ban-sao", Name: "Cấp bản sao", Level: catalogue.LevelFull,
		TimeAmount: 3, TimeUnit: catalogue.TimeWorkingDays, Published: true, Units: []catalogue.Unit{{ID: root.ID}}}
	if err := s.SaveProcedure(ctx, &proc); err != nil {
		t.Fatal(err)
	}
	at := func(d, h int) time.Time { return time.Date(2026, 9, d, h, 0, 0, 0, dossier.Loc).UTC() }
	mk := func(u catalogue.Unit, n int, ch dossier.Channel, recv, due, fin time.Time) store.HistoricalDossier {
		return store.HistoricalDossier{Dossier: dossier.Dossier{SiteID: e.site.ID, Code: dossier.Code(u.Code, recv, n), ProcedureID: proc.ID, UnitID: u.ID,
			Channel: ch, Status: dossier.Finished, ApplicantName: "Trần Thị Bình", SubmittedAt: recv, RespondedAt: recv, ReceivedAt: recv, DueAt: due, FinishedAt: fin}}
	}
	if err := s.InsertHistoricalDossiers(ctx, []store.HistoricalDossier{
		mk(root, 1, dossier.Online, at(1, 9), at(4, 16), at(3, 10)),
		mk(child, 1, dossier.Counter, at(7, 9), at(10, 16), at(10, 17)),
		mk(root, 2, dossier.Counter, at(14, 9), at(17, 16), at(17, 9)),
	}); err != nil {
		t.Fatal(err)
	}
	return e
}

type apiStats struct {
	Unit    struct{ Code, Name string }
	Period  struct{ Kind, Key, Label, From, To string }
	Figures map[string]struct {
		Num, Den int64
		Rate     *float64
	}
	Scores []struct {
		Group, Indicator, Formula, Note string
		Figure                          struct{ Num, Den int64 }
		Points, Max                     float64
		NA                              bool
	}
	Total struct {
		Points, Max float64
	}
	Children []struct {
		Unit    struct{ Code string }
		Figures map[string]struct{ Num, Den int64 }
	}
	Notes map[string]string
	Error *struct{ Code, Message string }
}

func getStats(t *testing.T, e *env, q string) (resp, apiStats) {
	t.Helper()
	r := e.get("/api/v1/stats/dossiers?" + q)
	var out apiStats
	if err := json.Unmarshal([]byte(r.body), &out); err != nil {
		t.Fatalf("%s: %v %s", q, err, r.body)
	}
	return r, out
}

func TestStatsDossiersAPI(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newStatsEnv(t, s)
		r, a := getStats(t, e, "unit=STP&period=2026-09")
		if r.code != 200 || a.Unit.Code != "STP" || a.Period.Key != "2026-09" || a.Period.To != "2026-09-30" {
			t.Fatalf("%d %+v", r.code, a)
		}
		f := a.Figures
		if f["received"].Num != 3 || f["early"].Num != 1 || f["on_time"].Num != 1 || f["late"].Num != 1 ||
			f["on_time_rate"].Num != 2 || f["on_time_rate"].Den != 3 || f["online_share"].Num != 1 || f["online_share"].Den != 3 {
			t.Errorf("figures %+v", f)
		}
		if len(a.Children) != 1 || a.Children[0].Unit.Code != "PHC" || a.Children[0].Figures["late"].Num != 1 {
			t.Errorf("children %+v", a.Children)
		}
		// Every indicator of the six groups, recomputed from the three
		// dossiers of newStatsEnv (all on time but the PHC one, one online,
		// none complained about or rated, no electronic result) and the
		// catalogue (one published procedure, without steps or fees).
		type fig struct{ num, den int64 }
		want := map[string]fig{
			"Tỷ lệ TTHC được công khai đầy đủ nội dung":       {0, 1},
			"Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn":           {2, 3},
			"Tỷ lệ hồ sơ trực tuyến":                          {1, 3},
			"Tỷ lệ hồ sơ thanh toán trực tuyến":               {0, 0},
			"Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC": {2, 3},
			"Tỷ lệ số hóa hồ sơ":                              {1, 3},
			"Tỷ lệ cấp kết quả điện tử":                       {0, 3},
		}
		groups := map[string]float64{}
		for _, sc := range a.Scores {
			groups[sc.Group] += sc.Max
			w, ok := want[sc.Indicator]
			if !ok || sc.Figure.Num != w.num || sc.Figure.Den != w.den || sc.Formula == "" || sc.NA != (w.den == 0) {
				t.Errorf("score %+v, want %+v", sc, w)
			}
			delete(want, sc.Indicator)
		}
		if len(want) != 0 || len(groups) != 6 || a.Total.Max != 100 || a.Notes["complaints"] == "" || a.Notes["payment"] == "" {
			t.Errorf("missing %v, groups %v, total %+v, notes %v", want, groups, a.Total, a.Notes)
		}
		// The sub-unit alone, by id-less code, case-insensitive.
		_, b := getStats(t, e, "unit=phc&period=2026-09")
		if b.Figures["on_time_rate"].Num != 0 || b.Figures["on_time_rate"].Den != 1 {
			t.Errorf("PHC %+v", b.Figures)
		}
		// Custom days, both ends included: 1–10 September.
		_, c := getStats(t, e, "unit=STP&from=2026-09-01&to=2026-09-10")
		if c.Period.Kind != "custom" || c.Figures["received"].Num != 2 || c.Figures["finished"].Num != 2 {
			t.Errorf("custom %+v %+v", c.Period, c.Figures)
		}
		// An empty period has no rates: null, not 0.
		_, d := getStats(t, e, "period=2025-01")
		if d.Figures["on_time_rate"].Rate != nil || d.Figures["on_time_rate"].Den != 0 {
			t.Errorf("empty %+v", d.Figures["on_time_rate"])
		}
		// Bad input.
		for q, want := range map[string]int{"period=2026-13": 400, "period=2026-Q5": 400, "from=2026-09-10&to=2026-09-01": 400,
			"period=2026-09&from=2026-09-01&to=2026-09-02": 400, "from=2026-09-01": 400, "unit=KHONGCO&period=2026-09": 404, "unit=99999": 404} {
			r, x := getStats(t, e, q)
			if r.code != want || x.Error == nil || x.Error.Message == "" || (want == 400 && x.Error.Code != "bad_period") || (want == 404 && x.Error.Code != "unknown_unit") {
				t.Errorf("%s: %d %s", q, r.code, r.body)
			}
		}
	})
}

func TestStatsDossiersPage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newStatsEnv(t, s)
		r := e.get("/thong-ke?unit=STP&period=2026-09")
		if r.code != 200 {
			t.Fatalf("%d %s", r.code, r.body)
		}
		mustContain(t, r, "Tháng 9/2026", "Sở Tư pháp", "66,7%", "33,3%", "<svg", `role="img"`, "<title id=\"bd-thang-t\">",
			"Tháng 9/2026: tiếp nhận 3, giải quyết 3 (trễ hạn 1)", "Phòng Hành chính tư pháp", "/thong-ke/danh-gia",
			`href="/thong-ke" aria-current="page"`, "/thong-ke/tai-ve.xlsx?period=2026-09&amp;unit=", "Cách tính", "N/A")
		if strings.Contains(r.body, "<script") {
			t.Error("the statistics page needs no JavaScript")
		}
		if r.hdr.Get("Cache-Control") != "public, max-age=300" {
			t.Errorf("closed period cache: %q", r.hdr.Get("Cache-Control"))
		}
		if r := e.get("/thong-ke"); r.code != 200 || strings.Contains(r.body, "Toàn tỉnh") || !strings.Contains(r.body, "(tất cả đơn vị)") {
			t.Errorf("default page: %d", r.code)
		}
		for target, want := range map[string]int{"/thong-ke?period=2026-13": 400, "/thong-ke?unit=KHONGCO": 404, "/thong-ke/tai-ve.csv?period=abc": 400} {
			r := e.get(target)
			if r.code != want || !strings.Contains(r.body, "không") && !strings.Contains(r.body, "Không") {
				t.Errorf("%s: %d", target, r.code)
			}
		}
		mustContain(t, e.get("/thong-ke?period=2026-13"), "Tháng &#34;2026-13&#34; không hợp lệ")
	})
}

func TestStatsDossiersExports(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newStatsEnv(t, s)
		r := e.get("/thong-ke/tai-ve.csv?unit=STP&period=2026-09")
		if r.code != 200 || !strings.HasPrefix(r.body, "\ufeff") || !strings.Contains(r.hdr.Get("Content-Disposition"), "thong-ke-stp-2026-09.csv") {
			t.Fatalf("csv %d %q", r.code, r.hdr)
		}
		recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.body, "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		find := func(rows [][]string, unit, key string) []string {
			for _, row := range rows {
				if len(row) > 6 && row[1] == unit && row[6] == key {
					return row
				}
			}
			return nil
		}
		if row := find(recs, "STP", "on_time_rate"); row == nil || row[0] != "Sở Tư pháp" || row[7] != "2" || row[8] != "3" || row[9] != "66,7%" {
			t.Errorf("csv row %q", row)
		}
		if row := find(recs, "PHC", "late"); row == nil || row[7] != "1" || row[8] != "1" {
			t.Errorf("csv PHC row %q", row)
		}
		x := e.get("/thong-ke/tai-ve.xlsx?unit=STP&period=2026-09")
		if x.code != 200 || !strings.Contains(x.hdr.Get("Content-Type"), "spreadsheetml") {
			t.Fatalf("xlsx %d %q", x.code, x.hdr)
		}
		rows, err := catalogue.ReadXLSX(bytes.NewBufferString(x.body).Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if row := find(rows, "STP", "on_time_rate"); row == nil || row[2] != "Tháng 9/2026" || row[7] != "2" || row[8] != "3" || row[9] != "66.7" {
			t.Errorf("xlsx row %q", row)
		}
		if row := find(rows, "STP", "near_due"); row == nil || row[9] != "N/A" {
			t.Errorf("xlsx N/A row %q", row)
		}
	})
}
