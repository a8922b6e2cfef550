package web

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/congportal/cong/internal/store"
)

// Error is an error with an HTTP status and a message safe to show users.
type Error struct {
	Status  int
	Code    string // machine-readable, for the JSON API
	Message string // Vietnamese, shown to the user
	Fields  map[string]string
	Err     error // cause, logged, never shown
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

func errBadRequest(msg string) *Error {
	return &Error{Status: http.StatusBadRequest, Code: "bad_request", Message: msg}
}

func errNotFound() *Error {
	return &Error{Status: http.StatusNotFound, Code: "not_found", Message: "Không tìm thấy trang hoặc nội dung bạn yêu cầu. Có thể địa chỉ đã thay đổi hoặc nội dung đã bị gỡ."}
}

// handlerFunc is a handler that returns its error; adapt renders it.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// toError maps any error to what the user sees: store.ErrNotFound is a 404,
// an *Error speaks for itself, anything else is a 500 whose cause is logged
// and never shown.
func toError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	if errors.Is(err, store.ErrNotFound) {
		return errNotFound()
	}
	return &Error{Status: http.StatusInternalServerError, Code: "internal", Message: "Hệ thống đang gặp sự cố. Xin vui lòng thử lại sau ít phút.", Err: err}
}

func (s *Server) adapt(fn handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := fn(w, r); err != nil {
			s.fail(w, r, err)
		}
	}
}

// fail answers with the error page, or a JSON error under /api/.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	e := toError(err)
	if e.Status == http.StatusNotFound && s.legacyRedirect(w, r) {
		return
	}
	if e.Status >= 500 {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	} else {
		s.log.Debug("request refused", "status", e.Status, "path", r.URL.Path, "err", err)
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSONError(w, e)
		return
	}
	title := map[int]string{400: "Yêu cầu không hợp lệ", 404: "Không tìm thấy trang", 405: "Phương thức không được hỗ trợ", 413: "Dữ liệu gửi lên quá lớn", 429: "Quá nhiều yêu cầu", 503: "Hệ thống đang bận"}[e.Status]
	if title == "" {
		title = "Lỗi hệ thống"
		if e.Status < 500 {
			title = "Không thể thực hiện yêu cầu"
		}
	}
	p := s.basePage(r.Context())
	p.ErrorTitle, p.ErrorMessage, p.NoIndex = title, e.Message, true
	if err := s.renderTo(w, r, e.Status, "error", p); err != nil {
		slog.Error("render error page", "err", err)
		http.Error(w, e.Message, e.Status)
	}
}

type jsonError struct {
	Error struct {
		Code    string            `json:"code"`
		Message string            `json:"message"`
		Fields  map[string]string `json:"fields,omitempty"`
	} `json:"error"`
}

func writeJSONError(w http.ResponseWriter, e *Error) {
	var je jsonError
	je.Error.Code, je.Error.Message, je.Error.Fields = e.Code, e.Message, e.Fields
	writeJSON(w, e.Status, je)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"code":"internal","message":"Lỗi hệ thống"}}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
	w.Write([]byte("\n"))
}
