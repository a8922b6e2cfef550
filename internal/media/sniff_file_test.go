package media_test

import (
	"bytes"
	"testing"

	"github.com/congportal/cong/internal/media"
	"github.com/congportal/cong/internal/media/mediatest"
)

// SniffReaderAt, used on uploads spooled to disk, decides exactly as Sniff
// does on the bytes in memory, macros refused included.
func TestSniffReaderAtMatchesSniff(t *testing.T) {
	cases := map[string][]byte{
		"jpeg": mediatest.JPEG(8, 8), "png": mediatest.PNG(8, 8), "pdf": mediatest.PDF(),
		"docx": mediatest.DOCX(), "docm": mediatest.DOCM(), "xlsx": mediatest.XLSX(), "odt": mediatest.ODT(),
		"doc": mediatest.OLE("WordDocument"), "doc macros": mediatest.OLE("WordDocument", "Macros"),
		"zip": mediatest.Zip([2]string{"a.txt", "x"}), "text": []byte("xin chào"), "tiny": []byte("%P"),
	}
	for name, b := range cases {
		want, wantErr := media.Sniff(b)
		got, gotErr := media.SniffReaderAt(bytes.NewReader(b), int64(len(b)))
		if got != want || (gotErr == nil) != (wantErr == nil) || (wantErr != nil && gotErr != wantErr && name != "tiny") {
			t.Errorf("%s: SniffReaderAt = %v, %v; Sniff = %v, %v", name, got, gotErr, want, wantErr)
		}
	}
}
