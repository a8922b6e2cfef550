package visit

import (
	"crypto/sha256"
	"encoding/binary"
	"net/netip"
)

// hashVersion is the first byte of the hashed message. Bump it if the layout
// below ever changes, so old and new keys cannot collide by accident.
const hashVersion = 1

// VisitorHash returns the key that identifies one visitor of one site
// without storing the address: the first 16 bytes of
// HMAC-SHA256(salt, message), where message is the fixed binary layout
//
//	version  1 byte   (1)
//	site     8 bytes  int64, big endian
//	ip      16 bytes  netip.Addr.As16 (IPv4 as ::ffff:a.b.c.d, zone dropped,
//	                  all zeroes for the zero Addr)
//	len(ua)  4 bytes  uint32, big endian
//	ua       len(ua) bytes
//
// Fixed widths and the length prefix make the encoding injective, so no two
// different (site, ip, ua) triples hash the same message — unlike plain
// concatenation, where "1"+"23" equals "12"+"3". IPv4 and IPv4-mapped IPv6
// forms of one address deliberately give the same key.
//
// Rotating the salt (e.g. daily) makes keys unlinkable across periods.
// 128 bits is ample against accidental collisions among a site's visitors.
//
// HMAC is computed by hand over sha256.Sum256 rather than with crypto/hmac:
// hmac.New allocates two hash states per call, and this runs per page view.
// The test checks the result against crypto/hmac.
func VisitorHash(salt []byte, site int64, ip netip.Addr, ua string) [16]byte {
	const blockSize = sha256.BlockSize

	// HMAC key: zero-padded to the block size, or hashed first if longer.
	var key [blockSize]byte
	if len(salt) > blockSize {
		sum := sha256.Sum256(salt)
		copy(key[:], sum[:])
	} else {
		copy(key[:], salt)
	}

	// Inner hash input: (key XOR ipad) || message. Sized so that typical
	// User-Agents fit on the stack; longer ones make append move to the heap.
	var buf [blockSize + 1 + 8 + 16 + 4 + 512]byte
	msg := buf[:blockSize]
	for i, k := range key {
		msg[i] = k ^ 0x36
	}
	msg = append(msg, hashVersion)
	msg = binary.BigEndian.AppendUint64(msg, uint64(site))
	ip16 := ip.As16()
	msg = append(msg, ip16[:]...)
	msg = binary.BigEndian.AppendUint32(msg, uint32(len(ua)))
	msg = append(msg, ua...)
	inner := sha256.Sum256(msg)

	// Outer hash input: (key XOR opad) || inner.
	var outer [blockSize + sha256.Size]byte
	for i, k := range key {
		outer[i] = k ^ 0x5c
	}
	copy(outer[blockSize:], inner[:])
	sum := sha256.Sum256(outer[:])

	var out [16]byte
	copy(out[:], sum[:16])
	return out
}
