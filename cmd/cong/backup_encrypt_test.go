package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"

	"github.com/congportal/cong/internal/store"
)

// decryptTo opens an age file with id and writes the plaintext to a new file.
func decryptTo(t *testing.T, file string, id age.Identity) string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := age.Decrypt(f, id)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "giai-ma.tar.gz")
	w, _ := os.Create(out)
	if _, err := io.Copy(w, r); err != nil {
		t.Fatal(err)
	}
	w.Close()
	return out
}

// The operator's drill from the README: encrypted backup to a key, decrypt
// with the identity, restore, find the data.
func TestBackupEncryptCommand(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	mustRun(t, "import", "wxr", "--data", data, "../../internal/wxr/testdata/site.wxr.xml")
	id, _ := age.GenerateX25519Identity()
	second, _ := age.GenerateX25519Identity()
	keys := filepath.Join(t.TempDir(), "nguoi-nhan.txt")
	os.WriteFile(keys, []byte("# khoá của văn phòng\n"+second.Recipient().String()+"\n"), 0o600)

	dir := t.TempDir()
	file := filepath.Join(dir, "sao-luu.tar.gz.age")
	out := mustRun(t, "backup", "--data", data, "--encrypt", "--recipient", id.Recipient().String(), "--recipient-file", keys, file)
	if !strings.Contains(out, "Đã sao lưu") || !strings.Contains(out, "age -d -i") {
		t.Fatalf("backup: %s", out)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("%d entries beside the backup, want none", len(entries)-1)
	}
	if err := run(context.Background(), []string{"restore", "--verify", file}, io.Discard, io.Discard, noenv); err == nil {
		t.Fatal("the encrypted file verified as a plain archive")
	}
	for _, who := range []*age.X25519Identity{id, second} {
		plain := decryptTo(t, file, who)
		restored := filepath.Join(t.TempDir(), "khoi-phuc")
		mustRun(t, "restore", "--data", restored, plain)
		st, err := store.Open(context.Background(), "", restored)
		if err != nil {
			t.Fatal(err)
		}
		var n int
		st.DB().QueryRow(`SELECT COUNT(*) FROM articles`).Scan(&n)
		st.Close()
		if n == 0 {
			t.Fatal("restored database has no articles")
		}
	}

	// Passphrase on stdin (scrypt): `age -d` asks for it.
	pfile := filepath.Join(t.TempDir(), "p.age")
	var buf bytes.Buffer
	if err := cmdBackup(context.Background(), []string{"--data", data, "--encrypt", "--passphrase", pfile},
		strings.NewReader("một cụm mật khẩu dài\n"), &buf, noenv); err != nil {
		t.Fatal(err)
	}
	sid, _ := age.NewScryptIdentity("một cụm mật khẩu dài")
	decryptTo(t, pfile, sid)

	for _, args := range [][]string{
		{"--data", data, "--encrypt", filepath.Join(t.TempDir(), "a.age")},                                 // no recipient
		{"--data", data, "--encrypt", "--recipient", "age1khongphaikhoa", filepath.Join(t.TempDir(), "b")}, // bad key
		{"--data", data, "--recipient", id.Recipient().String(), filepath.Join(t.TempDir(), "c")},          // recipient without --encrypt
		{"--data", data, "--encrypt", "--passphrase", filepath.Join(t.TempDir(), "d")},                     // passphrase too short (empty stdin)
	} {
		err := cmdBackup(context.Background(), args, strings.NewReader(""), io.Discard, noenv)
		if exitCode(err) != 2 {
			t.Errorf("%q: %v, want exit 2", args, err)
		}
	}
}
