package media

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestCheckPDF(t *testing.T) {
	real := []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
	ok := [][]byte{
		real,
		append(append([]byte{}, real...), bytes.Repeat([]byte("x"), 5000)...),
		// Markup past the head is a PDF's own business (text streams,
		// embedded XMP); it cannot make the file sniff as HTML.
		append(append(append([]byte{}, real...), bytes.Repeat([]byte{0x8f}, 5000)...), "<html><script>alert(1)</script>"...),
	}
	for i, b := range ok {
		if err := CheckPDF(b); err != nil {
			t.Errorf("case %d: real PDF refused: %v", i, err)
		}
	}
	bad := map[string]string{
		"page before the header":  "<html><body><script>alert(document.cookie)</script></body></html>\n%PDF-1.4\n1 0 obj\n",
		"blank before the header": "\n\n%PDF-1.4\n",
		"script after the header": "%PDF-1.4\n%<script>alert(1)</script>\n1 0 obj\n",
		"upper case":              "%PDF-1.4\n%<SCRIPT SRC=//evil.example/x.js></SCRIPT>\n",
		"body in a comment":       "%PDF-1.5\n% <BoDy onload=alert(1)>\n",
		"svg":                     "%PDF-1.5\n<svg/onload=alert(1)>",
		"doctype":                 "%PDF-1.5\n<!DOCTYPE html>",
		"link":                    "%PDF-1.5\n<a href=\"javascript:alert(1)\">x</a>",
	}
	for name, s := range bad {
		if err := CheckPDF([]byte(s)); !errors.Is(err, ErrPolyglot) {
			t.Errorf("%s: %v, want ErrPolyglot", name, err)
		}
	}
	// The head is all that is read: a 4 KB prefix decides.
	long := "%PDF-1.5\n" + strings.Repeat("%", 4000) + "<html>"
	if err := CheckPDF([]byte(long)); !errors.Is(err, ErrPolyglot) {
		t.Errorf("marker ending at byte %d missed", len(long))
	}
}
