package synth

// The phrase lists below are written for synthetic content only: places,
// people and document numbers are invented, in the fictional tỉnh Lam Giang
// of the demo content. Slots in braces are filled by expand (synth.go).

// kind is the kind of category an article belongs to; each kind has its own
// topics, title patterns, sentences and tags.
type kind int

const (
	kindNews kind = iota
	kindNotice
	kindReform
	kindEconomy
	kindSociety
	kindDefence
	numKinds
)

// defaultCategories are created when the site has none. Their slugs match
// the demo content's, so a demo database is reused as it is.
var defaultCategories = []struct {
	name, slug, desc string
	kind             kind
}{
	{"Tin tức", "tin-tuc", "Hoạt động của Đảng ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam và các sự kiện nổi bật trên địa bàn.", kindNews},
	{"Thông báo", "thong-bao", "Thông báo, lịch tiếp công dân, tuyển dụng, lấy ý kiến nhân dân và các thông tin phải công khai.", kindNotice},
	{"Cải cách hành chính", "cai-cach-hanh-chinh", "Thủ tục hành chính, dịch vụ công trực tuyến, một cửa điện tử và chuyển đổi số.", kindReform},
	{"Kinh tế – Xã hội", "kinh-te-xa-hoi", "Sản xuất nông nghiệp, nông thôn mới, OCOP, đầu tư hạ tầng và ngân sách.", kindEconomy},
	{"Văn hóa – Xã hội", "van-hoa-xa-hoi", "Giáo dục, y tế, văn hóa, thể thao, gia đình và an sinh xã hội.", kindSociety},
	{"Quốc phòng – An ninh", "quoc-phong-an-ninh", "Quân sự địa phương, an ninh trật tự, an toàn giao thông, phòng, chống thiên tai.", kindDefence},
}

// kindWeights: how often each kind is picked (news and notices dominate a
// real portal).
var kindWeights = [numKinds]int{30, 18, 16, 14, 12, 10}

var places = []string{
	"xã Tân Hòa Lĩnh", "xã Sơn Thủy", "phường Bắc Lam", "xã Đông Phước", "xã Hòa An", "phường Trung Sơn",
	"xã Thạch Bàn", "xã Yên Lạc Thượng", "phường Tây Giang", "xã Phú Điền", "xã Quảng Tiến", "xã Mỹ Đức Hạ",
	"phường Lam Sơn", "xã Kỳ Phong", "xã Ea Khuê", "xã Bình Nguyên", "xã Cẩm Lộc", "phường Hưng Phú",
	"xã Nghĩa Đàn Tây", "xã Vĩnh Thuận",
}

var hamlets = []string{
	"thôn Hòa Bình", "thôn Đồng Tâm", "thôn Bến Đò", "thôn Phú Mỹ", "thôn Tân Lập", "tổ dân phố số 3",
	"tổ dân phố Quyết Thắng", "thôn Khe Nước", "thôn Trung Hậu", "bản Nà Lượng", "ấp Bình Thạnh", "thôn Đá Bạc",
}

var agencies = []string{
	"UBND tỉnh", "UBND xã", "Thường trực HĐND xã", "Ban Thường vụ Đảng ủy xã", "Ủy ban MTTQ Việt Nam xã",
	"Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Nông nghiệp và Môi trường", "Sở Y tế",
	"Sở Giáo dục và Đào tạo", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Xây dựng",
	"Công an tỉnh", "Công an xã", "Ban Chỉ huy Quân sự xã", "Trung tâm Phục vụ hành chính công xã",
	"Hội Nông dân xã", "Hội Liên hiệp Phụ nữ xã", "Đoàn Thanh niên xã", "Hội Cựu chiến binh xã",
	"Bảo hiểm xã hội tỉnh", "Ngân hàng Chính sách xã hội chi nhánh tỉnh", "Trạm Y tế xã",
	"Ban Quản lý dự án đầu tư xây dựng khu vực", "Văn phòng HĐND và UBND xã", "Phòng Kinh tế",
	"Phòng Văn hóa – Xã hội",
}

