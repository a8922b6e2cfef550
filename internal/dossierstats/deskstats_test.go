package dossierstats

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/congportal/cong/internal/catalogue"
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
	c := Counts{Early: 3, OnTime: 5, Late: 2, New: 10, Eligible: 10, EligibleOnline: 4, Dissatisfied: 3, Digitised: 5, ResultElectronic: 10}
	sc := cfg.Score(c, Figure{9, 10})
	byInd := map[string]Score{}
	for _, x := range sc {
		byInd[x.Indicator] = x
	}
	// On-time 80%: halfway between 50% and 100% of 20 points = 12.
	if tl := byInd["Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn"]; tl.Figure != (Figure{8, 10}) || tl.Points != 12 || tl.NA {
		t.Errorf("timeliness %+v", tl)
	}
	// Online 40% of 80% → 6 of 12.
	if o := byInd["Tỷ lệ hồ sơ trực tuyến"]; o.Points != 6 {
		t.Errorf("online %+v", o)
	}
	// Satisfaction: 3 of 10 finished dissatisfied (late, complained or
	// rated badly) → 70% → 18·0.4.
	if s := byInd["Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC"]; s.Figure != (Figure{7, 10}) || s.Points != 7.2 {
		t.Errorf("satisfaction %+v", s)
	}
	if p := byInd["Tỷ lệ TTHC được công khai đầy đủ nội dung"]; p.Points != 16.2 || p.Group != "publicity" {
		t.Errorf("publicity %+v", p)
	}
	if d := byInd["Tỷ lệ số hóa hồ sơ"]; d.Points != 5.5 || d.Figure != (Figure{5, 10}) {
		t.Errorf("digitised %+v", d)
	}
	if pay := byInd["Tỷ lệ hồ sơ thanh toán trực tuyến"]; !pay.NA || pay.Note == "" {
		t.Errorf("payment must be N/A with a reason: %+v", pay)
	}
	points, max, measured := Total(sc)
	if max != 100 || measured != 90 || points != 12+6+7.2+16.2+5.5+11 {
		t.Errorf("total %v / %v (measured %v)", points, max, measured)
	}
	groups := map[string]float64{}
	for _, x := range sc {
		groups[x.Group] += x.Max
	}
	want := map[string]float64{"publicity": 18, "timeliness": 20, "online": 12, "payment": 10, "satisfaction": 18, "digitisation": 22}
	if fmt.Sprint(groups) != fmt.Sprint(want) {
		t.Errorf("groups %v, want Decision 766's %v", groups, want)
	}
	for _, e := range cfg.Score(Counts{}, Figure{}) {
		if !e.NA {
			t.Errorf("empty: %+v", e)
		}
	}
}

// An open dossier already past its appointment is late already: it is in
// the on-time rate's denominator.
func TestOnTimeRateCountsOpenOverdue(t *testing.T) {
	c := Counts{Early: 1, OnTime: 1, Late: 0, Overdue: 2, InTime: 5}
	if got := c.OnTimeRate(); got != (Figure{2, 4}) {
		t.Errorf("on-time rate %+v, want 2/4", got)
	}
}

// Satisfaction reads the citizens' ratings and the complaints, not the
// on-time rate: with nobody late it can still fall.
func TestSatisfactionIsNotTheOnTimeRate(t *testing.T) {
	c := Counts{Early: 4, OnTime: 6, Dissatisfied: 2, Complained: 1, RatedBad: 1}
	if c.Satisfaction() != (Figure{8, 10}) || c.OnTimeRate() != (Figure{10, 10}) {
		t.Errorf("satisfaction %+v, on time %+v", c.Satisfaction(), c.OnTimeRate())
	}
}

// Online share: each dossier once, in the period it was received.
func TestOnlineShareCountsNewOnly(t *testing.T) {
	c := Counts{New: 10, Carried: 5, NewOnline: 4, CarriedOnline: 3}
	if c.OnlineShare() != (Figure{4, 10}) {
		t.Errorf("online share %+v", c.OnlineShare())
	}
}

func TestBuildRollup(t *testing.T) {
	units := []catalogue.Unit{{ID: 1, Code: "A"}, {ID: 2, ParentID: 1, Code: "A1"}, {ID: 3, ParentID: 2, Code: "A11", ValidTo: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}, {ID: 4, Code: "B"}}
	raw := map[int64]Counts{1: {New: 1}, 2: {New: 2}, 3: {New: 4, Late: 1}, 4: {New: 8}}
	r, err := Build(units, raw, Figure{}, 1, MonthOf(2026, 1), time.Now(), DefaultConfig())
	if err != nil || r.Counts.New != 7 || r.Counts.Late != 1 || len(r.Children) != 1 || r.Children[0].Counts.New != 6 {
		t.Errorf("A: %+v %v", r, err)
	}
	r, _ = Build(units, raw, Figure{}, 0, MonthOf(2026, 1), time.Now(), DefaultConfig())
	if r.Counts.New != 15 || len(r.Children) != 2 || r.Unit.Name != "Toàn tỉnh" {
		t.Errorf("province: %+v", r)
	}
	if _, err := Build(units, raw, Figure{}, 99, MonthOf(2026, 1), time.Now(), DefaultConfig()); !errors.Is(err, ErrUnknownUnit) {
		t.Errorf("unknown: %v", err)
	}
}
