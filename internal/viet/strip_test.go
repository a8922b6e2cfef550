package viet

import "testing"

func TestStripMarks(t *testing.T) {
	for in, want := range map[string]string{
		"Đã tiếp nhận hồ sơ":        "Da tiep nhan ho so",
		"ĐẶNG THỊ HƯƠNG, Thuỷ/Thủy": "DANG THI HUONG, Thuy/Thuy",
		"plain ascii 123":           "plain ascii 123",
		"Hồ sơ\u0301":               "Ho so",
		"\xff bad":                  "\ufffd bad",
	} {
		if got := StripMarks(in); got != want {
			t.Errorf("StripMarks(%q) = %q, want %q", in, got, want)
		}
	}
}
