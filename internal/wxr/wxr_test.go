package wxr

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	_ "time/tzdata" // Asia/Ho_Chi_Minh must resolve on machines without zoneinfo
)

func parseFile(t *testing.T, name string) (*Export, error) {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return Parse(f)
}

func mustParseSite(t *testing.T) *Export {
	t.Helper()
	exp, err := parseFile(t, "testdata/site.wxr.xml")
	if err != nil {
		t.Fatalf("Parse(site.wxr.xml): %v", err)
	}
	return exp
}

func itemByID(t *testing.T, exp *Export, id int) Item {
	t.Helper()
	for _, it := range exp.Items {
		if it.PostID == id {
			return it
		}
	}
	t.Fatalf("no item with post_id %d", id)
	return Item{}
}

func TestParseSiteChannel(t *testing.T) {
	exp := mustParseSite(t)
	checks := []struct{ name, got, want string }{
		{"Title", exp.Title, "Cổng thông tin điện tử xã Tân Phú"},
		{"Link", exp.Link, "https://xatanphu.example.vn"},
		{"Language", exp.Language, "vi"},
		{"BaseSiteURL", exp.BaseSiteURL, "https://xatanphu.example.vn"},
		{"Version", exp.Version, "1.2"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}

	wantAuthors := []Author{
		{ID: 1, Login: "quantri", Email: "quantri@xatanphu.example.vn", DisplayName: "Quản trị viên"},
		{ID: 3, Login: "nguyenthilan", Email: "lan.nt@xatanphu.example.vn", DisplayName: "Nguyễn Thị Lan", FirstName: "Lan", LastName: "Nguyễn Thị"},
	}
	if !reflect.DeepEqual(exp.Authors, wantAuthors) {
		t.Errorf("Authors = %+v\nwant %+v", exp.Authors, wantAuthors)
	}

	wantCats := []Category{
		{ID: 1, Slug: "tin-tuc", Name: "Tin tức"},
		{ID: 4, Slug: "thong-bao", Name: "Thông báo", Description: "Thông báo của UBND xã gửi tới nhân dân"},
		{ID: 5, Slug: "tin-hoat-dong", Name: "Tin hoạt động", Parent: "tin-tuc"},
		{ID: 6, Slug: "y-te", Name: "Y tế &amp; Sức khỏe", Parent: "tin-tuc"},
	}
	if !reflect.DeepEqual(exp.Categories, wantCats) {
		t.Errorf("Categories = %+v\nwant %+v", exp.Categories, wantCats)
	}

	wantTags := []Tag{
		{Slug: "chuyen-doi-so", Name: "Chuyển đổi số"},
		{Slug: "cai-cach-hanh-chinh", Name: "Cải cách hành chính"},
		{Slug: "tiem-chung", Name: "Tiêm chủng"},
	}
	if !reflect.DeepEqual(exp.Tags, wantTags) {
		t.Errorf("Tags = %+v\nwant %+v", exp.Tags, wantTags)
	}
}

func TestParseSiteCounts(t *testing.T) {
	exp := mustParseSite(t)
	if len(exp.Items) != 8 {
		t.Fatalf("len(Items) = %d, want 8", len(exp.Items))
	}
	count := map[string]int{}
	for _, it := range exp.Items {
		count[it.PostType+"/"+it.Status]++
	}
	want := map[string]int{
		"post/publish":       5,
		"post/draft":         1,
		"page/publish":       1,
		"attachment/inherit": 1,
	}
	if !reflect.DeepEqual(count, want) {
		t.Errorf("type/status counts = %v, want %v", count, want)
	}
	// Document order is kept: the importer relies on it for stable IDs.
	var ids []int
	for _, it := range exp.Items {
		ids = append(ids, it.PostID)
	}
	if want := []int{101, 102, 103, 104, 105, 106, 107, 110}; !reflect.DeepEqual(ids, want) {
		t.Errorf("item order = %v, want %v", ids, want)
	}
}

func TestParseSiteItems(t *testing.T) {
	exp := mustParseSite(t)
	tests := []struct {
		id         int
		title      string
		creator    string
		postName   string
		status     string
		postType   string
		postDate   string
		postGMT    string
		parent     int
		attachment string
		terms      []ItemTerm
		meta       map[string]string
	}{
		{
			id: 101, title: "UBND xã Tân Phú tổ chức Hội nghị triển khai nhiệm vụ năm 2024",
			creator: "nguyenthilan", postName: "ubnd-xa-tan-phu-to-chuc-hoi-nghi-trien-khai-nhiem-vu-nam-2024",
			status: "publish", postType: "post", postDate: "2024-01-15 09:30:00", postGMT: "2024-01-15 02:30:00",
			terms: []ItemTerm{
				{Domain: "category", Slug: "tin-hoat-dong", Name: "Tin hoạt động"},
				{Domain: "post_tag", Slug: "cai-cach-hanh-chinh", Name: "Cải cách hành chính"},
			},
			meta: map[string]string{"_edit_last": "3", "_thumbnail_id": "110"},
		},
		{
			id: 102, title: "Thông báo lịch tiếp công dân tháng 3/2024",
			creator: "quantri", postName: "thong-bao-lich-tiep-cong-dan-thang-3-2024",
			status: "publish", postType: "post", postDate: "2024-03-01 08:00:00", postGMT: "2024-03-01 01:00:00",
			terms: []ItemTerm{
				{Domain: "post_tag", Slug: "cai-cach-hanh-chinh", Name: "Cải cách hành chính"},
				{Domain: "category", Slug: "thong-bao", Name: "Thông báo"},
			},
			meta: map[string]string{"_edit_last": "1"},
		},
		{
			id: 103, title: "Hướng dẫn đăng ký tài khoản trên Cổng Dịch vụ công quốc gia",
			creator: "nguyenthilan", postName: "huong-dan-dang-ky-tai-khoan-dich-vu-cong",
			status: "publish", postType: "post", postDate: "2024-02-07 10:45:00", postGMT: "2024-02-07 03:45:00",
			terms: []ItemTerm{
				{Domain: "post_tag", Slug: "cai-cach-hanh-chinh", Name: "Cải cách hành chính"},
				{Domain: "post_tag", Slug: "chuyen-doi-so", Name: "Chuyển đổi số"},
				{Domain: "category", Slug: "tin-hoat-dong", Name: "Tin hoạt động"},
				{Domain: "category", Slug: "tin-tuc", Name: "Tin tức"},
			},
			meta: map[string]string{"_edit_last": "3"},
		},
		{
			id: 104, title: "Kế hoạch tiêm chủng mở rộng đợt 1 năm 2024",
			creator: "quantri", postName: "ke-hoach-tiem-chung-mo-rong-dot-1-nam-2024",
			status: "publish", postType: "post", postDate: "2024-02-20 08:00:00", postGMT: "0000-00-00 00:00:00",
			terms: []ItemTerm{
				{Domain: "post_tag", Slug: "tiem-chung", Name: "Tiêm chủng"},
				{Domain: "category", Slug: "y-te", Name: "Y tế &amp; Sức khỏe"},
			},
		},
		{
			id: 105, title: "Thông báo nghỉ Tết Nguyên đán Giáp Thìn 2024",
			creator: "quantri", postName: "thong-bao-nghi-tet-nguyen-dan-giap-thin-2024",
			status: "publish", postType: "post", postDate: "2024-02-01 16:00:00", postGMT: "2024-02-01 09:00:00",
			terms: []ItemTerm{{Domain: "category", Slug: "thong-bao", Name: "Thông báo"}},
			// Repeated key: the first value wins, like get_post_meta(…, true).
			meta: map[string]string{"nguon_tin": "Văn phòng HĐND-UBND xã"},
		},
		{
			id: 106, title: "Dự thảo báo cáo kinh tế - xã hội quý I/2024",
			creator: "nguyenthilan", postName: "",
			status: "draft", postType: "post", postDate: "2024-03-04 17:20:00", postGMT: "0000-00-00 00:00:00",
			terms: []ItemTerm{{Domain: "category", Slug: "tin-tuc", Name: "Tin tức"}},
			meta:  map[string]string{"_edit_last": "3"},
		},
		{
			id: 107, title: "Giới thiệu chung",
			creator: "quantri", postName: "gioi-thieu-chung",
			status: "publish", postType: "page", postDate: "2024-01-10 09:00:00", postGMT: "2024-01-10 02:00:00",
			meta: map[string]string{"_wp_page_template": "default"},
		},
		{
			id: 110, title: "hoi-nghi-2024",
			creator: "nguyenthilan", postName: "hoi-nghi-2024",
			status: "inherit", postType: "attachment", postDate: "2024-01-15 09:25:10", postGMT: "2024-01-15 02:25:10",
			parent:     101,
			attachment: "https://xatanphu.example.vn/wp-content/uploads/2024/01/hoi-nghi-2024.jpg",
			meta: map[string]string{
				"_wp_attached_file":        "2024/01/hoi-nghi-2024.jpg",
				"_wp_attachment_metadata":  `a:4:{s:5:"width";i:1280;s:6:"height";i:853;s:4:"file";s:25:"2024/01/hoi-nghi-2024.jpg";s:8:"filesize";i:214533;}`,
				"_wp_attachment_image_alt": "Quang cảnh hội nghị",
			},
		},
	}
	for _, tt := range tests {
		it := itemByID(t, exp, tt.id)
		fields := []struct{ name, got, want string }{
			{"Title", it.Title, tt.title},
			{"Creator", it.Creator, tt.creator},
			{"PostName", it.PostName, tt.postName},
			{"Status", it.Status, tt.status},
			{"PostType", it.PostType, tt.postType},
			{"PostDate", it.PostDate, tt.postDate},
			{"PostDateGMT", it.PostDateGMT, tt.postGMT},
			{"AttachmentURL", it.AttachmentURL, tt.attachment},
		}
		for _, f := range fields {
			if f.got != f.want {
				t.Errorf("item %d %s = %q, want %q", tt.id, f.name, f.got, f.want)
			}
		}
		if it.PostParent != tt.parent {
			t.Errorf("item %d PostParent = %d, want %d", tt.id, it.PostParent, tt.parent)
		}
		if !reflect.DeepEqual(it.Categories, tt.terms) {
			t.Errorf("item %d Categories = %+v\nwant %+v", tt.id, it.Categories, tt.terms)
		}
		if len(it.Meta) != 0 || len(tt.meta) != 0 {
			if !reflect.DeepEqual(it.Meta, tt.meta) {
				t.Errorf("item %d Meta = %v, want %v", tt.id, it.Meta, tt.meta)
			}
		}
		if !strings.HasPrefix(it.GUID, "https://xatanphu.example.vn/") {
			t.Errorf("item %d GUID = %q", tt.id, it.GUID)
		}
		if !strings.HasPrefix(it.Link, "https://xatanphu.example.vn/") {
			t.Errorf("item %d Link = %q", tt.id, it.Link)
		}
	}
}

func TestParseSiteContent(t *testing.T) {
	exp := mustParseSite(t)

	// CDATA content arrives verbatim, block comments and all.
	post := itemByID(t, exp, 101)
	if !strings.HasPrefix(post.Content, "<!-- wp:paragraph -->\n<p>Sáng ngày 15/01/2024, UBND xã Tân Phú") {
		t.Errorf("content of 101 starts %q", post.Content[:min(80, len(post.Content))])
	}
	if !strings.HasSuffix(post.Content, "<!-- /wp:paragraph -->") {
		t.Errorf("content of 101 ends %q", post.Content[max(0, len(post.Content)-40):])
	}

	// Dangerous markup is NOT stripped here: sanitising is the importer's
	// job, and it can only do it if it sees the original.
	unsafe := itemByID(t, exp, 103)
	for _, want := range []string{
		`<script>document.write('<img src="https://tracker.example.com/px.gif">');</script>`,
		`onclick="alert('Cảm ơn bạn!')"`,
		`<a href="https://dichvucong.gov.vn" target="_blank" rel="noopener">`,
	} {
		if !strings.Contains(unsafe.Content, want) {
			t.Errorf("content of 103 lacks %q", want)
		}
	}

	// Inside CDATA "&amp;" is literal text, exactly as WordPress stored it.
	notice := itemByID(t, exp, 102)
	if !strings.Contains(notice.Content, "hộp thư &amp; số điện thoại") {
		t.Error("content of 102 should keep &amp; literally")
	}
	if notice.Excerpt != "Lịch tiếp công dân định kỳ của lãnh đạo UBND xã trong tháng 3/2024." {
		t.Errorf("excerpt of 102 = %q", notice.Excerpt)
	}
	if post.Excerpt != "" {
		t.Errorf("excerpt of 101 = %q, want empty", post.Excerpt)
	}
}

func TestPublishedAt(t *testing.T) {
	hcm, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		t.Fatal(err)
	}
	utc := func(s string) time.Time {
		tm, err := time.Parse(dateLayout, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	tests := []struct {
		name    string
		it      Item
		loc     *time.Location
		want    time.Time
		wantErr bool
	}{
		{name: "gmt preferred", it: Item{PostDate: "2024-01-15 09:30:00", PostDateGMT: "2024-01-15 02:30:00"}, loc: hcm, want: utc("2024-01-15 02:30:00")},
		{name: "gmt preferred over inconsistent local", it: Item{PostDate: "2030-01-01 00:00:00", PostDateGMT: "2024-01-15 02:30:00"}, loc: hcm, want: utc("2024-01-15 02:30:00")},
		{name: "zero gmt falls back to local", it: Item{PostDate: "2024-02-20 08:00:00", PostDateGMT: zeroDate}, loc: hcm, want: utc("2024-02-20 01:00:00")},
		{name: "empty gmt falls back to local", it: Item{PostDate: "2024-02-20 08:00:00"}, loc: hcm, want: utc("2024-02-20 01:00:00")},
		{name: "garbage gmt falls back to local", it: Item{PostDate: "2024-02-20 08:00:00", PostDateGMT: "hôm qua"}, loc: hcm, want: utc("2024-02-20 01:00:00")},
		{name: "nil location is UTC", it: Item{PostDate: "2024-02-20 08:00:00", PostDateGMT: zeroDate}, loc: nil, want: utc("2024-02-20 08:00:00")},
		{name: "whitespace tolerated", it: Item{PostDate: " 2024-02-20 08:00:00\n", PostDateGMT: "\t" + zeroDate}, loc: hcm, want: utc("2024-02-20 01:00:00")},
		{name: "both zero", it: Item{PostID: 9, PostDate: zeroDate, PostDateGMT: zeroDate}, loc: hcm, wantErr: true},
		{name: "both empty", it: Item{}, loc: hcm, wantErr: true},
		{name: "local garbage", it: Item{PostDate: "15/01/2024"}, loc: hcm, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.it.PublishedAt(tt.loc)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("PublishedAt = %v, want error", got)
				}
				if !strings.Contains(err.Error(), "no usable date") {
					t.Errorf("error %q should explain the problem", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("PublishedAt = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPublishedAtSite(t *testing.T) {
	hcm, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		t.Fatal(err)
	}
	exp := mustParseSite(t)
	want := map[int]string{
		101: "2024-01-15T02:30:00Z",
		104: "2024-02-20T01:00:00Z", // post_date_gmt 0000-00-00: local 08:00 at UTC+7
		106: "2024-03-04T10:20:00Z", // draft, same fallback
		110: "2024-01-15T02:25:10Z",
	}
	for id, w := range want {
		got, err := itemByID(t, exp, id).PublishedAt(hcm)
		if err != nil {
			t.Errorf("item %d: %v", id, err)
			continue
		}
		if s := got.UTC().Format(time.RFC3339); s != w {
			t.Errorf("item %d PublishedAt = %s, want %s", id, s, w)
		}
	}
	for _, it := range exp.Items {
		if _, err := it.PublishedAt(hcm); err != nil {
			t.Errorf("item %d: %v", it.PostID, err)
		}
	}
}

// doc wraps channel content in a minimal WXR 1.2 document.
func doc(channel string) string {
	return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Xã Thử Nghiệm</title>
	<wp:wxr_version>1.2</wp:wxr_version>
` + channel + `
</channel>
</rss>
`
}

func TestParseErrors(t *testing.T) {
	broken, err := os.ReadFile("testdata/broken.wxr.xml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		in   string
		want []string // substrings of the error
	}{
		{"truncated export", string(broken), []string{"line 105", "unexpected EOF"}},
		{"empty", "", []string{"empty document"}},
		{"whitespace only", " \n\t\n", []string{"empty document"}},
		{"declaration and comments only", "<?xml version=\"1.0\"?>\n<!-- nothing -->\n", []string{"empty document"}},
		{"plain RSS feed", `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Tin tức</title><link>https://example.vn</link>
<item><title>Bài 1</title><link>https://example.vn/bai-1</link></item>
</channel></rss>`, []string{"not a WordPress export", "wp:wxr_version"}},
		{"atom feed", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>`, []string{"line 1", "root element is <feed>, want <rss>"}},
		{"html page", "<!DOCTYPE html>\n<html><head><title>Trang chủ</title></head><body><br></body></html>", []string{"line 2"}},
		{"rss without channel", `<rss version="2.0"><item/></rss>`, []string{"has no <channel>"}},
		{"not xml at all", "PK\x03\x04 zip file", []string{"line 1", "not an XML document"}},
		{"text before root", "Export:\n" + doc(""), []string{"not an XML document"}},
		{"mismatched tags", doc("<item><title>x</titel></item>"), []string{"XML syntax error on line 10", "titel"}},
		{"rss after rss", doc("") + "<rss>", []string{"unexpected element <rss> after </rss>"}},
		{"second root element", doc("") + "<extra/>", []string{"line 13", "unexpected element <extra> after </rss>"}},
		{"text after root", doc("") + "tail", []string{"unexpected text after </rss>"}},
		{"bad post_id", doc("\n<item>\n<title>Bài lỗi</title>\n<wp:post_id>12a</wp:post_id>\n</item>"), []string{"line 11", `item "Bài lỗi"`, `wp:post_id "12a" is not a number`}},
		{"bad post_parent", doc("<item><wp:post_id>1</wp:post_id><wp:post_parent>-</wp:post_parent></item>"), []string{`wp:post_parent "-"`}},
		{"bad author_id", doc("<wp:author><wp:author_id>một</wp:author_id></wp:author>"), []string{"wp:author", `wp:author_id "một"`}},
		{"bad term_id", doc("<wp:category><wp:term_id>x</wp:term_id></wp:category>"), []string{"wp:category", `wp:term_id "x"`}},
		{"unsupported encoding", `<?xml version="1.0" encoding="windows-1258"?><rss/>`, []string{`"windows-1258"`, "UTF-8"}},
		{"invalid utf-8", doc("<item><title>\xff\xfe</title></item>"), []string{"invalid UTF-8"}},
		{"undefined entity", doc("<item><title>a &bogus; b</title></item>"), []string{"bogus"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exp, err := Parse(strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("Parse succeeded with %d items, want error", len(exp.Items))
			}
			if exp != nil {
				t.Error("Parse returned an Export alongside an error")
			}
			if !strings.HasPrefix(err.Error(), "wxr: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestParseBrokenFixture(t *testing.T) {
	_, err := parseFile(t, "testdata/broken.wxr.xml")
	if err == nil {
		t.Fatal("Parse(broken.wxr.xml) succeeded")
	}
	t.Log(err)
}

func TestParseReaderError(t *testing.T) {
	boom := errors.New("disk on fire")
	_, err := Parse(iotest.ErrReader(boom))
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want it to wrap %v", err, boom)
	}
	// An error after some valid input also surfaces.
	r := iotestHalf(doc(""), boom)
	if _, err := Parse(r); !errors.Is(err, boom) {
		t.Fatalf("err = %v, want it to wrap %v", err, boom)
	}
}

// iotestHalf yields the first half of s, then fails with err.
func iotestHalf(s string, err error) *halfReader {
	return &halfReader{s: s[:len(s)/2], err: err}
}

type halfReader struct {
	s   string
	err error
}

func (h *halfReader) Read(b []byte) (int, error) {
	if h.s == "" {
		return 0, h.err
	}
	n := copy(b, h.s)
	h.s = h.s[n:]
	return n, nil
}

func TestParseSizeCap(t *testing.T) {
	in := doc("<item><wp:post_id>1</wp:post_id></item>")
	defer func(old int64) { maxSize = old }(maxSize)

	maxSize = int64(len(in))
	if _, err := Parse(strings.NewReader(in)); err != nil {
		t.Fatalf("input exactly at the cap: %v", err)
	}
	// Even a byte reader that hands out one byte at a time stops at the cap.
	if _, err := Parse(iotest.OneByteReader(strings.NewReader(in))); err != nil {
		t.Fatalf("one-byte reads exactly at the cap: %v", err)
	}

	maxSize = int64(len(in)) - 1
	_, err := Parse(strings.NewReader(in))
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("input over the cap: err = %v, want ErrTooLarge", err)
	}
	if !strings.Contains(err.Error(), "256 MiB") {
		t.Errorf("error %q should state the limit", err)
	}

	if MaxSize != 256<<20 {
		t.Errorf("MaxSize = %d, want 256 MiB", MaxSize)
	}
}

func TestParseOlderWXRVersions(t *testing.T) {
	for _, v := range []string{"1.0", "1.1"} {
		t.Run(v, func(t *testing.T) {
			in := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/` + v + `/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/` + v + `/">
<channel>
	<title>Xã Cũ</title>
	<wp:wxr_version>` + v + `</wp:wxr_version>
	<wp:category><wp:category_nicename>tin-tuc</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Tin tức]]></wp:cat_name></wp:category>
	<item>
		<title>Bài cũ</title>
		<dc:creator>admin</dc:creator>
		<content:encoded><![CDATA[<p>Nội dung</p>]]></content:encoded>
		<excerpt:encoded><![CDATA[Tóm tắt]]></excerpt:encoded>
		<wp:post_id>5</wp:post_id>
		<wp:post_date>2010-05-01 08:00:00</wp:post_date>
		<wp:post_date_gmt>2010-05-01 01:00:00</wp:post_date_gmt>
		<wp:status>publish</wp:status>
		<wp:post_type>post</wp:post_type>
		<category><![CDATA[Tin tức]]></category>
		<category domain="category" nicename="tin-tuc"><![CDATA[Tin tức]]></category>
		<wp:postmeta><wp:meta_key>_edit_last</wp:meta_key><wp:meta_value>1</wp:meta_value></wp:postmeta>
	</item>
</channel>
</rss>`
			exp, err := Parse(strings.NewReader(in))
			if err != nil {
				t.Fatal(err)
			}
			if exp.Version != v || len(exp.Items) != 1 || len(exp.Categories) != 1 {
				t.Fatalf("got version %q, %d items, %d categories", exp.Version, len(exp.Items), len(exp.Categories))
			}
			want := Item{
				Title: "Bài cũ", Creator: "admin", Content: "<p>Nội dung</p>", Excerpt: "Tóm tắt",
				PostID: 5, PostDate: "2010-05-01 08:00:00", PostDateGMT: "2010-05-01 01:00:00",
				Status: "publish", PostType: "post",
				// The bare 1.0-style <category> without domain is dropped.
				Categories: []ItemTerm{{Domain: "category", Slug: "tin-tuc", Name: "Tin tức"}},
				Meta:       map[string]string{"_edit_last": "1"},
			}
			if !reflect.DeepEqual(exp.Items[0], want) {
				t.Errorf("item = %+v\nwant %+v", exp.Items[0], want)
			}
		})
	}
}

func TestParseLeniency(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		check func(t *testing.T, exp *Export)
	}{
		{
			name: "HTML entities outside CDATA",
			in:   doc("<item><title>Hội nghị&nbsp;tổng kết &#8211; năm 2023 &amp; 2024</title></item>"),
			check: func(t *testing.T, exp *Export) {
				if got, want := exp.Items[0].Title, "Hội nghị\u00a0tổng kết – năm 2023 & 2024"; got != want {
					t.Errorf("Title = %q, want %q", got, want)
				}
			},
		},
		{
			name: "control characters become spaces",
			in:   doc("<item><content:encoded><![CDATA[<p>Dòng\vmột\x0cvà\x00hai</p>]]></content:encoded></item>"),
			check: func(t *testing.T, exp *Export) {
				if got, want := exp.Items[0].Content, "<p>Dòng một và hai</p>"; got != want {
					t.Errorf("Content = %q, want %q", got, want)
				}
			},
		},
		{
			name: "undeclared prefixes",
			in: `<rss version="2.0"><channel><wp:wxr_version>1.2</wp:wxr_version>
<item><title>T</title><dc:creator>admin</dc:creator><content:encoded>C</content:encoded><excerpt:encoded>E</excerpt:encoded><wp:post_id>3</wp:post_id></item>
</channel></rss>`,
			check: func(t *testing.T, exp *Export) {
				it := exp.Items[0]
				if it.PostID != 3 || it.Creator != "admin" || it.Content != "C" || it.Excerpt != "E" {
					t.Errorf("item = %+v", it)
				}
			},
		},
		{
			name: "encoding spelled utf8",
			in:   strings.Replace(doc(""), `encoding="UTF-8"`, `encoding="utf8"`, 1),
			check: func(t *testing.T, exp *Export) {
				if exp.Title != "Xã Thử Nghiệm" {
					t.Errorf("Title = %q", exp.Title)
				}
			},
		},
		{
			name: "empty numeric fields and unknown elements",
			in: doc(`<wp:term><wp:term_id>12</wp:term_id></wp:term>
<foo:bar xmlns:foo="urn:x"><nested/></foo:bar>
<item><title>T</title><wp:post_id></wp:post_id><wp:post_parent> </wp:post_parent><wp:comment><wp:comment_id>1</wp:comment_id></wp:comment></item>`),
			check: func(t *testing.T, exp *Export) {
				if len(exp.Items) != 1 || exp.Items[0].PostID != 0 || exp.Items[0].PostParent != 0 {
					t.Errorf("items = %+v", exp.Items)
				}
				if exp.Items[0].Meta != nil || exp.Items[0].Categories != nil {
					t.Errorf("Meta/Categories should be nil when absent: %+v", exp.Items[0])
				}
			},
		},
		{
			name: "content whitespace kept, identifiers trimmed",
			in: doc(`<item>
	<title>
		Tiêu đề
	</title>
	<wp:post_name>  tieu-de  </wp:post_name>
	<wp:status>
publish
</wp:status>
	<content:encoded><![CDATA[  <p>x</p>
]]></content:encoded>
</item>`),
			check: func(t *testing.T, exp *Export) {
				it := exp.Items[0]
				if it.Title != "Tiêu đề" || it.PostName != "tieu-de" || it.Status != "publish" {
					t.Errorf("item = %+v", it)
				}
				if it.Content != "  <p>x</p>\n" {
					t.Errorf("Content = %q", it.Content)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exp, err := Parse(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, exp)
		})
	}
}

func BenchmarkParseSite(b *testing.B) {
	data, err := os.ReadFile("testdata/site.wxr.xml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(strings.NewReader(string(data))); err != nil {
			b.Fatal(err)
		}
	}
}
