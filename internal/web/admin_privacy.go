package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/congportal/cong/internal/auth"
)

// The retention period of dossiers' personal data (Decree 13/2023): after
// it, the periodic job (privacy_job.go) erases the personal fields of
// closed dossiers. Off by default: how long a procedure's records must be
// kept depends on the procedure and the province's archive rules, so the
// portal does not guess; an admin sets it here.

// maxRetentionMonths bounds what may be typed (50 years).
const maxRetentionMonths = 600

type privacySettingsPage struct {
	adminPage
	Months string
	Error  string
}

func (s *Server) privacySettings(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	n, err := s.st.RetentionMonths(r.Context(), s.siteIDOf(r))
	if err != nil {
		return err
	}
	p := &privacySettingsPage{adminPage: s.newAdminPage(r, "Thời hạn lưu dữ liệu cá nhân"), Months: strconv.Itoa(n)}
	p.Nav = "settings"
	if r.URL.Query().Get("tb") == "luu-luu-tru" {
		p.Flash = "Đã lưu thời hạn lưu dữ liệu cá nhân của hồ sơ."
	}
	return s.renderAdmin(w, http.StatusOK, "privacy_settings", p)
}

func (s *Server) savePrivacySettings(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	ctx := r.Context()
	raw := strings.TrimSpace(r.PostFormValue("months"))
	if raw == "" {
		raw = "0"
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 0 || n > maxRetentionMonths {
		p := &privacySettingsPage{adminPage: s.newAdminPage(r, "Thời hạn lưu dữ liệu cá nhân"), Months: raw,
			Error: "Thời hạn phải là số tháng nguyên từ 0 (không xóa) đến " + strconv.Itoa(maxRetentionMonths) + ", ví dụ 60 cho 5 năm."}
		p.Nav = "settings"
		return s.renderAdmin(w, http.StatusUnprocessableEntity, "privacy_settings", p)
	}
	old, err := s.st.RetentionMonths(ctx, s.siteIDOf(r))
	if err != nil {
		return err
	}
	if err := s.st.SetRetentionMonths(ctx, s.siteIDOf(r), n); err != nil {
		return err
	}
	if old != n {
		s.audit(r, "site.retention", "site", s.siteIDOf(r), "thời hạn lưu dữ liệu cá nhân: "+strconv.Itoa(old)+" → "+strconv.Itoa(n)+" tháng")
	}
	http.Redirect(w, r, "/quan-tri/cai-dat/du-lieu-ca-nhan?tb=luu-luu-tru", http.StatusSeeOther)
	return nil
}
