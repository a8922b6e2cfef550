// Package media is the media library's storage and image processing, without
// HTTP: it decides what an uploaded file is from its content (never its name
// or the client's word), re-encodes images so no metadata (EXIF, GPS, XMP,
// comments) survives, makes the resized variants for srcset, and writes
// files atomically into a content-addressed folder.
package media

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// Kind is what the library does with a file: images are re-encoded, resized
// and shown inline; documents are stored as uploaded and only downloaded.
type Kind string

const (
	KindImage    Kind = "image"
	KindDocument Kind = "document"
)

// Type is an allowed file type.
type Type struct {
	Kind  Kind
	Mime  string // the Content-Type it is served with
	Ext   string // the extension of its stored name
	Label string // for people: "Ảnh JPEG", "Word", …
}

// The allowed types. Nothing else is accepted.
var (
	JPEG = Type{KindImage, "image/jpeg", "jpg", "Ảnh JPEG"}
	PNG  = Type{KindImage, "image/png", "png", "Ảnh PNG"}
	GIF  = Type{KindImage, "image/gif", "gif", "Ảnh GIF"}
	WebP = Type{KindImage, "image/webp", "webp", "Ảnh WebP"}
	PDF  = Type{KindDocument, "application/pdf", "pdf", "PDF"}
	DOC  = Type{KindDocument, "application/msword", "doc", "Word"}
	DOCX = Type{KindDocument, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "Word"}
	XLS  = Type{KindDocument, "application/vnd.ms-excel", "xls", "Excel"}
	XLSX = Type{KindDocument, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "Excel"}
	ODT  = Type{KindDocument, "application/vnd.oasis.opendocument.text", "odt", "OpenDocument"}
)

// Types lists the allowed types, for forms and documentation.
var Types = []Type{JPEG, PNG, GIF, WebP, PDF, DOC, DOCX, XLS, XLSX, ODT}

var (
	// ErrUnsupported: the content is none of the allowed types, whatever
	// its name says.
	ErrUnsupported = errors.New("media: content is not an allowed file type")
	// ErrMacros: an office document that carries macros (VBA, Basic).
	ErrMacros = errors.New("media: document contains macros")
)

var (
	magicJPEG = []byte{0xFF, 0xD8, 0xFF}
	magicPNG  = []byte("\x89PNG\r\n\x1a\n")
	magicGIF7 = []byte("GIF87a")
	magicGIF9 = []byte("GIF89a")
	magicPDF  = []byte("%PDF-")
	magicZIP  = []byte("PK\x03\x04")
	magicOLE  = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// Sniff decides a file's type from its bytes: magic numbers for images and
// PDF, the package's declared content types for DOCX/XLSX ([Content_Types].xml)
// and ODT (the mimetype entry), and the compound file's stream names for
// DOC/XLS. Office documents with macros are refused (ErrMacros). An image
// that sniffs right is only accepted for good once it decodes (Process).
func Sniff(b []byte) (Type, error) {
	switch {
	case bytes.HasPrefix(b, magicJPEG):
		return JPEG, nil
	case bytes.HasPrefix(b, magicPNG):
		return PNG, nil
	case bytes.HasPrefix(b, magicGIF7), bytes.HasPrefix(b, magicGIF9):
		return GIF, nil
	case len(b) >= 12 && string(b[0:4]) == "RIFF" && string(b[8:12]) == "WEBP":
		return WebP, nil
	case bytes.HasPrefix(b, magicPDF):
		return PDF, nil
	case bytes.HasPrefix(b, magicZIP):
		return sniffZip(b)
	case bytes.HasPrefix(b, magicOLE):
		return sniffOLE(b)
	}
	return Type{}, ErrUnsupported
}

const (
	ctDocx      = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
	ctXlsx      = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
	ctDocm      = "application/vnd.ms-word.document.macroEnabled.main+xml"
	ctXlsm      = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
	ctVBA       = "application/vnd.ms-office.vbaProject"
	mimetypeODT = "application/vnd.oasis.opendocument.text"
)

// sniffZip tells DOCX, XLSX and ODT from any other ZIP. Only small,
// size-limited entries are read, so a ZIP bomb costs nothing.
func sniffZip(b []byte) (Type, error) { return sniffZipAt(bytes.NewReader(b), int64(len(b))) }

// sniffZipAt is sniffZip for a file that stays on disk: the ZIP's central
// directory is at its end, so only what the directory points to is read.
func sniffZipAt(ra io.ReaderAt, size int64) (Type, error) {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return Type{}, ErrUnsupported
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
		low := strings.ToLower(f.Name)
		if strings.HasSuffix(low, "vbaproject.bin") || strings.HasPrefix(low, "basic/") || strings.HasPrefix(low, "scripts/") {
			return Type{}, ErrMacros
		}
	}
	if f := files["mimetype"]; f != nil {
		mt, err := readZipEntry(f, 256)
		if err != nil {
			return Type{}, ErrUnsupported
		}
		if strings.TrimSpace(string(mt)) == mimetypeODT && files["content.xml"] != nil {
			return ODT, nil
		}
		return Type{}, ErrUnsupported
	}
	f := files["[Content_Types].xml"]
	if f == nil {
		return Type{}, ErrUnsupported
	}
	raw, err := readZipEntry(f, 1<<20)
	if err != nil {
		return Type{}, ErrUnsupported
	}
	var ct struct {
		Defaults []struct {
			Extension   string `xml:"Extension,attr"`
			ContentType string `xml:"ContentType,attr"`
		} `xml:"Default"`
		Overrides []struct {
			PartName    string `xml:"PartName,attr"`
			ContentType string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal(raw, &ct); err != nil {
		return Type{}, ErrUnsupported
	}
	for _, d := range ct.Defaults {
		if d.ContentType == ctVBA {
			return Type{}, ErrMacros
		}
	}
	var found Type
	for _, o := range ct.Overrides {
		part := strings.TrimPrefix(o.PartName, "/")
		switch o.ContentType {
		case ctDocm, ctXlsm, ctVBA:
			return Type{}, ErrMacros
		case ctDocx:
			if files[part] != nil && found.Ext == "" {
				found = DOCX
			}
		case ctXlsx:
			if files[part] != nil && found.Ext == "" {
				found = XLSX
			}
		}
	}
	if found.Ext == "" {
		return Type{}, ErrUnsupported
	}
	return found, nil
}

func readZipEntry(f *zip.File, max int64) ([]byte, error) {
	if f.UncompressedSize64 > uint64(max) {
		return nil, ErrUnsupported
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, ErrUnsupported
	}
	return b, nil
}
