package web

import (
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/media"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/viet"
)

// The media library: /quan-tri/thu-vien for the newsroom, /media/{file} for
// everyone. Files are stored by content address (media.Library); what a
// file is comes from its row, never from its name.

const (
	// maxUpload is the largest file accepted (413 beyond).
	maxUpload = media.DefaultMaxSize
	// maxUploadBody leaves room for the form's other fields and the
	// multipart framing around the file.
	maxUploadBody = maxUpload + 1<<20

	mediaPerPage = 30
	maxAltLen    = 300
	maxCaption   = 500
	maxNameLen   = 200

	// mediaSizes is the sizes attribute of inserted images: the article
	// column is about 760 px wide on a desktop, the full width on a phone.
	mediaSizes = "(min-width: 900px) 760px, 100vw"
	// mediaSrcWidth: inserted images' src (for browsers without srcset) is
	// the widest variant up to this.
	mediaSrcWidth = 1024
)

var (
	mediaCache      = []string{"public, max-age=31536000, immutable"}
	mediaImageCSP   = []string{"default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"}
	mediaDocCSP     = []string{"default-src 'none'; sandbox"}
	mediaTypesLabel = "ảnh JPEG, PNG, WebP, GIF và tài liệu PDF, Word (DOC, DOCX), Excel (XLS, XLSX), OpenDocument (ODT)"
)

func (s *Server) mediaLibrary() *media.Library {
	if s.mediaDir == "" {
		return nil
	}
	return media.NewLibrary(s.mediaDir)
}

func errMediaUnconfigured() *Error {
	return &Error{Status: http.StatusServiceUnavailable, Code: "media_unavailable", Message: "Thư viện tệp chưa được cấu hình (thiếu thư mục lưu tệp). Vui lòng báo quản trị hệ thống."}
}

func errUploadTooLarge() *Error {
	return &Error{Status: http.StatusRequestEntityTooLarge, Code: "too_large",
		Message: fmt.Sprintf("Tệp quá lớn: tối đa %d MB. Hãy thu nhỏ ảnh hoặc nén tài liệu rồi tải lại.", maxUpload>>20)}
}

func errUploadType() *Error {
	return &Error{Status: http.StatusUnsupportedMediaType, Code: "unsupported_media_type",
		Message: "Tệp không đúng định dạng cho phép. Thư viện chỉ nhận " + mediaTypesLabel + "; loại tệp được xác định theo nội dung, không theo tên hay đuôi tệp.",
		Fields:  map[string]string{"file": "Tệp không đúng định dạng cho phép."}}
}

func errUploadField(field, msg string) *Error {
	return &Error{Status: http.StatusUnprocessableEntity, Code: "validation", Message: msg, Fields: map[string]string{field: msg}}
}

// canDeleteMedia: who may delete a file from the library. auth.Can has no
// media-specific action beyond upload yet, so: admins any file, everyone who
// may upload their own.
func canDeleteMedia(u *auth.User, m store.Media) bool {
	if !auth.Can(u, auth.ActUploadMedia, nil) {
		return false
	}
	return auth.Can(u, auth.ActManageSite, nil) || (m.UploadedBy != 0 && m.UploadedBy == u.ID)
}

// needUpload refuses users who may not use the media library.
func (s *Server) needUpload(fn handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if !auth.Can(userFrom(r.Context()), auth.ActUploadMedia, nil) {
			return errForbidden()
		}
		return fn(w, r)
	}
}

// uploadTooLarge answers a 413: in the newsroom, the library page with the
// message next to the form, so the editor can pick a smaller file.
func (s *Server) uploadTooLarge(w http.ResponseWriter, r *http.Request) error {
	e := errUploadTooLarge()
	if strings.HasPrefix(r.URL.Path, "/api/") {
		return e
	}
	r2, err := s.loadSession(r)
	if err != nil || !auth.Can(userFrom(r2.Context()), auth.ActUploadMedia, nil) {
		return e
	}
	return s.renderMediaList(w, r2, e.Status, uploadForm{Message: e.Message, Errors: map[string]string{"file": e.Message}})
}

// upload is a file as received.
type upload struct {
	data         []byte
	name         string
	alt, caption string
}

