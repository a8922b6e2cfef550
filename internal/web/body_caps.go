package web

import (
	"fmt"
	"net/http"
)

// Every request body is capped before any handler reads it. Routes that
// take files have their own cap (and pass the upload semaphore); every
// other unsafe request gets maxPlainBody, enough for the longest article
// form. The handlers' own limiters (limitBody, uploadLimit, docUploadLimit,
// the procedure form's, openFormStream) stay: they answer 413 in the
// route's own words, and none can go past the cap set here.

// maxPlainBody bounds any request body of a route that takes no files: an
// article of 1 MB of HTML, form-encoded, fits; the CSRF check parses
// multipart forms with the same bound.
const maxPlainBody = maxFormBytes

// maxRequestBody is the largest body any route accepts; deploy/nginx.conf's
// client_max_body_size must equal it (TestNginxBodyLimit).
const maxRequestBody = max(maxDossierBody, maxUploadBody, maxDocBody, maxProcedureBody)

// uploadRoutes are the routes that take files, with their caps.
var uploadRoutes = map[string]int64{
	"POST /nop-ho-so/{procedure}":         maxDossierBody,
	"POST /ho-so-cua-toi/{token}/bo-sung": maxDossierBody,
	"POST /quan-tri/ho-so/moi":            maxDossierBody,
	"POST /quan-tri/ho-so/{id}/chuyen":    maxDossierBody,
	"POST /quan-tri/thu-vien":             maxUploadBody,
	"POST /api/v1/media":                  maxUploadBody,
	"POST /quan-tri/van-ban":              maxDocBody,
	"POST /quan-tri/van-ban/nhap":         maxDocBody,
	"POST /quan-tri/van-ban/{id}":         maxDocBody,
	"POST /api/v1/documents/{id}/files":   maxDocBody,
	"POST /quan-tri/thu-tuc":              maxProcedureBody,
	"POST /quan-tri/thu-tuc/nhap":         maxProcedureBody,
	"POST /quan-tri/thu-tuc/{id}":         maxProcedureBody,
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
		limit, upload := uploadRoutes[pattern]
		if !upload {
			limit = maxPlainBody
		}
		// Upload routes answer an oversized body themselves, in their
		// own words (the media page shows it beside the form).
		if !upload && r.ContentLength > limit {
			// Read and dropped (up to a bound) so the browser sees the
			// answer instead of a reset connection.
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
