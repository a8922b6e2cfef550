package web

import "net/http"

// documentRoutes: the documents library, public and in the newsroom.
func (s *Server) documentRoutes(handle func(pattern string, h http.HandlerFunc)) {
	handle("GET /van-ban", s.adapt(s.documentsList))
	handle("GET /van-ban/{ref}", s.adapt(s.documentDetail))
	handle("GET /van-ban/{ref}/in", s.adapt(s.documentPrint))
	handle("GET /van-ban/{ref}/tep/{file}", s.adapt(s.documentFile))
	handle("GET /api/v1/documents", s.adapt(s.apiDocuments))
	handle("GET /api/v1/documents/{id}", s.adapt(s.apiDocument))
	handle("POST /api/v1/documents", s.adapt(s.bearer(s.apiCreateDocument)))
	handle("PUT /api/v1/documents/{id}", s.adapt(s.bearer(s.apiUpdateDocument)))
	handle("DELETE /api/v1/documents/{id}", s.adapt(s.bearer(s.apiDeleteDocument)))
	handle("POST /api/v1/documents/{id}/files", s.adapt(s.docUploadLimit(s.bearer(s.apiAttachDocumentFile))))

	handle("GET /quan-tri/van-ban", s.adapt(s.staff(s.adminDocuments)))
	handle("GET /quan-tri/van-ban/moi", s.adapt(s.staff(s.newDocumentForm)))
	handle("POST /quan-tri/van-ban", s.adapt(s.docUploadLimit(s.staff(s.createDocument))))
	handle("GET /quan-tri/van-ban/nhap", s.adapt(s.staff(s.documentImportForm)))
	handle("POST /quan-tri/van-ban/nhap", s.adapt(s.docUploadLimit(s.staff(s.importDocuments))))
	handle("GET /quan-tri/van-ban/{id}", s.adapt(s.staff(s.editDocumentForm)))
	handle("POST /quan-tri/van-ban/{id}", s.adapt(s.docUploadLimit(s.staff(s.updateDocument))))
	handle("GET /quan-tri/van-ban/{id}/tep/{file}", s.adapt(s.staff(s.adminDocumentFile)))
	handle("POST /quan-tri/van-ban/{id}/{action}", s.adapt(s.staff(s.documentAction)))
}