var surnames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
	"Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Mai", "Hà", "Tạ"}
var middles = []string{"Văn", "Thị", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Ngọc", "Xuân", "Thu", "Hồng", "Anh",
	"Kim", "Công", "Bảo", "Thế"}
var givens = []string{"An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa", "Hùng", "Hương", "Khánh",
	"Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Thủy",
	"Trang", "Trung", "Tuấn", "Vân", "Việt", "Yến", "Định", "Lộc", "Nhung", "Quyết"}

var roles = []string{
	"Chủ tịch UBND xã", "Phó Chủ tịch UBND tỉnh", "Bí thư Đảng ủy xã", "Chủ tịch HĐND xã", "Phó Chủ tịch UBND xã",
	"Giám đốc Sở Nội vụ", "Phó Giám đốc Sở Tư pháp", "Trưởng Công an xã", "Chỉ huy trưởng Ban Chỉ huy Quân sự xã",
	"Giám đốc Trung tâm Phục vụ hành chính công xã", "Chủ tịch Ủy ban MTTQ Việt Nam xã",
	"Trưởng phòng Văn hóa – Xã hội", "Trưởng phòng Kinh tế", "Phó Bí thư Thường trực Đảng ủy xã",
	"Giám đốc Sở Nông nghiệp và Môi trường",
}

var sources = []string{
	"Văn phòng HĐND và UBND xã", "Trung tâm Phục vụ hành chính công xã", "Phòng Kinh tế", "Phòng Văn hóa – Xã hội",
	"Công an xã", "Ban Chỉ huy Quân sự xã", "Đài Truyền thanh xã", "Sở Nội vụ tỉnh Lam Giang",
	"Báo Lam Giang", "Cổng thông tin điện tử tỉnh Lam Giang",
}

var events = []string{
	"hội nghị", "hội nghị trực tuyến", "buổi làm việc", "lớp tập huấn", "hội thảo", "buổi đối thoại với nhân dân",
	"hội nghị sơ kết", "hội nghị tổng kết", "lễ phát động", "cuộc họp chuyên đề",
}

var docKinds = []string{"Kế hoạch số {n}/KH-UBND", "Quyết định số {n}/QĐ-UBND", "Công văn số {n}/UBND-VP",
	"Chỉ thị số {n2}/CT-UBND", "Nghị quyết số {n2}/NQ-HĐND", "Thông báo số {n}/TB-UBND"}

var quotes = []string{
	"Mọi thủ tục phải lấy người dân, doanh nghiệp làm trung tâm; không để hồ sơ trễ hạn mà không có lý do chính đáng.",
	"Cán bộ phải bám sát cơ sở, lắng nghe ý kiến của nhân dân và giải quyết dứt điểm những việc thuộc thẩm quyền.",
	"Kết quả năm nay là nền tảng quan trọng, nhưng chúng ta không được chủ quan, phải làm quyết liệt hơn trong những tháng cuối năm.",
	"Việc gì có lợi cho dân thì phải hết sức làm, việc gì có hại cho dân thì phải hết sức tránh.",
	"Người đứng đầu phải chịu trách nhiệm nếu để xảy ra chậm trễ, phiền hà cho người dân.",
	"Chuyển đổi số không phải là việc của riêng ngành nào, mà là nhiệm vụ của cả hệ thống chính trị.",
	"Phải bảo đảm công khai, minh bạch, đúng đối tượng, không để sót hộ nào thuộc diện được hỗ trợ.",
	"Các thôn, tổ dân phố cần phát huy vai trò của người có uy tín trong cộng đồng để tuyên truyền, vận động nhân dân.",
}

