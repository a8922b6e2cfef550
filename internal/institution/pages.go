package institution

import "time"

// PageKind is one of the institutional pages Decree 42/2022 asks a portal
// to have. Each has a fixed Vietnamese address; the organisation and
// contact pages also have an English version under /en/.
type PageKind struct {
	Code   string // also the page's slug and path: /gioi-thieu
	Name   string
	People bool   // has a list of named people (leaders, contacts)
	EnSlug string // /en/<EnSlug>; "" when no English version is expected
}

// PageKinds in menu order.
var PageKinds = []PageKind{
	{Code: "gioi-thieu", Name: "Giới thiệu"},
	{Code: "co-cau-to-chuc", Name: "Cơ cấu tổ chức", EnSlug: "organisation"},
	{Code: "lanh-dao", Name: "Lãnh đạo", People: true},
	{Code: "lien-he", Name: "Liên hệ", People: true, EnSlug: "contact"},
	{Code: "quy-hoach-ke-hoach", Name: "Quy hoạch – Kế hoạch"},
	{Code: "tai-chinh-ngan-sach", Name: "Tài chính – Ngân sách"},
	{Code: "lien-ket", Name: "Liên kết"},
}

// Kind finds a page kind by code.
func Kind(code string) (PageKind, bool) {
	for _, k := range PageKinds {
		if k.Code == code {
			return k, true
		}
	}
	return PageKind{}, false
}

// KindByEnSlug finds the page kind whose English page lives at /en/slug.
func KindByEnSlug(slug string) (PageKind, bool) {
	for _, k := range PageKinds {
		if k.EnSlug != "" && k.EnSlug == slug {
			return k, true
		}
	}
	return PageKind{}, false
}

// Person is a named official on the leaders or contact page.
type Person struct {
	Name     string
	Position string
	Phone    string
	Email    string
	PhotoURL string
}

// Translation states of an English page against its Vietnamese source.
const (
	TranslationOK      = ""
	TranslationMissing = "missing"
	TranslationStale   = "stale"
)

// TranslationState compares an English page with its Vietnamese source:
// missing when an English version is expected and absent, stale when the
// source changed after the English page was last saved.
func TranslationState(kind PageKind, viUpdated time.Time, enExists bool, enUpdated time.Time) string {
	switch {
	case kind.EnSlug == "":
		return TranslationOK
	case !enExists:
		return TranslationMissing
	case enUpdated.Before(viUpdated):
		return TranslationStale
	}
	return TranslationOK
}

// TranslationWarning is the admin's warning for a state.
func TranslationWarning(state string) string {
	switch state {
	case TranslationMissing:
		return "Thiếu bản tiếng Anh"
	case TranslationStale:
		return "Bản tiếng Anh cũ hơn bản tiếng Việt"
	}
	return ""
}
