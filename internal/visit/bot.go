package visit

import (
	"fmt"
	"strings"
)

// marker is a lowercase ASCII substring that identifies a non-human client.
type marker struct {
	s      string
	reason Reason // ReasonBot or ReasonHeadless
	// accept, when set, vets one occurrence found at index i of ua: some
	// markers also appear inside genuine browser User-Agents and only count
	// in a particular context.
	accept func(ua string, i int) bool
}

// markers lists the User-Agent substrings of crawlers, link-preview fetchers,
// HTTP libraries, monitors and automation tools. Matching is by substring,
// case-insensitively, so one generic token ("bot", "spider", "crawl") covers
// many crawlers; specific names are only listed when they lack such a token.
//
// Every entry must be safe against real browsers seen on Vietnamese traffic:
// cheap Android phones, Cốc Cốc (coc_coc_browser), Zalo and Facebook in-app
// browsers. testdata/useragents.txt guards that.
var markers = []marker{
	// Headless browsers and automation: checked with priority (see IsBotUA)
	// because they usually wear an otherwise ordinary browser UA.
	{s: "headless", reason: ReasonHeadless},
	{s: "lighthouse", reason: ReasonHeadless}, // Chrome-Lighthouse, PageSpeed Insights
	{s: "phantomjs", reason: ReasonHeadless},
	{s: "slimerjs", reason: ReasonHeadless},
	{s: "puppeteer", reason: ReasonHeadless},
	{s: "playwright", reason: ReasonHeadless},
	{s: "selenium", reason: ReasonHeadless},
	{s: "webdriver", reason: ReasonHeadless},
	{s: "htmlunit", reason: ReasonHeadless},

	// Generic crawler words.
	{s: "bot", reason: ReasonBot, accept: notCubot},
	{s: "crawl", reason: ReasonBot},
	{s: "spider", reason: ReasonBot},
	{s: "slurp", reason: ReasonBot},
	{s: "fetch", reason: ReasonBot}, // node-fetch, FeedFetcher, Meta-ExternalFetcher
	{s: "preview", reason: ReasonBot},
	{s: "archiver", reason: ReasonBot},
	{s: "archive.org", reason: ReasonBot},
	{s: "+http", reason: ReasonBot}, // "(+http://…/bot.html)": the crawler-info URL convention

	// Search engines and their helpers without a generic word.
	{s: "-google", reason: ReasonBot}, // AdsBot-Google, Mediapartners-Google, APIs-Google
	{s: "google-", reason: ReasonBot}, // Google-InspectionTool, Google-Extended, Google-Read-Aloud
	{s: "googleother", reason: ReasonBot},
	{s: "google favicon", reason: ReasonBot},
	{s: "yandex", reason: ReasonBot, accept: notYandexApp},
	{s: "yeti/", reason: ReasonBot}, // Naver
	{s: "qwantify", reason: ReasonBot},
	{s: "daumoa", reason: ReasonBot},
	{s: "ia_archiver", reason: ReasonBot},
	{s: "heritrix", reason: ReasonBot},

	// SEO tools.
	{s: "semrush", reason: ReasonBot},
	{s: "ahrefs", reason: ReasonBot},
	{s: "mj12", reason: ReasonBot},
	{s: "screaming frog", reason: ReasonBot},
	{s: "sitebulb", reason: ReasonBot},
	{s: "dataforseo", reason: ReasonBot},
	{s: "serpstat", reason: ReasonBot},

	// AI crawlers and assistants fetching on a user's behalf (not a page view
	// on the portal either way).
	{s: "chatgpt", reason: ReasonBot},
	{s: "claude", reason: ReasonBot},
	{s: "anthropic", reason: ReasonBot},
	{s: "perplexity", reason: ReasonBot},
	{s: "cohere-ai", reason: ReasonBot},
	{s: "diffbot", reason: ReasonBot},

	// Link previews. Facebook and Zalo in-app browsers (FBAN/FBAV, "Zalo
	// android/…") are people and must not match.
	{s: "facebookexternalhit", reason: ReasonBot},
	{s: "facebookcatalog", reason: ReasonBot},
	{s: "meta-external", reason: ReasonBot},
	{s: "whatsapp", reason: ReasonBot, accept: atStart},
	{s: "zalo", reason: ReasonBot, accept: zaloFetcher},
	{s: "embedly", reason: ReasonBot},
	{s: "iframely", reason: ReasonBot},
	{s: "vkshare", reason: ReasonBot},
	{s: "mastodon", reason: ReasonBot},

	// HTTP libraries and command-line tools: scripts, not readers.
	{s: "curl", reason: ReasonBot},
	{s: "wget", reason: ReasonBot},
	{s: "python", reason: ReasonBot},
	{s: "http-client", reason: ReasonBot}, // Go-http-client
	{s: "httpclient", reason: ReasonBot},  // Apache-HttpClient
	{s: "java/", reason: ReasonBot},
	{s: "okhttp", reason: ReasonBot},
	{s: "axios", reason: ReasonBot},
	{s: "undici", reason: ReasonBot},
	{s: "libwww", reason: ReasonBot},
	{s: "guzzlehttp", reason: ReasonBot},
	{s: "php/", reason: ReasonBot},
	{s: "ruby", reason: ReasonBot},
	{s: "scrapy", reason: ReasonBot},
	{s: "httrack", reason: ReasonBot},
	{s: "postman", reason: ReasonBot},
	{s: "insomnia", reason: ReasonBot},
	{s: "httpie", reason: ReasonBot},
	{s: "(dart:io)", reason: ReasonBot},
	{s: "dalvik/", reason: ReasonBot}, // Android apps' default HTTP client, not a browser
	{s: "wordpress/", reason: ReasonBot},
	{s: "feedly", reason: ReasonBot},

	// Uptime and performance monitors.
	{s: "pingdom", reason: ReasonBot},
	{s: "uptime", reason: ReasonBot},
	{s: "monitor", reason: ReasonBot},
	{s: "statuscake", reason: ReasonBot},
	{s: "site24x7", reason: ReasonBot},
	{s: "gtmetrix", reason: ReasonBot},
	{s: "healthcheck", reason: ReasonBot},
	{s: "kube-probe", reason: ReasonBot},
	{s: "validator", reason: ReasonBot},

	// Scanners.
	{s: "zgrab", reason: ReasonBot},
	{s: "masscan", reason: ReasonBot},
	{s: "nmap", reason: ReasonBot},
	{s: "nikto", reason: ReasonBot},
	{s: "sqlmap", reason: ReasonBot},
	{s: "nuclei", reason: ReasonBot},
	{s: "censys", reason: ReasonBot},
	{s: "wpscan", reason: ReasonBot},
}

