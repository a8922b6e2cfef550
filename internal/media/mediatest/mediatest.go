// Package mediatest builds the files media tests upload: photos with EXIF
// and GPS, WebP, office documents and PDF, all made in code so no binary
// fixture hides what a test checks.
package mediatest

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"unicode/utf16"
)

// Secret is written into the EXIF of JPEGWithEXIF (camera make and image
// description): no stored or served file may contain it.
const Secret = "MAY-CHU-BI-MAT-GPS"

// Picture is a w×h test picture: a gradient with a dark square in the top
// left corner, so orientation and scaling can be checked.
func Picture(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{uint8(40 + 180*x/w), uint8(60 + 150*y/h), 170, 255}
			if x < w/4 && y < h/4 {
				c = color.RGBA{10, 10, 10, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

// JPEG encodes Picture(w, h).
func JPEG(w, h int) []byte {
	var buf bytes.Buffer
	jpeg.Encode(&buf, Picture(w, h), &jpeg.Options{Quality: 90})
	return buf.Bytes()
}

// PNG encodes Picture(w, h).
func PNG(w, h int) []byte {
	var buf bytes.Buffer
	png.Encode(&buf, Picture(w, h))
	return buf.Bytes()
}

// GIF is a two-frame animation of w×h with a comment extension holding
// Secret and bytes appended after the trailer.
func GIF(w, h int) []byte {
	pal := color.Palette{color.RGBA{0, 0, 0, 255}, color.RGBA{200, 30, 30, 255}, color.RGBA{30, 30, 200, 255}}
	g := &gif.GIF{LoopCount: 0}
	for i := 0; i < 2; i++ {
		f := image.NewPaletted(image.Rect(0, 0, w, h), pal)
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				f.SetColorIndex(x, y, uint8(1+(x/4+y/4+i)%2))
			}
		}
		g.Image = append(g.Image, f)
		g.Delay = append(g.Delay, 50)
	}
	var buf bytes.Buffer
	gif.EncodeAll(&buf, g)
	b := buf.Bytes()
	// A comment extension (0x21 0xFE) before the trailer, and a payload after it.
	comment := append([]byte{0x21, 0xFE, byte(len(Secret))}, Secret...)
	comment = append(comment, 0)
	out := append(append(append([]byte{}, b[:len(b)-1]...), comment...), 0x3B)
	return append(out, []byte("<script>alert(1)</script>")...)
}

// JPEGWithEXIF is JPEG(w, h) with an APP1 Exif segment right after SOI
// holding an Orientation tag, Make and ImageDescription set to Secret, and
// a GPS IFD (latitude and longitude of Hà Nội).
func JPEGWithEXIF(w, h, orientation int) []byte {
	plain := JPEG(w, h)
	app1 := exifSegment(orientation)
	out := append([]byte{}, plain[:2]...)
	out = append(out, app1...)
	return append(out, plain[2:]...)
}

func exifSegment(orientation int) []byte {
	be := binary.BigEndian
	var t bytes.Buffer
	put16 := func(v uint16) { binary.Write(&t, be, v) }
	put32 := func(v uint32) { binary.Write(&t, be, v) }
	secret := append([]byte(Secret), 0)
	// TIFF header, IFD0 at 8.
	t.WriteString("MM")
	put16(42)
	put32(8)
	// IFD0: 4 entries → 2 + 4*12 + 4 = 54 bytes, data after at 8+54 = 62.
	const ifd0Entries = 4
	dataOff := uint32(8 + 2 + ifd0Entries*12 + 4)
	descOff := dataOff
	makeOff := descOff + uint32(len(secret))
	gpsOff := makeOff + uint32(len(secret))
	put16(ifd0Entries)
	// ImageDescription (0x010E) ASCII
	put16(0x010E)
	put16(2)
	put32(uint32(len(secret)))
	put32(descOff)
	// Make (0x010F) ASCII
	put16(0x010F)
	put16(2)
	put32(uint32(len(secret)))
	put32(makeOff)
	// Orientation (0x0112) SHORT, value left-justified
	put16(0x0112)
	put16(3)
	put32(1)
	put16(uint16(orientation))
	put16(0)
	// GPSInfo (0x8825) LONG offset
	put16(0x8825)
	put16(4)
	put32(1)
	put32(gpsOff)
	put32(0) // no next IFD
	t.Write(secret)
	t.Write(secret)
	// GPS IFD: LatitudeRef, Latitude, LongitudeRef, Longitude.
	const gpsEntries = 4
	ratOff := gpsOff + 2 + gpsEntries*12 + 4
	put16(gpsEntries)
	put16(1) // GPSLatitudeRef
	put16(2)
	put32(2)
	t.Write([]byte{'N', 0, 0, 0})
	put16(2) // GPSLatitude, 3 RATIONAL
	put16(5)
	put32(3)
	put32(ratOff)
	put16(3) // GPSLongitudeRef
	put16(2)
	put32(2)
	t.Write([]byte{'E', 0, 0, 0})
	put16(4) // GPSLongitude
	put16(5)
	put32(3)
	put32(ratOff + 24)
	put32(0)
	for _, v := range []uint32{21, 1, 1, 1, 30, 1, 105, 1, 51, 1, 0, 1} { // 21°1'30"N 105°51'0"E
		put32(v)
	}
	payload := append([]byte("Exif\x00\x00"), t.Bytes()...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	be.PutUint16(seg[2:], uint16(len(payload)+2))
	return append(seg, payload...)
}

// WebP is a w×h lossless WebP of one colour (a VP8L stream whose five
// prefix codes each have a single symbol, so every pixel takes zero bits).
// With c.A < 255 the alpha flag is set.
func WebP(w, h int, c color.NRGBA) []byte {
	var bw bitWriter
	bw.put(0x2f, 8)
	bw.put(uint32(w-1), 14)
	bw.put(uint32(h-1), 14)
	alpha := uint32(0)
	if c.A != 255 {
		alpha = 1
	}
	bw.put(alpha, 1)
	bw.put(0, 3) // version
	bw.put(0, 1) // no transform
	bw.put(0, 1) // no colour cache
	bw.put(0, 1) // no meta prefix codes
	for _, sym := range []uint8{c.G, c.R, c.B, c.A} {
		bw.put(1, 1) // simple code
		bw.put(0, 1) // one symbol
		bw.put(1, 1) // 8-bit symbol
		bw.put(uint32(sym), 8)
	}
	bw.put(1, 1) // distance: simple code, one 1-bit symbol 0
	bw.put(0, 1)
	bw.put(0, 1)
	bw.put(0, 1)
	data := bw.bytes()
	chunk := append([]byte("VP8L"), le32(uint32(len(data)))...)
	chunk = append(chunk, data...)
	if len(data)%2 == 1 {
		chunk = append(chunk, 0)
	}
	out := append([]byte("RIFF"), le32(uint32(4+len(chunk)))...)
	out = append(out, "WEBP"...)
	return append(out, chunk...)
}

type bitWriter struct {
	buf   []byte
	acc   uint64
	nbits uint
}

func (b *bitWriter) put(v uint32, n uint) {
	b.acc |= uint64(v) << b.nbits
	b.nbits += n
	for b.nbits >= 8 {
		b.buf = append(b.buf, byte(b.acc))
		b.acc >>= 8
		b.nbits -= 8
	}
}

func (b *bitWriter) bytes() []byte {
	if b.nbits > 0 {
		return append(b.buf, byte(b.acc))
	}
	return b.buf
}

func le32(v uint32) []byte {
	b := make([]byte, 4)
	binary.LittleEndian.PutUint32(b, v)
	return b
}

// PDF is a minimal one-page PDF.
func PDF() []byte {
	return []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
		"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
}

// Zip builds a ZIP with the given entries, in order.
func Zip(entries ...[2]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		method := zip.Deflate
		if e[0] == "mimetype" {
			method = zip.Store
		}
		f, _ := zw.CreateHeader(&zip.FileHeader{Name: e[0], Method: method})
		f.Write([]byte(e[1]))
	}
	zw.Close()
	return buf.Bytes()
}

func contentTypes(part, ct string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/` + part + `" ContentType="` + ct + `"/></Types>`
}

// DOCX is a minimal Word document.
func DOCX() []byte {
	return Zip([2]string{"[Content_Types].xml", contentTypes("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")},
		[2]string{"word/document.xml", `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Quyết định</w:t></w:r></w:p></w:body></w:document>`})
}

// DOCM is a Word document with macros.
func DOCM() []byte {
	return Zip([2]string{"[Content_Types].xml", contentTypes("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml")},
		[2]string{"word/document.xml", `<w:document/>`}, [2]string{"word/vbaProject.bin", "VBA"})
}

// XLSX is a minimal Excel workbook.
func XLSX() []byte {
	return Zip([2]string{"[Content_Types].xml", contentTypes("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")},
		[2]string{"xl/workbook.xml", `<workbook/>`})
}

// ODT is a minimal OpenDocument text.
func ODT() []byte {
	return Zip([2]string{"mimetype", "application/vnd.oasis.opendocument.text"}, [2]string{"content.xml", `<office:document-content/>`})
}

// OLE is a compound file (the container of .doc and .xls) whose directory
// holds a root entry and one empty stream per name.
func OLE(names ...string) []byte {
	le := binary.LittleEndian
	const sec = 512
	b := make([]byte, sec*3) // header, FAT sector 0, directory sector 1
	copy(b, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	le.PutUint16(b[0x18:], 0x3E)
	le.PutUint16(b[0x1A:], 3)
	le.PutUint16(b[0x1C:], 0xFFFE)
	le.PutUint16(b[0x1E:], 9)
	le.PutUint16(b[0x20:], 6)
	le.PutUint32(b[0x2C:], 1)          // FAT sectors
	le.PutUint32(b[0x30:], 1)          // first directory sector
	le.PutUint32(b[0x38:], 4096)       // mini stream cutoff
	le.PutUint32(b[0x3C:], 0xFFFFFFFE) // no mini FAT
	le.PutUint32(b[0x44:], 0xFFFFFFFE) // no DIFAT sectors
	le.PutUint32(b[0x4C:], 0)          // FAT in sector 0
	for i := 1; i < 109; i++ {
		le.PutUint32(b[0x4C+4*i:], 0xFFFFFFFF)
	}
	fat := b[sec : 2*sec]
	for i := 0; i < sec/4; i++ {
		le.PutUint32(fat[4*i:], 0xFFFFFFFF)
	}
	le.PutUint32(fat[0:], 0xFFFFFFFD) // FAT sector
	le.PutUint32(fat[4:], 0xFFFFFFFE) // directory: one sector
	dir := b[2*sec:]
	entry := func(i int, name string, typ byte) {
		e := dir[128*i : 128*(i+1)]
		u := utf16.Encode([]rune(name))
		for k, c := range u {
			le.PutUint16(e[2*k:], c)
		}
		le.PutUint16(e[0x40:], uint16(2*(len(u)+1)))
		e[0x42] = typ
		le.PutUint32(e[0x44:], 0xFFFFFFFF)
		le.PutUint32(e[0x48:], 0xFFFFFFFF)
		le.PutUint32(e[0x4C:], 0xFFFFFFFF)
		le.PutUint32(e[0x74:], 0xFFFFFFFE)
	}
	entry(0, "Root Entry", 5)
	for i, n := range names {
		if i+1 >= 4 {
			break
		}
		entry(i+1, n, 2)
	}
	return b
}
