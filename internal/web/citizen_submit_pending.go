package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/media"
	"github.com/congportal/cong/internal/store"
)

// Files kept across a validation error. Browsers never refill a file input,
// so a submission refused for a bad birth date used to cost a citizen on a
// phone every upload again. Now the valid files of a refused submission
// move from <data>/tmp to <data>/pending (a rename), a row binds each to
// the site, the procedure and the hash of a random form token, and the
// form comes back with the token in a hidden field and "Đã có tệp: …" per
// component. On the next submission a component with no new file takes
// its kept file; a new file replaces it; "Bỏ tệp này" removes it. When the
// dossier is created its rows are deleted in the same transaction.
//
// Nothing serves a kept file: they are only ever moved into the dossier.
// They hold personal papers, so they live 24 hours, and a site keeps at
// most maxPendingSiteBytes of them (past that a refused form keeps nothing,
// as before), so failed submissions cannot fill the disk.
const (
	pendingTTL = 24 * time.Hour
	// pendingGrace: rows are swept this long after they expire, so a
	// submission that loaded a file just before its expiry still finds it.
	pendingGrace        = time.Hour
	maxPendingSiteBytes = 2 << 30
	pendingFieldToken   = "pending"
	pendingFieldRemove  = "remove_" // + file_N
)

// pendingNameRE is every name a kept file may have; a stored name read
// back from the database must match before it is joined to a path.
var pendingNameRE = regexp.MustCompile(`^[0-9a-f]{32}\.kept$`)

// pendingDir is <data>/pending, beside <data>/tmp and on the same disk.
func (s *Server) pendingDir() string {
	if s.mediaDir == "" {
		return ""
	}
	return filepath.Join(filepath.Dir(s.mediaDir), "pending")
}

// keptFile is what the form shows of a kept file.
type keptFile struct {
	Name string
	Size int64
}

// pendingView is the part of the submission page about kept files.
type pendingView struct {
	Pending string               // the form's token, in a hidden field
	Kept    map[string]*keptFile // by field name (file_N)
}

// pendingFiles is the kept files of one submission request.
type pendingFiles struct {
	c      *citizenDesk
	ctx    context.Context
	proc   catalogue.Procedure
	fs     *formStream
	now    time.Time
	loaded bool
	token  string // the token sent, when it matched kept files here
	hash   string
	files  map[string]store.PendingUpload // by field name
	taken  map[string]bool
	links  []string // temporary links made by take
}

func (c *citizenDesk) pendingFiles(ctx context.Context, proc catalogue.Procedure, fs *formStream, now time.Time) *pendingFiles {
	return &pendingFiles{c: c, ctx: ctx, proc: proc, fs: fs, now: now, files: map[string]store.PendingUpload{}, taken: map[string]bool{}}
}

// load reads the files kept for the token the form sent, once; the files
// the citizen asked to remove are removed now. A token that is malformed,
// unknown, expired or minted for another procedure or site finds nothing.
func (pf *pendingFiles) load() error {
	if pf.loaded {
		return nil
	}
	pf.loaded = true
	token := pf.fs.get(pendingFieldToken)
	dir := pf.c.s.pendingDir()
	if token == "" || !validKey(token) || dir == "" {
		return nil
	}
	hash := tokenHash(token)
	rows, err := pf.c.s.st.PendingUploads(pf.ctx, pf.c.s.siteIDCtx(pf.ctx), pf.proc.ID, hash, pf.now)
	if err != nil || len(rows) == 0 {
		return err
	}
	pf.token, pf.hash = token, hash
	comps := map[int64]bool{}
	for _, comp := range pf.proc.Components {
		comps[comp.ID] = true
	}
	for _, u := range rows {
		field := "file_" + strconv.FormatInt(u.ComponentID, 10)
		if pf.fs.get(pendingFieldRemove+field) == "1" || !comps[u.ComponentID] {
			pf.drop(u.ComponentID)
			continue
		}
		if !pendingNameRE.MatchString(u.StoredName) {
			continue
		}
		if fi, err := os.Stat(filepath.Join(dir, u.StoredName)); err != nil || !fi.Mode().IsRegular() {
			continue // lost (a restored backup, a hand-cleaned folder): chosen again
		}
		pf.files[field] = u
	}
	return nil
}

func (pf *pendingFiles) drop(componentID int64) {
	stored, err := pf.c.s.st.DropPendingUpload(pf.ctx, pf.c.s.siteIDCtx(pf.ctx), pf.hash, componentID)
	if err != nil {
		pf.c.s.log.Warn("removing a kept upload", "err", err)
		return
	}
	if pendingNameRE.MatchString(stored) {
		os.Remove(filepath.Join(pf.c.s.pendingDir(), stored))
	}
}

// take gives the kept file of a component as an upload waiting in the
// temporary folder: a hard link (a copy where links are not possible), so
// the submission moves it into place like a new upload while the kept file
// stays until the dossier is created.
func (pf *pendingFiles) take(field string) (dossierUpload, bool) {
	u, ok := pf.files[field]
	if !ok {
		return dossierUpload{}, false
	}
	sum, err := hex.DecodeString(u.SHA256)
	tmpDir := pf.c.s.uploadTempDir()
	if err != nil || len(sum) != 32 || tmpDir == "" {
		return dossierUpload{}, false
	}
	tmp, err := linkOrCopy(filepath.Join(pf.c.s.pendingDir(), u.StoredName), tmpDir)
	if err != nil {
		pf.c.s.log.Warn("using a kept upload", "err", err)
		return dossierUpload{}, false
	}
	pf.links = append(pf.links, tmp)
	pf.taken[field] = true
	up := dossierUpload{field: field, name: u.Name, typ: media.Type{Mime: u.Mime}, tmp: tmp, size: u.Size}
	copy(up.sum[:], sum)
	return up, true
}

