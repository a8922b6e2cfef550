package wxr

import (
	"net/url"
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
			if _, ok := map[string]bool{"?p": true, "?page_id": true, "?attachment_id": true}[k[:strings.IndexByte(k, '=')]]; !ok {
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
