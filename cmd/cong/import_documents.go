package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/congportal/cong/internal/config"
	"github.com/congportal/cong/internal/legaldoc"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
)

const importDocumentsUsage = "dùng: cong import documents [--data DIR] [--db URL] FILE.csv"

// cmdImportDocuments imports a CSV of documents, published, in one
// transaction: any bad row and nothing is imported; every bad row is listed
// by its spreadsheet row number.
func cmdImportDocuments(ctx context.Context, args []string, stdout io.Writer, getenv func(string) string) error {
	var c config.Config
	fs := flag.NewFlagSet("import documents", flag.ContinueOnError)
	config.DBFlags(fs, &c)
	if err := config.Parse(fs, args, getenv); err != nil {
		return usageErr(err)
	}
	if fs.NArg() != 1 {
		return usageErr(errors.New(importDocumentsUsage))
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return usageErr(fmt.Errorf("không mở được tệp: %w", err))
	}
	defer f.Close()
	st, siteID, err := openForCLI(ctx, &c)
	if err != nil {
		return err
	}
	defer st.Close()
	var n int
	err = st.InTx(ctx, func(tx *store.Tx) error {
		var err error
		n, err = legaldoc.ImportCSV(ctx, f, siteID, 0, news.StatusPublished, tx)
		return err
	})
	if err != nil {
		return err
	}
	// Articles written before the library existed (or imported from
	// WordPress) get their citation edges now, so the new documents list
	// the articles that cite them.
	if err := st.RefreshAllCitations(ctx, siteID); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã nhập %d văn bản (đã xuất bản).\n", n)
	return nil
}
