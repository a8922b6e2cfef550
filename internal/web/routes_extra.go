package web

import "net/http"

// extraRoutes registers the newsroom sections that live in their own files:
// each section has its own registration function so they can grow
// independently.
func (s *Server) extraRoutes(handle func(pattern string, h http.HandlerFunc)) {
	s.adminSectionRoutes(handle)
	s.mediaRoutes(handle)
	s.ratingRoutes(handle)
	s.catalogueRoutes(handle)
	s.dossierPublicRoutes(handle)
	s.calendarRoutes(handle)
	s.deskRoutes(handle)
	s.documentRoutes(handle)
	s.qaRoutes(handle)
	s.mailAdminRoutes(handle)
	s.statsDossierRoutes(handle)
	s.analyticsRoutes(handle)
}
