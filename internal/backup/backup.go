// Package backup makes and restores backups of a SQLite data folder: one
// tar.gz archive holding a consistent snapshot of the database, every other
// file of the folder (media, dossier files, whatever later features keep
// there) and a manifest with each file's SHA-256.
//
// Nothing is listed by hand: the folder is walked and the database copied
// whole, so tables and sub-folders added by later features are backed up
// without changes here.
package backup

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"filippo.io/age"

	"github.com/congportal/cong/internal/store"
)

// Format is the archive layout version written into the manifest. Restore
// refuses archives with a higher one.
const Format = 1

// DBName is the database file inside the data folder (and the archive).
const DBName = "cong.db"

// BackupsDir is the sub-folder of the data folder that scheduled backups go
// to; it is never put into a backup itself.
const BackupsDir = "backups"

const (
	manifestName = "manifest.json"
	dataPrefix   = "data/"
)

// Manifest describes an archive. It is the last entry, so it can list the
// checksums of everything before it.
type Manifest struct {
	Format    int       `json:"format"`
	Version   string    `json:"cong_version"`
	Schema    int       `json:"schema_version"`
	Engine    string    `json:"engine"`
	CreatedAt time.Time `json:"created_at"`
	Files     []File    `json:"files"`
}

// File is one archived file, by its path relative to the data folder.
type File struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Total is the number of bytes the archived files take.
func (m *Manifest) Total() int64 {
	var n int64
	for _, f := range m.Files {
		n += f.Size
	}
	return n
}

// skip says which paths of the data folder stay out of a backup: the live
// database files (the snapshot replaces them), the backups themselves, and
// dot-files, which are temporary files in the making (uploads being written,
// our own temporaries) that an atomic rename will publish or drop.
func skip(rel string, dir bool) bool {
	base := path.Base(rel)
	if strings.HasPrefix(base, ".") {
		return true
	}
	if dir {
		return rel == BackupsDir
	}
	switch rel {
	case DBName, DBName + "-wal", DBName + "-shm", DBName + "-journal":
		return true
	}
	return false
}

// Create writes a backup of the store (which must be SQLite) and the data
// folder to dest. The archive is written to a temporary file beside dest,
// synced and renamed, so dest is either the complete previous file, absent,
// or the complete new backup — never half-written, even on a full disk.
func Create(ctx context.Context, st *store.Store, dataDir, dest, version string) (*Manifest, error) {
	return create(ctx, st, dataDir, dest, version, nil)
}

// CreateEncrypted is Create with the archive encrypted to the age
// recipients as it is written: the file is an age file holding the tar.gz,
// and "age -d -i KEY FILE" gives back what Create would have written.
//
// Plaintext never leaves the data folder: the database snapshot, the one
// plaintext temporary, is made inside dataDir (a dot-file, which backups
// skip) and removed as soon as it is archived; the archive itself goes
// straight from gzip into the age writer, so only ciphertext reaches dest's
// folder.
func CreateEncrypted(ctx context.Context, st *store.Store, dataDir, dest, version string, to []age.Recipient) (*Manifest, error) {
	if len(to) == 0 {
		return nil, errors.New("sao lưu mã hoá cần ít nhất một người nhận (khoá age1…)")
	}
	return create(ctx, st, dataDir, dest, version, to)
}

