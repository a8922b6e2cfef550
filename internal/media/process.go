package media

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"runtime"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/webp"
)

// Limits.
const (
	// DefaultMaxSize is the largest upload accepted (20 MB).
	DefaultMaxSize = 20 << 20
	// MaxPixels bounds an image's decoded size (width × height; for an
	// animated GIF, summed over frames), so a small file that claims to be
	// a huge picture cannot exhaust memory: 40 megapixels is 160 MB of
	// RGBA, larger than any camera an office has.
	MaxPixels = 40_000_000
	// JPEGQuality of re-encoded originals.
	JPEGQuality = 85
	// VariantQuality of the resized copies pages show: at a phone's
	// density the difference from 85 is not visible, and it brings a
	// 640 px photograph from about 52 KB to about 38 KB, inside the
	// article page's 55 KB budget (issue 19).
	VariantQuality = 75
)

// Widths are the variant widths made for srcset; only those narrower than
// the original are made (no upscaling).
var Widths = []int{320, 640, 1024, 1600}

var (
	// ErrCorrupt: the file sniffs as an image but does not decode.
	ErrCorrupt = errors.New("media: image does not decode")
	// ErrTooLarge: the image's dimensions exceed MaxPixels.
	ErrTooLarge = errors.New("media: image dimensions too large")
)

// Variant is a resized copy of an image.
type Variant struct {
	Width, Height int
	Data          []byte
}

// Result is what is stored for an upload: the file to keep (for images, a
// re-encoded copy with no metadata; for documents, the bytes as uploaded)
// and, for images, the resized variants, narrowest first.
type Result struct {
	Type          Type // of Data: a WebP upload is stored as JPEG or PNG
	Data          []byte
	Width, Height int
	Variants      []Variant
}

// VariantWidths lists the widths of the variants.
func (r *Result) VariantWidths() []int {
	out := make([]int, len(r.Variants))
	for i, v := range r.Variants {
		out[i] = v.Width
	}
	return out
}

// Image processing is CPU and memory heavy: at most one per core at a time,
// whatever the number of concurrent uploads.
var processSem = make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))

// Process prepares an upload of type t (from Sniff) for storage.
//
// Images are decoded and re-encoded, which drops every metadata block
// (EXIF with GPS, XMP, IPTC, comments, ICC profiles) and any bytes appended
// to the file; a JPEG's EXIF orientation is applied to the pixels first.
//   - JPEG → JPEG (quality 85); PNG → PNG.
//   - WebP → JPEG, or PNG when it has transparency: the standard library
//     and golang.org/x/image decode WebP but have no encoder.
//   - GIF (animated or not) → GIF, every frame re-encoded losslessly with
//     its delay, disposal and loop count; no resized variants are made, as
//     resizing an animation frame by frame is not worth its cost for the
//     small banners GIF is used for.
//
// Documents are kept as uploaded: they are only ever served as downloads
// (Content-Disposition: attachment, sandboxed), never rendered by the portal.
func Process(ctx context.Context, data []byte, t Type) (*Result, error) {
	if t.Kind == KindDocument {
		return &Result{Type: t, Data: data}, nil
	}
	select {
	case processSem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-processSem }()

	if t == GIF {
		return processGIF(data)
	}
	var (
		cfg image.Config
		err error
	)
	switch t {
	case JPEG:
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(data))
	case PNG:
		cfg, err = png.DecodeConfig(bytes.NewReader(data))
	case WebP:
		cfg, err = webp.DecodeConfig(bytes.NewReader(data))
	default:
		return nil, ErrUnsupported
	}
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, ErrCorrupt
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return nil, ErrTooLarge
	}
	var img image.Image
	switch t {
	case JPEG:
		img, err = jpeg.Decode(bytes.NewReader(data))
	case PNG:
		img, err = png.Decode(bytes.NewReader(data))
	case WebP:
		img, err = webp.Decode(bytes.NewReader(data))
	}
	if err != nil {
		return nil, ErrCorrupt
	}
	out := t
	switch t {
	case JPEG:
		img = orient(img, jpegOrientation(data))
	case WebP:
		out = JPEG
		if !opaque(img) {
			out = PNG
		}
	}
	b := img.Bounds()
	res := &Result{Type: out, Width: b.Dx(), Height: b.Dy()}
	if res.Data, err = encode(img, out, JPEGQuality); err != nil {
		return nil, err
	}
	// Narrowest last: each variant is made from the next wider one, which
	// is much faster than scaling the full picture every time and, with
	// Catmull-Rom and ratios under 2, just as sharp.
	src := img
	for i := len(Widths) - 1; i >= 0; i-- {
		w := Widths[i]
		if w >= res.Width {
			continue
		}
		h := max(1, (res.Height*w+res.Width/2)/res.Width)
		dst := image.NewRGBA(image.Rect(0, 0, w, h))
		xdraw.CatmullRom.Scale(dst, dst.Rect, src, src.Bounds(), xdraw.Src, nil)
		enc, err := encode(dst, out, VariantQuality)
		if err != nil {
			return nil, err
		}
		res.Variants = append([]Variant{{Width: w, Height: h, Data: enc}}, res.Variants...)
		src = dst
	}
	return res, nil
}

