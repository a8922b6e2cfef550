package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/legaldoc"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
)

// The documents library: /van-ban (list with filters and search),
// /van-ban/{id}-{slug} (detail with files, PDF preview and the articles
// citing it), /van-ban/{id}-{slug}/in (print view), and the files.

const docsPerPage = 20

// docsPage is the public documents pages' data: the common page plus the
// library's own fields.
type docsPage struct {
	*page
	Docs     []legaldoc.Document
	Doc      legaldoc.Document
	Citing   []news.Article
	Validity string
	Today    string
	Facets   store.DocumentFacets
	Types    []string
	F        docFilterForm
	Preview  *legaldoc.File
}

// docFilterForm is the filter form as typed, shown back to the reader.
type docFilterForm struct {
	Q, Type, Issuer, Field, Signer, Year, From, To, Validity string
	Active                                                   bool
}

func (s *Server) docToday() string { return time.Now().In(s.loc).Format("2006-01-02") }

// docFilter reads the list's filters from the query string, in Vietnamese
// (q, loai, co-quan, linh-vuc, nguoi-ky, nam, tu-ngay, den-ngay, hieu-luc)
// or the API's English names. Bad values are a 400 naming the field.
func (s *Server) docFilter(r *http.Request) (store.DocumentFilter, docFilterForm, error) {
	q := r.URL.Query()
	get := func(vi, en string) string {
		v := q.Get(vi)
		if v == "" && en != "" {
			v = q.Get(en)
		}
		return strings.TrimSpace(strings.ToValidUTF8(v, ""))
	}
	var ff docFilterForm
	ff.Q, ff.Type, ff.Issuer = get("q", ""), get("loai", "type"), get("co-quan", "issuer")
	ff.Field, ff.Signer, ff.Year = get("linh-vuc", "field"), get("nguoi-ky", "signer"), get("nam", "year")
	ff.From, ff.To, ff.Validity = get("tu-ngay", "from"), get("den-ngay", "to"), get("hieu-luc", "validity")
	f := store.DocumentFilter{SiteID: s.siteIDOf(r), Query: ff.Q, Type: ff.Type, Issuer: ff.Issuer, Field: ff.Field, Signer: ff.Signer, Today: s.docToday()}
	bad := func(field, msg string) error {
		return &Error{Status: http.StatusBadRequest, Code: "bad_request", Message: msg, Fields: map[string]string{field: msg}}
	}
	for _, v := range []string{ff.Q, ff.Type, ff.Issuer, ff.Field, ff.Signer} {
		if len([]rune(v)) > 200 {
			return f, ff, bad("q", "Điều kiện lọc quá dài (tối đa 200 ký tự).")
		}
	}
	if ff.Year != "" {
		y, err := strconv.Atoi(ff.Year)
		if err != nil || y < 1945 || y > 2100 {
			return f, ff, bad("year", "Năm ban hành không hợp lệ: dùng 4 chữ số, ví dụ 2021.")
		}
		f.Year = y
	}
	var err error
	if f.From, err = legaldoc.ParseDate(ff.From); err != nil {
		return f, ff, bad("from", "Ngày bắt đầu không hợp lệ (dùng ngày/tháng/năm).")
	}
	if f.To, err = legaldoc.ParseDate(ff.To); err != nil {
		return f, ff, bad("to", "Ngày kết thúc không hợp lệ (dùng ngày/tháng/năm).")
	}
	if f.From != "" && f.To != "" && f.To < f.From {
		return f, ff, bad("to", "Ngày kết thúc phải sau ngày bắt đầu.")
	}
	switch ff.Validity {
	case "", legaldoc.ValidInForce, legaldoc.ValidExpired:
		f.Validity = ff.Validity
	default:
		return f, ff, bad("validity", "Tình trạng hiệu lực chỉ nhận con-hieu-luc hoặc het-hieu-luc.")
	}
	ff.Active = ff.Q != "" || ff.Type != "" || ff.Issuer != "" || ff.Field != "" || ff.Signer != "" || ff.Year != "" || ff.From != "" || ff.To != "" || ff.Validity != ""
	return f, ff, nil
}

