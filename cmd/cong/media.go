package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"

	"github.com/congportal/cong/internal/config"
	"github.com/congportal/cong/internal/media"
	"github.com/congportal/cong/internal/store"
)

// cmdMedia: `cong media resize` gives the library's images the resized
// copies (for srcset) they lack: images imported from WordPress or stored
// before a width was added. Originals are never changed and nothing is
// upscaled; files already there are kept, so running it twice does
// nothing the second time. Safe while the server runs: a page shows the
// new srcset once the row says the files exist.
func cmdMedia(ctx context.Context, args []string, stdout io.Writer, getenv func(string) string) error {
	if len(args) == 0 || args[0] != "resize" {
		return usageErr(errors.New("dùng: cong media resize [--data DIR] [--db URL]"))
	}
	var c config.Config
	fs := flag.NewFlagSet("media resize", flag.ContinueOnError)
	config.DBFlags(fs, &c)
	if err := config.Parse(fs, args[1:], getenv); err != nil {
		return usageErr(err)
	}
	if fs.NArg() != 0 {
		return usageErr(fmt.Errorf("tham số thừa: %v", fs.Args()))
	}
	st, err := store.Open(ctx, c.DB, c.Data)
	if err != nil {
		return usageErr(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		return err
	}
	lib := media.NewLibrary(filepath.Join(c.Data, "media"))
	var seen, resized, failed int
	done := map[string]bool{} // a file shared by several sites is resized once
	for after := int64(0); ; {
		batch, err := st.ImagesAfter(ctx, after, 200)
		if err != nil {
			return err
		}
		if len(batch) == 0 {
			break
		}
		for _, m := range batch {
			after = m.ID
			seen++
			if done[m.Hash] || m.Ext == "gif" {
				continue // animations get no variants (media.Process)
			}
			done[m.Hash] = true
			missing := lib.Missing(m.Hash, m.Ext, m.Width)
			var want []int
			for _, w := range media.Widths {
				if w < m.Width {
					want = append(want, w)
				}
			}
			if len(missing) == 0 && slices.Equal(m.Widths, want) {
				continue
			}
			widths := want
			if len(missing) > 0 {
				if widths, err = lib.AddVariants(ctx, m.Hash, m.Ext); err != nil {
					fmt.Fprintf(stdout, "Bỏ qua %s.%s: %v\n", m.Hash, m.Ext, err)
					failed++
					continue
				}
			}
			if err := st.SetMediaWidths(ctx, m.Hash, widths); err != nil {
				return err
			}
			resized++
		}
	}
	fmt.Fprintf(stdout, "Đã xem %d ảnh; tạo bản thu nhỏ cho %d ảnh; %d ảnh không đọc được.\n", seen, resized, failed)
	if failed > 0 {
		return fmt.Errorf("%d ảnh không tạo được bản thu nhỏ", failed)
	}
	return nil
}
