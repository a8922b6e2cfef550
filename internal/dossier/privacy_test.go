package dossier

import "testing"

func TestMaskID(t *testing.T) {
	for in, want := range map[string]string{
		"001190001234": "*********234",
		"123":          "***",
		"":             "",
		"12345":        "**345",
	} {
		if got := MaskID(in); got != want {
			t.Errorf("MaskID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestContactMatches(t *testing.T) {
	const email, phone = "an.nguyen@mail.vn", "0912345678"
	cases := []struct {
		typed, email, phone string
		want                bool
	}{
		{"an.nguyen@mail.vn", email, phone, true},
		{" AN.Nguyen@MAIL.vn ", email, phone, true},
		{"0912 345 678", email, phone, true},
		{"+84912345678", email, phone, true},
		{"5678", email, phone, false}, // the old four digits open nothing
		{"0912345679", email, phone, false},
		{"other@mail.vn", email, phone, false},
		{"", email, phone, false},
		{"@", "", phone, false},
		{"0912345678", email, "", false},
	}
	for _, c := range cases {
		if got := ContactMatches(c.typed, c.email, c.phone); got != c.want {
			t.Errorf("ContactMatches(%q, %q, %q) = %v, want %v", c.typed, c.email, c.phone, got, c.want)
		}
	}
}

func TestClosed(t *testing.T) {
	for _, s := range Statuses {
		want := s == Refused || s == Withdrawn || s == Stopped || s == Returned
		if Closed(s) != want {
			t.Errorf("Closed(%v) = %v", s, !want)
		}
	}
}
