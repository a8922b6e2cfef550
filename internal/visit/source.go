package visit

import (
	"net/url"
	"strings"
)

// Referrer groups, as the analytics page shows them.
const (
	RefDirect     = "direct"     // no referrer, or a page of the portal itself
	RefSearch     = "search"     // search engines
	RefZalo       = "zalo"       // Zalo chats and official accounts
	RefFacebook   = "facebook"   // Facebook and Messenger
	RefDichVuCong = "dichvucong" // the national public-service portal, dichvucong.gov.vn
	RefGov        = "gov"        // other government sites (.gov.vn)
	RefOther      = "other"
)

// Device kinds.
const (
	DevicePhone   = "phone"
	DeviceTablet  = "tablet"
	DeviceDesktop = "desktop"
)

// maxHostLen bounds what is kept of a referrer host.
const maxHostLen = 100

// Referrer reduces a Referer header to its group and host (lower case,
// without "www." or port): the path and query, which may carry a search
// or a person's data, are never kept. self is the portal's own host, whose
// pages count as direct.
func Referrer(referer, self string) (group, host string) {
	if referer == "" {
		return RefDirect, ""
	}
	u, err := url.Parse(referer)
	if err != nil || u.Host == "" {
		return RefOther, ""
	}
	host = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if len(host) > maxHostLen {
		host = host[:maxHostLen]
	}
	if s := strings.TrimPrefix(strings.ToLower(hostOnly(self)), "www."); s != "" && host == s {
		return RefDirect, ""
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		// An app ("android-app://com.google.android.gm"): its package name
		// is not a web host, only Google's search app is a search engine.
		if strings.HasPrefix(host, "com.google.android.googlequicksearchbox") {
			return RefSearch, host
		}
		return RefOther, host
	}
	return refGroup(host), host
}

func hostOnly(h string) string {
	if i := strings.LastIndexByte(h, ':'); i >= 0 && !strings.Contains(h[i:], "]") {
		return h[:i]
	}
	return h
}

// searchHosts are the search engines Vietnamese readers use, by the label
// before the public suffix ("google" matches google.com and google.com.vn).
var searchHosts = []string{"google", "bing", "coccoc", "yahoo", "duckduckgo", "yandex", "baidu", "ecosia", "qwant", "search.brave", "naver"}

func refGroup(host string) string {
	switch {
	case host == "dichvucong.gov.vn" || strings.HasSuffix(host, ".dichvucong.gov.vn"):
		return RefDichVuCong
	case host == "gov.vn" || strings.HasSuffix(host, ".gov.vn"):
		return RefGov
	case inDomain(host, "zalo.me") || inDomain(host, "zalo.vn") || inDomain(host, "zaloapp.com"):
		return RefZalo
	case inDomain(host, "facebook.com") || inDomain(host, "fb.com") || inDomain(host, "messenger.com") || inDomain(host, "fb.me"):
		return RefFacebook
	}
	for _, s := range searchHosts {
		if strings.HasPrefix(host, s+".") || strings.Contains(host, "."+s+".") {
			return RefSearch
		}
	}
	return RefOther
}

func inDomain(host, domain string) bool {
	return host == domain || strings.HasSuffix(host, "."+domain)
}

// Device tells phone, tablet and desktop apart from a browser's
// User-Agent. iPads that present themselves as a Mac count as desktop:
// nothing in the request tells them apart.
func Device(ua string) string {
	switch {
	case strings.Contains(ua, "iPad") || strings.Contains(ua, "Tablet") ||
		strings.Contains(ua, "Android") && !strings.Contains(ua, "Mobi"):
		return DeviceTablet
	case strings.Contains(ua, "Mobi") || strings.Contains(ua, "iPhone") || strings.Contains(ua, "iPod") ||
		strings.Contains(ua, "Opera Mini") || strings.Contains(ua, "UCWEB") || strings.Contains(ua, "KAIOS"):
		return DevicePhone
	}
	return DeviceDesktop
}

// browserTokens: the first match names the browser, so in-app browsers and
// Chromium derivatives come before Chrome, and Chrome before Safari (every
// Chromium UA also says "Safari").
var browserTokens = []struct{ token, name string }{
	{"coc_coc_browser", "Cốc Cốc"},
	{"Zalo", "Zalo"},
	{"FBAN", "Facebook"}, {"FBAV", "Facebook"}, {"FB_IAB", "Facebook"},
	{"Edg", "Edge"},
	{"OPR/", "Opera"}, {"Opera", "Opera"},
	{"SamsungBrowser", "Samsung Internet"},
	{"UCBrowser", "UC Browser"}, {"UCWEB", "UC Browser"},
	{"YaBrowser", "Yandex"},
	{"Firefox/", "Firefox"}, {"FxiOS", "Firefox"},
	{"CriOS", "Chrome"}, {"Chrome/", "Chrome"},
	{"Safari/", "Safari"},
	{"Trident/", "Internet Explorer"}, {"MSIE", "Internet Explorer"},
}

// Browser is the browser family of a User-Agent, or "other".
func Browser(ua string) string {
	for _, b := range browserTokens {
		if strings.Contains(ua, b.token) {
			return b.name
		}
	}
	return "other"
}
