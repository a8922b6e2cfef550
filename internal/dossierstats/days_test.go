package dossierstats

import (
	"reflect"
	"testing"
	"time"
)

// Spans must cover exactly the days asked for, each once, with whole years
// and months wherever they fit.
func TestSpans(t *testing.T) {
	for _, tc := range []struct {
		from, to string
		want     []SpanRange
	}{
		{"2025-01-01", "2026-01-01", []SpanRange{{SpanYear, "2025", "2026"}}},
		{"2026-10-01", "2026-11-01", []SpanRange{{SpanMonth, "2026-10", "2026-11"}}},
		{"2026-07-01", "2026-10-01", []SpanRange{{SpanMonth, "2026-07", "2026-10"}}},
		{"2026-12-01", "2027-01-01", []SpanRange{{SpanMonth, "2026-12", "2027-01"}}},
		{"2026-02-10", "2026-03-21", []SpanRange{{SpanDay, "2026-02-10", "2026-03-01"}, {SpanDay, "2026-03-01", "2026-03-21"}}},
		{"2025-03-15", "2026-03-15", []SpanRange{{SpanDay, "2025-03-15", "2025-04-01"}, {SpanMonth, "2025-04", "2026-01"},
			{SpanMonth, "2026-01", "2026-03"}, {SpanDay, "2026-03-01", "2026-03-15"}}},
		{"", "2026-10-05", []SpanRange{{SpanYear, "", "2026"}, {SpanMonth, "2026-01", "2026-10"}, {SpanDay, "2026-10-01", "2026-10-05"}}},
		{"", "2026-01-01", []SpanRange{{SpanYear, "", "2026"}}},
		{"2026-05-05", "2026-05-05", nil},
	} {
		got := Spans(tc.from, tc.to)
		// Adjacent ranges of one kind are merged; ranges of one kind may
		// still be two when another kind lies between them in time.
		merged := mergeKinds(tc.want)
		if !reflect.DeepEqual(mergeKinds(got), merged) {
			t.Errorf("Spans(%q, %q) = %+v, want %+v", tc.from, tc.to, got, tc.want)
		}
	}
	// Exhaustively for a stretch of days: every day in [from, to) is in
	// exactly one range (its own, its month's or its year's).
	start := time.Date(2023, 11, 20, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 800; i += 23 {
		for j := i; j < i+800; j += 29 {
			f, to := start.AddDate(0, 0, i), start.AddDate(0, 0, j)
			rs := Spans(f.Format("2006-01-02"), to.Format("2006-01-02"))
			for d := f.AddDate(0, 0, -40); d.Before(to.AddDate(0, 0, 40)); d = d.AddDate(0, 0, 1) {
				day := d.Format("2006-01-02")
				month, year := SpanKeys(day)
				n := 0
				for _, r := range rs {
					key := map[SpanKind]string{SpanDay: day, SpanMonth: month, SpanYear: year}[r.Kind]
					if key >= r.From && key < r.To {
						n++
					}
				}
				inside := !d.Before(f) && d.Before(to)
				if (inside && n != 1) || (!inside && n != 0) {
					t.Fatalf("Spans(%s, %s) = %+v covers %s %d times", f.Format("2006-01-02"), to.Format("2006-01-02"), rs, day, n)
				}
			}
		}
	}
}

func mergeKinds(rs []SpanRange) []SpanRange {
	var out []SpanRange
	for _, r := range rs {
		if n := len(out); n > 0 && out[n-1].Kind == r.Kind && out[n-1].To == r.From {
			out[n-1].To = r.To
			continue
		}
		out = append(out, r)
	}
	return out
}
