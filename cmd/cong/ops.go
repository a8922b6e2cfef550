package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/congportal/cong/internal/backup"
	"github.com/congportal/cong/internal/config"
	"github.com/congportal/cong/internal/store"
)

func isPostgres(dbURL string) bool {
	return strings.HasPrefix(dbURL, "postgres://") || strings.HasPrefix(dbURL, "postgresql://")
}

// pgBackupHelp is what `cong backup` prints on PostgreSQL: the database is
// the DBA's to back up with PostgreSQL's own tools, which do it better
// (consistent, incremental, point-in-time) than anything we could wrap.
const pgBackupHelp = `Cổng đang dùng PostgreSQL: cong backup không sao lưu cơ sở dữ liệu này.
Hãy sao lưu bằng công cụ của PostgreSQL, cộng với thư mục tệp tải lên:

  pg_dump -Fc -f cong-$(date +%%Y%%m%%d).dump '%s'
  tar -czf media-$(date +%%Y%%m%%d).tar.gz -C '%s' --exclude=backups .

Khôi phục: createdb cong_moi && pg_restore -d cong_moi cong-….dump, rồi giải
nén thư mục tệp vào --data của các máy chủ. Sao lưu liên tục (PITR):
pg_basebackup + lưu trữ WAL. Xem docs/trien-khai.md.
`

// openExisting opens the SQLite database of dataDir without creating or
// migrating anything: backing up before an upgrade must not upgrade.
func openExisting(ctx context.Context, dataDir string) (*store.Store, error) {
	p := filepath.Join(dataDir, backup.DBName)
	if _, err := os.Stat(p); err != nil {
		return nil, usageErr(fmt.Errorf("không có cơ sở dữ liệu ở %s", p))
	}
	st, err := store.Open(ctx, "", dataDir)
	if err != nil {
		return nil, usageErr(err)
	}
	return st, nil
}

func cmdBackup(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer, getenv func(string) string) error {
	var c config.Config
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	config.DBFlags(fs, &c)
	var ef encryptFlags
	ef.register(fs)
	if err := config.Parse(fs, args, getenv); err != nil {
		return usageErr(err)
	}
	if isPostgres(c.DB) {
		fmt.Fprintf(stdout, pgBackupHelp, redactURL(c.DB), c.Data)
		return usageErr(errors.New("không sao lưu được cơ sở dữ liệu PostgreSQL bằng cong backup; dùng pg_dump như hướng dẫn"))
	}
	if fs.NArg() != 1 {
		return usageErr(errors.New("dùng: cong backup [--data DIR] [--encrypt --recipient age1…] TỆP.tar.gz"))
	}
	if c.DB != "" {
		return usageErr(errors.New("cong backup sao lưu cơ sở dữ liệu SQLite trong --data; bỏ --db"))
	}
	recipients, err := ef.parse(stdin)
	if err != nil {
		return usageErr(err)
	}
	st, err := openExisting(ctx, c.Data)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	var m *backup.Manifest
	if recipients != nil {
		m, err = backup.CreateEncrypted(ctx, st, c.Data, fs.Arg(0), versionString(), recipients)
	} else {
		m, err = backup.Create(ctx, st, c.Data, fs.Arg(0), versionString())
	}
	if err != nil {
		return err
	}
	fi, _ := os.Stat(fs.Arg(0))
	fmt.Fprintf(stdout, "Đã sao lưu %d tệp (%s, lược đồ %d) vào %s (%s) trong %s.\n",
		len(m.Files), humanBytes(m.Total()), m.Schema, fs.Arg(0), humanBytes(fi.Size()), time.Since(start).Round(time.Millisecond))
	if recipients != nil {
		fmt.Fprintln(stdout, "Tệp đã được mã hoá bằng age; giải mã: age -d -i khoa.txt TỆP > sao-luu.tar.gz, rồi cong restore sao-luu.tar.gz.")
	}
	return nil
}

