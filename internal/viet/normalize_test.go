package viet

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestNFC(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"ascii", "Ha Noi 2025", "Ha Noi 2025"},
		{"already NFC", "Thủy", "Thủy"},
		{"NFD hook", "Thu\u0309y", "Thủy"},
		{"NFD stacked marks", "Nguye\u0302\u0303n", "Nguyễn"},
		{"NFD dot below before circumflex", "Ha\u0323\u0302u", "Hậu"},
		{"NFD with Đ", "\u0110a\u0300 Na\u0306\u0303ng", "Đà Nẵng"},
		{"NFD horn", "ngu\u031Bo\u031B\u0300i", "người"},
		{"invalid UTF-8 replaced", "a\xffb", "a\uFFFDb"},
		{"truncated sequence", "Th\xe1\xbb", "Th\uFFFD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NFC(tt.in); got != tt.want {
				t.Errorf("NFC(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// tonePairs lists each word in both spellings; the second is canonical.
var tonePairs = []struct{ old, canonical string }{
	{"Thuỷ", "Thủy"},
	{"thuỷ", "thủy"},
	{"THUỶ", "THỦY"},
	{"hoà", "hòa"},
	{"Hoà", "Hòa"},
	{"HOÀ", "HÒA"},
	{"Uỷ", "Ủy"},
	{"uỷ", "ủy"},
	{"UỶ", "ỦY"},
	{"khoẻ", "khỏe"},
	{"KHOẺ", "KHỎE"},
	{"thuý", "thúy"},
	{"loà", "lòa"},
	{"xoá", "xóa"},
	{"Xoá", "Xóa"},
	{"hoạ", "họa"},
	{"toả", "tỏa"},
	{"thoả", "thỏa"},
	{"khoả", "khỏa"},
	{"loã", "lõa"},
	{"goá", "góa"},
	{"hoè", "hòe"},
	{"xoè", "xòe"},
	{"loẻ", "lỏe"},
	{"choé", "chóe"},
	{"luỹ", "lũy"},
	{"tuỳ", "tùy"},
	{"huỷ", "hủy"},
	{"suý", "súy"},
	{"thuỵ", "thụy"},
	{"truỵ", "trụy"},
	{"nguỵ", "ngụy"},
	{"hoá", "hóa"},
	{"Khánh Hoà", "Khánh Hòa"},
	{"Uỷ ban nhân dân xã Hoà Thuỷ", "Ủy ban nhân dân xã Hòa Thủy"},
	{"(hoà)", "(hòa)"},
	{"Hoà-Bình", "Hòa-Bình"},
	{"văn hoá, xã hội.", "văn hóa, xã hội."},
	{"hoà123", "hòa123"}, // digits end a word like punctuation does
	// A tone misplaced in a closed syllable is corrected as well.
	{"hòang", "hoàng"},
	{"tòan", "toàn"},
	{"hùynh", "huỳnh"},
	{"khỏeo", "khỏeo"}, // not a syllable (three vowels): untouched
}

func TestToneNormalizeBothSpellings(t *testing.T) {
	for _, p := range tonePairs {
		t.Run(p.old, func(t *testing.T) {
			if got := ToneNormalize(p.old); got != p.canonical {
				t.Errorf("ToneNormalize(%q) = %q, want %q", p.old, got, p.canonical)
			}
			if got := ToneNormalize(p.canonical); got != p.canonical {
				t.Errorf("ToneNormalize(%q) = %q, want it unchanged", p.canonical, got)
			}
			nfd := norm.NFD.String(p.old)
			if got := ToneNormalize(nfd); got != p.canonical {
				t.Errorf("ToneNormalize(NFD %q) = %q, want %q", nfd, got, p.canonical)
			}
		})
	}
}

func TestToneNormalizeLeavesAlone(t *testing.T) {
	words := []string{
		"", "quả", "Quả", "quý", "Quý", "QUÝ", "quỳnh", "Quỳnh", "quỷ", "giá",
		"giữa", "gìn", "thuở", "người", "NGƯỜI", "khuya", "khuỷu", "hoàng",
		"Hoàng", "thuyết", "Nguyễn", "NGUYỄN", "huỳnh", "ngoài", "xoay",
		"thuế", "xoắn", "hoạch", "khoáng", "quyết", "quyền", "tuyển", "của",
		"mùa", "kìa", "hoa", "Uy", "uy", "khoe", "coffee", "Zoë", "naïve",
		"CCHC", "123", "Hoàng Sa", "a\uFFFDb", "Tiếng Việt",
		"uý\u0301", // stray extra tone: left for a human
	}
	for _, w := range words {
		want := NFC(w)
		if got := ToneNormalize(w); got != want {
			t.Errorf("ToneNormalize(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestToneNormalizeProperties(t *testing.T) {
	for _, p := range tonePairs {
		for _, s := range []string{p.old, p.canonical} {
			once := ToneNormalize(s)
			if twice := ToneNormalize(once); twice != once {
				t.Errorf("not idempotent on %q: %q then %q", s, once, twice)
			}
			if Fold(once) != Fold(s) {
				t.Errorf("Fold changed by tone normalisation of %q: %q vs %q", s, Fold(once), Fold(s))
			}
		}
	}
}
