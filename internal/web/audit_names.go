package web

// The Vietnamese names of the audit log's actions and objects
// (admin_audit.go); an action without one is shown by its code. One list,
// so a new action is named here beside the others.

var auditActionNames = map[string]string{
	// Sign-in, newsroom, users, settings.
	"login":                     "Đăng nhập",
	"login.failed":              "Đăng nhập thất bại",
	"login.password_ok":         "Đúng mật khẩu, chờ mã xác thực",
	"login.throttled":           "Đăng nhập bị chặn tạm thời",
	"logout":                    "Đăng xuất",
	"logout.everywhere":         "Đăng xuất khỏi mọi thiết bị",
	"password.change":           "Đổi mật khẩu",
	"password.change_failed":    "Đổi mật khẩu thất bại",
	"article.create":            "Tạo bài viết",
	"article.update":            "Sửa bài viết",
	"article.submit":            "Gửi duyệt",
	"article.publish":           "Xuất bản",
	"article.schedule":          "Hẹn giờ xuất bản",
	"article.publish_scheduled": "Tự động xuất bản theo lịch",
	"article.return":            "Trả lại bài",
	"article.unpublish":         "Gỡ bài khỏi cổng",
	"article.trash":             "Chuyển vào thùng rác",
	"article.restore":           "Khôi phục bài",
	"article.restore_revision":  "Khôi phục phiên bản",
	"article.share_propose":     "Đề xuất tin cơ sở lên cổng cấp trên",
	"article.share_withdraw":    "Rút tin cơ sở",
	"article.share_accept":      "Nhận tin cơ sở",
	"article.share_refuse":      "Từ chối tin cơ sở",
	"media.upload":              "Tải lên tệp",
	"media.update":              "Sửa thông tin tệp",
	"media.delete":              "Xóa tệp",
	"user.create":               "Tạo người dùng",
	"user.update":               "Sửa người dùng",
	"user.disable":              "Khóa tài khoản",
	"user.enable":               "Mở khóa tài khoản",
	"user.password_reset":       "Đặt lại mật khẩu",
	"user.totp_enable":          "Bật xác thực hai bước",
	"user.totp_disable":         "Tắt xác thực hai bước",
	"user.totp_reset":           "Quản trị tắt xác thực hai bước",
	"token.create":              "Tạo mã API",
	"token.revoke":              "Thu hồi mã API",
	"site.update":               "Sửa cài đặt cổng",
	"site.retention":            "Đổi thời hạn lưu dữ liệu cá nhân",
	"category.create":           "Thêm chuyên mục",
	"category.update":           "Sửa chuyên mục",
	"category.delete":           "Xóa chuyên mục",
	// Officer desk (một cửa).
	"dossier.list":               "Xem danh sách hồ sơ",
	"dossier.view":               "Xem hồ sơ",
	"dossier.denied":             "Mở hồ sơ của đơn vị khác (bị chặn)",
	"dossier.file_download":      "Tải tệp của hồ sơ",
	"dossier.receipt":            "In giấy tiếp nhận hồ sơ",
	"dossier.counter_create":     "Tiếp nhận hồ sơ tại quầy",
	"dossier.receive":            "Tiếp nhận hồ sơ",
	"dossier.refuse":             "Từ chối tiếp nhận hồ sơ",
	"dossier.process":            "Chuyển xử lý hồ sơ",
	"dossier.assign":             "Giao chuyên viên khác",
	"dossier.request_supplement": "Yêu cầu bổ sung hồ sơ",
	"dossier.supplemented":       "Nhận hồ sơ bổ sung",
	"dossier.request_fee":        "Yêu cầu thực hiện nghĩa vụ tài chính",
	"dossier.paid":               "Xác nhận đã thực hiện nghĩa vụ tài chính",
	"dossier.withdraw":           "Ghi nhận công dân rút hồ sơ",
	"dossier.stop":               "Dừng xử lý hồ sơ",
	"dossier.finish":             "Hoàn thành xử lý hồ sơ",
	"dossier.return":             "Trả kết quả",
	"user.units":                 "Phân công đơn vị cho cán bộ",
	"dossier.recovery_reset":     "Mở khóa lấy lại đường dẫn riêng",
	"dossier.form":               "Tải biểu mẫu của hồ sơ (PDF)",
	"dossier.apologise":          "Lập phiếu xin lỗi và hẹn lại ngày trả kết quả",
	"dossier.complaint":          "Ghi nhận phản ánh, kiến nghị về hồ sơ",
	"dossier.digitise":           "Ghi nhận số hóa hồ sơ, kết quả điện tử",
	"rating.list":                "Xem đánh giá của người dân",
	// Q&A, consultations, institutional pages.
	"question.assign":     "Phân công trả lời câu hỏi",
	"question.answer":     "Trả lời câu hỏi",
	"question.publish":    "Công bố câu trả lời",
	"question.unpublish":  "Gỡ câu trả lời khỏi cổng",
	"question.reject":     "Từ chối câu hỏi (thư rác)",
	"question.restore":    "Đưa câu hỏi trở lại hàng chờ",
	"consultation.create": "Tạo đợt lấy ý kiến",
	"consultation.update": "Sửa đợt lấy ý kiến",
	"consultation.export": "Tải về góp ý (có thông tin liên hệ)",
	"page.save":           "Lưu trang giới thiệu",
}

var auditObjectNames = map[string]string{
	"article":  "Bài viết",
	"user":     "Người dùng",
	"token":    "Mã API",
	"category": "Chuyên mục",
	"site":     "Cổng",
	"media":    "Tệp",
	"dossier":  "Hồ sơ",
}

func auditActionName(a string) string {
	if n, ok := auditActionNames[a]; ok {
		return n
	}
	return a
}