func create(ctx context.Context, st *store.Store, dataDir, dest, version string, to []age.Recipient) (*Manifest, error) {
	if st.Dialect() != store.SQLite {
		return nil, store.ErrNotSQLite
	}
	schema, err := st.SchemaVersion(ctx)
	if err != nil {
		return nil, err
	}
	destDir := filepath.Dir(dest)
	tmp, err := os.CreateTemp(destDir, ".cong-backup-*")
	if err != nil {
		return nil, fmt.Errorf("không tạo được tệp sao lưu trong %s: %w", destDir, err)
	}
	tmpName := tmp.Name()
	snapshot := tmpName + ".db"
	if to != nil {
		snapshot = filepath.Join(dataDir, "."+filepath.Base(tmpName)+".db")
	}
	ok := false
	defer func() {
		os.Remove(snapshot)
		if !ok {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()
	// The database first: a file uploaded after the snapshot is harmless
	// in the archive, a row whose file is missing would not be.
	if err := st.Snapshot(ctx, snapshot); err != nil {
		return nil, err
	}
	m := &Manifest{Format: Format, Version: version, Schema: schema, Engine: "sqlite", CreatedAt: time.Now().UTC().Truncate(time.Second)}
	var out io.Writer = tmp
	var enc io.WriteCloser
	if to != nil {
		if enc, err = age.Encrypt(tmp, to...); err != nil {
			return nil, fmt.Errorf("mã hoá bản sao lưu: %w", err)
		}
		out = enc
	}
	gz, _ := gzip.NewWriterLevel(out, gzip.BestSpeed)
	tw := tar.NewWriter(gz)
	add := func(rel, src string) error {
		f, err := addFile(tw, rel, src)
		if err != nil {
			return err
		}
		m.Files = append(m.Files, f)
		return ctx.Err()
	}
	if err := add(DBName, snapshot); err != nil {
		return nil, err
	}
	if to != nil {
		// The plaintext copy is archived (encrypted); drop it now rather
		// than after walking a data folder that may hold gigabytes.
		os.Remove(snapshot)
	}
	absDest, _ := filepath.Abs(dest)
	absTmp, _ := filepath.Abs(tmpName)
	err = filepath.WalkDir(dataDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // removed while we walked
			}
			return err
		}
		rel, err := filepath.Rel(dataDir, p)
		if err != nil || rel == "." {
			return err
		}
		rel = filepath.ToSlash(rel)
		if skip(rel, d.IsDir()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		if a, _ := filepath.Abs(p); a == absDest || a == absTmp {
			return nil
		}
		err = add(rel, p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("sao lưu thư mục dữ liệu: %w", err)
	}
	mb, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := tw.WriteHeader(&tar.Header{Name: manifestName, Mode: 0o640, Size: int64(len(mb)), ModTime: m.CreatedAt, Typeflag: tar.TypeReg}); err != nil {
		return nil, writeErr(err)
	}
	if _, err := tw.Write(mb); err != nil {
		return nil, writeErr(err)
	}
	if err := tw.Close(); err != nil {
		return nil, writeErr(err)
	}
	if err := gz.Close(); err != nil {
		return nil, writeErr(err)
	}
	if enc != nil {
		if err := enc.Close(); err != nil {
			return nil, writeErr(err)
		}
	}
	if err := tmp.Sync(); err != nil {
		return nil, writeErr(err)
	}
	if err := tmp.Close(); err != nil {
		return nil, writeErr(err)
	}
	if err := os.Chmod(tmpName, 0o640); err != nil {
		return nil, err
	}
	if err := os.Rename(tmpName, dest); err != nil {
		return nil, fmt.Errorf("đặt tên tệp sao lưu: %w", err)
	}
	ok = true
	syncDir(destDir)
	return m, nil
}

func writeErr(err error) error {
	return fmt.Errorf("ghi tệp sao lưu (ổ đĩa đầy?): %w", err)
}

// addFile copies src into the archive as data/rel, hashing what it writes.
// The size is taken once; a file that changes size meanwhile is an error
// rather than a silently torn copy.
func addFile(tw *tar.Writer, rel, src string) (File, error) {
	f, err := os.Open(src)
	if err != nil {
		return File{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return File{}, err
	}
	hdr := &tar.Header{Name: dataPrefix + rel, Mode: 0o640, Size: fi.Size(), ModTime: fi.ModTime().UTC(), Typeflag: tar.TypeReg}
	if err := tw.WriteHeader(hdr); err != nil {
		return File{}, writeErr(err)
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tw, h), io.LimitReader(f, fi.Size()))
	if err != nil {
		return File{}, fmt.Errorf("%s: %w", rel, err)
	}
	if n != fi.Size() {
		return File{}, fmt.Errorf("%s: tệp bị thay đổi trong lúc sao lưu", rel)
	}
	return File{Path: rel, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// Rotate keeps the newest keep backups made by the scheduler in dir and
// removes older ones. Only names the scheduler writes are considered, so an
// admin's own files in the folder are never deleted.
func Rotate(dir string, keep int) (removed []string, err error) {
	if keep < 1 {
		keep = 1
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		stamp, ok := strings.CutPrefix(n, schedPrefix)
		stamp, ok2 := strings.CutSuffix(stamp, schedSuffix)
		if !ok || !ok2 || !e.Type().IsRegular() {
			continue
		}
		if _, err := time.Parse(stampLayout, stamp); err == nil {
			names = append(names, n)
		}
	}
	// Names embed a UTC timestamp, so lexical order is age order.
	sort.Strings(names)
	for len(names) > keep {
		p := filepath.Join(dir, names[0])
		if err := os.Remove(p); err != nil {
			return removed, err
		}
		removed = append(removed, p)
		names = names[1:]
	}
	return removed, nil
}

const (
	stampLayout = "20060102-150405"
	schedPrefix = "cong-"
	schedSuffix = ".tar.gz"
)

// ScheduledName is the file name of a backup taken at t.
func ScheduledName(t time.Time) string {
	return schedPrefix + t.UTC().Format(stampLayout) + schedSuffix
}
