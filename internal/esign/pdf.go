package esign

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
)

// A reader of just enough PDF to append a signature as an incremental
// update: the cross-reference (tables and streams, PDF 1.5 object
// streams), the trailer, the catalog and the page tree. Everything else
// in the file is copied byte for byte and never interpreted, so a PDF
// that reads elsewhere keeps reading the same after signing.

// Values of the PDF object model. Numbers keep their text so that what is
// copied is written back exactly.
type (
	pdfName    string
	pdfString  []byte
	pdfNum     string
	pdfKeyword string // true, false, null
	pdfArray   []any
	pdfDict    map[pdfName]any
	pdfRef     struct{ Num, Gen int }
	pdfStream  struct {
		Dict pdfDict
		Data []byte // raw, still encoded
	}
)

// ErrNotPDF is returned for input that is not a PDF this package can
// update.
var ErrNotPDF = errors.New("tệp không phải PDF hợp lệ")

func bad(format string, a ...any) error {
	return fmt.Errorf("%w: %s", ErrNotPDF, fmt.Sprintf(format, a...))
}

const (
	maxDepth   = 64       // nesting of arrays and dictionaries
	maxDecoded = 16 << 20 // a decoded xref or object stream
	maxObjects = 1 << 18  // object numbers: 262,144, far above real documents
)

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// lexer reads tokens from b starting at pos.
type lexer struct {
	b   []byte
	pos int
}

func (l *lexer) skip() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isSpace(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

// word reads a run of regular characters (a number or keyword).
func (l *lexer) word() string {
	l.skip()
	start := l.pos
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	return string(l.b[start:l.pos])
}

func isInt(s string) bool {
	if s == "" || len(s) > 18 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			if i == 0 && (s[i] == '+' || s[i] == '-') && len(s) > 1 {
				continue
			}
			return false
		}
	}
	return true
}

func isNumber(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' || (i == 0 && (c == '+' || c == '-')):
		default:
			return false
		}
	}
	return digits > 0
}

// value reads one object; a pair of integers followed by R is a reference.
func (l *lexer) value(depth int) (any, error) {
	if depth > maxDepth {
		return nil, bad("lồng quá sâu")
	}
	l.skip()
	if l.pos >= len(l.b) {
		return nil, bad("hết dữ liệu giữa chừng")
	}
	switch c := l.b[l.pos]; {
	case c == '/':
		l.pos++
		start := l.pos
		for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
			l.pos++
		}
		return pdfName(decodeName(l.b[start:l.pos])), nil
	case c == '(':
		return l.literal()
	case c == '<' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '<':
		l.pos += 2
		d := pdfDict{}
		for {
			l.skip()
			if l.pos+1 < len(l.b) && l.b[l.pos] == '>' && l.b[l.pos+1] == '>' {
				l.pos += 2
				return d, nil
			}
			k, err := l.value(depth + 1)
			if err != nil {
				return nil, err
			}
			name, ok := k.(pdfName)
			if !ok {
				return nil, bad("khoá của từ điển không phải tên")
			}
			v, err := l.value(depth + 1)
			if err != nil {
				return nil, err
			}
			d[name] = v
		}
	case c == '<':
		l.pos++
		var hex []byte
		for l.pos < len(l.b) && l.b[l.pos] != '>' {
			if !isSpace(l.b[l.pos]) {
				hex = append(hex, l.b[l.pos])
			}
			l.pos++
		}
		if l.pos >= len(l.b) {
			return nil, bad("chuỗi hex không đóng")
		}
		l.pos++
		if len(hex)%2 == 1 {
			hex = append(hex, '0')
		}
		out := make([]byte, len(hex)/2)
		for i := range out {
			v, err := strconv.ParseUint(string(hex[2*i:2*i+2]), 16, 8)
			if err != nil {
				return nil, bad("chuỗi hex sai")
			}
			out[i] = byte(v)
		}
		return pdfString(out), nil
	case c == '[':
		l.pos++
		var a pdfArray
		for {
			l.skip()
			if l.pos < len(l.b) && l.b[l.pos] == ']' {
				l.pos++
				return a, nil
			}
			v, err := l.value(depth + 1)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
	case isDelim(c):
		return nil, bad("ký tự không mong đợi %q", c)
	}
	w := l.word()
	switch {
	case w == "true" || w == "false" || w == "null":
		return pdfKeyword(w), nil
	case isInt(w) && w[0] != '+' && w[0] != '-':
		// Maybe "num gen R".
		save := l.pos
		g := l.word()
		if isInt(g) && g[0] != '+' && g[0] != '-' {
			if r := l.word(); r == "R" {
				n, err1 := strconv.Atoi(w)
				gen, err2 := strconv.Atoi(g)
				if err1 != nil || err2 != nil || n > maxObjects || gen > 65535 {
					return nil, bad("tham chiếu sai")
				}
				return pdfRef{n, gen}, nil
			}
		}
		l.pos = save
		return pdfNum(w), nil
	case isNumber(w):
		return pdfNum(w), nil
	}
	return nil, bad("từ khoá không mong đợi %q", w)
}

