package web

import "net/http"

// adminSectionRoutes: users, settings, categories, audit log, account.
func (s *Server) adminSectionRoutes(handle func(pattern string, h http.HandlerFunc)) {
	// Users (admin): accounts, password resets, API tokens.
	handle("GET /quan-tri/nguoi-dung", s.adapt(s.staff(s.adminUsers)))
	handle("GET /quan-tri/nguoi-dung/moi", s.adapt(s.staff(s.newUserForm)))
	handle("POST /quan-tri/nguoi-dung", s.adapt(s.staff(s.createUser)))
	handle("GET /quan-tri/nguoi-dung/{id}", s.adapt(s.staff(s.editUserForm)))
	handle("POST /quan-tri/nguoi-dung/{id}", s.adapt(s.staff(s.saveUser)))
	handle("POST /quan-tri/nguoi-dung/{id}/mat-khau", s.adapt(s.staff(s.resetUserPassword)))
	handle("POST /quan-tri/nguoi-dung/{id}/tat-2fa", s.adapt(s.staff(s.resetUserTOTP)))
	handle("POST /quan-tri/nguoi-dung/{id}/ma-api", s.adapt(s.staff(s.createUserToken)))
	handle("POST /quan-tri/nguoi-dung/{id}/ma-api/{token}/thu-hoi", s.adapt(s.staff(s.revokeUserToken)))
	// Site settings (admin).
	handle("GET /quan-tri/cai-dat", s.adapt(s.staff(s.settings)))
	handle("POST /quan-tri/cai-dat", s.adapt(s.staff(s.saveSettings)))
	handle("GET /quan-tri/cai-dat/du-lieu-ca-nhan", s.adapt(s.staff(s.privacySettings)))
	handle("POST /quan-tri/cai-dat/du-lieu-ca-nhan", s.adapt(s.staff(s.savePrivacySettings)))
	// Categories (admin).
	handle("GET /quan-tri/chuyen-muc", s.adapt(s.staff(s.adminCategories)))
	handle("POST /quan-tri/chuyen-muc", s.adapt(s.staff(s.createCategory)))
	handle("GET /quan-tri/chuyen-muc/{id}", s.adapt(s.staff(s.editCategoryForm)))
	handle("POST /quan-tri/chuyen-muc/{id}", s.adapt(s.staff(s.saveCategory)))
	handle("POST /quan-tri/chuyen-muc/{id}/xoa", s.adapt(s.staff(s.deleteCategory)))
	// Audit log (admin, read-only).
	handle("GET /quan-tri/nhat-ky", s.adapt(s.staff(s.auditLog)))
	// Own account (every staff member).
	handle("GET /quan-tri/tai-khoan", s.adapt(s.staff(s.account)))
	handle("POST /quan-tri/tai-khoan/mat-khau", s.adapt(s.staff(s.changeOwnPassword)))
}
