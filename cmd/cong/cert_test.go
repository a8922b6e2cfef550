package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `cong cert check` opens the unit's PKCS#12 file, shows the signer and
// signs a trial page; a wrong password fails with the reason.
func TestCertCheck(t *testing.T) {
	dir := t.TempDir()
	pass := filepath.Join(dir, "p")
	os.WriteFile(pass, []byte("thu-nghiem\n"), 0o600)
	p12 := "../../internal/esign/testdata/unit.p12"
	var out bytes.Buffer
	if err := run(context.Background(), []string{"cert", "check", "--sign-cert", p12, "--sign-password-file", pass}, &out, io.Discard, noenv); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Người ký: UBND xã Thử Nghiệm") || !strings.Contains(out.String(), "Ký thử thành công.") {
		t.Fatalf("output:\n%s", out.String())
	}
	os.WriteFile(pass, []byte("sai\n"), 0o600)
	err := run(context.Background(), []string{"cert", "check", "--sign-cert", p12, "--sign-password-file", pass}, io.Discard, io.Discard, noenv)
	if err == nil || !strings.Contains(err.Error(), "sai mật khẩu") {
		t.Fatalf("wrong password: %v", err)
	}
	if err := run(context.Background(), []string{"cert", "check"}, io.Discard, io.Discard, noenv); exitCode(err) != 2 {
		t.Fatalf("no certificate: %v", err)
	}
}
