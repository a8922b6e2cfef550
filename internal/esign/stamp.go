package esign

import (
	"crypto/rand"
	"image"
	"image/color"
	"image/draw"
	"strings"

	"github.com/skip2/go-qrcode"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The stamp is drawn as a picture rather than as PDF text: a picture
// needs no font embedded in the signed update, shows every Vietnamese
// letter the same in every reader, and the facts it shows are also in
// the signature itself (signer, time) and on the check page.

// StampInfo is what a stamp shows.
type StampInfo struct {
	Lines []string // e.g. "Ký bởi: …", "Đơn vị: …", "Thời gian: …", "Mã xác thực: …"
	QR    string   // the check page's address
	Font  []byte   // a TrueType font with Vietnamese letters
}

const stampScale = 3 // pixels per point (216 dpi): sharp in print, small in the file

// Stamp draws a 240 × 80 pt stamp: the QR code on the left, the lines on
// the right, in a framed box.
func Stamp(in StampInfo) (*image.RGBA, error) {
	const wPt, hPt = 240, 80
	img := image.NewRGBA(image.Rect(0, 0, wPt*stampScale, hPt*stampScale))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	ink := color.RGBA{0x10, 0x2a, 0x83, 0xff}
	frame := 2 * stampScale / 2
	for x := 0; x < img.Bounds().Dx(); x++ {
		for t := 0; t < frame; t++ {
			img.SetRGBA(x, t, ink)
			img.SetRGBA(x, img.Bounds().Dy()-1-t, ink)
		}
	}
	for y := 0; y < img.Bounds().Dy(); y++ {
		for t := 0; t < frame; t++ {
			img.SetRGBA(t, y, ink)
			img.SetRGBA(img.Bounds().Dx()-1-t, y, ink)
		}
	}
	textX := 6 * stampScale
	if in.QR != "" {
		q, err := qrcode.New(in.QR, qrcode.Medium)
		if err != nil {
			return nil, err
		}
		q.DisableBorder = true
		side := (hPt - 12) * stampScale
		qi := q.Image(side)
		draw.Draw(img, image.Rect(6*stampScale, 6*stampScale, 6*stampScale+side, 6*stampScale+side), qi, qi.Bounds().Min, draw.Src)
		textX = 6*stampScale + side + 6*stampScale
	}
	f, err := opentype.Parse(in.Font)
	if err != nil {
		return nil, err
	}
	size := 7.5
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size * stampScale, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil, err
	}
	defer face.Close()
	dr := &font.Drawer{Dst: img, Src: image.NewUniform(ink), Face: face}
	maxW := fixed.I(img.Bounds().Dx() - textX - 5*stampScale)
	lineH := int(size * 1.45 * stampScale)
	y := 6*stampScale + int(size*stampScale)
	for _, line := range in.Lines {
		line = fit(dr, line, maxW)
		dr.Dot = fixed.P(textX, y)
		dr.DrawString(line)
		y += lineH
	}
	return img, nil
}

// fit shortens a line that does not fit, with an ellipsis.
func fit(dr *font.Drawer, s string, maxW fixed.Int26_6) string {
	if dr.MeasureString(s) <= maxW {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && dr.MeasureString(string(r)+"…") > maxW {
		r = r[:len(r)-1]
	}
	return strings.TrimSpace(string(r)) + "…"
}

// codeAlphabet has no letters that read alike (0/O, 1/I/L), so a code
// copied from paper by hand still matches.
const codeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// NewCode returns a public check code: 16 characters (about 79 bits)
// from crypto/rand, grouped by four. It is unrelated to the dossier code,
// so it cannot be guessed from anything printed elsewhere.
func NewCode() string {
	var b [16]byte
	out := make([]byte, 0, 19)
	for i := 0; i < len(b); {
		if _, err := rand.Read(b[i : i+1]); err != nil {
			panic(err) // crypto/rand does not fail on supported systems
		}
		// Rejection sampling keeps every letter equally likely.
		if int(b[i]) >= 256/len(codeAlphabet)*len(codeAlphabet) {
			continue
		}
		if i > 0 && i%4 == 0 {
			out = append(out, '-')
		}
		out = append(out, codeAlphabet[int(b[i])%len(codeAlphabet)])
		i++
	}
	return string(out)
}

// NormalizeCode reads a code as a person may type it: any case, with or
// without dashes or spaces. It returns "" when it cannot be a code.
func NormalizeCode(s string) string {
	var out []byte
	for _, r := range strings.ToUpper(s) {
		switch {
		case r == '-' || r == ' ':
			continue
		case r < 0x80 && strings.IndexByte(codeAlphabet, byte(r)) >= 0:
			out = append(out, byte(r))
		default:
			return ""
		}
		if len(out) > 16 {
			return ""
		}
	}
	if len(out) != 16 {
		return ""
	}
	return string(out[0:4]) + "-" + string(out[4:8]) + "-" + string(out[8:12]) + "-" + string(out[12:16])
}
