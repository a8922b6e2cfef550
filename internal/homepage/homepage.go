// Package homepage holds the rules of a site's look that its editors set
// without code: the blocks of the home page and their order, the quick links
// (banners) and the menu (one level of nesting). It knows nothing of HTTP or
// SQL; the store keeps these rows and the web package renders them.
package homepage

import (
	"net/url"
	"sort"
	"strings"

	"github.com/congportal/cong/internal/viet"
)

// Kind is what a home page block shows.
type Kind string

// The block kinds.
const (
	Featured   Kind = "featured"   // the featured stories, the first with its picture
	Latest     Kind = "latest"     // the latest news
	Category   Kind = "category"   // one category's latest articles
	Documents  Kind = "documents"  // latest documents (văn bản chỉ đạo điều hành)
	Procedures Kind = "procedures" // procedures most used (by dossiers received)
	Questions  Kind = "questions"  // questions answered
	Links      Kind = "links"      // banners and quick links
	Visitors   Kind = "visitors"   // the visitor figures
)

// KindInfo names a kind for the admin and gives its default heading.
type KindInfo struct {
	Kind    Kind
	Label   string // in the admin's list
	Heading string // on the home page when the block has no title
}

// Kinds lists the block kinds in the order the admin offers them.
var Kinds = []KindInfo{
	{Featured, "Tin nổi bật (có ảnh)", "Tin nổi bật"},
	{Latest, "Tin mới nhất", "Tin mới nhất"},
	{Category, "Tin theo chuyên mục", ""},
	{Documents, "Văn bản chỉ đạo điều hành", "Văn bản chỉ đạo điều hành"},
	{Procedures, "Thủ tục được dùng nhiều", "Thủ tục hành chính được quan tâm"},
	{Questions, "Hỏi đáp đã trả lời", "Hỏi đáp"},
	{Links, "Liên kết nhanh, banner", "Liên kết nhanh"},
	{Visitors, "Thống kê truy cập", "Thống kê truy cập"},
}

// Info returns the description of k; ok is false for an unknown kind.
func Info(k Kind) (KindInfo, bool) {
	for _, i := range Kinds {
		if i.Kind == k {
			return i, true
		}
	}
	return KindInfo{}, false
}

// Limits.
const (
	MaxBlocks   = 30
	MaxCount    = 20 // items in a block
	MaxTitle    = 120
	MaxLinks    = 24
	MaxMenu     = 40
	MaxLabel    = 80
	MaxURL      = 500
	MaxAlt      = 250
	DefaultSize = 5
)

// Block is one block of the home page. Position orders the blocks;
// CategoryID is set for Category blocks only; DocType narrows a Documents
// block to one document type ("Chỉ thị", "Công văn"…), empty for all.
type Block struct {
	Position   int
	Kind       Kind
	Title      string
	CategoryID int64
	DocType    string
	Count      int
}

// Heading is the block's heading on the home page: its title, else the
// kind's (a Category block's falls back to the category's name, which the
// caller knows).
func (b Block) Heading() string {
	if b.Title != "" {
		return b.Title
	}
	i, _ := Info(b.Kind)
	return i.Heading
}

// Default is the arrangement of a site whose editors have set none: the
// key links and the visitor figures come early, so that on a phone they are
// reached within two screens, then the news and one column per category.
func Default(categoryIDs []int64) []Block {
	bs := []Block{
		{Kind: Featured, Count: 5},
		{Kind: Links},
		{Kind: Visitors},
		{Kind: Latest, Count: 10},
		{Kind: Documents, Count: 5},
		{Kind: Procedures, Count: 5},
		{Kind: Questions, Count: 5},
	}
	for _, id := range categoryIDs {
		bs = append(bs, Block{Kind: Category, CategoryID: id, Count: 5})
	}
	for i := range bs {
		bs[i].Position = i + 1
	}
	return bs
}

