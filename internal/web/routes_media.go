package web

import "net/http"

// mediaRoutes: the media library and its public files.
func (s *Server) mediaRoutes(handle func(pattern string, h http.HandlerFunc)) {
	// Public files, by content address.
	handle("GET /media/{name}", s.adapt(s.serveMedia))
	// The newsroom's library. Uploads are size-limited outside the session
	// check, which reads the multipart body for its CSRF token.
	handle("GET /quan-tri/thu-vien", s.adapt(s.staff(s.needUpload(s.adminMedia))))
	handle("POST /quan-tri/thu-vien", s.adapt(s.uploadLimit(s.staff(s.needUpload(s.uploadMedia)))))
	handle("GET /quan-tri/thu-vien/{id}", s.adapt(s.staff(s.needUpload(s.mediaDetail))))
	handle("POST /quan-tri/thu-vien/{id}", s.adapt(s.staff(s.needUpload(s.saveMedia))))
	handle("POST /quan-tri/thu-vien/{id}/xoa", s.adapt(s.staff(s.needUpload(s.deleteMedia))))
	// Write API.
	handle("POST /api/v1/media", s.adapt(s.bearer(s.needUpload(s.uploadLimit(s.apiUploadMedia)))))
}