// topics are noun phrases that fit "về {topic}", "đẩy mạnh {topic}"…
var topics = [numKinds][]string{
	kindNews: {
		"công tác xây dựng Đảng và hệ thống chính trị", "thực hiện nhiệm vụ phát triển kinh tế – xã hội",
		"công tác tiếp công dân, giải quyết khiếu nại, tố cáo", "phong trào thi đua yêu nước",
		"thực hiện Quy chế dân chủ ở cơ sở", "công tác dân vận của chính quyền",
		"sắp xếp đơn vị hành chính cấp xã", "công tác cán bộ", "phòng, chống tham nhũng, tiêu cực",
		"thực hành tiết kiệm, chống lãng phí", "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
		"công tác đối ngoại nhân dân", "thu hút đầu tư",
	},
	kindNotice: {
		"dự thảo quy hoạch chung xây dựng xã", "dự thảo nghị quyết về giá dịch vụ thu gom rác thải sinh hoạt",
		"phương án bồi thường, hỗ trợ, tái định cư", "danh mục dự án thu hồi đất năm tới",
		"kế hoạch sử dụng đất hằng năm", "dự thảo quy chế văn hóa công vụ",
		"điều chỉnh lịch tiếp nhận hồ sơ", "phương án đặt tên đường, tổ dân phố",
		"dự toán ngân sách nhà nước", "quyết toán ngân sách xã",
	},
	kindReform: {
		"cải cách hành chính", "dịch vụ công trực tuyến toàn trình", "số hóa hồ sơ, kết quả giải quyết TTHC",
		"chuyển đổi số", "thanh toán không dùng tiền mặt", "Đề án 06", "cơ chế một cửa, một cửa liên thông",
		"sử dụng chữ ký số", "định danh và xác thực điện tử trên ứng dụng VNeID", "cắt giảm, đơn giản hóa TTHC",
		"nâng cao chỉ số hài lòng của người dân", "kiểm soát thủ tục hành chính", "văn hóa công vụ",
		"ứng dụng trí tuệ nhân tạo trong giải quyết TTHC",
	},
	kindEconomy: {
		"xây dựng nông thôn mới nâng cao", "Chương trình Mỗi xã một sản phẩm (OCOP)", "phát triển kinh tế tập thể, hợp tác xã",
		"giải ngân vốn đầu tư công", "thu ngân sách nhà nước", "chuyển đổi cơ cấu cây trồng, vật nuôi",
		"phòng, chống dịch bệnh trên đàn gia súc, gia cầm", "trồng rừng và bảo vệ rừng", "giảm nghèo bền vững",
		"Chương trình mục tiêu quốc gia phát triển kinh tế – xã hội vùng đồng bào dân tộc thiểu số",
		"quản lý đất đai, tài nguyên và môi trường", "cấp Giấy chứng nhận quyền sử dụng đất",
		"phát triển du lịch cộng đồng", "xóa nhà tạm, nhà dột nát", "phân loại rác thải tại nguồn",
	},
	kindSociety: {
		"xây dựng đời sống văn hóa ở khu dân cư", "phổ cập giáo dục, xóa mù chữ", "tiêm chủng mở rộng",
		"phát triển người tham gia bảo hiểm y tế, bảo hiểm xã hội tự nguyện", "phòng, chống đuối nước trẻ em",
		"chăm sóc người có công với cách mạng", "bình đẳng giới và vì sự tiến bộ của phụ nữ",
		"phòng, chống bạo lực gia đình", "phong trào Toàn dân rèn luyện thân thể theo gương Bác Hồ vĩ đại",
		"bảo vệ, chăm sóc trẻ em", "giải quyết việc làm cho lao động nông thôn", "chăm sóc sức khỏe người cao tuổi",
		"khuyến học, khuyến tài, xây dựng xã hội học tập",
	},
	kindDefence: {
		"tuyển chọn và gọi công dân nhập ngũ", "bảo đảm an ninh, trật tự trên địa bàn", "bảo đảm trật tự an toàn giao thông",
		"phòng, chống thiên tai và tìm kiếm cứu nạn", "phòng cháy, chữa cháy và cứu nạn, cứu hộ",
		"diễn tập khu vực phòng thủ", "phòng, chống tội phạm và tệ nạn ma túy", "xây dựng lực lượng dân quân tự vệ",
		"phong trào Toàn dân bảo vệ an ninh Tổ quốc", "giáo dục quốc phòng và an ninh",
		"phòng, chống lừa đảo chiếm đoạt tài sản trên không gian mạng",
	},
}

