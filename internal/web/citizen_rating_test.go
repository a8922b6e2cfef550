package web_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/rating"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// lastDossierID is the newest dossier's id.
func lastDossierID(t *testing.T, s *store.Store) int64 {
	t.Helper()
	var id int64
	if err := s.DB().QueryRow(`SELECT MAX(id) FROM dossiers`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// markReturned puts a dossier in status 10 as the officer's last move would.
func markReturned(t *testing.T, s *store.Store, id int64) {
	t.Helper()
	q := `UPDATE dossiers SET status = 10, prev_status = 9, returned_at = ?, finished_at = ?, version = version + 1 WHERE id = ?`
	if s.Dialect() == store.Postgres {
		q = `UPDATE dossiers SET status = 10, prev_status = 9, returned_at = $1, finished_at = $2, version = version + 1 WHERE id = $3`
	}
	now := time.Now().UTC()
	if _, err := s.DB().Exec(q, now, now, id); err != nil {
		t.Fatal(err)
	}
}

var goodRating = map[string]string{"overall": "4", "time": "5", "visits": "4", "attitude": "5", "clarity": "3", "complaints": "0",
	"comment": "Cán bộ hướng dẫn tận tình,\r\nnhưng phải chờ lâu."}

func copyForm(m map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[k] = v
	}
	return out
}

// A citizen rates once, through the private link, only after the result is
// handed back; a second rating, an early one and a forged link change
// nothing.
func TestCitizenRating(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		token := de.submit(t, de.validForm())
		id := lastDossierID(t, s)
		path := "/ho-so-cua-toi/" + token + "/danh-gia"

		my := de.fetch(t, "/ho-so-cua-toi/"+token)
		if strings.Contains(my.body, `action="`+path+`"`) {
			t.Fatal("rating form offered before the result is returned")
		}
		r := de.post(t, path, copyForm(goodRating), nil, nil)
		if r.code != http.StatusConflict || !strings.Contains(r.body, "chưa được trả kết quả") || !strings.Contains(r.body, "Mới đăng ký") {
			t.Fatalf("rating in status 1: %d", r.code)
		}
		if n := countRows(t, s, "dossier_ratings"); n != 0 {
			t.Fatalf("%d ratings before status 10", n)
		}

		// A forged or wrong link is the same 404 as a missing page.
		missing := de.fetch(t, "/ho-so-cua-toi/khong-co-trang-nay/x/y")
		for _, forged := range []string{strings.Repeat("A", 22), token[:21] + "x", token + "x"} {
			if forged == token {
				continue
			}
			if r := de.post(t, "/ho-so-cua-toi/"+forged+"/danh-gia", copyForm(goodRating), nil, nil); r.code != 404 || r.body != missing.body {
				t.Errorf("forged %q: %d", forged, r.code)
			}
		}

		markReturned(t, s, id)
		my = de.fetch(t, "/ho-so-cua-toi/"+token)
		mustContain(t, my, `action="`+path+`"`, "<legend>Thời gian giải quyết hồ sơ", `name="overall" value="5"`, "Rất không hài lòng",
			`id="r-complaints-0" name="complaints" value="0" checked`, "<fieldset")

		// Missing answers: 422, a message per question, answers kept.
		bad := copyForm(goodRating)
		delete(bad, "visits")
		bad["attitude"] = "9"
		r = de.post(t, path, bad, nil, nil)
		if r.code != http.StatusUnprocessableEntity {
			t.Fatalf("incomplete rating: %d", r.code)
		}
		mustContain(t, r, "Chưa gửi được đánh giá", "Vui lòng chọn mức đánh giá cho “Số lần phải đi lại, liên hệ với cơ quan”",
			"không hợp lệ", `name="overall" value="4" checked`, "nhưng phải chờ lâu.")
		if n := countRows(t, s, "dossier_ratings"); n != 0 {
			t.Fatalf("%d ratings after a refused one", n)
		}

		r = de.post(t, path, copyForm(goodRating), nil, nil)
		if r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/ho-so-cua-toi/"+token+"?tb=danh-gia#danh-gia" {
			t.Fatalf("rating: %d %s", r.code, r.hdr.Get("Location"))
		}
		my = de.fetch(t, "/ho-so-cua-toi/"+token+"?tb=danh-gia")
		mustContain(t, my, "Cảm ơn ông/bà đã đánh giá", "Ông/bà đã đánh giá", "Rất hài lòng", "Cán bộ hướng dẫn tận tình,\nnhưng phải chờ lâu.")
		if strings.Contains(my.body, `action="`+path+`"`) {
			t.Error("form offered again after rating")
		}

		// Rated twice: 409, the first rating stays.
		again := copyForm(goodRating)
		again["overall"], again["comment"] = "1", "Đổi ý"
		r = de.post(t, path, again, nil, nil)
		if r.code != http.StatusConflict || !strings.Contains(r.body, "đã được đánh giá") {
			t.Fatalf("second rating: %d", r.code)
		}
		got, err := s.RatingByDossier(ctx, de.site.ID, id)
		if err != nil {
			t.Fatal(err)
		}
		if n := countRows(t, s, "dossier_ratings"); n != 1 || got.Score(rating.Overall) != 4 || got.Comment != "Cán bộ hướng dẫn tận tình,\nnhưng phải chờ lâu." || got.Score(rating.Complaints) != 0 {
			t.Fatalf("after second rating: %d rows, %+v", n, got)
		}
	})
}

