package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/viet"
)

// The demo catalogue: the fictional province of Lam Giang after the
// two-tier reform of 01/07/2025 (departments and communes under the
// province; the former district of Tân Hòa kept as history), and about
// twenty procedures written for the demo from the usual contents of the
// national catalogue. Codes look like national procedure codes.

type demoUnit struct {
	code, parent, name, kind, address, phone string
	validTo                                  string // yyyy-mm-dd: dissolved
}

var demoUnits = []demoUnit{
	{"LGI", "", "UBND tỉnh Lam Giang", catalogue.KindProvince, "Số 1 đường Trần Hưng Đạo, phường Lam Thành, tỉnh Lam Giang", "0238 3840 100", ""},
	{"STP", "LGI", "Sở Tư pháp", catalogue.KindDepartment, "Số 12 đường Nguyễn Trãi, phường Lam Thành", "0238 3840 210", ""},
	{"STC", "LGI", "Sở Tài chính", catalogue.KindDepartment, "Số 18 đường Lê Lợi, phường Lam Thành", "0238 3840 220", ""},
	{"SXD", "LGI", "Sở Xây dựng", catalogue.KindDepartment, "Số 25 đường Phan Đình Phùng, phường Đông Giang", "0238 3840 230", ""},
	{"SNNMT", "LGI", "Sở Nông nghiệp và Môi trường", catalogue.KindDepartment, "Số 40 đường Hùng Vương, phường Đông Giang", "0238 3840 240", ""},
	{"SNV", "LGI", "Sở Nội vụ", catalogue.KindDepartment, "Số 9 đường Quang Trung, phường Lam Thành", "0238 3840 250", ""},
	{"XTHL", "LGI", "UBND xã Tân Hòa Lĩnh", catalogue.KindCommune, "Số 86 đường Lê Hữu Trác, thôn Hòa Bình, xã Tân Hòa Lĩnh", "0238 3861 086", ""},
	{"XHP", "LGI", "UBND xã Hòa Phong", catalogue.KindCommune, "Thôn Phong Lạc, xã Hòa Phong", "0238 3862 115", ""},
	{"XBS", "LGI", "UBND xã Bắc Sơn", catalogue.KindCommune, "Thôn Trung, xã Bắc Sơn", "0238 3863 204", ""},
	{"PLT", "LGI", "UBND phường Lam Thành", catalogue.KindCommune, "Số 5 đường Bà Triệu, phường Lam Thành", "0238 3845 005", ""},
	{"PDG", "LGI", "UBND phường Đông Giang", catalogue.KindCommune, "Số 72 đường Hùng Vương, phường Đông Giang", "0238 3846 072", ""},
	{"HTH", "LGI", "UBND huyện Tân Hòa (cũ)", catalogue.KindDistrict, "Thị trấn Tân Hòa (cũ)", "", "2025-06-30"},
}

// communes are where most citizen procedures are handled since 2025.
var communes = []string{"XTHL", "XHP", "XBS", "PLT", "PDG"}

type demoProc struct {
	code, name, field, level string
	amount                   int
	unit                     string
	units                    []string
	fees, applicant, result  string
	components               []string // "(nếu có)" optional, "02 bản" copies
	steps, legal             []string
	conditions               string
}

const (
	lawHoTich   = "Luật Hộ tịch số 60/2014/QH13"
	nd123       = "Nghị định số 123/2015/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch"
	tt04        = "Thông tư số 04/2020/TT-BTP quy định chi tiết thi hành Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP"
	tt85        = "Thông tư số 85/2019/TT-BTC hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của HĐND tỉnh"
	nd23        = "Nghị định số 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch"
	tt226       = "Thông tư số 226/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực"
	nd01        = "Nghị định số 01/2021/NĐ-CP về đăng ký doanh nghiệp"
	nd118       = "Nghị định số 118/2025/NĐ-CP về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông"
	stepsOnline = "Người yêu cầu nộp hồ sơ trực tuyến trên Cổng dịch vụ công hoặc trực tiếp tại Bộ phận một cửa"
	stepsCheck  = "Cán bộ một cửa kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần"
	stepsReturn = "Trả kết quả tại Bộ phận một cửa, qua bưu chính hoặc bản điện tử theo yêu cầu"
)