// readUpload takes the file and its texts from a parsed multipart form.
func readUpload(r *http.Request) (upload, error) {
	var in upload
	in.alt = cleanText(r.FormValue("alt"), maxAltLen)
	in.caption = cleanText(r.FormValue("caption"), maxCaption)
	f, hdr, err := r.FormFile("file")
	if errors.Is(err, http.ErrMissingFile) || errors.Is(err, http.ErrNotMultipart) {
		return in, errUploadField("file", "Chọn tệp cần tải lên.")
	}
	if err != nil {
		return in, errBadRequest("Không đọc được tệp gửi lên.")
	}
	defer f.Close()
	if hdr.Size > maxUpload {
		return in, errUploadTooLarge()
	}
	in.data, err = io.ReadAll(io.LimitReader(f, maxUpload+1))
	if err != nil {
		return in, errBadRequest("Không đọc được tệp gửi lên.")
	}
	if len(in.data) > maxUpload {
		return in, errUploadTooLarge()
	}
	if len(in.data) == 0 {
		return in, errUploadField("file", "Tệp rỗng (0 byte): hãy chọn lại tệp.")
	}
	in.name = cleanFileName(hdr.Filename)
	return in, nil
}

// cleanText makes a form text safe to store: valid UTF-8 in NFC (Vietnamese
// typed on a Mac arrives decomposed), no control characters, one line,
// trimmed and cut at max runes.
func cleanText(s string, max int) string {
	s = viet.CleanLine(s)
	if r := []rune(s); len(r) > max {
		s = strings.TrimSpace(string(r[:max]))
	}
	return s
}

