package web

import (
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/legaldoc"
	"github.com/congportal/cong/internal/media"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
)

// The newsroom side of the library: /quan-tri/van-ban. Documents follow the
// articles' workflow and roles (legaldoc.Can asks auth.Can): editors write and
// submit, approvers publish, return, take down; every change is audited.

const (
	// maxDocFile is the largest attached file; maxDocFiles how many one
	// save may add; maxDocBody bounds the whole request accordingly.
	maxDocFile    = media.DefaultMaxSize
	maxDocFiles   = 5
	maxDocBody    = 2*maxDocFile + 1<<20
	docTypesLabel = "PDF, Word (DOC, DOCX), Excel (XLS, XLSX), OpenDocument (ODT)"
)

type docListPage struct {
	adminPage
	Docs      []legaldoc.Document
	Total     int
	Pager     pager
	Statuses  []string
	F         struct{ Status, Q string }
	CanCreate bool
	CanImport bool
}

func (s *Server) adminDocuments(w http.ResponseWriter, r *http.Request) error {
	u := userFrom(r.Context())
	if !legaldoc.Can(u, auth.ActCreate, nil) {
		return errForbidden()
	}
	n, err := pageParam(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	p := &docListPage{adminPage: s.newAdminPage(r, "Văn bản"), Statuses: adminStatuses, CanCreate: true, CanImport: legaldoc.Can(u, auth.ActPublish, &legaldoc.Document{Status: news.StatusDraft})}
	p.Nav = "documents"
	f := store.DocumentFilter{SiteID: s.siteIDOf(r), Status: store.AnyStatus, Limit: 30, Offset: (n - 1) * 30}
	p.F.Status = q.Get("trang-thai")
	for _, st := range adminStatuses {
		if st == p.F.Status {
			f.Status = st
		}
	}
	p.F.Q = strings.TrimSpace(strings.ToValidUTF8(q.Get("q"), ""))
	if len([]rune(p.F.Q)) > 200 {
		return errBadRequest("Từ khóa quá dài (tối đa 200 ký tự).")
	}
	f.Query = p.F.Q
	if p.Docs, p.Total, err = s.st.ListDocuments(r.Context(), f); err != nil {
		return err
	}
	base := url.Values{}
	if p.F.Status != "" {
		base.Set("trang-thai", p.F.Status)
	}
	if p.F.Q != "" {
		base.Set("q", p.F.Q)
	}
	p.Pager = pager{Page: n, Pages: pages(p.Total, 30), Base: "/quan-tri/van-ban?"}
	if len(base) > 0 {
		p.Pager.Base += base.Encode() + "&"
	}
	return s.renderAdmin(w, http.StatusOK, "documents", p)
}

type docEditPage struct {
	adminPage
	Doc       legaldoc.Document
	IsNew     bool
	Types     []string
	Errors    map[string]string
	Message   string
	Others    []legaldoc.Document
	PublicURL string
	MaxMB     int
	TypesText string
	Can       map[string]bool
}

func (s *Server) docEditPage(r *http.Request, d legaldoc.Document, isNew bool) (*docEditPage, error) {
	title := "Sửa văn bản"
	if isNew {
		title = "Thêm văn bản"
	}
	u := userFrom(r.Context())
	p := &docEditPage{adminPage: s.newAdminPage(r, title), Doc: d, IsNew: isNew, Types: legaldoc.Types, MaxMB: maxDocFile >> 20, TypesText: docTypesLabel, Can: map[string]bool{}}
	p.Nav = "documents"
	for _, a := range []auth.Action{auth.ActEdit, auth.ActSubmit, auth.ActPublish, auth.ActReturn, auth.ActUnpublish, auth.ActTrash, auth.ActRestore} {
		p.Can[string(a)] = !isNew && legaldoc.Can(u, a, &d)
	}
	p.Can["edit"] = isNew || p.Can["edit"]
	p.Can["restore"] = p.Can["restore"] && d.Status == news.StatusTrash
	var err error
	if p.Others, _, err = s.st.ListDocuments(r.Context(), store.DocumentFilter{SiteID: s.siteIDOf(r), Limit: 100}); err != nil {
		return nil, err
	}
	if d.Status == news.StatusPublished {
		p.PublicURL = d.Path()
	}
	return p, nil
}

func (s *Server) adminDocumentByID(r *http.Request) (legaldoc.Document, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return legaldoc.Document{}, errNotFound()
	}
	return s.st.Document(r.Context(), s.siteIDOf(r), id)
}

