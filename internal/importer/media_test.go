package importer

import (
	"strings"
	"testing"

	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/wxr"
)

var testHash = strings.Repeat("ab", 32)

// testUploads resolves every file below the old host's uploads to one
// library image, as an import whose files were all there would.
func testUploads() *uploads {
	return &uploads{hosts: map[string]bool{"xa.example.vn": true}, byRel: map[string]store.Media{
		"2023/05/anh.jpg": {Hash: testHash, Ext: "jpg", Width: 1200, Widths: []int{320, 640, 1024}},
	}}
}

func TestRewriteBody(t *testing.T) {
	u := testUploads()
	in := `<!-- wp:image {"id":7} --><figure><a href="https://xa.example.vn/wp-content/uploads/2023/05/anh.jpg">` +
		`<img src="http://xa.example.vn/wp-content/uploads/2023/05/anh-300x200.jpg" alt="Ảnh &amp; chú thích" srcset="https://xa.example.vn/wp-content/uploads/2023/05/anh-300x200.jpg 300w, https://xa.example.vn/wp-content/uploads/2023/05/anh-1024x683.jpg 1024w" sizes="(max-width: 300px) 100vw, 300px" /></a></figure><!-- /wp:image -->` +
		`<p><a href="https://other.example/wp-content/uploads/2023/05/anh.jpg">nơi khác</a> <img src="/wp-content/uploads/2023/06/thieu.png" alt="x"></p>`
	out, left := rewriteBody(in, u.mediaFor)
	want := `<!-- wp:image {"id":7} --><figure><a href="/media/` + testHash + `.jpg">` +
		`<img src="/media/` + testHash + `.jpg" alt="Ảnh &amp; chú thích" srcset="/media/` + testHash + `-320.jpg 320w, /media/` + testHash + `-640.jpg 640w, /media/` + testHash + `-1024.jpg 1024w, /media/` + testHash + `.jpg 1200w" sizes="(max-width: 300px) 100vw, 300px"/></a></figure><!-- /wp:image -->` +
		`<p><a href="https://other.example/wp-content/uploads/2023/05/anh.jpg">nơi khác</a> <img src="/wp-content/uploads/2023/06/thieu.png" alt="x"></p>`
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	if len(left) != 1 || left[0] != "2023/06/thieu.png" {
		t.Errorf("left %q", left)
	}
}

func TestOriginalOfResizedCopy(t *testing.T) {
	for in, want := range map[string]string{
		"2023/05/anh-300x200.jpg":    "2023/05/anh.jpg",
		"2023/05/anh-1024x683.jpeg":  "2023/05/anh.jpeg",
		"2023/05/anh.jpg":            "2023/05/anh.jpg",
		"2023/05/so-1200-nam.jpg":    "2023/05/so-1200-nam.jpg",
		"2023/05/anh-300x200.jpg.gz": "2023/05/anh-300x200.jpg.gz",
	} {
		if got := wxr.Original(in); got != want {
			t.Errorf("Original(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFullSlug(t *testing.T) {
	title := strings.Repeat("Đường giao thông nông thôn ", 8)
	full := fullSlug(title)
	if !strings.HasPrefix(full, "duong-giao-thong-nong-thon-duong") || len(full) < 200 || strings.HasSuffix(full, "-") {
		t.Errorf("fullSlug = %q", full)
	}
}

// FuzzRewriteBody: any body is rewritten without a panic; a body with no
// link to resolve comes back byte for byte; and after a rewrite no src,
// href or srcset still names a file the library has.
func FuzzRewriteBody(f *testing.F) {
	f.Add(`<p><img src="https://xa.example.vn/wp-content/uploads/2023/05/anh-300x200.jpg" srcset="a 1w, https://xa.example.vn/wp-content/uploads/2023/05/anh.jpg 2w"></p>`)
	f.Add(`<!-- wp:paragraph --><p>Chào <a href=/wp-content/uploads/2023/05/anh.jpg>tệp</a></p><!-- /wp:paragraph -->`)
	f.Add(`<img src='x' srcset=",,,"><a href="https://xa.example.vn/wp-content/uploads/">`)
	f.Add(`<scr<script>ipt>"</script><a href="`)
	u := testUploads()
	none := func(string) (store.Media, string, bool) { return store.Media{}, "", false }
	f.Fuzz(func(t *testing.T, in string) {
		if out, left := rewriteBody(in, none); out != in || len(left) != 0 {
			t.Fatalf("changed with nothing to resolve:\n%q\n%q", in, out)
		}
		out, _ := rewriteBody(in, u.mediaFor)
		for _, raw := range uploadURLs(out) {
			if _, _, ok := u.mediaFor(raw); ok {
				t.Fatalf("%q still links to %q after the rewrite:\n%q", in, raw, out)
			}
		}
	})
}
