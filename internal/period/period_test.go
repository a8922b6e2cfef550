package period

import (
	"errors"
	"testing"
	"time"
)

func TestParseKey(t *testing.T) {
	loc := time.FixedZone("ICT", 7*3600)
	for _, c := range []struct {
		in       string
		kind     Kind
		key      string
		from, to string
	}{
		{"2026", Year, "2026", "2026-01-01", "2027-01-01"},
		{" 2026-q3 ", Quarter, "2026-Q3", "2026-07-01", "2026-10-01"},
		{"2026-Q4", Quarter, "2026-Q4", "2026-10-01", "2027-01-01"},
		{"2026-02", Month, "2026-02", "2026-02-01", "2026-03-01"},
		{"2026-12", Month, "2026-12", "2026-12-01", "2027-01-01"},
	} {
		s, err := ParseKey(c.in, loc)
		if err != nil {
			t.Fatalf("%q: %v", c.in, err)
		}
		if s.Kind != c.kind || s.Key != c.key || s.From.Format("2006-01-02") != c.from || s.To.Format("2006-01-02") != c.to || s.From.Location() != loc {
			t.Errorf("%q: %+v", c.in, s)
		}
	}
	for _, bad := range []string{"", "26", "1999", "2101", "2026-Q0", "2026-Q5", "2026-13", "2026-00", "2026-1", "2026/10", "abcd", "2026-10-01"} {
		_, err := ParseKey(bad, loc)
		var pe *Error
		if !errors.Is(err, ErrPeriod) || !errors.As(err, &pe) || pe.Msg == "" {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestParseDay(t *testing.T) {
	loc := time.FixedZone("ICT", 7*3600)
	d, err := ParseDay(" 2026-01-31 ", loc)
	if err != nil || !d.Equal(time.Date(2026, 1, 31, 0, 0, 0, 0, loc)) {
		t.Fatalf("%v %v", d, err)
	}
	for _, bad := range []string{"", "31/01/2026", "2026-02-30", "2026-1-5"} {
		if _, err := ParseDay(bad, loc); !errors.Is(err, ErrPeriod) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}
