package media

import (
	"bytes"
	"errors"
)

// ErrPolyglot: a file that sniffs as PDF but also reads as HTML. Such a
// file is a PDF to our sniffer and a web page to a browser that sniffs it
// (or to one that is told it is HTML by a misconfigured proxy or mirror), so
// a script in it would run on the portal's origin. Real PDFs never carry
// markup in their first kilobytes: producers write the header, a binary
// comment and objects.
var ErrPolyglot = errors.New("media: PDF that also contains HTML markup")

// polyglotScan is how much of the head is searched: more than the 1445
// bytes a browser's MIME sniffing reads (WHATWG MIME Sniffing), and than
// the 1024 bytes within which PDF readers look for %PDF.
const polyglotScan = 4096

// htmlMarkers are tag openings a browser's HTML sniffer or parser acts on.
// Each is long enough that a compressed stream matching it by chance in the
// first 4 KB is vanishingly unlikely (≥ 5 bytes, case-folded).
var htmlMarkers = [][]byte{
	[]byte("<!doctype"), []byte("<html"), []byte("<head"), []byte("<body"), []byte("<script"),
	[]byte("<iframe"), []byte("<svg"), []byte("<object"), []byte("<embed"), []byte("<meta"),
	[]byte("<img"), []byte("<style"), []byte("<title"), []byte("<form"), []byte("<a href"),
	[]byte("<!--"), []byte("javascript:"),
}

// CheckPDF decides whether the head of a file that Sniff called PDF may be
// stored and served: it must start with %PDF- (browsers and readers accept
// the header anywhere in the first 1024 bytes, which is how polyglots put a
// page before it; we accept it only at the start) and carry no HTML markup
// in its first 4 KB. head may be the whole file or just its beginning.
func CheckPDF(head []byte) error {
	if !bytes.HasPrefix(head, magicPDF) {
		return ErrPolyglot
	}
	if len(head) > polyglotScan {
		head = head[:polyglotScan]
	}
	low := bytes.ToLower(head)
	for _, m := range htmlMarkers {
		if bytes.Contains(low, m) {
			return ErrPolyglot
		}
	}
	return nil
}
