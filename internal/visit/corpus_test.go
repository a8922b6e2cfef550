package visit

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// readLines reads one User-Agent per line of a public corpus (see
// testdata/SOURCES).
func readLines(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 64<<10)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			out = append(out, l)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPublicCorpora holds the filter to DESIGN §8: at least 95 % of the
// crawler User-Agents of a public crawler list rejected, at least 99 % of
// the browser User-Agents of public browser lists counted.
func TestPublicCorpora(t *testing.T) {
	crawlers := readLines(t, "crawlers.txt")
	browsers := readLines(t, "browsers.txt")
	if len(crawlers) < 2000 || len(browsers) < 300 {
		t.Fatalf("corpora shrank: %d crawlers, %d browsers", len(crawlers), len(browsers))
	}
	var passed []string
	for _, ua := range crawlers {
		if IsBotUA(ua) == ReasonNone {
			passed = append(passed, ua)
		}
	}
	var rejected []string
	for _, ua := range browsers {
		if r := IsBotUA(ua); r != ReasonNone {
			rejected = append(rejected, string(r)+": "+ua)
		}
	}
	botRate := 1 - float64(len(passed))/float64(len(crawlers))
	keepRate := 1 - float64(len(rejected))/float64(len(browsers))
	t.Logf("crawlers rejected %.2f%% (%d of %d), browsers kept %.2f%% (%d of %d)",
		100*botRate, len(crawlers)-len(passed), len(crawlers), 100*keepRate, len(browsers)-len(rejected), len(browsers))
	if botRate < 0.95 {
		t.Errorf("only %.2f%% of crawlers rejected; counted as people:\n%s", 100*botRate, strings.Join(passed, "\n"))
	}
	if keepRate < 0.99 {
		t.Errorf("only %.2f%% of browsers kept; rejected:\n%s", 100*keepRate, strings.Join(rejected, "\n"))
	}
	// The ua-parser fixtures of browser families are parser edge cases,
	// a third of them from 2010-era feature phones (J2ME, BREW, Symbian);
	// they are held to a lower bar so a regression there still shows.
	legacy := readLines(t, "browsers-legacy.txt")
	kept := 0
	for _, ua := range legacy {
		if IsBotUA(ua) == ReasonNone {
			kept++
		}
	}
	t.Logf("legacy browser fixtures kept %.2f%% (%d of %d)", 100*float64(kept)/float64(len(legacy)), kept, len(legacy))
	if float64(kept) < 0.85*float64(len(legacy)) {
		t.Errorf("legacy browser fixtures: only %d of %d kept", kept, len(legacy))
	}
	if testing.Verbose() {
		t.Logf("crawlers still counted:\n%s", strings.Join(passed, "\n"))
		t.Logf("browsers rejected:\n%s", strings.Join(rejected, "\n"))
	}
}
