package deskstats

import (
	"errors"
	"testing"
	"time"

	"github.com/congportal/cong/internal/desk"
	"github.com/congportal/cong/internal/dossier"
)

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in, key, label string
		from, to       time.Time
	}{
		{"2026-10", "2026-10", "Tháng 10/2026", time.Date(2026, 10, 1, 0, 0, 0, 0, dossier.Loc), time.Date(2026, 11, 1, 0, 0, 0, 0, dossier.Loc)},
		{"2026-12", "2026-12", "Tháng 12/2026", time.Date(2026, 12, 1, 0, 0, 0, 0, dossier.Loc), time.Date(2027, 1, 1, 0, 0, 0, 0, dossier.Loc)},
		{"2026-q3", "2026-Q3", "Quý III/2026", time.Date(2026, 7, 1, 0, 0, 0, 0, dossier.Loc), time.Date(2026, 10, 1, 0, 0, 0, 0, dossier.Loc)},
		{" 2026 ", "2026", "Năm 2026", time.Date(2026, 1, 1, 0, 0, 0, 0, dossier.Loc), time.Date(2027, 1, 1, 0, 0, 0, 0, dossier.Loc)},
	} {
		p, err := Parse(c.in)
		if err != nil || p.Key != c.key || p.Label() != c.label || !p.From.Equal(c.from) || !p.To.Equal(c.to) {
			t.Errorf("%q: %+v %q %v", c.in, p, p.Label(), err)
		}
	}
	// Midnight in Vietnam is 17:00 UTC the day before.
	if p, _ := Parse("2026-10"); p.From.UTC() != time.Date(2026, 9, 30, 17, 0, 0, 0, time.UTC) {
		t.Errorf("from in UTC: %v", p.From.UTC())
	}
	for _, bad := range []string{"", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "26-10", "abcd", "1999", "2026-1", "2026/10", "2026-10-01"} {
		_, err := Parse(bad)
		var pe *PeriodError
		if !errors.Is(err, ErrPeriod) || !errors.As(err, &pe) || pe.Msg == "" {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestParseQuery(t *testing.T) {
	now := time.Date(2026, 10, 31, 18, 0, 0, 0, time.UTC) // 1 Nov in Vietnam
	p, err := ParseQuery("", "", "", now)
	if err != nil || p.Key != "2026-11" {
		t.Errorf("default: %+v %v", p, err)
	}
	p, err = ParseQuery("", "2026-01-05", "2026-02-10", now)
	if err != nil || p.Kind != Custom || p.Label() != "Từ 05/01/2026 đến 10/02/2026" ||
		!p.To.Equal(time.Date(2026, 2, 11, 0, 0, 0, 0, dossier.Loc)) {
		t.Errorf("custom: %+v %q %v", p, p.Label(), err)
	}
	for _, c := range [][3]string{{"2026-10", "2026-01-01", ""}, {"", "2026-01-01", ""}, {"", "2026-02-10", "2026-01-05"},
		{"", "2026-02-30", "2026-03-01"}, {"", "x", "y"}, {"", "2000-01-01", "2099-01-01"}} {
		if _, err := ParseQuery(c[0], c[1], c[2], now); !errors.Is(err, ErrPeriod) {
			t.Errorf("%v: %v", c, err)
		}
	}
	if !MonthOf(2026, 10).Closed(now) || MonthOf(2026, 11).Closed(now) {
		t.Error("Closed")
	}
	if got := MonthOf(2026, 11).AsOf(now); !got.Equal(now) {
		t.Errorf("AsOf running: %v", got)
	}
	ms := MonthsBefore(MonthOf(2026, 2), 12)
	if len(ms) != 12 || ms[0].Key != "2025-03" || ms[11].Key != "2026-02" {
		t.Errorf("months: %v … %v", ms[0].Key, ms[11].Key)
	}
}

func TestFigureAndScore(t *testing.T) {
	if (Figure{}).Percent() != "N/A" || (Figure{1, 3}).Percent() != "33,3%" || (Figure{3, 3}).Percent() != "100,0%" {
		t.Error("percent")
	}
	cfg := DefaultConfig()
	c := Counts{Early: 3, OnTime: 5, Late: 2, New: 10, Eligible: 10, EligibleOnline: 4}
	sc := cfg.Score(c)
	// On-time 80%: halfway between 50% and 100% of 20 points = 12.
	if sc[0].Figure != (Figure{8, 10}) || sc[0].Points != 12 || sc[0].NA {
		t.Errorf("timeliness %+v", sc[0])
	}
	// Online 40% of 80% → 6 of 12.
	if sc[1].Points != 6 {
		t.Errorf("online %+v", sc[1])
	}
	// Satisfaction: 100% − 20% late − 0% complaints = 80% → 18·0.6.
	if sc[2].Figure != (Figure{8, 10}) || sc[2].Points != 10.8 {
		t.Errorf("satisfaction %+v", sc[2])
	}
	if e := cfg.Score(Counts{}); !e[0].NA || !e[1].NA || !e[2].NA {
		t.Errorf("empty: %+v", e)
	}
}

func TestBuildRollup(t *testing.T) {
	units := []desk.Unit{{ID: 1, Code: "A"}, {ID: 2, ParentID: 1, Code: "A1"}, {ID: 3, ParentID: 2, Code: "A11", ValidTo: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}, {ID: 4, Code: "B"}}
	raw := map[int64]Counts{1: {New: 1}, 2: {New: 2}, 3: {New: 4, Late: 1}, 4: {New: 8}}
	r, err := Build(units, raw, 1, MonthOf(2026, 1), time.Now(), DefaultConfig())
	if err != nil || r.Counts.New != 7 || r.Counts.Late != 1 || len(r.Children) != 1 || r.Children[0].Counts.New != 6 {
		t.Errorf("A: %+v %v", r, err)
	}
	r, _ = Build(units, raw, 0, MonthOf(2026, 1), time.Now(), DefaultConfig())
	if r.Counts.New != 15 || len(r.Children) != 2 || r.Unit.Name != "Toàn tỉnh" {
		t.Errorf("province: %+v", r)
	}
	if _, err := Build(units, raw, 99, MonthOf(2026, 1), time.Now(), DefaultConfig()); !errors.Is(err, ErrUnknownUnit) {
		t.Errorf("unknown: %v", err)
	}
}
