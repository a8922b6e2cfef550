package web

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	qrcode "github.com/skip2/go-qrcode"
)

// The SVG draws exactly the modules of the QR symbol: parse its runs back
// into a grid and compare.
func TestQRSVGMatchesSymbol(t *testing.T) {
	content := "https://cong.example.vn/tra-cuu?ma=UBXA-261126-0001"
	svg, err := qrSVG(content, "Mã QR <thử>")
	if err != nil {
		t.Fatal(err)
	}
	s := string(svg)
	if !strings.Contains(s, `aria-label="Mã QR &lt;thử&gt;"`) || !strings.Contains(s, `role="img"`) {
		t.Fatalf("label not escaped: %s", s[:200])
	}
	q, _ := qrcode.New(content, qrcode.Medium)
	want := q.Bitmap()
	n := len(want)
	if !strings.Contains(s, `viewBox="0 0 `+strconv.Itoa(n)+` `+strconv.Itoa(n)+`"`) {
		t.Fatal("wrong viewBox")
	}
	got := make([][]bool, n)
	for i := range got {
		got[i] = make([]bool, n)
	}
	for _, m := range regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1h-(\d+)z`).FindAllStringSubmatch(s, -1) {
		x, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[2])
		w, _ := strconv.Atoi(m[3])
		for i := x; i < x+w; i++ {
			if got[y][i] {
				t.Fatalf("module %d,%d drawn twice", i, y)
			}
			got[y][i] = true
		}
	}
	for y := range want {
		for x := range want[y] {
			if got[y][x] != want[y][x] {
				t.Fatalf("module %d,%d: got %v want %v", x, y, got[y][x], want[y][x])
			}
		}
	}
}
