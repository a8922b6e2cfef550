package newsroom

import (
	"fmt"
	"testing"
)

func TestBlocksText(t *testing.T) {
	got := BlocksText(`<h2>Mục 1</h2><p>Đoạn <strong>một</strong> &amp; hai</p><ul><li>A</li><li>B</li></ul>`)
	if got != "Mục 1\nĐoạn một & hai\nA\nB" {
		t.Fatalf("%q", got)
	}
}

func TestDiff(t *testing.T) {
	d := Diff("a\nb\nc\nd", "a\nc\nd\ne")
	if fmt.Sprint(d) != "[{= a} {- b} {= c} {= d} {+ e}]" {
		t.Fatalf("%v", d)
	}
	if d := Diff("x", "x"); len(d) != 1 || d[0].Op != "=" {
		t.Fatalf("%v", d)
	}
}