// cleanFileName keeps only the last element of a client's file name
// (browsers on Windows may send C:\…\name.pdf).
func cleanFileName(s string) string {
	if i := strings.LastIndexAny(s, `/\`); i >= 0 {
		s = s[i+1:]
	}
	s = strings.Trim(cleanText(s, maxNameLen), ". ")
	return s
}

// downloadName is the name a document is saved under: the uploaded name
// with the extension of what the file really is.
func downloadName(m store.Media) string {
	base := strings.TrimSuffix(m.OriginalName, path.Ext(m.OriginalName))
	base = strings.Trim(base, ". ")
	if base == "" {
		base = "tep-" + m.Hash[:8]
	}
	return base + "." + m.Ext
}

// storeUpload sniffs, validates, processes and stores an upload. created is
// false when the site already had the same file (that row is returned).
func (s *Server) storeUpload(r *http.Request, in upload) (store.Media, bool, error) {
	ctx := r.Context()
	lib := s.mediaLibrary()
	if lib == nil {
		return store.Media{}, false, errMediaUnconfigured()
	}
	t, err := media.Sniff(in.data)
	switch {
	case errors.Is(err, media.ErrMacros):
		e := errUploadType()
		e.Message = "Tệp không đúng định dạng cho phép: tài liệu có chứa macro (mã lệnh tự chạy). Hãy lưu lại thành DOCX, XLSX hoặc PDF không có macro rồi tải lên."
		return store.Media{}, false, e
	case err != nil:
		return store.Media{}, false, errUploadType()
	}
	if t.Kind == media.KindImage && in.alt == "" {
		return store.Media{}, false, errUploadField("alt", "Nhập mô tả ảnh (alt) cho người khiếm thị: ảnh cho thấy gì, ví dụ \"Đồng chí Chủ tịch UBND huyện phát biểu tại hội nghị\".")
	}
	hash := media.Hash(in.data)
	if m, err := s.st.MediaByHash(ctx, s.siteIDOf(r), hash); err == nil {
		return m, false, nil
	} else if !errors.Is(err, store.ErrNotFound) {
		return store.Media{}, false, err
	}
	res, err := media.Process(ctx, in.data, t)
	switch {
	case errors.Is(err, media.ErrCorrupt):
		return store.Media{}, false, &Error{Status: http.StatusUnprocessableEntity, Code: "validation",
			Message: "Tệp không đúng định dạng cho phép: ảnh bị hỏng hoặc không đọc được. Hãy mở ảnh trên máy, lưu lại thành JPEG hoặc PNG rồi tải lên.",
			Fields:  map[string]string{"file": "Ảnh bị hỏng hoặc không đọc được."}}
	case errors.Is(err, media.ErrTooLarge):
		return store.Media{}, false, errUploadField("file", fmt.Sprintf("Ảnh có kích thước quá lớn (tối đa %d megapixel). Hãy thu nhỏ ảnh rồi tải lại.", media.MaxPixels/1_000_000))
	case err != nil:
		return store.Media{}, false, err
	}
	if err := lib.Save(hash, res); err != nil {
		return store.Media{}, false, fmt.Errorf("lưu tệp: %w", err)
	}
	widths := res.VariantWidths()
	m := store.Media{SiteID: s.siteIDOf(r), Hash: hash, Kind: string(t.Kind), Mime: res.Type.Mime, Ext: res.Type.Ext, Size: int64(len(res.Data)),
		Width: res.Width, Height: res.Height, Widths: widths, Alt: in.alt, Caption: in.caption, OriginalName: in.name}
	if u := userFrom(ctx); u != nil {
		m.UploadedBy = u.ID
	}
	created, err := s.st.AddMedia(ctx, &m, func() error {
		// A delete of the same file may have taken the files away between
		// Save and here; under the hash's lock, put them back.
		if lib.Complete(hash, res.Type.Ext, widths) {
			return nil
		}
		return lib.Save(hash, res)
	})
	if err != nil {
		return store.Media{}, false, err
	}
	if created {
		s.audit(r, "media.upload", "media", m.ID, fmt.Sprintf("%s (%s, %s)", m.OriginalName, t.Label, sizeText(m.Size)))
	}
	return m, created, nil
}

// mediaURL is the public path of a stored file (width 0: the original).
func mediaURL(m store.Media, width int) string {
	return "/media/" + media.FileName(m.Hash, width, m.Ext)
}

// mediaSrc is the path an <img src> uses: the widest variant up to 1024 px,
// or the original when it is no wider.
func mediaSrc(m store.Media) string {
	best := 0
	for _, w := range m.Widths {
		if w <= mediaSrcWidth {
			best = w
		}
	}
	if m.Width <= mediaSrcWidth {
		best = 0
	}
	return mediaURL(m, best)
}

// mediaSrcset lists the variants and, when no variant is as wide as the
// largest srcset width, the original too.
func mediaSrcset(m store.Media) string {
	if m.Kind != string(media.KindImage) || len(m.Widths) == 0 {
		return ""
	}
	var parts []string
	for _, w := range m.Widths {
		parts = append(parts, mediaURL(m, w)+" "+strconv.Itoa(w)+"w")
	}
	if m.Width <= media.Widths[len(media.Widths)-1] {
		parts = append(parts, mediaURL(m, 0)+" "+strconv.Itoa(m.Width)+"w")
	}
	return strings.Join(parts, ", ")
}

// mediaHTML is the snippet an editor pastes into an article: a figure
// with a responsive image, or a download link for a document.
func mediaHTML(m store.Media) string {
	esc := html.EscapeString
	if m.Kind != string(media.KindImage) {
		return `<p><a href="` + mediaURL(m, 0) + `">` + esc(downloadName(m)) + `</a> (` + esc(typeLabel(m)) + `, ` + sizeText(m.Size) + `)</p>`
	}
	var b strings.Builder
	b.WriteString(`<figure><img src="` + mediaSrc(m) + `"`)
	if ss := mediaSrcset(m); ss != "" {
		b.WriteString(` srcset="` + ss + `" sizes="` + mediaSizes + `"`)
	}
	fmt.Fprintf(&b, ` alt="%s" width="%d" height="%d" loading="lazy">`, esc(m.Alt), m.Width, m.Height)
	if m.Caption != "" {
		b.WriteString(`<figcaption>` + esc(m.Caption) + `</figcaption>`)
	}
	b.WriteString(`</figure>`)
	return b.String()
}

func typeLabel(m store.Media) string {
	for _, t := range media.Types {
		if t.Mime == m.Mime {
			return t.Label
		}
	}
	return m.Mime
}

// sizeText is a byte count for people, Vietnamese style: "1,2 MB".
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return strings.Replace(strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64), ".", ",", 1) + " MB"
	case n >= 1<<10:
		return strconv.FormatInt((n+512)>>10, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " byte"
}

// serveMedia sends a stored file. The name is checked against a strict
// pattern and looked up in the database by hash, so nothing the client
// sends ever becomes a path; the Content-Type is the row's; documents are
// downloads; everything is sandboxed and cached for a year (a file's name
// is its content's hash, so it never changes).
func (s *Server) serveMedia(w http.ResponseWriter, r *http.Request) error {
	hash, width, ext, ok := media.ParseFileName(r.PathValue("name"))
	lib := s.mediaLibrary()
	if !ok || lib == nil {
		return errNotFound()
	}
	m, err := s.st.MediaByHash(r.Context(), s.siteIDOf(r), hash)
	if err != nil {
		return err
	}
	if ext != m.Ext || (width != 0 && !slices.Contains(m.Widths, width)) {
		return errNotFound()
	}
	f, err := lib.Open(hash, width, ext)
	if errors.Is(err, fs.ErrNotExist) {
		s.log.Warn("media file missing", "hash", hash, "width", width)
		return errNotFound()
	}
	if err != nil {
		return err
	}
	defer f.Close()
	h := w.Header()
	h.Set("Content-Type", m.Mime)
	h["Cache-Control"] = mediaCache
	h["X-Content-Type-Options"] = nosniff
	h.Set("ETag", `"`+media.FileName(hash, width, ext)+`"`)
	if m.Kind == string(media.KindImage) {
		h["Content-Security-Policy"] = mediaImageCSP
	} else {
		h["Content-Security-Policy"] = mediaDocCSP
		cd := mime.FormatMediaType("attachment", map[string]string{"filename": downloadName(m)})
		if cd == "" {
			cd = "attachment"
		}
		h.Set("Content-Disposition", cd)
	}
	http.ServeContent(w, r, "", m.CreatedAt, f)
	return nil
}

// The newsroom's library page.

type mediaItem struct {
	store.Media
	URL       string // the original
	Src       string // what <img src> uses
	Thumb     string // smallest variant, for the list
	ThumbH    int    // its height when shown 160 px wide
	Preview   string // fits 640 × 480, for the detail view
	PreviewW  int
	PreviewH  int
	Srcset    string
	HTML      string
	Type      string
	SizeText  string
	IsImage   bool
	CanDelete bool
}

func (s *Server) mediaItem(u *auth.User, m store.Media) mediaItem {
	it := mediaItem{Media: m, URL: mediaURL(m, 0), Src: mediaSrc(m), Srcset: mediaSrcset(m), HTML: mediaHTML(m),
		Type: typeLabel(m), SizeText: sizeText(m.Size), IsImage: m.Kind == string(media.KindImage), CanDelete: canDeleteMedia(u, m)}
	it.Thumb, it.Preview, it.PreviewW, it.PreviewH = it.URL, it.URL, m.Width, m.Height
	if len(m.Widths) > 0 {
		it.Thumb = mediaURL(m, m.Widths[0])
	}
	if m.Width > 0 && m.Height > 0 {
		it.ThumbH = max(1, m.Height*160/m.Width)
		// The preview fits in 640 × 480, from the smallest variant that
		// is at least as wide.
		if m.Width > 640 || m.Height > 480 {
			if m.Width*480 >= m.Height*640 {
				it.PreviewW, it.PreviewH = 640, max(1, m.Height*640/m.Width)
			} else {
				it.PreviewW, it.PreviewH = max(1, m.Width*480/m.Height), 480
			}
		}
		for _, w := range m.Widths {
			if w >= it.PreviewW {
				it.Preview = mediaURL(m, w)
				break
			}
		}
	}
	return it
}

// uploadForm is what the upload form shows again after a refusal.
type uploadForm struct {
	Alt, Caption string
	Errors       map[string]string
	Message      string
}

type mediaPage struct {
	adminPage
	Items   []mediaItem
	Total   int
	Pager   pager
	Kind    string // filter: "anh", "tai-lieu" or ""
	Q       string
	Form    uploadForm
	Item    *mediaItem // the detail view
	Usage   int
	Message string
	MaxMB   int
	Accept  string
	Types   string
}

var mediaAccept = "image/jpeg,image/png,image/webp,image/gif,application/pdf,.pdf,.doc,.docx,.xls,.xlsx,.odt," +
	"application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.ms-excel," +
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.text"

func (s *Server) newMediaPage(r *http.Request, title string) *mediaPage {
	p := &mediaPage{adminPage: s.newAdminPage(r, title), MaxMB: maxUpload >> 20, Accept: mediaAccept, Types: mediaTypesLabel}
	p.Nav = "media"
	if f := mediaFlashes[r.URL.Query().Get("tb")]; f != "" {
		p.Flash = f
	}
	return p
}

func (s *Server) adminMedia(w http.ResponseWriter, r *http.Request) error {
	return s.renderMediaList(w, r, http.StatusOK, uploadForm{})
}

func (s *Server) renderMediaList(w http.ResponseWriter, r *http.Request, status int, form uploadForm) error {
	ctx := r.Context()
	u := userFrom(ctx)
	p := s.newMediaPage(r, "Thư viện ảnh và tài liệu")
	p.Form = form
	q := r.URL.Query()
	f := store.MediaFilter{SiteID: s.siteIDOf(r), Limit: mediaPerPage}
	switch q.Get("loai") {
	case "anh":
		p.Kind, f.Kind = "anh", string(media.KindImage)
	case "tai-lieu":
		p.Kind, f.Kind = "tai-lieu", string(media.KindDocument)
	}
	p.Q = cleanText(q.Get("q"), 100)
	f.Query = p.Q
	n, _ := strconv.Atoi(q.Get("trang"))
	n = max(1, min(n, 10000))
	f.Offset = (n - 1) * mediaPerPage
	list, total, err := s.st.ListMedia(ctx, f)
	if err != nil {
		return err
	}
	p.Total = total
	for _, m := range list {
		p.Items = append(p.Items, s.mediaItem(u, m))
	}
	base := url.Values{}
	if p.Kind != "" {
		base.Set("loai", p.Kind)
	}
	if p.Q != "" {
		base.Set("q", p.Q)
	}
	p.Pager = pager{Page: n, Pages: pages(total, mediaPerPage), Base: "/quan-tri/thu-vien?" + base.Encode()}
	if len(base) > 0 {
		p.Pager.Base += "&"
	}
	return s.renderAdmin(w, status, "media", p)
}

// uploadMedia receives the library page's upload form.
func (s *Server) uploadMedia(w http.ResponseWriter, r *http.Request) error {
	if r.MultipartForm != nil {
		// The staff wrapper parsed the form on its own copy of the
		// request, which the server does not clean up: remove the
		// temporary files of large uploads here.
		defer r.MultipartForm.RemoveAll()
	}
	in, err := readUpload(r)
	var m store.Media
	created := false
	if err == nil {
		m, created, err = s.storeUpload(r, in)
	}
	if err != nil {
		e := toError(err)
		if e.Status >= 500 {
			return err
		}
		form := uploadForm{Alt: in.alt, Caption: in.caption, Errors: e.Fields, Message: e.Message}
		return s.renderMediaList(w, r, e.Status, form)
	}
	tb := "tai-len"
	if !created {
		tb = "da-co"
	}
	http.Redirect(w, r, "/quan-tri/thu-vien/"+strconv.FormatInt(m.ID, 10)+"?tb="+tb, http.StatusSeeOther)
	return nil
}

func (s *Server) mediaByID(r *http.Request) (store.Media, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return store.Media{}, errNotFound()
	}
	return s.st.MediaByID(r.Context(), s.siteIDOf(r), id)
}

// mediaDetail shows one file: preview, addresses, snippet, its texts to
// edit, and deletion.
func (s *Server) mediaDetail(w http.ResponseWriter, r *http.Request) error {
	m, err := s.mediaByID(r)
	if err != nil {
		return err
	}
	return s.renderMediaDetail(w, r, http.StatusOK, m, uploadForm{Alt: m.Alt, Caption: m.Caption})
}

func (s *Server) renderMediaDetail(w http.ResponseWriter, r *http.Request, status int, m store.Media, form uploadForm) error {
	u := userFrom(r.Context())
	name := m.OriginalName
	if name == "" {
		name = downloadName(m)
	}
	p := s.newMediaPage(r, "Tệp: "+name)
	it := s.mediaItem(u, m)
	p.Item = &it
	p.Form = form
	p.Message = form.Message
	var err error
	if p.Usage, err = s.st.MediaUsage(r.Context(), s.siteIDOf(r), m.Hash); err != nil {
		return err
	}
	return s.renderAdmin(w, status, "media", p)
}

// saveMedia changes a file's alt text and caption.
func (s *Server) saveMedia(w http.ResponseWriter, r *http.Request) error {
	m, err := s.mediaByID(r)
	if err != nil {
		return err
	}
	alt := cleanText(r.PostFormValue("alt"), maxAltLen)
	caption := cleanText(r.PostFormValue("caption"), maxCaption)
	if m.Kind == string(media.KindImage) && alt == "" {
		msg := "Nhập mô tả ảnh (alt) cho người khiếm thị: ảnh cho thấy gì."
		return s.renderMediaDetail(w, r, http.StatusUnprocessableEntity, m, uploadForm{Alt: alt, Caption: caption, Message: msg, Errors: map[string]string{"alt": msg}})
	}
	if err := s.st.UpdateMediaText(r.Context(), s.siteIDOf(r), m.ID, alt, caption); err != nil {
		return err
	}
	s.audit(r, "media.update", "media", m.ID, m.OriginalName)
	http.Redirect(w, r, "/quan-tri/thu-vien/"+strconv.FormatInt(m.ID, 10)+"?tb=luu-tep", http.StatusSeeOther)
	return nil
}

// deleteMedia removes a file from the library, refusing while an article
// still shows it. The files go when no site uses them any more.
func (s *Server) deleteMedia(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	m, err := s.mediaByID(r)
	if err != nil {
		return err
	}
	if !canDeleteMedia(userFrom(ctx), m) {
		return errForbidden()
	}
	n, err := s.st.MediaUsage(ctx, s.siteIDOf(r), m.Hash)
	if err != nil {
		return err
	}
	if n > 0 {
		msg := fmt.Sprintf("Không xóa được: tệp đang được dùng trong %d bài viết. Hãy gỡ tệp khỏi các bài viết đó trước (bài trong thùng rác không tính).", n)
		return s.renderMediaDetail(w, r, http.StatusConflict, m, uploadForm{Alt: m.Alt, Caption: m.Caption, Message: msg})
	}
	lib := s.mediaLibrary()
	var purge func()
	_, err = s.st.DeleteMedia(ctx, s.siteIDOf(r), m.ID, func(dm store.Media) (func(), error) {
		if lib == nil {
			return nil, nil
		}
		undo, p, err := lib.Remove(dm.Hash, dm.Ext, dm.Widths)
		purge = p
		return undo, err
	})
	if err != nil {
		return err
	}
	if purge != nil {
		purge()
	}
	s.audit(r, "media.delete", "media", m.ID, m.OriginalName)
	http.Redirect(w, r, "/quan-tri/thu-vien?tb=xoa-tep", http.StatusSeeOther)
	return nil
}

var (
	imgTagRE  = regexp.MustCompile(`<img(\s[^>]*)?>`)
	imgAttrRE = regexp.MustCompile(`\s([a-zA-Z-]+)="([^"]*)"`)
)

