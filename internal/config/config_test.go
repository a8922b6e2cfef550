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
