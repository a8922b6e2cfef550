package media

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/media/mediatest"
)

func TestSniff(t *testing.T) {
	html := []byte("<?php system($_GET['c']); ?><html><script>alert(1)</script></html>")
	cases := []struct {
		name string
		data []byte
		want Type
		err  error
	}{
		{"jpeg", mediatest.JPEG(8, 8), JPEG, nil},
		{"png", mediatest.PNG(8, 8), PNG, nil},
		{"gif", mediatest.GIF(8, 8), GIF, nil},
		{"webp", mediatest.WebP(8, 8, color.NRGBA{1, 2, 3, 255}), WebP, nil},
		{"pdf", mediatest.PDF(), PDF, nil},
		{"docx", mediatest.DOCX(), DOCX, nil},
		{"xlsx", mediatest.XLSX(), XLSX, nil},
		{"odt", mediatest.ODT(), ODT, nil},
		{"doc", mediatest.OLE("WordDocument", "1Table"), DOC, nil},
		{"xls", mediatest.OLE("Workbook"), XLS, nil},
		{"docm", mediatest.DOCM(), Type{}, ErrMacros},
		{"doc with macros", mediatest.OLE("WordDocument", "Macros"), Type{}, ErrMacros},
		{"xls with macros", mediatest.OLE("Workbook", "_VBA_PROJECT_CUR"), Type{}, ErrMacros},
		{"ppt", mediatest.OLE("PowerPoint Document"), Type{}, ErrUnsupported},
		{"php as jpg", html, Type{}, ErrUnsupported},
		{"svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`), Type{}, ErrUnsupported},
		{"plain zip", mediatest.Zip([2]string{"a.txt", "x"}), Type{}, ErrUnsupported},
		{"ods", mediatest.Zip([2]string{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, [2]string{"content.xml", "x"}), Type{}, ErrUnsupported},
		{"docx type without its part", mediatest.Zip([2]string{"[Content_Types].xml", `<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`}), Type{}, ErrUnsupported},
		{"broken zip", []byte("PK\x03\x04garbage"), Type{}, ErrUnsupported},
		{"short ole", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0}, Type{}, ErrUnsupported},
		{"empty", nil, Type{}, ErrUnsupported},
		{"exe", []byte("MZ\x90\x00"), Type{}, ErrUnsupported},
	}
	for _, c := range cases {
		got, err := Sniff(c.data)
		if !errors.Is(err, c.err) || got != c.want {
			t.Errorf("%s: got %v %v, want %v %v", c.name, got, err, c.want, c.err)
		}
	}
}

// A compound file whose FAT loops or points outside the file is refused,
// not followed forever.
func TestSniffHostileOLE(t *testing.T) {
	b := mediatest.OLE("WordDocument")
	loop := bytes.Clone(b)
	// Directory sector's FAT entry points to itself.
	copy(loop[512+4:], []byte{1, 0, 0, 0})
	if _, err := Sniff(loop); err == nil {
		t.Error("looping directory chain accepted")
	}
	out := bytes.Clone(b)
	copy(out[0x30:], []byte{0xF0, 0xFF, 0xFF, 0x0F})
	if _, err := Sniff(out); err == nil {
		t.Error("directory outside the file accepted")
	}
}

func containsEXIF(b []byte) bool {
	return bytes.Contains(b, []byte("Exif\x00\x00")) || bytes.Contains(b, []byte(mediatest.Secret))
}

func TestProcessJPEGStripsEXIF(t *testing.T) {
	in := mediatest.JPEGWithEXIF(1700, 1000, 1)
	if !containsEXIF(in) || jpegOrientation(in) != 1 {
		t.Fatal("test file lacks its EXIF")
	}
	typ, err := Sniff(in)
	if err != nil || typ != JPEG {
		t.Fatal(typ, err)
	}
	r, err := Process(context.Background(), in, typ)
	if err != nil {
		t.Fatal(err)
	}
	if r.Type != JPEG || r.Width != 1700 || r.Height != 1000 {
		t.Fatalf("result %v %dx%d", r.Type, r.Width, r.Height)
	}
	if containsEXIF(r.Data) {
		t.Error("EXIF survived in the original")
	}
	want := []int{320, 640, 1024, 1600}
	if got := r.VariantWidths(); len(got) != len(want) {
		t.Fatalf("variants %v, want %v", got, want)
	}
	for i, v := range r.Variants {
		if v.Width != want[i] {
			t.Errorf("variant %d width %d", i, v.Width)
		}
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(v.Data))
		if err != nil || cfg.Width != v.Width || cfg.Height != v.Height || v.Height != (1000*v.Width+850)/1700 {
			t.Errorf("variant %d: %v %+v (%dx%d)", v.Width, err, cfg, v.Width, v.Height)
		}
		if containsEXIF(v.Data) {
			t.Errorf("EXIF in variant %d", v.Width)
		}
	}
}

