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
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/congportal/cong/internal/store"
)

var (
	// ErrCorrupt: the archive is damaged, truncated or not a Cổng backup.
	ErrCorrupt = errors.New("tệp sao lưu hỏng")
	// ErrNewer: the backup was made by a newer cong than this one.
	ErrNewer = errors.New("bản sao lưu mới hơn chương trình")
	// ErrNotEmpty: the target folder has files and --force was not given.
	ErrNotEmpty = errors.New("thư mục đích không trống")
)

func corrupt(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrCorrupt, fmt.Sprintf(format, args...))
}

// entryPath turns an archive name into a path relative to the data folder,
// refusing anything that could land outside it.
func entryPath(name string) (string, error) {
	rel, ok := strings.CutPrefix(name, dataPrefix)
	if !ok || rel == "" || path.Clean(rel) != rel || strings.HasPrefix(rel, "../") || rel == ".." || path.IsAbs(rel) {
		return "", corrupt("mục lạ trong tệp: %q", name)
	}
	return rel, nil
}

// walk reads every entry of the archive, handing data files to fn, and
// returns the manifest. It fails on any read error, so a truncated archive
// is reported here.
func walk(archive string, fn func(rel string, hdr *tar.Header, r io.Reader) (File, error)) (*Manifest, map[string]File, error) {
	f, err := os.Open(archive)
	if err != nil {
		return nil, nil, fmt.Errorf("không mở được tệp sao lưu: %w", err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, nil, corrupt("không phải tệp tar.gz (%v)", err)
	}
	tr := tar.NewReader(gz)
	seen := map[string]File{}
	var m *Manifest
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, corrupt("tệp bị cắt cụt hoặc hỏng (%v)", err)
		}
		if hdr.Typeflag != tar.TypeReg {
			return nil, nil, corrupt("mục không phải tệp: %q", hdr.Name)
		}
		if hdr.Name == manifestName {
			if m != nil {
				return nil, nil, corrupt("có hai tệp manifest.json")
			}
			m = new(Manifest)
			if err := json.NewDecoder(io.LimitReader(tr, 64<<20)).Decode(m); err != nil {
				return nil, nil, corrupt("manifest.json không đọc được (%v)", err)
			}
			continue
		}
		rel, err := entryPath(hdr.Name)
		if err != nil {
			return nil, nil, err
		}
		if _, dup := seen[rel]; dup {
			return nil, nil, corrupt("tệp %s xuất hiện hai lần", rel)
		}
		got, err := fn(rel, hdr, tr)
		if err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) {
				return nil, nil, corrupt("tệp bị cắt cụt hoặc hỏng (%v)", err)
			}
			return nil, nil, err
		}
		seen[rel] = got
	}
	// Reading to EOF also checks gzip's own CRC and length trailer.
	if _, err := io.Copy(io.Discard, gz); err != nil {
		return nil, nil, corrupt("tệp bị cắt cụt hoặc hỏng (%v)", err)
	}
	if m == nil {
		return nil, nil, corrupt("thiếu manifest.json: không phải bản sao lưu của Cổng, hoặc bị cắt cụt")
	}
	return m, seen, nil
}