// Check validates an arrangement as typed in the admin: rows with no kind
// are dropped (the empty rows of the form), the rest are cleaned, checked
// and sorted by position (ties keep the form's order) and renumbered 1, 2, ….
// errs maps the index of a row in bs to its message; validCategory says
// whether a category id belongs to the site.
func Check(bs []Block, validCategory func(int64) bool) (out []Block, errs map[int]string) {
	errs = map[int]string{}
	type row struct {
		i int
		b Block
	}
	var rows []row
	for i, b := range bs {
		if b.Kind == "" {
			continue
		}
		b.Title = viet.CleanLine(b.Title)
		b.DocType = viet.CleanLine(b.DocType)
		if _, ok := Info(b.Kind); !ok {
			errs[i] = "Loại khối không hợp lệ."
			continue
		}
		switch {
		case len([]rune(b.Title)) > MaxTitle:
			errs[i] = "Tiêu đề khối tối đa 120 ký tự."
		case b.Kind == Category && (b.CategoryID <= 0 || !validCategory(b.CategoryID)):
			errs[i] = "Khối tin theo chuyên mục cần chọn một chuyên mục."
		case b.Count < 0 || b.Count > MaxCount:
			errs[i] = "Số mục hiển thị từ 1 đến 20."
		case len([]rune(b.DocType)) > MaxLabel:
			errs[i] = "Loại văn bản tối đa 80 ký tự."
		}
		if b.Kind != Category {
			b.CategoryID = 0
		}
		if b.Kind != Documents {
			b.DocType = ""
		}
		if b.Count == 0 {
			b.Count = DefaultSize
		}
		rows = append(rows, row{i, b})
	}
	if len(rows) > MaxBlocks {
		errs[-1] = "Trang chủ có tối đa 30 khối."
	}
	sort.SliceStable(rows, func(a, b int) bool { return rows[a].b.Position < rows[b].b.Position })
	for n, r := range rows {
		r.b.Position = n + 1
		out = append(out, r.b)
	}
	return out, errs
}

// Link is a quick link or banner of the home page; MediaID is its picture
// in the media library (0: text only).
type Link struct {
	Position int
	Label    string
	URL      string
	MediaID  int64
	Alt      string
}

// DefaultLinks are the key links of a site that has set none: the citizen
// desk's pages of this portal, which every site has.
func DefaultLinks() []Link {
	return []Link{
		{Position: 1, Label: "Dịch vụ công trực tuyến", URL: "/thu-tuc"},
		{Position: 2, Label: "Tra cứu hồ sơ", URL: "/tra-cuu"},
		{Position: 3, Label: "Văn bản", URL: "/van-ban"},
		{Position: 4, Label: "Hỏi đáp", URL: "/hoi-dap"},
	}
}

// CheckURL returns a Vietnamese message when u is not a link the portal
// will show: a path on the portal, an http(s) address, or tel:/mailto:.
func CheckURL(u string) string {
	const msg = "Địa chỉ phải bắt đầu bằng / (trang trong cổng), https://, http://, tel: hoặc mailto:."
	if u == "" {
		return "Vui lòng nhập địa chỉ liên kết."
	}
	if len(u) > MaxURL {
		return "Địa chỉ tối đa 500 ký tự."
	}
	if strings.ContainsAny(u, " \t\r\n\"'<>\\") {
		return msg
	}
	if strings.HasPrefix(u, "/") {
		if strings.HasPrefix(u, "//") {
			return msg
		}
		return ""
	}
	p, err := url.Parse(u)
	if err != nil {
		return msg
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
		if p.Host == "" {
			return msg
		}
		return ""
	case "tel", "mailto":
		if p.Opaque == "" {
			return msg
		}
		return ""
	}
	return msg
}

