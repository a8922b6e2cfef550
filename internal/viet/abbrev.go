package viet

import (
	"slices"
	"strings"
	"sync"
	"unicode"
)

// Abbreviations maps government abbreviations, folded and lowercase, to
// their folded long forms. Official documents and readers use both forms
// interchangeably ("UBND" and "Ủy ban nhân dân"), so IndexText stores both
// and a search for either finds the other.
//
// Keys written with a joiner ("kt-xh", "gd&dt") are spelling variants of
// the key without it, which must also be present; the joiner-free key is
// the canonical one added to the index. Only abbreviations that are
// unambiguous in administrative text are listed: short forms such as "TT"
// (thông tư, thị trấn, trung tâm) or "ND" would add more noise than recall.
//
// The map is read on first use; treat it as read-only.
var Abbreviations = map[string]string{
	"atgt":     "an toan giao thong",
	"bch":      "ban chap hanh",
	"bhxh":     "bao hiem xa hoi",
	"bhyt":     "bao hiem y te",
	"btv":      "ban thuong vu",
	"cbcc":     "can bo cong chuc",
	"cbccvc":   "can bo cong chuc vien chuc",
	"cchc":     "cai cach hanh chinh",
	"cntt":     "cong nghe thong tin",
	"csgt":     "canh sat giao thong",
	"dvc":      "dich vu cong",
	"dvctt":    "dich vu cong truc tuyen",
	"gd&dt":    "giao duc va dao tao",
	"gddt":     "giao duc va dao tao",
	"gtvt":     "giao thong van tai",
	"hdnd":     "hoi dong nhan dan",
	"kh&cn":    "khoa hoc va cong nghe",
	"khcn":     "khoa hoc va cong nghe",
	"kt-xh":    "kinh te xa hoi",
	"ktxh":     "kinh te xa hoi",
	"ld-tb&xh": "lao dong thuong binh va xa hoi",
	"ldtbxh":   "lao dong thuong binh va xa hoi",
	"mttq":     "mat tran to quoc",
	"nn&ptnt":  "nong nghiep va phat trien nong thon",
	"nnptnt":   "nong nghiep va phat trien nong thon",
	"ntm":      "nong thon moi",
	"pccc":     "phong chay chua chay",
	"qlnn":     "quan ly nha nuoc",
	"thcs":     "trung hoc co so",
	"thpt":     "trung hoc pho thong",
	"tn&mt":    "tai nguyen va moi truong",
	"tnmt":     "tai nguyen va moi truong",
	"tthc":     "thu tuc hanh chinh",
	"ubnd":     "uy ban nhan dan",
	"vh-tt&dl": "van hoa the thao va du lich",
	"vhttdl":   "van hoa the thao va du lich",
}

// longFormVariants are other common wordings of a long form (mostly
// without "và"), mapped to the canonical abbreviation. They only feed the
// long-form → abbreviation direction.
var longFormVariants = map[string]string{
	"giao duc dao tao":                 "gddt",
	"khoa hoc cong nghe":               "khcn",
	"lao dong thuong binh xa hoi":      "ldtbxh",
	"nong nghiep phat trien nong thon": "nnptnt",
	"tai nguyen moi truong":            "tnmt",
	"van hoa the thao du lich":         "vhttdl",
}

// abbrevTables is Abbreviations pre-split into words, built once.
type abbrevTables struct {
	long     map[string][]string // any key -> long-form words
	canon    map[string]string   // any key -> canonical key
	variants map[string][][]string
	// longForms lists every long-form wording with the canonical keys it
	// abbreviates to, longest first so that the most specific is reported
	// first when forms overlap.
	longForms []longForm
}

type longForm struct {
	words []string
	keys  []string
}

var (
	abbrevOnce sync.Once
	abbrevTab  abbrevTables
)

