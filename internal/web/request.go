package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/mail"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/viet"
)

// Reading a request: form and path parameters, JSON bodies, and the one
// mechanism that caps request bodies.

// allow answers 403 unless the logged-in user may do act (auth.Can is the
// one place that decides).
func allow(r *http.Request, act auth.Action) error {
	if !auth.Can(userFrom(r.Context()), act, nil) {
		return errForbidden()
	}
	return nil
}

// formText is a posted text field: valid UTF-8, NFC (text pasted from Word
// or macOS may arrive decomposed), trimmed.
func formText(r *http.Request, name string) string {
	return strings.TrimSpace(viet.NFC(r.PostFormValue(name)))
}

// tooLong reports whether s has more than n characters.
func tooLong(s string, n int) bool { return utf8.RuneCountInString(s) > n }

// validEmail accepts a bare address such as vanthu@example.gov.vn.
func validEmail(s string) bool {
	if len(s) > 254 || strings.ContainsAny(s, " <>\"") {
		return false
	}
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s[strings.LastIndexByte(s, '@'):], ".")
}

// pageParam reads ?trang= (Vietnamese) or ?page=; absent means 1.
func pageParam(r *http.Request) (int, error) {
	v := r.URL.Query().Get("trang")
	if v == "" {
		v = r.URL.Query().Get("page")
	}
	if v == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 100000 {
		return 0, errBadRequest("Số trang không hợp lệ: hãy dùng một số nguyên dương, ví dụ ?trang=2.")
	}
	return n, nil
}

// slugParam reads a slug from the path. Every slug Cổng makes is
// viet.Slug output ([a-z0-9-]), so anything else cannot name content: a 404
// here, before PostgreSQL would reject invalid UTF-8 or NUL bytes with an
// error.
func slugParam(r *http.Request, name string) (string, error) {
	v := r.PathValue(name)
	if !validSlug(v) {
		return "", errNotFound()
	}
	return v, nil
}

func validSlug(v string) bool {
	if v == "" || len(v) > 200 {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}

const maxJSONBody = 2 << 20

func readJSON(w http.ResponseWriter, r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		return &Error{Status: http.StatusUnsupportedMediaType, Code: "unsupported_media_type", Message: "Nội dung gửi lên phải là JSON (Content-Type: application/json)."}
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxJSONBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return &Error{Status: http.StatusRequestEntityTooLarge, Code: "too_large", Message: "Nội dung gửi lên quá lớn (tối đa 2 MB)."}
		}
		return &Error{Status: http.StatusBadRequest, Code: "bad_json", Message: "JSON không hợp lệ: " + err.Error()}
	}
	if _, err := dec.Token(); err != io.EOF {
		return &Error{Status: http.StatusBadRequest, Code: "bad_json", Message: "JSON không hợp lệ: có dữ liệu thừa sau đối tượng."}
	}
	return nil
}

// Every request body is capped before any handler reads it, by one table:
// routes that take files are listed in uploadRoutes with their cap and the
// 413 answer in their own words, and pass the upload semaphore; every
// other unsafe request gets maxPlainBody, enough for the longest article
// form. bodyCaps applies the cap before routing; capped, placed in the
// route table where the route must answer before its session check reads
// the body, gives the route's own answer.

// maxPlainBody bounds any request body of a route that takes no files: an
// article of 1 MB of HTML, form-encoded, fits; the CSRF check parses
// multipart forms with the same bound.
const maxPlainBody = maxFormBytes

// maxRequestBody is the largest body any route accepts; deploy/nginx.conf's
// client_max_body_size must equal it (TestNginxBodyLimit).
const maxRequestBody = max(maxDossierBody, maxUploadBody, maxDocBody, maxProcedureBody)

// drainLimit: an oversized request body is read (and dropped) up to this
// size before answering, so the browser, still sending, shows the 413 page
// instead of a reset connection.
const drainLimit = 100 << 20

// bodyCap is an upload route's cap and its answer past it.
type bodyCap struct {
	max      int64
	tooLarge func(s *Server, w http.ResponseWriter, r *http.Request) error
}

