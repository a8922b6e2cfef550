package visit

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
)

func TestParseProxies(t *testing.T) {
	tests := []struct {
		in      string
		want    string // canonical String(); ignored on error
		wantErr string // substring of the error
	}{
		{in: "", want: ""},
		{in: " , ,", want: ""},
		{in: "127.0.0.1,10.0.0.0/8,::1", want: "127.0.0.1/32,10.0.0.0/8,::1/128"},
		{in: " 192.168.1.0/24 ,\t172.16.0.0/12, ", want: "192.168.1.0/24,172.16.0.0/12"},
		{in: "10.1.2.3/8", want: "10.0.0.0/8"},
		{in: "2001:db8::/32", want: "2001:db8::/32"},
		{in: "::ffff:10.0.0.1", want: "10.0.0.1/32"},
		{in: "::ffff:10.0.0.0/104", want: "10.0.0.0/8"},
		{in: "0.0.0.0/0", want: "0.0.0.0/0"},
		{in: "10.0.0.256", wantErr: `entry 1 "10.0.0.256"`},
		{in: "127.0.0.1,localhost", wantErr: `entry 2 "localhost"`},
		{in: "10.0.0.0/33", wantErr: `"10.0.0.0/33"`},
		{in: "10.0.0.0/", wantErr: `"10.0.0.0/"`},
		{in: "fe80::1%eth0", wantErr: "zones are not supported"},
		{in: "::ffff:0:0/80", wantErr: "IPv4-mapped prefix"},
		{in: "10.0.0.0/8;", wantErr: `"10.0.0.0/8;"`},
		{in: "1.2.3.4 5.6.7.8", wantErr: `"1.2.3.4 5.6.7.8"`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, err := ParseProxies(tt.in)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("ParseProxies(%q) = %v, want error containing %q", tt.in, p, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "CIDR") {
					t.Fatalf("error %q should contain %q and explain the expected form", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseProxies(%q): %v", tt.in, err)
			}
			if got := p.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTrusts(t *testing.T) {
	p, err := ParseProxies("127.0.0.1,10.0.0.0/8,::1,2001:db8:cafe::/48")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		addr string
		want bool
	}{
		{"127.0.0.1", true},
		{"127.0.0.2", false},
		{"10.255.0.1", true},
		{"11.0.0.1", false},
		{"::ffff:10.1.1.1", true}, // dual-stack socket form of an IPv4 proxy
		{"::1", true},
		{"2001:db8:cafe:1::5", true},
		{"2001:db8:beef::5", false},
		{"fe80::1%eth0", false},
	}
	for _, tt := range tests {
		if got := p.Trusts(netip.MustParseAddr(tt.addr)); got != tt.want {
			t.Errorf("Trusts(%s) = %v, want %v", tt.addr, got, tt.want)
		}
	}
	if p.Trusts(netip.Addr{}) {
		t.Error("the zero Addr must never be trusted")
	}
	var nilP *Proxies
	if nilP.Trusts(netip.MustParseAddr("127.0.0.1")) {
		t.Error("nil *Proxies must trust nobody")
	}
	if nilP.String() != "" {
		t.Error("nil *Proxies String should be empty")
	}
}

func TestClientIP(t *testing.T) {
	proxies, err := ParseProxies("127.0.0.1,10.0.0.0/8,::1,2001:db8:cafe::/48")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		nilP   bool // use a nil *Proxies
		remote string
		xff    []string // one entry per header line; nil for no header
		want   string   // "" means the zero Addr
	}{
		{name: "direct client", remote: "203.0.113.7:51234", want: "203.0.113.7"},
		{name: "direct client ignores XFF", remote: "203.0.113.7:51234", xff: []string{"1.1.1.1"}, want: "203.0.113.7"},
		{name: "nil proxies ignore XFF", nilP: true, remote: "127.0.0.1:80", xff: []string{"1.1.1.1"}, want: "127.0.0.1"},
		{name: "trusted peer without XFF", remote: "127.0.0.1:9000", want: "127.0.0.1"},
		{name: "trusted peer empty XFF", remote: "127.0.0.1:9000", xff: []string{""}, want: "127.0.0.1"},
		{name: "one hop", remote: "127.0.0.1:9000", xff: []string{"113.161.5.9"}, want: "113.161.5.9"},
		{name: "spoof attempt prepended", remote: "127.0.0.1:9000", xff: []string{"8.8.8.8, 113.161.5.9"}, want: "113.161.5.9"},
		{name: "chain of trusted hops", remote: "127.0.0.1:9000", xff: []string{"113.161.5.9, 10.0.0.5, 10.0.0.6"}, want: "113.161.5.9"},
		{name: "spoofed private address left of client", remote: "127.0.0.1:9000", xff: []string{"10.9.9.9, 113.161.5.9, 10.0.0.6"}, want: "113.161.5.9"},
		{name: "all hops trusted returns leftmost", remote: "127.0.0.1:9000", xff: []string{"10.0.0.1, 10.0.0.2"}, want: "10.0.0.1"},
		{name: "multiple header lines", remote: "127.0.0.1:9000", xff: []string{"8.8.8.8, 113.161.5.9", "10.0.0.6"}, want: "113.161.5.9"},
		{name: "multiple header lines client in last", remote: "127.0.0.1:9000", xff: []string{"10.0.0.7", "14.232.1.2"}, want: "14.232.1.2"},
		{name: "garbage stops walk at peer", remote: "127.0.0.1:9000", xff: []string{"unknown"}, want: "127.0.0.1"},
		{name: "garbage stops walk at last valid hop", remote: "127.0.0.1:9000", xff: []string{"113.161.5.9, garbage, 10.0.0.6"}, want: "10.0.0.6"},
		{name: "garbage left of client is irrelevant", remote: "127.0.0.1:9000", xff: []string{"garbage, 113.161.5.9"}, want: "113.161.5.9"},
		{name: "empty element stops walk", remote: "127.0.0.1:9000", xff: []string{"113.161.5.9,,10.0.0.6"}, want: "10.0.0.6"},
		{name: "trailing comma stops walk", remote: "127.0.0.1:9000", xff: []string{"113.161.5.9,"}, want: "127.0.0.1"},
		{name: "hostname stops walk", remote: "127.0.0.1:9000", xff: []string{"evil.example"}, want: "127.0.0.1"},
		{name: "ipv4 with port in XFF", remote: "127.0.0.1:9000", xff: []string{"113.161.5.9:41000"}, want: "113.161.5.9"},
		{name: "ipv4 with bad port", remote: "127.0.0.1:9000", xff: []string{"113.161.5.9:http"}, want: "127.0.0.1"},
		{name: "ipv6 in XFF", remote: "127.0.0.1:9000", xff: []string{"2402:800:62cd:d2df::1"}, want: "2402:800:62cd:d2df::1"},
		{name: "bracketed ipv6 with port", remote: "127.0.0.1:9000", xff: []string{"[2402:800:62cd::1]:443"}, want: "2402:800:62cd::1"},
		{name: "bracketed ipv6 without port", remote: "127.0.0.1:9000", xff: []string{"[2402:800:62cd::1]"}, want: "2402:800:62cd::1"},
		{name: "unclosed bracket", remote: "127.0.0.1:9000", xff: []string{"[2402:800:62cd::1"}, want: "127.0.0.1"},
		{name: "ipv4-mapped in XFF is unmapped", remote: "127.0.0.1:9000", xff: []string{"::ffff:113.161.5.9"}, want: "113.161.5.9"},
		{name: "mapped trusted hop is skipped", remote: "127.0.0.1:9000", xff: []string{"113.161.5.9, ::ffff:10.0.0.6"}, want: "113.161.5.9"},
		{name: "zone stripped", remote: "127.0.0.1:9000", xff: []string{"fe80::1%eth0"}, want: "fe80::1"},
		{name: "tabs and spaces", remote: "127.0.0.1:9000", xff: []string{" \t113.161.5.9\t , 10.0.0.6 "}, want: "113.161.5.9"},
		{name: "ipv6 peer trusted", remote: "[::1]:9000", xff: []string{"113.161.5.9"}, want: "113.161.5.9"},
		{name: "ipv6 prefix peer trusted", remote: "[2001:db8:cafe::10]:9000", xff: []string{"113.161.5.9"}, want: "113.161.5.9"},
		{name: "ipv6 peer untrusted", remote: "[2402:800:62cd::1]:9000", xff: []string{"1.1.1.1"}, want: "2402:800:62cd::1"},
		{name: "mapped ipv4 peer", remote: "[::ffff:127.0.0.1]:9000", xff: []string{"113.161.5.9"}, want: "113.161.5.9"},
		{name: "peer without port", remote: "127.0.0.1", xff: []string{"113.161.5.9"}, want: "113.161.5.9"},
		{name: "unparseable peer", remote: "@unix", xff: []string{"113.161.5.9"}, want: ""},
		{name: "empty peer", remote: "", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			r.RemoteAddr = tt.remote
			for _, v := range tt.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			p := proxies
			if tt.nilP {
				p = nil
			}
			got := p.ClientIP(r)
			var want netip.Addr
			if tt.want != "" {
				want = netip.MustParseAddr(tt.want)
			}
			if got != want {
				t.Errorf("ClientIP = %v, want %v", got, want)
			}
		})
	}
}

func TestParseHop(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1.2.3.4", "1.2.3.4"},
		{"1.2.3.4:80", "1.2.3.4"},
		{"1.2.3.4:", ""},
		{"1.2.3.4:123456", ""},
		{"1.2.3.4:80:90", ""},
		{"::1", "::1"},
		{"[::1]:80", "::1"},
		{"[::1]", "::1"},
		{"[::1]x", ""},
		{"[]", ""},
		{"[1.2.3.4]:80", "1.2.3.4"},
		{"", ""},
		{"  ", ""},
		{"unknown", ""},
		{"_hidden", ""},
		{"1.2.3", ""},
	}
	for _, tt := range tests {
		got := parseHop(tt.in)
		var want netip.Addr
		if tt.want != "" {
			want = netip.MustParseAddr(tt.want)
		}
		if got != want {
			t.Errorf("parseHop(%q) = %v, want %v", tt.in, got, want)
		}
	}
}

