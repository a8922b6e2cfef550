package web

import (
	"bytes"
	"compress/gzip"
	"hash/crc32"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/store"
)

func TestCRC32Combine(t *testing.T) {
	for _, pair := range [][2]string{{"", ""}, {"a", ""}, {"", "b"}, {"Lượt xem: ", "12.345"}, {strings.Repeat("x", 1000), strings.Repeat("yz", 777)}} {
		a, b := []byte(pair[0]), []byte(pair[1])
		want := crc32.ChecksumIEEE(append(append([]byte{}, a...), b...))
		if got := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), len(b)); got != want {
			t.Errorf("%q+%q: %08x, want %08x", pair[0][:min(5, len(pair[0]))], pair[1][:min(5, len(pair[1]))], got, want)
		}
	}
}

// The spliced gzip stream decodes (CRC and size checked by the reader) to
// exactly the plain page with the same numbers.
func TestGzipSpliceMatchesPlain(t *testing.T) {
	page := []byte("<html><p>Lượt xem: " + liveOpen + "views" + liveClose + "</p>" + strings.Repeat("<p>Cải cách hành chính</p>", 300) +
		"<dd>" + liveOpen + "online" + liveClose + "</dd><dd>" + liveOpen + "total" + liveClose + "</dd></html>")
	lp := splitLive(page)
	if len(lp.slots) != 3 {
		t.Fatalf("slots %v", lp.slots)
	}
	for _, v := range []liveValues{{}, {views: 7, stats: store.VisitStats{Online: 3, Total: 1234567}}, {views: 99999999999}} {
		plain := httptest.NewRecorder()
		lp.write(plain, 200, &v)
		gz := httptest.NewRecorder()
		lp.writeGzip(gz, 200, &v)
		if gz.Header().Get("Content-Encoding") != "gzip" || gz.Body.Len() >= plain.Body.Len()/3 {
			t.Fatalf("gzip %d bytes vs plain %d", gz.Body.Len(), plain.Body.Len())
		}
		zr, err := gzip.NewReader(bytes.NewReader(gz.Body.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("decode: %v", err)
		}
		if !bytes.Equal(got, plain.Body.Bytes()) {
			t.Fatalf("gzip body differs from plain body")
		}
		// Responses are reused while the figures stay the same; a change
		// must show at once in both encodings.
		want := "Lượt xem: " + string(appendGrouped(nil, v.views)) + "</p>"
		if !strings.Contains(plain.Body.String(), want) || !strings.Contains(string(got), want) {
			t.Fatalf("figures %+v: body lacks %q", v, want)
		}
	}
}

// The precomputed shift operator gives the same CRC as combining per request.
func TestCRC32Shift(t *testing.T) {
	for _, n := range []int{0, 1, 7, 64, 1000, 30011} {
		op := crc32Shift(n)
		for _, crc := range []uint32{0, 1, 0xdeadbeef, crc32.ChecksumIEEE([]byte("Thống kê truy cập"))} {
			if got, want := gf2Times(op[:], crc), crc32Combine(crc, 0, n); got != want {
				t.Errorf("n=%d crc=%08x: %08x, want %08x", n, crc, got, want)
			}
		}
	}
}
