package dossier

import (
	"errors"
	"testing"
	"time"

	"github.com/congportal/cong/internal/calendar"
)

func TestDueAtReceipt(t *testing.T) {
	c := cal()
	cases := []struct {
		name   string
		recv   time.Time
		amount int
		unit   string
		want   time.Time
		err    error
	}{
		{"working days from Monday morning", at(2026, 3, 2, 9, 0), 5, "working_days", at(2026, 3, 9, 9, 0), nil},
		{"working days skip the weekend", at(2026, 3, 6, 9, 0), 1, "working_days", at(2026, 3, 9, 9, 0), nil},
		{"after hours starts next working morning", at(2026, 3, 2, 18, 0), 1, "working_days", at(2026, 3, 3, 17, 0), nil},
		{"working hours across lunch", at(2026, 3, 2, 10, 0), 2, "working_hours", at(2026, 3, 2, 14, 0), nil},
		{"working days across Tết 2027", at(2027, 2, 4, 9, 0), 3, "working_days", at(2027, 2, 16, 9, 0), nil},
		{"same day before the cutoff", at(2026, 3, 2, 9, 0), 0, "same_day", at(2026, 3, 2, 17, 0), nil},
		{"same day after the cutoff", at(2026, 3, 2, 16, 0), 0, "same_day", at(2026, 3, 3, 17, 0), nil},
		{"unknown unit", at(2026, 3, 2, 9, 0), 3, "tuần", time.Time{}, calendar.ErrUnit},
		{"negative amount", at(2026, 3, 2, 9, 0), -1, "working_days", time.Time{}, calendar.ErrAmount},
		{"amount too large", at(2026, 3, 2, 9, 0), 1_000_000, "working_days", time.Time{}, calendar.ErrAmountLarge},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := DueAtReceipt(c, tc.recv, tc.amount, tc.unit)
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("err = %v, want %v", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tc.want) {
				t.Fatalf("due = %v, want %v", got.In(Loc), tc.want)
			}
		})
	}
}