func TestClientIPNoAllocs(t *testing.T) {
	p, err := ParseProxies("127.0.0.1,10.0.0.0/8")
	if err != nil {
		t.Fatal(err)
	}
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	r.RemoteAddr = "127.0.0.1:9000"
	r.Header.Set("X-Forwarded-For", "8.8.8.8, 113.161.5.9, 10.0.0.6")
	if n := testing.AllocsPerRun(100, func() { p.ClientIP(r) }); n != 0 {
		t.Errorf("ClientIP allocates %.0f times per call", n)
	}
}

var sinkAddr netip.Addr

func BenchmarkClientIP(b *testing.B) {
	p, err := ParseProxies("127.0.0.1,::1,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16")
	if err != nil {
		b.Fatal(err)
	}
	cases := []struct {
		name, remote, xff string
	}{
		{"direct", "203.0.113.7:51234", ""},
		{"one-hop", "127.0.0.1:9000", "113.161.5.9"},
		{"three-hops", "127.0.0.1:9000", "8.8.8.8, 113.161.5.9, 10.0.0.6"},
		{"ipv6", "[::1]:9000", "2402:800:62cd:d2df:cddf:bb7d:f3d7:7390"},
	}
	for _, c := range cases {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.RemoteAddr = c.remote
		if c.xff != "" {
			r.Header.Set("X-Forwarded-For", c.xff)
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkAddr = p.ClientIP(r)
			}
		})
	}
}

