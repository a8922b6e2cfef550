package catalogue

import (
	"strings"

	"github.com/congportal/cong/internal/viet"
)

// Catalogue names often already carry the mark a page would add: imported
// components read "Văn bản ủy quyền (nếu có)", and a merged district is
// renamed "UBND huyện Tân Hòa (cũ)". The marks below are added only when
// the name lacks them, so no page prints "(nếu có) (nếu có)" or
// "(cũ) (cũ)".

// OptionalMark is " (nếu có)" for an optional component whose name does
// not say so already, else "".
func (c Component) OptionalMark() string {
	if c.Required || strings.Contains(viet.Fold(c.Name), "neu co") {
		return ""
	}
	return " (nếu có)"
}

// FormerMark is " (cũ)" for a former unit whose name does not say so
// already, else "".
func (u Unit) FormerMark() string {
	if !u.Former() {
		return ""
	}
	return FormerMark(u.Name)
}

// FormerMark is " (cũ)" unless name already marks the unit as former.
func FormerMark(name string) string {
	f := viet.Fold(name)
	if strings.Contains(f, "(cu)") || strings.Contains(f, "da giai the") {
		return ""
	}
	return " (cũ)"
}
