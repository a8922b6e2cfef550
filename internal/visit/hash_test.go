package visit

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"net/netip"
	"strings"
	"testing"
)

// referenceHash spells out the documented layout with crypto/hmac, so the
// hand-rolled HMAC in VisitorHash is checked against the standard one.
func referenceHash(salt []byte, site int64, ip netip.Addr, ua string) [16]byte {
	var msg []byte
	msg = append(msg, 1)
	msg = binary.BigEndian.AppendUint64(msg, uint64(site))
	ip16 := ip.As16()
	msg = append(msg, ip16[:]...)
	msg = binary.BigEndian.AppendUint32(msg, uint32(len(ua)))
	msg = append(msg, ua...)
	m := hmac.New(sha256.New, salt)
	m.Write(msg)
	var out [16]byte
	copy(out[:], m.Sum(nil))
	return out
}

func TestVisitorHashMatchesHMAC(t *testing.T) {
	ip4 := netip.MustParseAddr("113.161.5.9")
	ip6 := netip.MustParseAddr("2402:800:62cd:d2df:cddf:bb7d:f3d7:7390")
	salts := [][]byte{
		nil,
		[]byte("k"),
		bytes.Repeat([]byte{0xab}, 32),
		bytes.Repeat([]byte{0xcd}, sha256.BlockSize),
		bytes.Repeat([]byte{0xef}, sha256.BlockSize+1), // longer than a block: hashed first
		bytes.Repeat([]byte("muối"), 50),
	}
	uas := []string{"", humanUA, strings.Repeat("Mozilla/5.0 ", 100)} // the last exceeds the stack buffer
	for _, salt := range salts {
		for _, ip := range []netip.Addr{ip4, ip6, {}} {
			for _, ua := range uas {
				for _, site := range []int64{0, 1, -1, 1 << 40} {
					got := VisitorHash(salt, site, ip, ua)
					want := referenceHash(salt, site, ip, ua)
					if got != want {
						t.Fatalf("VisitorHash(salt len %d, %d, %v, ua len %d) = %x, want %x", len(salt), site, ip, len(ua), got, want)
					}
				}
			}
		}
	}
}

func TestVisitorHashKnownAnswer(t *testing.T) {
	// Pins the layout: if this changes, every stored visitor key changes too,
	// which must be a deliberate decision (bump hashVersion).
	got := VisitorHash([]byte("salt"), 42, netip.MustParseAddr("192.0.2.1"), "UA")
	want := referenceHash([]byte("salt"), 42, netip.MustParseAddr("192.0.2.1"), "UA")
	if got != want {
		t.Fatalf("got %x, want %x", got, want)
	}
	const pinned = "66043d08780cdeaddcdc7c98ac906e92"
	if h := hexString(got); h != pinned {
		t.Logf("known answer is %s", h)
		t.Errorf("VisitorHash known answer changed: got %s, want %s", h, pinned)
	}
}

func hexString(b [16]byte) string {
	const digits = "0123456789abcdef"
	var s strings.Builder
	for _, c := range b {
		s.WriteByte(digits[c>>4])
		s.WriteByte(digits[c&0xf])
	}
	return s.String()
}

func TestVisitorHashProperties(t *testing.T) {
	salt := []byte("2024-03-01 daily salt")
	ip := netip.MustParseAddr("113.161.5.9")
	base := VisitorHash(salt, 1, ip, humanUA)

	if again := VisitorHash(salt, 1, ip, humanUA); again != base {
		t.Fatal("VisitorHash is not deterministic")
	}
	saltCopy := append([]byte(nil), salt...)
	VisitorHash(saltCopy, 1, ip, humanUA)
	if !bytes.Equal(saltCopy, salt) {
		t.Fatal("VisitorHash modified the salt")
	}

	differs := []struct {
		name string
		h    [16]byte
	}{
		{"salt", VisitorHash([]byte("2024-03-02 daily salt"), 1, ip, humanUA)},
		{"empty salt", VisitorHash(nil, 1, ip, humanUA)},
		{"site", VisitorHash(salt, 2, ip, humanUA)},
		{"negative site", VisitorHash(salt, -1, ip, humanUA)},
		{"ip", VisitorHash(salt, 1, netip.MustParseAddr("113.161.5.10"), humanUA)},
		{"ipv6", VisitorHash(salt, 1, netip.MustParseAddr("2402:800::1"), humanUA)},
		{"zero ip", VisitorHash(salt, 1, netip.Addr{}, humanUA)},
		{"ua", VisitorHash(salt, 1, ip, humanUA+" ")},
		{"empty ua", VisitorHash(salt, 1, ip, "")},
	}
	seen := map[[16]byte]string{base: "base"}
	for _, d := range differs {
		if prev, dup := seen[d.h]; dup {
			t.Errorf("changing %s gives the same hash as %s", d.name, prev)
		}
		seen[d.h] = d.name
	}

	// The same address written as IPv4-mapped IPv6 is the same visitor.
	if VisitorHash(salt, 1, netip.MustParseAddr("::ffff:113.161.5.9"), humanUA) != base {
		t.Error("IPv4-mapped form should hash like the plain IPv4 address")
	}
	// A zone does not identify a different visitor.
	ll := netip.MustParseAddr("fe80::1")
	if VisitorHash(salt, 1, ll.WithZone("eth0"), humanUA) != VisitorHash(salt, 1, ll, humanUA) {
		t.Error("zone should not affect the hash")
	}
}

func TestVisitorHashNoAllocs(t *testing.T) {
	salt := bytes.Repeat([]byte{7}, 32)
	ip := netip.MustParseAddr("113.161.5.9")
	if n := testing.AllocsPerRun(100, func() { VisitorHash(salt, 1, ip, humanUA) }); n != 0 {
		t.Errorf("VisitorHash allocates %.0f times per call", n)
	}
}

var sinkHash [16]byte

func BenchmarkVisitorHash(b *testing.B) {
	salt := bytes.Repeat([]byte{7}, 32)
	ip := netip.MustParseAddr("113.161.5.9")
	b.ReportAllocs()
	for b.Loop() {
		sinkHash = VisitorHash(salt, 1, ip, humanUA)
	}
}

// BenchmarkVisitorHashStdHMAC is the crypto/hmac baseline that justifies the
// hand-rolled HMAC.
func BenchmarkVisitorHashStdHMAC(b *testing.B) {
	salt := bytes.Repeat([]byte{7}, 32)
	ip := netip.MustParseAddr("113.161.5.9")
	b.ReportAllocs()
	for b.Loop() {
		sinkHash = referenceHash(salt, 1, ip, humanUA)
	}
}
