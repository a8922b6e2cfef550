package web

import "testing"

func TestLocalRedirect(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Kept: paths on this site, with their query strings.
		{"/quan-tri", "/quan-tri"},
		{"/quan-tri/bai-viet?trang=2&q=c%E1%BA%A3i+c%C3%A1ch", "/quan-tri/bai-viet?trang=2&q=c%E1%BA%A3i+c%C3%A1ch"},
		{"/quan-tri/ho-so/12?tab=lich-su#cuoi", "/quan-tri/ho-so/12?tab=lich-su#cuoi"},
		{"/quan-tri/tim?q=a//b", "/quan-tri/tim?q=a//b"},
		// Refused: other sites, however spelled.
		{"", adminHome},
		{"//evil.example", adminHome},
		{`/\evil.example`, adminHome},
		{`/\\evil`, adminHome},
		{"/%09/evil.example", adminHome},
		{"/\t/evil", adminHome},
		{"/\r\n/evil", adminHome},
		{"/%0d%0a/evil", adminHome},
		{"/%7f/evil", adminHome},
		{"/\x7f/evil", adminHome},
		{"/%2F/evil.example", adminHome},
		{"/%5Cevil.example", adminHome},
		{"https://evil.example/", adminHome},
		{"http:/evil.example", adminHome},
		{"javascript:alert(1)", adminHome},
		{"evil.example", adminHome},
		{"/%zz", adminHome},
	} {
		if got := localRedirect(tc.in); got != tc.want {
			t.Errorf("localRedirect(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