// notCubot rejects the "bot" inside "Cubot", a budget phone brand whose model
// name ("CUBOT P40") appears in its owners' Chrome User-Agent.
func notCubot(ua string, i int) bool {
	return i < 2 || lower[ua[i-2]] != 'c' || lower[ua[i-1]] != 'u'
}

// notYandexApp keeps the Yandex search app ("YandexSearch/…"), a browser used
// by people, while every other "Yandex…" agent is a crawler.
func notYandexApp(ua string, i int) bool {
	return !hasPrefixFold(ua[i:], "yandexsearch")
}

// atStart accepts a marker only as the product at the very start: the
// WhatsApp preview fetcher sends "WhatsApp/2.23.20.0 A", whereas a browser
// that merely mentions WhatsApp starts with "Mozilla/".
func atStart(_ string, i int) bool { return i == 0 }

// zaloFetcher separates Zalo's link-preview fetcher from the Zalo in-app
// browser. Millions of Vietnamese readers open links inside Zalo, whose UA is
// a normal WebView UA followed by "Zalo android/…" or "Zalo iOS/…"; those are
// people and must count. The fetcher identifies itself crawler-style, either
// as the leading product ("Zalo/1.0") or as the first word of a comment,
// "(compatible; Zalo…)". Only the bytes just before the match are examined,
// so the in-app UA, which mentions Zalo three times, costs nothing extra.
func zaloFetcher(ua string, i int) bool {
	before := strings.TrimRight(ua[:i], " ")
	return before == "" || hasSuffixFold(before, "(") || hasSuffixFold(before, "compatible;")
}

// markerTable indexes markers by their first byte, and trigrams is a
// 64 Ki-bit filter of the hashed first three bytes of every marker. The scan
// below visits each User-Agent byte once; at almost every position of a
// browser UA one bit test rules out all markers, and only on a filter hit are
// the few candidates sharing the first byte compared. That is several times
// cheaper than one strings.Contains pass per marker over a lowercased copy
// (see BenchmarkIsBotUA). Three bytes, not two, because common browser
// bigrams ("mo", "li", "an", "ar") start markers too and would defeat it.
type markerTable [256][]marker

var (
	allMarkers      markerTable
	headlessMarkers markerTable // used once a bot marker is already found
	trigrams        [1 << 16 / 64]uint64
)

// trigramKey hashes three lowercase bytes to 16 bits (multiplicative
// hashing); collisions only cost a wasted comparison.
func trigramKey(a, b, c byte) uint32 {
	return (uint32(a)<<16 | uint32(b)<<8 | uint32(c)) * 0x9E3779B1 >> 16
}