// titles per kind. {Agency} is an agency at the start of a sentence.
var titles = [numKinds][]string{
	kindNews: {
		"{Agency} tổ chức {event} về {topic}",
		"Hội nghị sơ kết {topic} 6 tháng đầu năm {year}",
		"Tổng kết {topic} năm {year}",
		"Kỳ họp thứ {small} HĐND xã khóa XV thông qua {n2} nghị quyết quan trọng",
		"Đoàn công tác của tỉnh làm việc tại {place} về {topic}",
		"{Place}: nâng cao hiệu quả {topic}",
		"Đại hội đại biểu Hội Nông dân {place} lần thứ {small}, nhiệm kỳ {year}–{year5}",
		"Lãnh đạo tỉnh tiếp xúc cử tri {place}",
		"Triển khai nhiệm vụ {topic} năm {year}",
		"{Agency} đối thoại với nhân dân về {topic}",
	},
	kindNotice: {
		"Thông báo lịch tiếp công dân tháng {month}/{year}",
		"Thông báo tuyển dụng viên chức năm {year}",
		"Thông báo lấy ý kiến nhân dân về {topic}",
		"Thông báo kết quả lựa chọn nhà thầu gói thầu số {small} thuộc dự án đường giao thông {hamlet}",
		"Công khai {topic} năm {year}",
		"Thông báo tạm ngừng cung cấp điện khu vực {hamlet}, {place}",
		"Thông báo danh sách thí sinh đủ điều kiện dự tuyển công chức cấp xã năm {year}",
		"Thông báo thu hồi đất thực hiện dự án nâng cấp, mở rộng tuyến đường {hamlet}",
		"Thông báo về việc niêm yết công khai {topic}",
		"Thông báo lịch trực Trung tâm Phục vụ hành chính công xã dịp nghỉ lễ năm {year}",
	},
	kindReform: {
		"Đẩy mạnh {topic} trên địa bàn {place}",
		"{Agency} triển khai {topic} năm {year}",
		"{Place} hoàn thành {pct} chỉ tiêu về {topic}",
		"Tập huấn nghiệp vụ về {topic} cho cán bộ, công chức cấp xã",
		"Kiểm tra công tác CCHC tại {place}",
		"Nâng cao hiệu quả {topic} tại Trung tâm Phục vụ hành chính công",
		"Giải đáp vướng mắc của người dân về {topic}",
		"{Agency} ban hành kế hoạch thực hiện {topic}",
		"Tổ công nghệ số cộng đồng hỗ trợ người dân {hamlet} về {topic}",
	},
	kindEconomy: {
		"{Place} đẩy mạnh {topic}",
		"Nhiều kết quả tích cực trong {topic} năm {year}",
		"{Agency} kiểm tra tiến độ {topic}",
		"{Place}: {n} hộ dân được hưởng lợi từ {topic}",
		"Hội nghị triển khai {topic} giai đoạn {year}–{year5}",
		"Tháo gỡ khó khăn trong {topic}",
		"Khánh thành công trình đường giao thông nông thôn {hamlet}",
		"Nông dân {place} thu hoạch vụ Đông Xuân năm {year}",
	},
	kindSociety: {
		"{Place} ra quân {topic}",
		"Tuyên truyền, phổ biến về {topic} đến người dân {hamlet}",
		"{Agency} tổng kết {topic} năm {year}",
		"Khen thưởng tập thể, cá nhân có thành tích trong {topic}",
		"Khai mạc Hội khỏe Phù Đổng {place} năm {year}",
		"Trao {n2} suất quà cho hộ nghèo, gia đình chính sách dịp Tết",
		"Nâng cao chất lượng {topic}",
		"Lễ khai giảng năm học {year}–{year1} tại {place}",
	},
	kindDefence: {
		"{Place} tổ chức lễ giao nhận quân năm {year}",
		"{Agency} triển khai cao điểm {topic}",
		"Tăng cường {topic} dịp cuối năm {year}",
		"Diễn tập phương án {topic} tại {hamlet}",
		"Ra mắt mô hình “Tổ an ninh, trật tự cơ sở” {hamlet}",
		"Sơ kết {topic} 6 tháng đầu năm {year}",
		"Cảnh báo thủ đoạn lừa đảo qua mạng xã hội, người dân cần cảnh giác",
	},
}

