package viet

import "testing"

func TestCleanLineAndText(t *testing.T) {
	decomposed := "Nguye\u0302\u0303n Thi\u0323 Hoa\u0300" // NFD, as a Mac sends it
	cases := []struct {
		name, in, line, text string
	}{
		{"empty", "", "", ""},
		{"only space", " \t\r\n ", "", ""},
		{"trim and collapse", "  Sở   Tư\tpháp  ", "Sở Tư pháp", "Sở   Tư pháp"},
		{"NFC", decomposed, "Nguyễn Thị Hoà", "Nguyễn Thị Hoà"},
		{"invalid UTF-8 dropped", "Hà\xffNội", "HàNội", "HàNội"},
		{"controls are spaces", "a\x00b\x1bc\x7fd", "a b c d", "a b c d"},
		{"line breaks", "Dòng một\r\nDòng hai\n\nBa", "Dòng một Dòng hai Ba", "Dòng một \nDòng hai\n\nBa"},
		{"C1 control", "x\u0085y", "x y", "x y"},
		{"non-breaking space is white space", "a\u00a0 b", "a b", "a\u00a0 b"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := CleanLine(c.in); got != c.line {
				t.Errorf("CleanLine(%q) = %q, want %q", c.in, got, c.line)
			}
			if got := CleanText(c.in); got != c.text {
				t.Errorf("CleanText(%q) = %q, want %q", c.in, got, c.text)
			}
		})
	}
}
