// Package config turns flags and their CONG_* environment twins into a
// Config that is passed explicitly to whatever needs it.
package config

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/congportal/cong/internal/mail"
	"github.com/congportal/cong/internal/partner"
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
	// Citizens' OpenID provider (issue 17); empty issuer: sign-in by a
	// one-time code by mail only.
	CitizenOIDCIssuer           string
	CitizenOIDCClientID         string
	CitizenOIDCClientSecret     string
	CitizenOIDCClientSecretFile string
	CitizenOIDCName             string
	// Online payment (payment gateway, VNPay pattern): off unless all set.
	PaymentURL        string
	PaymentAPIURL     string
	PaymentMerchant   string
	PaymentSecretFile string
	UploadSlots       int
	MetricsToken      string

	// The partner outbox (issue 18): status sync to the national portal
	// and SMS. Empty URLs leave a channel off.
	SyncURL, SyncTokenFile, SyncClientCert, SyncClientKey, SyncCAFile string
	SMSURL, SMSTokenFile, SMSBrand                                    string
	SMSASCII                                                          bool
	PartnerKeep                                                       time.Duration
	// Signed electronic results (issue 18): the install's certificate,
	// the file holding its password, and a folder of per-unit ones.
	SignCert, SignPasswordFile, SignCertDir string
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
	fs.StringVar(&c.SyncURL, "sync-url", "", "địa chỉ HTTPS nhận đồng bộ trạng thái hồ sơ của Cổng dịch vụ công quốc gia (hoặc hệ thống cấp trên); để trống thì không ghi và không gửi sự kiện đồng bộ")
	fs.StringVar(&c.SyncTokenFile, "sync-token-file", "", "tệp chứa khoá truy cập (Bearer) do Cổng DVC quốc gia cấp, nếu dùng khoá thay cho chứng thư số")
	fs.StringVar(&c.SyncClientCert, "sync-client-cert", "", "tệp PEM chứng thư số máy khách (TLS hai chiều) được cấp để kết nối đồng bộ; khoá riêng có thể nằm cùng tệp")
	fs.StringVar(&c.SyncClientKey, "sync-client-key", "", "tệp PEM khoá riêng của --sync-client-cert, nếu để riêng")
	fs.StringVar(&c.SyncCAFile, "sync-ca-file", "", "tệp PEM các chứng thư CA tin cậy thay cho CA của hệ điều hành (mạng chuyên dùng có CA riêng); dùng cho cả --sms-url")
	fs.StringVar(&c.SMSURL, "sms-url", "", "địa chỉ HTTP(S) của cổng gửi tin nhắn SMS (JSON from/to/text/request_id); để trống thì không gửi SMS")
	fs.StringVar(&c.SMSTokenFile, "sms-token-file", "", "tệp chứa khoá truy cập (Bearer) của tài khoản cổng SMS")
	fs.StringVar(&c.SMSBrand, "sms-brand", "", "tên thương hiệu (brand name) đã đăng ký để gửi SMS, ví dụ UBND TINH (bắt buộc khi có --sms-url)")
	fs.BoolVar(&c.SMSASCII, "sms-ascii", true, "gửi SMS tiếng Việt không dấu (nhà mạng tính một tin 160 ký tự; có dấu chỉ 70 ký tự một tin)")
	fs.DurationVar(&c.PartnerKeep, "partner-keep", 90*24*time.Hour, "giữ các sự kiện đồng bộ và SMS đã gửi trong hàng đợi bao lâu rồi xoá (lịch sử hồ sơ vẫn còn; 0 = giữ mãi)")
	fs.StringVar(&c.CitizenOIDCIssuer, "citizen-oidc-issuer", "", "địa chỉ (issuer) nhà cung cấp định danh OpenID Connect cho công dân đăng nhập, ví dụ https://sso.dichvucong.gov.vn; để trống thì công dân đăng nhập bằng mã gửi qua thư điện tử")
	fs.StringVar(&c.CitizenOIDCClientID, "citizen-oidc-client-id", "", "mã ứng dụng (client id) của cổng tại nhà cung cấp định danh; bắt buộc khi có --citizen-oidc-issuer")
	fs.StringVar(&c.CitizenOIDCClientSecret, "citizen-oidc-client-secret", "", "khoá bí mật (client secret) của cổng tại nhà cung cấp định danh; nên đặt qua biến môi trường hoặc --citizen-oidc-client-secret-file thay vì dòng lệnh")
	fs.StringVar(&c.CitizenOIDCClientSecretFile, "citizen-oidc-client-secret-file", "", "tệp chứa khoá bí mật (client secret) của cổng tại nhà cung cấp định danh (ví dụ bí mật của systemd hoặc Docker)")
	fs.StringVar(&c.CitizenOIDCName, "citizen-oidc-name", "VNeID", "tên nhà cung cấp định danh hiển thị trên nút đăng nhập của công dân")
	PaymentFlags(fs, c)
	SignFlags(fs, c)
	fs.StringVar(&c.MailFrom, "mail-from", "", "địa chỉ người gửi thư thông báo, ví dụ \"Cổng dịch vụ công <khongtraloi@tinh.gov.vn>\" (bắt buộc khi có --smtp-url)")
}

