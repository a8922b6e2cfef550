package viet

import (
	"slices"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// collators pools Vietnamese collators: a collate.Collator keeps internal
// buffers and must not be shared between goroutines, while building one
// per comparison would dominate the cost of sorting.
var collators = sync.Pool{
	New: func() any { return collate.New(language.Vietnamese) },
}

// Compare orders a and b alphabetically by Vietnamese rules and returns
// -1, 0 or +1. Byte order gets Vietnamese wrong ("Đà Nẵng" would sort after
// "Yên Bái", and accented vowels after "z"); the Vietnamese alphabet puts
// đ after d, ă and â after a, and so on, so that "Dương" < "Đà Nẵng" <
// "Gia Lai". Safe for concurrent use.
func Compare(a, b string) int {
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	return c.CompareString(validUTF8(a), validUTF8(b))
}

// Less reports whether a sorts before b by Vietnamese rules, for use with
// sort.Slice and slices.SortFunc-style helpers.
func Less(a, b string) bool {
	return Compare(a, b) < 0
}

// Sort sorts names in place by Vietnamese rules: the one helper for every
// list a person picks from (filters, facets), so none sorts by bytes.
func Sort(names []string) {
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	slices.SortStableFunc(names, func(a, b string) int { return c.CompareString(validUTF8(a), validUTF8(b)) })
}
