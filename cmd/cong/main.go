// Command cong runs a Vietnamese government e-portal: see `cong help`.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"github.com/congportal/cong/internal/esign"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"syscall"
	"time"
	_ "time/tzdata" // day boundaries in Asia/Ho_Chi_Minh on any host

	"github.com/congportal/cong/internal/backup"
	"github.com/congportal/cong/internal/config"
	"github.com/congportal/cong/internal/demo"
	"github.com/congportal/cong/internal/importer"
	"github.com/congportal/cong/internal/media"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/visitors"
	"github.com/congportal/cong/internal/web"
)

const usage = `Cổng: cổng thông tin điện tử cho tỉnh, xã, phường.

Cách dùng:
  cong serve   [--addr :8080] [--data ./data] [--db URL] [--demo] [--base-url URL]
               [--view-window 30m] [--trusted-proxies CIDR,…]
  cong migrate [--data DIR] [--db URL] [--dry-run]
  cong import wxr [--data DIR] [--db URL] [--site HOST] [--uploads DIR] FILE
  cong import procedures [--data DIR] [--db URL] FILE.xlsx|FILE.csv
  cong import documents [--data DIR] [--db URL] FILE.csv   (văn bản, xem README)
  cong user add --username U --role R [--name "Họ tên"] [--site HOST]   (mật khẩu nhập từ stdin)
  cong user passwd --username U | cong user disable --username U   [--site HOST]
  cong user grant --username U [--site HOST] --on HOST --role R|none    (vai trò trên cổng khác)
  cong token add --username U [--site HOST] [--name TÊN]  (in mã API một lần; mã chỉ dùng trên cổng đó)
  cong site add --host HOST --name TÊN [--kind province|department|commune] [--parent HOST] [--unit MÃ]
  cong site list
  cong site [set] [--host HOST] [--new-host HOST] [--name …] [--agency …] [--starting-total N] …
  cong gen --articles N [--data DIR] [--db URL]     (bài viết tổng hợp để đo hiệu năng)
  cong backup  [--data DIR] TỆP.tar.gz              (sao lưu trực tuyến, SQLite)
  cong backup  --encrypt --recipient age1… TỆP.age   (sao lưu mã hoá bằng age; hoặc --recipient-file, --passphrase)
  cong restore [--data DIR] [--force] [--verify] TỆP.tar.gz
  cong export wxr|json [--data DIR] [--db URL] [--site HOST] TỆP
  cong privacy erase [--data DIR] [--db URL]        (xóa ngay dữ liệu cá nhân hồ sơ quá thời hạn lưu)
  cong stats rebuild [--data DIR] [--db URL]        (tính lại số liệu thống kê theo ngày từ hồ sơ)
  cong payments reconcile [--day YYYY-MM-DD]        (đối soát thanh toán một ngày với cổng thanh toán)
  cong payments refund                              (hoàn tiền các hồ sơ không được tiếp nhận ngay)
  cong media resize [--data DIR] [--db URL]         (tạo bản thu nhỏ 320/640/1024/1600 px còn thiếu của ảnh trong thư viện)
  cong serve … [--backup-every 24h] [--backup-keep 7]
  cong config-doc                                   (in bảng tham số cho docs/config.md)
  cong cert check [--sign-cert F] [--sign-cert-dir D] [--unit MÃ]  (kiểm tra chứng thư số dùng ký kết quả)
  cong healthcheck [--url http://127.0.0.1:8080/healthz]
  cong version [--data DIR] [--db URL]

Mỗi tham số có biến môi trường tương ứng: --view-window → CONG_VIEW_WINDOW.
`

// exitError carries the process status: 2 for bad usage or an unreachable
// database, 1 for other failures.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func usageErr(err error) error { return &exitError{2, err} }

