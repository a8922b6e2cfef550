package backup_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"

	"github.com/congportal/cong/internal/backup"
	"github.com/congportal/cong/internal/backup/backuptest"
)

// A copied backup must not be a copied population register: with
// recipients the file is age ciphertext, only the identity opens it, and
// what it opens to restores the same database and files. No plaintext
// temporary is left in the backup's folder or the data folder.
func TestCreateEncrypted(t *testing.T) {
	data, st, _ := newData(t)
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	other, _ := age.GenerateX25519Identity()
	outDir := t.TempDir()
	dest := filepath.Join(outDir, "sao-luu.tar.gz.age")
	if _, err := backup.CreateEncrypted(ctx, st, data, dest, "test", []age.Recipient{id.Recipient()}); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(dest)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(raw, []byte("age-encryption.org/v1\n")) {
		t.Fatalf("not an age file: %q", raw[:min(40, len(raw))])
	}
	if entries, _ := os.ReadDir(outDir); len(entries) != 1 {
		t.Fatalf("backup folder holds %d entries, want only the backup", len(entries))
	}
	leftovers, _ := filepath.Glob(filepath.Join(data, ".cong-backup-*"))
	if len(leftovers) > 0 {
		t.Fatalf("plaintext temporaries left in the data folder: %v", leftovers)
	}

	if _, err := age.Decrypt(bytes.NewReader(raw), other); err == nil {
		t.Fatal("another identity decrypted the backup")
	}
	r, err := age.Decrypt(bytes.NewReader(raw), id)
	if err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(t.TempDir(), "giai-ma.tar.gz")
	f, _ := os.Create(plain)
	if _, err := io.Copy(f, r); err != nil {
		t.Fatal(err)
	}
	f.Close()
	target := filepath.Join(t.TempDir(), "khoi-phuc")
	if _, err := backup.Restore(ctx, plain, target, backup.RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
	rst := openRestored(t, target)
	var title string
	if err := rst.DB().QueryRow(`SELECT title FROM articles WHERE title LIKE 'Hội nghị tổng kết%' ORDER BY id LIMIT 1`).Scan(&title); err != nil || !strings.HasPrefix(title, "Hội nghị tổng kết công tác năm") {
		t.Fatalf("restored article %q, %v", title, err)
	}
	backuptest.SameDatabase(t, st, rst)
	backuptest.SameFiles(t, data, target)

	if _, err := backup.CreateEncrypted(ctx, st, data, filepath.Join(outDir, "x.age"), "test", nil); err == nil {
		t.Fatal("encrypted backup without recipients accepted")
	}
}
