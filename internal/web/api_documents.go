package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/legaldoc"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
)

// The documents write API, under the articles' rules: a token's user has
// the rights of their role, every change is audited, errors are JSON with
// per-field messages.
//
//	POST   /api/v1/documents              create (status: draft, pending, published)
//	PUT    /api/v1/documents/{id}         update (version required)
//	DELETE /api/v1/documents/{id}         move to the trash
//	POST   /api/v1/documents/{id}/files   attach a file (multipart, field "file")

type apiDocumentInput struct {
	Number        string `json:"number"`
	Type          string `json:"type"`
	Issuer        string `json:"issuer"`
	Signer        string `json:"signer"`
	Field         string `json:"field"`
	Abstract      string `json:"abstract"`
	IssueDate     string `json:"issue_date"`
	EffectiveDate string `json:"effective_date"`
	ExpiryDate    string `json:"expiry_date"`
	ReplacedBy    int64  `json:"replaced_by"`
	Status        string `json:"status"`
	Version       int    `json:"version"`
}

type apiAdminDocument struct {
	apiDocument
	Status  string `json:"status"`
	Version int    `json:"version"`
}

func (s *Server) apiDocWrite(w http.ResponseWriter, r *http.Request, d *legaldoc.Document, in apiDocumentInput, isNew bool) error {
	u := userFrom(r.Context())
	wasPublished := d.Status == news.StatusPublished
	if err := legaldoc.Apply(d, legaldoc.Draft{Number: in.Number, Type: in.Type, Issuer: in.Issuer, Signer: in.Signer, Field: in.Field,
		Abstract: in.Abstract, IssueDate: in.IssueDate, EffectiveDate: in.EffectiveDate, ExpiryDate: in.ExpiryDate, ReplacedByID: in.ReplacedBy}); err != nil {
		return toDocWorkflowError(err)
	}
	switch in.Status {
	case "", news.StatusDraft:
	case news.StatusPending:
		if d.Status != news.StatusPending {
			if err := legaldoc.Transition(u, d, "gui", "", time.Now()); err != nil {
				return toDocWorkflowError(err)
			}
		}
	case news.StatusPublished:
		if d.Status != news.StatusPublished {
			if err := legaldoc.Transition(u, d, "xuat-ban", "", time.Now()); err != nil {
				return toDocWorkflowError(err)
			}
		}
	default:
		return &Error{Status: http.StatusUnprocessableEntity, Code: "validation", Message: "status chỉ nhận draft, pending hoặc published.", Fields: map[string]string{"status": "draft, pending hoặc published"}}
	}
	err := s.st.SaveDocument(r.Context(), d, nil, nil)
	var dup *store.DuplicateDocumentError
	switch {
	case errors.As(err, &dup):
		msg := fmt.Sprintf("Số ký hiệu %s của %s năm %d đã có trong thư viện (văn bản mã %d).", d.Number, d.Issuer, d.Year(), dup.ExistingID)
		return &Error{Status: http.StatusConflict, Code: "duplicate", Message: msg, Fields: map[string]string{"number": msg}}
	case errors.Is(err, store.ErrDocumentConflict):
		return &Error{Status: http.StatusConflict, Code: "conflict", Message: "Văn bản đã được sửa sau phiên bản bạn đọc. Hãy đọc lại rồi gửi lại thay đổi."}
	case errors.Is(err, store.ErrReplacedByMissing):
		return &Error{Status: http.StatusUnprocessableEntity, Code: "validation", Message: "Văn bản thay thế không tồn tại.", Fields: map[string]string{"replaced_by": "không tồn tại"}}
	case err != nil:
		return err
	}
	action := "document.update"
	status := http.StatusOK
	if isNew {
		action, status = "document.create", http.StatusCreated
		w.Header().Set("Location", "/api/v1/documents/"+strconv.FormatInt(d.ID, 10))
	}
	s.audit(r, action, "document", d.ID, d.Title()+" (API)")
	if d.Status == news.StatusPublished && !wasPublished {
		s.audit(r, "document.publish", "document", d.ID, d.Title()+" (API)")
	}
	if d.Status == news.StatusPublished || wasPublished {
		s.ContentChanged()
	}
	return s.writeAdminDoc(w, r, d.ID, status)
}