// Submissions racing for one dossier: exactly one lands, the others are
// told it is already rated.
func TestCitizenRatingConcurrent(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		token := de.submit(t, de.validForm())
		markReturned(t, s, lastDossierID(t, s))
		const n = 6
		codes := make([]int, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				codes[i] = de.post(t, "/ho-so-cua-toi/"+token+"/danh-gia", copyForm(goodRating), nil, nil).code
			}()
		}
		wg.Wait()
		ok := 0
		for _, c := range codes {
			switch c {
			case http.StatusSeeOther:
				ok++
			case http.StatusConflict:
			default:
				t.Errorf("status %d", c)
			}
		}
		if ok != 1 || countRows(t, s, "dossier_ratings") != 1 {
			t.Fatalf("%d accepted, %d rows (%v)", ok, countRows(t, s, "dossier_ratings"), codes)
		}
	})
}

// returnedDossier makes a counter dossier of the unit, returned and rated.
func ratedDossier(t *testing.T, s *store.Store, site int64, proc catalogue.Procedure, unit int64, sc map[string]rating.Level, comment string, at time.Time) dossier.Dossier {
	t.Helper()
	d := dossier.Dossier{SiteID: site, ProcedureID: proc.ID, UnitID: unit, Channel: dossier.Counter,
		ApplicantName: "Vũ Thị Thu", ApplicantIDNumber: "001190054321", ApplicantDOB: "1990-01-02", ApplicantPhone: "0911222333",
		ApplicantAddress: "Thôn Đông", DueAt: time.Now().Add(48 * time.Hour)}
	if err := s.CreateCounterDossier(ctx, &d, "x", nil); err != nil {
		t.Fatal(err)
	}
	markReturned(t, s, d.ID)
	if err := s.CreateRating(ctx, &rating.Rating{DossierID: d.ID, SiteID: site, Scores: sc, Comment: comment, CreatedAt: at}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Dossier(ctx, site, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func levels(o, tm, v, a, c, comp int) map[string]rating.Level {
	m := map[string]rating.Level{rating.Overall: rating.Level(o), rating.Time: rating.Level(tm), rating.Visits: rating.Level(v),
		rating.Attitude: rating.Level(a), rating.Clarity: rating.Level(c)}
	if comp > 0 {
		m[rating.Complaints] = rating.Level(comp)
	}
	return m
}

// Officers see the ratings of their units only; admins all. The dossier
// page shows its rating.
func TestOfficerRatings(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		oe := newOfficerEnv(t, s)
		oe.addUser(t, "quantri", auth.RoleAdmin)
		now := time.Now()
		a := ratedDossier(t, s, oe.site.ID, oe.proc, oe.unit.ID, levels(5, 4, 4, 5, 4, 0), "Rất hài lòng với xã A", now)
		b := ratedDossier(t, s, oe.site.ID, oe.proc, oe.unitB.ID, levels(2, 2, 1, 3, 3, 2), "Phường B chậm", now)

		ba := oe.as(t, "motcuaa")
		q := ba.get("/quan-tri/ho-so")
		mustContain(t, q, `href="/quan-tri/ho-so/danh-gia"`)
		r := ba.get("/quan-tri/ho-so/danh-gia")
		if r.code != 200 {
			t.Fatalf("ratings page %d", r.code)
		}
		mustContain(t, r, a.Code, "Rất hài lòng với xã A", "100,0 % (1/1)")
		if strings.Contains(r.body, b.Code) || strings.Contains(r.body, "Phường B chậm") {
			t.Error("officer of unit A sees unit B's rating")
		}
		d := ba.get("/quan-tri/ho-so/" + itoa(a.ID))
		mustContain(t, d, "Đánh giá của người nộp", "Rất hài lòng với xã A")
		if r := ba.get("/quan-tri/ho-so/" + itoa(b.ID)); r.code != http.StatusForbidden || strings.Contains(r.body, "Phường B chậm") {
			t.Errorf("unit B's dossier: %d", r.code)
		}
		if r := ba.get("/quan-tri/ho-so/danh-gia?period=2026-13"); r.code != http.StatusBadRequest {
			t.Errorf("bad period %d", r.code)
		}

		bb := oe.as(t, "motcuab")
		r = bb.get("/quan-tri/ho-so/danh-gia")
		mustContain(t, r, b.Code, "Phường B chậm", "0,0 % (0/1)")
		if strings.Contains(r.body, a.Code) {
			t.Error("officer of unit B sees unit A's rating")
		}

		adm := oe.as(t, "quantri")
		r = adm.get("/quan-tri/ho-so/danh-gia")
		mustContain(t, r, a.Code, b.Code, "50,0 % (1/2)")
		// An empty period says so.
		r = adm.get("/quan-tri/ho-so/danh-gia?period=2001-01")
		mustContain(t, r, "Chưa có đánh giá nào trong kỳ này", "Không áp dụng (0/0)")

		// Editors have no business here.
		oe.addUser(t, "bientap", auth.RoleEditor)
		if r := oe.as(t, "bientap").get("/quan-tri/ho-so/danh-gia"); r.code != http.StatusForbidden {
			t.Errorf("editor: %d", r.code)
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// The public figures roll sub-units up and match a fixture worked out by
// hand; the API has the documented shape and its errors.
func TestPublicRatingStats(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		site := de.site.ID
		// Tree: Tỉnh ← Sở (STP) ← Phòng (PHC); the desk env's commune is
		// another root.
		prov := catalogue.Unit{SiteID: site, Code: "TINH", Name: "UBND tỉnh Thử Nghiệm", Kind: catalogue.KindProvince}
		if err := s.CreateUnit(ctx, &prov); err != nil {
			t.Fatal(err)
		}
		dept := catalogue.Unit{SiteID: site, ParentID: prov.ID, Code: "STP", Name: "Sở Tư pháp", Kind: catalogue.KindDepartment}
		if err := s.CreateUnit(ctx, &dept); err != nil {
			t.Fatal(err)
		}
		office := catalogue.Unit{SiteID: site, ParentID: dept.ID, Code: "PHC", Name: "Phòng Hành chính tư pháp", Kind: catalogue.KindAgency}
		if err := s.CreateUnit(ctx, &office); err != nil {
			t.Fatal(err)
		}
		de.proc.Units = append(de.proc.Units, prov, dept, office)
		if err := s.SaveProcedure(ctx, &de.proc); err != nil {
			t.Fatal(err)
		}
		mar := time.Date(2026, 3, 15, 10, 0, 0, 0, dossier.Loc)
		apr := time.Date(2026, 4, 2, 10, 0, 0, 0, dossier.Loc)
		ratedDossier(t, s, site, de.proc, prov.ID, levels(5, 5, 5, 5, 5, 0), "", mar)
		ratedDossier(t, s, site, de.proc, dept.ID, levels(4, 4, 3, 4, 4, 4), "", mar)
		ratedDossier(t, s, site, de.proc, office.ID, levels(2, 1, 2, 3, 2, 1), "", mar)
		ratedDossier(t, s, site, de.proc, office.ID, levels(3, 3, 3, 3, 3, 0), "", apr)
		ratedDossier(t, s, site, de.proc, de.unit.ID, levels(1, 1, 1, 1, 1, 0), "", mar)

		// Q1 2026, the province rolled up: overall 5, 4, 2 → 2 of 3
		// satisfied, average 11/3; complaints answered twice (4, 1).
		r := de.fetch(t, "/thong-ke/danh-gia?don-vi=TINH&period=2026-Q1")
		if r.code != 200 {
			t.Fatalf("page %d", r.code)
		}
		mustContain(t, r, "Mức độ hài lòng của người dân: UBND tỉnh Thử Nghiệm", "Quý I/2026", "66,7 % (2/3)", "3,67 / 5",
			"Sở Tư pháp", "Các đơn vị trực thuộc", `href="/thong-ke/danh-gia?don-vi=STP&amp;period=2026-Q1"`, "2,50 / 5", "50,0 % (1/2)")
		// Whole site, whole time: 5 ratings, overall 5,4,2,3,1 → 2/5.
		r = de.fetch(t, "/thong-ke/danh-gia")
		mustContain(t, r, "Tất cả đơn vị", "40,0 % (2/5)", "UBND xã Thử Nghiệm")
		if strings.Contains(r.body, `<th scope="row">UBND huyện Cũ`) {
			t.Error("a former unit with no ratings is listed")
		}
		if r := de.fetch(t, "/thong-ke/danh-gia?period=2026-Q7"); r.code != http.StatusBadRequest || !strings.Contains(r.body, "Kỳ thống kê không hợp lệ") {
			t.Errorf("bad period: %d", r.code)
		}
		if r := de.fetch(t, "/thong-ke/danh-gia?don-vi=KHONGCO"); r.code != http.StatusNotFound || !strings.Contains(r.body, "Không tìm thấy đơn vị") {
			t.Errorf("unknown unit: %d", r.code)
		}

		// The API: the Sở for March, sub-units rolled up.
		r = de.fetch(t, "/api/v1/stats/ratings?unit=STP&from=2026-03-01&to=2026-03-31")
		if r.code != 200 || !strings.HasPrefix(r.hdr.Get("Content-Type"), "application/json") {
			t.Fatalf("api %d %s", r.code, r.body)
		}
		var got struct {
			Unit *struct {
				ID         int64
				Code, Name string
			}
			From  *string
			To    *string
			Scale []struct {
				Value int
				Label string
			}
			Total struct {
				Count     int
				Satisfied struct {
					Numerator, Denominator int
					Percent                *float64
				}
				Criteria []struct {
					Key       string
					Rated     int
					Average   *float64
					Satisfied struct {
						Numerator, Denominator int
						Percent                *float64
					}
				}
			}
			Units []struct {
				Code  string
				Count int
			}
		}
		if err := json.Unmarshal([]byte(r.body), &got); err != nil {
			t.Fatal(err)
		}
		if got.Unit == nil || got.Unit.Code != "STP" || *got.From != "2026-03-01" || *got.To != "2026-03-31" || len(got.Scale) != 5 || got.Scale[0].Label != "Rất hài lòng" {
			t.Fatalf("api head: %s", r.body)
		}
		tot := got.Total
		if tot.Count != 2 || tot.Satisfied.Numerator != 1 || tot.Satisfied.Denominator != 2 || *tot.Satisfied.Percent != 50 {
			t.Fatalf("api total: %s", r.body)
		}
		// time: 4, 1 → 2.5; complaints: 4, 1 → 2.5 over 2 answers.
		crit := map[string]int{}
		for i, c := range tot.Criteria {
			crit[c.Key] = i
		}
		if c := tot.Criteria[crit["time"]]; c.Rated != 2 || *c.Average != 2.5 || c.Satisfied.Numerator != 1 {
			t.Fatalf("api time: %+v", c)
		}
		if c := tot.Criteria[crit["complaints"]]; c.Rated != 2 || *c.Average != 2.5 {
			t.Fatalf("api complaints: %+v", c)
		}
		if len(got.Units) != 1 || got.Units[0].Code != "PHC" || got.Units[0].Count != 1 {
			t.Fatalf("api units: %+v", got.Units)
		}
		// Nothing in the period: null figures, not zeros.
		r = de.fetch(t, "/api/v1/stats/ratings?from=2020-01-01&to=2020-12-31")
		if r.code != 200 || !strings.Contains(r.body, `"count":0`) || !strings.Contains(r.body, `"percent":null`) || !strings.Contains(r.body, `"average":null`) {
			t.Fatalf("empty period: %s", r.body)
		}

		errRE := regexp.MustCompile(`^\{"error":\{"code":"([a-z_]+)","message":"[^"]+`)
		for q, want := range map[string]struct {
			code int
			kind string
		}{
			"?from=2026-13-01":                  {400, "bad_request"},
			"?to=31/03/2026":                    {400, "bad_request"},
			"?from=2026-04-01&to=2026-03-01":    {400, "bad_request"},
			"?unit=KHONGCO":                     {404, "not_found"},
			"?unit=999999&from=2026-01-01":      {404, "not_found"},
			"?unit=STP&from=2026-01-01&to=2026": {400, "bad_request"},
		} {
			r := de.fetch(t, "/api/v1/stats/ratings"+q)
			m := errRE.FindStringSubmatch(r.body)
			if r.code != want.code || m == nil || m[1] != want.kind {
				t.Errorf("%s: %d %s", q, r.code, r.body)
			}
		}
	})
}