// linkOrCopy makes a new temporary file in tmpDir with src's content.
func linkOrCopy(src, tmpDir string) (string, error) {
	if err := os.MkdirAll(tmpDir, 0o750); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(tmpDir, uploadTempPattern)
	if err != nil {
		return "", err
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	if os.Link(src, name) == nil {
		return name, nil
	}
	in, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	out, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
	if err != nil {
		return "", err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}

// keep is called when the form goes back to the citizen: the valid new
// uploads are kept (replacing what was kept for their component) and the
// page learns the token and every kept file. A failure to keep a file is
// logged and the file is simply not listed: the citizen chooses it again,
// as before.
func (pf *pendingFiles) keep(p *citizenPage, ups []dossierUpload) {
	if err := pf.load(); err != nil {
		pf.c.s.log.Warn("reading kept uploads", "err", err)
	}
	dir := pf.c.s.pendingDir()
	comps := map[string]int64{}
	for _, comp := range pf.proc.Components {
		comps["file_"+strconv.FormatInt(comp.ID, 10)] = comp.ID
	}
	if dir != "" && len(ups) > 0 {
		used, err := pf.c.s.st.PendingBytes(pf.ctx, pf.c.s.siteIDCtx(pf.ctx), pf.now)
		if err != nil {
			pf.c.s.log.Warn("reading kept uploads", "err", err)
			used = maxPendingSiteBytes
		}
		if pf.hash == "" {
			pf.token = newKey()
			pf.hash = tokenHash(pf.token)
		}
		for i := range ups {
			up := &ups[i]
			cid, ok := comps[up.field]
			if !ok || up.tmp == "" || used+up.size > maxPendingSiteBytes {
				continue
			}
			if err := pf.keepOne(dir, up, cid); err != nil {
				pf.c.s.log.Warn("keeping an upload", "err", err)
				continue
			}
			used += up.size
		}
	}
	if len(pf.files) == 0 {
		return
	}
	p.Pending = pf.token
	p.Kept = map[string]*keptFile{}
	for field, u := range pf.files {
		p.Kept[field] = &keptFile{Name: u.Name, Size: u.Size}
	}
}

func (pf *pendingFiles) keepOne(dir string, up *dossierUpload, componentID int64) error {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return err
	}
	var rnd [16]byte
	rand.Read(rnd[:])
	stored := hex.EncodeToString(rnd[:]) + ".kept"
	path := filepath.Join(dir, stored)
	if err := os.Rename(up.tmp, path); err != nil {
		return err
	}
	if err := syncDirectory(dir); err != nil {
		os.Remove(path)
		return err
	}
	u := store.PendingUpload{SiteID: pf.c.s.siteIDCtx(pf.ctx), ProcedureID: pf.proc.ID, ComponentID: componentID, TokenHash: pf.hash,
		Name: up.name, StoredName: stored, Mime: up.typ.Mime, Size: up.size, SHA256: hex.EncodeToString(up.sum[:]),
		CreatedAt: pf.now, ExpiresAt: pf.now.Add(pendingTTL)}
	replaced, err := pf.c.s.st.KeepPendingUpload(pf.ctx, u)
	if err != nil {
		os.Remove(path)
		return err
	}
	up.tmp = "" // kept: no longer the request's to discard
	if pendingNameRE.MatchString(replaced) {
		os.Remove(filepath.Join(dir, replaced))
	}
	pf.files[up.field] = u
	return nil
}

// claim is the token hash whose rows the dossier's transaction deletes.
func (pf *pendingFiles) claim() string { return pf.hash }

// done removes the kept files once the dossier that took them exists
// (their rows went with its transaction); the ones replaced by new uploads
// go too.
func (pf *pendingFiles) done() {
	dir := pf.c.s.pendingDir()
	for _, u := range pf.files {
		if pendingNameRE.MatchString(u.StoredName) {
			os.Remove(filepath.Join(dir, u.StoredName))
		}
	}
	pf.files = map[string]store.PendingUpload{}
}

// close removes the temporary links take made that were not moved into
// place (the submission failed after take).
func (pf *pendingFiles) close() {
	for _, name := range pf.links {
		os.Remove(name)
	}
}

// sweepPending deletes the kept files that expired, rows first, and any
// file in the folder older than a row can live (one a crash left without
// its row).
func (s *Server) sweepPending(ctx context.Context, now time.Time) (int, error) {
	dir := s.pendingDir()
	if dir == "" {
		return 0, nil
	}
	// A sweep once started finishes, even when the server is stopping: the
	// rows and the files go together (the start-up sweep runs the same).
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	defer cancel()
	names, err := s.st.ExpirePendingUploads(ctx, now.Add(-pendingGrace))
	if err != nil {
		return 0, err
	}
	n := 0
	for _, name := range names {
		if pendingNameRE.MatchString(name) && os.Remove(filepath.Join(dir, name)) == nil {
			n++
		}
	}
	orphans, err := filepath.Glob(filepath.Join(dir, "*.kept"))
	if err != nil {
		return n, err
	}
	cutoff := now.Add(-pendingTTL - pendingGrace - time.Hour)
	for _, name := range orphans {
		fi, err := os.Lstat(name)
		if err != nil || !fi.Mode().IsRegular() || !fi.ModTime().Before(cutoff) {
			continue
		}
		if os.Remove(name) == nil {
			n++
		}
	}
	return n, nil
}
