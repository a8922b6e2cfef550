package visit

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

type uaCase struct {
	line int
	want Reason
	ua   string
}

// loadUserAgents reads testdata/useragents.txt ("bot|reason|UA" or
// "human||UA" per line) so the corpus of real-world strings can grow without
// touching Go code.
func loadUserAgents(t testing.TB) []uaCase {
	t.Helper()
	f, err := os.Open("testdata/useragents.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []uaCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		kind, rest, ok1 := strings.Cut(line, "|")
		reason, ua, ok2 := strings.Cut(rest, "|")
		if !ok1 || !ok2 || ua == "" {
			t.Fatalf("useragents.txt:%d: want kind|reason|UA, got %q", n, line)
		}
		switch {
		case kind == "human" && reason == "":
		case kind == "bot" && (reason == string(ReasonBot) || reason == string(ReasonHeadless)):
		default:
			t.Fatalf("useragents.txt:%d: bad kind/reason %q/%q", n, kind, reason)
		}
		cases = append(cases, uaCase{line: n, want: Reason(reason), ua: ua})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

func TestUserAgentsFile(t *testing.T) {
	cases := loadUserAgents(t)
	var bots, humans int
	seen := map[string]int{}
	for _, c := range cases {
		if prev, dup := seen[c.ua]; dup {
			t.Errorf("useragents.txt:%d duplicates line %d", c.line, prev)
		}
		seen[c.ua] = c.line
		if c.want == ReasonNone {
			humans++
		} else {
			bots++
		}
		if got := IsBotUA(c.ua); got != c.want {
			t.Errorf("useragents.txt:%d: IsBotUA(%q) = %q, want %q", c.line, c.ua, got, c.want)
		}
	}
	// Guard the corpus itself against shrinking unnoticed.
	if bots < 40 || humans < 30 {
		t.Errorf("corpus has %d bot and %d human UAs; want at least 40 and 30", bots, humans)
	}
}

func TestIsBotUA(t *testing.T) {
	chrome := "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.6167.101 Mobile Safari/537.36"
	tests := []struct {
		name string
		ua   string
		want Reason
	}{
		{"empty", "", ReasonEmptyUA},
		{"spaces", "   ", ReasonEmptyUA},
		{"tab", "\t", ReasonEmptyUA},
		{"dash placeholder", "-", ReasonEmptyUA},
		{"bare mozilla", "Mozilla/5.0", ReasonBot},
		{"one char", "x", ReasonBot},
		{"two chars", "ab", ReasonBot},
		{"three chars", "abc", ReasonNotBrowser},
		{"bare mozilla lower", "mozilla/4.0", ReasonBot},
		{"mozilla with platform, no engine", "Mozilla/5.0 (X11; Linux x86_64)", ReasonNotBrowser},
		{"tool word appended", chrome + " SecurityHeaders", ReasonNotBrowser},
		{"tool after safari", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15 Hardenize", ReasonNotBrowser},
		{"compatible tool", "Mozilla/5.0 (compatible; Netcraft Web Server Survey)", ReasonNotBrowser},
		{"monitor without browser shape", "Datadog Agent/7.69.2", ReasonNotBrowser},
		{"http library", "AHC/2.0", ReasonNotBrowser},
		{"link checker", "LinkCheck by Siteimprove.com", ReasonNotBrowser},
		{"old internet explorer", "Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 6.1; Trident/4.0)", ReasonNone},
		{"browser", chrome, ReasonNone},
		{"upper case token", "MY-CRAWLER/1.0", ReasonBot},
		{"mixed case token", "GoogleBot", ReasonBot},
		{"token at very end", chrome + " bot", ReasonBot},
		{"token at very start", "bot", ReasonBot},
		{"token cut by end of string", "Mozilla/5.0 (X11) AppleWebKit/537.36 Headles", ReasonNotBrowser},
		{"non-ascii bytes", "Mozilla/5.0 (Linux; Android 13; Điện thoại) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0 Mobile Safari/537.36", ReasonNone},
		{"non-ascii then bot", "Trình thu thập spider/1.0", ReasonBot},
		{"long UA bot at end", chrome + strings.Repeat(" x", 600) + " crawler", ReasonBot},
		{"long UA human", chrome + strings.Repeat(" x/1", 600), ReasonNone},
		{"cubot phone", "Mozilla/5.0 (Linux; Android 9; CUBOT P30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Mobile Safari/537.36", ReasonNone},
		{"cubot phone running a bot", "Mozilla/5.0 (Linux; Android 9; CUBOT P30) Chrome/118.0 Mobile Safari/537.36 TestBot/1.0", ReasonBot},
		{"robot", "Mozilla/5.0 (compatible; Robot)", ReasonBot},
		{"headless beats bot", "Googlebot HeadlessChrome/120.0", ReasonHeadless},
		{"headless before bot", "HeadlessChrome/120.0 Googlebot", ReasonHeadless},
		{"lighthouse", chrome + " Chrome-Lighthouse", ReasonHeadless},
		{"puppeteer", "Mozilla/5.0 Puppeteer", ReasonHeadless},
		{"selenium", "Mozilla/5.0 (X11) Selenium/4", ReasonHeadless},
		{"zalo in-app android", chrome + " Zalo android/12100625 ZaloTheme/light ZaloLanguage/vi", ReasonNone},
		{"zalo in-app ios", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Zalo iOS/569", ReasonNone},
		{"zalo fetcher compatible", "Mozilla/5.0 (compatible; Zalo/1.0)", ReasonBot},
		{"zalo fetcher leading", "Zalo/2.0 (zalo.me)", ReasonBot},
		{"coc coc browser", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/119.0.246 Chrome/119.0.6045.214 Safari/537.36", ReasonNone},
		{"coc coc bot", "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)", ReasonBot},
		{"whatsapp fetcher", "WhatsApp/2.23.20.0 A", ReasonBot},
		{"whatsapp mentioned later", chrome + " WhatsApp/2.23", ReasonNone},
		{"yandex crawler", "Mozilla/5.0 (compatible; YandexMetrika/2.0)", ReasonBot},
		{"yandex search app", chrome + " YandexSearch/23.45", ReasonNone},
		{"yandex search app plus crawler", chrome + " YandexSearch/23.45 YandexImages", ReasonBot},
		{"load test with browser UA counts", chrome, ReasonNone},
		{"facebook in-app", chrome + " [FB_IAB/FB4A;FBAV/448.0.0.41.109;]", ReasonNone},
		{"facebook crawler", "facebookexternalhit/1.1", ReasonBot},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsBotUA(tt.ua); got != tt.want {
				t.Errorf("IsBotUA(%q) = %q, want %q", tt.ua, got, tt.want)
			}
		})
	}
}

func TestMarkersWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range markers {
		if err := checkMarker(m); err != nil {
			t.Error(err)
		}
		if seen[m.s] {
			t.Errorf("duplicate marker %q", m.s)
		}
		seen[m.s] = true
	}
	bad := []marker{
		{s: "b", reason: ReasonBot},
		{s: "bo", reason: ReasonBot},
		{s: "Bot", reason: ReasonBot},
		{s: "bót", reason: ReasonBot},
		{s: "bot", reason: ReasonPrefetch},
	}
	for _, m := range bad {
		if checkMarker(m) == nil {
			t.Errorf("checkMarker(%+v) = nil, want error", m)
		}
	}
}

func TestFoldHelpers(t *testing.T) {
	tests := []struct {
		s, sub           string
		prefix, contains bool
	}{
		{"PreFetch", "prefetch", true, true},
		{"x prefetch", "prefetch", false, true},
		{"pref", "prefetch", false, false},
		{"", "a", false, false},
		{"abc", "", true, true},
		{"ÀBC", "abc", false, false},
	}
	for _, tt := range tests {
		if got := hasPrefixFold(tt.s, tt.sub); got != tt.prefix {
			t.Errorf("hasPrefixFold(%q, %q) = %v", tt.s, tt.sub, got)
		}
		if got := containsFold(tt.s, tt.sub); got != tt.contains {
			t.Errorf("containsFold(%q, %q) = %v", tt.s, tt.sub, got)
		}
	}
}

func TestIsBotUANoAllocs(t *testing.T) {
	for _, c := range loadUserAgents(t) {
		if n := testing.AllocsPerRun(10, func() { IsBotUA(c.ua) }); n != 0 {
			t.Errorf("IsBotUA(%q) allocates %.0f times", c.ua, n)
		}
	}
}

// naiveIsBot is the straightforward lowercase-then-Contains approach, kept
// only as the benchmark baseline that justifies the indexed scan.
func naiveIsBot(ua string) bool {
	l := strings.ToLower(ua)
	for _, m := range markers {
		if strings.Contains(l, m.s) {
			return true
		}
	}
	return false
}

var sinkReason Reason
var sinkBool bool

func BenchmarkIsBotUA(b *testing.B) {
	cases := map[string]string{
		"human-android": "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.6167.101 Mobile Safari/537.36",
		"human-zalo":    "Mozilla/5.0 (Linux; Android 12; SM-A525F Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36 Zalo android/12100625 ZaloTheme/light ZaloLanguage/vi",
		"googlebot":     "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.126 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
		"curl":          "curl/8.5.0",
	}
	for name, ua := range cases {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkReason = IsBotUA(ua)
			}
		})
		b.Run(name+"/naive", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkBool = naiveIsBot(ua)
			}
		})
	}
}
