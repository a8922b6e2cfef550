package config

import (
	"net"
	"net/url"
	"strings"
)

// LocalBaseURL reports whether base points at this machine (localhost, a
// loopback address or no host): the default of --base-url. Links the portal
// prints for use elsewhere — the receipt's QR code, private dossier links,
// RSS, the sitemap, mails — would then lead nowhere for anyone else.
func LocalBaseURL(base string) bool {
	u, err := url.Parse(base)
	if err != nil {
		return false
	}
	h := strings.ToLower(u.Hostname())
	if h == "" || h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && (ip.IsLoopback() || ip.IsUnspecified())
}

// LocalBaseURLWarning is the start-up warning for a local base URL.
const LocalBaseURLWarning = "--base-url là địa chỉ cục bộ: mã QR trên giấy biên nhận, đường dẫn riêng của hồ sơ, RSS, sơ đồ trang (sitemap) và thư gửi người dân sẽ trỏ về máy này; hãy đặt --base-url (hoặc CONG_BASE_URL) là địa chỉ công khai của cổng, ví dụ https://cong.example.gov.vn"