// openings start an article body.
var openings = []string{
	"Ngày {day}/{month}/{year}, {agency} đã tổ chức {event} về {topic}.",
	"Sáng {day}/{month}, tại hội trường UBND {place}, {agency} tổ chức {event} triển khai {topic} năm {year}.",
	"Thực hiện {doc} của UBND tỉnh, {agency} đã chỉ đạo các cơ quan, đơn vị tập trung thực hiện {topic}.",
	"Chiều {day}/{month}/{year}, đoàn công tác do đồng chí {person}, {role}, làm trưởng đoàn đã làm việc tại {place} về {topic}.",
	"Trong những năm qua, {topic} trên địa bàn {place} đã có nhiều chuyển biến tích cực.",
	"Nhằm nâng cao hiệu quả {topic}, vừa qua {agency} đã ban hành {doc}.",
}

// sentences fit any kind.
var sentences = []string{
	"Công tác {topic} được cấp ủy, chính quyền quan tâm chỉ đạo, có sự phối hợp chặt chẽ giữa các ban, ngành, đoàn thể.",
	"Bên cạnh kết quả đạt được, việc thực hiện vẫn còn một số hạn chế như nguồn lực còn khó khăn, một bộ phận người dân chưa nắm rõ quy định.",
	"Phát biểu chỉ đạo, đồng chí {person}, {role}, ghi nhận và biểu dương những kết quả đạt được, đồng thời đề nghị các đơn vị tiếp tục thực hiện có hiệu quả {topic}.",
	"Đồng chí {person}, {role}, nhấn mạnh: “{quote}”",
	"Dịp này, {agency} đã trao giấy khen cho {n2} tập thể và {n2b} cá nhân có thành tích xuất sắc.",
	"Năm {year}, tổng kinh phí thực hiện là {money} đồng, trong đó ngân sách tỉnh hỗ trợ {money2} đồng, phần còn lại do nhân dân đóng góp.",
	"UBND xã giao Phòng Văn hóa – Xã hội phối hợp với các thôn, tổ dân phố tuyên truyền sâu rộng để người dân biết, thực hiện.",
	"Tại {event}, đại biểu đã tập trung thảo luận, làm rõ nguyên nhân của những tồn tại, hạn chế và đề xuất nhiều giải pháp thiết thực.",
	"Theo kế hoạch, đến hết năm {year}, {pct} thôn, tổ dân phố sẽ hoàn thành các chỉ tiêu được giao.",
	"Anh {person}, người dân {hamlet}, chia sẻ: “Bây giờ làm thủ tục nhanh hơn trước nhiều, cán bộ hướng dẫn tận tình nên bà con rất phấn khởi.”",
	"Thời gian tới, {agency} tiếp tục rà soát, tham mưu UBND xã ban hành các giải pháp phù hợp với điều kiện thực tế của địa phương.",
	"Mọi ý kiến phản ánh, kiến nghị xin gửi về Văn phòng HĐND và UBND xã qua số điện thoại 0232 3 868 {n3} hoặc hộp thư điện tử của UBND xã.",
	"Các đại biểu thống nhất cao với dự thảo báo cáo, đồng thời đề nghị bổ sung một số chỉ tiêu cho sát với tình hình thực tế.",
	"Được biết, trong năm {year}, {place} đã huy động được {money} đồng từ các nguồn xã hội hóa.",
	"Kết thúc {event}, {agency} đã ban hành thông báo kết luận, phân công nhiệm vụ cụ thể cho từng cơ quan, đơn vị.",
	"Theo {doc}, các cơ quan, đơn vị phải báo cáo kết quả thực hiện trước ngày {day}/{month}/{year}.",
	"Đồng chí {person} đề nghị các thôn, tổ dân phố đẩy mạnh tuyên truyền để người dân hiểu, đồng tình và tích cực tham gia.",
	"Đến nay, {pct} hộ gia đình trên địa bàn đã được phổ biến, hướng dẫn đầy đủ các nội dung liên quan.",
	"Ngay sau {event}, các thôn, tổ dân phố đã tổ chức họp dân để quán triệt, triển khai đến từng hộ gia đình.",
	"Đài Truyền thanh xã tăng thời lượng phát sóng, đưa tin thường xuyên về {topic} vào các khung giờ sáng và chiều.",
	"Đại diện {agency} cho biết, đơn vị đã thành lập tổ công tác để theo dõi, đôn đốc và tháo gỡ kịp thời các vướng mắc phát sinh.",
	"Một số thôn ở vùng sâu, vùng xa còn gặp khó khăn về giao thông, hạ tầng viễn thông, ảnh hưởng đến tiến độ thực hiện.",
	"UBND xã đã bố trí kinh phí từ nguồn ngân sách xã để hỗ trợ các thôn triển khai, bảo đảm đúng quy định.",
	"Các cơ quan, đơn vị đã ký cam kết thực hiện và đưa kết quả vào tiêu chí đánh giá, xếp loại thi đua cuối năm.",
	"Ý kiến của các đại biểu tập trung vào những giải pháp trọng tâm để tạo chuyển biến rõ nét trong thời gian tới.",
	"Ủy ban MTTQ Việt Nam xã và các đoàn thể chính trị – xã hội tăng cường giám sát việc thực hiện ở cơ sở.",
	"Thống kê cho thấy, so với cùng kỳ năm trước, nhiều chỉ tiêu đạt và vượt kế hoạch đề ra.",
	"Những mô hình hay, cách làm hiệu quả ở {hamlet} đã được nhân rộng ra các thôn khác trên địa bàn.",
	"Chị {person}, cán bộ văn hóa – xã hội xã, cho biết việc hướng dẫn trực tiếp tại nhà giúp người cao tuổi tiếp cận thông tin dễ dàng hơn.",
	"Hiện nay, hồ sơ, tài liệu liên quan được công khai tại trụ sở UBND xã và nhà văn hóa các thôn.",
}

