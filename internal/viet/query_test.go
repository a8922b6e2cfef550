package viet

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func g(groups ...string) [][]string {
	out := make([][]string, 0, len(groups))
	for _, s := range groups {
		out = append(out, strings.Fields(s))
	}
	return out
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		groups [][]string
		exact  []string
		raw    string
	}{
		{"plain words", "thuế đất", g("thue", "dat"), []string{"thuế", "đất"}, "thuế đất"},
		{"trimmed", "  \t thuế \n", g("thue"), []string{"thuế"}, "thuế"},
		{"ascii only", "thue dat", g("thue", "dat"), nil, "thue dat"},
		{"phrase", `"cải cách hành chính" 2025`, g("cai cach hanh chinh", "2025"), []string{"cải", "cách", "hành", "chính"}, `"cải cách hành chính" 2025`},
		{"curly quotes", "“dịch vụ công” tỉnh", g("dich vu cong", "tinh"), []string{"dịch", "vụ", "công", "tỉnh"}, "“dịch vụ công” tỉnh"},
		{"mixed quotes", `“hành chính" công`, g("hanh chinh", "cong"), []string{"hành", "chính", "công"}, `“hành chính" công`},
		{"unbalanced quote", `"hành chính công`, g("hanh", "chinh", "cong"), []string{"hành", "chính", "công"}, `"hành chính công`},
		{"unbalanced after phrase", `a "b c" "d e`, g("a", "b c", "d", "e"), nil, `a "b c" "d e`},
		{"one-word phrase", `"thuế"`, g("thue"), []string{"thuế"}, `"thuế"`},
		{"empty phrase ignored", `"" thuế`, g("thue"), []string{"thuế"}, `"" thuế`},
		{"punctuation splits", "hành-chính/công,tỉnh", g("hanh", "chinh", "cong", "tinh"), []string{"hành", "chính", "công", "tỉnh"}, "hành-chính/công,tỉnh"},
		{"punctuation in phrase", `"hành, chính"`, g("hanh chinh"), []string{"hành", "chính"}, `"hành, chính"`},
		{"duplicates dropped", "thuế Thuế THUẾ thue", g("thue"), []string{"thuế"}, "thuế Thuế THUẾ thue"},
		{"old tone placement normalised", "Thuỷ lợi hoà bình", g("thuy", "loi", "hoa", "binh"), []string{"thủy", "lợi", "hòa", "bình"}, "Thuỷ lợi hoà bình"},
		{"NFD input", "Thu\u0309y", g("thuy"), []string{"thủy"}, "Thu\u0309y"},
		{"abbreviation kept", "CCHC", g("cchc"), nil, "CCHC"},
		{"hyphenated abbreviation", "KT-XH", g("ktxh"), nil, "KT-XH"},
		{"ampersand abbreviation", "GD&ĐT tỉnh", g("gddt", "tinh"), []string{"đt", "tỉnh"}, "GD&ĐT tỉnh"},
		{"unknown hyphenated", "kt-abc", g("kt", "abc"), nil, "kt-abc"},
		{"invalid UTF-8", "thuế\xff\xfeđất", g("thue", "dat"), []string{"thuế", "đất"}, "thuế\uFFFDđất"},
		{"too many groups", "a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12 a13 a14", g("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11", "a12"), nil, "a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12 a13 a14"},
		{"200 runes", strings.Repeat("đ", 200), [][]string{{strings.Repeat("d", 200)}}, []string{strings.Repeat("đ", 200)}, strings.Repeat("đ", 200)},
		{"201 runes with spaces trimmed", " " + strings.Repeat("a", 200) + " ", [][]string{{strings.Repeat("a", 200)}}, nil, strings.Repeat("a", 200)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := ParseQuery(tt.in)
			if err != nil {
				t.Fatalf("ParseQuery(%q) error %v", tt.in, err)
			}
			if !reflect.DeepEqual(q.Groups, tt.groups) {
				t.Errorf("Groups = %q, want %q", q.Groups, tt.groups)
			}
			if !reflect.DeepEqual(q.Exact, tt.exact) {
				t.Errorf("Exact = %q, want %q", q.Exact, tt.exact)
			}
			if q.Raw != tt.raw {
				t.Errorf("Raw = %q, want %q", q.Raw, tt.raw)
			}
		})
	}
}

func TestParseQueryErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"empty", "", ErrEmptyQuery},
		{"spaces", "   \t\n", ErrEmptyQuery},
		{"only punctuation", "!!! ... ??? - /", ErrEmptyQuery},
		{"only quotes", `"" “”`, ErrEmptyQuery},
		{"only invalid bytes", "\xff\xfe", ErrEmptyQuery},
		{"emoji only", "🎉🔥", ErrEmptyQuery},
		{"201 runes", strings.Repeat("đ", 201), ErrQueryTooLong},
		{"201 runes of words", strings.Repeat("thuế ", 40) + "a", ErrQueryTooLong},
		{"too long beats punctuation", strings.Repeat("!", 201), ErrQueryTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if utf8.RuneCountInString(tt.in) > 1000 {
				t.Fatal("test input unexpectedly large")
			}
			_, err := ParseQuery(tt.in)
			if !errors.Is(err, tt.want) {
				t.Errorf("ParseQuery(%q) error = %v, want %v", tt.in, err, tt.want)
			}
		})
	}
	if ErrEmptyQuery.Error() != "Vui lòng nhập từ khóa tìm kiếm." {
		t.Errorf("ErrEmptyQuery message %q", ErrEmptyQuery)
	}
	if ErrQueryTooLong.Error() != "Từ khóa quá dài (tối đa 200 ký tự)." {
		t.Errorf("ErrQueryTooLong message %q", ErrQueryTooLong)
	}
}