func TestProcessNoUpscale(t *testing.T) {
	r, err := Process(context.Background(), mediatest.PNG(700, 300), PNG)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.VariantWidths(); len(got) != 2 || got[0] != 320 || got[1] != 640 {
		t.Fatalf("variants %v", got)
	}
	if r.Type != PNG {
		t.Fatal(r.Type)
	}
	if _, err := png.Decode(bytes.NewReader(r.Variants[1].Data)); err != nil {
		t.Fatal(err)
	}
	small, err := Process(context.Background(), mediatest.JPEG(300, 200), JPEG)
	if err != nil || len(small.Variants) != 0 || small.Width != 300 {
		t.Fatalf("small image: %v %v", small, err)
	}
}

// A phone photo stored sideways comes out upright: the orientation that
// re-encoding drops is applied to the pixels.
func TestProcessAppliesOrientation(t *testing.T) {
	in := mediatest.JPEGWithEXIF(400, 200, 6) // rotate 90° clockwise to view
	if jpegOrientation(in) != 6 {
		t.Fatal("orientation not read")
	}
	r, err := Process(context.Background(), in, JPEG)
	if err != nil {
		t.Fatal(err)
	}
	if r.Width != 200 || r.Height != 400 {
		t.Fatalf("not turned: %dx%d", r.Width, r.Height)
	}
	img, err := jpeg.Decode(bytes.NewReader(r.Data))
	if err != nil {
		t.Fatal(err)
	}
	// The dark top-left square of the sideways picture is now top right.
	dark := func(x, y int) bool { r, g, b, _ := img.At(x, y).RGBA(); return r>>8 < 40 && g>>8 < 40 && b>>8 < 40 }
	if !dark(190, 10) || dark(10, 10) {
		t.Error("rotated the wrong way")
	}
	for o := 1; o <= 8; o++ {
		src := mediatest.Picture(6, 4)
		got := orient(src, o).Bounds()
		if (o >= 5) != (got.Dx() == 4) {
			t.Errorf("orientation %d: %v", o, got)
		}
	}
}

func TestProcessWebP(t *testing.T) {
	r, err := Process(context.Background(), mediatest.WebP(900, 500, color.NRGBA{200, 10, 10, 255}), WebP)
	if err != nil {
		t.Fatal(err)
	}
	if r.Type != JPEG || r.Width != 900 || len(r.Variants) != 2 {
		t.Fatalf("opaque webp: %v %d %v", r.Type, r.Width, r.VariantWidths())
	}
	img, err := jpeg.Decode(bytes.NewReader(r.Data))
	if err != nil {
		t.Fatal(err)
	}
	if cr, _, _, _ := img.At(5, 5).RGBA(); cr>>8 < 180 {
		t.Error("colour lost")
	}
	r, err = Process(context.Background(), mediatest.WebP(50, 50, color.NRGBA{0, 0, 200, 100}), WebP)
	if err != nil || r.Type != PNG {
		t.Fatalf("transparent webp stored as %v (%v)", r.Type, err)
	}
}

func TestProcessGIF(t *testing.T) {
	in := mediatest.GIF(40, 20)
	r, err := Process(context.Background(), in, GIF)
	if err != nil {
		t.Fatal(err)
	}
	if r.Type != GIF || r.Width != 40 || len(r.Variants) != 0 {
		t.Fatalf("%v %d %d", r.Type, r.Width, len(r.Variants))
	}
	if bytes.Contains(r.Data, []byte(mediatest.Secret)) || bytes.Contains(r.Data, []byte("<script")) {
		t.Error("comment or trailing payload kept")
	}
	g, err := gif.DecodeAll(bytes.NewReader(r.Data))
	if err != nil || len(g.Image) != 2 || g.Delay[1] != 50 {
		t.Fatalf("animation lost: %v", err)
	}
}

