package visit

import (
	"fmt"
	"net/http"
	"net/netip"
	"strings"
)

// Proxies is the set of reverse proxies (load balancers, CDN edges, the
// local nginx) whose X-Forwarded-For entries are believed. A nil *Proxies
// trusts nobody, which is the safe default when the portal faces the
// Internet directly.
type Proxies struct {
	prefixes []netip.Prefix

	// The trusted single IPv4 addresses, as text and parsed. The usual
	// proxy is one address (nginx on 127.0.0.1), and comparing RemoteAddr's
	// host with its text costs a tenth of parsing it on every request.
	single4     []string
	single4Addr []netip.Addr
}

// ParseProxies parses a comma-separated list of IP addresses and CIDR
// prefixes, e.g. "127.0.0.1,10.0.0.0/8,::1". Blank entries are ignored so a
// trailing comma in a config file is harmless; anything else that does not
// parse is an error naming the entry, because silently dropping a proxy
// would attribute every visit to the proxy's own address.
func ParseProxies(s string) (*Proxies, error) {
	p := &Proxies{}
	n := 0
	for item := range strings.SplitSeq(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		n++
		pfx, err := parseProxyEntry(item)
		if err != nil {
			return nil, fmt.Errorf("visit: trusted proxy entry %d %q: %v (want an IP address such as 10.0.0.1 or a CIDR prefix such as 10.0.0.0/8)", n, item, err)
		}
		p.prefixes = append(p.prefixes, pfx)
		if pfx.Addr().Is4() && pfx.IsSingleIP() {
			p.single4 = append(p.single4, pfx.Addr().String())
			p.single4Addr = append(p.single4Addr, pfx.Addr())
		}
	}
	return p, nil
}

func parseProxyEntry(item string) (netip.Prefix, error) {
	if strings.Contains(item, "%") {
		// Prefixes cannot carry zones and peers are compared without them.
		return netip.Prefix{}, fmt.Errorf("IPv6 zones are not supported")
	}
	if !strings.Contains(item, "/") {
		a, err := netip.ParseAddr(item)
		if err != nil {
			return netip.Prefix{}, err
		}
		a = a.Unmap()
		return netip.PrefixFrom(a, a.BitLen()), nil
	}
	pfx, err := netip.ParsePrefix(item)
	if err != nil {
		return netip.Prefix{}, err
	}
	// Client addresses are unmapped before matching (an IPv4 peer on a dual
	// stack socket shows up as ::ffff:a.b.c.d), so an IPv4-mapped prefix must
	// become the plain IPv4 prefix or it would never match.
	if a := pfx.Addr(); a.Is4In6() {
		if pfx.Bits() < 96 {
			return netip.Prefix{}, fmt.Errorf("IPv4-mapped prefix shorter than /96 spans non-IPv4 addresses")
		}
		pfx = netip.PrefixFrom(a.Unmap(), pfx.Bits()-96)
	}
	// "10.0.0.1/8" is accepted as 10.0.0.0/8: the intent is unambiguous.
	return pfx.Masked(), nil
}

// Trusts reports whether a is one of the trusted proxies.
func (p *Proxies) Trusts(a netip.Addr) bool {
	if p == nil || !a.IsValid() {
		return false
	}
	a = a.Unmap().WithZone("")
	for _, pfx := range p.prefixes {
		if pfx.Contains(a) {
			return true
		}
	}
	return false
}

// String lists the trusted prefixes in canonical form, for logs.
func (p *Proxies) String() string {
	if p == nil || len(p.prefixes) == 0 {
		return ""
	}
	var b strings.Builder
	for i, pfx := range p.prefixes {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(pfx.String())
	}
	return b.String()
}

