package web

import (
	"html/template"
	"strconv"
	"strings"

	qrcode "github.com/skip2/go-qrcode"
)

// qrSVG draws content as an inline SVG QR code: one path of dark runs, a
// few hundred bytes, sharp at any size and printable with the receipt.
func qrSVG(content, label string) (template.HTML, error) {
	q, err := qrcode.New(content, qrcode.Medium)
	if err != nil {
		return "", err
	}
	bm := q.Bitmap() // includes the 4-module quiet zone
	n := len(bm)
	var d strings.Builder
	for y, row := range bm {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			start := x
			for x < len(row) && row[x] {
				x++
			}
			d.WriteString("M" + strconv.Itoa(start) + " " + strconv.Itoa(y) + "h" + strconv.Itoa(x-start) + "v1h-" + strconv.Itoa(x-start) + "z")
		}
	}
	sz := strconv.Itoa(n)
	return template.HTML(`<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + sz + ` ` + sz + `" role="img" aria-label="` +
		template.HTMLEscapeString(label) + `" shape-rendering="crispEdges"><rect width="` + sz + `" height="` + sz + `" fill="#fff"/><path fill="#000" d="` +
		d.String() + `"/></svg>`), nil
}
