package media

import (
	"bytes"
	"io"
)

// SniffReaderAt is Sniff for an upload spooled to a temporary file: it
// decides from the first bytes and, for ZIP-based documents, from the
// central directory read in place, so a 10 MB DOCX never sits in memory.
// Compound (OLE) files keep their directory anywhere, so they are read
// whole; callers bound size (the per-file cap) and how many run at once.
func SniffReaderAt(ra io.ReaderAt, size int64) (Type, error) {
	head := make([]byte, min(size, 512))
	if n, err := ra.ReadAt(head, 0); n < len(head) {
		if err == nil {
			err = io.ErrUnexpectedEOF
		}
		return Type{}, err
	}
	switch {
	case bytes.HasPrefix(head, magicZIP):
		return sniffZipAt(ra, size)
	case bytes.HasPrefix(head, magicOLE):
		all := make([]byte, size)
		if _, err := ra.ReadAt(all, 0); err != nil && err != io.EOF {
			return Type{}, err
		}
		return sniffOLE(all)
	}
	return Sniff(head)
}
