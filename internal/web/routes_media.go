package web

import "net/http"

// mediaRoutes: the media library and its public files.
func (s *Server) mediaRoutes(handle func(pattern string, h http.HandlerFunc)) {
}
