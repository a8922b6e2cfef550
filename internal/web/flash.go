package web

// Flash messages: the confirmations a redirect asks for with ?tb=<key>, so
// no text from the URL is ever shown. One list per area, because each area's
// pages look up only their own keys.

// flashes are the newsroom's and the admin pages'.
var flashes = map[string]string{
	// Articles, two-step sign-in.
	"luu":       "Đã lưu bài viết.",
	"gui":       "Đã gửi bài viết chờ duyệt.",
	"xuat-ban":  "Đã xuất bản bài viết.",
	"hen-gio":   "Đã hẹn giờ xuất bản.",
	"tra-lai":   "Đã trả lại bài viết cho biên tập viên.",
	"go":        "Đã gỡ bài viết khỏi cổng (chuyển về nháp).",
	"thung-rac": "Đã chuyển bài viết vào thùng rác.",
	"khoi-phuc": "Đã khôi phục bài viết (về trạng thái nháp).",
	"phien-ban": "Đã khôi phục phiên bản cũ thành một bản lưu mới.",
	"luu-2fa":   "Đã lưu thiết lập xác thực hai bước.",
	// Sharing upward.
	"de-xuat-tin": "Đã đề xuất bài lên cổng cấp trên.",
	"rut-tin":     "Đã rút tin cơ sở khỏi cổng cấp trên.",
	"nhan-tin":    "Đã nhận tin cơ sở; bài đã hiện trên cổng.",
	"tu-choi-tin": "Đã từ chối tin cơ sở.",
	// Users, settings, categories, account.
	"tao-nguoi-dung":     "Đã tạo tài khoản. Hãy báo mật khẩu ban đầu cho người dùng qua kênh an toàn.",
	"luu-nguoi-dung":     "Đã lưu thông tin người dùng.",
	"dat-lai-mat-khau":   "Đã đặt lại mật khẩu; người dùng đã bị đăng xuất khỏi mọi thiết bị.",
	"tat-2fa-nguoi-dung": "Đã tắt xác thực hai bước của người dùng; họ đã bị đăng xuất khỏi mọi thiết bị.",
	"thu-hoi-ma":         "Đã thu hồi mã API.",
	"luu-cai-dat":        "Đã lưu cài đặt. Trang công khai của cổng đã được cập nhật.",
	"luu-khoi":           "Đã lưu bố cục trang chủ. Trang chủ đã được cập nhật.",
	"luu-lien-ket":       "Đã lưu liên kết nhanh.",
	"luu-trinh-don":      "Đã lưu trình đơn. Mọi trang công khai đã dùng trình đơn mới.",
	"luu-anh":            "Đã lưu ảnh nhận diện của cổng.",
	"tao-chuyen-muc":     "Đã thêm chuyên mục.",
	"luu-chuyen-muc":     "Đã lưu chuyên mục.",
	"xoa-chuyen-muc":     "Đã xóa chuyên mục.",
	"doi-mat-khau":       "Đã đổi mật khẩu. Mọi phiên đăng nhập đã kết thúc; vui lòng đăng nhập lại bằng mật khẩu mới.",
	// Legal documents.
	"luu-van-ban":       "Đã lưu văn bản.",
	"gui-van-ban":       "Đã gửi văn bản chờ duyệt.",
	"xuat-ban-van-ban":  "Đã xuất bản văn bản lên cổng.",
	"tra-lai-van-ban":   "Đã trả lại văn bản cho biên tập viên.",
	"go-van-ban":        "Đã gỡ văn bản khỏi cổng (chuyển về nháp).",
	"rac-van-ban":       "Đã chuyển văn bản vào thùng rác.",
	"khoi-phuc-van-ban": "Đã khôi phục văn bản (về trạng thái nháp).",
	"nhap-van-ban":      "Đã nhập văn bản từ tệp CSV.",
	// Working-day calendar.
	"lich-luu":      "Đã lưu ngày vào lịch làm việc. Ngày hẹn của hồ sơ tiếp nhận từ nay được tính theo lịch mới; hồ sơ đã có ngày hẹn giữ nguyên.",
	"lich-xoa":      "Đã bỏ đánh dấu ngày; ngày đó trở lại là ngày thường.",
	"lich-dat-lai":  "Đã đặt lại lịch của năm về mặc định (theo Bộ luật Lao động).",
	"lich-gio-lam":  "Đã lưu giờ làm việc.",
	"lich-mac-dinh": "Năm này đang dùng lịch mặc định; không có gì để đặt lại.",
	// Mail outbox.
	"thu-gui-lai": "Đã đưa thư vào hàng đợi; thư sẽ được gửi lại trong ít phút.",
	// Partner outbox (Đồng bộ).
	"dong-bo-gui-lai":     "Đã đưa sự kiện vào hàng đợi; sự kiện sẽ được gửi lại trong ít phút.",
	"dong-bo-gui-lai-het": "Đã đưa mọi sự kiện ngừng thử vào hàng đợi; chúng sẽ được gửi lại theo thứ tự của từng hồ sơ.",
}