// responsiveImages gives the <img> tags of an article body whose src is an
// image of the library the attributes of the library's snippet (srcset,
// sizes, width, height, loading="lazy"), so an image inserted through the
// rich-text editor, which keeps only src and alt, is still served at the
// reader's size. It expects sanitised HTML (news.SanitizeHTML: attributes
// double-quoted, '>' escaped in values) and leaves every other tag, and
// images from elsewhere, byte for byte as they were. Call it after
// sanitising; it is idempotent.
func (s *Server) responsiveImages(ctx context.Context, body string) (string, error) {
	if !strings.Contains(body, `src="/media/`) {
		return body, nil
	}
	rows := map[string]*store.Media{}
	var firstErr error
	out := imgTagRE.ReplaceAllStringFunc(body, func(tag string) string {
		if firstErr != nil {
			return tag
		}
		type attr struct{ name, val string }
		var attrs []attr
		have := map[string]int{}
		for _, m := range imgAttrRE.FindAllStringSubmatch(tag, -1) {
			have[strings.ToLower(m[1])] = len(attrs)
			attrs = append(attrs, attr{strings.ToLower(m[1]), m[2]})
		}
		i, ok := have["src"]
		if !ok {
			return tag
		}
		if _, done := have["srcset"]; done {
			return tag
		}
		name, ok := strings.CutPrefix(attrs[i].val, "/media/")
		if !ok {
			return tag
		}
		hash, _, ext, ok := media.ParseFileName(name)
		if !ok {
			return tag
		}
		m, seen := rows[hash]
		if !seen {
			row, err := s.st.MediaByHash(ctx, s.siteIDCtx(ctx), hash)
			switch {
			case errors.Is(err, store.ErrNotFound):
			case err != nil:
				firstErr = err
				return tag
			default:
				m = &row
			}
			rows[hash] = m
		}
		if m == nil || m.Kind != string(media.KindImage) || m.Ext != ext {
			return tag
		}
		set := func(k, v string) {
			if j, ok := have[k]; ok {
				attrs[j].val = v
				return
			}
			have[k] = len(attrs)
			attrs = append(attrs, attr{k, v})
		}
		set("src", mediaSrc(*m))
		if ss := mediaSrcset(*m); ss != "" {
			set("srcset", ss)
			set("sizes", mediaSizes)
		}
		set("width", strconv.Itoa(m.Width))
		set("height", strconv.Itoa(m.Height))
		if _, ok := have["loading"]; !ok {
			set("loading", "lazy")
		}
		var b strings.Builder
		b.WriteString("<img")
		for _, a := range attrs {
			b.WriteString(" " + a.name + `="` + a.val + `"`)
		}
		b.WriteString(">")
		return b.String()
	})
	if firstErr != nil {
		return body, firstErr
	}
	return out, nil
}