func cmdRestore(ctx context.Context, args []string, stdout io.Writer, getenv func(string) string) error {
	var c config.Config
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	config.DBFlags(fs, &c)
	force := fs.Bool("force", false, "thay thế thư mục dữ liệu đã có (thư mục cũ được đổi tên và giữ lại)")
	verify := fs.Bool("verify", false, "chỉ kiểm tra tệp sao lưu, không ghi gì")
	if err := config.Parse(fs, args, getenv); err != nil {
		return usageErr(err)
	}
	if isPostgres(c.DB) {
		fmt.Fprintf(stdout, pgBackupHelp, redactURL(c.DB), c.Data)
		return usageErr(errors.New("cong restore chỉ khôi phục bản sao lưu SQLite; với PostgreSQL dùng pg_restore"))
	}
	if fs.NArg() != 1 {
		return usageErr(errors.New("dùng: cong restore [--data DIR] [--force] [--verify] TỆP.tar.gz"))
	}
	if c.DB != "" {
		return usageErr(errors.New("cong restore khôi phục vào thư mục --data (SQLite); bỏ --db"))
	}
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	if *verify {
		m, err := backup.Verify(fs.Arg(0))
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Tệp sao lưu hợp lệ: %d tệp (%s), lược đồ %d, tạo lúc %s bởi %s.\n",
			len(m.Files), humanBytes(m.Total()), m.Schema, m.CreatedAt.In(loc).Format("02/01/2006 15:04"), m.Version)
		return nil
	}
	res, err := backup.Restore(ctx, fs.Arg(0), c.Data, backup.RestoreOptions{Force: *force})
	if errors.Is(err, backup.ErrNotEmpty) || errors.Is(err, backup.ErrNewer) {
		return usageErr(err)
	}
	if err != nil {
		return err
	}
	m := res.Manifest
	fmt.Fprintf(stdout, "Đã khôi phục %d tệp (%s, lược đồ %d, sao lưu lúc %s) vào %s.\n",
		len(m.Files), humanBytes(m.Total()), m.Schema, m.CreatedAt.In(loc).Format("02/01/2006 15:04"), c.Data)
	if res.Previous != "" {
		fmt.Fprintf(stdout, "Dữ liệu cũ được giữ ở %s; xoá khi đã chắc chắn.\n", res.Previous)
	}
	return nil
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

func redactURL(u string) string {
	// Keep the password out of anything printed.
	if i := strings.Index(u, "@"); i > 0 {
		if j := strings.Index(u, "://"); j >= 0 && j < i {
			if k := strings.Index(u[j+3:i], ":"); k >= 0 {
				return u[:j+3+k] + ":…" + u[i:]
			}
		}
	}
	return u
}

// cmdVersion prints the build and, when a database is reachable, its
// schema version next to the binary's.
func cmdVersion(ctx context.Context, args []string, stdout io.Writer, getenv func(string) string) error {
	var c config.Config
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	config.DBFlags(fs, &c)
	if err := config.Parse(fs, args, getenv); err != nil {
		return usageErr(err)
	}
	fmt.Fprintln(stdout, versionString())
	rev := "(không rõ)"
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" {
				rev = s.Value
			}
		}
	}
	fmt.Fprintf(stdout, "Go:                        %s\n", runtime.Version())
	fmt.Fprintf(stdout, "Mã nguồn (VCS):            %s\n", rev)
	fmt.Fprintf(stdout, "Lược đồ của chương trình:  %d\n", store.LatestSchema())
	fmt.Fprintf(stdout, "Lược đồ của cơ sở dữ liệu: %s\n", dbSchema(ctx, &c))
	return nil
}

func dbSchema(ctx context.Context, c *config.Config) string {
	if !isPostgres(c.DB) && c.DB == "" {
		if _, err := os.Stat(filepath.Join(c.Data, backup.DBName)); err != nil {
			return "(chưa có cơ sở dữ liệu ở " + c.Data + ")"
		}
	}
	st, err := store.Open(ctx, c.DB, c.Data)
	if err != nil {
		return "(không kết nối được)"
	}
	defer st.Close()
	v, err := st.SchemaVersion(ctx)
	if err != nil {
		return "(chưa khởi tạo)"
	}
	switch latest := store.LatestSchema(); {
	case v > latest:
		return fmt.Sprintf("%d — mới hơn chương trình: hãy dùng bản cong mới hơn", v)
	case v < latest:
		return fmt.Sprintf("%d — cần nâng cấp: cong migrate (hoặc cong serve tự chạy)", v)
	}
	return fmt.Sprintf("%d", v)
}

// cmdConfigDoc prints the configuration reference generated from the flag
// definitions: cong config-doc > docs/config.md.
func cmdConfigDoc(args []string, stdout io.Writer) error {
	if len(args) > 0 {
		return usageErr(errors.New("dùng: cong config-doc > docs/config.md"))
	}
	_, err := io.WriteString(stdout, config.Reference())
	return err
}

// cmdHealthcheck asks a running server's /healthz and exits 0 when it
// answers ok: a probe for container HEALTHCHECKs and scripts on images
// that have no curl.
func cmdHealthcheck(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("healthcheck", flag.ContinueOnError)
	url := fs.String("url", "http://127.0.0.1:8080/healthz", "địa chỉ /healthz cần kiểm tra")
	if err := config.Parse(fs, args, func(string) string { return "" }); err != nil {
		return usageErr(err)
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", *url, nil)
	if err != nil {
		return usageErr(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("máy chủ không trả lời: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("máy chủ trả lời %d: %s", resp.StatusCode, strings.TrimSpace(string(body)))
	}
	fmt.Fprintln(stdout, strings.TrimSpace(string(body)))
	return nil
}