func (s *Server) newDocumentForm(w http.ResponseWriter, r *http.Request) error {
	d, err := legaldoc.New(userFrom(r.Context()))
	if err != nil {
		return errForbidden()
	}
	p, err := s.docEditPage(r, *d, true)
	if err != nil {
		return err
	}
	return s.renderAdmin(w, http.StatusOK, "document_edit", p)
}

func (s *Server) editDocumentForm(w http.ResponseWriter, r *http.Request) error {
	d, err := s.adminDocumentByID(r)
	if err != nil {
		return err
	}
	if !legaldoc.Can(userFrom(r.Context()), auth.ActView, &d) {
		return errForbidden()
	}
	p, err := s.docEditPage(r, d, false)
	if err != nil {
		return err
	}
	return s.renderAdmin(w, http.StatusOK, "document_edit", p)
}

func docDraftFromForm(r *http.Request) legaldoc.Draft {
	rb, _ := strconv.ParseInt(r.PostFormValue("replaced_by"), 10, 64)
	return legaldoc.Draft{
		Number: r.PostFormValue("number"), Type: r.PostFormValue("type"), Issuer: r.PostFormValue("issuer"),
		Signer: r.PostFormValue("signer"), Field: r.PostFormValue("field"), Abstract: r.PostFormValue("abstract"),
		IssueDate: r.PostFormValue("issue_date"), EffectiveDate: r.PostFormValue("effective_date"), ExpiryDate: r.PostFormValue("expiry_date"),
		ReplacedByID: rb,
	}
}

// docFormError is a refusal shown on the form, with the status it answers.
type docFormError struct {
	status int
	fields map[string]string
	msg    string
}

func (e *docFormError) Error() string { return e.msg }

// readDocFiles takes the files attached to a form, each sniffed
// from its content: only documents (PDF, Word, Excel, ODT) without macros,
// each at most maxDocFile.
func readDocFiles(sent []*multipart.FileHeader) ([]legaldoc.File, error) {
	var hdrs []*multipart.FileHeader
	for _, h := range sent {
		if h.Filename != "" || h.Size > 0 {
			hdrs = append(hdrs, h)
		}
	}
	if len(hdrs) > maxDocFiles {
		return nil, &docFormError{http.StatusUnprocessableEntity, map[string]string{"file": fmt.Sprintf("Mỗi lần lưu đính kèm tối đa %d tệp.", maxDocFiles)}, ""}
	}
	var out []legaldoc.File
	for _, h := range hdrs {
		name := cleanFileName(h.Filename)
		if h.Size > maxDocFile {
			return nil, &docFormError{http.StatusRequestEntityTooLarge, map[string]string{"file": fmt.Sprintf("Tệp “%s” quá lớn: tối đa %d MB mỗi tệp.", name, maxDocFile>>20)}, ""}
		}
		f, err := h.Open()
		if err != nil {
			return nil, errBadRequest("Không đọc được tệp gửi lên.")
		}
		data, err := io.ReadAll(io.LimitReader(f, maxDocFile+1))
		f.Close()
		if err != nil {
			return nil, errBadRequest("Không đọc được tệp gửi lên.")
		}
		if len(data) > maxDocFile {
			return nil, &docFormError{http.StatusRequestEntityTooLarge, map[string]string{"file": fmt.Sprintf("Tệp “%s” quá lớn: tối đa %d MB mỗi tệp.", name, maxDocFile>>20)}, ""}
		}
		if len(data) == 0 {
			return nil, &docFormError{http.StatusUnprocessableEntity, map[string]string{"file": fmt.Sprintf("Tệp “%s” rỗng (0 byte): hãy chọn lại tệp.", name)}, ""}
		}
		t, err := media.Sniff(data)
		if errors.Is(err, media.ErrMacros) {
			return nil, &docFormError{http.StatusUnsupportedMediaType, map[string]string{"file": fmt.Sprintf("Tệp “%s” có chứa macro (mã lệnh tự chạy). Hãy lưu lại thành DOCX, XLSX hoặc PDF không có macro.", name)}, ""}
		}
		if err != nil || t.Kind != media.KindDocument {
			return nil, &docFormError{http.StatusUnsupportedMediaType, map[string]string{"file": fmt.Sprintf("Tệp “%s” không đúng định dạng cho phép. Chỉ nhận %s; loại tệp được xác định theo nội dung, không theo tên hay đuôi tệp.", name, docTypesLabel)}, ""}
		}
		if t == media.PDF && media.CheckPDF(data) != nil {
			return nil, &docFormError{http.StatusUnsupportedMediaType, map[string]string{"file": fmt.Sprintf("Tệp “%s” là PDF nhưng có chứa mã trang web (HTML, script) ở phần đầu, nên không được nhận vì lý do an toàn. Hãy xuất lại tệp PDF từ phần mềm soạn thảo hoặc máy quét.", name)}, ""}
		}
		base := strings.Trim(strings.TrimSuffix(name, path.Ext(name)), ". ")
		if base == "" {
			base = "van-ban"
		}
		out = append(out, legaldoc.File{Name: base + "." + t.Ext, Mime: t.Mime, Ext: t.Ext, Data: data})
	}
	return out, nil
}