func init() {
	for _, m := range markers {
		if err := checkMarker(m); err != nil {
			panic(err) // a programming error in the table above
		}
		allMarkers[m.s[0]] = append(allMarkers[m.s[0]], m)
		if m.reason == ReasonHeadless {
			headlessMarkers[m.s[0]] = append(headlessMarkers[m.s[0]], m)
		}
		k := trigramKey(m.s[0], m.s[1], m.s[2])
		trigrams[k>>6] |= 1 << (k & 63)
	}
}

// checkMarker enforces what the matcher relies on: at least three bytes
// (the trigram filter needs them; shorter tokens would match everything
// anyway) and lowercase ASCII, because only the User-Agent side is folded.
func checkMarker(m marker) error {
	if len(m.s) < 3 {
		return fmt.Errorf("visit: marker %q too short", m.s)
	}
	for i := 0; i < len(m.s); i++ {
		c := m.s[i]
		if c >= 0x80 || lower[c] != c {
			return fmt.Errorf("visit: marker %q must be lowercase ASCII", m.s)
		}
	}
	if m.reason != ReasonBot && m.reason != ReasonHeadless {
		return fmt.Errorf("visit: marker %q has reason %q", m.s, m.reason)
	}
	return nil
}

// IsBotUA classifies a User-Agent on its own: ReasonEmptyUA when missing,
// ReasonHeadless for headless or automated browsers, ReasonBot for crawlers
// and tools that name themselves, ReasonNotBrowser for anything else that
// does not have a browser's shape (see browserShaped), ReasonNone for what
// looks like a person's browser.
//
// Headless wins over bot because it is the more specific diagnosis; the scan
// therefore continues after a bot marker, looking only for headless ones.
func IsBotUA(ua string) Reason {
	if isBlankUA(ua) {
		return ReasonEmptyUA
	}
	if len(ua) < 3 || equalFold(ua, "mozilla/5.0") || equalFold(ua, "mozilla/4.0") {
		// A stub or a bare product token with no platform is what scanners
		// and careless scripts send; no browser does. (The length check also
		// guarantees the scan below has a full trigram to start from.)
		return ReasonBot
	}
	found := ReasonNone
	table := &allMarkers
	// a, b, c are the lowercased bytes at i, i+1, i+2, rolled forward so
	// each byte is folded once.
	b, c := lower[ua[0]], lower[ua[1]]
	for i := 0; i+2 < len(ua); i++ {
		a := b
		b, c = c, lower[ua[i+2]]
		k := trigramKey(a, b, c)
		if trigrams[k>>6]&(1<<(k&63)) == 0 {
			continue
		}
		for _, m := range table[a] {
			if !hasPrefixFold(ua[i:], m.s) {
				continue
			}
			if m.accept != nil && !m.accept(ua, i) {
				continue
			}
			if m.reason == ReasonHeadless {
				return ReasonHeadless
			}
			found = ReasonBot
			table = &headlessMarkers
			break
		}
	}
	if found == ReasonNone && !browserShaped(ua) {
		return ReasonNotBrowser
	}
	return found
}

// isBlankUA treats whitespace-only and the log placeholder "-" as absent:
// both are what a client without a User-Agent effectively sends.
func isBlankUA(ua string) bool {
	for i := 0; i < len(ua); i++ {
		switch ua[i] {
		case ' ', '\t', '-':
		default:
			return false
		}
	}
	return true
}

// lower maps ASCII upper-case letters to lower case and every other byte to
// itself; a table lookup is cheaper than branching per byte and leaves UTF-8
// sequences untouched.
var lower = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if 'A' <= i && i <= 'Z' {
			t[i] = byte(i) + 'a' - 'A'
		}
	}
	return t
}()

// hasPrefixFold reports whether s starts with the lowercase ASCII string
// prefix, ignoring ASCII case in s. It does not allocate.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for j := 0; j < len(prefix); j++ {
		if lower[s[j]] != prefix[j] {
			return false
		}
	}
	return true
}

// hasSuffixFold reports whether s ends with the lowercase ASCII string
// suffix, ignoring ASCII case in s.
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && hasPrefixFold(s[len(s)-len(suffix):], suffix)
}

// equalFold is strings.EqualFold for a lowercase ASCII t, without the
// Unicode machinery.
func equalFold(s, t string) bool {
	return len(s) == len(t) && hasPrefixFold(s, t)
}

// containsFold reports whether s contains the lowercase ASCII string sub,
// ignoring ASCII case in s. Used on short header values, so the simple
// quadratic scan beats lowering a copy.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if hasPrefixFold(s[i:], sub) {
			return true
		}
	}
	return false
}
