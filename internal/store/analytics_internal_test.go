package store

import (
	"reflect"
	"testing"
	"time"
)

func TestSpan(t *testing.T) {
	d := func(s string) time.Time { x, _ := time.Parse("2006-01-02", s); return x }
	tests := []struct {
		from, to string
		periods  []string
		days     [][2]string
	}{
		{"2025-01-01", "2025-12-31", []string{"2025"}, nil},
		{"2026-02-01", "2026-02-28", []string{"2026-02"}, nil},
		{"2026-02-03", "2026-02-05", nil, [][2]string{{"2026-02-03", "2026-02-05"}}},
		{"2025-03-15", "2026-03-14", []string{"2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02"},
			[][2]string{{"2025-03-15", "2025-03-31"}, {"2026-03-01", "2026-03-14"}}},
		{"2024-12-31", "2026-01-01", []string{"2025"}, [][2]string{{"2024-12-31", "2024-12-31"}, {"2026-01-01", "2026-01-01"}}},
	}
	for _, tt := range tests {
		p, days := span(d(tt.from), d(tt.to))
		if !reflect.DeepEqual(p, tt.periods) || !reflect.DeepEqual(days, tt.days) {
			t.Errorf("span(%s, %s) = %v %v, want %v %v", tt.from, tt.to, p, days, tt.periods, tt.days)
		}
	}
}
