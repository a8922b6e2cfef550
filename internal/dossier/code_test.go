package dossier

import (
	"strings"
	"testing"
)

func TestNormalizeCode(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"UBXA-261126-0001", "UBXA-261126-0001"},
		{"  ubxa-261126-0001 ", "UBXA-261126-0001"},
		// Dotted unit codes (the unit form's own example).
		{"000.00.12.H01-261208-0001", "000.00.12.H01-261208-0001"},
		{"000.00.12.h01-261208-0001", "000.00.12.H01-261208-0001"},
		// En dash, em dash, minus sign, non-breaking hyphen.
		{"000.00.12.H01–261208–0001", "000.00.12.H01-261208-0001"},
		{"UBXA—261126—0001", "UBXA-261126-0001"},
		{"UBXA−261126‑0001", "UBXA-261126-0001"},
		// Spaces around dashes, or instead of them.
		{"UBXA - 261126 - 0001", "UBXA-261126-0001"},
		{"UBXA 261126 0001", "UBXA-261126-0001"},
		{"000.00.12.H01 261208  0001", "000.00.12.H01-261208-0001"},
		{"UBXA\u00a0–\u00a0261126\t0001", "UBXA-261126-0001"},
		// Full-width letters, digits, dots and hyphen.
		{"ＵＢＸＡ－２６１１２６－０００１", "UBXA-261126-0001"},
		{"０００．００．１２．Ｈ０１－２６１２０８－０００１", "000.00.12.H01-261208-0001"},
		// Not codes.
		{"", ""},
		{"   ", ""},
		{"<script>", ""},
		{"UBXA/261126/0001", ""},
		{"UBXA_261126", ""},
		{"Ủy-261126-0001", ""},
		{"'; DROP TABLE dossiers; --", ""},
		{strings.Repeat("A", 41), ""},
		{strings.Repeat("Ａ", 60), ""},
		{"\xff\xfeUBXA", "UBXA"},
	} {
		if got := NormalizeCode(c.in); got != c.want {
			t.Errorf("NormalizeCode(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzNormalizeCode(f *testing.F) {
	for _, s := range []string{"UBXA-261126-0001", "000.00.12.H01–261208–0001", "ＵＢＸＡ－２６", "a b  c", "\u00a0-\u00a0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := NormalizeCode(s)
		if got == "" {
			return
		}
		if len(got) > maxCodeLen {
			t.Fatalf("%q → %q: too long", s, got)
		}
		for _, r := range got {
			if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
				t.Fatalf("%q → %q: stray %q", s, got, r)
			}
		}
		if again := NormalizeCode(got); again != got {
			t.Fatalf("not idempotent: %q → %q → %q", s, got, again)
		}
	})
}
