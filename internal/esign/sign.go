// Package esign signs PDFs as PAdES (ETSI.CAdES.detached) with a visible
// stamp, loads the unit's certificate (PKCS#12 or PEM) and makes the
// public codes of issued signed files. It knows nothing of HTTP or SQL.
package esign

import (
	"bytes"
	"compress/zlib"
	"crypto"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"strings"
	"time"
	"unicode/utf16"
)

// Signer is a certificate and its key.
type Signer struct {
	Cert  *x509.Certificate
	Chain []*x509.Certificate // issuers, leaf excluded; may be empty
	Key   crypto.Signer
}

// Subject is the signer's name as a stamp and the check page show it: the
// certificate's common name, or its whole subject when it has none.
func (s *Signer) Subject() string {
	if s.Cert.Subject.CommonName != "" {
		return s.Cert.Subject.CommonName
	}
	return s.Cert.Subject.String()
}

// Request is one signature.
type Request struct {
	Signer   *Signer
	Time     time.Time
	Reason   string      // e.g. "Kết quả giải quyết hồ sơ 000.00.01.H01-261207-0001"
	Location string      // the unit
	Stamp    *image.RGBA // the visible stamp; nil: an invisible signature
	// StampWidth is the stamp's width on the page in points (its height
	// follows the image); 0: 240.
	StampWidth float64
}

// ErrExpired is returned when the certificate is not valid at the
// signing time: such a signature would never verify.
var ErrExpired = errors.New("chứng thư số đã hết hạn hoặc chưa đến ngày hiệu lực")

// Sign appends a signature to pdf as an incremental update: the original
// bytes are kept as they are, so whatever the file said before it still
// says, and the signature covers all of it. The stamp goes at the foot of
// the last page, where a paper's signatures are.
func Sign(pdf []byte, rq Request) ([]byte, error) {
	s := rq.Signer
	if s == nil || s.Cert == nil || s.Key == nil {
		return nil, errors.New("esign: chưa có chứng thư số để ký")
	}
	if rq.Time.IsZero() {
		rq.Time = time.Now()
	}
	if rq.Time.Before(s.Cert.NotBefore) || rq.Time.After(s.Cert.NotAfter) {
		return nil, ErrExpired
	}
	reserve := 8192
	for _, c := range append([]*x509.Certificate{s.Cert}, s.Chain...) {
		reserve += len(c.Raw)
	}
	out, contentsStart, contentsEnd, err := build(pdf, rq, s.Subject(), reserve)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	h.Write(out[:contentsStart])
	h.Write(out[contentsEnd:])
	cms, err := signCMS(h.Sum(nil), s.Cert, s.Chain, s.Key)
	if err != nil {
		return nil, err
	}
	if len(cms) > reserve {
		return nil, errors.New("esign: chữ ký lớn hơn chỗ dành sẵn")
	}
	hex.Encode(out[contentsStart+1:], cms)
	return out, nil
}

