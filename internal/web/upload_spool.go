package web

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/congportal/cong/internal/media"
)

// Uploads never sit in memory whole: each file part is copied to a
// temporary file in <data>/tmp while it arrives (the first bytes decide its
// type, as before), and moved into place by rename once the submission is
// valid. The folder is in the data folder, not /tmp, so the rename is atomic
// (same file system) and the space used is the disk that is watched and
// backed up. Files a crash leaves behind are removed by sweepUploadTemp.

const (
	// maxTextPart and maxTextTotal bound the text fields of a multipart
	// form read part by part: the longest field (a note) is 1000
	// characters, so these leave room without letting text fill memory.
	maxTextPart  = 16 << 10
	maxTextTotal = 64 << 10
	// maxFormParts bounds how many parts a submission may have.
	maxFormParts = 64
	// uploadTempPattern names spooled uploads, so the sweeper removes
	// nothing else.
	uploadTempPattern = "upload-*.part"
)

// uploadTempDir is where uploads wait: <data>/tmp. Empty without a data folder.
func (s *Server) uploadTempDir() string {
	if s.mediaDir == "" {
		return ""
	}
	return filepath.Join(filepath.Dir(s.mediaDir), "tmp")
}

// dossierUpload is a checked file waiting in a temporary file.
type dossierUpload struct {
	field string // the form field it came in
	name  string
	typ   media.Type
	tmp   string
	size  int64
	sum   [sha256.Size]byte
}

// discardUploads removes temporary files that were not moved into place.
func discardUploads(ups []dossierUpload) {
	for _, up := range ups {
		if up.tmp != "" {
			os.Remove(up.tmp)
		}
	}
}

// readDossierFile spools and checks one file of a form parsed by
// ParseMultipartForm (the officers' forms, which the CSRF check parses).
func readDossierFile(tmpDir string, fh *multipart.FileHeader) (up dossierUpload, msg string, tooLarge bool) {
	if fh.Size > maxDossierFile {
		name := cleanFileName(fh.Filename)
		return up, fmt.Sprintf("Tệp “%s” quá lớn (%s): tối đa %d MB.", name, fileSize(fh.Size), maxDossierFile>>20), true
	}
	f, err := fh.Open()
	if err != nil {
		return up, "Không đọc được tệp “" + cleanFileName(fh.Filename) + "”. Vui lòng chọn lại.", false
	}
	defer f.Close()
	up, msg, tooLarge, err = spoolDossierFile(tmpDir, fh.Filename, f)
	if err != nil {
		return up, "Không đọc được tệp “" + up.name + "”. Vui lòng chọn lại.", false
	}
	return up, msg, tooLarge
}

// spoolDossierFile copies one uploaded file into a temporary file, at most
// maxDossierFile bytes, and checks its type from its content. msg, when not
// empty, is for the citizen (the temporary file is then gone); tooLarge
// says it should answer 413. err is a failure to read the request or write
// the disk: the submission cannot go on.
func spoolDossierFile(tmpDir, filename string, src io.Reader) (up dossierUpload, msg string, tooLarge bool, err error) {
	up.name = cleanFileName(filename)
	if up.name == "" {
		up.name = "tep"
	}
	if tmpDir == "" {
		return up, "", false, errors.New("no folder for uploads")
	}
	if err := os.MkdirAll(tmpDir, 0o750); err != nil {
		return up, "", false, err
	}
	f, err := os.CreateTemp(tmpDir, uploadTempPattern)
	if err != nil {
		return up, "", false, err
	}
	keep := false
	defer func() {
		if !keep {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	h := sha256.New()
	in := &sourceReader{r: src}
	n, err := io.Copy(io.MultiWriter(f, h), io.LimitReader(in, maxDossierFile+1))
	if in.err != nil {
		return up, "", false, &requestReadError{in.err}
	}
	if err != nil {
		return up, "", false, err
	}
	if n > maxDossierFile {
		return up, fmt.Sprintf("Tệp “%s” quá lớn: tối đa %d MB.", up.name, maxDossierFile>>20), true, nil
	}
	if n == 0 {
		return up, "Tệp “" + up.name + "” rỗng (0 byte). Vui lòng chọn lại.", false, nil
	}
	t, err := media.SniffReaderAt(f, n)
	if errors.Is(err, media.ErrMacros) {
		return up, "Tệp “" + up.name + "” chứa macro (mã lệnh tự chạy) nên không được nhận. Hãy lưu thành PDF rồi gửi lại.", false, nil
	}
	if err != nil || !dossierTypes[t.Ext] {
		return up, "Tệp “" + up.name + "” không đúng định dạng cho phép (PDF, JPEG, PNG, DOC, DOCX, ODT). Loại tệp được xác định theo nội dung, không theo tên tệp.", false, nil
	}
	// A name that claims another type than the content is a disguised
	// file (an HTML page named .pdf, a program named .jpg): refused.
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(up.name), "."))
	if a, ok := extAliases[ext]; ok {
		ext = a
	}
	if ext != "" && ext != t.Ext {
		return up, fmt.Sprintf("Tệp “%s” có đuôi .%s nhưng nội dung là %s. Vui lòng kiểm tra và chọn đúng tệp.", up.name, ext, t.Label), false, nil
	}
	if ext == "" {
		up.name += "." + t.Ext
	}
	// Synced now, so the rename into place later is all that remains
	// before the database learns about the file.
	if err := f.Sync(); err != nil {
		return up, "", false, err
	}
	if err := f.Close(); err != nil {
		return up, "", false, err
	}
	keep = true
	up.typ, up.tmp, up.size = t, f.Name(), n
	h.Sum(up.sum[:0])
	return up, "", false, nil
}

