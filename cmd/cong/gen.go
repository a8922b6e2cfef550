package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/congportal/cong/internal/config"
	"github.com/congportal/cong/internal/synth"
)

// cmdGen fills the database with synthetic Vietnamese articles for
// benchmarks: cong gen --articles N [--data DIR] [--db URL] [--seed S].
func cmdGen(ctx context.Context, args []string, stdout io.Writer, getenv func(string) string) error {
	var c config.Config
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	config.DBFlags(fs, &c)
	n := fs.Int("articles", 0, "số bài viết tổng hợp cần tạo")
	seed := fs.Int64("seed", 1, "hạt giống ngẫu nhiên: cùng hạt giống cho cùng nội dung")
	if err := config.Parse(fs, args, getenv); err != nil {
		return usageErr(err)
	}
	if fs.NArg() > 0 {
		return usageErr(fmt.Errorf("tham số thừa: %v", fs.Args()))
	}
	if *n <= 0 {
		return usageErr(errors.New("dùng: cong gen --articles N [--data DIR] [--db URL] [--seed S]"))
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	st, err := openStore(ctx, &c, log)
	if err != nil {
		return err
	}
	defer st.Close()
	site, err := st.EnsureSite(ctx, defaultSite)
	if err != nil {
		return err
	}
	start := time.Now()
	last := start
	err = synth.GenerateWith(ctx, st, site.ID, synth.Options{Articles: *n, Seed: *seed, Progress: func(done, total int) {
		if now := time.Now(); done == total || now.Sub(last) >= 5*time.Second {
			last = now
			fmt.Fprintf(stdout, "đã tạo %d/%d bài (%.0f bài/giây)\n", done, total, float64(done)/now.Sub(start).Seconds())
		}
	}})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã tạo %d bài viết tổng hợp trong %s.\n", *n, time.Since(start).Round(time.Millisecond))
	return nil
}
