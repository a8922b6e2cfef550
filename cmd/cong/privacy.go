package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"time"

	"github.com/congportal/cong/internal/config"
)

// cmdPrivacy: `cong privacy erase` runs the retention erasure now (what
// `cong serve` does every hour), e.g. right after an admin shortened the
// period, and prints what it erased.
func cmdPrivacy(ctx context.Context, args []string, stdout io.Writer, getenv func(string) string) error {
	if len(args) == 0 || args[0] != "erase" {
		return usageErr(errors.New("dùng: cong privacy erase [--data DIR] [--db URL]"))
	}
	var c config.Config
	fs := flag.NewFlagSet("privacy erase", flag.ContinueOnError)
	config.DBFlags(fs, &c)
	if err := config.Parse(fs, args[1:], getenv); err != nil {
		return usageErr(err)
	}
	st, err := openStore(ctx, &c, slog.New(slog.DiscardHandler))
	if err != nil {
		return err
	}
	defer st.Close()
	total := 0
	files := 0
	// Each pass takes a bounded batch per site: repeat until none is left.
	for {
		res, err := st.ErasePersonalData(ctx, time.Now(), filepath.Join(c.Data, "dossiers"))
		if err != nil {
			return err
		}
		total, files = total+res.Dossiers, files+res.Files
		if res.Dossiers == 0 {
			break
		}
	}
	fmt.Fprintf(stdout, "Đã xóa dữ liệu cá nhân của %d hồ sơ (%d tệp).\n", total, files)
	return nil
}
