// Package config turns flags and their CONG_* environment twins into a
// Config that is passed explicitly to whatever needs it.
package config

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/congportal/cong/internal/mail"
)

// Config is the serve-time configuration.
type Config struct {
	Addr           string
	Data           string
	DB             string
	Demo           bool
	BaseURL        string
	ViewWindow     time.Duration
	TrustedProxies string
	FlushInterval  time.Duration
	BackupEvery    time.Duration
	BackupKeep     int
	SMTPURL        string
	MailFrom       string
	MaxHashing     int
	ClientRequests int
	UploadSlots    int
	MetricsToken   string
	// Citizens' OpenID provider (issue 17); empty issuer: sign-in by a
	// one-time code by mail only.
	CitizenOIDCIssuer           string
	CitizenOIDCClientID         string
	CitizenOIDCClientSecret     string
	CitizenOIDCClientSecretFile string
	CitizenOIDCName             string
}

// Flag describes one flag for docs: name, env twin, default and help.
type Flag struct {
	Name, Env, Default, Usage string
}

// envName is the environment twin of a flag: --view-window → CONG_VIEW_WINDOW.
func envName(flagName string) string {
	return "CONG_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// DBFlags registers --data and --db, which every subcommand touching the
// database takes.
func DBFlags(fs *flag.FlagSet, c *Config) {
	fs.StringVar(&c.Data, "data", "./data", "thư mục dữ liệu (cơ sở dữ liệu SQLite, tệp tải lên, bản sao lưu)")
	fs.StringVar(&c.DB, "db", "", "địa chỉ PostgreSQL (postgres://…); để trống dùng SQLite trong --data")
}

// ServeFlags registers the flags of `cong serve`.
func ServeFlags(fs *flag.FlagSet, c *Config) {
	DBFlags(fs, c)
	fs.StringVar(&c.Addr, "addr", ":8080", "địa chỉ lắng nghe HTTP")
	fs.BoolVar(&c.Demo, "demo", false, "nạp nội dung mẫu tiếng Việt vào cơ sở dữ liệu trống")
	fs.StringVar(&c.BaseURL, "base-url", "http://localhost:8080", "địa chỉ công khai của cổng, dùng trong RSS, sitemap và liên kết chia sẻ")
	fs.DurationVar(&c.ViewWindow, "view-window", 30*time.Minute, "mỗi người xem chỉ được tính một lượt xem cho một bài trong khoảng này (0 = tính mọi lượt)")
	fs.StringVar(&c.TrustedProxies, "trusted-proxies", "", "các địa chỉ/CIDR proxy tin cậy, cách nhau bằng dấu phẩy; chỉ khi đó mới đọc X-Forwarded-For")
	fs.DurationVar(&c.FlushInterval, "flush-interval", time.Second, "chu kỳ ghi bộ đếm xuống cơ sở dữ liệu")
	fs.DurationVar(&c.BackupEvery, "backup-every", 0, "sao lưu tự động vào thư mục backups trong --data theo chu kỳ này, ví dụ 24h (0 = tắt; chỉ với SQLite)")
	fs.IntVar(&c.BackupKeep, "backup-keep", 7, "số bản sao lưu tự động được giữ lại; bản cũ hơn bị xoá")
	fs.StringVar(&c.SMTPURL, "smtp-url", "", "máy chủ gửi thư thông báo hồ sơ, ví dụ smtp://tên:mật-khẩu@máy-chủ:587 (STARTTLS nếu có) hoặc smtps://…:465 (ký tự đặc biệt của mật khẩu viết dạng %XX); để trống thì thư nằm chờ trong hàng đợi, không mất")
	fs.IntVar(&c.MaxHashing, "max-hashing", 0, "số phép băm mật khẩu (argon2, khoảng 19 MiB mỗi phép) chạy cùng lúc; quá thì đăng nhập được trả 503 và Retry-After (0 = số lõi CPU, ít nhất 2)")
	fs.IntVar(&c.ClientRequests, "client-requests", 16, "số yêu cầu tối đa đang xử lý cùng lúc của một máy khách (một địa chỉ IPv4 hoặc một dải IPv6 /64); vượt thì trả 429 (-1 = không giới hạn)")
	fs.IntVar(&c.UploadSlots, "upload-slots", 4, "số yêu cầu tải tệp lên được đọc cùng lúc; yêu cầu khác chờ tối đa vài giây rồi nhận 503")
	fs.StringVar(&c.MetricsToken, "metrics-token", "", "khoá cho phép đọc /metrics từ máy khác (Authorization: Bearer …); để trống thì /metrics chỉ trả lời từ chính máy chủ (loopback)")
	fs.StringVar(&c.CitizenOIDCIssuer, "citizen-oidc-issuer", "", "địa chỉ (issuer) nhà cung cấp định danh OpenID Connect cho công dân đăng nhập, ví dụ https://sso.dichvucong.gov.vn; để trống thì công dân đăng nhập bằng mã gửi qua thư điện tử")
	fs.StringVar(&c.CitizenOIDCClientID, "citizen-oidc-client-id", "", "mã ứng dụng (client id) của cổng tại nhà cung cấp định danh; bắt buộc khi có --citizen-oidc-issuer")
	fs.StringVar(&c.CitizenOIDCClientSecret, "citizen-oidc-client-secret", "", "khoá bí mật (client secret) của cổng tại nhà cung cấp định danh; nên đặt qua biến môi trường hoặc --citizen-oidc-client-secret-file thay vì dòng lệnh")
	fs.StringVar(&c.CitizenOIDCClientSecretFile, "citizen-oidc-client-secret-file", "", "tệp chứa khoá bí mật (client secret) của cổng tại nhà cung cấp định danh (ví dụ bí mật của systemd hoặc Docker)")
	fs.StringVar(&c.CitizenOIDCName, "citizen-oidc-name", "VNeID", "tên nhà cung cấp định danh hiển thị trên nút đăng nhập của công dân")
	fs.StringVar(&c.MailFrom, "mail-from", "", "địa chỉ người gửi thư thông báo, ví dụ \"Cổng dịch vụ công <khongtraloi@tinh.gov.vn>\" (bắt buộc khi có --smtp-url)")
}

// Parse parses args into fs, taking a flag's value from its environment twin
// when the flag is not given on the command line. Errors are one line.
func Parse(fs *flag.FlagSet, args []string, getenv func(string) string) error {
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("tham số không hợp lệ: %v", err)
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		if err != nil || set[f.Name] {
			return
		}
		if v := getenv(envName(f.Name)); v != "" {
			if e := fs.Set(f.Name, v); e != nil {
				err = fmt.Errorf("biến môi trường %s=%q không hợp lệ: %v", envName(f.Name), v, e)
			}
		}
	})
	return err
}

