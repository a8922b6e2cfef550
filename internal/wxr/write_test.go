package wxr

import (
	"bytes"
	"encoding/xml"
	"io"
	"reflect"
	"testing"
)

// What Write produces, Parse reads back unchanged, including text that
// would end a CDATA section or that XML forbids.
func TestWriteParseRoundTrip(t *testing.T) {
	in := &Export{
		Title: "Cổng xã Hòa Phong & <bạn>", Link: "https://hoaphong.example.vn", Language: "vi", BaseSiteURL: "https://hoaphong.example.vn", Version: "1.2",
		Authors:    []Author{{ID: 1, Login: "nguyen-van-a", DisplayName: "Nguyễn Văn A"}},
		Categories: []Category{{ID: 1, Slug: "tin-tuc", Name: "Tin tức"}, {ID: 2, Slug: "tin-xa", Name: "Tin xã", Parent: "tin-tuc", Description: "Tin ]]> của xã"}},
		Tags:       []Tag{{Slug: "chuyen-doi-so", Name: "Chuyển đổi số"}},
		Items: []Item{{
			Title: "Tiêu đề ]]> có ký tự lạ \x01", Link: "https://hoaphong.example.vn/bai-viet/a?x=1&y=2", GUID: "cong-1", Creator: "nguyen-van-a",
			Content: "<p>Nội dung ]]]]> <![CDATA[ lồng ]]></p>", Excerpt: "Tóm tắt", PostID: 7,
			PostDate: "2026-11-20 08:30:00", PostDateGMT: "2026-11-20 01:30:00", PostName: "tieu-de", Status: "publish", PostType: "post",
			Categories: []ItemTerm{{Domain: "category", Slug: "tin-xa", Name: "Tin xã"}, {Domain: "post_tag", Slug: "chuyen-doi-so", Name: "Chuyển \"đổi\" số"}},
		}},
	}
	var buf bytes.Buffer
	if err := Write(&buf, in); err != nil {
		t.Fatal(err)
	}
	// Well-formed for any XML reader, not only ours.
	d := xml.NewDecoder(bytes.NewReader(buf.Bytes()))
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, buf.String())
		}
	}
	out, err := Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	want := *in
	want.Items = append([]Item(nil), in.Items...)
	want.Items[0].Title = "Tiêu đề ]]> có ký tự lạ" // the control character dropped, the title trimmed
	got := out.Items[0]
	got.Meta = nil
	if !reflect.DeepEqual(got, want.Items[0]) {
		t.Fatalf("item:\n%+v\n%+v", got, want.Items[0])
	}
	if !reflect.DeepEqual(out.Categories, in.Categories) || !reflect.DeepEqual(out.Authors, in.Authors) || !reflect.DeepEqual(out.Tags, in.Tags) {
		t.Fatalf("terms:\n%+v\n%+v\n%+v", out.Categories, out.Authors, out.Tags)
	}
	if out.Title != in.Title || out.Version != "1.2" || out.BaseSiteURL != in.BaseSiteURL {
		t.Fatalf("channel %+v", out)
	}
}
