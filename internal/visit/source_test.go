package visit

import "testing"

func TestReferrer(t *testing.T) {
	tests := []struct{ ref, self, group, host string }{
		{"", "cong.example.vn", RefDirect, ""},
		{"https://cong.example.vn/bai-viet/x", "cong.example.vn:8080", RefDirect, ""},
		{"https://www.google.com.vn/search?q=ho+so", "", RefSearch, "google.com.vn"},
		{"https://coccoc.com/search?query=x", "", RefSearch, "coccoc.com"},
		{"https://www.bing.com/", "", RefSearch, "bing.com"},
		{"https://zalo.me/g/abc", "", RefZalo, "zalo.me"},
		{"https://chat.zalo.me/", "", RefZalo, "chat.zalo.me"},
		{"https://l.facebook.com/l.php?u=x", "", RefFacebook, "l.facebook.com"},
		{"https://m.facebook.com/", "", RefFacebook, "m.facebook.com"},
		{"https://dichvucong.gov.vn/p/home/dvc-trang-chu.html", "", RefDichVuCong, "dichvucong.gov.vn"},
		{"https://sotttt.hanoi.gov.vn/", "", RefGov, "sotttt.hanoi.gov.vn"},
		{"https://notgov.vn/", "", RefOther, "notgov.vn"},
		{"https://fakefacebook.com/", "", RefOther, "fakefacebook.com"},
		{"https://vnexpress.net/x?email=a@b.vn", "", RefOther, "vnexpress.net"},
		{"android-app://com.google.android.gm/", "", RefOther, "com.google.android.gm"},
		{"::not a url", "", RefOther, ""},
	}
	for _, tt := range tests {
		g, h := Referrer(tt.ref, tt.self)
		if g != tt.group || h != tt.host {
			t.Errorf("Referrer(%q, %q) = %q, %q; want %q, %q", tt.ref, tt.self, g, h, tt.group, tt.host)
		}
	}
}

func TestDeviceAndBrowser(t *testing.T) {
	tests := []struct{ ua, device, browser string }{
		{"Mozilla/5.0 (iPhone; CPU iPhone OS 17_3_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3.1 Mobile/15E148 Safari/604.1", DevicePhone, "Safari"},
		{"Mozilla/5.0 (iPad; CPU OS 15_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6.1 Mobile/15E148 Safari/604.1", DeviceTablet, "Safari"},
		{"Mozilla/5.0 (Linux; Android 13; SM-X205) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36", DeviceTablet, "Chrome"},
		{"Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.6167.101 Mobile Safari/537.36", DevicePhone, "Chrome"},
		{"Mozilla/5.0 (Android 13; Mobile; rv:122.0) Gecko/122.0 Firefox/122.0", DevicePhone, "Firefox"},
		{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/119.0.246 Chrome/119.0.6045.214 Safari/537.36", DeviceDesktop, "Cốc Cốc"},
		{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36 Edg/121.0.2277.98", DeviceDesktop, "Edge"},
		{"Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Zalo iOS/569", DevicePhone, "Zalo"},
		{"Mozilla/5.0 (Linux; Android 13; SM-A536E Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/121.0.6167.101 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/448.0.0.41.109;]", DevicePhone, "Facebook"},
		{"Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko", DeviceDesktop, "Internet Explorer"},
		{"Mozilla/5.0 (X11; Linux x86_64; rv:122.0) Gecko/20100101 Firefox/122.0", DeviceDesktop, "Firefox"},
	}
	for _, tt := range tests {
		if d, b := Device(tt.ua), Browser(tt.ua); d != tt.device || b != tt.browser {
			t.Errorf("%q: %s %s; want %s %s", tt.ua, d, b, tt.device, tt.browser)
		}
	}
}
