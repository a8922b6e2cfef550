package news

import "testing"

func TestValidHost(t *testing.T) {
	good := []string{"tinh.gov.vn", "xa-a.tinh.gov.vn", "xn--ha-phong-abc.tinh.gov.vn", "so-tp.tinh.gov.vn"}
	for _, h := range good {
		if err := ValidHost(h); err != nil {
			t.Errorf("%s: %v", h, err)
		}
	}
	bad := []string{"", "localhost", "Xa.tinh.gov.vn", "xa_a.tinh.gov.vn", "-xa.tinh.gov.vn", "xa..gov.vn", "xã.tinh.gov.vn", "10.0.0.1", "a.b:80"}
	for _, h := range bad {
		if err := ValidHost(h); err == nil {
			t.Errorf("%q accepted", h)
		}
	}
}

func TestNormalizeHost(t *testing.T) {
	for in, want := range map[string]string{"XA-A.Tinh.gov.vn:8080": "xa-a.tinh.gov.vn", "tinh.gov.vn.": "tinh.gov.vn", "[::1]:80": "[::1]", "[::1]": "[::1]"} {
		if got := NormalizeHost(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

func TestCheckSite(t *testing.T) {
	prov := Site{ID: 1, Name: "Tỉnh", Host: "tinh.gov.vn", Kind: KindProvince}
	if err := CheckSite(Site{Name: "Xã A", Host: "xa-a.tinh.gov.vn", Kind: KindCommune}, &prov); err != nil {
		t.Fatal(err)
	}
	commune := Site{ID: 2, Name: "Xã A", Host: "xa-a.tinh.gov.vn", Kind: KindCommune}
	cases := []struct {
		s      Site
		parent *Site
	}{
		{Site{Name: "", Host: "x.tinh.gov.vn", Kind: KindCommune}, &prov},
		{Site{Name: "X", Host: "bad host", Kind: KindCommune}, &prov},
		{Site{Name: "X", Host: "x.tinh.gov.vn", Kind: "village"}, &prov},
		{Site{Name: "X", Host: "x.tinh.gov.vn", Kind: KindCommune}, &commune},
		{Site{Name: "X", Host: "x.tinh.gov.vn", Kind: KindProvince}, &prov},
		{Site{Name: "X", Host: "x.tinh.gov.vn", Kind: KindCommune, BaseURL: "ftp://x"}, nil},
	}
	for i, c := range cases {
		if err := CheckSite(c.s, c.parent); err == nil {
			t.Errorf("case %d accepted", i)
		}
	}
}

func FuzzNormalizeHost(f *testing.F) {
	for _, s := range []string{"xa-a.tinh.gov.vn:8080", "[::1]:80", "", "A.B."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		n := NormalizeHost(h)
		if NormalizeHost(n) != n && ValidHost(n) == nil {
			t.Fatalf("not idempotent on a valid host: %q → %q", h, n)
		}
		if ValidHost(n) == nil && n != NormalizeHost(n) {
			t.Fatal("valid host changes")
		}
	})
}

func TestCanonicalBase(t *testing.T) {
	cases := []struct {
		s       Site
		install string
		want    string
	}{
		{Site{}, "https://tinh.gov.vn", "https://tinh.gov.vn"},
		{Site{Host: "xa-a.tinh.gov.vn"}, "https://tinh.gov.vn", "https://xa-a.tinh.gov.vn"},
		{Site{Host: "xa-a.tinh.gov.vn"}, "http://localhost:8080", "http://xa-a.tinh.gov.vn"},
		{Site{Host: "xa-a.tinh.gov.vn", BaseURL: "https://xaa.gov.vn"}, "https://tinh.gov.vn", "https://xaa.gov.vn"},
	}
	for _, c := range cases {
		if got := c.s.CanonicalBase(c.install); got != c.want {
			t.Errorf("%+v: %s, want %s", c.s, got, c.want)
		}
	}
}
