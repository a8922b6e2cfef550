package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/congportal/cong/internal/config"
	"github.com/congportal/cong/internal/export"
)

// cmdExport: cong export wxr|json [--data DIR] [--db URL] [--base-url URL] FILE.
func cmdExport(ctx context.Context, args []string, stdout io.Writer, getenv func(string) string) error {
	const use = "dùng: cong export wxr|json [--data DIR] [--db URL] [--base-url URL] [--site HOST] TỆP"
	if len(args) == 0 || (args[0] != "wxr" && args[0] != "json") {
		return usageErr(errors.New(use))
	}
	kind := args[0]
	var c config.Config
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	config.DBFlags(fs, &c)
	fs.StringVar(&c.BaseURL, "base-url", "http://localhost:8080", "địa chỉ công khai của cổng, dùng cho liên kết trong tệp xuất")
	siteHost := fs.String("site", "", "tên miền của cổng cần xuất; bỏ trống: cổng đầu tiên")
	if err := config.Parse(fs, args[1:], getenv); err != nil {
		return usageErr(err)
	}
	if fs.NArg() != 1 {
		return usageErr(errors.New(use))
	}
	base := strings.TrimRight(c.BaseURL, "/")
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		return err
	}
	st, siteID, err := openSiteForCLI(ctx, &c, *siteHost)
	if err != nil {
		return err
	}
	defer st.Close()
	if *siteHost != "" && !flagGiven(fs, "base-url") {
		site, err := st.Site(ctx, siteID)
		if err != nil {
			return err
		}
		base = site.CanonicalBase(base)
	}
	dest := fs.Arg(0)
	// Written beside the destination and renamed: an interrupted export
	// never leaves a truncated file that looks complete.
	tmp, err := os.CreateTemp(filepath.Dir(dest), ".cong-export-*")
	if err != nil {
		return usageErr(fmt.Errorf("không ghi được vào %s: %w", filepath.Dir(dest), err))
	}
	defer os.Remove(tmp.Name())
	src := export.Source{Store: st, SiteID: siteID, BaseURL: base, Location: loc}
	var counts export.Counts
	if kind == "wxr" {
		counts, err = export.WXR(ctx, src, tmp)
	} else {
		counts, err = export.JSON(ctx, src, tmp)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("xuất dữ liệu: %w", err)
	}
	if err := os.Chmod(tmp.Name(), 0o640); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), dest); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã xuất %s vào %s (%s).\n", strings.ToUpper(kind), dest, counts)
	return nil
}

func flagGiven(fs *flag.FlagSet, name string) (given bool) {
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}