func main() {
	err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr, config.Getenv)
	if err == nil {
		return
	}
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(os.Stdout, usage)
		return
	}
	fmt.Fprintln(os.Stderr, "cong:", err)
	var ee *exitError
	if errors.As(err, &ee) {
		os.Exit(ee.code)
	}
	os.Exit(1)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	if len(args) == 0 {
		return usageErr(errors.New("thiếu lệnh; dùng `cong help` để xem hướng dẫn"))
	}
	switch args[0] {
	case "serve":
		return cmdServe(ctx, args[1:], stderr, getenv)
	case "migrate":
		return cmdMigrate(ctx, args[1:], stdout, getenv)
	case "import":
		if len(args) >= 2 && args[1] == "procedures" {
			return cmdImportProcedures(ctx, args[2:], stdout, getenv)
		}
		if len(args) >= 2 && args[1] == "documents" {
			return cmdImportDocuments(ctx, args[2:], stdout, getenv)
		}
		if len(args) < 2 || args[1] != "wxr" {
			return usageErr(errors.New("dùng: cong import wxr|procedures|documents [--data DIR] [--db URL] FILE"))
		}
		return cmdImportWXR(ctx, args[2:], stdout, stderr, getenv)
	case "user":
		return cmdUser(ctx, args[1:], os.Stdin, stdout, getenv)
	case "token":
		return cmdToken(ctx, args[1:], stdout, getenv)
	case "site":
		return cmdSite(ctx, args[1:], stdout, getenv)
	case "gen":
		return cmdGen(ctx, args[1:], stdout, getenv)
	case "version", "--version":
		return cmdVersion(ctx, args[1:], stdout, getenv)
	case "backup":
		return cmdBackup(ctx, args[1:], os.Stdin, stdout, getenv)
	case "restore":
		return cmdRestore(ctx, args[1:], stdout, getenv)
	case "export":
		return cmdExport(ctx, args[1:], stdout, getenv)
	case "privacy":
		return cmdPrivacy(ctx, args[1:], stdout, getenv)
	case "stats":
		return cmdStats(ctx, args[1:], stdout, getenv)
	case "payments":
		return cmdPayments(ctx, args[1:], stdout, getenv)
	case "media":
		return cmdMedia(ctx, args[1:], stdout, getenv)
	case "healthcheck":
		return cmdHealthcheck(ctx, args[1:], stdout)
	case "config-doc":
		return cmdConfigDoc(args[1:], stdout)
	case "cert":
		return cmdCert(args[1:], stdout, getenv)
	case "help", "-h", "--help":
		return flag.ErrHelp
	default:
		return usageErr(fmt.Errorf("lệnh không tồn tại: %q; dùng `cong help`", args[0]))
	}
}

func versionString() string {
	v := "cong (dev)"
	if bi, ok := debug.ReadBuildInfo(); ok {
		rev, mod := "", ""
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				if s.Value == "true" {
					mod = "+sửa"
				}
			}
		}
		if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = "cong " + bi.Main.Version
		}
		if rev != "" {
			if len(rev) > 12 {
				rev = rev[:12]
			}
			v += " " + rev + mod
		}
		v += " " + bi.GoVersion
	}
	return v
}

// openStore opens and migrates the database; failures are exit status 2.
func openStore(ctx context.Context, c *config.Config, log *slog.Logger) (*store.Store, error) {
	st, err := store.Open(ctx, c.DB, c.Data)
	if err != nil {
		return nil, usageErr(err)
	}
	applied, err := st.Migrate(ctx)
	if err != nil {
		st.Close()
		return nil, usageErr(err)
	}
	for _, m := range applied {
		log.Info("migration applied", "version", m.Version, "name", m.Name)
	}
	return st, nil
}

// defaultSite is the one site an instance serves for now; rows carry its id
// so province and commune sites can share a database later.
var defaultSite = news.Site{Slug: "default", Name: "Cổng thông tin điện tử", Description: "Cổng thông tin điện tử"}

