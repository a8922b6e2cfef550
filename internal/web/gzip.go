package web

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/crc32"
	"net/http"
	"strconv"
	"strings"
)

// Live pages are compressed once, segment by segment, and the numbers are
// spliced in as stored (uncompressed) deflate blocks. Each segment is
// compressed by a fresh compressor and ends with a sync flush, which leaves
// the stream byte-aligned and free of back-references across segments, so
// the pieces concatenate into one valid gzip stream. A phone on a slow
// network gets ~8 KB instead of ~30 KB at the cost of a CRC per request, and
// nothing is compressed on the request path.

type gzPage struct {
	segs   [][]byte     // deflate data of each segment, sync-flushed, not final
	crcs   []uint32     // CRC-32 of each uncompressed segment
	shifts [][32]uint32 // GF(2) operator appending len(segment) bytes to a CRC
}

func compressSegments(segs [][]byte) *gzPage {
	g := &gzPage{}
	var buf bytes.Buffer
	for _, s := range segs {
		buf.Reset()
		fw, _ := flate.NewWriter(&buf, flate.BestCompression)
		fw.Write(s)
		fw.Flush()
		g.segs = append(g.segs, bytes.Clone(buf.Bytes()))
		g.crcs = append(g.crcs, crc32.ChecksumIEEE(s))
		g.shifts = append(g.shifts, crc32Shift(len(s)))
	}
	return g
}

// crc32Shift returns the operator that turns crc(A) into the CRC of A
// followed by n zero bytes. CRC-32 is linear over GF(2), so the operator's
// columns are the images of the 32 unit vectors; applying it per request is
// 32 XORs at most, where zlib's crc32_combine squares matrices each time
// (that alone was half the CPU of a gzip page view).
func crc32Shift(n int) [32]uint32 {
	var op [32]uint32
	for j := range op {
		op[j] = crc32Combine(1<<j, 0, n)
	}
	return op
}

var gzipHeader = []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff}

func acceptsGzip(r *http.Request) bool {
	for _, v := range r.Header["Accept-Encoding"] {
		if strings.Contains(v, "gzip") {
			return true
		}
	}
	return false
}

var (
	gzipEncoding = []string{"gzip"}
	varyEncoding = []string{"Accept-Encoding"}
)

// writeGzip sends the page gzip-encoded with the live numbers.
func (lp *livePage) writeGzip(w http.ResponseWriter, status int, v *liveValues) {
	a := lp.lastGz.Load()
	if a == nil || a.v != *v {
		a = lp.assembleGzip(v)
		lp.lastGz.Store(a)
	}
	h := w.Header()
	h["Content-Type"] = htmlContentType
	h["Content-Encoding"] = gzipEncoding
	h["Vary"] = varyEncoding
	h["Content-Length"] = a.clen
	w.WriteHeader(status)
	w.Write(a.body)
}

func (lp *livePage) assembleGzip(v *liveValues) *assembled {
	lp.gzOnce.Do(func() { lp.gz = compressSegments(lp.segs) })
	g := lp.gz
	n := len(gzipHeader) + 13
	for _, seg := range g.segs {
		n += len(seg) + 5 + 24
	}
	b := append(make([]byte, 0, n), gzipHeader...)
	var crc uint32
	var num [32]byte
	size := 0
	for i, seg := range g.segs {
		b = append(b, seg...)
		crc = gf2Times(g.shifts[i][:], crc) ^ g.crcs[i]
		size += len(lp.segs[i])
		if i < len(lp.slots) {
			n := v.appendSlot(num[:0], lp.slots[i])
			// Stored block: BFINAL=0 BTYPE=00, LEN, NLEN, bytes.
			b = append(b, 0, byte(len(n)), byte(len(n)>>8), ^byte(len(n)), ^byte(len(n)>>8))
			b = append(b, n...)
			crc = crc32.Update(crc, crc32.IEEETable, n)
			size += len(n)
		}
	}
	// Final empty stored block, then the gzip trailer.
	b = append(b, 1, 0, 0, 0xff, 0xff)
	b = binary.LittleEndian.AppendUint32(b, crc)
	b = binary.LittleEndian.AppendUint32(b, uint32(size))
	return &assembled{v: *v, body: b, clen: []string{strconv.Itoa(len(b))}}
}

// crc32Combine returns the CRC of A||B from crc(A), crc(B) and len(B)
// (zlib's crc32_combine), so the static segments' CRCs are computed once.
func crc32Combine(crcA, crcB uint32, lenB int) uint32 {
	if lenB == 0 {
		return crcA
	}
	var even, odd [32]uint32
	odd[0] = 0xedb88320 // reversed IEEE polynomial
	row := uint32(1)
	for n := 1; n < 32; n++ {
		odd[n] = row
		row <<= 1
	}
	gf2Square(even[:], odd[:])
	gf2Square(odd[:], even[:])
	for {
		gf2Square(even[:], odd[:])
		if lenB&1 != 0 {
			crcA = gf2Times(even[:], crcA)
		}
		lenB >>= 1
		if lenB == 0 {
			break
		}
		gf2Square(odd[:], even[:])
		if lenB&1 != 0 {
			crcA = gf2Times(odd[:], crcA)
		}
		lenB >>= 1
		if lenB == 0 {
			break
		}
	}
	return crcA ^ crcB
}

func gf2Times(mat []uint32, vec uint32) uint32 {
	var sum uint32
	for i := 0; vec != 0; i++ {
		if vec&1 != 0 {
			sum ^= mat[i]
		}
		vec >>= 1
	}
	return sum
}

func gf2Square(square, mat []uint32) {
	for n := 0; n < 32; n++ {
		square[n] = gf2Times(mat, mat[n])
	}
}
