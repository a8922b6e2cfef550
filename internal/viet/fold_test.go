package viet

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Đảng bộ Thuỷ", "dang bo thuy"},
		{"Đảng bộ Thủy", "dang bo thuy"},
		{"ĐẶNG ĐÌNH ĐỨC", "dang dinh duc"},
		{"đ Đ", "d d"},
		{"Ưu tiên Ơn", "uu tien on"},
		{"Nguyễn Thị Ánh", "nguyen thi anh"},
		{"Thu\u0309y Đa\u0300 Na\u0306\u0303ng", "thuy da nang"}, // NFD
		// U+00D0 typed in place of Đ.
		{"Ðức", "duc"},
		{"Hà Nội, 2025!", "ha noi, 2025!"},
		{"ABC xyz", "abc xyz"},
		{"a\xffb", "a\uFFFDb"},
		{"中文", "中文"},
		{"Crème brûlée", "creme brulee"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// vietLetters are all 134 lowercase Vietnamese letters with their folds.
func vietLetters() map[rune]rune {
	bases := map[rune]rune{
		'a': 'a', 'ă': 'a', 'â': 'a', 'e': 'e', 'ê': 'e', 'i': 'i',
		'o': 'o', 'ô': 'o', 'ơ': 'o', 'u': 'u', 'ư': 'u', 'y': 'y',
	}
	out := map[rune]rune{'đ': 'd'}
	for b, f := range bases {
		out[b] = f
		for _, tone := range toneMarks {
			r, _ := utf8.DecodeRuneInString(norm.NFC.String(string([]rune{b, tone})))
			out[r] = f
		}
	}
	return out
}

func TestFoldRune(t *testing.T) {
	letters := vietLetters()
	if len(letters) != 12*6+1 {
		t.Fatalf("test table has %d letters", len(letters))
	}
	for r, want := range letters {
		if got := FoldRune(r); got != want {
			t.Errorf("FoldRune(%q) = %q, want %q", r, got, want)
		}
		up := []rune(strings.ToUpper(string(r)))
		if len(up) != 1 {
			t.Fatalf("no single uppercase for %q", r)
		}
		if got := FoldRune(up[0]); got != want {
			t.Errorf("FoldRune(%q) = %q, want %q", up[0], got, want)
		}
	}
	others := []struct{ in, want rune }{
		{'A', 'a'}, {'z', 'z'}, {'5', '5'}, {' ', ' '}, {'-', '-'},
		{'Đ', 'd'}, {'Ð', 'd'}, {'中', '中'}, {'ß', 'ß'},
		{'\u0301', '\u0301'}, {utf8.RuneError, utf8.RuneError}, {-1, -1},
		{0x10FFFF + 1, 0x10FFFF + 1},
	}
	for _, tt := range others {
		if got := FoldRune(tt.in); got != tt.want {
			t.Errorf("FoldRune(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Highlighting depends on FoldRune over NFC text agreeing with Fold.
func TestFoldRuneAgreesWithFold(t *testing.T) {
	texts := []string{
		"Đảng bộ Thuỷ", "Uỷ ban nhân dân tỉnh Khánh Hoà",
		"NGƯỜI VIỆT NAM", norm.NFD.String("Nguyễn Ái Quốc"),
	}
	for _, s := range texts {
		var b strings.Builder
		for _, r := range NFC(s) {
			b.WriteRune(FoldRune(r))
		}
		if b.String() != Fold(s) {
			t.Errorf("FoldRune fold of %q = %q, Fold = %q", s, b.String(), Fold(s))
		}
	}
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Đẩy mạnh cải cách hành chính năm 2025!", "day-manh-cai-cach-hanh-chinh-nam-2025"},
		{"", ""},
		{"!!! ??? ...", ""},
		{"🎉🎉", ""},
		{"日本語", ""},
		{"🎉 Chúc mừng năm mới 2025 🎉", "chuc-mung-nam-moi-2025"},
		{"  --Hà   Nội--  ", "ha-noi"},
		{"C++ & Go: hướng dẫn", "c-go-huong-dan"},
		{"Quyết định số 123/QĐ-UBND", "quyet-dinh-so-123-qd-ubnd"},
		{"Uỷ ban nhân dân", "uy-ban-nhan-dan"},
		{"Ủy ban nhân dân", "uy-ban-nhan-dan"},
		{norm.NFD.String("Đà Nẵng"), "da-nang"},
		{"Tin\ttức\nmới", "tin-tuc-moi"},
		{"a\xffb", "a-b"},
		{strings.Repeat("a", 100), strings.Repeat("a", 80)},
		{
			"Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai thực hiện chương trình chuyển đổi số quốc gia giai đoạn 2025–2030, định hướng đến năm 2035",
			"uy-ban-nhan-dan-tinh-ban-hanh-ke-hoach-trien-khai-thuc-hien-chuong-trinh-chuyen",
		},
	}
	for _, tt := range tests {
		got := Slug(tt.in)
		if got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got != "" && !slugRE.MatchString(got) {
			t.Errorf("Slug(%q) = %q is not a clean slug", tt.in, got)
		}
	}
}

func TestSlugCutsAtWordBoundary(t *testing.T) {
	words := []string{"Đẩy", "mạnh", "cải", "cách", "hành", "chính", "nhằm", "nâng", "cao", "chất", "lượng", "phục", "vụ", "người", "dân"}
	for n := 1; n <= 60; n++ {
		var parts []string
		for i := range n {
			parts = append(parts, words[i%len(words)])
		}
		title := strings.Join(parts, " ")
		full := strings.Join(strings.Fields(Fold(title)), "-")
		got := Slug(title)
		if len(got) > maxSlugBytes {
			t.Fatalf("%d words: slug %d bytes", n, len(got))
		}
		if len(full) <= maxSlugBytes {
			if got != full {
				t.Fatalf("%d words: Slug = %q, want %q", n, got, full)
			}
			continue
		}
		if !strings.HasPrefix(full, got+"-") {
			t.Fatalf("%d words: Slug = %q is not a word-boundary prefix of %q", n, got, full)
		}
		if len(got) < maxSlugBytes-len("người-") {
			t.Fatalf("%d words: Slug = %q cut shorter than needed", n, got)
		}
	}
}