// mediaFlashes are the media library's.
var mediaFlashes = map[string]string{
	"tai-len": "Đã tải tệp lên thư viện. Sao chép địa chỉ hoặc mã HTML bên dưới để chèn vào bài viết.",
	"da-co":   "Tệp này đã có trong thư viện: không lưu thêm bản sao. Dùng tệp đã có bên dưới.",
	"luu-tep": "Đã lưu mô tả của tệp.",
	"xoa-tep": "Đã xóa tệp khỏi thư viện.",
}

// qaFlashes are the Q&A, consultation and institutional pages' screens'.
var qaFlashes = map[string]string{
	"phan-cong": "Đã phân công người trả lời.",
	"tra-loi":   "Đã lưu câu trả lời.",
	"cong-bo":   "Đã công bố câu hỏi và câu trả lời trên cổng.",
	"go":        "Đã gỡ câu trả lời khỏi cổng.",
	"tu-choi":   "Đã từ chối câu hỏi (thư rác / không hợp lệ).",
	"khoi-phuc": "Đã đưa câu hỏi trở lại hàng chờ.",
	"tao-lay-y": "Đã tạo đợt lấy ý kiến.",
	"luu-lay-y": "Đã lưu đợt lấy ý kiến.",
	"luu-trang": "Đã lưu trang.",
}

// catalogueFlashes are the units' and procedures' admin pages'.
var catalogueFlashes = map[string]string{
	"tao-don-vi":  "Đã thêm đơn vị.",
	"luu-don-vi":  "Đã lưu đơn vị.",
	"tao-thu-tuc": "Đã thêm thủ tục.",
	"luu-thu-tuc": "Đã lưu thủ tục.",
	"cong-bo":     "Đã công bố thủ tục trên cổng.",
	"go-cong-bo":  "Đã ngừng công bố thủ tục.",
	"xoa-don-vi":  "Đã xóa đơn vị.",
	"xoa-thu-tuc": "Đã xóa thủ tục.",
}

// deskFlashes are the officer desk's.
var deskFlashes = map[string]string{
	"chuyen":    "Đã cập nhật trạng thái hồ sơ.",
	"moi":       "Đã tiếp nhận hồ sơ và cấp mã. Hãy in giấy tiếp nhận và hẹn trả kết quả cho người nộp.",
	"don-vi":    "Đã lưu đơn vị làm việc của cán bộ.",
	"bo-sung":   "Đã nhận hồ sơ bổ sung; thời hạn giải quyết được tính tiếp.",
	"mo-khoa":   "Đã mở khóa: người nộp lại có thể lấy lại đường dẫn riêng qua thư điện tử.",
	"xin-loi":   "Đã lập phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04). Hãy in phiếu gửi người nộp hồ sơ.",
	"phan-anh":  "Đã ghi nhận phản ánh, kiến nghị. Hồ sơ được tính vào chỉ số mức độ hài lòng.",
	"so-hoa":    "Đã ghi nhận số hóa.",
	"ky-so":     "Đã ký số và phát hành bản điện tử; người nộp tải được bản ký số qua đường dẫn riêng.",
	"ky-so-loi": "Đã cập nhật trạng thái hồ sơ, nhưng tệp kết quả chưa ký số được. Hãy bấm “Ký số” ở mục Kết quả điện tử để thử lại và xem lý do.",
}

// myFlashes are the citizen's private dossier page's.
var myFlashes = map[string]string{
	"bo-sung":       "Đã gửi hồ sơ bổ sung. Hồ sơ đã được chuyển lại cho cơ quan giải quyết.",
	"rut":           "Đã rút hồ sơ. Hồ sơ dừng giải quyết.",
	"danh-gia":      "Cảm ơn ông/bà đã đánh giá! Ý kiến của ông/bà giúp cơ quan nâng cao chất lượng phục vụ.",
	"sms-tat":       "Đã ngừng gửi tin nhắn SMS về hồ sơ này. Ông/bà vẫn xem được tình trạng hồ sơ tại trang này.",
	"sms-bat":       "Đã bật lại tin nhắn SMS về hồ sơ này.",
	"da-thanh-toan": "Khoản này không còn cần thanh toán (đã thanh toán, hoặc hồ sơ đã kết thúc). Xem tình trạng các khoản phí, lệ phí bên dưới.",
	// Added from the private link to the signed-in account (citizen_account.go).
	"them-vao-tai-khoan": "Đã thêm hồ sơ vào tài khoản. Từ nay bạn xem hồ sơ này trong mục “Hồ sơ của tôi”.",
}

// citizenFlashes are the citizen account's pages'.
var citizenFlashes = map[string]string{
	"dang-xuat":        "Bạn đã đăng xuất khỏi tài khoản công dân trên thiết bị này.",
	"dang-xuat-tat-ca": "Bạn đã đăng xuất khỏi tài khoản công dân trên mọi thiết bị.",
	"xoa-giay-to":      "Đã xóa giấy tờ khỏi kho dữ liệu. Hồ sơ đã nộp kèm giấy tờ này không bị ảnh hưởng.",
	"thieu-thong-tin":  "Bạn đã đăng nhập. Nhà cung cấp định danh không gửi địa chỉ thư điện tử hay số CCCD, nên khi nộp hồ sơ bạn tự nhập các thông tin này.",
}
