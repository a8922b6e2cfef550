package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func noenv(string) string { return "" }

func exitCode(err error) int {
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	if err != nil {
		return 1
	}
	return 0
}

func TestBadUsageExits2(t *testing.T) {
	cases := [][]string{
		{},
		{"nope"},
		{"serve", "--nope"},
		{"serve", "--view-window", "abc"},
		{"serve", "--base-url", "localhost"},
		{"serve", "--trusted-proxies", "300.1.1.1"},
		{"serve", "--db", "mysql://x"},
		{"serve", "--db", "postgres://nobody@127.0.0.1:1/x?connect_timeout=1"},
		{"migrate", "--db", "postgres://nobody@127.0.0.1:1/x?connect_timeout=1"},
		{"import", "wxr"},
		{"import", "wxr", "--data", t.TempDir(), "/khong/co/tep.xml"},
	}
	for _, args := range cases {
		err := run(context.Background(), args, io.Discard, io.Discard, noenv)
		if exitCode(err) != 2 {
			t.Errorf("%q: exit %d (%v), want 2", args, exitCode(err), err)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: error is not one line: %q", args, err)
		}
	}
	// An environment twin with a bad value is also a usage error.
	err := run(context.Background(), []string{"serve"}, io.Discard, io.Discard, func(k string) string {
		if k == "CONG_VIEW_WINDOW" {
			return "soon"
		}
		return ""
	})
	if exitCode(err) != 2 {
		t.Errorf("bad CONG_VIEW_WINDOW: %v", err)
	}
}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// waitUp waits for the server to answer. Start-up on PostgreSQL (a fresh
// database: migrations, demo content) takes several seconds on a busy
// machine, so the limit is generous.
func waitUp(t *testing.T, base string) {
	for i := 0; i < 1200; i++ {
		if r, err := http.Get(base + "/healthz"); err == nil {
			r.Body.Close()
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("server did not start")
}

func get(t *testing.T, url string) string {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")
	req.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
	req.Header.Set("Accept-Language", "vi-VN,vi;q=0.9")
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	b, _ := io.ReadAll(r.Body)
	if r.StatusCode != 200 {
		t.Fatalf("GET %s: %d", url, r.StatusCode)
	}
	return string(b)
}

// The quick start: serve --demo on an empty folder, browse, stop; views
// written on the graceful stop; a second start keeps the content.
func TestServeDemoAndGracefulStop(t *testing.T) {
	for _, eng := range testdb.Engines() {
		t.Run(eng, func(t *testing.T) {
			data := t.TempDir()
			dbURL := ""
			if eng == "postgres" {
				dbURL = testdb.URL(t, eng)
			}
			addr := freeAddr(t)
			base := "http://" + addr
			args := []string{"serve", "--demo", "--data", data, "--addr", addr, "--base-url", base, "--flush-interval", "1h"}
			if dbURL != "" {
				args = append(args, "--db", dbURL)
			}
			ctx, cancel := context.WithCancel(context.Background())
			var logs bytes.Buffer
			done := make(chan error, 1)
			go func() { done <- run(ctx, args, io.Discard, &logs, noenv) }()
			waitUp(t, base)
			home := get(t, base+"/")
			m := regexp.MustCompile(`href="/bai-viet/([a-z0-9-]+)"`).FindStringSubmatch(home)
			if m == nil {
				t.Fatal("no article link on the demo home page")
			}
			art := get(t, base+"/bai-viet/"+m[1])
			if !strings.Contains(art, "Lượt xem: 1<") {
				t.Fatal("first view not shown")
			}
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Fatalf("serve returned %v", err)
				}
			case <-time.After(30 * time.Second):
				t.Fatal("serve did not stop")
			}
			if !strings.Contains(logs.String(), "demo content loaded") {
				t.Errorf("log: %s", logs.String())
			}
			if eng == "sqlite" {
				if _, err := os.Stat(filepath.Join(data, "cong.db")); err != nil {
					t.Fatal(err)
				}
			}
			st, err := store.Open(context.Background(), dbURL, data)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			var views int64
			if err := st.DB().QueryRow(`SELECT COALESCE(SUM(views), 0) FROM articles`).Scan(&views); err != nil {
				t.Fatal(err)
			}
			if views != 1 {
				t.Fatalf("views after graceful stop: %d, want 1 (flush interval was 1h)", views)
			}
			var n int
			st.DB().QueryRow(`SELECT COUNT(*) FROM articles`).Scan(&n)
			if n < 30 {
				t.Fatalf("demo articles: %d", n)
			}
			// Second run: the demo is not loaded again.
			logs.Reset()
			ctx2, cancel2 := context.WithCancel(context.Background())
			addr2 := freeAddr(t)
			args[5] = addr2
			go func() { done <- run(ctx2, args, io.Discard, &logs, noenv) }()
			waitUp(t, "http://"+addr2)
			cancel2()
			<-done
			if !strings.Contains(logs.String(), "demo content not loaded") {
				t.Errorf("second run log: %s", logs.String())
			}
			var n2 int
			st.DB().QueryRow(`SELECT COUNT(*) FROM articles`).Scan(&n2)
			if n2 != n {
				t.Fatalf("articles %d → %d on second --demo", n, n2)
			}
		})
	}
}

func TestMigrateAndImportCommands(t *testing.T) {
	data := t.TempDir()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"migrate", "--data", data, "--dry-run"}, &out, io.Discard, noenv); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "sẽ chạy 0001_init") {
		t.Fatalf("dry run: %s", out.String())
	}
	out.Reset()
	if err := run(context.Background(), []string{"migrate", "--data", data}, &out, io.Discard, noenv); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := run(context.Background(), []string{"import", "wxr", "--data", data, "../../internal/wxr/testdata/site.wxr.xml"}, &out, io.Discard, noenv); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Bài viết đã nhập: 5") {
		t.Fatalf("import summary: %s", out.String())
	}
	out.Reset()
	err := run(context.Background(), []string{"import", "wxr", "--data", data, "../../internal/wxr/testdata/broken.wxr.xml"}, &out, io.Discard, noenv)
	if err == nil || !strings.Contains(err.Error(), "không nhập gì") {
		t.Fatalf("broken import: %v", err)
	}
	out.Reset()
	if err := run(context.Background(), []string{"site", "--data", data, "--name", "Cổng thông tin điện tử xã Hòa Phong", "--starting-total", "503"}, &out, io.Discard, noenv); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Tổng ban đầu:    503") || !strings.Contains(out.String(), "xã Hòa Phong") {
		t.Fatalf("site: %s", out.String())
	}
	if err := run(context.Background(), []string{"site", "--data", data, "--starting-total", "-5"}, io.Discard, io.Discard, noenv); exitCode(err) != 2 {
		t.Fatalf("negative total: %v", err)
	}
	out.Reset()
	if err := run(context.Background(), []string{"version"}, &out, io.Discard, noenv); err != nil || !strings.HasPrefix(out.String(), "cong") {
		t.Fatalf("version %q %v", out.String(), err)
	}
}