func abbrevs() *abbrevTables {
	abbrevOnce.Do(func() {
		t := abbrevTables{
			long:     map[string][]string{},
			canon:    map[string]string{},
			variants: map[string][][]string{},
		}
		byLong := map[string][]string{}
		for k, v := range Abbreviations {
			c := canonicalKey(k)
			t.long[k] = strings.Fields(v)
			t.canon[k] = c
			if c != k {
				if parts := splitJoined(k); len(parts) > 1 {
					t.variants[c] = append(t.variants[c], parts)
				}
				continue
			}
			byLong[v] = append(byLong[v], k)
		}
		for v, k := range longFormVariants {
			byLong[v] = append(byLong[v], k)
		}
		for v, keys := range byLong {
			slices.Sort(keys)
			t.longForms = append(t.longForms, longForm{strings.Fields(v), slices.Compact(keys)})
		}
		slices.SortFunc(t.longForms, func(a, b longForm) int {
			if len(a.words) != len(b.words) {
				return len(b.words) - len(a.words)
			}
			return strings.Compare(strings.Join(a.words, " "), strings.Join(b.words, " "))
		})
		for _, v := range t.variants {
			slices.SortFunc(v, slices.Compare)
		}
		abbrevTab = t
	})
	return &abbrevTab
}

func isJoiner(r rune) bool { return r == '-' || r == '&' }

func canonicalKey(k string) string {
	return strings.Map(func(r rune) rune {
		if isJoiner(r) {
			return -1
		}
		return r
	}, k)
}

func splitJoined(s string) []string {
	return strings.FieldsFunc(s, isJoiner)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// compound is a run of words glued by '-' or '&' with no spaces, such as
// "kt-xh" or "gd&dt"; most compounds are a single plain word.
type compound struct {
	text  string
	parts []string
}

// compounds splits already folded text into compounds. Every character
// that is not a letter, a digit or an inner joiner is a separator.
func compounds(f string) []compound {
	var out []compound
	rs := []rune(f)
	for i := 0; i < len(rs); {
		if !isWordRune(rs[i]) {
			i++
			continue
		}
		start := i
		var parts []string
		for {
			ws := i
			for i < len(rs) && isWordRune(rs[i]) {
				i++
			}
			parts = append(parts, string(rs[ws:i]))
			if i+1 < len(rs) && isJoiner(rs[i]) && isWordRune(rs[i+1]) {
				i++
				continue
			}
			break
		}
		out = append(out, compound{string(rs[start:i]), parts})
	}
	return out
}

// phraseAt reports whether words[i:] starts with phrase.
func phraseAt(words []string, i int, phrase []string) bool {
	return i+len(phrase) <= len(words) && slices.Equal(words[i:i+len(phrase)], phrase)
}

func containsPhrase(words, phrase []string) bool {
	for i := range words {
		if phraseAt(words, i, phrase) {
			return true
		}
	}
	return false
}

// IndexText returns the text to store in the full-text index for s:
// Fold(s) followed by the long form of every abbreviation that occurs in s
// as a whole word, and the abbreviation of every long form that occurs as a
// whole-word phrase. A search for "cchc" thus finds an article that only
// says "cải cách hành chính", and the other way round, without any
// query-time expansion. Additions already present in the text are skipped
// and the rest are sorted, so the output is deterministic and re-indexing
// unchanged text is a no-op.
func IndexText(s string) string {
	f := Fold(s)
	t := abbrevs()
	cs := compounds(f)
	var words []string
	present := map[string]bool{}
	for _, c := range cs {
		present[c.text] = true
		for _, p := range c.parts {
			present[p] = true
		}
		words = append(words, c.parts...)
	}
	add := map[string]bool{}
	addKey := func(k string) {
		if !present[k] {
			add[k] = true
		}
	}
	addLong := func(ws []string) {
		if !containsPhrase(words, ws) {
			add[strings.Join(ws, " ")] = true
		}
	}
	for _, c := range cs {
		cands := []string{c.text}
		if len(c.parts) > 1 {
			// "UBND-HĐND" names two bodies.
			cands = append(cands, c.parts...)
		}
		for _, k := range cands {
			if long, ok := t.long[k]; ok {
				addLong(long)
				addKey(t.canon[k])
			}
		}
	}
	for _, lf := range t.longForms {
		if containsPhrase(words, lf.words) {
			for _, k := range lf.keys {
				addKey(k)
			}
		}
	}
	if len(add) == 0 {
		return f
	}
	extra := make([]string, 0, len(add))
	for k := range add {
		extra = append(extra, k)
	}
	slices.Sort(extra)
	return f + " " + strings.Join(extra, " ")
}
