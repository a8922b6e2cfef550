package calendar

import "testing"

func TestCheckEntry(t *testing.T) {
	for _, c := range []struct {
		e     Entry
		field string // "" = valid
	}{
		{Entry{Day: D(2026, 2, 16), Kind: KindHoliday, Name: "Tết Nguyên đán"}, ""},
		{Entry{Day: D(2026, 2, 28), Kind: KindMakeUp}.Normalize(), ""},
		{Entry{Day: D(2026, 2, 23), Kind: KindCompensation}.Normalize(), ""},
		{Entry{Day: D(2026, 2, 16), Kind: KindHoliday}, "name"},
		{Entry{Day: D(2026, 2, 27), Kind: KindMakeUp}, "day"},
		{Entry{Day: D(2026, 2, 28), Kind: KindCompensation}, "day"},
		{Entry{Kind: KindHoliday, Name: "x"}, "day"},
		{Entry{Day: D(1899, 2, 16), Kind: KindHoliday, Name: "x"}, "day"},
		{Entry{Day: D(2026, 2, 16), Kind: "weekend", Name: "x"}, "kind"},
	} {
		errs := CheckEntry(c.e)
		if c.field == "" && len(errs) > 0 || c.field != "" && errs[c.field] == "" {
			t.Errorf("CheckEntry(%+v) = %v, want error on %q", c.e, errs, c.field)
		}
	}
	if n := (Entry{Kind: KindMakeUp, Name: "  "}).Normalize().Name; n != "Làm bù" {
		t.Errorf("make-up default name %q", n)
	}
}

func TestExpandRange(t *testing.T) {
	tet := Entry{Day: D(2026, 2, 14), Kind: KindHoliday, Name: "Tết Nguyên đán"}
	es, errs := ExpandRange(tet, D(2026, 2, 22))
	if len(errs) > 0 || len(es) != 9 || es[0].Day != D(2026, 2, 14) || es[8].Day != D(2026, 2, 22) || es[4].Name != "Tết Nguyên đán" {
		t.Fatalf("Tết 14–22/02: %v %v", es, errs)
	}
	if es, errs := ExpandRange(tet, Day{}); len(errs) > 0 || len(es) != 1 {
		t.Errorf("single day: %v %v", es, errs)
	}
	for _, c := range []struct {
		e    Entry
		last Day
	}{
		{tet, D(2026, 2, 13)},
		{tet, D(2026, 3, 20)},
		{Entry{Day: D(2026, 12, 31), Kind: KindHoliday, Name: "x"}, D(2027, 1, 1)},
		{Entry{Day: D(2026, 2, 21), Kind: KindMakeUp, Name: "Làm bù"}, D(2026, 2, 22)},
	} {
		if _, errs := ExpandRange(c.e, c.last); errs["to"] == "" {
			t.Errorf("ExpandRange(%+v, %s) accepted: %v", c.e, c.last, errs)
		}
	}
}