// sourceReader remembers a failure to read the request, so it is told
// from a failure to write the disk.
type sourceReader struct {
	r   io.Reader
	err error
}

func (s *sourceReader) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF {
		s.err = err
	}
	return n, err
}

// requestReadError: the client's body broke off or passed its cap.
type requestReadError struct{ err error }

func (e *requestReadError) Error() string { return "reading upload: " + e.err.Error() }
func (e *requestReadError) Unwrap() error { return e.err }

// formStream reads a multipart request part by part: text fields into
// values (small and capped), file parts handed to the caller one at a time
// so it can validate the text first and stream each file to disk.
type formStream struct {
	mr     *multipart.Reader
	body   *limitedBody
	orig   io.ReadCloser
	values url.Values
	text   int
	parts  int
	part   *multipart.Part
}

// openFormStream caps the body at max and starts reading it. Nothing of
// the body is read yet.
func openFormStream(w http.ResponseWriter, r *http.Request, max int64) (*formStream, error) {
	if r.ContentLength > max {
		drain(r.Body, r.ContentLength)
		return nil, errDossierTooLarge()
	}
	fs := &formStream{orig: r.Body, values: url.Values{}}
	fs.body = &limitedBody{ReadCloser: http.MaxBytesReader(w, r.Body, max)}
	r.Body = fs.body
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, errBadRequest("Biểu mẫu gửi lên không đúng định dạng (cần multipart/form-data).")
	}
	fs.mr = mr
	return fs, nil
}

// nextFile returns the next file part, having read every text part before
// it into values; nil at the end of the form. A file input left empty
// (no file name) counts as an empty text field.
func (fs *formStream) nextFile() (*multipart.Part, error) {
	for {
		if fs.part != nil {
			fs.part.Close()
			fs.part = nil
		}
		p, err := fs.mr.NextPart()
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		if err != nil {
			return nil, fs.fail(err)
		}
		fs.part = p
		if fs.parts++; fs.parts > maxFormParts {
			return nil, errDossierTooLarge()
		}
		if p.FileName() != "" {
			return p, nil
		}
		b, err := io.ReadAll(io.LimitReader(p, maxTextPart+1))
		if err != nil {
			return nil, fs.fail(err)
		}
		if fs.text += len(b); len(b) > maxTextPart || fs.text > maxTextTotal {
			return nil, errDossierTooLarge()
		}
		if name := p.FormName(); name != "" {
			fs.values.Add(name, string(b))
		}
	}
}

// fail turns an error reading the body into the answer: 413 once the body
// passed its cap, 400 for a broken form.
func (fs *formStream) fail(err error) error {
	if fs.body.exceeded {
		return errDossierTooLarge()
	}
	return errBadRequest("Không đọc được dữ liệu gửi lên. Vui lòng thử lại.")
}

// spoolError is the answer when spooling a file failed: the client's
// fault (413 over the cap, 400 broken off) or the server's (500).
func (fs *formStream) spoolError(err error) error {
	var re *requestReadError
	if errors.As(err, &re) {
		return fs.fail(err)
	}
	return err
}

// finish reads and drops what the handler did not read, up to the cap, so
// a browser still sending its files gets the answer instead of a reset
// connection. It costs bandwidth, not memory.
func (fs *formStream) finish() {
	if fs.part != nil {
		fs.part.Close()
	}
	if !fs.body.exceeded {
		io.Copy(io.Discard, fs.body)
	}
	if fs.body.exceeded {
		drain(fs.orig, drainLimit)
	}
}

// get is a text field's value, cleaned for display.
func (fs *formStream) get(name string) string { return fs.values.Get(name) }
