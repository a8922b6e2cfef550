package catalogue

import (
	"testing"
	"time"
)

func TestMarks(t *testing.T) {
	for _, c := range []struct {
		c    Component
		want string
	}{
		{Component{Name: "Văn bản ủy quyền (nếu có)"}, ""},
		{Component{Name: "Văn bản ủy quyền (NẾU CÓ)"}, ""},
		{Component{Name: "Giấy ủy quyền"}, " (nếu có)"},
		{Component{Name: "Tờ khai", Required: true}, ""},
	} {
		if got := c.c.OptionalMark(); got != c.want {
			t.Errorf("%q: %q, want %q", c.c.Name, got, c.want)
		}
	}
	end := time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		u    Unit
		want string
	}{
		{Unit{Name: "UBND huyện Tân Hòa (cũ)", ValidTo: end}, ""},
		{Unit{Name: "UBND huyện Cũ (đã giải thể)", ValidTo: end}, ""},
		{Unit{Name: "UBND huyện Tân Hòa", ValidTo: end}, " (cũ)"},
		{Unit{Name: "UBND xã Hòa An (cũ)"}, ""},
		{Unit{Name: "UBND xã Hòa An"}, ""},
	} {
		if got := c.u.FormerMark(); got != c.want {
			t.Errorf("%q: %q, want %q", c.u.Name, got, c.want)
		}
	}
}