func (s *Server) documentsList(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	n, err := pageParam(r)
	if err != nil {
		return err
	}
	f, ff, err := s.docFilter(r)
	if err != nil {
		return err
	}
	f.Limit, f.Offset = docsPerPage, (n-1)*docsPerPage
	p := &docsPage{page: s.basePage(ctx), F: ff, Types: legaldoc.Types, Today: f.Today}
	p.Active = "van-ban"
	p.Canonical = s.baseURLOf(r) + "/van-ban"
	p.Description = "Thư viện văn bản: nghị quyết, quyết định, kết luận, kế hoạch, công văn… tra cứu theo số ký hiệu, loại, cơ quan ban hành, lĩnh vực."
	if p.Docs, p.Total, err = s.st.ListDocuments(ctx, f); err != nil {
		return err
	}
	if p.Facets, err = s.st.DocumentFacets(ctx, s.siteIDOf(r)); err != nil {
		return err
	}
	p.NoIndex = ff.Active
	base := url.Values{}
	for k, v := range r.URL.Query() {
		if k != "trang" && k != "page" && v[0] != "" {
			base[k] = v
		}
	}
	p.Pager = pager{Page: n, Pages: pages(p.Total, docsPerPage), Base: "/van-ban?"}
	if len(base) > 0 {
		p.Pager.Base += base.Encode() + "&"
	}
	s.countVisit(r, 0)
	return s.renderDocs(w, r, http.StatusOK, "documents", p)
}

func (s *Server) renderDocs(w http.ResponseWriter, r *http.Request, status int, name string, p *docsPage) error {
	var buf bytes.Buffer
	if err := s.tmpl[name].ExecuteTemplate(&buf, "layout", p); err != nil {
		return err
	}
	splitLive(buf.Bytes()).write(w, status, &liveValues{stats: s.counterOf(r).Stats()})
	return nil
}

// publishedDocument loads the published document named by {ref}
// ("{id}-{slug}"); done is true when it answered with a redirect to the
// current address (the slug follows the number, which may be corrected).
func (s *Server) publishedDocument(w http.ResponseWriter, r *http.Request, suffix string) (legaldoc.Document, bool, error) {
	ref := r.PathValue("ref")
	idPart, slug, _ := strings.Cut(ref, "-")
	id, err := strconv.ParseInt(idPart, 10, 64)
	if err != nil || id < 1 || (slug != "" && !validSlug(slug)) {
		return legaldoc.Document{}, false, errNotFound()
	}
	d, err := s.st.Document(r.Context(), s.siteIDOf(r), id)
	if err != nil {
		return d, false, err
	}
	if d.Status != news.StatusPublished {
		return d, false, errNotFound()
	}
	if slug != d.Slug() {
		target := d.Path() + suffix
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return d, true, nil
	}
	return d, false, nil
}

func (s *Server) documentDetail(w http.ResponseWriter, r *http.Request) error {
	return s.documentPage(w, r, false)
}

// documentPrint is the print view: the metadata table and abstract without
// menus; the reader prints it or saves it as PDF from the browser.
func (s *Server) documentPrint(w http.ResponseWriter, r *http.Request) error {
	return s.documentPage(w, r, true)
}

func (s *Server) documentPage(w http.ResponseWriter, r *http.Request, print bool) error {
	ctx := r.Context()
	suffix := ""
	if print {
		suffix = "/in"
	}
	d, done, err := s.publishedDocument(w, r, suffix)
	if err != nil || done {
		return err
	}
	p := &docsPage{page: s.basePage(ctx), Doc: d, Today: s.docToday()}
	p.Active, p.Print, p.NoIndex = "van-ban", print, print
	p.Canonical = s.baseURLOf(r) + d.Path()
	p.Description = d.Title() + ": " + d.Abstract
	p.Validity = d.Validity(p.Today)
	p.Preview = d.PDF()
	if p.Citing, err = s.st.CitingArticles(ctx, d, 50); err != nil {
		return err
	}
	if !print {
		s.countVisit(r, 0)
	}
	return s.renderDocs(w, r, http.StatusOK, "document", p)
}

