package web

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path"
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
	// multipartMemory: parts beyond this wait in temporary files while
	// the form is checked, so a slow upload does not hold RAM.
	multipartMemory = 4 << 20
)

// dossierTypes are the types a dossier file may have: documents people
// scan or type, nothing that runs or renders in a browser.
var dossierTypes = map[string]bool{media.PDF.Ext: true, media.JPEG.Ext: true, media.PNG.Ext: true,
	media.DOC.Ext: true, media.DOCX.Ext: true, media.ODT.Ext: true}

const acceptAttr = ".pdf,.jpg,.jpeg,.png,.doc,.docx,.odt,application/pdf,image/jpeg,image/png"

// extAliases: extensions people's files carry for each stored type.
var extAliases = map[string]string{"jpeg": "jpg", "jpe": "jpg"}

// dossierUpload is a checked file ready to be written.
type dossierUpload struct {
	name string
	typ  media.Type
	data []byte
}

func errDossierTooLarge() *Error {
	return &Error{Status: http.StatusRequestEntityTooLarge, Code: "too_large",
		Message: fmt.Sprintf("Dữ liệu gửi lên quá lớn: mỗi tệp tối đa %d MB, cả hồ sơ tối đa %d MB. Hãy chụp lại với độ phân giải thấp hơn hoặc nén tệp PDF rồi gửi lại.", maxDossierFile>>20, maxDossierBody>>20)}
}

// parseDossierForm reads a multipart submission within the size limits.
// The caller must call r.MultipartForm.RemoveAll when done.
func parseDossierForm(w http.ResponseWriter, r *http.Request) error {
	if r.ContentLength > maxDossierBody {
		drain(r.Body, r.ContentLength)
		return errDossierTooLarge()
	}
	lb := &limitedBody{ReadCloser: http.MaxBytesReader(w, r.Body, maxDossierBody)}
	r.Body = lb
	err := r.ParseMultipartForm(multipartMemory)
	if lb.exceeded {
		return errDossierTooLarge()
	}
	if errors.Is(err, http.ErrNotMultipart) {
		return errBadRequest("Biểu mẫu gửi lên không đúng định dạng (cần multipart/form-data).")
	}
	if err != nil {
		return errBadRequest("Không đọc được dữ liệu gửi lên. Vui lòng thử lại.")
	}
	return nil
}

// readDossierFile reads and checks one uploaded file. The message, when
// not empty, is for the citizen; tooLarge says it should answer 413.
func readDossierFile(fh *multipart.FileHeader) (up dossierUpload, msg string, tooLarge bool) {
	up.name = cleanFileName(fh.Filename)
	if up.name == "" {
		up.name = "tep"
	}
	if fh.Size > maxDossierFile {
		return up, fmt.Sprintf("Tệp “%s” quá lớn (%s): tối đa %d MB.", up.name, fileSize(fh.Size), maxDossierFile>>20), true
	}
	f, err := fh.Open()
	if err != nil {
		return up, "Không đọc được tệp “" + up.name + "”. Vui lòng chọn lại.", false
	}
	defer f.Close()
	up.data, err = io.ReadAll(io.LimitReader(f, maxDossierFile+1))
	if err != nil {
		return up, "Không đọc được tệp “" + up.name + "”. Vui lòng chọn lại.", false
	}
	if len(up.data) > maxDossierFile {
		return up, fmt.Sprintf("Tệp “%s” quá lớn: tối đa %d MB.", up.name, maxDossierFile>>20), true
	}
	if len(up.data) == 0 {
		return up, "Tệp “" + up.name + "” rỗng (0 byte). Vui lòng chọn lại.", false
	}
	t, err := media.Sniff(up.data)
	if errors.Is(err, media.ErrMacros) {
		return up, "Tệp “" + up.name + "” chứa macro (mã lệnh tự chạy) nên không được nhận. Hãy lưu thành PDF rồi gửi lại.", false
	}
	if err != nil || !dossierTypes[t.Ext] {
		return up, "Tệp “" + up.name + "” không đúng định dạng cho phép (PDF, JPEG, PNG, DOC, DOCX, ODT). Loại tệp được xác định theo nội dung, không theo tên tệp.", false
	}
	// A name that claims another type than the content is a disguised
	// file (an HTML page named .pdf, a program named .jpg): refused.
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(up.name), "."))
	if a, ok := extAliases[ext]; ok {
		ext = a
	}
	if ext != "" && ext != t.Ext {
		return up, fmt.Sprintf("Tệp “%s” có đuôi .%s nhưng nội dung là %s. Vui lòng kiểm tra và chọn đúng tệp.", up.name, ext, t.Label), false
	}
	if ext == "" {
		up.name += "." + t.Ext
	}
	up.typ = t
	return up, "", false
}

// saveDossierFiles writes the uploads under dir/YYYY/MM/<random>, each
// synced to disk before the database learns about it. On error the files
// already written are removed.
func saveDossierFiles(dir string, now time.Time, kind string, ups []dossierUpload, componentIDs []int64) ([]store.DossierFile, error) {
	var out []store.DossierFile
	sub := now.UTC().Format("2006/01")
	if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(sub)), 0o750); err != nil {
		return nil, err
	}
	for i, up := range ups {
		var rnd [16]byte
		rand.Read(rnd[:])
		stored := sub + "/" + hex.EncodeToString(rnd[:])
		if err := writeSynced(filepath.Join(dir, filepath.FromSlash(stored)), up.data); err != nil {
			removeDossierFiles(dir, out)
			return nil, err
		}
		sum := sha256.Sum256(up.data)
		f := store.DossierFile{Kind: kind, Name: up.name, StoredName: stored, Mime: up.typ.Mime,
			Size: int64(len(up.data)), SHA256: hex.EncodeToString(sum[:]), CreatedAt: now}
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

// writeSynced creates a new file (never overwriting one) and syncs it.
func writeSynced(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(name)
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(name)
		return err
	}
	return f.Close()
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