// Birth and death registration (Luật Hộ tịch Điều 16, 34: "ngay sau khi
// nhận đủ giấy tờ"), copies of civil-status extracts (the national
// catalogue: "ngay trong ngày ...; sau 15 giờ ... trong ngày làm việc tiếp
// theo") and certified copies and signatures (Nghị định
// 23/2015 Điều 7: "ngay trong ngày ... hoặc trong ngày làm việc tiếp theo,
// nếu tiếp nhận yêu cầu sau 15 giờ") are "trong ngày", not 8 working hours:
// 8 hours from 09:00 would run into the next morning.
var demoProcs = []demoProc{
	{code: "1.001193", name: "Đăng ký khai sinh", field: "Hộ tịch", level: catalogue.LevelFull, amount: 1, unit: catalogue.TimeSameDay, units: communes,
		fees:      "Miễn lệ phí đăng ký khai sinh đúng hạn.\nĐăng ký khai sinh quá hạn: 8.000 đồng/trường hợp.",
		applicant: "Cha, mẹ, ông, bà, người thân thích khác hoặc cá nhân, tổ chức đang nuôi dưỡng trẻ em.", result: "Giấy khai sinh (bản chính và bản điện tử).",
		components: []string{"Tờ khai đăng ký khai sinh theo mẫu", "Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận về việc sinh", "Văn bản ủy quyền có chứng thực (nếu có)"},
		steps:      []string{stepsOnline, stepsCheck, "Công chức tư pháp – hộ tịch ghi vào Sổ đăng ký khai sinh, trình lãnh đạo UBND cấp xã ký Giấy khai sinh", stepsReturn},
		legal:      []string{lawHoTich, nd123, tt04, tt85}},
	{code: "1.000894", name: "Đăng ký kết hôn", field: "Hộ tịch", level: catalogue.LevelPartial, amount: 5, unit: catalogue.TimeWorkingDays, units: communes,
		fees: "Miễn lệ phí.", applicant: "Nam, nữ công dân Việt Nam có đủ điều kiện kết hôn theo Luật Hôn nhân và gia đình.",
		result: "Giấy chứng nhận kết hôn (mỗi bên một bản chính).", conditions: "Hai bên nam, nữ phải có mặt khi đăng ký kết hôn và ký vào Giấy chứng nhận kết hôn.",
		components: []string{"Tờ khai đăng ký kết hôn theo mẫu", "Giấy xác nhận tình trạng hôn nhân (nếu đăng ký tại nơi không thường trú)"},
		steps:      []string{stepsOnline, stepsCheck, "Hai bên nam, nữ có mặt tại UBND cấp xã để ký Giấy chứng nhận kết hôn", stepsReturn},
		legal:      []string{lawHoTich, "Luật Hôn nhân và gia đình số 52/2014/QH13", nd123, tt04}},
	{code: "1.000656", name: "Đăng ký khai tử", field: "Hộ tịch", level: catalogue.LevelFull, amount: 1, unit: catalogue.TimeSameDay, units: communes,
		fees: "Miễn lệ phí đăng ký khai tử đúng hạn.", applicant: "Vợ, chồng, con, cha, mẹ hoặc người thân thích khác của người chết.",
		result:     "Trích lục khai tử.",
		components: []string{"Tờ khai đăng ký khai tử theo mẫu", "Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử", "Văn bản ủy quyền có chứng thực (nếu có)"},
		steps:      []string{stepsOnline, stepsCheck, "Công chức tư pháp – hộ tịch ghi Sổ đăng ký khai tử, trình lãnh đạo ký Trích lục khai tử", stepsReturn},
		legal:      []string{lawHoTich, nd123, tt04}},
	{code: "1.004946", name: "Cấp bản sao trích lục hộ tịch", field: "Hộ tịch", level: catalogue.LevelFull, amount: 1, unit: catalogue.TimeSameDay, units: communes,
		fees: "8.000 đồng/bản sao trích lục.", applicant: "Cá nhân được cấp bản sao trích lục về sự kiện hộ tịch của mình hoặc người được ủy quyền.",
		result:     "Bản sao trích lục hộ tịch.",
		components: []string{"Tờ khai cấp bản sao trích lục hộ tịch theo mẫu", "Văn bản ủy quyền (nếu có)"},
		steps:      []string{stepsOnline, "Cán bộ tra cứu Sổ hộ tịch, Cơ sở dữ liệu hộ tịch điện tử", stepsReturn},
		legal:      []string{lawHoTich, nd123, tt85}},
	{code: "1.004873", name: "Cấp Giấy xác nhận tình trạng hôn nhân", field: "Hộ tịch", level: catalogue.LevelFull, amount: 3, unit: catalogue.TimeWorkingDays, units: communes,
		fees: "Miễn lệ phí.", applicant: "Công dân Việt Nam cư trú trong nước.", result: "Giấy xác nhận tình trạng hôn nhân (có giá trị 6 tháng).",
		components: []string{"Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu", "Bản án, quyết định ly hôn đã có hiệu lực hoặc trích lục khai tử của vợ/chồng (nếu có)"},
		steps:      []string{stepsOnline, stepsCheck, "Công chức tư pháp – hộ tịch xác minh, trình lãnh đạo ký Giấy xác nhận", stepsReturn},
		legal:      []string{lawHoTich, nd123, tt04}},
	{code: "1.001022", name: "Đăng ký nhận cha, mẹ, con", field: "Hộ tịch", level: catalogue.LevelPartial, amount: 3, unit: catalogue.TimeWorkingDays, units: communes,
		fees: "Miễn lệ phí.", applicant: "Người nhận cha, mẹ, con; các bên phải còn sống.", result: "Trích lục đăng ký nhận cha, mẹ, con.",
		components: []string{"Tờ khai đăng ký nhận cha, mẹ, con theo mẫu", "Văn bản của cơ quan y tế, giám định hoặc chứng cứ chứng minh quan hệ cha, mẹ, con"},
		steps:      []string{stepsOnline, stepsCheck, "Các bên có mặt tại UBND cấp xã để ký vào Sổ hộ tịch", stepsReturn},
		legal:      []string{lawHoTich, nd123, tt04}},
	{code: "2.000815", name: "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp", field: "Chứng thực", level: catalogue.LevelNone,
		amount: 1, unit: catalogue.TimeSameDay, units: communes, fees: "2.000 đồng/trang; từ trang thứ ba trở đi 1.000 đồng/trang, tối đa 200.000 đồng/bản.",
		applicant: "Cá nhân, tổ chức.", result: "Bản sao được chứng thực từ bản chính.", conditions: "Người yêu cầu phải xuất trình bản chính để đối chiếu.",
		components: []string{"Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao", "Bản sao cần chứng thực (nếu người yêu cầu tự chuẩn bị)"},
		steps:      []string{"Người yêu cầu nộp hồ sơ trực tiếp tại Bộ phận một cửa", "Người thực hiện chứng thực đối chiếu bản sao với bản chính, ghi lời chứng và ký, đóng dấu", "Trả kết quả ngay trong ngày"},
		legal:      []string{nd23, tt226}},
	{code: "2.000884", name: "Chứng thực chữ ký trong các giấy tờ, văn bản", field: "Chứng thực", level: catalogue.LevelNone, amount: 1, unit: catalogue.TimeSameDay, units: communes,
		fees: "10.000 đồng/trường hợp.", applicant: "Cá nhân.", result: "Giấy tờ, văn bản được chứng thực chữ ký.",
		conditions: "Người yêu cầu chứng thực phải ký trước mặt người thực hiện chứng thực.",
		components: []string{"Căn cước hoặc hộ chiếu còn giá trị sử dụng (bản chính để xuất trình)", "Giấy tờ, văn bản cần chứng thực chữ ký"},
		steps:      []string{"Người yêu cầu nộp hồ sơ trực tiếp tại Bộ phận một cửa", "Người yêu cầu ký trước mặt người thực hiện chứng thực", "Trả kết quả ngay trong ngày"},
		legal:      []string{nd23, tt226}},
	{code: "2.001035", name: "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản", field: "Chứng thực", level: catalogue.LevelNone, amount: 2, unit: catalogue.TimeWorkingDays,
		units: communes, fees: "50.000 đồng/hợp đồng, giao dịch.", applicant: "Các bên tham gia hợp đồng, giao dịch.", result: "Hợp đồng, giao dịch được chứng thực.",
		components: []string{"Dự thảo hợp đồng, giao dịch", "Bản sao giấy tờ tùy thân của người yêu cầu chứng thực", "Bản sao giấy chứng nhận quyền sở hữu tài sản"},
		steps:      []string{"Các bên nộp hồ sơ trực tiếp tại Bộ phận một cửa", "Người thực hiện chứng thực kiểm tra, các bên ký trước mặt người thực hiện chứng thực", stepsReturn},
		legal:      []string{nd23, tt226}},
	{code: "2.000488", name: "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", field: "Lý lịch tư pháp", level: catalogue.LevelFull, amount: 10, unit: catalogue.TimeWorkingDays, units: []string{"STP"},
		fees:      "200.000 đồng/lần/người.\nSinh viên, người có công với cách mạng: 100.000 đồng/lần/người.\nTrẻ em, người cao tuổi, người khuyết tật, hộ nghèo: miễn phí.",
		applicant: "Công dân Việt Nam thường trú hoặc tạm trú trong tỉnh.", result: "Phiếu lý lịch tư pháp số 1 hoặc số 2.",
		components: []string{"Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp theo mẫu", "Văn bản ủy quyền (nếu có)"},
		steps:      []string{stepsOnline, "Sở Tư pháp tra cứu, xác minh thông tin lý lịch tư pháp", "Giám đốc Sở Tư pháp ký Phiếu lý lịch tư pháp", stepsReturn},
		legal:      []string{"Luật Lý lịch tư pháp số 28/2009/QH12", "Nghị định số 111/2010/NĐ-CP", "Thông tư số 244/2016/TT-BTC"}},
	{code: "2.000720", name: "Đăng ký thành lập hộ kinh doanh", field: "Thành lập và hoạt động của hộ kinh doanh", level: catalogue.LevelFull, amount: 3, unit: catalogue.TimeWorkingDays,
		units: communes, fees: "100.000 đồng/lần (miễn lệ phí khi nộp hồ sơ trực tuyến theo quy định của HĐND tỉnh).", applicant: "Cá nhân, thành viên hộ gia đình.",
		result:     "Giấy chứng nhận đăng ký hộ kinh doanh.",
		components: []string{"Giấy đề nghị đăng ký hộ kinh doanh", "Bản sao biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (nếu có)", "Văn bản ủy quyền cho thành viên hộ gia đình (nếu có)"},
		steps:      []string{stepsOnline, stepsCheck, "Cơ quan đăng ký kinh doanh cấp xã cấp Giấy chứng nhận đăng ký hộ kinh doanh", stepsReturn},
		legal:      []string{"Luật Doanh nghiệp số 59/2020/QH14", nd01}},
	{code: "2.000575", name: "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", field: "Thành lập và hoạt động của hộ kinh doanh", level: catalogue.LevelFull, amount: 3,
		unit: catalogue.TimeWorkingDays, units: communes, fees: "100.000 đồng/lần.", applicant: "Chủ hộ kinh doanh.", result: "Giấy chứng nhận đăng ký hộ kinh doanh mới.",
		components: []string{"Thông báo thay đổi nội dung đăng ký hộ kinh doanh", "Bản sao biên bản họp thành viên hộ gia đình (nếu có)"},
		steps:      []string{stepsOnline, stepsCheck, "Cấp Giấy chứng nhận đăng ký hộ kinh doanh mới", stepsReturn},
		legal:      []string{nd01}},
	{code: "2.001610", name: "Đăng ký thành lập doanh nghiệp tư nhân", field: "Thành lập và hoạt động doanh nghiệp", level: catalogue.LevelFull, amount: 3, unit: catalogue.TimeWorkingDays,
		units: []string{"STC"}, fees: "50.000 đồng/lần (miễn khi đăng ký qua mạng điện tử).\nPhí công bố nội dung đăng ký doanh nghiệp: 100.000 đồng.",
		applicant: "Cá nhân.", result: "Giấy chứng nhận đăng ký doanh nghiệp.",
		components: []string{"Giấy đề nghị đăng ký doanh nghiệp", "Bản sao giấy tờ pháp lý của chủ doanh nghiệp tư nhân"},
		steps:      []string{stepsOnline, "Phòng Đăng ký kinh doanh thuộc Sở Tài chính xem xét tính hợp lệ của hồ sơ", "Cấp Giấy chứng nhận đăng ký doanh nghiệp", stepsReturn},
		legal:      []string{"Luật Doanh nghiệp số 59/2020/QH14", nd01}},
	{code: "1.009994", name: "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", field: "Hoạt động xây dựng", level: catalogue.LevelPartial, amount: 15, unit: catalogue.TimeDays,
		units: communes, fees: "75.000 đồng/giấy phép.", applicant: "Chủ đầu tư xây dựng nhà ở riêng lẻ.", result: "Giấy phép xây dựng.",
		components: []string{"Đơn đề nghị cấp giấy phép xây dựng theo mẫu", "Bản sao giấy tờ chứng minh quyền sử dụng đất", "Bản vẽ thiết kế xây dựng 02 bản",
			"Bản kê khai kinh nghiệm của tổ chức, cá nhân thiết kế (nếu có)"},
		steps: []string{stepsOnline, stepsCheck, "Kiểm tra thực địa (nếu cần), lấy ý kiến cơ quan liên quan", "Chủ tịch UBND cấp xã ký giấy phép xây dựng", stepsReturn},
		legal: []string{"Luật Xây dựng số 50/2014/QH13, sửa đổi bởi Luật số 62/2020/QH14", "Nghị định số 15/2021/NĐ-CP"}},
	{code: "1.009998", name: "Gia hạn giấy phép xây dựng đối với nhà ở riêng lẻ", field: "Hoạt động xây dựng", level: catalogue.LevelPartial, amount: 5, unit: catalogue.TimeWorkingDays,
		units: communes, fees: "15.000 đồng/giấy phép.", applicant: "Chủ đầu tư.", result: "Giấy phép xây dựng được gia hạn.",
		components: []string{"Đơn đề nghị gia hạn giấy phép xây dựng", "Bản chính giấy phép xây dựng đã được cấp"},
		steps:      []string{stepsOnline, stepsCheck, "Ghi gia hạn vào giấy phép xây dựng đã cấp", stepsReturn},
		legal:      []string{"Luật Xây dựng số 50/2014/QH13, sửa đổi bởi Luật số 62/2020/QH14", "Nghị định số 15/2021/NĐ-CP"}},
	{code: "1.012764", name: "Đăng ký biến động quyền sử dụng đất do chuyển nhượng, tặng cho, thừa kế", field: "Đất đai", level: catalogue.LevelPartial, amount: 10,
		unit: catalogue.TimeWorkingDays, units: []string{"SNNMT"}, fees: "Lệ phí cấp Giấy chứng nhận theo Nghị quyết của HĐND tỉnh Lam Giang.\nPhí thẩm định hồ sơ theo quy định.",
		applicant: "Hộ gia đình, cá nhân, tổ chức sử dụng đất.", result: "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất.",
		components: []string{"Đơn đăng ký biến động đất đai, tài sản gắn liền với đất theo mẫu", "Hợp đồng, văn bản về chuyển nhượng, tặng cho, thừa kế đã công chứng hoặc chứng thực", "Bản gốc Giấy chứng nhận đã cấp"},
		steps:      []string{stepsOnline, "Văn phòng đăng ký đất đai kiểm tra hồ sơ, gửi thông tin xác định nghĩa vụ tài chính", "Người sử dụng đất nộp nghĩa vụ tài chính", "Cập nhật hồ sơ địa chính, cấp Giấy chứng nhận", stepsReturn},
		legal:      []string{"Luật Đất đai số 31/2024/QH15", "Nghị định số 101/2024/NĐ-CP", "Nghị định số 151/2025/NĐ-CP"}},
	{code: "1.012790", name: "Cấp đổi Giấy chứng nhận quyền sử dụng đất", field: "Đất đai", level: catalogue.LevelPartial, amount: 7, unit: catalogue.TimeWorkingDays, units: []string{"SNNMT"},
		fees: "Lệ phí cấp đổi theo Nghị quyết của HĐND tỉnh Lam Giang.", applicant: "Người sử dụng đất.", result: "Giấy chứng nhận mới.",
		components: []string{"Đơn đăng ký biến động đất đai theo mẫu", "Bản gốc Giấy chứng nhận đã cấp", "Mảnh trích đo địa chính (nếu có)"},
		steps:      []string{stepsOnline, stepsCheck, "Văn phòng đăng ký đất đai in và trình ký Giấy chứng nhận", stepsReturn},
		legal:      []string{"Luật Đất đai số 31/2024/QH15", "Nghị định số 101/2024/NĐ-CP"}},
	{code: "1.012795", name: "Tách thửa hoặc hợp thửa đất", field: "Đất đai", level: catalogue.LevelPartial, amount: 15, unit: catalogue.TimeWorkingDays, units: []string{"SNNMT"},
		fees: "Theo Nghị quyết của HĐND tỉnh Lam Giang.", applicant: "Người sử dụng đất.", result: "Giấy chứng nhận cho các thửa đất sau tách, hợp.",
		conditions: "Thửa đất sau tách phải bảo đảm diện tích tối thiểu theo quy định của UBND tỉnh.",
		components: []string{"Đơn đề nghị tách thửa đất, hợp thửa đất theo mẫu", "Bản gốc Giấy chứng nhận đã cấp", "Bản vẽ tách thửa, hợp thửa 02 bản"},
		steps:      []string{stepsOnline, stepsCheck, "Đo đạc, chỉnh lý bản đồ địa chính", "Cấp Giấy chứng nhận cho các thửa đất mới", stepsReturn},
		legal:      []string{"Luật Đất đai số 31/2024/QH15", "Nghị định số 101/2024/NĐ-CP"}},
	{code: "1.001776", name: "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng", field: "Bảo trợ xã hội", level: catalogue.LevelPartial, amount: 10, unit: catalogue.TimeWorkingDays,
		units: communes, fees: "Không.", applicant: "Người cao tuổi, người khuyết tật, trẻ em có hoàn cảnh đặc biệt và các đối tượng bảo trợ xã hội khác.",
		result:     "Quyết định trợ cấp xã hội hằng tháng.",
		components: []string{"Tờ khai đề nghị trợ giúp xã hội theo mẫu", "Giấy xác nhận khuyết tật (nếu có)"},
		steps:      []string{stepsOnline, "Công chức văn hóa – xã hội xem xét, niêm yết công khai", "Chủ tịch UBND cấp xã quyết định trợ cấp", stepsReturn},
		legal:      []string{"Nghị định số 20/2021/NĐ-CP quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội", nd118}},
	{code: "1.010827", name: "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam", field: "Việc làm", level: catalogue.LevelFull, amount: 5,
		unit: catalogue.TimeWorkingDays, units: []string{"SNV"}, fees: "600.000 đồng/giấy phép.", applicant: "Người sử dụng lao động nước ngoài.", result: "Giấy phép lao động.",
		components: []string{"Văn bản đề nghị cấp giấy phép lao động theo mẫu", "Giấy chứng nhận sức khỏe", "Phiếu lý lịch tư pháp", "02 ảnh màu 4 x 6 cm (02 bản)"},
		steps:      []string{stepsOnline, stepsCheck, "Sở Nội vụ cấp giấy phép lao động", stepsReturn},
		legal:      []string{"Bộ luật Lao động số 45/2019/QH14", "Nghị định số 152/2020/NĐ-CP, sửa đổi bởi Nghị định số 70/2023/NĐ-CP"}},
}

