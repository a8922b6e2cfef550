package web

import (
	"testing"
	"time"

	"github.com/congportal/cong/internal/forms"
)

func TestFormCache(t *testing.T) {
	c := &formCache{max: 2, m: map[formKey][]byte{}}
	s1, s2 := &Server{baseURL: "https://a.example.vn"}, &Server{baseURL: "https://b.example.vn"}
	d := forms.Data{Form: forms.Refusal, IssuedAt: time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC), Code: "X-260302-0001", Reason: "Sai thẩm quyền"}
	a, err := c.pdf(s1, s1.baseURL, 1, d)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := c.pdf(s1, s1.baseURL, 1, d)
	if &a[0] != &again[0] {
		t.Fatal("the same issued form was drawn twice")
	}
	// Another server (another database) with the same row id is another form.
	other, _ := c.pdf(s2, s2.baseURL, 1, d)
	if &other[0] == &a[0] {
		t.Fatal("forms of two servers share a cache entry")
	}
	c.pdf(s1, s1.baseURL, 2, d)
	if len(c.m) != 2 || len(c.order) != 2 {
		t.Fatalf("cache holds %d entries, max 2", len(c.m))
	}
	if _, ok := c.m[formKey{s1, 1, s1.baseURL, d.ApplicantName}]; ok {
		t.Fatal("the oldest entry was not evicted")
	}
}
