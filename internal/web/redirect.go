package web

import (
	"net/url"
	"strings"
)

// adminHome is where a login goes when the requested return path is unsafe.
const adminHome = "/quan-tri"

// localRedirect is the one rule for every return address taken from a
// request (tiep= on the login and second-factor steps): only a path on this
// site survives, anything else becomes the admin home. Browsers are more
// forgiving than url.Parse (they drop TAB, CR and LF inside a URL and read
// a backslash as a slash), so "/\t/evil.example" or "/%09/evil.example" is
// "//evil.example" to them: control characters are refused raw and
// percent-encoded, and the "//" and "/\" prefixes are checked on the raw
// and on the decoded path.
func localRedirect(v string) string {
	if v == "" || len(v) > 2000 || v[0] != '/' || hasControl(v) {
		return adminHome
	}
	u, err := url.Parse(v)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return adminHome
	}
	dec, err := url.PathUnescape(v)
	if err != nil || hasControl(dec) {
		return adminHome
	}
	for _, p := range []string{v, dec, u.Path} {
		if strings.HasPrefix(p, "//") || strings.HasPrefix(p, `/\`) {
			return adminHome
		}
	}
	return v
}

// hasControl reports any ASCII control character or DEL.
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == 0x7f {
			return true
		}
	}
	return false
}