// documentFile serves an attached file of a published document: as a
// download, or with ?xem=1 a PDF inline for the preview frame.
func (s *Server) documentFile(w http.ResponseWriter, r *http.Request) error {
	d, done, err := s.publishedDocument(w, r, "/tep/"+r.PathValue("file"))
	if err != nil || done {
		return err
	}
	return s.serveDocumentFile(w, r, d)
}

// pdfPreviewCSP is the policy of a PDF shown inline in the preview frame.
// The sandbox without allow-same-origin gives the response an opaque
// origin: were the bytes ever rendered as a page (a polyglot that slipped
// past CheckPDF, a proxy that rewrote the type), its script could reach
// neither the portal's cookies nor its pages. allow-scripts is there for
// the viewers that are scripts themselves (Safari shows an empty frame
// without it); default-src 'none' still forbids any script, fetch or frame
// the file itself brings.
var pdfPreviewCSP = []string{"sandbox allow-scripts allow-downloads; default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'; frame-ancestors 'self'"}

func (s *Server) serveDocumentFile(w http.ResponseWriter, r *http.Request, d legaldoc.Document) error {
	fid, err := strconv.ParseInt(r.PathValue("file"), 10, 64)
	if err != nil || fid < 1 {
		return errNotFound()
	}
	f, err := s.st.DocumentFile(r.Context(), s.siteIDOf(r), d.ID, fid)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", f.Mime)
	disp := "attachment"
	if r.URL.Query().Get("xem") == "1" && f.Ext == "pdf" {
		disp = "inline"
		h["Content-Security-Policy"] = pdfPreviewCSP
	} else {
		h["Content-Security-Policy"] = mediaDocCSP
	}
	h.Set("Content-Disposition", mime.FormatMediaType(disp, map[string]string{"filename": f.Name}))
	h.Set("Cache-Control", "public, max-age=3600")
	http.ServeContent(w, r, "", d.UpdatedAt, bytes.NewReader(f.Data))
	return nil
}

// linkCitations links the citations of documents in an article's body to
// the library. It runs when the article page is built for the cache, never
// per view: one query for the cited numbers that the library has.
func (s *Server) linkCitations(ctx context.Context, body string) (string, error) {
	cs := legaldoc.CitationsInHTML(body)
	if len(cs) == 0 {
		return body, nil
	}
	seen := map[string]bool{}
	var keys []string
	for _, c := range cs {
		if !seen[c.Key] {
			seen[c.Key] = true
			keys = append(keys, c.Key)
		}
	}
	found, err := s.st.PublishedDocumentsByKeys(ctx, s.siteIDCtx(ctx), keys)
	if err != nil || len(found) == 0 {
		return body, err
	}
	// found is newest first: without a year, a citation means the most
	// recent document with that number.
	return legaldoc.LinkHTML(body, func(c legaldoc.Citation) (legaldoc.Target, bool) {
		for _, d := range found {
			if d.Key == c.Key && (c.Year == 0 || c.Year == d.Year()) {
				return legaldoc.Target{URL: d.Path(), Title: d.Title() + " – " + d.Issuer}, true
			}
		}
		return legaldoc.Target{}, false
	}), nil
}

// --- JSON API ---

type apiDocument struct {
	ID            int64         `json:"id"`
	Number        string        `json:"number"`
	Type          string        `json:"type"`
	Title         string        `json:"title"`
	URL           string        `json:"url"`
	Issuer        string        `json:"issuer"`
	Signer        string        `json:"signer"`
	Field         string        `json:"field"`
	Abstract      string        `json:"abstract"`
	IssueDate     string        `json:"issue_date"`
	EffectiveDate string        `json:"effective_date,omitempty"`
	ExpiryDate    string        `json:"expiry_date,omitempty"`
	Validity      string        `json:"validity"`
	ReplacedBy    *apiDocRef    `json:"replaced_by,omitempty"`
	Files         []apiDocFile  `json:"files,omitempty"`
	CitedBy       []apiCitation `json:"cited_by,omitempty"`
	PublishedAt   string        `json:"published_at"`
	UpdatedAt     string        `json:"updated_at"`
}

