package visit

import "strings"

// The marker list (bot.go) only catches clients that name themselves. About
// one crawler in five in public corpora does not: monitors, feed readers,
// link checkers and HTTP libraries ("Datadog Agent/7.69.2", "FeedBurner/1.0",
// "AHC/2.0") and browser-like strings with a tool's name appended
// ("… Safari/537.36 SecurityHeaders", "(compatible; Netcraft Web Server
// Survey)"). browserShaped turns the question around: what every person's
// browser sends has a known shape, and anything else is not a reader.

// browserPrefixes are how the User-Agents of browsers people use begin. All
// current engines send "Mozilla/5.0 (platform…)"; the others are old
// Internet Explorer and the Opera Mini and UC Browser proxies still found on
// cheap feature phones.
var browserPrefixes = [...]string{"Mozilla/5.0 (", "Mozilla/4.0 (compatible; MSIE ", "Opera/9.80 (", "UCWEB/"}

// engineTokens: a "Mozilla/5.0" string must also name its rendering engine;
// "Mozilla/5.0 (compatible; Something)" without one is a tool.
var engineTokens = [...]string{"AppleWebKit/", "Gecko/", "like Gecko", "Trident/", "Presto/"}

// bareWords are the words without "/version" that browsers put outside
// parentheses ("Mobile Safari/537.36", "Zalo android/…", "Instagram 321.0…").
// Any other bare word there is a tool's name appended to a borrowed browser
// string ("SecurityHeaders", "Hardenize", "LinkCheck by Siteimprove.com").
var bareWords = map[string]bool{
	"Mobile": true, "Safari": true, "Zalo": true, "Instagram": true, "Android": true,
	"iOS": true, "Snapchat": true, "NAVER": true, "Pinterest": true, "Line": true,
	"KAKAOTALK": true, "WhatsApp": true, "Electron": true, "Twitter": true, "Twitter for iPhone": true,
	"Version": true, "like": true, "Gecko": true, "Chrome": true, "U": true, "Brave": true,
}

// browserShaped reports whether ua has the shape of a person's browser. It
// runs once per distinct User-Agent (UACache), so plain string scans are fine.
func browserShaped(ua string) bool {
	prefix := ""
	for _, p := range browserPrefixes {
		if strings.HasPrefix(ua, p) {
			prefix = p
			break
		}
	}
	switch prefix {
	case "":
		return false
	case "Mozilla/5.0 (":
		ok := false
		for _, e := range engineTokens {
			if strings.Contains(ua, e) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
		// "(compatible; …)" is how tools announce themselves; the only
		// browser that ever used it is Internet Explorer ("compatible; MSIE").
		if i := strings.Index(ua, "compatible;"); i >= 0 && !strings.HasPrefix(strings.TrimLeft(ua[i+len("compatible;"):], " "), "MSIE") {
			return false
		}
	}
	return !hasToolWord(ua)
}

// hasToolWord reports a bare word outside parentheses and brackets that
// browsers do not use. Words with "/", ".", "=" or a digit ("Edg/121",
// "wails.io", "Silk-Accelerated=true", TikTok's "musical_ly_2024309030") are
// product details and builds, and "…browser" names a browser; the tool names
// appended in the wild are plain words ("SecurityHeaders", "Hardenize").
func hasToolWord(ua string) bool {
	depth := 0
	start := -1
	check := func(end int) bool {
		if start < 0 {
			return false
		}
		w := ua[start:end]
		start = -1
		if strings.ContainsAny(w, "/.=0123456789") || bareWords[w] || containsFold(w, "browser") {
			return false
		}
		return true
	}
	for i := 0; i < len(ua); i++ {
		switch c := ua[i]; c {
		case '(', '[':
			// "Name(comment)" without a space is a product with its
			// comment, as WeChat writes it; only a spaced bare word counts.
			if depth == 0 && (i == 0 || ua[i-1] == ' ') && check(i) {
				return true
			}
			start = -1
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case ' ', ';', ',':
			if depth == 0 && check(i) {
				return true
			}
		default:
			if depth == 0 && start < 0 {
				start = i
			}
		}
	}
	return depth == 0 && check(len(ua))
}
