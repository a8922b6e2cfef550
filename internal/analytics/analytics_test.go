package analytics

import (
	"errors"
	"testing"
	"time"

	"github.com/congportal/cong/internal/store"
)

func TestParsePeriod(t *testing.T) {
	hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	// 23:30 UTC on 9 March is already 10 March in Vietnam.
	now := time.Date(2026, 3, 9, 23, 30, 0, 0, time.UTC)
	tests := []struct {
		from, to         string
		wantFrom, wantTo string
		field            string
		malformed        bool
	}{
		{"", "", "2026-02-09", "2026-03-10", "", false},
		{"2026-03-01", "2026-03-01", "2026-03-01", "2026-03-01", "", false},
		{"2025-03-10", "2026-03-10", "2025-03-10", "2026-03-10", "", false}, // 366 days
		{"2025-03-09", "2026-03-10", "", "", "to", false},                   // 367 days
		{"2026-03-02", "2026-03-01", "", "", "from", false},
		{"1999-01-01", "1999-01-02", "", "", "from", false},
		{"2026-02-30", "", "", "", "from", true},
		{"", "10/03/2026", "", "", "to", true},
	}
	for _, tt := range tests {
		p, err := ParsePeriod(tt.from, tt.to, now, hcm)
		if tt.field == "" {
			if err != nil || p.FromISO() != tt.wantFrom || p.ToISO() != tt.wantTo {
				t.Errorf("ParsePeriod(%q, %q) = %s..%s, %v", tt.from, tt.to, p.FromISO(), p.ToISO(), err)
			}
			continue
		}
		var pe *PeriodError
		if !errors.As(err, &pe) || pe.Fields[tt.field] == "" || pe.Malformed != tt.malformed {
			t.Errorf("ParsePeriod(%q, %q): %v, want an error on %s (malformed %v)", tt.from, tt.to, err, tt.field, tt.malformed)
		}
	}
}

func TestChartAndRows(t *testing.T) {
	days := []store.TrafficDay{{Day: "2026-03-01", Visitors: 2, Views: 4}, {Day: "2026-03-02", Visitors: 0, Views: 0}}
	c := NewChart(days, 720, 240)
	if c.Max != 4 || c.Views != "40,8 712,216" || c.Visitors != "40,112 712,216" || len(c.Ticks) != 2 || c.Ticks[0].Label != "01/03" {
		t.Errorf("chart %+v", c)
	}
	rows := Rows(store.Traffic{From: "2026-03-01", To: "2026-03-02", Days: days, Visitors: 2, Views: 4,
		Referrers: []store.TrafficItem{{Name: "zalo", Detail: "zalo.me", N: 2}}, Bots: []store.TrafficItem{{Name: "not_browser", N: 7}}})
	find := func(want ...any) bool {
		for _, r := range rows {
			if len(r) == len(want) {
				ok := true
				for i := range r {
					if r[i] != want[i] {
						ok = false
					}
				}
				if ok {
					return true
				}
			}
		}
		return false
	}
	if !find("01/03/2026", int64(2), int64(4)) || !find("Zalo", "zalo.me", int64(2)) || !find("Không phải trình duyệt", int64(7)) || !find("Tổng", int64(2), int64(4)) {
		t.Errorf("rows %v", rows)
	}
}
