package content

import (
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

var tagRE = regexp.MustCompile(`<[^>]*>`)

// words counts the whitespace-separated words of a body, tags removed.
func words(body string) int {
	return len(strings.Fields(tagRE.ReplaceAllString(body, " ")))
}

func TestCategories(t *testing.T) {
	if len(Categories) < 5 {
		t.Fatalf("%d categories, want at least 5", len(Categories))
	}
	seen := map[string]bool{}
	for _, c := range Categories {
		if c.Name == "" || c.Slug == "" || c.Description == "" {
			t.Errorf("category %+v has an empty field", c)
		}
		if seen[c.Slug] {
			t.Errorf("duplicate slug %q", c.Slug)
		}
		seen[c.Slug] = true
	}
}

func TestSite(t *testing.T) {
	s := TheSite
	for name, v := range map[string]string{
		"Name": s.Name, "Agency": s.Agency, "Address": s.Address, "Phone": s.Phone,
		"Email": s.Email, "Footer": s.Footer, "Description": s.Description,
	} {
		if v == "" {
			t.Errorf("site %s is empty", name)
		}
		checkText(t, "site "+name, v)
	}
	if s.StartingTotal <= 0 {
		t.Errorf("StartingTotal = %d", s.StartingTotal)
	}
}

func TestArticles(t *testing.T) {
	if len(Articles) < 30 {
		t.Fatalf("%d articles, want at least 30", len(Articles))
	}
	cats := map[string]int{}
	for _, c := range Categories {
		cats[c.Slug] = 0
	}
	titles := map[string]bool{}
	from := time.Date(2026, time.May, 1, 0, 0, 0, 0, ict)
	to := time.Date(2026, time.November, 20, 0, 0, 0, 0, ict)
	long, featured := 0, 0
	for _, a := range Articles {
		if _, ok := cats[a.Category]; !ok {
			t.Errorf("%q: unknown category %q", a.Title, a.Category)
		}
		cats[a.Category]++
		if titles[a.Title] {
			t.Errorf("duplicate title %q", a.Title)
		}
		titles[a.Title] = true
		if a.Title == "" || a.Summary == "" || a.Author == "" || a.Source == "" || a.BodyHTML == "" {
			t.Errorf("%q has an empty field", a.Title)
		}
		if a.PublishedAt.Before(from) || !a.PublishedAt.Before(to) {
			t.Errorf("%q: date %v outside 2026-05-01..2026-11-20", a.Title, a.PublishedAt)
		}
		if _, off := a.PublishedAt.Zone(); off != 7*3600 {
			t.Errorf("%q: zone offset %d, want +07:00", a.Title, off)
		}
		low := strings.ToLower(a.BodyHTML)
		if strings.Contains(low, "<script") || strings.Contains(low, "style=") {
			t.Errorf("%q: body has a script or an inline style", a.Title)
		}
		if words(a.BodyHTML) >= 250 {
			long++
		}
		if a.Featured {
			featured++
		}
		for _, s := range append([]string{a.Title, a.Summary, a.BodyHTML, a.Author, a.Source, a.Category}, a.Tags...) {
			checkText(t, a.Title, s)
		}
	}
	if long < 20 {
		t.Errorf("%d articles with at least 250 words, want at least 20", long)
	}
	if featured < 4 || featured > 5 {
		t.Errorf("%d featured articles, want 4 or 5", featured)
	}
	for _, slug := range []string{"tin-tuc", "thong-bao", "cai-cach-hanh-chinh", "kinh-te-xa-hoi", "van-hoa-xa-hoi"} {
		if cats[slug] < 5 {
			t.Errorf("category %s has %d articles, want at least 5", slug, cats[slug])
		}
	}
}

// TestSearchVariants keeps the spellings that search tests rely on.
func TestSearchVariants(t *testing.T) {
	var all strings.Builder
	hasTitle := func(sub string) bool {
		for _, a := range Articles {
			if strings.Contains(a.Title, sub) {
				return true
			}
		}
		return false
	}
	for _, sub := range []string{"Thuỷ", "hoà", "Hòa"} {
		if !hasTitle(sub) {
			t.Errorf("no title contains %q", sub)
		}
	}
	for _, a := range Articles {
		all.WriteString(a.Title + " " + a.Summary + " " + a.BodyHTML + "\n")
	}
	text := all.String()
	for _, sub := range []string{"CCHC", "cải cách hành chính", "TTHC", "thủ tục hành chính",
		"UBND", "Ủy ban nhân dân", "HĐND", "Hội đồng nhân dân", "MTTQ", "Mặt trận Tổ quốc"} {
		if !strings.Contains(text, sub) {
			t.Errorf("no article contains %q", sub)
		}
	}
}

func checkText(t *testing.T, where, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("%s: invalid UTF-8", where)
	}
	if !norm.NFC.IsNormalString(s) {
		t.Errorf("%s: not NFC: %q", where, s)
	}
}
