package web

import (
	"context"
	"encoding/json"
	"net/http"
	"runtime"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/congportal/cong/internal/store"
)

var immutable = []string{"public, max-age=31536000, immutable"}

// static serves embedded assets by checksum URL. Only names in the asset
// table exist, so path tricks ("..", encoded slashes) can only miss.
func (s *Server) static(w http.ResponseWriter, r *http.Request) error {
	a, ok := s.assets.byPath[r.PathValue("file")]
	if !ok {
		return errNotFound()
	}
	h := w.Header()
	h["Cache-Control"] = immutable
	h.Set("Content-Type", a.ctype)
	h.Set("ETag", a.etag)
	h["Vary"] = varyEncoding
	if r.Header.Get("If-None-Match") == a.etag {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	body := a.body
	if a.gz != nil && acceptsGzip(r) {
		h["Content-Encoding"] = gzipEncoding
		body = a.gz
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
	return nil
}

type health struct {
	Status       string `json:"status"`
	Version      string `json:"version"`
	Revision     string `json:"revision,omitempty"`
	Go           string `json:"go"`
	Engine       string `json:"engine"`
	Schema       int    `json:"schema"`        // of the database
	SchemaBinary int    `json:"schema_binary"` // newest migration this binary has
	Uptime       string `json:"uptime"`
	Error        string `json:"error,omitempty"`
}

// vcsRevision is the commit the binary was built from, when Go recorded it.
func vcsRevision() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" {
			return s.Value
		}
	}
	return ""
}

// healthz answers 200 when the database answers within two seconds.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	h := health{Status: "ok", Version: s.version, Revision: vcsRevision(), Go: runtime.Version(), Engine: s.st.Dialect().String(),
		SchemaBinary: store.LatestSchema(), Uptime: time.Since(s.started).Round(time.Second).String()}
	v, err := s.st.SchemaVersion(ctx)
	h.Schema = v
	status := http.StatusOK
	if err != nil {
		h.Status, h.Error, status = "unavailable", "cơ sở dữ liệu không phản hồi", http.StatusServiceUnavailable
	}
	w.Header().Set("Cache-Control", "no-store")
	b, _ := json.Marshal(h)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
}

func (s *Server) metricsHandler(w http.ResponseWriter, r *http.Request) {
	if !s.metricsAllowed(r) {
		// Route names, error rates and pool figures help an attacker
		// time a load; the page says only what to configure.
		s.fail(w, r, &Error{Status: http.StatusForbidden, Code: "forbidden",
			Message: "Số liệu vận hành (/metrics) chỉ đọc được từ chính máy chủ hoặc với khoá --metrics-token."})
		return
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	s.writeMetrics(w)
	s.writePartnerMetrics(r.Context(), w)
}