var (
	dossierCap = bodyCap{maxDossierBody, func(*Server, http.ResponseWriter, *http.Request) error { return errDossierTooLarge() }}
	// The media page shows the message beside its form.
	mediaCap    = bodyCap{maxUploadBody, (*Server).uploadTooLarge}
	documentCap = bodyCap{maxDocBody, func(*Server, http.ResponseWriter, *http.Request) error { return errDocumentTooLarge() }}
	// The logo and banner go through the media library's checks.
	lookCap      = bodyCap{maxUploadBody, func(*Server, http.ResponseWriter, *http.Request) error { return errUploadTooLarge() }}
	procedureCap = bodyCap{maxProcedureBody, func(*Server, http.ResponseWriter, *http.Request) error { return errProcedureTooLarge() }}
	verifyCap    = bodyCap{maxVerifyBody, (*Server).verifyTooLarge}
)

// uploadRoutes are the routes that take files, with their caps.
var uploadRoutes = map[string]bodyCap{
	"POST /nop-ho-so/{procedure}":         dossierCap,
	"POST /ho-so-cua-toi/{token}/bo-sung": dossierCap,
	"POST /cong-dan/ho-so/{code}/bo-sung": dossierCap,
	"POST /quan-tri/ho-so/moi":            dossierCap,
	"POST /quan-tri/ho-so/{id}/chuyen":    dossierCap,
	"POST /quan-tri/thu-vien":             mediaCap,
	"POST /quan-tri/giao-dien/anh":        lookCap,
	"POST /api/v1/media":                  mediaCap,
	"POST /quan-tri/van-ban":              documentCap,
	"POST /quan-tri/van-ban/nhap":         documentCap,
	"POST /quan-tri/van-ban/{id}":         documentCap,
	"POST /api/v1/documents/{id}/files":   documentCap,
	"POST /quan-tri/thu-tuc":              procedureCap,
	"POST /quan-tri/thu-tuc/nhap":         procedureCap,
	"POST /quan-tri/thu-tuc/{id}":         procedureCap,
	"POST /xac-thuc":                      verifyCap,
}

func errBodyTooLarge(max int64) *Error {
	return &Error{Status: http.StatusRequestEntityTooLarge, Code: "too_large",
		Message: fmt.Sprintf("Dữ liệu gửi lên quá lớn (tối đa %d MB cho yêu cầu này). Nội dung chưa được lưu; vui lòng rút gọn rồi gửi lại.", max>>20)}
}

// bodyCaps caps the body of every unsafe request by its route, and sends
// uploads through the semaphore. GET and HEAD pass untouched: the hot path
// pays one method comparison.
func (s *Server) bodyCaps(mux *http.ServeMux, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet || r.Method == http.MethodHead || r.Method == http.MethodOptions {
			next.ServeHTTP(w, r)
			return
		}
		_, pattern := mux.Handler(r)
		c, upload := uploadRoutes[pattern]
		limit := c.max
		if !upload {
			limit = maxPlainBody
		}
		// Upload routes answer an oversized body themselves, in their
		// own words (capped).
		if !upload && r.ContentLength > limit {
			drain(r.Body, r.ContentLength)
			s.fail(w, r, errBodyTooLarge(limit))
			return
		}
		if r.Body != nil && r.Body != http.NoBody {
			r.Body = http.MaxBytesReader(w, r.Body, limit)
		}
		if upload {
			s.withUploadSlot(w, r, next)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// capped answers an upload route's oversized body with the route's own 413
// (uploadRoutes), before anything reads it or once a reader went past the
// cap. It wraps the session or token check where that check reads the
// body (the CSRF token of a multipart form).
func (s *Server) capped(next handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		c, ok := uploadRoutes[r.Pattern]
		if !ok {
			return fmt.Errorf("capped: route %q has no body cap in uploadRoutes", r.Pattern)
		}
		orig := r.Body
		if r.ContentLength > c.max {
			drain(orig, r.ContentLength)
			return c.tooLarge(s, w, r)
		}
		lb := &limitedBody{ReadCloser: http.MaxBytesReader(w, orig, c.max)}
		r.Body = lb
		err := next(w, r)
		if lb.exceeded {
			drain(orig, drainLimit)
			return c.tooLarge(s, w, r)
		}
		return err
	}
}

// limitedBody notes when a request body went past its limit.
type limitedBody struct {
	io.ReadCloser
	exceeded bool
}

func (b *limitedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		b.exceeded = true
	}
	return n, err
}

func drain(body io.Reader, n int64) {
	if n > 0 && n <= drainLimit {
		io.CopyN(io.Discard, body, n)
	}
}