func (s *Server) createDocument(w http.ResponseWriter, r *http.Request) error {
	u := userFrom(r.Context())
	d, err := legaldoc.New(u)
	if err != nil {
		return errForbidden()
	}
	return s.saveDocumentForm(w, r, d, true)
}

func (s *Server) updateDocument(w http.ResponseWriter, r *http.Request) error {
	u := userFrom(r.Context())
	d, err := s.adminDocumentByID(r)
	if err != nil {
		return err
	}
	if err := legaldoc.Edit(u, &d); err != nil {
		return toDocWorkflowError(err)
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	if version < 1 {
		return errBadRequest("Thiếu số phiên bản của văn bản; vui lòng tải lại trang sửa.")
	}
	d.Version = version
	return s.saveDocumentForm(w, r, &d, false)
}

// saveDocumentForm validates and saves the form; on any refusal the form
// comes back with what was typed and the reason next to the field.
func (s *Server) saveDocumentForm(w http.ResponseWriter, r *http.Request, d *legaldoc.Document, isNew bool) error {
	wasPublished := d.Status == news.StatusPublished
	verr := legaldoc.Apply(d, docDraftFromForm(r))
	var sent []*multipart.FileHeader
	if r.MultipartForm != nil {
		sent = r.MultipartForm.File["files"]
	}
	files, ferr := readDocFiles(sent)
	fields := map[string]string{}
	status := http.StatusUnprocessableEntity
	var v legaldoc.ValidationError
	if errors.As(verr, &v) {
		for k, m := range v {
			fields[k] = m
		}
	}
	var fe *docFormError
	if errors.As(ferr, &fe) {
		for k, m := range fe.fields {
			fields[k] = m
		}
		if len(v) == 0 {
			status = fe.status
		}
	} else if ferr != nil {
		return ferr
	}
	if len(fields) > 0 {
		return s.redisplayDocument(w, r, *d, isNew, status, fields, "")
	}
	var drop []int64
	for _, v := range r.PostForm["xoa_tep"] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil {
			drop = append(drop, id)
		}
	}
	err := s.st.SaveDocument(r.Context(), d, files, drop)
	var dup *store.DuplicateDocumentError
	switch {
	case errors.As(err, &dup):
		msg := "Số ký hiệu " + d.Number + " của " + d.Issuer + " năm " + strconv.Itoa(d.Year()) + " đã có trong thư viện"
		if dup.ExistingID != 0 {
			msg += fmt.Sprintf(" (văn bản mã %d, %s)", dup.ExistingID, news.StatusName(dup.Status))
		}
		return s.redisplayDocument(w, r, *d, isNew, http.StatusConflict, map[string]string{"number": msg + "."}, "")
	case errors.Is(err, store.ErrDocumentConflict):
		return s.redisplayDocument(w, r, *d, isNew, http.StatusConflict, nil,
			"Văn bản đã được người khác lưu trong lúc bạn đang sửa, nên thay đổi của bạn CHƯA được lưu. Nội dung bạn vừa nhập vẫn ở dưới đây: hãy mở lại văn bản để xem bản mới nhất rồi sửa tiếp.")
	case errors.Is(err, store.ErrReplacedByMissing):
		return s.redisplayDocument(w, r, *d, isNew, http.StatusUnprocessableEntity, map[string]string{"replaced_by": "Văn bản thay thế không tồn tại."}, "")
	case err != nil:
		return err
	}
	action := "document.update"
	if isNew {
		action = "document.create"
	}
	detail := d.Title()
	if len(files) > 0 || len(drop) > 0 {
		detail += fmt.Sprintf(" (thêm %d tệp, bỏ %d tệp)", len(files), len(drop))
	}
	s.audit(r, action, "document", d.ID, detail)
	if d.Status == news.StatusPublished || wasPublished {
		s.ContentChanged()
	}
	http.Redirect(w, r, fmt.Sprintf("/quan-tri/van-ban/%d?tb=luu-van-ban", d.ID), http.StatusSeeOther)
	return nil
}

