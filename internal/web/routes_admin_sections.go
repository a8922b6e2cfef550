package web

import "net/http"

// adminSectionRoutes: users, settings, categories, audit log, account.
func (s *Server) adminSectionRoutes(handle func(pattern string, h http.HandlerFunc)) {
}
