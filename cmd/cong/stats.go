package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/congportal/cong/internal/config"
	"github.com/congportal/cong/internal/store"
)

// cmdStats: `cong stats rebuild` recomputes the per-day summary rows of the
// public statistics from the dossiers, in one transaction — after a restore
// of part of the data, an import that wrote dossiers directly, or to be
// sure. The server keeps the rows itself; running this is never required
// for correctness of new changes and is safe while it runs.
func cmdStats(ctx context.Context, args []string, stdout io.Writer, getenv func(string) string) error {
	if len(args) == 0 || args[0] != "rebuild" {
		return usageErr(errors.New("dùng: cong stats rebuild [--data DIR] [--db URL]"))
	}
	var c config.Config
	fs := flag.NewFlagSet("stats rebuild", flag.ContinueOnError)
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
	n, err := st.RebuildDaySummaries(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã tính lại số liệu thống kê theo ngày từ %d hồ sơ.\n", n)
	return nil
}