func (s *Server) redisplayDocument(w http.ResponseWriter, r *http.Request, d legaldoc.Document, isNew bool, status int, fields map[string]string, msg string) error {
	if !isNew {
		// The files already stored are shown from the database.
		if cur, err := s.st.Document(r.Context(), s.siteIDOf(r), d.ID); err == nil {
			d.Files = cur.Files
			d.Status = cur.Status
		}
	}
	p, err := s.docEditPage(r, d, isNew)
	if err != nil {
		return err
	}
	p.Errors = fields
	p.Message = msg
	if p.Message == "" {
		p.Message = "Văn bản chưa được lưu: vui lòng sửa các ô được đánh dấu."
		if _, ok := fields["file"]; ok {
			p.Message += " Các tệp đính kèm cần được chọn lại."
		}
	}
	return s.renderAdmin(w, status, "document_edit", p)
}

func toDocWorkflowError(err error) error {
	var v legaldoc.ValidationError
	switch {
	case errors.Is(err, legaldoc.ErrForbidden):
		return &Error{Status: http.StatusForbidden, Code: "forbidden", Message: err.Error() + "."}
	case errors.Is(err, legaldoc.ErrState):
		return &Error{Status: http.StatusConflict, Code: "conflict", Message: err.Error() + "."}
	case errors.As(err, &v):
		return &Error{Status: http.StatusUnprocessableEntity, Code: "validation", Message: v.Error(), Fields: v}
	}
	return err
}

var docActionFlash = map[string]string{"gui": "gui-van-ban", "xuat-ban": "xuat-ban-van-ban", "tra-lai": "tra-lai-van-ban", "go": "go-van-ban", "thung-rac": "rac-van-ban", "khoi-phuc": "khoi-phuc-van-ban"}

var docActionAudit = map[string]string{"gui": "document.submit", "xuat-ban": "document.publish", "tra-lai": "document.return", "go": "document.unpublish", "thung-rac": "document.trash", "khoi-phuc": "document.restore"}