type apiDocRef struct {
	ID     int64  `json:"id"`
	Number string `json:"number"`
	URL    string `json:"url"`
}

type apiDocFile struct {
	Name string `json:"name"`
	Mime string `json:"mime"`
	Size int64  `json:"size"`
	URL  string `json:"url"`
}

type apiCitation struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

func (s *Server) toAPIDoc(r *http.Request, d legaldoc.Document, today string) apiDocument {
	out := apiDocument{ID: d.ID, Number: d.Number, Type: d.Type, Title: d.Title(), URL: s.baseURLOf(r) + d.Path(),
		Issuer: d.Issuer, Signer: d.Signer, Field: d.Field, Abstract: d.Abstract,
		IssueDate: d.IssueDate, EffectiveDate: d.EffectiveDate, ExpiryDate: d.ExpiryDate, Validity: d.Validity(today),
		PublishedAt: d.PublishedAt.In(s.loc).Format(time.RFC3339), UpdatedAt: d.UpdatedAt.In(s.loc).Format(time.RFC3339)}
	if d.ReplacedBy != nil && d.ReplacedBy.Public {
		out.ReplacedBy = &apiDocRef{ID: d.ReplacedBy.ID, Number: d.ReplacedBy.Number, URL: s.baseURLOf(r) + d.ReplacedBy.Path()}
	}
	for _, f := range d.Files {
		out.Files = append(out.Files, apiDocFile{Name: f.Name, Mime: f.Mime, Size: f.Size, URL: fmt.Sprintf("%s%s/tep/%d", s.baseURLOf(r), d.Path(), f.ID)})
	}
	return out
}

func (s *Server) apiDocuments(w http.ResponseWriter, r *http.Request) error {
	n, per, err := listParams(r)
	if err != nil {
		return err
	}
	f, _, err := s.docFilter(r)
	if err != nil {
		return err
	}
	f.Limit, f.Offset = per, (n-1)*per
	list, total, err := s.st.ListDocuments(r.Context(), f)
	if err != nil {
		return err
	}
	out := struct {
		Items []apiDocument `json:"items"`
		Total int           `json:"total"`
	}{Items: make([]apiDocument, 0, len(list)), Total: total}
	for _, d := range list {
		out.Items = append(out.Items, s.toAPIDoc(r, d, f.Today))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return &Error{Status: http.StatusBadRequest, Code: "bad_request", Message: "Mã văn bản phải là số nguyên dương."}
	}
	d, err := s.st.Document(r.Context(), s.siteIDOf(r), id)
	if errors.Is(err, store.ErrNotFound) || (err == nil && d.Status != news.StatusPublished) {
		return &Error{Status: http.StatusNotFound, Code: "not_found", Message: "Không tìm thấy văn bản."}
	}
	if err != nil {
		return err
	}
	out := s.toAPIDoc(r, d, s.docToday())
	citing, err := s.st.CitingArticles(r.Context(), d, 50)
	if err != nil {
		return err
	}
	for _, a := range citing {
		out.CitedBy = append(out.CitedBy, apiCitation{ID: a.ID, Title: a.Title, URL: s.baseURLOf(r) + "/bai-viet/" + a.Slug})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// documentSitemap adds the library and its published documents to the
// sitemap.
func (s *Server) documentSitemap(ctx context.Context, loc func(u string, t time.Time)) error {
	list, err := s.st.DocumentSitemap(ctx, s.siteIDCtx(ctx), 5000)
	if err != nil {
		return err
	}
	loc(s.baseURLCtx(ctx)+"/van-ban", time.Time{})
	for _, d := range list {
		loc(s.baseURLCtx(ctx)+d.Path(), d.UpdatedAt)
	}
	return nil
}