// loadCatalogue writes the demo units and procedures in the demo's
// transaction; every procedure is published.
func loadCatalogue(ctx context.Context, tx *store.Tx, siteID int64) error {
	ids := map[string]int64{}
	for i, du := range demoUnits {
		u := catalogue.Unit{SiteID: siteID, ParentID: ids[du.parent], Code: du.code, Name: du.name, Kind: du.kind, Address: du.address, Phone: du.phone, Position: i}
		if du.validTo != "" {
			t, err := time.Parse("2006-01-02", du.validTo)
			if err != nil {
				return err
			}
			u.ValidFrom, u.ValidTo = time.Date(2004, 1, 1, 0, 0, 0, 0, time.UTC), t
		}
		if err := tx.CreateUnit(ctx, &u); err != nil {
			return fmt.Errorf("đơn vị %s: %w", du.code, err)
		}
		ids[du.code] = u.ID
	}
	for _, dp := range demoProcs {
		p := catalogue.Procedure{SiteID: siteID, Code: dp.code, Slug: viet.Slug(dp.name), Name: dp.name, Field: dp.field, Level: dp.level,
			TimeAmount: dp.amount, TimeUnit: dp.unit, Fees: dp.fees, Applicant: dp.applicant, Result: dp.result, Conditions: dp.conditions,
			Steps: strings.Join(dp.steps, "\n"), LegalBasis: strings.Join(dp.legal, "\n"), Published: true,
			Components: catalogue.ParseComponents(strings.Join(dp.components, "\n"))}
		for _, code := range dp.units {
			p.Units = append(p.Units, catalogue.Unit{ID: ids[code]})
		}
		if err := tx.SaveProcedure(ctx, &p); err != nil {
			return fmt.Errorf("thủ tục %s: %w", dp.code, err)
		}
	}
	return nil
}