// documentAction applies a workflow transition posted from the edit page.
func (s *Server) documentAction(w http.ResponseWriter, r *http.Request) error {
	u := userFrom(r.Context())
	d, err := s.adminDocumentByID(r)
	if err != nil {
		return err
	}
	action := r.PathValue("action")
	if _, ok := docActionFlash[action]; !ok {
		return errNotFound()
	}
	v, _ := strconv.Atoi(r.PostFormValue("version"))
	staleForm := v != 0 && v != d.Version
	wasPublished := d.Status == news.StatusPublished
	// Who may act (403) is answered before whether the form is stale (409).
	if err := legaldoc.Transition(u, &d, action, r.PostFormValue("comment"), time.Now()); err != nil {
		return toDocWorkflowError(err)
	}
	if staleForm {
		return &Error{Status: http.StatusConflict, Code: "conflict", Message: "Văn bản vừa được người khác thay đổi. Vui lòng mở lại văn bản để xem trạng thái mới nhất trước khi thao tác."}
	}
	err = s.st.SaveDocument(r.Context(), &d, nil, nil)
	if errors.Is(err, store.ErrDocumentConflict) {
		return &Error{Status: http.StatusConflict, Code: "conflict", Message: "Văn bản vừa được người khác thay đổi. Vui lòng thử lại."}
	}
	if err != nil {
		return err
	}
	s.audit(r, docActionAudit[action], "document", d.ID, d.Title())
	if d.Status == news.StatusPublished || wasPublished {
		s.ContentChanged()
	}
	http.Redirect(w, r, fmt.Sprintf("/quan-tri/van-ban/%d?tb=%s", d.ID, docActionFlash[action]), http.StatusSeeOther)
	return nil
}

// adminDocumentFile lets staff download a file of a document in any status.
func (s *Server) adminDocumentFile(w http.ResponseWriter, r *http.Request) error {
	d, err := s.adminDocumentByID(r)
	if err != nil {
		return err
	}
	if !legaldoc.Can(userFrom(r.Context()), auth.ActView, &d) {
		return errForbidden()
	}
	return s.serveDocumentFile(w, r, d)
}

type docImportPage struct {
	adminPage
	Message string
	Errors  []legaldoc.RowError
	Count   int
}

// Imports publish directly, so only those who may publish can import.
func canImportDocuments(u *auth.User) bool {
	return legaldoc.Can(u, auth.ActPublish, &legaldoc.Document{Status: news.StatusDraft})
}

func (s *Server) documentImportForm(w http.ResponseWriter, r *http.Request) error {
	if !canImportDocuments(userFrom(r.Context())) {
		return errForbidden()
	}
	p := &docImportPage{adminPage: s.newAdminPage(r, "Nhập văn bản từ CSV")}
	p.Nav = "documents"
	return s.renderAdmin(w, http.StatusOK, "document_import", p)
}

func (s *Server) importDocuments(w http.ResponseWriter, r *http.Request) error {
	u := userFrom(r.Context())
	if !canImportDocuments(u) {
		return errForbidden()
	}
	p := &docImportPage{adminPage: s.newAdminPage(r, "Nhập văn bản từ CSV")}
	p.Nav = "documents"
	f, _, err := r.FormFile("file")
	if err != nil {
		p.Message = "Chọn tệp CSV cần nhập."
		return s.renderAdmin(w, http.StatusUnprocessableEntity, "document_import", p)
	}
	defer f.Close()
	var n int
	err = s.st.InTx(r.Context(), func(tx *store.Tx) error {
		var err error
		n, err = legaldoc.ImportCSV(r.Context(), io.LimitReader(f, maxDocFile), s.siteIDOf(r), u.ID, news.StatusPublished, tx)
		return err
	})
	var ie legaldoc.ImportError
	if errors.As(err, &ie) {
		p.Message = fmt.Sprintf("Không nhập được tệp: %d lỗi, chưa có văn bản nào được lưu. Sửa các dòng dưới đây rồi nhập lại cả tệp.", len(ie))
		p.Errors = ie
		return s.renderAdmin(w, http.StatusUnprocessableEntity, "document_import", p)
	}
	if err != nil {
		return err
	}
	s.audit(r, "document.import", "document", 0, fmt.Sprintf("%d văn bản", n))
	s.ContentChanged()
	http.Redirect(w, r, "/quan-tri/van-ban?tb=nhap-van-ban", http.StatusSeeOther)
	return nil
}

func errDocumentTooLarge() *Error {
	return &Error{Status: http.StatusRequestEntityTooLarge, Code: "too_large",
		Message: fmt.Sprintf("Dữ liệu gửi lên quá lớn: mỗi tệp tối đa %d MB, mỗi lần lưu tối đa %d MB. Văn bản chưa được lưu; hãy quay lại, chọn tệp nhỏ hơn hoặc đính kèm từng tệp một.", maxDocFile>>20, maxDocBody>>20)}
}
