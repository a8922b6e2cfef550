package web

import (
	"context"
	"net/http"
	"strconv"
	"time"
)

// Uploads pass a semaphore: only so many are read at once, whatever the
// number of clients. Streaming keeps each one small in memory, but the
// media library still decodes images in memory and every upload costs disk
// bandwidth; past the limit a request waits briefly, then gets 503 with
// Retry-After instead of queueing without bound.

const (
	// DefaultUploadSlots: uploads read at once per instance.
	DefaultUploadSlots = 4
	// uploadWait is how long an upload waits for a slot before 503.
	uploadWait = 3 * time.Second
	// uploadRetryAfter is what the 503 tells the client to wait, seconds.
	uploadRetryAfter = 15
)

// semaphore is a counting semaphore; its capacity is the number of slots.
type semaphore chan struct{}

// acquire takes a slot, waiting at most wait (or until ctx ends).
func (s semaphore) acquire(ctx context.Context, wait time.Duration) bool {
	select {
	case s <- struct{}{}:
		return true
	default:
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case s <- struct{}{}:
		return true
	case <-t.C:
	case <-ctx.Done():
	}
	return false
}

func (s semaphore) release() { <-s }

func errUploadsBusy() *Error {
	return &Error{Status: http.StatusServiceUnavailable, Code: "busy",
		Message: "Hệ thống đang nhận nhiều tệp cùng lúc nên chưa nhận được yêu cầu của bạn. Dữ liệu chưa được gửi đi; vui lòng đợi khoảng " + strconv.Itoa(uploadRetryAfter) + " giây rồi gửi lại."}
}

// withUploadSlot runs next holding an upload slot, or answers 503.
func (s *Server) withUploadSlot(w http.ResponseWriter, r *http.Request, next http.Handler) {
	if !s.uploads.acquire(r.Context(), uploadWait) {
		w.Header().Set("Retry-After", strconv.Itoa(uploadRetryAfter))
		s.fail(w, r, errUploadsBusy())
		return
	}
	defer s.uploads.release()
	next.ServeHTTP(w, r)
}
