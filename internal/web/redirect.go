package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/congportal/cong/internal/media"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/wxr"
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

// legacyRedirect answers 301 for an address the site had before it moved
// to Cổng (a WordPress permalink, ?p=ID, an uploads file), recorded by the
// import. It runs only where the answer would otherwise be a 404 (and on
// the home page when the query names an ID), so pages that exist never pay
// for it. It reports whether it answered.
func (s *Server) legacyRedirect(w http.ResponseWriter, r *http.Request) bool {
	if (r.Method != http.MethodGet && r.Method != http.MethodHead) || strings.HasPrefix(r.URL.Path, "/api/") {
		return false
	}
	var q url.Values
	if r.URL.RawQuery != "" {
		q = r.URL.Query()
	}
	key := wxr.LinkKey(r.URL.Path, q)
	if key == "" {
		return false
	}
	ctx := r.Context()
	site := s.siteIDOf(r)
	t, err := s.st.LegacyLink(ctx, site, key)
	if errors.Is(err, store.ErrNotFound) && strings.Contains(key, "/wp-content/uploads/") {
		// A resized copy ("photo-300x200.jpg") of an imported image.
		if orig := wxr.Original(key); orig != key {
			t, err = s.st.LegacyLink(ctx, site, orig)
		}
	}
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) {
			s.log.Error("legacy link", "path", r.URL.Path, "err", err)
		}
		return false
	}
	var target string
	switch t.Kind {
	case store.LegacyArticle:
		target = "/bai-viet/" + t.Slug
	case store.LegacyPage:
		target = "/trang/" + url.PathEscape(t.Slug)
	case store.LegacyCategory:
		target = "/chuyen-muc/" + url.PathEscape(t.Slug)
	case store.LegacyMedia:
		target = "/media/" + media.FileName(t.Hash, 0, t.Ext)
	default:
		return false
	}
	if target == r.URL.Path {
		return false
	}
	http.Redirect(w, r, target, http.StatusMovedPermanently)
	return true
}