// PaymentFlags registers the payment gateway's flags (serve and `cong
// payments`).
func PaymentFlags(fs *flag.FlagSet, c *Config) {
	fs.StringVar(&c.PaymentURL, "payment-url", "", "trang thanh toán của cổng thanh toán (mẫu VNPay), ví dụ https://sandbox.vnpayment.vn/paymentv2/vpcpay.html; để trống thì tắt thanh toán trực tuyến")
	fs.StringVar(&c.PaymentAPIURL, "payment-api-url", "", "địa chỉ API tra cứu giao dịch và hoàn tiền của cổng thanh toán (querydr, refund), ví dụ https://sandbox.vnpayment.vn/merchant_webapi/api/transaction")
	fs.StringVar(&c.PaymentMerchant, "payment-merchant", "", "mã đơn vị chấp nhận thanh toán (vnp_TmnCode) do cổng thanh toán cấp")
	fs.StringVar(&c.PaymentSecretFile, "payment-secret-file", "", "tệp chứa khoá bí mật ký giao dịch (vnp_HashSecret) do cổng thanh toán cấp; chỉ người chạy Cổng được đọc")
}

// SignFlags registers the certificate flags of signed electronic results,
// which `cong serve` and `cong cert check` take.
func SignFlags(fs *flag.FlagSet, c *Config) {
	fs.StringVar(&c.SignCert, "sign-cert", "", "chứng thư số dùng ký kết quả điện tử và phiếu mẫu 01–05 (PAdES): tệp PKCS#12 (.p12/.pfx) hoặc PEM gồm chứng thư và khoá; để trống thì không ký (trừ đơn vị có tệp riêng trong --sign-cert-dir)")
	fs.StringVar(&c.SignPasswordFile, "sign-password-file", "", "tệp chứa mật khẩu của --sign-cert (một dòng); không đặt mật khẩu trên dòng lệnh")
	fs.StringVar(&c.SignCertDir, "sign-cert-dir", "", "thư mục chứng thư số riêng của từng đơn vị: <mã đơn vị>.p12 (hoặc .pfx, .pem) và mật khẩu trong <mã đơn vị>.password; đơn vị không có tệp riêng dùng --sign-cert")
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
	if c.PartnerKeep < 0 || (c.PartnerKeep > 0 && c.PartnerKeep < time.Hour) {
		return errors.New("--partner-keep phải là 0 (giữ mãi) hoặc từ 1h trở lên")
	}
	if c.SyncURL != "" {
		if _, err := c.SyncHTTP(); err != nil {
			return err
		}
	} else if c.SyncTokenFile != "" || c.SyncClientCert != "" {
		return errors.New("--sync-token-file và --sync-client-cert cần có --sync-url")
	}
	if c.SMSURL != "" {
		if strings.TrimSpace(c.SMSBrand) == "" {
			return errors.New("--sms-brand là bắt buộc khi có --sms-url (tên thương hiệu đã đăng ký với nhà mạng)")
		}
		if _, err := c.SMSHTTP(); err != nil {
			return err
		}
	}
	if err := c.validateCitizenOIDC(); err != nil {
		return err
	}
	return c.ValidatePayment()
}