// ClientIP returns the address of the client that made r.
//
// It is the TCP peer (r.RemoteAddr) unless the peer is a trusted proxy. Then
// X-Forwarded-For is walked from right to left — each proxy appends the
// address it received from, so the right end is the most trustworthy — and
// trusted hops are skipped; the first untrusted address is the client.
// Reading from the right means a client cannot spoof its address by sending
// its own X-Forwarded-For: whatever it prepends lies left of the hop our
// proxy appended. An entry that does not parse stops the walk and the last
// valid hop is returned, since nothing left of garbage can be believed.
//
// The result is unmapped (::ffff:1.2.3.4 becomes 1.2.3.4) and zone-free. It
// is the zero netip.Addr only if RemoteAddr itself is unparseable.
func (p *Proxies) ClientIP(r *http.Request) netip.Addr {
	peer, ok := p.singlePeer(r.RemoteAddr)
	if !ok {
		peer = parseHop(r.RemoteAddr)
		if !peer.IsValid() || !p.Trusts(peer) {
			return peer
		}
	}
	values := r.Header["X-Forwarded-For"]
	last := peer
	// Multiple X-Forwarded-For header lines are one list in order (RFC 9110
	// §5.3), so walk the lines backwards too.
	for vi := len(values) - 1; vi >= 0; vi-- {
		v := values[vi]
		end := len(v)
		for {
			start := strings.LastIndexByte(v[:end], ',')
			hop := parseHop(v[start+1 : end])
			if !hop.IsValid() {
				return last
			}
			if !p.Trusts(hop) {
				return hop
			}
			last = hop
			if start < 0 {
				break
			}
			end = start
		}
	}
	// Every hop was a trusted proxy: the leftmost is the best we know.
	return last
}

// singlePeer recognises RemoteAddr "a.b.c.d:port" whose host is, as text,
// one of the trusted single IPv4 addresses: what parseHop and Trusts would
// conclude, without parsing. Anything else is left to them.
func (p *Proxies) singlePeer(remote string) (netip.Addr, bool) {
	if p == nil {
		return netip.Addr{}, false
	}
	for i, s := range p.single4 {
		if len(remote) > len(s) && remote[len(s)] == ':' && remote[:len(s)] == s && validPortSuffix(remote[len(s):]) {
			return p.single4Addr[i], true
		}
	}
	return netip.Addr{}, false
}

// parseHop parses an address as found in RemoteAddr or X-Forwarded-For:
// "1.2.3.4", "1.2.3.4:5678", "2001:db8::1", "[2001:db8::1]:443" or
// "[2001:db8::1]", with optional surrounding blanks. It returns the zero Addr
// on anything else. The form is chosen from the shape of s rather than by
// trying parsers in turn, because a failed netip parse allocates its error
// and the portless form is the common one on the hot path.
func parseHop(s string) netip.Addr {
	// strings.Trim would build its cutset on every call.
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	if s == "" {
		return netip.Addr{}
	}
	host := s
	if s[0] == '[' {
		end := strings.IndexByte(s, ']')
		if end < 0 || !validPortSuffix(s[end+1:]) {
			return netip.Addr{}
		}
		host = s[1:end]
	} else if i := strings.IndexByte(s, ':'); i >= 0 && strings.IndexByte(s[i+1:], ':') < 0 {
		// Exactly one colon: IPv4 with a port (bare IPv6 has at least two).
		if !validPortSuffix(s[i:]) {
			return netip.Addr{}
		}
		host = s[:i]
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}
	}
	return a.Unmap().WithZone("")
}

// validPortSuffix accepts "" or ":" followed by 1–5 decimal digits.
func validPortSuffix(s string) bool {
	if s == "" {
		return true
	}
	if s[0] != ':' || len(s) < 2 || len(s) > 6 {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ClientKey is the key every rate limiter and form guard counts a client
// by (DESIGN §11): an IPv4 client is its address, an IPv6 client its /64.
// One subscriber, one phone or one VM is handed a whole /64 (RFC 6177), so
// keying on the full /128 would give an attacker 2^64 fresh budgets. The
// two forms cannot collide: an IPv6 key always ends in "/64".
func (p *Proxies) ClientKey(r *http.Request) string {
	return KeyOf(p.ClientIP(r))
}

// KeyOf is ClientKey for an address already known.
func KeyOf(a netip.Addr) string {
	if !a.IsValid() {
		return "invalid"
	}
	if a.Is4() {
		return a.String()
	}
	pfx, err := a.Prefix(64)
	if err != nil {
		return a.String()
	}
	return pfx.String()
}

// Host is the host name a request was addressed to: Host, or the last
// X-Forwarded-Host when the peer is a trusted proxy (a proxy that rewrites
// Host to an upstream name passes the original this way). An untrusted
// peer's X-Forwarded-Host is ignored: it could pick any site.
func (p *Proxies) Host(r *http.Request) string {
	if p != nil {
		if xs := r.Header.Values("X-Forwarded-Host"); len(xs) > 0 {
			if peer := parseHop(r.RemoteAddr); peer.IsValid() && p.Trusts(peer) {
				last := xs[len(xs)-1]
				if i := strings.LastIndexByte(last, ','); i >= 0 {
					last = last[i+1:]
				}
				if h := strings.TrimSpace(last); h != "" {
					return h
				}
			}
		}
	}
	return r.Host
}