func cmdServe(ctx context.Context, args []string, stderr io.Writer, getenv func(string) string) error {
	var c config.Config
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	config.ServeFlags(fs, &c)
	if err := config.Parse(fs, args, getenv); err != nil {
		return usageErr(err)
	}
	if fs.NArg() > 0 {
		return usageErr(fmt.Errorf("tham số thừa: %v", fs.Args()))
	}
	if err := c.Validate(); err != nil {
		return usageErr(err)
	}
	if c.BackupEvery > 0 && isPostgres(c.DB) {
		return usageErr(errors.New("--backup-every chỉ dùng với SQLite; trên PostgreSQL hãy sao lưu bằng pg_dump (xem docs/trien-khai.md)"))
	}
	proxies, err := visit.ParseProxies(c.TrustedProxies)
	if err != nil {
		return usageErr(fmt.Errorf("--trusted-proxies: %w", err))
	}
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))

	st, err := openStore(ctx, &c, log)
	if err != nil {
		return err
	}
	defer st.Close()
	site, err := st.EnsureSite(ctx, defaultSite)
	if err != nil {
		return err
	}
	prov, err := paymentProvider(&c)
	if err != nil {
		return usageErr(err)
	}
	if prov != nil {
		st.SetPaymentProvider(prov.Name())
		log.Info("online payment on", "gateway", prov.Name(), "merchant", c.PaymentMerchant)
	}
	if c.Demo {
		loaded, err := demo.Load(ctx, st, site.ID)
		if err != nil {
			return fmt.Errorf("nạp nội dung mẫu: %w", err)
		}
		if loaded {
			log.Info("demo content loaded into the empty database")
			creds, err := demo.Users(ctx, st, site.ID)
			if err != nil {
				return fmt.Errorf("tạo tài khoản mẫu: %w", err)
			}
			// Printed once, to the terminal of whoever started the demo;
			// they are random, so a demo exposed by mistake is not open.
			fmt.Fprintln(stderr, "Tài khoản mẫu (chỉ hiển thị một lần):")
			for _, cr := range creds {
				fmt.Fprintf(stderr, "  %-8s %-14s mật khẩu: %s\n", cr.Username, cr.RoleName, cr.Password)
			}
			if n, err := demo.Dossiers(ctx, st, site.ID, filepath.Join(c.Data, "dossiers"), time.Now()); err != nil {
				return fmt.Errorf("nạp hồ sơ mẫu: %w", err)
			} else if n > 0 {
				log.Info("demo dossiers loaded", "count", n)
			}
			if n, err := demo.Ratings(ctx, st, site.ID, time.Now()); err != nil {
				return fmt.Errorf("nạp đánh giá mẫu: %w", err)
			} else if n > 0 {
				log.Info("demo ratings loaded", "count", n)
			}
		} else {
			log.Info("database already has content: demo content not loaded")
		}
	}

	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	counter := visitors.New(st, visitors.Options{SiteID: site.ID, Window: c.ViewWindow, Location: loc, Logger: log})
	// Every other site's counter is made on its first view and flushed on
	// the same ticker (issue 16).
	counters := visitors.NewSet(st, counter.Options(), counter)
	var backupStats *backup.Stats
	if c.BackupEvery > 0 {
		backupStats = new(backup.Stats)
	}
	// A wrong certificate path or password stops the start, not the
	// first signature.
	signing := &esign.Keyring{File: c.SignCert, PasswordFile: c.SignPasswordFile, Dir: c.SignCertDir}
	if err := signing.Check(); err != nil {
		return fmt.Errorf("--sign-cert: %w", err)
	}
	srv, err := web.New(web.Options{Store: st, Counter: counter, Counters: counters, SiteID: site.ID, BaseURL: c.BaseURL, Proxies: proxies,
		Location: loc, Logger: log, Version: versionString(), MediaDir: filepath.Join(c.Data, "media"), Backups: backupStats,
		MaxHashing: c.MaxHashing, ClientRequests: c.ClientRequests, UploadSlots: c.UploadSlots,
		MetricsToken: c.MetricsToken, Payment: prov, Signing: signing,
		CitizenOIDC: web.CitizenOIDC{Issuer: c.CitizenOIDCIssuer, ClientID: c.CitizenOIDCClientID,
			ClientSecret: c.CitizenOIDCClientSecret, Name: c.CitizenOIDCName}})
	if err != nil {
		return err
	}
	// Read the figures once so the first pages show real numbers.
	if err := counter.Flush(ctx); err != nil {
		log.Warn("initial counter read", "err", err)
	}
	counterCtx, stopCounter := context.WithCancel(context.Background())
	counterDone := make(chan struct{})
	go func() { counters.Run(counterCtx, c.FlushInterval); close(counterDone) }()
	go srv.Watch(counterCtx, time.Second)
	go srv.PrivacyJobs(counterCtx, time.Hour)
	go srv.SweepUploads(counterCtx)
	mailDone := startMail(counterCtx, &c, st, log)
	defer func() { <-mailDone }()
	partnersDone, err := startPartners(counterCtx, &c, st, log)
	if err != nil {
		stopCounter()
		<-counterDone
		return err
	}
	defer func() { <-partnersDone }()
	payDone := startPayments(counterCtx, prov, st, site.ID, loc, log)
	defer func() { <-payDone }()
	if backupStats != nil {
		sc := &backup.Scheduler{Store: st, DataDir: c.Data, Every: c.BackupEvery, Keep: c.BackupKeep,
			Version: versionString(), Logger: log, Stats: backupStats}
		backupDone := make(chan struct{})
		go func() { sc.Run(counterCtx); close(backupDone) }()
		// A backup in progress is cancelled with the counter's context and
		// removes its temporary file; wait for that before the store closes.
		defer func() { <-backupDone }()
	}

	ln, err := net.Listen("tcp", c.Addr)
	if err != nil {
		stopCounter()
		<-counterDone
		return usageErr(fmt.Errorf("không mở được cổng %s: %w", c.Addr, err))
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	log.Info("cong serving", "addr", ln.Addr().String(), "engine", st.Dialect().String(), "base_url", c.BaseURL, "version", versionString())
	if config.LocalBaseURL(c.BaseURL) {
		log.Warn(config.LocalBaseURLWarning, "base_url", c.BaseURL)
	}

	select {
	case err := <-errc:
		stopCounter()
		<-counterDone
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests and flushing counters")
	sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		log.Warn("shutdown", "err", err)
	}
	// Requests are done; the counter's last flush now sees every view.
	stopCounter()
	<-counterDone
	log.Info("stopped")
	return nil
}

