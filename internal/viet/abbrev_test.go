package viet

import (
	"regexp"
	"strings"
	"testing"
)

func TestAbbreviationsTable(t *testing.T) {
	canonical := 0
	valueRE := regexp.MustCompile(`^[a-z]+( [a-z]+)*$`)
	keyRE := regexp.MustCompile(`^[a-z0-9]+([-&][a-z0-9]+)*$`)
	for k, v := range Abbreviations {
		if !keyRE.MatchString(k) || Fold(k) != k {
			t.Errorf("key %q is not folded lowercase", k)
		}
		if !valueRE.MatchString(v) || Fold(v) != v {
			t.Errorf("value %q of %q is not folded words", v, k)
		}
		c := canonicalKey(k)
		if c == k {
			canonical++
			continue
		}
		if Abbreviations[c] != v {
			t.Errorf("variant %q: canonical %q maps to %q, want %q", k, c, Abbreviations[c], v)
		}
	}
	if canonical < 15 {
		t.Errorf("only %d canonical abbreviations", canonical)
	}
	for v, k := range longFormVariants {
		if _, ok := Abbreviations[k]; !ok || canonicalKey(k) != k {
			t.Errorf("long-form variant %q maps to %q, not a canonical key", v, k)
		}
		if Fold(v) != v {
			t.Errorf("long-form variant %q is not folded", v)
		}
	}
}

func TestIndexText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"no abbreviations", "Tin tức Hà Nội", "tin tuc ha noi"},
		{"abbreviation gets long form", "CCHC", "cchc cai cach hanh chinh"},
		{"long form gets abbreviation", "Đẩy mạnh cải cách hành chính", "day manh cai cach hanh chinh cchc"},
		{"both present: nothing added", "CCHC (cải cách hành chính)", "cchc (cai cach hanh chinh)"},
		{"old tone placement", "Uỷ ban nhân dân tỉnh", "uy ban nhan dan tinh ubnd"},
		{"new tone placement", "Ủy ban nhân dân tỉnh", "uy ban nhan dan tinh ubnd"},
		{"NFD input", "U\u0309y ban nha\u0302n da\u0302n", "uy ban nhan dan ubnd"},
		{"đ in abbreviation", "HĐND xã", "hdnd xa hoi dong nhan dan"},
		{"sorted, no duplicates", "UBND và HĐND, UBND", "ubnd va hdnd, ubnd hoi dong nhan dan uy ban nhan dan"},
		{"hyphenated variant", "Tình hình KT-XH", "tinh hinh kt-xh kinh te xa hoi ktxh"},
		{"ampersand variant", "Sở GD&ĐT", "so gd&dt gddt giao duc va dao tao"},
		{"compound of two bodies", "UBND-HĐND", "ubnd-hdnd hoi dong nhan dan uy ban nhan dan"},
		{"long-form wording without va", "ngành giáo dục, đào tạo", "nganh giao duc, dao tao gddt"},
		{"official long form", "Sở Tài nguyên và Môi trường", "so tai nguyen va moi truong tnmt"},
		{"nested long forms", "Dịch vụ công trực tuyến", "dich vu cong truc tuyen dvc dvctt"},
		{"abbreviation with nested long form", "DVCTT mức độ 4", "dvctt muc do 4 dich vu cong truc tuyen"},
		{"no partial word: inside", "abchd", "abchd"},
		{"no partial word: prefix", "BCHQS huyện", "bchqs huyen"},
		{"no partial word: suffix", "xbch", "xbch"},
		{"no partial phrase", "cải cách hành chínhx", "cai cach hanh chinhx"},
		{"phrase across punctuation still words", "BCH Đảng bộ", "bch dang bo ban chap hanh"},
		{"digits are word characters", "cchc2025", "cchc2025"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := IndexText(tt.in)
			if got != tt.want {
				t.Errorf("IndexText(%q) =\n %q\nwant\n %q", tt.in, got, tt.want)
			}
			if again := IndexText(tt.in); again != got {
				t.Errorf("not deterministic: %q then %q", got, again)
			}
		})
	}
}

// Every abbreviation and every long form must find the other.
func TestIndexTextAllEntries(t *testing.T) {
	for k, v := range Abbreviations {
		c := canonicalKey(k)
		got := IndexText(strings.ToUpper(k))
		if !strings.Contains(" "+got+" ", " "+v+" ") {
			t.Errorf("IndexText(%q) = %q lacks %q", k, got, v)
		}
		if !strings.Contains(" "+got+" ", " "+c+" ") {
			t.Errorf("IndexText(%q) = %q lacks %q", k, got, c)
		}
		got = IndexText("Về " + v + ".")
		if !strings.Contains(" "+got+" ", " "+c+" ") {
			t.Errorf("IndexText(%q) = %q lacks %q", v, got, c)
		}
	}
}