// PaymentOn reports whether online payment is configured.
func (c *Config) PaymentOn() bool { return c.PaymentURL != "" }

// ValidatePayment checks the payment flags: all or none, addresses, secret.
func (c *Config) ValidatePayment() error {
	set := 0
	for _, v := range []string{c.PaymentURL, c.PaymentAPIURL, c.PaymentMerchant, c.PaymentSecretFile} {
		if v != "" {
			set++
		}
	}
	if set == 0 {
		return nil
	}
	if set != 4 {
		return errors.New("thanh toán trực tuyến cần đủ --payment-url, --payment-api-url, --payment-merchant và --payment-secret-file")
	}
	for name, v := range map[string]string{"--payment-url": c.PaymentURL, "--payment-api-url": c.PaymentAPIURL} {
		u, err := url.Parse(v)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return fmt.Errorf("%s phải là địa chỉ http(s) đầy đủ (nhận được %q)", name, v)
		}
	}
	if _, err := c.PaymentSecret(); err != nil {
		return err
	}
	return nil
}

// PaymentSecret reads the gateway's hash secret from its file: a secret
// in a flag or the environment shows up in ps and in crash dumps.
func (c *Config) PaymentSecret() ([]byte, error) {
	b, err := os.ReadFile(c.PaymentSecretFile)
	if err != nil {
		return nil, fmt.Errorf("--payment-secret-file: %w", err)
	}
	b = []byte(strings.TrimSpace(string(b)))
	if len(b) < 16 {
		return nil, errors.New("--payment-secret-file: khoá bí mật quá ngắn (cần ít nhất 16 ký tự)")
	}
	return b, nil
}

// SyncHTTP is how to reach the national portal: the token file is read
// and the certificates loaded now, so a bad file stops the start.
func (c *Config) SyncHTTP() (partner.HTTPConfig, error) {
	h := partner.HTTPConfig{URL: c.SyncURL, ClientCert: c.SyncClientCert, ClientKey: c.SyncClientKey, CAFile: c.SyncCAFile}
	return h, c.partnerHTTP(&h, "--sync-url", c.SyncTokenFile)
}

// SMSHTTP is how to reach the SMS gateway.
func (c *Config) SMSHTTP() (partner.HTTPConfig, error) {
	h := partner.HTTPConfig{URL: c.SMSURL, CAFile: c.SyncCAFile}
	return h, c.partnerHTTP(&h, "--sms-url", c.SMSTokenFile)
}

func (c *Config) partnerHTTP(h *partner.HTTPConfig, flagName, tokenFile string) error {
	u, err := url.Parse(h.URL)
	if err != nil || u.Host == "" || (u.Scheme != "https" && !(u.Scheme == "http" && isLoopback(u.Hostname()))) {
		// Personal data and dossier states leave the server here: plain
		// HTTP only to a local relay on the same machine.
		return fmt.Errorf("%s phải là địa chỉ https://… đầy đủ (http chỉ được dùng với máy cục bộ); nhận được %q", flagName, h.URL)
	}
	if tokenFile != "" {
		b, err := os.ReadFile(tokenFile)
		if err != nil {
			return fmt.Errorf("đọc tệp khoá của %s: %w", flagName, err)
		}
		if h.Token = strings.TrimSpace(string(b)); h.Token == "" || strings.ContainsAny(h.Token, "\r\n") {
			return fmt.Errorf("tệp khoá %s của %s rỗng hoặc có nhiều dòng", tokenFile, flagName)
		}
	}
	if _, err := h.Client(); err != nil {
		return fmt.Errorf("%s: %w", flagName, err)
	}
	return nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
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
