//go:build linux

package backup_test

import (
	"crypto/rand"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/congportal/cong/internal/backup"
)

// A disk that fills up during a backup is simulated in a child process with
// a file-size limit (RLIMIT_FSIZE): writes past it fail with EFBIG, as they
// would with ENOSPC. The backup must fail cleanly and leave nothing behind.
func TestBackupDiskFull(t *testing.T) {
	if os.Getenv("CONG_DISKFULL_CHILD") != "" {
		diskFullChild(t)
		return
	}
	data, st, _ := newData(t)
	// Enough incompressible data that the archive cannot fit under the limit.
	big := make([]byte, 3<<20)
	rand.Read(big)
	os.WriteFile(filepath.Join(data, "media", "lon.bin"), big, 0o640)
	st.Close()
	dest := filepath.Join(t.TempDir(), "out")
	os.MkdirAll(dest, 0o750)
	os.WriteFile(filepath.Join(dest, "b.tar.gz"), []byte("bản cũ"), 0o640)
	cmd := exec.Command(os.Args[0], "-test.run=^TestBackupDiskFull$", "-test.v")
	cmd.Env = append(os.Environ(), "CONG_DISKFULL_CHILD=1", "CONG_DISKFULL_DATA="+data, "CONG_DISKFULL_DEST="+filepath.Join(dest, "b.tar.gz"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "BACKUP FAILED:") {
		t.Fatalf("backup did not fail on a full disk:\n%s", out)
	}
	t.Log(strings.TrimSpace(string(out)))
	entries, _ := os.ReadDir(dest)
	if len(entries) != 1 {
		t.Fatalf("left behind: %v", entries)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "b.tar.gz")); string(b) != "bản cũ" {
		t.Fatal("the previous backup was overwritten")
	}
}

func diskFullChild(t *testing.T) {
	signal.Ignore(syscall.SIGXFSZ)
	lim := syscall.Rlimit{Cur: 1 << 20, Max: 1 << 20}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Skip("cannot limit file size:", err)
	}
	st := openRestored(t, os.Getenv("CONG_DISKFULL_DATA"))
	_, err := backup.Create(ctx, st, os.Getenv("CONG_DISKFULL_DATA"), os.Getenv("CONG_DISKFULL_DEST"), "test")
	if err == nil {
		t.Log("BACKUP SUCCEEDED")
		return
	}
	if strings.Contains(err.Error(), "\n") {
		t.Fatalf("message not one line: %q", err)
	}
	t.Logf("BACKUP FAILED: %v", err)
}
