package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/config"
	"github.com/congportal/cong/internal/store"
)

const importProceduresUsage = "dùng: cong import procedures [--data DIR] [--db URL] FILE.xlsx|FILE.csv"

// cmdImportProcedures loads a procedure catalogue file (XLSX or CSV, the
// officials' column layout) in one transaction: any bad row prints every
// problem with its row number and imports nothing.
func cmdImportProcedures(ctx context.Context, args []string, stdout io.Writer, getenv func(string) string) error {
	var c config.Config
	fs := flag.NewFlagSet("import procedures", flag.ContinueOnError)
	config.DBFlags(fs, &c)
	if err := config.Parse(fs, args, getenv); err != nil {
		return usageErr(err)
	}
	if fs.NArg() != 1 {
		return usageErr(errors.New(importProceduresUsage))
	}
	data, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return usageErr(fmt.Errorf("không mở được tệp: %w", err))
	}
	st, siteID, err := openForCLI(ctx, &c)
	if err != nil {
		return err
	}
	defer st.Close()
	var res catalogue.ImportResult
	err = st.InTx(ctx, func(tx *store.Tx) error {
		var err error
		res, err = catalogue.Import(ctx, tx, siteID, data, func(err error) bool { return errors.Is(err, store.ErrNotFound) })
		return err
	})
	if ie, ok := catalogue.IsImportErrors(err); ok {
		return fmt.Errorf("không nhập thủ tục nào; sửa tệp rồi chạy lại:\n%s", ie.Error())
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã nhập %s: %d thủ tục thêm mới, %d thủ tục cập nhật.\n", fs.Arg(0), res.Created, res.Updated)
	return nil
}