func cmdMigrate(ctx context.Context, args []string, stdout io.Writer, getenv func(string) string) error {
	var c config.Config
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	config.DBFlags(fs, &c)
	dry := fs.Bool("dry-run", false, "chỉ liệt kê các bước sẽ chạy")
	if err := config.Parse(fs, args, getenv); err != nil {
		return usageErr(err)
	}
	st, err := store.Open(ctx, c.DB, c.Data)
	if err != nil {
		return usageErr(err)
	}
	defer st.Close()
	if *dry {
		pending, err := st.Pending(ctx)
		if errors.Is(err, store.ErrNewerSchema) {
			return usageErr(err)
		}
		if err != nil {
			return err
		}
		if len(pending) == 0 {
			fmt.Fprintln(stdout, "Cơ sở dữ liệu đã ở phiên bản mới nhất.")
		}
		for _, m := range pending {
			fmt.Fprintf(stdout, "sẽ chạy %04d_%s\n", m.Version, m.Name)
		}
		return nil
	}
	applied, err := st.Migrate(ctx)
	if errors.Is(err, store.ErrNewerSchema) {
		return usageErr(err)
	}
	if err != nil {
		return err
	}
	v, _ := st.SchemaVersion(ctx)
	fmt.Fprintf(stdout, "Đã áp dụng %d bước; phiên bản lược đồ: %d.\n", len(applied), v)
	return nil
}

const importWXRUsage = "dùng: cong import wxr [--data DIR] [--db URL] [--site HOST] [--uploads THƯ-MỤC] FILE"

// cmdImportWXR imports a WordPress export; with --uploads, the old site's
// wp-content/uploads, its files come into the media library and the bodies
// link to them. Progress goes to stderr, the summary to stdout.
func cmdImportWXR(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	var c config.Config
	var uploads string
	fs := flag.NewFlagSet("import wxr", flag.ContinueOnError)
	config.DBFlags(fs, &c)
	siteHost := fs.String("site", "", "tên miền của cổng nhận nội dung; bỏ trống: cổng đầu tiên")
	fs.StringVar(&uploads, "uploads", "", "thư mục wp-content/uploads của trang cũ: tệp đính kèm được đưa vào thư viện tệp và liên kết trong bài trỏ về thư viện")
	if err := config.Parse(fs, args, getenv); err != nil {
		return usageErr(err)
	}
	if fs.NArg() != 1 {
		return usageErr(errors.New(importWXRUsage))
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return usageErr(fmt.Errorf("không mở được tệp: %w", err))
	}
	defer f.Close()
	if uploads != "" {
		if fi, err := os.Stat(uploads); err != nil || !fi.IsDir() {
			return usageErr(fmt.Errorf("--uploads %s: không phải thư mục đọc được", uploads))
		}
	}
	st, siteID, err := openSiteForCLI(ctx, &c, *siteHost)
	if err != nil {
		return err
	}
	defer st.Close()
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		return err
	}
	prog := newProgress(stderr, "Đang nhập")
	opt := importer.Options{Loc: loc, Progress: prog.update}
	if uploads != "" {
		opt.Uploads, opt.Media = uploads, media.NewLibrary(filepath.Join(c.Data, "media"))
	}
	sum, err := importer.Import(ctx, st, siteID, f, opt)
	prog.finish()
	if err != nil {
		return err
	}
	if err := st.OptimizeSearch(ctx); err != nil {
		return err
	}
	sum.Print(stdout)
	return nil
}