// Validate checks values that flag parsing accepts but the server cannot use.
func (c *Config) Validate() error {
	if c.ViewWindow < 0 {
		return errors.New("--view-window không được âm")
	}
	if c.FlushInterval < 10*time.Millisecond {
		return errors.New("--flush-interval quá nhỏ")
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("--base-url phải là địa chỉ http(s) đầy đủ, ví dụ https://cong.example.gov.vn (nhận được %q)", c.BaseURL)
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	if c.BackupEvery < 0 || (c.BackupEvery > 0 && c.BackupEvery < time.Minute) {
		return errors.New("--backup-every phải là 0 (tắt) hoặc từ 1m trở lên")
	}
	if c.MaxHashing < 0 {
		return errors.New("--max-hashing không được âm (0 = số lõi CPU, ít nhất 2)")
	}
	if c.ClientRequests < -1 {
		return errors.New("--client-requests phải từ 1 trở lên, hoặc -1 để không giới hạn")
	}
	if c.UploadSlots < 0 {
		return errors.New("--upload-slots phải từ 1 trở lên")
	}
	if c.BackupKeep < 1 {
		return errors.New("--backup-keep phải từ 1 trở lên")
	}
	if c.SMTPURL != "" {
		if _, err := mail.ParseURL(c.SMTPURL); err != nil {
			return err
		}
		if c.MailFrom == "" {
			return errors.New("--mail-from là bắt buộc khi có --smtp-url (địa chỉ người gửi thư thông báo)")
		}
	}
	if c.MailFrom != "" {
		if _, err := mail.ParseFrom(c.MailFrom); err != nil {
			return err
		}
	}
	if err := c.validateCitizenOIDC(); err != nil {
		return err
	}
	return nil
}

// Flags lists the flags registered on fs, for the generated config reference.
func Flags(fs *flag.FlagSet) []Flag {
	var out []Flag
	fs.VisitAll(func(f *flag.Flag) {
		out = append(out, Flag{Name: f.Name, Env: envName(f.Name), Default: f.DefValue, Usage: f.Usage})
	})
	return out
}

// Getenv is os.Getenv, named so callers pass it explicitly.
var Getenv = os.Getenv

// validateCitizenOIDC checks the citizens' provider settings and reads the
// client secret from its file when one is named.
func (c *Config) validateCitizenOIDC() error {
	if c.CitizenOIDCIssuer == "" {
		if c.CitizenOIDCClientID != "" || c.CitizenOIDCClientSecret != "" || c.CitizenOIDCClientSecretFile != "" {
			return errors.New("--citizen-oidc-client-id/-secret cần đi kèm --citizen-oidc-issuer")
		}
		return nil
	}
	u, err := url.Parse(c.CitizenOIDCIssuer)
	if err != nil || u.Host == "" || (u.Scheme != "https" && !(u.Scheme == "http" && (u.Hostname() == "localhost" || u.Hostname() == "127.0.0.1"))) {
		return fmt.Errorf("--citizen-oidc-issuer phải là địa chỉ https đầy đủ của nhà cung cấp định danh (nhận được %q)", c.CitizenOIDCIssuer)
	}
	if c.CitizenOIDCClientID == "" {
		return errors.New("--citizen-oidc-client-id là bắt buộc khi có --citizen-oidc-issuer")
	}
	if c.CitizenOIDCClientSecretFile != "" {
		if c.CitizenOIDCClientSecret != "" {
			return errors.New("chỉ dùng một trong --citizen-oidc-client-secret và --citizen-oidc-client-secret-file")
		}
		b, err := os.ReadFile(c.CitizenOIDCClientSecretFile)
		if err != nil {
			return fmt.Errorf("không đọc được --citizen-oidc-client-secret-file: %v", err)
		}
		c.CitizenOIDCClientSecret = strings.TrimSpace(string(b))
	}
	return nil
}