// kindSentences are specific to one kind.
var kindSentences = [numKinds][]string{
	kindNews: {
		"Kỳ họp đã xem xét, thông qua {n2} nghị quyết về tình hình kinh tế – xã hội, dự toán ngân sách và kế hoạch đầu tư công.",
		"Tổng giá trị sản xuất trên địa bàn ước đạt {money} đồng, tăng {dec}% so với cùng kỳ năm trước.",
		"Cử tri kiến nghị nhiều nội dung liên quan đến đất đai, đường giao thông nông thôn, nước sạch và chính sách an sinh xã hội.",
		"Lãnh đạo UBND xã đã trực tiếp tiếp thu, giải trình các ý kiến thuộc thẩm quyền; các kiến nghị vượt thẩm quyền được tổng hợp gửi cấp trên.",
		"Đảng bộ xã hiện có {n} đảng viên sinh hoạt tại {small} chi bộ trực thuộc.",
		"Trong kỳ, UBND xã đã tiếp {n2} lượt công dân, tiếp nhận {n2b} đơn thư; đến nay đã giải quyết xong {pct} số đơn thuộc thẩm quyền.",
	},
	kindNotice: {
		"Thời gian: từ ngày {day}/{month}/{year} đến hết ngày {day2}/{month}/{year}, trong giờ hành chính các ngày làm việc.",
		"Địa điểm: Trụ sở UBND {place}, {hamlet}.",
		"Hồ sơ gồm: phiếu đăng ký dự tuyển theo mẫu, bản sao văn bằng, chứng chỉ và giấy chứng nhận sức khỏe do cơ quan y tế có thẩm quyền cấp.",
		"UBND xã thông báo để các cơ quan, đơn vị, tổ chức và nhân dân trên địa bàn biết, thực hiện.",
		"Toàn văn dự thảo được niêm yết tại nhà văn hóa các thôn và đăng tải trên Cổng thông tin điện tử của xã.",
		"Ý kiến góp ý gửi bằng văn bản về Văn phòng HĐND và UBND xã hoặc góp ý trực tiếp tại các buổi hội nghị ở thôn.",
		"Sau thời hạn trên, nếu không có ý kiến, UBND xã sẽ hoàn thiện hồ sơ, trình cấp có thẩm quyền phê duyệt theo quy định.",
		"Chỉ tiêu tuyển dụng: {small} người, gồm các vị trí văn hóa – xã hội, tư pháp – hộ tịch và địa chính – nông nghiệp.",
	},
	kindReform: {
		"Từ đầu năm đến nay, Trung tâm Phục vụ hành chính công xã đã tiếp nhận {big} hồ sơ TTHC, trong đó {pct} hồ sơ được giải quyết trước và đúng hạn.",
		"Tỷ lệ hồ sơ được số hóa đạt {pct}, vượt chỉ tiêu tỉnh giao.",
		"Người dân có thể nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia hoặc qua ứng dụng VNeID mà không phải đến trụ sở.",
		"Chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính đạt {pct}.",
		"Toàn bộ hồ sơ được tiếp nhận, xử lý trên hệ thống một cửa điện tử; UBND xã công khai tiến độ giải quyết để người dân theo dõi.",
		"Các Tổ công nghệ số cộng đồng đã hỗ trợ {n} lượt người dân cài đặt, kích hoạt tài khoản định danh điện tử mức độ 2.",
		"Công tác CCHC được xác định là nhiệm vụ trọng tâm, gắn với trách nhiệm của người đứng đầu cơ quan, đơn vị.",
		"Đến nay, {small} TTHC thuộc thẩm quyền cấp xã đã được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình.",
		"Việc thanh toán phí, lệ phí qua các ứng dụng ngân hàng giúp người dân tiết kiệm thời gian và chi phí đi lại.",
	},
	kindEconomy: {
		"Tổng diện tích gieo trồng vụ Đông Xuân đạt {big} ha, năng suất lúa bình quân ước đạt {dec} tạ/ha.",
		"Toàn xã hiện có {small} sản phẩm đạt chuẩn OCOP 3 sao và {small2} sản phẩm đạt 4 sao.",
		"Thu nhập bình quân đầu người năm {year} ước đạt {dec} triệu đồng, tỷ lệ hộ nghèo giảm còn {dec2}%.",
		"Tổng vốn đầu tư công năm {year} được giao là {money} đồng; đến nay đã giải ngân đạt {pct} kế hoạch.",
		"Hợp tác xã nông nghiệp {place} đã liên kết với doanh nghiệp bao tiêu sản phẩm cho {n} hộ thành viên.",
		"Tuyến đường dài {dec} km, mặt đường rộng 5 m, được đầu tư từ nguồn vốn chương trình mục tiêu quốc gia và nhân dân đóng góp.",
		"Đàn gia súc, gia cầm trên địa bàn được tiêm phòng đầy đủ, không để dịch bệnh phát sinh và lây lan.",
		"Thu ngân sách nhà nước trên địa bàn đạt {money} đồng, bằng {pct} dự toán năm.",
	},
	kindSociety: {
		"Tỷ lệ người dân tham gia bảo hiểm y tế đạt {pct}, tăng so với cùng kỳ năm trước.",
		"Năm học {year}–{year1}, toàn xã có {big} học sinh ở các cấp học, tỷ lệ trường đạt chuẩn quốc gia là {pct}.",
		"Trạm Y tế xã đã tổ chức tiêm chủng cho {n} trẻ em trong độ tuổi, bảo đảm an toàn tuyệt đối.",
		"Các thôn, tổ dân phố đã tổ chức {n2} lớp dạy bơi miễn phí cho trẻ em trong dịp hè.",
		"Toàn xã có {pct} hộ gia đình đạt danh hiệu “Gia đình văn hóa”, {small} thôn đạt danh hiệu “Thôn văn hóa”.",
		"Hội Liên hiệp Phụ nữ xã đã vận động hội viên giúp đỡ {n2} hộ nghèo có hoàn cảnh khó khăn vươn lên.",
		"Chương trình đã trao {n2} suất học bổng cho học sinh vượt khó học giỏi, mỗi suất trị giá 2 triệu đồng.",
	},
	kindDefence: {
		"Năm {year}, {place} có {small} thanh niên lên đường nhập ngũ, đạt 100% chỉ tiêu được giao.",
		"Lực lượng chức năng đã tổ chức {n2} đợt tuần tra, kiểm soát, phát hiện và xử lý {n2b} trường hợp vi phạm trật tự an toàn giao thông.",
		"Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn cơ bản ổn định, không để xảy ra tình huống bất ngờ.",
		"Công an xã khuyến cáo người dân không cung cấp mã OTP, không chuyển tiền cho người lạ tự xưng là cán bộ cơ quan nhà nước.",
		"Buổi diễn tập có sự tham gia của {n2} cán bộ, chiến sĩ và lực lượng dân quân, bảo đảm an toàn tuyệt đối về người và phương tiện.",
		"Ban Chỉ huy Quân sự xã đã xây dựng phương án ứng phó với bão, lũ theo phương châm “bốn tại chỗ”.",
		"Các tổ bảo vệ an ninh, trật tự ở cơ sở đã phối hợp giải quyết {n2} vụ việc ngay từ thôn, tổ dân phố.",
	},
}

