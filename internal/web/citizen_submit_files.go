package web

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/congportal/cong/internal/media"
	"github.com/congportal/cong/internal/store"
)

const (
	// maxDossierFile is the largest file of a dossier; a scan of a few
	// pages as PDF or a phone photo fits with room to spare.
	maxDossierFile = 10 << 20
	// maxDossierBody bounds a whole submission (several components).
	maxDossierBody = 50<<20 + 1<<20
)

// dossierTypes are the types a dossier file may have: documents people
// scan or type, nothing that runs or renders in a browser.
var dossierTypes = map[string]bool{media.PDF.Ext: true, media.JPEG.Ext: true, media.PNG.Ext: true,
	media.DOC.Ext: true, media.DOCX.Ext: true, media.ODT.Ext: true}

const acceptAttr = ".pdf,.jpg,.jpeg,.png,.doc,.docx,.odt,application/pdf,image/jpeg,image/png"

// extAliases: extensions people's files carry for each stored type.
var extAliases = map[string]string{"jpeg": "jpg", "jpe": "jpg"}

func errDossierTooLarge() *Error {
	return &Error{Status: http.StatusRequestEntityTooLarge, Code: "too_large",
		Message: fmt.Sprintf("Dữ liệu gửi lên quá lớn: mỗi tệp tối đa %d MB, cả hồ sơ tối đa %d MB. Hãy chụp lại với độ phân giải thấp hơn hoặc nén tệp PDF rồi gửi lại.", maxDossierFile>>20, maxDossierBody>>20)}
}

// saveDossierFiles moves the spooled uploads into place under
// dir/YYYY/MM/<random>: a rename within the data folder, then the folder
// synced, before the database learns about them. On error the files already
// placed are removed (the rest stay temporary; callers discard them).
func saveDossierFiles(dir string, now time.Time, kind string, ups []dossierUpload, componentIDs []int64) ([]store.DossierFile, error) {
	var out []store.DossierFile
	sub := now.UTC().Format("2006/01")
	if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(sub)), 0o750); err != nil {
		return nil, err
	}
	for i := range ups {
		up := &ups[i]
		var rnd [16]byte
		rand.Read(rnd[:])
		stored := sub + "/" + hex.EncodeToString(rnd[:])
		if err := os.Rename(up.tmp, filepath.Join(dir, filepath.FromSlash(stored))); err != nil {
			removeDossierFiles(dir, out)
			return nil, err
		}
		up.tmp = ""
		f := store.DossierFile{Kind: kind, Name: up.name, StoredName: stored, Mime: up.typ.Mime,
			Size: up.size, SHA256: hex.EncodeToString(up.sum[:]), CreatedAt: now}
		if componentIDs != nil {
			f.ComponentID = componentIDs[i]
		}
		out = append(out, f)
	}
	if err := syncDirectory(filepath.Join(dir, filepath.FromSlash(sub))); err != nil {
		removeDossierFiles(dir, out)
		return nil, err
	}
	return out, nil
}

func removeDossierFiles(dir string, files []store.DossierFile) {
	for _, f := range files {
		os.Remove(filepath.Join(dir, filepath.FromSlash(f.StoredName)))
	}
}

func syncDirectory(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// openDossierFile opens a stored file by its stored name, refusing any
// name that would leave the folder.
func openDossierFile(dir, stored string) (*os.File, error) {
	if dir == "" || stored == "" || strings.Contains(stored, "..") || strings.HasPrefix(stored, "/") || strings.Contains(stored, `\`) {
		return nil, os.ErrNotExist
	}
	return os.Open(filepath.Join(dir, filepath.FromSlash(stored)))
}
