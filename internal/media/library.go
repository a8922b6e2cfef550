package media

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
)

// Hash is the content address of an upload: the hex SHA-256 of its bytes
// as uploaded (so the same file uploaded twice has the same address, even
// though what is stored for an image is a re-encoded copy).
func Hash(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

var (
	hashRE = regexp.MustCompile(`^[0-9a-f]{64}$`)
	extRE  = regexp.MustCompile(`^[a-z0-9]{2,5}$`)
	nameRE = regexp.MustCompile(`^([0-9a-f]{64})(?:-([1-9][0-9]{1,4}))?\.([a-z0-9]{2,5})$`)
)

// ValidHash reports whether s is a content address (64 lower-case hex).
func ValidHash(s string) bool { return hashRE.MatchString(s) }

// FileName is the public and stored name of a file: "<hash>.<ext>" for the
// original, "<hash>-<width>.<ext>" for a variant (width > 0).
func FileName(hash string, width int, ext string) string {
	if width > 0 {
		return hash + "-" + strconv.Itoa(width) + "." + ext
	}
	return hash + "." + ext
}

// ParseFileName splits a name made by FileName; ok is false for anything
// else (path separators, dots, upper case, …), so a name that parses can
// never leave the media folder.
func ParseFileName(name string) (hash string, width int, ext string, ok bool) {
	m := nameRE.FindStringSubmatch(name)
	if m == nil {
		return "", 0, "", false
	}
	if m[2] != "" {
		width, _ = strconv.Atoi(m[2])
	}
	return m[1], width, m[3], true
}

// Library is the folder of stored files: <dir>/ab/cd/<hash>[-<w>].<ext>,
// where ab and cd are the hash's first two byte pairs (at most 65,536
// folders, each holding few files). Several instances may share it.
type Library struct {
	dir string
}

// NewLibrary uses dir (created on the first write).
func NewLibrary(dir string) *Library { return &Library{dir: dir} }

// Dir is the library's folder.
func (l *Library) Dir() string { return l.dir }

func (l *Library) path(hash string, width int, ext string) (string, error) {
	if !ValidHash(hash) || !extRE.MatchString(ext) || width < 0 {
		return "", fmt.Errorf("media: bad file name %q %d %q", hash, width, ext)
	}
	return filepath.Join(l.dir, hash[0:2], hash[2:4], FileName(hash, width, ext)), nil
}

// Open opens a stored file for reading.
func (l *Library) Open(hash string, width int, ext string) (*os.File, error) {
	p, err := l.path(hash, width, ext)
	if err != nil {
		return nil, fs.ErrNotExist
	}
	return os.Open(p)
}

// files lists the names a stored upload consists of: the original (width
// 0) and each variant.
func files(widths []int) []int {
	return append([]int{0}, widths...)
}

// Complete reports whether the original and every variant are on disk.
func (l *Library) Complete(hash, ext string, widths []int) bool {
	for _, w := range files(widths) {
		p, err := l.path(hash, w, ext)
		if err != nil {
			return false
		}
		if _, err := os.Stat(p); err != nil {
			return false
		}
	}
	return true
}

// Save writes the result's files under hash, each atomically (temporary
// file, fsync, rename, fsync of the folder), so a reader or a crash sees a
// file whole or not at all, and the write is durable when Save returns.
// Files already present are kept: the name is the content's address.
func (l *Library) Save(hash string, r *Result) error {
	orig, err := l.path(hash, 0, r.Type.Ext)
	if err != nil {
		return err
	}
	dir := filepath.Dir(orig)
	if err := l.mkdirs(dir); err != nil {
		return err
	}
	wrote := false
	write := func(width int, data []byte) error {
		p, err := l.path(hash, width, r.Type.Ext)
		if err != nil {
			return err
		}
		if _, err := os.Stat(p); err == nil {
			return nil
		}
		if err := writeAtomic(p, data); err != nil {
			return err
		}
		wrote = true
		return nil
	}
	for _, v := range r.Variants {
		if err := write(v.Width, v.Data); err != nil {
			return err
		}
	}
	// The original last: Complete then also means the variants are there.
	if err := write(0, r.Data); err != nil {
		return err
	}
	if wrote {
		return syncDir(dir)
	}
	return nil
}

// mkdirs creates dir and its parents under the library, syncing each new
// folder's parent so the folder survives a crash.
func (l *Library) mkdirs(dir string) error {
	if _, err := os.Stat(dir); err == nil {
		return nil
	}
	var created []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil {
			break
		}
		created = append(created, d)
		if d == filepath.Dir(d) {
			break
		}
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return err
	}
	for _, d := range created {
		if err := syncDir(filepath.Dir(d)); err != nil {
			return err
		}
	}
	return nil
}

func writeAtomic(path string, data []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), ".upload-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Chmod(0o640); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return err
	}
	return nil
}

// Remove takes a stored upload's files away by renaming each aside, which
// is quick and reversible. undo puts them back (when the database change
// that made them orphans did not commit); purge deletes them for good.
// Missing files are skipped.
func (l *Library) Remove(hash, ext string, widths []int) (undo, purge func(), err error) {
	type moved struct{ from, to string }
	var done []moved
	undo = func() {
		for _, m := range done {
			os.Rename(m.to, m.from)
		}
	}
	purge = func() {
		for _, m := range done {
			os.Remove(m.to)
		}
	}
	var tag [6]byte
	rand.Read(tag[:])
	for _, w := range files(widths) {
		p, err := l.path(hash, w, ext)
		if err != nil {
			undo()
			return nil, nil, err
		}
		to := filepath.Join(filepath.Dir(p), ".deleted-"+hex.EncodeToString(tag[:])+"-"+filepath.Base(p))
		if err := os.Rename(p, to); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			undo()
			return nil, nil, err
		}
		done = append(done, moved{p, to})
	}
	return undo, purge, nil
}

// Missing returns the variant widths an image of that width should have
// (those of Widths narrower than it: no upscaling) that are not on disk.
func (l *Library) Missing(hash, ext string, width int) []int {
	var out []int
	for _, w := range Widths {
		if w >= width {
			break
		}
		p, err := l.path(hash, w, ext)
		if err != nil {
			continue
		}
		if _, err := os.Stat(p); err != nil {
			out = append(out, w)
		}
	}
	return out
}

// AddVariants makes the resized copies an image stored before they
// existed (imported, or from an older version) lacks, from the stored
// original, which is kept as it is. It returns the widths now on disk.
func (l *Library) AddVariants(ctx context.Context, hash, ext string) ([]int, error) {
	f, err := l.Open(hash, 0, ext)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, DefaultMaxSize+1))
	f.Close()
	if err != nil {
		return nil, err
	}
	t, err := Sniff(data)
	if err != nil {
		return nil, err
	}
	res, err := Process(ctx, data, t)
	if err != nil {
		return nil, err
	}
	if res.Type.Ext != ext {
		return nil, fmt.Errorf("media: %s.%s re-encodes as %s", hash, ext, res.Type.Ext)
	}
	// Save keeps files already present, the original among them.
	if err := l.Save(hash, res); err != nil {
		return nil, err
	}
	return res.VariantWidths(), nil
}