// CheckLinks validates quick links as typed: rows with neither label nor
// address are dropped; the rest sorted by position and renumbered.
// validMedia says whether a media id is one of the site's images.
func CheckLinks(ls []Link, validMedia func(int64) bool) (out []Link, errs map[int]string) {
	errs = map[int]string{}
	type row struct {
		i int
		l Link
	}
	var rows []row
	for i, l := range ls {
		l.Label, l.URL, l.Alt = viet.CleanLine(l.Label), strings.TrimSpace(l.URL), viet.CleanLine(l.Alt)
		if l.Label == "" && l.URL == "" && l.MediaID == 0 {
			continue
		}
		switch {
		case l.Label == "":
			errs[i] = "Vui lòng nhập tên liên kết, ví dụ: Cổng Dịch vụ công quốc gia."
		case len([]rune(l.Label)) > MaxLabel:
			errs[i] = "Tên liên kết tối đa 80 ký tự."
		case CheckURL(l.URL) != "":
			errs[i] = CheckURL(l.URL)
		case l.MediaID != 0 && !validMedia(l.MediaID):
			errs[i] = "Ảnh đã chọn không còn trong thư viện."
		case len([]rune(l.Alt)) > MaxAlt:
			errs[i] = "Mô tả ảnh tối đa 250 ký tự."
		}
		rows = append(rows, row{i, l})
	}
	if len(rows) > MaxLinks {
		errs[-1] = "Tối đa 24 liên kết nhanh."
	}
	sort.SliceStable(rows, func(a, b int) bool { return rows[a].l.Position < rows[b].l.Position })
	for n, r := range rows {
		r.l.Position = n + 1
		out = append(out, r.l)
	}
	return out, errs
}

// MenuItem is one row of the menu as stored: Depth 1 items belong to the
// nearest Depth 0 item before them.
type MenuItem struct {
	Position int
	Depth    int
	Label    string
	URL      string
}

// MenuEntry is a top-level menu entry with its children.
type MenuEntry struct {
	Label, URL string
	Children   []MenuEntry
}

// CheckMenu validates a menu as typed, like CheckLinks; a sub-item needs
// an item above it.
func CheckMenu(ms []MenuItem) (out []MenuItem, errs map[int]string) {
	errs = map[int]string{}
	type row struct {
		i int
		m MenuItem
	}
	var rows []row
	for i, m := range ms {
		m.Label, m.URL = viet.CleanLine(m.Label), strings.TrimSpace(m.URL)
		if m.Label == "" && m.URL == "" {
			continue
		}
		switch {
		case m.Label == "":
			errs[i] = "Vui lòng nhập tên mục, ví dụ: Tin tức."
		case len([]rune(m.Label)) > MaxLabel:
			errs[i] = "Tên mục tối đa 80 ký tự."
		case CheckURL(m.URL) != "":
			errs[i] = CheckURL(m.URL)
		case m.Depth != 0 && m.Depth != 1:
			errs[i] = "Cấp của mục chỉ là 1 (mục chính) hoặc 2 (mục con)."
		}
		rows = append(rows, row{i, m})
	}
	if len(rows) > MaxMenu {
		errs[-1] = "Trình đơn có tối đa 40 mục."
	}
	sort.SliceStable(rows, func(a, b int) bool { return rows[a].m.Position < rows[b].m.Position })
	if len(rows) > 0 && rows[0].m.Depth == 1 {
		errs[rows[0].i] = "Mục đầu tiên phải là mục chính (cấp 1): mục con nằm dưới một mục chính."
	}
	for n, r := range rows {
		r.m.Position = n + 1
		out = append(out, r.m)
	}
	return out, errs
}

// Nest turns stored rows, in order, into the menu's tree.
func Nest(ms []MenuItem) []MenuEntry {
	var out []MenuEntry
	for _, m := range ms {
		e := MenuEntry{Label: m.Label, URL: m.URL}
		if m.Depth == 1 && len(out) > 0 {
			out[len(out)-1].Children = append(out[len(out)-1].Children, e)
			continue
		}
		out = append(out, e)
	}
	return out
}