func encode(img image.Image, t Type, quality int) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch t {
	case JPEG:
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality})
	case PNG:
		err = (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(&buf, img)
	default:
		return nil, ErrUnsupported
	}
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// opaque reports whether every pixel is fully opaque.
func opaque(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if _, _, _, a := img.At(x, y).RGBA(); a != 0xFFFF {
				return false
			}
		}
	}
	return true
}

func processGIF(data []byte) (*Result, error) {
	cfg, err := gif.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, ErrCorrupt
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return nil, ErrTooLarge
	}
	// The frames are counted before any is decoded: thousands of tiny
	// compressed frames would otherwise decode to gigabytes.
	px, err := gifPixels(data)
	if err != nil {
		return nil, ErrCorrupt
	}
	if px > MaxPixels {
		return nil, ErrTooLarge
	}
	g, err := gif.DecodeAll(bytes.NewReader(data))
	if err != nil || len(g.Image) == 0 {
		return nil, ErrCorrupt
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, g); err != nil {
		return nil, ErrCorrupt
	}
	return &Result{Type: GIF, Data: buf.Bytes(), Width: g.Config.Width, Height: g.Config.Height}, nil
}

// gifPixels sums the frames' areas by walking the GIF's blocks, without
// decompressing anything.
func gifPixels(b []byte) (int64, error) {
	if len(b) < 13 {
		return 0, ErrCorrupt
	}
	i := 13
	if b[10]&0x80 != 0 { // global colour table
		i += 3 << (int(b[10]&7) + 1)
	}
	skipSubBlocks := func() bool {
		for i < len(b) {
			n := int(b[i])
			i++
			if n == 0 {
				return true
			}
			i += n
		}
		return false
	}
	var px int64
	for i < len(b) {
		switch b[i] {
		case 0x21: // extension: label, then sub-blocks
			i += 2
			if !skipSubBlocks() {
				return 0, ErrCorrupt
			}
		case 0x2C: // image descriptor
			if i+10 > len(b) {
				return 0, ErrCorrupt
			}
			w := int64(b[i+5]) | int64(b[i+6])<<8
			h := int64(b[i+7]) | int64(b[i+8])<<8
			px += w * h
			if px > MaxPixels {
				return px, nil
			}
			flags := b[i+9]
			i += 10
			if flags&0x80 != 0 { // local colour table
				i += 3 << (int(flags&7) + 1)
			}
			i++ // LZW minimum code size
			if !skipSubBlocks() {
				return 0, ErrCorrupt
			}
		case 0x3B: // trailer
			return px, nil
		default:
			return 0, ErrCorrupt
		}
	}
	return px, nil
}