// build appends the update with room for reserve bytes of CMS in
// /Contents and fills in /ByteRange; contentsStart and contentsEnd are
// where /Contents' hex string starts ('<') and ends (after '>'):
// everything outside them is what the signature covers.
func build(pdf []byte, rq Request, signer string, reserve int) (out []byte, contentsStart, contentsEnd int, err error) {
	d, err := parse(pdf)
	if err != nil {
		return nil, 0, 0, err
	}
	if _, enc := d.trailer["Encrypt"]; enc {
		return nil, 0, 0, bad("tệp PDF đã được mã hoá; hãy xuất lại bản không đặt mật khẩu")
	}
	pages, err := d.pages()
	if err != nil {
		return nil, 0, 0, err
	}
	pageRef := pages[len(pages)-1]
	pv, err := d.resolve(pageRef)
	if err != nil {
		return nil, 0, 0, err
	}
	page, ok := pv.(pdfDict)
	if !ok {
		return nil, 0, 0, bad("trang không phải từ điển")
	}
	rootRef := d.trailer["Root"].(pdfRef)
	rv, err := d.resolve(rootRef)
	if err != nil {
		return nil, 0, 0, err
	}
	root, ok := rv.(pdfDict)
	if !ok {
		return nil, 0, 0, bad("catalog không phải từ điển")
	}
	size, _ := intOf(d.trailer["Size"])
	for n := range d.xref {
		size = max(size, int64(n)+1)
	}
	next := int(size)
	alloc := func() pdfRef { next++; return pdfRef{next - 1, 0} }
	sigRef, widgetRef := alloc(), alloc()

	u := &update{out: bytes.NewBuffer(append(make([]byte, 0, len(pdf)+64<<10), pdf...))}
	if !bytes.HasSuffix(pdf, []byte("\n")) {
		u.out.WriteByte('\n')
	}

	rect := pdfArray{pdfNum("0"), pdfNum("0"), pdfNum("0"), pdfNum("0")}
	widget := pdfDict{"Type": pdfName("Annot"), "Subtype": pdfName("Widget"), "FT": pdfName("Sig"),
		"T": textString(fmt.Sprintf("Chữ ký số %d", sigRef.Num)), "V": sigRef, "P": pageRef, "F": pdfNum("132")}
	if rq.Stamp != nil {
		imgRef, apRef := alloc(), alloc()
		b := rq.Stamp.Bounds()
		w := rq.StampWidth
		if w <= 0 {
			w = 240
		}
		h := w * float64(b.Dy()) / float64(b.Dx())
		box := d.mediaBox(page)
		x1 := box[2] - 36 - w
		y1 := box[1] + 36
		if x1 < box[0] {
			x1 = box[0]
		}
		rect = pdfArray{num(x1), num(y1), num(x1 + w), num(y1 + h)}
		u.stream(imgRef, pdfDict{"Type": pdfName("XObject"), "Subtype": pdfName("Image"),
			"Width": num(float64(b.Dx())), "Height": num(float64(b.Dy())), "ColorSpace": pdfName("DeviceRGB"),
			"BitsPerComponent": pdfNum("8"), "Filter": pdfName("FlateDecode")}, deflate(rgb(rq.Stamp)))
		u.stream(apRef, pdfDict{"Type": pdfName("XObject"), "Subtype": pdfName("Form"),
			"BBox":      pdfArray{pdfNum("0"), pdfNum("0"), num(w), num(h)},
			"Resources": pdfDict{"XObject": pdfDict{"Im0": imgRef}}},
			[]byte(fmt.Sprintf("q %s 0 0 %s 0 0 cm /Im0 Do Q", num(w), num(h))))
		widget["AP"] = pdfDict{"N": apRef}
	}
	widget["Rect"] = rect

	// The page lists the widget among its annotations.
	page = clone(page)
	switch a := page["Annots"].(type) {
	case pdfRef:
		av, err := d.resolve(a)
		if err != nil {
			return nil, 0, 0, err
		}
		arr, _ := av.(pdfArray)
		u.object(a, append(append(pdfArray(nil), arr...), widgetRef))
	case pdfArray:
		page["Annots"] = append(append(pdfArray(nil), a...), widgetRef)
	default:
		page["Annots"] = pdfArray{widgetRef}
	}
	u.object(pageRef, page)

	// The catalog's form lists the field; SigFlags 3: signatures exist,
	// and the file must only be appended to.
	root = clone(root)
	form := pdfDict{}
	var formRef *pdfRef
	switch f := root["AcroForm"].(type) {
	case pdfRef:
		fv, err := d.resolve(f)
		if err != nil {
			return nil, 0, 0, err
		}
		fd, _ := fv.(pdfDict)
		form = clone(fd)
		formRef = &f
	case pdfDict:
		form = clone(f)
	}
	fields, err := d.resolve(form["Fields"])
	if err != nil {
		return nil, 0, 0, err
	}
	fa, _ := fields.(pdfArray)
	form["Fields"] = append(append(pdfArray(nil), fa...), widgetRef)
	form["SigFlags"] = pdfNum("3")
	if formRef != nil {
		u.object(*formRef, form)
	} else {
		root["AcroForm"] = form
		u.object(rootRef, root)
	}
	u.object(widgetRef, widget)

	// The signature dictionary, written by hand: /Contents and /ByteRange
	// are filled in after the rest of the file is fixed.
	var sd bytes.Buffer
	sd.WriteString("<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /M ")
	write(&sd, pdfString(pdfDate(rq.Time)))
	sd.WriteString(" /Name ")
	write(&sd, textString(signer))
	if rq.Reason != "" {
		sd.WriteString(" /Reason ")
		write(&sd, textString(rq.Reason))
	}
	if rq.Location != "" {
		sd.WriteString(" /Location ")
		write(&sd, textString(rq.Location))
	}
	const brHolder = "/ByteRange [0 0000000000 0000000000 0000000000]"
	sd.WriteString(" " + brHolder + " /Contents <")
	u.start(sigRef)
	brAt := u.out.Len() + bytes.Index(sd.Bytes(), []byte(brHolder))
	u.out.Write(sd.Bytes())
	contentsStart = u.out.Len() - 1 // at '<'
	u.out.Write(bytes.Repeat([]byte("0"), 2*reserve))
	u.out.WriteString(">>>")
	contentsEnd = u.out.Len() - 2 // after '>'
	u.out.WriteString("\nendobj\n")

	u.finish(d, size, next, rootRef)
	out = u.out.Bytes()
	br := fmt.Sprintf("/ByteRange [0 %d %d %d]", contentsStart, contentsEnd, len(out)-contentsEnd)
	if len(br) > len(brHolder) {
		return nil, 0, 0, errors.New("esign: tệp quá lớn để ký")
	}
	copy(out[brAt:], br+strings.Repeat(" ", len(brHolder)-len(br)))
	return out, contentsStart, contentsEnd, nil
}