var closings = []string{
	"{Agency} đề nghị người dân, doanh nghiệp tiếp tục quan tâm, phối hợp để {topic} đạt kết quả cao nhất.",
	"Thông tin chi tiết xin liên hệ Văn phòng HĐND và UBND xã, điện thoại 0232 3 868 {n3}, trong giờ hành chính.",
	"Với sự vào cuộc của cả hệ thống chính trị, {place} phấn đấu hoàn thành vượt mức các chỉ tiêu năm {year}.",
	"Cổng thông tin điện tử xã sẽ tiếp tục cập nhật thông tin để bạn đọc được biết.",
}

var tags = [numKinds][]string{
	kindNews:    {"HĐND", "UBND", "tiếp xúc cử tri", "xây dựng Đảng", "dân vận", "thi đua khen thưởng"},
	kindNotice:  {"thông báo", "tuyển dụng", "lấy ý kiến", "công khai ngân sách", "tiếp công dân"},
	kindReform:  {"CCHC", "TTHC", "dịch vụ công", "chuyển đổi số", "một cửa", "VNeID", "Đề án 06"},
	kindEconomy: {"nông thôn mới", "OCOP", "đầu tư công", "nông nghiệp", "giảm nghèo", "hợp tác xã"},
	kindSociety: {"y tế", "giáo dục", "BHYT", "văn hóa", "an sinh xã hội", "trẻ em"},
	kindDefence: {"quốc phòng", "an ninh trật tự", "ATGT", "PCCC", "phòng chống thiên tai", "tuyển quân"},
}
