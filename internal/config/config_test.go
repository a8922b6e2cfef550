package config

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/media"
)

func TestEnvTwinsAndPrecedence(t *testing.T) {
	env := map[string]string{"CONG_ADDR": ":9090", "CONG_VIEW_WINDOW": "10m", "CONG_DEMO": "true"}
	var c Config
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	ServeFlags(fs, &c)
	if err := Parse(fs, []string{"--addr", ":7070"}, func(k string) string { return env[k] }); err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":7070" {
		t.Errorf("flag must win over env: %q", c.Addr)
	}
	if c.ViewWindow != 10*time.Minute || !c.Demo {
		t.Errorf("env twins not applied: %+v", c)
	}
}

func TestBadValues(t *testing.T) {
	for _, tc := range []struct {
		args []string
		env  map[string]string
	}{
		{args: []string{"--view-window", "abc"}},
		{args: []string{"--nope"}},
		{env: map[string]string{"CONG_VIEW_WINDOW": "soon"}},
	} {
		var c Config
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		ServeFlags(fs, &c)
		if err := Parse(fs, tc.args, func(k string) string { return tc.env[k] }); err == nil {
			t.Errorf("%v %v: want error", tc.args, tc.env)
		}
	}
	c := Config{BaseURL: "localhost", FlushInterval: time.Second}
	if err := c.Validate(); err == nil {
		t.Error("base url without scheme must be refused")
	}
	c = Config{BaseURL: "https://cong.example.vn/", FlushInterval: time.Second, ViewWindow: -time.Second}
	if err := c.Validate(); err == nil {
		t.Error("negative window must be refused")
	}
}

// docs/config.md is generated from the flag definitions; a flag added
// without regenerating it fails here.
func TestConfigReferenceIsCurrent(t *testing.T) {
	got, err := os.ReadFile("../../docs/config.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != Reference() {
		t.Fatal("docs/config.md is out of date: run `go run ./cmd/cong config-doc > docs/config.md`")
	}
	var c Config
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	ServeFlags(fs, &c)
	for _, f := range Flags(fs) {
		if !strings.Contains(string(got), "`--"+f.Name+"` | `"+f.Env+"`") {
			t.Errorf("flag --%s not documented", f.Name)
		}
	}
}

// The deployment files only set variables that are real flags' twins, and
// nginx lets through the largest upload the media library takes.
func TestDeployFilesUseRealSettings(t *testing.T) {
	var c Config
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	ServeFlags(fs, &c)
	known := map[string]bool{}
	for _, f := range Flags(fs) {
		known[f.Env] = true
	}
	envRE := regexp.MustCompile(`\b(CONG_[A-Z_]+)=`)
	for _, name := range []string{"cong.service", "Dockerfile"} {
		b, err := os.ReadFile("../../deploy/" + name)
		if err != nil {
			t.Fatal(err)
		}
		found := envRE.FindAllStringSubmatch(string(b), -1)
		if len(found) == 0 {
			t.Errorf("%s sets no CONG_ variables", name)
		}
		for _, m := range found {
			if !known[m[1]] {
				t.Errorf("deploy/%s sets %s, which is no flag's twin", name, m[1])
			}
		}
	}
	b, err := os.ReadFile("../../deploy/nginx.conf")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`client_max_body_size (\d+)m;`).FindSubmatch(b)
	if m == nil {
		t.Fatal("nginx.conf has no client_max_body_size")
	}
	if mb, _ := strconv.Atoi(string(m[1])); mb<<20 < media.DefaultMaxSize+1<<20 {
		t.Errorf("nginx client_max_body_size %sm is below the upload limit", m[1])
	}
}

// A relay needs a sender address; both are checked before serving.
func TestMailFlags(t *testing.T) {
	base := Config{BaseURL: "https://cong.example.vn", FlushInterval: time.Second, BackupKeep: 1}
	for _, tc := range []struct {
		url, from string
		ok        bool
	}{
		{"", "", true},
		{"smtp://u:p@mail.tinh.gov.vn:587", "Cổng dịch vụ công <khongtraloi@tinh.gov.vn>", true},
		{"smtp://u:p@mail.tinh.gov.vn:587", "", false},
		{"mail.tinh.gov.vn:25", "khongtraloi@tinh.gov.vn", false},
		{"", "khong phai dia chi", false},
	} {
		c := base
		c.SMTPURL, c.MailFrom = tc.url, tc.from
		if err := c.Validate(); (err == nil) != tc.ok {
			t.Errorf("%q %q: %v", tc.url, tc.from, err)
		}
	}
}