// update collects the appended objects and their offsets.
type update struct {
	out  *bytes.Buffer
	offs map[int]int
}

func (u *update) start(r pdfRef) {
	if u.offs == nil {
		u.offs = map[int]int{}
	}
	u.offs[r.Num] = u.out.Len()
	fmt.Fprintf(u.out, "%d %d obj\n", r.Num, r.Gen)
}

func (u *update) object(r pdfRef, v any) {
	u.start(r)
	write(u.out, v)
	u.out.WriteString("\nendobj\n")
}

func (u *update) stream(r pdfRef, dict pdfDict, data []byte) {
	dict = clone(dict)
	dict["Length"] = num(float64(len(data)))
	u.start(r)
	write(u.out, dict)
	u.out.WriteString("\nstream\n")
	u.out.Write(data)
	u.out.WriteString("\nendstream\nendobj\n")
}

// finish writes a cross-reference table for the appended objects and a
// trailer pointing back at the previous section. A table after an xref
// stream is read by every current reader (poppler, pdf.js, Acrobat).
func (u *update) finish(d *document, oldSize int64, next int, root pdfRef) {
	xrefAt := u.out.Len()
	u.out.WriteString("xref\n")
	nums := make([]int, 0, len(u.offs))
	for n := range u.offs {
		nums = append(nums, n)
	}
	sortInts(nums)
	for i := 0; i < len(nums); {
		j := i
		for j+1 < len(nums) && nums[j+1] == nums[j]+1 {
			j++
		}
		fmt.Fprintf(u.out, "%d %d\n", nums[i], j-i+1)
		for k := i; k <= j; k++ {
			gen := 0
			if e, ok := d.xref[nums[k]]; ok && e.typ == 1 {
				gen = e.gen
			}
			fmt.Fprintf(u.out, "%010d %05d n\r\n", u.offs[nums[k]], gen)
		}
		i = j + 1
	}
	tr := pdfDict{"Size": num(float64(max(int64(next), oldSize))), "Root": root, "Prev": num(float64(d.startx))}
	for _, k := range []pdfName{"Info", "ID"} {
		if v, ok := d.trailer[k]; ok {
			tr[k] = v
		}
	}
	u.out.WriteString("trailer\n")
	write(u.out, tr)
	fmt.Fprintf(u.out, "\nstartxref\n%d\n%%%%EOF\n", xrefAt)
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func clone(d pdfDict) pdfDict {
	out := make(pdfDict, len(d)+2)
	for k, v := range d {
		out[k] = v
	}
	return out
}

func num(f float64) pdfNum {
	s := fmt.Sprintf("%.2f", f)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "" || s == "-" {
		s = "0"
	}
	return pdfNum(s)
}

// textString is a PDF text string: UTF-16BE with its byte order mark, so
// Vietnamese letters survive in any reader.
func textString(s string) pdfString {
	out := []byte{0xfe, 0xff}
	for _, r := range utf16.Encode([]rune(s)) {
		out = append(out, byte(r>>8), byte(r))
	}
	return pdfString(out)
}

func pdfDate(t time.Time) []byte {
	_, off := t.Zone()
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	return []byte(fmt.Sprintf("D:%s%c%02d'%02d'", t.Format("20060102150405"), sign, off/3600, off%3600/60))
}

func rgb(img *image.RGBA) []byte {
	b := img.Bounds()
	out := make([]byte, 0, b.Dx()*b.Dy()*3)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := img.Pix[img.PixOffset(b.Min.X, y):]
		for x := 0; x < b.Dx(); x++ {
			out = append(out, row[4*x], row[4*x+1], row[4*x+2])
		}
	}
	return out
}

func deflate(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&buf, zlib.BestSpeed)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}
