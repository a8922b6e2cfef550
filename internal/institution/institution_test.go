package institution

import (
	"strings"
	"testing"
	"time"
)

func TestOrgTree(t *testing.T) {
	units := []OrgUnit{
		{ID: 1, Name: "UBND tỉnh"},
		{ID: 2, ParentID: 1, Name: "Sở Tư pháp"},
		{ID: 3, ParentID: 1, Name: "UBND xã Hòa An"},
		{ID: 4, ParentID: 2, Name: "Phòng Hộ tịch"},
		{ID: 5, ParentID: 1, Name: "UBND huyện Cũ", Former: true},
		{ID: 6, ParentID: 99, Name: "Đơn vị mồ côi"},
		{ID: 7, ParentID: 8, Name: "Vòng A"},
		{ID: 8, ParentID: 7, Name: "Vòng B"},
	}
	roots := OrgTree(units)
	var dump func(ns []*OrgNode, depth int) string
	dump = func(ns []*OrgNode, depth int) string {
		var b strings.Builder
		for _, n := range ns {
			b.WriteString(strings.Repeat("-", depth) + n.Name)
			if n.Former {
				b.WriteString("(cũ)")
			}
			b.WriteString("\n")
			b.WriteString(dump(n.Children, depth+1))
		}
		return b.String()
	}
	want := "UBND tỉnh\n-Sở Tư pháp\n--Phòng Hộ tịch\n-UBND xã Hòa An\n-UBND huyện Cũ(cũ)\nĐơn vị mồ côi\nVòng A\nVòng B\n"
	if got := dump(roots, 0); got != want {
		t.Errorf("tree:\n%s\nwant:\n%s", got, want)
	}
}

func TestTranslationState(t *testing.T) {
	contact, _ := Kind("lien-he")
	intro, _ := Kind("gioi-thieu")
	t0 := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		kind     PageKind
		vi       time.Time
		enExists bool
		en       time.Time
		want     string
	}{
		{contact, t0, false, time.Time{}, TranslationMissing},
		{contact, t0, true, t0.Add(time.Hour), TranslationOK},
		{contact, t0, true, t0, TranslationOK},
		{contact, t0.Add(time.Microsecond), true, t0, TranslationStale},
		{intro, t0, false, time.Time{}, TranslationOK}, // no English version expected
	} {
		if got := TranslationState(tc.kind, tc.vi, tc.enExists, tc.en); got != tc.want {
			t.Errorf("%s vi=%v en=%v/%v: %q, want %q", tc.kind.Code, tc.vi, tc.enExists, tc.en, got, tc.want)
		}
	}
	if TranslationWarning(TranslationMissing) != "Thiếu bản tiếng Anh" || TranslationWarning(TranslationStale) != "Bản tiếng Anh cũ hơn bản tiếng Việt" {
		t.Error("warning texts")
	}
}
