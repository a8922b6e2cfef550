package web

import "testing"

func TestArticleRouteSafe(t *testing.T) {
	base := []string{"GET /{$}", articlePattern, "GET /bai-viet/{slug}/in", "GET /chuyen-muc/{slug}", "/api/", "/"}
	for _, c := range []struct {
		extra string
		want  bool
	}{
		{"", true},
		{"GET /bai-viet/{slug}/in-lai", true},
		{"POST /bai-viet/{slug}/binh-luan", true},
		{"GET /bai-viet/", true},                  // less specific than {slug}
		{"GET /bai-viet/moi", false},              // a literal beats {slug} in the mux
		{"POST /bai-viet/{id}", false},            // conservatively off
		{"GET /bai-viet/{rest...}", false},        //
		{"GET /bai-viet/{slug}/{rest...}", false}, //
		{"GET cong.example.vn/", false},           // host patterns win over any path
	} {
		ps := append([]string{}, base...)
		if c.extra != "" {
			ps = append(ps, c.extra)
		}
		if got := articleRouteSafe(ps); got != c.want {
			t.Errorf("with %q: %v, want %v", c.extra, got, c.want)
		}
	}
	if articleRouteSafe([]string{"GET /{$}"}) {
		t.Error("on without the article pattern")
	}
}

// The server's own routes must leave the fast path on: if this fails, a
// route added under /bai-viet/ would shadow slugs; give it another prefix.
func TestArticleRouteOn(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !s.articleRoute.on {
		t.Fatal("the article fast path is off: a registered pattern could take GET /bai-viet/<slug> from it")
	}
}

func TestIsSlug(t *testing.T) {
	for c := range 256 {
		v := "ab" + string(rune(c)) + "c"
		if c >= 128 {
			v = "ab" + string([]byte{byte(c)}) + "c"
		}
		if isSlug(v) != validSlug(v) {
			t.Errorf("byte %#x: isSlug %v, validSlug %v", c, isSlug(v), validSlug(v))
		}
	}
	for _, v := range []string{"", "a", string(make([]byte, 200)), "bai-viet-1", "Bai", "a/b", "a.b"} {
		if isSlug(v) != validSlug(v) {
			t.Errorf("%q: isSlug %v, validSlug %v", v, isSlug(v), validSlug(v))
		}
	}
	long := make([]byte, 201)
	for i := range long {
		long[i] = 'a'
	}
	if isSlug(string(long)) || isSlug(string(long[:200])) != validSlug(string(long[:200])) {
		t.Error("length limit differs")
	}
}
