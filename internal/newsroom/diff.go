package newsroom

import (
	"html"
	"regexp"
	"strings"
)

// DiffLine is one line of a revision comparison.
type DiffLine struct {
	Op   string // "=", "-" (only in the old version), "+" (only in the new)
	Text string
}

var (
	blockEnd = regexp.MustCompile(`(?i)</(p|h[1-6]|li|blockquote|tr|figcaption|div)>|<br\s*/?>`)
	anyTag   = regexp.MustCompile(`<[^>]*>`)
)

// BlocksText turns article HTML into one line per block (paragraph,
// heading, list item…), the unit editors think in when comparing versions.
func BlocksText(h string) string {
	h = blockEnd.ReplaceAllString(h, "\n")
	h = anyTag.ReplaceAllString(h, "")
	var lines []string
	for _, l := range strings.Split(html.UnescapeString(h), "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// maxDiffLines bounds the quadratic comparison; beyond it the versions are
// shown as removed and added wholesale.
const maxDiffLines = 2000

// Diff compares two texts line by line (longest common subsequence).
func Diff(oldText, newText string) []DiffLine {
	a, b := strings.Split(oldText, "\n"), strings.Split(newText, "\n")
	if len(a)*len(b) > maxDiffLines*maxDiffLines/4 {
		var out []DiffLine
		for _, l := range a {
			out = append(out, DiffLine{"-", l})
		}
		for _, l := range b {
			out = append(out, DiffLine{"+", l})
		}
		return out
	}
	// lcs[i][j] = length of the LCS of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []DiffLine
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			out = append(out, DiffLine{"=", a[i]})
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			out = append(out, DiffLine{"-", a[i]})
			i++
		default:
			out = append(out, DiffLine{"+", b[j]})
			j++
		}
	}
	for ; i < len(a); i++ {
		out = append(out, DiffLine{"-", a[i]})
	}
	for ; j < len(b); j++ {
		out = append(out, DiffLine{"+", b[j]})
	}
	return out
}
