package viet

import (
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestCompareOrder(t *testing.T) {
	// Each name sorts strictly before the next under Vietnamese rules.
	want := []string{
		"An Giang",
		"Ăn",
		"Âu",
		"Bà Rịa",
		"Bạc Liêu",
		"Bắc Giang",
		"Bến Tre",
		"Bình Dương",
		"Cà Mau",
		"Cần Thơ",
		"Dương",
		"Đà Lạt",
		"Đà Nẵng",
		"Điện Biên",
		"Đồng Nai",
		"Gia Lai",
		"Hà Nội",
		"Hải Phòng",
		"Ô Môn",
		"Ơn",
		"Uông Bí",
		"Ưng Hòa",
		"Yên Bái",
	}
	for i := 0; i+1 < len(want); i++ {
		a, b := want[i], want[i+1]
		if Compare(a, b) >= 0 || Compare(b, a) <= 0 {
			t.Errorf("want %q < %q, Compare = %d / %d", a, b, Compare(a, b), Compare(b, a))
		}
		if !Less(a, b) || Less(b, a) {
			t.Errorf("Less(%q, %q) wrong", a, b)
		}
	}
	got := slices.Clone(want)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
	slices.SortFunc(got, Compare)
	if !slices.Equal(got, want) {
		t.Errorf("sorted = %q\nwant %q", got, want)
	}
}

func TestCompareEqual(t *testing.T) {
	for _, s := range []string{"", "Đà Nẵng", "a\xffb"} {
		if c := Compare(s, s); c != 0 {
			t.Errorf("Compare(%q, itself) = %d", s, c)
		}
	}
	if c := Compare("Thủy", "Thu\u0309y"); c != 0 {
		t.Errorf("NFC and NFD compare %d", c)
	}
}

func TestCompareConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 500 {
				if Compare("Dương", "Đà Nẵng") >= 0 || Compare("Đà Nẵng", "Gia Lai") >= 0 {
					t.Error("wrong order under concurrency")
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestSort(t *testing.T) {
	got := []string{"Chuyển đổi số", "Đất đai", "Cải cách hành chính", "Dịch vụ công", "Ánh sáng", "An ninh", "Yên Bái"}
	Sort(got)
	want := "An ninh|Ánh sáng|Cải cách hành chính|Chuyển đổi số|Dịch vụ công|Đất đai|Yên Bái"
	if strings.Join(got, "|") != want {
		t.Errorf("Sort = %q", got)
	}
}
