package catalogue

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// Limits on what an import reads, so a hostile file costs little.
const (
	maxXMLEntry  = 64 << 20 // uncompressed bytes of one part
	MaxImportRow = 20000
	maxImportCol = 60
)

// ErrNotXLSX: the bytes are not an Excel 2007+ workbook.
var ErrNotXLSX = errors.New("tệp không phải bảng tính Excel (.xlsx)")

// ReadXLSX returns the cells of the workbook's first sheet as text, one
// slice per spreadsheet row: out[i] is row i+1 as Excel numbers it, so row
// errors can name the row the official sees. Shared strings, inline strings
// and rich text are read; formulas give their cached value. Only the
// standard library is used: the format is a zip of a few XML parts.
func ReadXLSX(data []byte) ([][]string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, ErrNotXLSX
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	sheet := firstSheetPath(files)
	if files[sheet] == nil {
		return nil, ErrNotXLSX
	}
	var shared []string
	if f := files["xl/sharedStrings.xml"]; f != nil {
		if shared, err = readSharedStrings(f); err != nil {
			return nil, err
		}
	}
	return readSheet(files[sheet], shared)
}

func openLimited(f *zip.File) (io.ReadCloser, error) {
	if f.UncompressedSize64 > maxXMLEntry {
		return nil, fmt.Errorf("phần %s của bảng tính quá lớn", f.Name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, ErrNotXLSX
	}
	return struct {
		io.Reader
		io.Closer
	}{io.LimitReader(rc, maxXMLEntry), rc}, nil
}

// firstSheetPath follows workbook.xml's first <sheet> through the
// relationships part; files written by other tools do not always call it
// sheet1.xml.
func firstSheetPath(files map[string]*zip.File) string {
	const fallback = "xl/worksheets/sheet1.xml"
	wb, rels := files["xl/workbook.xml"], files["xl/_rels/workbook.xml.rels"]
	if wb == nil || rels == nil {
		return fallback
	}
	var w struct {
		Sheets []struct {
			ID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var r struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if decodePart(wb, &w) != nil || decodePart(rels, &r) != nil || len(w.Sheets) == 0 {
		return fallback
	}
	for _, rel := range r.Rels {
		if rel.ID == w.Sheets[0].ID {
			t := rel.Target
			if strings.HasPrefix(t, "/") {
				return strings.TrimPrefix(t, "/")
			}
			return path.Clean("xl/" + t)
		}
	}
	return fallback
}

func decodePart(f *zip.File, v any) error {
	rc, err := openLimited(f)
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}

// richText is <si> or <is>: plain <t>, or runs <r><t>.
type richText struct {
	T    string `xml:"t"`
	Runs []struct {
		T string `xml:"t"`
	} `xml:"r"`
}

func (r richText) String() string {
	if len(r.Runs) == 0 {
		return r.T
	}
	var b strings.Builder
	b.WriteString(r.T)
	for _, x := range r.Runs {
		b.WriteString(x.T)
	}
	return b.String()
}

func readSharedStrings(f *zip.File) ([]string, error) {
	rc, err := openLimited(f)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	var out []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, ErrNotXLSX
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "si" {
			var si richText
			if err := d.DecodeElement(&si, &se); err != nil {
				return nil, ErrNotXLSX
			}
			out = append(out, si.String())
		}
	}
}

type xlsxCell struct {
	Ref string   `xml:"r,attr"`
	T   string   `xml:"t,attr"`
	V   string   `xml:"v"`
	IS  richText `xml:"is"`
}

func readSheet(f *zip.File, shared []string) ([][]string, error) {
	rc, err := openLimited(f)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	var out [][]string
	row := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, ErrNotXLSX
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "row":
			row++
			for _, a := range se.Attr {
				if a.Name.Local == "r" {
					if n, err := strconv.Atoi(a.Value); err == nil && n >= row {
						row = n
					}
				}
			}
			if row > MaxImportRow {
				return nil, fmt.Errorf("bảng tính có quá nhiều dòng (tối đa %d)", MaxImportRow)
			}
			for len(out) < row {
				out = append(out, nil)
			}
		case "c":
			var c xlsxCell
			if err := d.DecodeElement(&c, &se); err != nil {
				return nil, ErrNotXLSX
			}
			if row == 0 {
				continue
			}
			col := len(out[row-1])
			if c.Ref != "" {
				if n, ok := columnIndex(c.Ref); ok {
					col = n
				}
			}
			if col >= maxImportCol {
				continue
			}
			var v string
			switch c.T {
			case "s":
				i, err := strconv.Atoi(strings.TrimSpace(c.V))
				if err != nil || i < 0 || i >= len(shared) {
					return nil, ErrNotXLSX
				}
				v = shared[i]
			case "inlineStr":
				v = c.IS.String()
			case "b":
				v = map[string]string{"1": "TRUE", "0": "FALSE"}[c.V]
			default:
				v = c.V
			}
			cells := out[row-1]
			for len(cells) <= col {
				cells = append(cells, "")
			}
			cells[col] = v
			out[row-1] = cells
		}
	}
}

// columnIndex turns "AB12" into 27 (0-based column).
func columnIndex(ref string) (int, bool) {
	n := 0
	i := 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		n = n*26 + int(ref[i]-'A'+1)
	}
	if i == 0 || n > 16384 {
		return 0, false
	}
	return n - 1, true
}
