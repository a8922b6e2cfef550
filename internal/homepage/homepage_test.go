package homepage

import (
	"strings"
	"testing"
)

func TestCheckOrdersAndDropsEmptyRows(t *testing.T) {
	in := []Block{
		{Position: 3, Kind: Visitors},
		{Position: 1, Kind: Category, CategoryID: 7, Title: "  Chuyên đề  "},
		{Position: 9, Kind: ""}, // an empty row of the form
		{Position: 2, Kind: Latest, Count: 0, CategoryID: 7, DocType: "Chỉ thị"},
	}
	out, errs := Check(in, func(id int64) bool { return id == 7 })
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	want := []Block{
		{Position: 1, Kind: Category, CategoryID: 7, Title: "Chuyên đề", Count: DefaultSize},
		{Position: 2, Kind: Latest, Count: DefaultSize},
		{Position: 3, Kind: Visitors, Count: DefaultSize},
	}
	if len(out) != len(want) {
		t.Fatalf("got %+v", out)
	}
	for i := range want {
		if out[i] != want[i] {
			t.Errorf("row %d: %+v, want %+v", i, out[i], want[i])
		}
	}
}

func TestCheckRefuses(t *testing.T) {
	for _, c := range []struct {
		b    Block
		want string
	}{
		{Block{Kind: "slider"}, "Loại khối không hợp lệ"},
		{Block{Kind: Category}, "cần chọn một chuyên mục"},
		{Block{Kind: Category, CategoryID: 8}, "cần chọn một chuyên mục"},
		{Block{Kind: Latest, Count: 21}, "từ 1 đến 20"},
		{Block{Kind: Latest, Count: -1}, "từ 1 đến 20"},
		{Block{Kind: Latest, Title: strings.Repeat("á", 121)}, "120 ký tự"},
	} {
		_, errs := Check([]Block{{Kind: Latest}, c.b}, func(id int64) bool { return id == 7 })
		if !strings.Contains(errs[1], c.want) || errs[0] != "" {
			t.Errorf("%+v: %v, want %q on row 1", c.b, errs, c.want)
		}
	}
	many := make([]Block, MaxBlocks+1)
	for i := range many {
		many[i] = Block{Kind: Latest}
	}
	if _, errs := Check(many, nil); errs[-1] == "" {
		t.Error("more than MaxBlocks accepted")
	}
}

func TestDefaultPutsKeyLinksAndVisitorsEarly(t *testing.T) {
	d := Default([]int64{4, 5})
	pos := map[Kind]int{}
	for _, b := range d {
		if _, ok := pos[b.Kind]; !ok {
			pos[b.Kind] = b.Position
		}
	}
	if pos[Links] > 3 || pos[Visitors] > 3 {
		t.Errorf("links at %d, visitors at %d: a phone should reach them within two screens", pos[Links], pos[Visitors])
	}
	if d[len(d)-1].Kind != Category || d[len(d)-1].CategoryID != 5 {
		t.Errorf("one column per category expected last: %+v", d)
	}
	if _, errs := Check(d, func(int64) bool { return true }); len(errs) != 0 {
		t.Errorf("the default does not pass its own check: %v", errs)
	}
}

func TestCheckURL(t *testing.T) {
	for _, ok := range []string{"/", "/thu-tuc", "/chuyen-muc/tin-tuc?trang=2", "https://dichvucong.gov.vn", "http://quangnam.gov.vn/", "tel:19001234", "mailto:ubnd@xa.gov.vn"} {
		if m := CheckURL(ok); m != "" {
			t.Errorf("%q refused: %s", ok, m)
		}
	}
	for _, bad := range []string{"", "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "//evil.example", "https://", "tel:", "ftp://x", "trang-chu",
		"/a b", `/"onmouseover=`, "https://x/<script>", strings.Repeat("a", 501)} {
		if CheckURL(bad) == "" {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestMenuNesting(t *testing.T) {
	out, errs := CheckMenu([]MenuItem{
		{Position: 2, Depth: 1, Label: "Văn bản", URL: "/van-ban"},
		{Position: 1, Label: "Tin tức", URL: "/chuyen-muc/tin-tuc"},
		{Position: 3, Label: "Liên hệ", URL: "/lien-he"},
		{Position: 4, Label: "", URL: ""},
	})
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	n := Nest(out)
	if len(n) != 2 || n[0].Label != "Tin tức" || len(n[0].Children) != 1 || n[0].Children[0].URL != "/van-ban" || n[1].Label != "Liên hệ" {
		t.Fatalf("%+v", n)
	}
	if _, errs := CheckMenu([]MenuItem{{Position: 1, Depth: 1, Label: "Con", URL: "/"}}); len(errs) != 1 {
		t.Error("a sub-item with no item above it accepted")
	}
	if _, errs := CheckMenu([]MenuItem{{Position: 1, Label: "Không địa chỉ"}}); len(errs) != 1 {
		t.Error("an item with no address accepted")
	}
}

func TestCheckLinks(t *testing.T) {
	out, errs := CheckLinks([]Link{
		{Position: 2, Label: "Đường dây nóng", URL: "tel:19001234"},
		{Position: 1, Label: "Cổng DVC quốc gia", URL: "https://dichvucong.gov.vn", MediaID: 3},
		{},
	}, func(id int64) bool { return id == 3 })
	if len(errs) != 0 || len(out) != 2 || out[0].MediaID != 3 || out[1].Position != 2 {
		t.Fatalf("%+v %v", out, errs)
	}
	if _, errs := CheckLinks([]Link{{Label: "x", URL: "/", MediaID: 4}}, func(id int64) bool { return id == 3 }); len(errs) != 1 {
		t.Error("another site's picture accepted")
	}
}

// FuzzCheckURL: whatever an editor types, an address CheckURL accepts is
// one a page may carry in an href without harm.
func FuzzCheckURL(f *testing.F) {
	for _, s := range []string{"/thu-tuc", "https://dichvucong.gov.vn", "tel:1900", "mailto:a@b", "javascript:x", "//x", " /x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, u string) {
		if CheckURL(u) != "" {
			return
		}
		l := strings.ToLower(u)
		if strings.ContainsAny(u, "\"'<> \t\r\n\\") || strings.HasPrefix(l, "javascript:") || strings.HasPrefix(l, "data:") || strings.HasPrefix(u, "//") {
			t.Fatalf("accepted %q", u)
		}
		if !(strings.HasPrefix(u, "/") || strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "tel:") || strings.HasPrefix(l, "mailto:")) {
			t.Fatalf("accepted %q", u)
		}
	})
}