func (s *Server) writeAdminDoc(w http.ResponseWriter, r *http.Request, id int64, status int) error {
	full, err := s.st.Document(r.Context(), s.siteIDOf(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, status, apiAdminDocument{apiDocument: s.toAPIDoc(r, full, s.docToday()), Status: full.Status, Version: full.Version})
	return nil
}

func (s *Server) apiCreateDocument(w http.ResponseWriter, r *http.Request) error {
	d, err := legaldoc.New(userFrom(r.Context()))
	if err != nil {
		return toDocWorkflowError(err)
	}
	var in apiDocumentInput
	if err := readJSON(w, r, &in); err != nil {
		return err
	}
	return s.apiDocWrite(w, r, d, in, true)
}

func (s *Server) apiDocByID(r *http.Request) (legaldoc.Document, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return legaldoc.Document{}, &Error{Status: http.StatusBadRequest, Code: "bad_request", Message: "Mã văn bản phải là số nguyên dương."}
	}
	d, err := s.st.Document(r.Context(), s.siteIDOf(r), id)
	if errors.Is(err, store.ErrNotFound) {
		return d, &Error{Status: http.StatusNotFound, Code: "not_found", Message: "Không tìm thấy văn bản."}
	}
	if err == nil && !legaldoc.Can(userFrom(r.Context()), auth.ActView, &d) {
		return d, errForbidden()
	}
	return d, err
}

func (s *Server) apiUpdateDocument(w http.ResponseWriter, r *http.Request) error {
	d, err := s.apiDocByID(r)
	if err != nil {
		return err
	}
	var in apiDocumentInput
	if err := readJSON(w, r, &in); err != nil {
		return err
	}
	if in.Version < 1 {
		return &Error{Status: http.StatusUnprocessableEntity, Code: "validation", Message: "Thiếu version (số phiên bản đã đọc) để tránh ghi đè thay đổi của người khác.", Fields: map[string]string{"version": "bắt buộc"}}
	}
	if err := legaldoc.Edit(userFrom(r.Context()), &d); err != nil {
		return toDocWorkflowError(err)
	}
	d.Version = in.Version
	return s.apiDocWrite(w, r, &d, in, false)
}

func (s *Server) apiDeleteDocument(w http.ResponseWriter, r *http.Request) error {
	d, err := s.apiDocByID(r)
	if err != nil {
		return err
	}
	wasPublished := d.Status == news.StatusPublished
	if err := legaldoc.Transition(userFrom(r.Context()), &d, "thung-rac", "", time.Now()); err != nil {
		return toDocWorkflowError(err)
	}
	if err := s.st.SaveDocument(r.Context(), &d, nil, nil); err != nil {
		return err
	}
	s.audit(r, "document.trash", "document", d.ID, d.Title()+" (API)")
	if wasPublished {
		s.ContentChanged()
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// apiAttachDocumentFile adds one file; the file is checked like the
// newsroom form's (content sniffed, size-limited).
func (s *Server) apiAttachDocumentFile(w http.ResponseWriter, r *http.Request) error {
	d, err := s.apiDocByID(r)
	if err != nil {
		return err
	}
	if err := legaldoc.Edit(userFrom(r.Context()), &d); err != nil {
		return toDocWorkflowError(err)
	}
	if err := r.ParseMultipartForm(maxFormBytes); err != nil {
		return &Error{Status: http.StatusBadRequest, Code: "bad_request", Message: "Cần gửi tệp dạng multipart/form-data, trường \"file\"."}
	}
	files, err := readDocFiles(r.MultipartForm.File["file"])
	var fe *docFormError
	if errors.As(err, &fe) {
		code := "validation"
		switch fe.status {
		case http.StatusRequestEntityTooLarge:
			code = "too_large"
		case http.StatusUnsupportedMediaType:
			code = "unsupported_media_type"
		}
		return &Error{Status: fe.status, Code: code, Message: fe.fields["file"], Fields: fe.fields}
	}
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return &Error{Status: http.StatusUnprocessableEntity, Code: "validation", Message: "Gửi đúng một tệp trong trường \"file\".", Fields: map[string]string{"file": "bắt buộc"}}
	}
	if err := s.st.SaveDocument(r.Context(), &d, files, nil); err != nil {
		return err
	}
	s.audit(r, "document.update", "document", d.ID, d.Title()+" (API: thêm tệp "+files[0].Name+")")
	if d.Status == news.StatusPublished {
		s.ContentChanged()
	}
	return s.writeAdminDoc(w, r, d.ID, http.StatusCreated)
}