// The partner flags are checked before serving: the address, the token
// file, the brand name an SMS gateway needs.
func TestPartnerFlags(t *testing.T) {
	dir := t.TempDir()
	tok := filepath.Join(dir, "token")
	os.WriteFile(tok, []byte("  khoa-bi-mat\n"), 0o600)
	empty := filepath.Join(dir, "empty")
	os.WriteFile(empty, nil, 0o600)
	base := Config{BaseURL: "https://cong.example.vn", FlushInterval: time.Second, BackupKeep: 1}
	for i, tc := range []struct {
		edit func(c *Config)
		ok   bool
	}{
		{func(c *Config) {}, true},
		{func(c *Config) { c.SyncURL, c.SyncTokenFile = "https://dichvucong.gov.vn/api/dong-bo", tok }, true},
		{func(c *Config) { c.SyncURL = "http://127.0.0.1:9000/sync" }, true},
		{func(c *Config) { c.SyncURL = "http://dichvucong.gov.vn/api" }, false},
		{func(c *Config) { c.SyncURL = "dichvucong.gov.vn" }, false},
		{func(c *Config) { c.SyncURL, c.SyncTokenFile = "https://dichvucong.gov.vn/api", empty }, false},
		{func(c *Config) {
			c.SyncURL, c.SyncTokenFile = "https://dichvucong.gov.vn/api", filepath.Join(dir, "none")
		}, false},
		{func(c *Config) { c.SyncURL, c.SyncClientCert = "https://dichvucong.gov.vn/api", tok }, false},
		{func(c *Config) { c.SyncTokenFile = tok }, false},
		{func(c *Config) { c.SMSURL, c.SMSBrand = "https://sms.example.vn/send", "UBND TINH" }, true},
		{func(c *Config) { c.SMSURL = "https://sms.example.vn/send" }, false},
		{func(c *Config) { c.PartnerKeep = time.Minute }, false},
	} {
		c := base
		tc.edit(&c)
		if err := c.Validate(); (err == nil) != tc.ok {
			t.Errorf("case %d: %v", i, err)
		}
	}
	c := base
	c.SyncURL, c.SyncTokenFile = "https://dichvucong.gov.vn/api", tok
	if h, err := c.SyncHTTP(); err != nil || h.Token != "khoa-bi-mat" {
		t.Fatalf("%+v %v", h, err)
	}
}
func TestPaymentFlags(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret")
	if err := os.WriteFile(secret, []byte("0123456789abcdefXYZ\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	short := filepath.Join(dir, "short")
	os.WriteFile(short, []byte("abc"), 0o600)
	base := func() Config {
		return Config{BaseURL: "https://x.vn", FlushInterval: time.Second, BackupKeep: 1}
	}
	c := base()
	if err := c.Validate(); err != nil || c.PaymentOn() {
		t.Fatalf("off by default: %v", err)
	}
	c.PaymentURL = "https://gw.vn/pay"
	if err := c.Validate(); err == nil {
		t.Fatal("a partial configuration was accepted")
	}
	c.PaymentAPIURL, c.PaymentMerchant, c.PaymentSecretFile = "https://gw.vn/api", "CONG01", secret
	if err := c.Validate(); err != nil || !c.PaymentOn() {
		t.Fatalf("full configuration: %v", err)
	}
	if b, _ := c.PaymentSecret(); string(b) != "0123456789abcdefXYZ" {
		t.Fatalf("secret %q", b)
	}
	c.PaymentSecretFile = short
	if err := c.Validate(); err == nil {
		t.Fatal("a short secret was accepted")
	}
	c.PaymentSecretFile = filepath.Join(dir, "missing")
	if err := c.Validate(); err == nil {
		t.Fatal("a missing secret file was accepted")
	}
}

func TestCitizenOIDCFlags(t *testing.T) {
	base := Config{BaseURL: "https://cong.example.vn", FlushInterval: time.Second, BackupKeep: 1}
	secret := filepath.Join(t.TempDir(), "secret")
	os.WriteFile(secret, []byte("bi-mat\n"), 0o600)
	for _, tc := range []struct {
		issuer, id, sec, file string
		ok                    bool
	}{
		{"", "", "", "", true},
		{"https://sso.dichvucong.gov.vn", "cong-tinh", "s", "", true},
		{"https://sso.dichvucong.gov.vn", "cong-tinh", "", secret, true},
		{"http://127.0.0.1:9998", "cong-tinh", "s", "", true},
		{"http://sso.dichvucong.gov.vn", "cong-tinh", "s", "", false},
		{"https://sso.dichvucong.gov.vn", "", "s", "", false},
		{"", "cong-tinh", "", "", false},
		{"https://sso.dichvucong.gov.vn", "cong-tinh", "s", secret, false},
		{"https://sso.dichvucong.gov.vn", "cong-tinh", "", secret + "-khong-co", false},
	} {
		c := base
		c.CitizenOIDCIssuer, c.CitizenOIDCClientID, c.CitizenOIDCClientSecret, c.CitizenOIDCClientSecretFile = tc.issuer, tc.id, tc.sec, tc.file
		if err := c.Validate(); (err == nil) != tc.ok {
			t.Errorf("%+v: %v", tc, err)
		}
		if tc.ok && tc.file != "" && c.CitizenOIDCClientSecret != "bi-mat" {
			t.Errorf("secret from file: %q", c.CitizenOIDCClientSecret)
		}
	}
}
