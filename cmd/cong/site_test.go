package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/store"
)

// TestSiteCommands: sites are added, listed and changed from the shell;
// every bad input is one line, exit status 2, and writes nothing.
func TestSiteCommands(t *testing.T) {
	data := t.TempDir()
	ctx := context.Background()
	cli := func(stdin string, args ...string) (string, error) {
		var out bytes.Buffer
		var err error
		if args[0] == "user" {
			err = cmdUser(ctx, args[1:], strings.NewReader(stdin), &out, noenv)
		} else {
			err = run(ctx, args, &out, io.Discard, noenv)
		}
		return out.String(), err
	}
	must := func(stdin string, args ...string) string {
		t.Helper()
		out, err := cli(stdin, append(args[:1:1], append([]string{}, args[1:]...)...)...)
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		return out
	}
	sitesVersion := func() int64 {
		t.Helper()
		st, err := store.Open(ctx, "", data)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		v, err := st.SitesVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	must("", "site", "set", "--data", data, "--new-host", "tinh.gov.vn", "--name", "Cổng tỉnh")
	must("", "site", "add", "--data", data, "--host", "xa-a.tinh.gov.vn", "--name", "Xã A", "--kind", "commune", "--parent", "tinh.gov.vn", "--unit", "XA-A")
	list := must("", "site", "list", "--data", data)
	for _, want := range []string{"tinh.gov.vn", "xa-a.tinh.gov.vn", "commune", "XA-A", "Xã A"} {
		if !strings.Contains(list, want) {
			t.Fatalf("list lacks %q:\n%s", want, list)
		}
	}
	v := sitesVersion()
	bad := [][]string{
		{"site", "add", "--data", data, "--host", "xa-a.tinh.gov.vn", "--name", "Trùng"},
		{"site", "add", "--data", data, "--host", "Xã B.tinh", "--name", "Sai"},
		{"site", "add", "--data", data, "--host", "xa-b.tinh.gov.vn", "--name", "B", "--parent", "khong-co.tinh.gov.vn"},
		{"site", "add", "--data", data, "--host", "xa-b.tinh.gov.vn", "--name", "B", "--kind", "lang"},
		{"site", "add", "--data", data, "--host", "xa-b.tinh.gov.vn", "--name", "B", "--parent", "xa-a.tinh.gov.vn"},
		{"site", "set", "--data", data, "--host", "khong-co.tinh.gov.vn", "--name", "X"},
		{"site", "set", "--data", data, "--host", "xa-a.tinh.gov.vn", "--new-host", "tinh.gov.vn"},
		{"token", "add", "--data", data, "--username", "ai", "--site", "khong-co.tinh.gov.vn"},
		{"user", "grant", "--data", data, "--username", "bientap", "--site", "xa-a.tinh.gov.vn", "--on", "khong-co.tinh.gov.vn", "--role", "editor"},
	}
	for _, args := range bad {
		out, err := cli("", args...)
		if exitCode(err) != 2 || strings.Contains(err.Error(), "\n") {
			t.Errorf("%v: status %d, err %v, out %q", args, exitCode(err), err, out)
		}
	}
	if v2 := sitesVersion(); v2 != v {
		t.Fatalf("a refused command wrote: sites version %d → %d", v, v2)
	}
	if out := must("", "site", "list", "--data", data); strings.Count(out, "\n") != 3 {
		t.Fatalf("sites after refusals:\n%s", out)
	}
	must("Mật-khẩu-đủ-dài-2026\n", "user", "add", "--data", data, "--username", "bientap", "--role", "editor", "--site", "xa-a.tinh.gov.vn")
	tok := strings.TrimSpace(must("", "token", "add", "--data", data, "--username", "bientap", "--site", "xa-a.tinh.gov.vn"))
	if len(tok) < 20 {
		t.Fatalf("token %q", tok)
	}
	// The commune editor has no account on the province site.
	if _, err := cli("", "token", "add", "--data", data, "--username", "bientap", "--site", "tinh.gov.vn"); exitCode(err) != 2 {
		t.Fatalf("token for a user without a role on the site: %v", err)
	}
	must("", "user", "grant", "--data", data, "--username", "bientap", "--site", "xa-a.tinh.gov.vn", "--on", "tinh.gov.vn", "--role", "editor")
	must("", "token", "add", "--data", data, "--username", "bientap", "--site", "tinh.gov.vn")
	must("", "export", "json", "--data", data, "--site", "xa-a.tinh.gov.vn", t.TempDir()+"/xa.json")
	// The old form, without a subcommand, still changes the first site.
	if out := must("", "site", "--data", data, "--starting-total", "7"); !strings.Contains(out, "tinh.gov.vn") || !strings.Contains(out, "Tổng ban đầu:    7") {
		t.Fatalf("site without subcommand: %s", out)
	}
}