func (l *lexer) literal() (any, error) {
	l.pos++ // (
	var out []byte
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return pdfString(out), nil
			}
		case '\\':
			if l.pos >= len(l.b) {
				return nil, bad("chuỗi không đóng")
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for i := 0; i < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; i++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return nil, bad("chuỗi không đóng")
}

func decodeName(b []byte) string {
	if bytes.IndexByte(b, '#') < 0 {
		return string(b)
	}
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) {
			if v, err := strconv.ParseUint(string(b[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, b[i])
	}
	return string(out)
}

// xrefEntry says where an object is: at an offset (typ 1) or inside an
// object stream (typ 2).
type xrefEntry struct {
	typ      int
	off      int64 // typ 1
	stm, idx int   // typ 2
	gen      int
}

// document is a parsed PDF: its bytes, its cross-reference and trailer.
type document struct {
	b        []byte
	xref     map[int]xrefEntry
	trailer  pdfDict
	startx   int64 // offset of the newest cross-reference section
	objStms  map[int][]any
	resolves int
}

func intOf(v any) (int64, bool) {
	n, ok := v.(pdfNum)
	if !ok || !isInt(string(n)) {
		return 0, false
	}
	i, err := strconv.ParseInt(string(n), 10, 64)
	return i, err == nil
}

// parse reads the cross-reference sections, newest first: an entry read
// earlier wins, as in the update chain.
func parse(b []byte) (*document, error) {
	if !bytes.HasPrefix(bytes.TrimLeft(b[:min(len(b), 1024)], "\x00\t\r\n "), []byte("%PDF-")) {
		return nil, bad("thiếu phần đầu %%PDF-")
	}
	tail := b[max(0, len(b)-2048):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return nil, bad("thiếu startxref")
	}
	l := &lexer{b: tail, pos: i + len("startxref")}
	start, err := strconv.ParseInt(l.word(), 10, 64)
	if err != nil || start < 0 || start >= int64(len(b)) {
		return nil, bad("startxref sai")
	}
	d := &document{b: b, xref: map[int]xrefEntry{}, startx: start, objStms: map[int][]any{}}
	seen := map[int64]bool{}
	next := []int64{start}
	for len(next) > 0 {
		off := next[0]
		next = next[1:]
		if seen[off] || len(seen) > 1000 {
			continue
		}
		seen[off] = true
		tr, err := d.readSection(off)
		if err != nil {
			return nil, err
		}
		if d.trailer == nil {
			d.trailer = tr
		}
		// A hybrid file's table points at a stream holding the newer
		// entries of the same section.
		if x, ok := intOf(tr["XRefStm"]); ok && x > 0 && x < int64(len(b)) {
			next = append([]int64{x}, next...)
		}
		if p, ok := intOf(tr["Prev"]); ok && p >= 0 && p < int64(len(b)) {
			next = append(next, p)
		}
	}
	if _, ok := d.trailer["Root"].(pdfRef); !ok {
		return nil, bad("trailer không có /Root")
	}
	return d, nil
}

func (d *document) readSection(off int64) (pdfDict, error) {
	l := &lexer{b: d.b, pos: int(off)}
	save := l.pos
	if l.word() == "xref" {
		for {
			save = l.pos
			w := l.word()
			if w == "trailer" {
				v, err := l.value(0)
				if err != nil {
					return nil, err
				}
				tr, ok := v.(pdfDict)
				if !ok {
					return nil, bad("trailer không phải từ điển")
				}
				return tr, nil
			}
			first, err1 := strconv.Atoi(w)
			count, err2 := strconv.Atoi(l.word())
			if err1 != nil || err2 != nil || first < 0 || count < 0 || first+count > maxObjects {
				return nil, bad("bảng xref sai")
			}
			for n := first; n < first+count; n++ {
				o, g, t := l.word(), l.word(), l.word()
				ov, err1 := strconv.ParseInt(o, 10, 64)
				gv, err2 := strconv.Atoi(g)
				if err1 != nil || err2 != nil || (t != "n" && t != "f") {
					return nil, bad("dòng xref sai")
				}
				if _, done := d.xref[n]; done {
					continue
				}
				// Free entries are not kept: an older version of a deleted
				// object may then resolve, which signing never minds, and
				// a file of free entries costs no memory.
				if t == "n" {
					d.xref[n] = xrefEntry{typ: 1, off: ov, gen: gv}
				}
			}
			if l.pos == save {
				return nil, bad("bảng xref sai")
			}
		}
	}
	l.pos = save
	_, v, err := d.objectAt(int64(save))
	if err != nil {
		return nil, err
	}
	st, ok := v.(pdfStream)
	if !ok || st.Dict["Type"] != pdfName("XRef") {
		return nil, bad("không tìm thấy bảng xref")
	}
	return st.Dict, d.readXRefStream(st)
}

func (d *document) readXRefStream(st pdfStream) error {
	data, err := decodeStream(st)
	if err != nil {
		return err
	}
	w, ok := st.Dict["W"].(pdfArray)
	if !ok || len(w) != 3 {
		return bad("xref stream thiếu /W")
	}
	var ws [3]int
	row := 0
	for i := range ws {
		n, ok := intOf(w[i])
		if !ok || n < 0 || n > 8 {
			return bad("xref stream /W sai")
		}
		ws[i] = int(n)
		row += int(n)
	}
	if row == 0 {
		return bad("xref stream /W sai")
	}
	size, _ := intOf(st.Dict["Size"])
	index := []int64{0, size}
	if ix, ok := st.Dict["Index"].(pdfArray); ok {
		index = index[:0]
		for _, v := range ix {
			n, ok := intOf(v)
			if !ok || n < 0 || n > maxObjects {
				return bad("xref stream /Index sai")
			}
			index = append(index, n)
		}
	}
	field := func(b []byte) int64 {
		var v int64
		for _, c := range b {
			v = v<<8 | int64(c)
		}
		return v
	}
	p := 0
	for i := 0; i+1 < len(index); i += 2 {
		if index[i]+index[i+1] > maxObjects {
			return bad("xref stream /Index sai")
		}
		for n := int(index[i]); n < int(index[i]+index[i+1]); n++ {
			if p+row > len(data) {
				return bad("xref stream ngắn")
			}
			f := data[p : p+row]
			p += row
			typ := int64(1)
			if ws[0] > 0 {
				typ = field(f[:ws[0]])
			}
			a, b := field(f[ws[0]:ws[0]+ws[1]]), field(f[ws[0]+ws[1]:])
			if _, done := d.xref[n]; done {
				continue
			}
			switch typ {
			case 1:
				d.xref[n] = xrefEntry{typ: 1, off: a, gen: int(b)}
			case 2:
				if a > maxObjects || b > maxObjects {
					return bad("xref stream sai")
				}
				d.xref[n] = xrefEntry{typ: 2, stm: int(a), idx: int(b)}
			}
		}
	}
	return nil
}

// objectAt reads "num gen obj value [stream … endstream]" at off.
func (d *document) objectAt(off int64) (pdfRef, any, error) {
	if off < 0 || off >= int64(len(d.b)) {
		return pdfRef{}, nil, bad("vị trí đối tượng sai")
	}
	l := &lexer{b: d.b, pos: int(off)}
	n, err1 := strconv.Atoi(l.word())
	g, err2 := strconv.Atoi(l.word())
	if err1 != nil || err2 != nil || l.word() != "obj" {
		return pdfRef{}, nil, bad("không đọc được đối tượng tại %d", off)
	}
	v, err := l.value(0)
	if err != nil {
		return pdfRef{}, nil, err
	}
	dict, isDict := v.(pdfDict)
	save := l.pos
	if isDict && l.word() == "stream" {
		// The data starts after CRLF or LF.
		if l.pos < len(d.b) && d.b[l.pos] == '\r' {
			l.pos++
		}
		if l.pos < len(d.b) && d.b[l.pos] == '\n' {
			l.pos++
		}
		start := l.pos
		length := int64(-1)
		switch lv := dict["Length"].(type) {
		case pdfNum:
			length, _ = intOf(lv)
		case pdfRef:
			if d.resolves < 4 {
				d.resolves++
				if r, err := d.resolve(lv); err == nil {
					length, _ = intOf(r)
				}
				d.resolves--
			}
		}
		if length < 0 || int64(start)+length > int64(len(d.b)) ||
			!bytes.Contains(d.b[start+int(length):min(len(d.b), start+int(length)+32)], []byte("endstream")) {
			// A wrong /Length is common; the keyword decides.
			e := bytes.Index(d.b[start:], []byte("endstream"))
			if e < 0 {
				return pdfRef{}, nil, bad("stream không đóng")
			}
			length = int64(e)
			for length > 0 && (d.b[start+int(length)-1] == '\n' || d.b[start+int(length)-1] == '\r') {
				length--
			}
		}
		return pdfRef{n, g}, pdfStream{Dict: dict, Data: d.b[start : start+int(length)]}, nil
	}
	l.pos = save
	return pdfRef{n, g}, v, nil
}

// resolve follows a reference (a non-reference is returned as is).
func (d *document) resolve(v any) (any, error) {
	r, ok := v.(pdfRef)
	if !ok {
		return v, nil
	}
	e, ok := d.xref[r.Num]
	switch {
	case !ok || e.typ == 0:
		return pdfKeyword("null"), nil
	case e.typ == 1:
		got, v, err := d.objectAt(e.off)
		if err != nil {
			return nil, err
		}
		if got.Num != r.Num {
			return nil, bad("xref trỏ sai đối tượng %d", r.Num)
		}
		return v, nil
	}
	objs, err := d.objStm(e.stm)
	if err != nil {
		return nil, err
	}
	if e.idx < 0 || e.idx >= len(objs) {
		return nil, bad("chỉ số trong object stream sai")
	}
	return objs[e.idx], nil
}

func (d *document) objStm(num int) ([]any, error) {
	if objs, ok := d.objStms[num]; ok {
		return objs, nil
	}
	e, ok := d.xref[num]
	if !ok || e.typ != 1 {
		return nil, bad("thiếu object stream %d", num)
	}
	_, v, err := d.objectAt(e.off)
	if err != nil {
		return nil, err
	}
	st, ok := v.(pdfStream)
	if !ok {
		return nil, bad("object stream %d sai", num)
	}
	data, err := decodeStream(st)
	if err != nil {
		return nil, err
	}
	n, ok1 := intOf(st.Dict["N"])
	first, ok2 := intOf(st.Dict["First"])
	if !ok1 || !ok2 || n < 0 || n > maxObjects || first < 0 || first > int64(len(data)) {
		return nil, bad("object stream %d sai", num)
	}
	l := &lexer{b: data}
	offs := make([]int, 0, min(n, 1<<16))
	for i := int64(0); i < n; i++ {
		l.word()
		o, err := strconv.Atoi(l.word())
		if err != nil || o < 0 || int64(o)+first > int64(len(data)) {
			return nil, bad("object stream %d sai", num)
		}
		offs = append(offs, o)
	}
	objs := make([]any, len(offs))
	for i, o := range offs {
		ol := &lexer{b: data, pos: int(first) + o}
		if objs[i], err = ol.value(0); err != nil {
			return nil, err
		}
	}
	d.objStms[num] = objs
	return objs, nil
}

// decodeStream undoes /FlateDecode and the PNG predictors that xref and
// object streams use; other filters are not needed here.
func decodeStream(st pdfStream) ([]byte, error) {
	data := st.Data
	filter := st.Dict["Filter"]
	if a, ok := filter.(pdfArray); ok && len(a) == 1 {
		filter = a[0]
	}
	switch filter {
	case nil:
		return data, nil
	case pdfName("FlateDecode"):
	default:
		return nil, bad("bộ lọc %v chưa được hỗ trợ", filter)
	}
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, bad("nén sai")
	}
	out, err := io.ReadAll(io.LimitReader(zr, maxDecoded+1))
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, bad("nén sai")
	}
	if len(out) > maxDecoded {
		return nil, bad("stream quá lớn")
	}
	parms, _ := st.Dict["DecodeParms"].(pdfDict)
	if a, ok := st.Dict["DecodeParms"].(pdfArray); ok && len(a) == 1 {
		parms, _ = a[0].(pdfDict)
	}
	pred, _ := intOf(parms["Predictor"])
	if pred < 10 {
		return out, nil
	}
	cols, ok := intOf(parms["Columns"])
	if !ok {
		cols = 1
	}
	if cols <= 0 || cols > 1<<16 {
		return nil, bad("predictor sai")
	}
	return unpredict(out, int(cols))
}

