package main

import (
	"bytes"
	"context"
	"image/jpeg"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/media"
	"github.com/congportal/cong/internal/media/mediatest"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
)

// `cong media resize` makes the variants an image stored without them
// lacks, at the right sizes, never wider than the original, keeps the
// original's bytes, records the widths, and does nothing the second time.
func TestMediaResizeCommand(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	st, err := store.Open(ctx, "", data)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	site, err := st.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng"})
	if err != nil {
		t.Fatal(err)
	}
	// An image stored as an import would: the original only, no widths.
	lib := media.NewLibrary(filepath.Join(data, "media"))
	add := func(w, h int) (store.Media, []byte) {
		orig := mediatest.JPEG(w, h)
		hash := media.Hash(orig)
		if err := lib.Save(hash, &media.Result{Type: media.JPEG, Data: orig, Width: w, Height: h}); err != nil {
			t.Fatal(err)
		}
		m := store.Media{SiteID: site.ID, Hash: hash, Kind: "image", Mime: "image/jpeg", Ext: "jpg", Size: int64(len(orig)), Width: w, Height: h, Alt: "Ảnh", CreatedAt: time.Now()}
		if _, err := st.AddMedia(ctx, &m, nil); err != nil {
			t.Fatal(err)
		}
		return m, orig
	}
	big, bigOrig := add(1200, 600)
	small, _ := add(300, 200)
	st.Close()

	var out bytes.Buffer
	if err := run(ctx, []string{"media", "resize", "--data", data}, &out, io.Discard, noenv); err != nil {
		t.Fatal(err, out.String())
	}
	if !strings.Contains(out.String(), "Đã xem 2 ảnh; tạo bản thu nhỏ cho 1 ảnh") {
		t.Errorf("output %q", out.String())
	}
	for _, c := range []struct{ w, h int }{{320, 160}, {640, 320}, {1024, 512}} {
		f, err := lib.Open(big.Hash, c.w, "jpg")
		if err != nil {
			t.Fatalf("variant %d: %v", c.w, err)
		}
		cfg, err := jpeg.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != c.w || cfg.Height != c.h {
			t.Errorf("variant %d: %dx%d %v", c.w, cfg.Width, cfg.Height, err)
		}
	}
	// Never upscaled: no 1600 px copy of a 1200 px picture, none at all
	// of a 300 px one.
	if _, err := lib.Open(big.Hash, 1600, "jpg"); err == nil {
		t.Error("1600 px variant of a 1200 px picture")
	}
	for _, w := range media.Widths {
		if _, err := lib.Open(small.Hash, w, "jpg"); err == nil {
			t.Errorf("%d px variant of a 300 px picture", w)
		}
	}
	got, err := os.ReadFile(filepath.Join(data, "media", big.Hash[0:2], big.Hash[2:4], big.Hash+".jpg"))
	if err != nil || !bytes.Equal(got, bigOrig) {
		t.Error("the original was changed")
	}
	st, err = store.Open(ctx, "", data)
	if err != nil {
		t.Fatal(err)
	}
	m, err := st.MediaByID(ctx, site.ID, big.ID)
	st.Close()
	if err != nil || len(m.Widths) != 3 || m.Widths[2] != 1024 {
		t.Fatalf("widths not recorded: %v %v", m.Widths, err)
	}
	out.Reset()
	if err := run(ctx, []string{"media", "resize", "--data", data}, &out, io.Discard, noenv); err != nil || !strings.Contains(out.String(), "cho 0 ảnh") {
		t.Errorf("second run: %v %q", err, out.String())
	}
	for _, args := range [][]string{{"media"}, {"media", "nen"}, {"media", "resize", "--data", data, "thua"}} {
		if err := run(ctx, args, io.Discard, io.Discard, noenv); exitCode(err) != 2 {
			t.Errorf("%v: %v", args, err)
		}
	}
}
