package news

import (
	"errors"
	"fmt"
	"strings"
)

// SiteKind is where a site sits in a province's two tiers of government.
type SiteKind string

const (
	KindProvince   SiteKind = "province"   // the provincial portal
	KindDepartment SiteKind = "department" // a department's sub-portal (sở, ban, ngành)
	KindCommune    SiteKind = "commune"    // a commune's or ward's portal (xã, phường, đặc khu)
)

// ParseSiteKind accepts a kind's code; ” is a province, the kind of the
// site an install starts with.
func ParseSiteKind(s string) (SiteKind, error) {
	switch k := SiteKind(strings.TrimSpace(s)); k {
	case "":
		return KindProvince, nil
	case KindProvince, KindDepartment, KindCommune:
		return k, nil
	}
	return "", fmt.Errorf("loại cổng %q không hợp lệ: dùng province, department hoặc commune", s)
}

// NormalizeHost lower-cases a host name and drops a port and a trailing dot,
// the way it arrives in a request's Host header; it does not validate.
func NormalizeHost(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	if i := strings.LastIndexByte(h, ':'); i >= 0 && !strings.Contains(h[i:], "]") {
		h = h[:i]
	}
	return strings.TrimSuffix(h, ".")
}

// ValidHost checks a site's host name: DNS labels of letters, digits and
// hyphens (punycode for Vietnamese names), at least two labels, no port.
// The error is one line, in Vietnamese, for the CLI and the admin page.
func ValidHost(h string) error {
	if h == "" {
		return errors.New("tên miền không được để trống")
	}
	if len(h) > 253 {
		return fmt.Errorf("tên miền %q dài quá 253 ký tự", h)
	}
	if h != strings.ToLower(h) {
		return fmt.Errorf("tên miền %q phải viết thường", h)
	}
	labels := strings.Split(h, ".")
	if len(labels) < 2 {
		return fmt.Errorf("tên miền %q không hợp lệ: cần dạng xa-a.tinh.gov.vn", h)
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return fmt.Errorf("tên miền %q không hợp lệ: cần dạng xa-a.tinh.gov.vn", h)
		}
		for i := 0; i < len(l); i++ {
			c := l[i]
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				return fmt.Errorf("tên miền %q có ký tự không hợp lệ %q: chỉ dùng chữ không dấu, số, dấu gạch ngang (tên có dấu viết dạng punycode xn--…)", h, string(c))
			}
		}
	}
	last := labels[len(labels)-1]
	if last[0] >= '0' && last[0] <= '9' {
		return fmt.Errorf("tên miền %q không hợp lệ: địa chỉ IP không dùng làm tên cổng", h)
	}
	return nil
}

// CheckSite validates a site before it is added or changed: host syntax,
// kind, a name, and the parent's kind. parent is nil when the site has
// none. A province site has no parent; a department or commune belongs to
// a province site.
func CheckSite(s Site, parent *Site) error {
	if strings.TrimSpace(s.Name) == "" {
		return errors.New("--name không được để trống")
	}
	if s.Host != "" {
		if err := ValidHost(s.Host); err != nil {
			return err
		}
	}
	if _, err := ParseSiteKind(string(s.Kind)); err != nil {
		return err
	}
	if s.BaseURL != "" && !strings.HasPrefix(s.BaseURL, "https://") && !strings.HasPrefix(s.BaseURL, "http://") {
		return fmt.Errorf("địa chỉ gốc %q phải bắt đầu bằng https:// hoặc http://", s.BaseURL)
	}
	if parent != nil {
		if parent.ID == s.ID && s.ID != 0 {
			return errors.New("một cổng không thể là cổng cha của chính nó")
		}
		if parent.Kind != KindProvince && parent.Kind != "" {
			return fmt.Errorf("cổng cha %s không phải cổng cấp tỉnh", parent.Host)
		}
		if s.Kind == KindProvince {
			return errors.New("cổng cấp tỉnh không có cổng cha")
		}
	}
	return nil
}

// CanonicalBase is the site's base URL for links that leave the page (feeds,
// sitemaps, QR codes, mail): its own when set; else its host with the
// scheme of the install's --base-url; else the install's (the one site of
// a single-site install).
func (s Site) CanonicalBase(install string) string {
	if s.BaseURL != "" {
		return s.BaseURL
	}
	if s.Host == "" {
		return install
	}
	scheme := "https"
	if strings.HasPrefix(install, "http://") {
		scheme = "http"
	}
	return scheme + "://" + s.Host
}