// singlePeer is a shortcut: ClientIP must answer as parsing would.
func TestClientIPSinglePeer(t *testing.T) {
	for _, list := range []string{"127.0.0.1", "10.0.0.1,127.0.0.1", "127.0.0.1,10.0.0.0/8,::1"} {
		p, err := ParseProxies(list)
		if err != nil {
			t.Fatal(err)
		}
		slow := &Proxies{prefixes: p.prefixes}
		for _, remote := range []string{"127.0.0.1:80", "127.0.0.1:65535", "127.0.0.1:", "127.0.0.1:123456", "127.0.0.1:8a",
			"127.0.0.10:80", "127.0.0.1", " 127.0.0.1:80", "127.0.0.1:80 ", "[127.0.0.1]:80", "[::ffff:127.0.0.1]:80",
			"10.0.0.1:443", "10.0.0.2:443", "127.0.0.1:80:80", "", "garbage"} {
			for _, xff := range []string{"", "203.0.113.7", "198.51.100.1, 10.0.0.1", "nonsense"} {
				r := httptest.NewRequest("GET", "/", nil)
				r.RemoteAddr = remote
				if xff != "" {
					r.Header.Set("X-Forwarded-For", xff)
				}
				if got, want := p.ClientIP(r), slow.ClientIP(r); got != want {
					t.Errorf("proxies %q, RemoteAddr %q, X-Forwarded-For %q: %v, parsing gives %v", list, remote, xff, got, want)
				}
			}
		}
	}
}

func TestClientKeyGroupsIPv6By64(t *testing.T) {
	p, err := ParseProxies("127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	key := func(remote, xff string) string {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = remote
		if xff != "" {
			r.Header.Set("X-Forwarded-For", xff)
		}
		return p.ClientKey(r)
	}
	a := key("[2001:db8:1:2:aaaa::1]:5000", "")
	b := key("[2001:db8:1:2:ffff:ffff:ffff:ffff]:5000", "")
	if a != b || a != "2001:db8:1:2::/64" {
		t.Fatalf("same /64 gave %q and %q", a, b)
	}
	if c := key("[2001:db8:1:3::1]:5000", ""); c == a {
		t.Fatalf("different /64 gave the same key %q", c)
	}
	if v4 := key("203.0.113.7:1234", ""); v4 != "203.0.113.7" {
		t.Fatalf("IPv4 key %q", v4)
	}
	if v4 := key("203.0.113.8:1234", ""); v4 == key("203.0.113.7:1", "") {
		t.Fatal("two IPv4 addresses share a key")
	}
	// Through the trusted proxy, the forwarded IPv6 client is grouped too.
	if f := key("127.0.0.1:80", "2001:db8:1:2::99"); f != a {
		t.Fatalf("forwarded key %q, want %q", f, a)
	}
	// An IPv4-mapped IPv6 address is the IPv4 client.
	if m := key("[::ffff:203.0.113.7]:1", ""); m != "203.0.113.7" {
		t.Fatalf("mapped key %q", m)
	}
}
