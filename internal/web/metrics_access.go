package web

import (
	"crypto/subtle"
	"net/http"
	"strings"
)

// metricsAllowed reports whether r may read /metrics: a loopback client
// (after the trusted-proxy rule), or anyone presenting the configured token.
func (s *Server) metricsAllowed(r *http.Request) bool {
	if s.metricsToken != "" {
		if tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok &&
			subtle.ConstantTimeCompare([]byte(strings.TrimSpace(tok)), []byte(s.metricsToken)) == 1 {
			return true
		}
	}
	ip := s.proxies.ClientIP(r)
	if !ip.IsLoopback() {
		return false
	}
	// A loopback peer that forwards for someone else is a reverse proxy the
	// operator did not declare in --trusted-proxies: its clients are not
	// local, whatever the TCP peer says.
	if len(r.Header["X-Forwarded-For"]) > 0 || len(r.Header["Forwarded"]) > 0 || len(r.Header["X-Real-Ip"]) > 0 {
		return s.proxies.Trusts(ip)
	}
	return true
}
