package wxr

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// maxLinkKey bounds a stored or looked-up key: longer paths are not
// WordPress permalinks (WordPress caps a slug at 200 bytes).
const maxLinkKey = 1000

// LinkKey is the form in which an old WordPress address is stored and looked
// up, so that the link in an export and the request a browser sends agree:
// the host is ignored (the site may move to a new name), the ID forms
// (?p=ID, ?page_id=ID, ?attachment_id=ID, ?cat=ID) are keyed by ID whatever the path
// ("/", "/index.php"), and a path is percent-decoded, NFC and without its
// trailing slash (WordPress answers both). The home page ("/" with no ID)
// has no key: it is never an old address to follow.
func LinkKey(path string, query url.Values) string {
	for _, name := range []string{"page_id", "p", "attachment_id", "cat"} {
		if v := query.Get(name); v != "" {
			if n, err := strconv.Atoi(v); err == nil && n > 0 {
				return "?" + name + "=" + strconv.Itoa(n)
			}
		}
	}
	p := strings.TrimRight(norm.NFC.String(path), "/")
	if p == "" || p[0] != '/' || len(p) > maxLinkKey {
		return ""
	}
	return p
}

// URLKey is LinkKey of an absolute or root-relative URL as WordPress writes
// it in <link>, <guid> or wp:attachment_url; "" when it has none.
func URLKey(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	return LinkKey(u.Path, u.Query())
}

const uploadsDir = "/wp-content/uploads/"

// sizedRE matches the "-300x200" WordPress adds to the resized copies of an
// image ("photo-300x200.jpg" is a copy of "photo.jpg").
var sizedRE = regexp.MustCompile(`-\d{1,5}x\d{1,5}(\.[A-Za-z0-9]{1,5})$`)

// UploadsPath returns the path of a file below wp-content/uploads
// ("2023/05/photo-300x200.jpg") for a URL that points into it.
func UploadsPath(raw string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", false
	}
	_, rel, ok := strings.Cut(u.Path, uploadsDir)
	if !ok || rel == "" {
		return "", false
	}
	return rel, true
}

// Original takes a resized copy's "-WxH" off a file name, so every size of
// an image names its original. An original may itself end in "-WxH"
// ("banner-1200x400.jpg"): callers try the name as it is first.
func Original(rel string) string {
	return sizedRE.ReplaceAllString(rel, "$1")
}
