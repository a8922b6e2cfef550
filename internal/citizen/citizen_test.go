package citizen

import (
	"strings"
	"testing"
)

func TestParseCode(t *testing.T) {
	for in, want := range map[string]string{"123456": "123456", " 123 456 ": "123456", "123-456": "123456", "１２３４５６": "123456"} {
		if got, ok := ParseCode(in); !ok || got != want {
			t.Errorf("ParseCode(%q) = %q %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "12345", "1234567", "12345a", "123456\x00"} {
		if _, ok := ParseCode(in); ok {
			t.Errorf("ParseCode(%q) accepted", in)
		}
	}
}

func TestNewCodeAndHash(t *testing.T) {
	seen := map[string]bool{}
	for range 50 {
		c := NewCode()
		if _, ok := ParseCode(c); !ok {
			t.Fatalf("NewCode %q", c)
		}
		seen[c] = true
	}
	if len(seen) < 40 {
		t.Fatalf("codes repeat: %d distinct of 50", len(seen))
	}
	if CodeHash(1, "a@b.vn", "123456") == CodeHash(1, "c@b.vn", "123456") || CodeHash(1, "a@b.vn", "123456") == CodeHash(2, "a@b.vn", "123456") {
		t.Fatal("a code's hash must be bound to the address and site")
	}
}

func TestNormalizeEmail(t *testing.T) {
	if e, err := NormalizeEmail(" Ngoc.Tran@Gmail.com "); err != nil || e != "ngoc.tran@gmail.com" {
		t.Fatalf("%q %v", e, err)
	}
	for _, bad := range []string{"", "ngoc", "Ngọc <a@b.vn>", "a@b", "a b@c.vn", strings.Repeat("a", 250) + "@b.vn"} {
		if _, err := NormalizeEmail(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestCleanClaims(t *testing.T) {
	c := CleanClaims(Claims{Issuer: "https://id.example.vn/", Subject: " s1 ", Email: "A@B.VN", EmailVerified: true, IDNumber: "001190012345",
		Name: "  Trần\tThị  Ngọc ", Birthdate: "1990-03-12"})
	if c.Issuer != "https://id.example.vn" || c.Subject != "s1" || c.Email != "a@b.vn" || c.IDNumber != "001190012345" || c.Name != "Trần Thị Ngọc" || c.Birthdate != "1990-03-12" {
		t.Fatalf("%+v", c)
	}
	c = CleanClaims(Claims{Subject: "s", Email: "a@b.vn", EmailVerified: false, IDNumber: "12AB", Birthdate: "12/03/1990"})
	if c.Email != "" || c.IDNumber != "" || c.Birthdate != "" {
		t.Fatalf("unverified or malformed claims kept: %+v", c)
	}
}

func TestMatch(t *testing.T) {
	subj := &Citizen{ID: 1, Subject: "s1"}
	other := &Citizen{ID: 2, Subject: "s2", IDNumber: "001190012345"}
	emailOnly := &Citizen{ID: 3, Email: "a@b.vn"}
	cases := []struct {
		name       string
		s, id, em  *Citizen
		want       MatchKind
		wantID     int64
		msgContain string
	}{
		{"known subject", subj, nil, nil, SignIn, 1, ""},
		{"known subject, its own CCCD", subj, subj, nil, SignIn, 1, ""},
		{"known subject, CCCD of another", subj, other, nil, Conflict, 0, "số CCCD"},
		{"new subject, CCCD held", nil, other, nil, Conflict, 0, "không tự gộp"},
		{"new subject, CCCD held by e-mail account", nil, emailOnly, nil, Conflict, 0, "số CCCD"},
		{"new subject, e-mail of an e-mail account", nil, nil, emailOnly, Link, 3, ""},
		{"new subject, e-mail of another subject", nil, nil, other, Conflict, 0, "thư điện tử"},
		{"nothing known", nil, nil, nil, Create, 0, ""},
	}
	for _, tc := range cases {
		k, c, msg := Match(Claims{Subject: "s9"}, tc.s, tc.id, tc.em)
		if k != tc.want || (c == nil) != (tc.wantID == 0) || (c != nil && c.ID != tc.wantID) || !strings.Contains(msg, tc.msgContain) {
			t.Errorf("%s: %v %+v %q", tc.name, k, c, msg)
		}
	}
}

func TestPrefill(t *testing.T) {
	p := Prefill(Citizen{Name: "Trần Thị Ngọc", ProfileIDNumber: "001190012345", DOB: "1990-03-12", Email: "a@b.vn"})
	if p["name"] != "Trần Thị Ngọc" || p["id_number"] != "001190012345" || p["dob"] != "12/03/1990" || p["email"] != "a@b.vn" {
		t.Fatalf("%v", p)
	}
	if _, ok := p["address"]; ok {
		t.Fatal("empty field prefilled")
	}
	// The provider's CCCD wins over what was typed.
	if p := Prefill(Citizen{IDNumber: "001190099999", ProfileIDNumber: "001190012345"}); p["id_number"] != "001190099999" {
		t.Fatalf("%v", p)
	}
}

func FuzzParseCode(f *testing.F) {
	for _, s := range []string{"123456", "１２３ ４５６", "12-34-56", "abc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := ParseCode(s)
		if ok && (len(c) != CodeDigits || strings.Trim(c, "0123456789") != "") {
			t.Fatalf("ParseCode(%q) = %q", s, c)
		}
	})
}

func FuzzCleanClaims(f *testing.F) {
	f.Add("s", "a@b.vn", true, "001190012345", "Trần Thị Ngọc", "1990-03-12")
	f.Add("", "<x>@y", true, "00119001234x", "\x00", "1990-02-30")
	f.Fuzz(func(t *testing.T, sub, email string, verified bool, id, name, dob string) {
		c := CleanClaims(Claims{Subject: sub, Email: email, EmailVerified: verified, IDNumber: id, Name: name, Birthdate: dob})
		if c.IDNumber != "" && !validIDNumber(c.IDNumber) {
			t.Fatalf("bad CCCD kept: %q", c.IDNumber)
		}
		if c.Email != "" {
			if _, err := NormalizeEmail(c.Email); err != nil || !c.EmailVerified {
				t.Fatalf("bad e-mail kept: %q", c.Email)
			}
		}
		if strings.ContainsAny(c.Name, "\x00\n\r") {
			t.Fatalf("control characters kept in name: %q", c.Name)
		}
	})
}
