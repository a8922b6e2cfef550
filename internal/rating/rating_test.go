package rating

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func form(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestParse(t *testing.T) {
	full := map[string]string{"overall": "5", "time": "4", "visits": "3", "attitude": "2", "clarity": "1", "comment": "  Cán bộ   nhiệt tình.\r\n\r\n\r\nCảm ơn!\x00  "}
	r, errs := Parse(form(full))
	if len(errs) != 0 {
		t.Fatalf("errors %v", errs)
	}
	if r.Score(Overall) != VerySatisfied || r.Score(Clarity) != VeryDissatisfied || r.Score(Complaints) != 0 {
		t.Fatalf("scores %v", r.Scores)
	}
	if r.Comment != "Cán bộ nhiệt tình.\n\nCảm ơn!" {
		t.Fatalf("comment %q", r.Comment)
	}

	r, errs = Parse(form(map[string]string{"overall": "6", "time": "x", "visits": "", "attitude": "4", "clarity": "4", "complaints": "-1"}))
	for _, k := range []string{"overall", "time", "visits", "complaints"} {
		if errs[k] == "" {
			t.Errorf("%s: no error (%v)", k, errs)
		}
	}
	if errs["attitude"] != "" || errs["clarity"] != "" || errs["comment"] != "" {
		t.Errorf("unexpected errors %v", errs)
	}
	if !strings.Contains(errs["visits"], "Vui lòng chọn mức đánh giá") {
		t.Errorf("visits: %q", errs["visits"])
	}

	// Decomposed Vietnamese is normalised before counting; too long is
	// refused, not cut.
	long := map[string]string{"overall": "4", "time": "4", "visits": "4", "attitude": "4", "clarity": "4", "comment": strings.Repeat("e\u0302\u0301", MaxComment+1)}
	if _, errs := Parse(form(long)); !strings.Contains(errs["comment"], "1001 ký tự") {
		t.Errorf("long comment: %v", errs)
	}
	long["comment"] = strings.Repeat("e\u0302\u0301", MaxComment)
	if r, errs := Parse(form(long)); len(errs) != 0 || r.Comment != strings.Repeat("ế", MaxComment) {
		t.Errorf("comment at the limit: %v", errs)
	}
}

func TestAggregates(t *testing.T) {
	mk := func(o, c int) Rating {
		r := Rating{Scores: map[string]Level{Overall: Level(o)}}
		if c > 0 {
			r.Scores[Complaints] = Level(c)
		}
		return r
	}
	// Units: 1 province ← 2 commune ← 3 hamlet office; 4 another root.
	parent := map[int64]int64{2: 1, 3: 2}
	own := map[int64]Sums{}
	add := func(u int64, r Rating) { s := own[u]; s.AddRating(r); own[u] = s }
	add(1, mk(5, 0))
	add(2, mk(4, 2))
	add(2, mk(3, 0))
	add(3, mk(1, 5))
	add(4, mk(2, 0))
	all := RollUp(own, parent)
	st := all[1].Stats()
	if st.Count != 4 || st.Satisfied != (Ratio{2, 4}) {
		t.Fatalf("unit 1: %+v", st)
	}
	if st.Criteria[0].Average != (Mean{13, 4}) || st.Criteria[0].Average.Value() != 3.25 {
		t.Fatalf("average %+v", st.Criteria[0].Average)
	}
	var comp CriterionStat
	for _, c := range st.Criteria {
		if c.Key == Complaints {
			comp = c
		}
	}
	if comp.Average != (Mean{7, 2}) || comp.Satisfied != (Ratio{1, 2}) {
		t.Fatalf("complaints %+v", comp)
	}
	if s := all[2].Stats(); s.Count != 3 || s.Satisfied != (Ratio{1, 3}) {
		t.Fatalf("unit 2: %+v", s)
	}
	if s := all[4].Stats(); s.Count != 1 || s.Satisfied.Num != 0 {
		t.Fatalf("unit 4: %+v", s)
	}
	if s := (Sums{}).Stats(); s.Satisfied.OK() || s.Criteria[1].Average.OK() {
		t.Fatal("empty sums must be N/A")
	}
	// A cycle in bad data ends.
	if got := RollUp(map[int64]Sums{5: {Count: 1}}, map[int64]int64{5: 6, 6: 5}); got[5].Count != 1 || got[6].Count != 1 {
		t.Fatalf("cycle: %+v", got)
	}
}

func TestPeriods(t *testing.T) {
	loc := time.FixedZone("ICT", 7*3600)
	for key, want := range map[string][2]string{
		"2026":    {"2026-01-01", "2027-01-01"},
		"2026-Q3": {"2026-07-01", "2026-10-01"},
		"2026-q4": {"2026-10-01", "2027-01-01"},
		"2026-02": {"2026-02-01", "2026-03-01"},
	} {
		p, err := ParsePeriod(key, loc)
		if err != nil || p.From.Format("2006-01-02") != want[0] || p.To.Format("2006-01-02") != want[1] {
			t.Errorf("%s: %v %v %v", key, p.From, p.To, err)
		}
	}
	for _, bad := range []string{"26", "2026-13", "2026-Q5", "2026-1", "abcd", "1999", "2026-11-01"} {
		if _, err := ParsePeriod(bad, loc); !errors.Is(err, ErrPeriod) {
			t.Errorf("%q accepted", bad)
		}
	}
	p, err := Range("2026-01-01", "2026-03-31", loc)
	if err != nil || !p.To.Equal(time.Date(2026, 4, 1, 0, 0, 0, 0, loc)) {
		t.Fatalf("range %v %v", p, err)
	}
	for _, bad := range [][2]string{{"2026-13-01", ""}, {"", "31/03/2026"}, {"2026-04-01", "2026-03-31"}} {
		if _, err := Range(bad[0], bad[1], loc); !errors.Is(err, ErrPeriod) {
			t.Errorf("%v accepted", bad)
		}
	}
	if p, _ := Range("", "", loc); p.Key != "" || !p.From.IsZero() {
		t.Error("empty range is all time")
	}
	m, q, y := Recent(time.Date(2026, 2, 10, 0, 0, 0, 0, loc), loc)
	if m[1].Key != "2026-01" || m[2].Key != "2025-12" || q[0].Key != "2026-Q1" || q[1].Key != "2025-Q4" || y[2].Key != "2024" {
		t.Fatalf("recent %s %s %s %s %s", m[1].Key, m[2].Key, q[0].Key, q[1].Key, y[2].Key)
	}
}
