package wxr

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse: any bytes are read or refused with an error (never a panic),
// and whatever is read survives Write and Parse unchanged: an export of an
// imported site is the same site.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/site.wxr.xml", "testdata/broken.wxr.xml", "testdata/wp61/export.xml"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	var buf bytes.Buffer
	Write(&buf, &Export{Title: "Cổng xã", Version: "1.2", Items: []Item{{Title: "Tin ]]> một", Content: "<p>Nội dung</p>", PostID: 1, Status: "publish", PostType: "post",
		Categories: []ItemTerm{{Domain: "category", Slug: "tin-tuc", Name: "Tin tức"}}}}})
	f.Add(buf.Bytes())
	f.Add([]byte(`<?xml version="1.0"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.1/"><channel><title>t</title><wp:wxr_version>1.1</wp:wxr_version></channel></rss>`))
	f.Fuzz(func(t *testing.T, in []byte) {
		exp, err := Parse(bytes.NewReader(in))
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		for _, it := range exp.Items {
			if !utf8.ValidString(it.Title) || it.Title != strings.TrimSpace(it.Title) {
				t.Fatalf("item title %q", it.Title)
			}
		}
		var out bytes.Buffer
		if err := Write(&out, exp); err != nil {
			t.Fatalf("Write of a parsed export: %v", err)
		}
		again, err := Parse(bytes.NewReader(out.Bytes()))
		if err != nil {
			t.Fatalf("re-reading our own export: %v\n%s", err, out.Bytes())
		}
		// Write states the version it writes (1.2); a 1.0 or 1.1 file is
		// read into the same model.
		again.Version = exp.Version
		if !reflect.DeepEqual(again, exp) {
			t.Fatalf("export changed through Write+Parse: %s", firstDiff(exp, again))
		}
	})
}

// firstDiff names the first field where a and b differ, for a readable
// failure on a large export.
func firstDiff(a, b *Export) string {
	va, vb := reflect.ValueOf(*a), reflect.ValueOf(*b)
	for i := 0; i < va.NumField(); i++ {
		fa, fb := va.Field(i).Interface(), vb.Field(i).Interface()
		if reflect.DeepEqual(fa, fb) {
			continue
		}
		if items, ok := fa.([]Item); ok {
			other := fb.([]Item)
			if len(items) != len(other) {
				return fmt.Sprintf("%d items, then %d", len(items), len(other))
			}
			for j := range items {
				ia, ib := reflect.ValueOf(items[j]), reflect.ValueOf(other[j])
				for k := 0; k < ia.NumField(); k++ {
					if !reflect.DeepEqual(ia.Field(k).Interface(), ib.Field(k).Interface()) {
						return fmt.Sprintf("item %d %s: %#v, then %#v", j, ia.Type().Field(k).Name, ia.Field(k).Interface(), ib.Field(k).Interface())
					}
				}
			}
		}
		return fmt.Sprintf("%s: %#v, then %#v", va.Type().Field(i).Name, fa, fb)
	}
	return "no difference"
}
