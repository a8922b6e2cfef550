package wxr

import (
	"net/url"
	"os"
	"strings"
	"testing"
)

func TestLinkKey(t *testing.T) {
	for raw, want := range map[string]string{
		"https://xa.example.vn/2023/05/12/tin-t%e1%bb%a9c/":      "/2023/05/12/tin-tức",
		"http://www.xa.example.vn/2023/05/12/tin-t%E1%BB%A9c":    "/2023/05/12/tin-tức",
		"https://xa.example.vn/?p=101":                           "?p=101",
		"https://xa.example.vn/index.php?p=101&preview=true":     "?p=101",
		"https://xa.example.vn/?page_id=7":                       "?page_id=7",
		"https://xa.example.vn/?attachment_id=9":                 "?attachment_id=9",
		"https://xa.example.vn/?p=abc":                           "",
		"https://xa.example.vn/":                                 "",
		"https://xa.example.vn/?utm_source=zalo":                 "",
		"/wp-content/uploads/2023/05/anh.jpg":                    "/wp-content/uploads/2023/05/anh.jpg",
		"https://xa.example.vn/gioi-thieu/lich-su/?replytocom=3": "/gioi-thieu/lich-su",
		"%zz": "",
	} {
		if got := URLKey(raw); got != want {
			t.Errorf("URLKey(%q) = %q, want %q", raw, got, want)
		}
	}
	// Decomposed Vietnamese (typed on a Mac) is the same key.
	if a, b := LinkKey("/tin-tu\u031b\u0301c", nil), LinkKey("/tin-tức", nil); a != b {
		t.Errorf("NFC: %q != %q", a, b)
	}
	if k := LinkKey("/"+strings.Repeat("a", 2000), nil); k != "" {
		t.Errorf("long path kept")
	}
}

func TestUploadsPath(t *testing.T) {
	if rel, ok := UploadsPath("https://xa.example.vn/wp-content/uploads/2023/05/%E1%BA%A3nh-300x200.jpg?ver=2"); !ok || rel != "2023/05/ảnh-300x200.jpg" {
		t.Errorf("UploadsPath = %q %v", rel, ok)
	}
	if _, ok := UploadsPath("https://xa.example.vn/wp-content/themes/x.jpg"); ok {
		t.Error("theme file taken for an upload")
	}
}

// FuzzLinkKey: any request path and query give a key that is empty, an ID
// form, or a path that is its own key (what is stored is what is looked up).
func FuzzLinkKey(f *testing.F) {
	f.Add("/2023/05/12/tin-t%e1%bb%a9c/", "p=1")
	f.Add("/", "page_id=007&p=x")
	f.Add("/wp-content/uploads/a-1x1.jpg", "")
	f.Fuzz(func(t *testing.T, path, query string) {
		q, _ := url.ParseQuery(query)
		k := LinkKey(path, q)
		switch {
		case k == "":
		case strings.HasPrefix(k, "?"):
			if _, ok := map[string]bool{"?p": true, "?page_id": true, "?attachment_id": true, "?cat": true}[k[:strings.IndexByte(k, '=')]]; !ok {
				t.Fatalf("key %q", k)
			}
		case k[0] == '/':
			if LinkKey(k, nil) != k || len(k) > maxLinkKey {
				t.Fatalf("key %q is not its own key", k)
			}
		default:
			t.Fatalf("key %q", k)
		}
		_ = Original(path)
		UploadsPath(path)
	})
}

// The WordPress 6.1 fixture reads as WordPress wrote it: percent-encoded
// slugs, attachments with their file and alt text, a page's parent.
func TestParseWordPress61(t *testing.T) {
	f, err := os.Open("testdata/wp61/export.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	exp, err := Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	if exp.Version != "1.2" || len(exp.Items) != 9 || exp.BaseSiteURL != "https://xatanphu.gov.vn" {
		t.Fatalf("version %q, %d items, base %q", exp.Version, len(exp.Items), exp.BaseSiteURL)
	}
	by := map[int]Item{}
	for _, it := range exp.Items {
		by[it.PostID] = it
	}
	if it := by[101]; it.PostName != "h%e1%bb%99i-ngh%e1%bb%8b-t%e1%bb%95ng-k%e1%ba%bft-n%c4%83m-2023" || !strings.Contains(it.Content, "<!-- wp:image") || it.Excerpt == "" {
		t.Errorf("post 101: %+v", it)
	}
	if it := by[102]; len([]rune(it.Title)) != 200 || len(it.PostName) > 200 {
		t.Errorf("post 102: title %d runes, slug %d bytes", len([]rune(it.Title)), len(it.PostName))
	}
	if it := by[201]; it.PostType != "attachment" || it.Meta["_wp_attached_file"] != "2023/05/hoi-nghi-tong-ket.jpg" || it.Meta["_wp_attachment_image_alt"] == "" {
		t.Errorf("attachment 201: %+v", it)
	}
	if it := by[111]; it.PostParent != 110 || it.PostType != "page" {
		t.Errorf("page 111: %+v", it)
	}
	if it := by[103]; it.Status != "draft" {
		t.Errorf("draft: %+v", it)
	}
}