func TestProcessRefusesBadImages(t *testing.T) {
	ctx := context.Background()
	jp := mediatest.JPEG(64, 64)
	if _, err := Process(ctx, jp[:len(jp)/3], JPEG); !errors.Is(err, ErrCorrupt) {
		t.Errorf("truncated jpeg: %v", err)
	}
	if _, err := Process(ctx, []byte("\xFF\xD8\xFF<?php echo 1; ?>"), JPEG); !errors.Is(err, ErrCorrupt) {
		t.Errorf("php with a jpeg header: %v", err)
	}
	// A PNG header claiming 100000×100000 pixels.
	var buf bytes.Buffer
	png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1)))
	b := buf.Bytes()
	copy(b[16:24], []byte{0, 1, 0x86, 0xA0, 0, 1, 0x86, 0xA0})
	binary.BigEndian.PutUint32(b[29:33], crc32.ChecksumIEEE(b[12:29]))
	if _, err := Process(ctx, b, PNG); !errors.Is(err, ErrTooLarge) {
		t.Errorf("huge png: %v", err)
	}
	// Thousands of frames.
	frames := &gif.GIF{}
	pal := color.Palette{color.Black, color.White}
	for i := 0; i < 3000; i++ {
		frames.Image = append(frames.Image, image.NewPaletted(image.Rect(0, 0, 200, 100), pal))
		frames.Delay = append(frames.Delay, 1)
	}
	buf.Reset()
	gif.EncodeAll(&buf, frames)
	if _, err := Process(ctx, buf.Bytes(), GIF); !errors.Is(err, ErrTooLarge) {
		t.Errorf("gif with 60 Mpx of frames: %v", err)
	}
}

func TestFileNames(t *testing.T) {
	h := Hash([]byte("x"))
	if n := FileName(h, 640, "jpg"); n != h+"-640.jpg" {
		t.Fatal(n)
	}
	for _, good := range []string{h + ".jpg", h + "-320.png", h + ".docx"} {
		if _, _, _, ok := ParseFileName(good); !ok {
			t.Errorf("%s refused", good)
		}
	}
	for _, bad := range []string{"../../etc/passwd", h, h + ".", h + "-0.jpg", h + "-01.jpg", strings.ToUpper(h) + ".jpg",
		h + ".jpg/..", h + "-320.jpg.php", "x" + h + ".jpg", h[:63] + ".jpg", h + "/../a.jpg", h + ".JPG"} {
		if _, _, _, ok := ParseFileName(bad); ok {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestLibrarySaveRemove(t *testing.T) {
	dir := t.TempDir()
	lib := NewLibrary(filepath.Join(dir, "media"))
	data := mediatest.JPEG(700, 400)
	h := Hash(data)
	r, err := Process(context.Background(), data, JPEG)
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.Save(h, r); err != nil {
		t.Fatal(err)
	}
	if !lib.Complete(h, "jpg", r.VariantWidths()) {
		t.Fatal("not complete after save")
	}
	p := filepath.Join(dir, "media", h[:2], h[2:4], h+"-640.jpg")
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm()&0o111 != 0 {
		t.Errorf("stored file is executable: %v", st.Mode())
	}
	ents, _ := os.ReadDir(filepath.Dir(p))
	if len(ents) != 3 {
		t.Errorf("folder holds %d entries (temporary files left?)", len(ents))
	}
	// Saving again keeps the files.
	if err := lib.Save(h, r); err != nil {
		t.Fatal(err)
	}
	undo, _, err := lib.Remove(h, "jpg", r.VariantWidths())
	if err != nil {
		t.Fatal(err)
	}
	if lib.Complete(h, "jpg", nil) {
		t.Fatal("still there after remove")
	}
	undo()
	if !lib.Complete(h, "jpg", r.VariantWidths()) {
		t.Fatal("undo did not restore")
	}
	_, purge, _ := lib.Remove(h, "jpg", r.VariantWidths())
	purge()
	ents, _ = os.ReadDir(filepath.Dir(p))
	if len(ents) != 0 {
		t.Errorf("left after purge: %d", len(ents))
	}
	if _, err := lib.Open("../../etc/passwd", 0, "jpg"); err == nil {
		t.Error("opened a path outside the library")
	}
}

// Text and EXIF chunks of a PNG do not survive.
func TestProcessPNGDropsMetadata(t *testing.T) {
	in := mediatest.PNG(40, 30)
	chunk := func(typ string, data []byte) []byte {
		b := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
		b = append(b, typ...)
		b = append(b, data...)
		return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b[4:]))
	}
	iend := len(in) - 12
	meta := append(chunk("tEXt", []byte("Comment\x00"+mediatest.Secret)), chunk("eXIf", []byte("MM\x00\x2a"+mediatest.Secret))...)
	with := append(append(append([]byte{}, in[:iend]...), meta...), in[iend:]...)
	if _, err := png.Decode(bytes.NewReader(with)); err != nil {
		t.Fatal(err)
	}
	r, err := Process(context.Background(), with, PNG)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(r.Data, []byte(mediatest.Secret)) {
		t.Error("PNG metadata kept")
	}
}