// unpredict reverses PNG row filters (bytes per pixel 1, as in xref
// streams).
func unpredict(in []byte, cols int) ([]byte, error) {
	row := cols + 1
	prev := make([]byte, cols)
	out := make([]byte, 0, len(in)/row*cols)
	for p := 0; p+row <= len(in); p += row {
		f, cur := in[p], append([]byte(nil), in[p+1:p+row]...)
		for i := range cur {
			var left, upleft byte
			if i > 0 {
				left, upleft = cur[i-1], prev[i-1]
			}
			up := prev[i]
			switch f {
			case 0:
			case 1:
				cur[i] += left
			case 2:
				cur[i] += up
			case 3:
				cur[i] += byte((int(left) + int(up)) / 2)
			case 4:
				cur[i] += paeth(left, up, upleft)
			default:
				return nil, bad("predictor sai")
			}
		}
		out = append(out, cur...)
		prev = cur
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// pages lists the page objects in order, walking /Kids.
func (d *document) pages() ([]pdfRef, error) {
	root, err := d.resolve(d.trailer["Root"])
	if err != nil {
		return nil, err
	}
	cat, ok := root.(pdfDict)
	if !ok {
		return nil, bad("catalog không phải từ điển")
	}
	var out []pdfRef
	seen := map[pdfRef]bool{}
	var walk func(v any, depth int) error
	walk = func(v any, depth int) error {
		r, ok := v.(pdfRef)
		if !ok || seen[r] || depth > maxDepth || len(seen) > 100000 {
			return bad("cây trang sai")
		}
		seen[r] = true
		o, err := d.resolve(r)
		if err != nil {
			return err
		}
		node, ok := o.(pdfDict)
		if !ok {
			return bad("cây trang sai")
		}
		if node["Type"] == pdfName("Page") {
			out = append(out, r)
			return nil
		}
		kids, err := d.resolve(node["Kids"])
		if err != nil {
			return err
		}
		ka, _ := kids.(pdfArray)
		for _, k := range ka {
			if err := walk(k, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(cat["Pages"], 0); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, bad("không có trang nào")
	}
	return out, nil
}

// mediaBox is a page's box, inherited from its parents when absent.
func (d *document) mediaBox(page pdfDict) [4]float64 {
	box := [4]float64{0, 0, 595, 842}
	node := page
	for i := 0; i < maxDepth && node != nil; i++ {
		if v, err := d.resolve(node["MediaBox"]); err == nil {
			if a, ok := v.(pdfArray); ok && len(a) == 4 {
				var r [4]float64
				good := true
				for j := range r {
					n, ok := a[j].(pdfNum)
					f, err := strconv.ParseFloat(string(n), 64)
					good = good && ok && err == nil
					r[j] = f
				}
				if good {
					return r
				}
			}
		}
		p, err := d.resolve(node["Parent"])
		if err != nil {
			break
		}
		node, _ = p.(pdfDict)
	}
	return box
}

// write serialises a value. Strings are written in hex so that no byte
// needs escaping.
func write(buf *bytes.Buffer, v any) {
	switch v := v.(type) {
	case pdfName:
		buf.WriteByte('/')
		for i := 0; i < len(v); i++ {
			c := v[i]
			if c <= ' ' || c >= 0x7f || isDelim(c) || c == '#' {
				fmt.Fprintf(buf, "#%02X", c)
			} else {
				buf.WriteByte(c)
			}
		}
	case pdfString:
		fmt.Fprintf(buf, "<%X>", []byte(v))
	case pdfNum:
		buf.WriteString(string(v))
	case pdfKeyword:
		buf.WriteString(string(v))
	case pdfRef:
		fmt.Fprintf(buf, "%d %d R", v.Num, v.Gen)
	case pdfArray:
		buf.WriteByte('[')
		for i, x := range v {
			if i > 0 {
				buf.WriteByte(' ')
			}
			write(buf, x)
		}
		buf.WriteByte(']')
	case pdfDict:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, string(k))
		}
		sort.Strings(keys)
		buf.WriteString("<<")
		for _, k := range keys {
			write(buf, pdfName(k))
			buf.WriteByte(' ')
			write(buf, v[pdfName(k)])
		}
		buf.WriteString(">>")
	case nil:
		buf.WriteString("null")
	default:
		panic(fmt.Sprintf("esign: cannot write %T", v))
	}
}