func hashTo(w io.Writer, r io.Reader, rel string) (File, error) {
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h), r)
	if err != nil {
		return File{}, err
	}
	return File{Path: rel, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// check compares what was read with the manifest.
func check(m *Manifest, seen map[string]File) error {
	if m.Format < 1 || m.Format > Format {
		return fmt.Errorf("%w: định dạng %d, chương trình này đọc được đến %d", ErrNewer, m.Format, Format)
	}
	listed := map[string]bool{}
	for _, f := range m.Files {
		got, ok := seen[f.Path]
		if !ok {
			return corrupt("thiếu tệp %s", f.Path)
		}
		if got.Size != f.Size || got.SHA256 != f.SHA256 {
			return corrupt("tệp %s sai mã kiểm tra", f.Path)
		}
		listed[f.Path] = true
	}
	for p := range seen {
		if !listed[p] {
			return corrupt("tệp %s không có trong manifest", p)
		}
	}
	if !listed[DBName] {
		return corrupt("thiếu cơ sở dữ liệu %s", DBName)
	}
	return nil
}

// Verify reads the whole archive and checks every file against the
// manifest, writing nothing.
func Verify(archive string) (*Manifest, error) {
	m, seen, err := walk(archive, func(rel string, _ *tar.Header, r io.Reader) (File, error) {
		return hashTo(io.Discard, r, rel)
	})
	if err != nil {
		return nil, err
	}
	return m, check(m, seen)
}

// RestoreOptions tune Restore.
type RestoreOptions struct {
	// Force replaces a non-empty folder. The old folder is not deleted: it
	// is renamed beside the target and its name returned.
	Force bool
}

// Restored says what Restore did.
type Restored struct {
	Manifest *Manifest
	Previous string // where the replaced folder was moved, with Force
}

// Restore unpacks archive into the data folder target. The archive is
// verified completely before anything is written; it is then unpacked into
// a temporary folder beside target, verified again as it is written, synced,
// and only then renamed into place. A failure at any step leaves target as
// it was.
func Restore(ctx context.Context, archive, target string, o RestoreOptions) (*Restored, error) {
	m, err := Verify(archive)
	if err != nil {
		return nil, err
	}
	if newest := store.LatestSchema(); m.Schema > newest {
		return nil, fmt.Errorf("%w: lược đồ %d (cong %s), chương trình này chỉ biết đến %d; hãy dùng bản cong mới hơn", ErrNewer, m.Schema, m.Version, newest)
	}
	target, err = filepath.Abs(target)
	if err != nil {
		return nil, err
	}
	empty, exists, err := emptyDir(target)
	if err != nil {
		return nil, err
	}
	if !empty && !o.Force {
		return nil, fmt.Errorf("%w: %s đã có dữ liệu; dùng --force để thay thế (thư mục cũ được giữ lại bên cạnh)", ErrNotEmpty, target)
	}
	parent := filepath.Dir(target)
	if err := os.MkdirAll(parent, 0o750); err != nil {
		return nil, fmt.Errorf("không tạo được thư mục %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, ".cong-restore-*")
	if err != nil {
		return nil, fmt.Errorf("không ghi được vào %s: %w", parent, err)
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(tmp)
		}
	}()
	m2, seen, err := walk(archive, func(rel string, hdr *tar.Header, r io.Reader) (File, error) {
		if err := ctx.Err(); err != nil {
			return File{}, err
		}
		p := filepath.Join(tmp, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
			return File{}, err
		}
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
		if err != nil {
			return File{}, err
		}
		got, err := hashTo(f, r, rel)
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return File{}, fmt.Errorf("ghi %s: %w", rel, err)
		}
		os.Chtimes(p, hdr.ModTime, hdr.ModTime)
		return got, nil
	})
	if err != nil {
		return nil, err
	}
	// The file could have changed since the first pass.
	if err := check(m2, seen); err != nil {
		return nil, err
	}
	syncTree(tmp)
	res := &Restored{Manifest: m2}
	if exists {
		if empty {
			if err := os.Remove(target); err != nil {
				return nil, err
			}
		} else {
			res.Previous = target + ".truoc-khoi-phuc-" + time.Now().UTC().Format("20060102-150405")
			if err := os.Rename(target, res.Previous); err != nil {
				return nil, fmt.Errorf("không đổi tên được thư mục cũ: %w", err)
			}
		}
	}
	if err := os.Rename(tmp, target); err != nil {
		if res.Previous != "" {
			os.Rename(res.Previous, target)
		}
		return nil, fmt.Errorf("không đặt được thư mục đã khôi phục vào chỗ: %w", err)
	}
	done = true
	syncDir(parent)
	return res, nil
}

// emptyDir reports whether dir is missing or an empty folder.
func emptyDir(dir string) (empty, exists bool, err error) {
	fi, err := os.Stat(dir)
	if errors.Is(err, os.ErrNotExist) {
		return true, false, nil
	}
	if err != nil {
		return false, false, err
	}
	if !fi.IsDir() {
		return false, true, fmt.Errorf("%s không phải thư mục", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, true, err
	}
	return len(entries) == 0, true, nil
}

// syncTree makes the folders of a freshly unpacked tree durable (files are
// synced as they are written).
func syncTree(root string) {
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			syncDir(p)
		}
		return nil
	})
}
