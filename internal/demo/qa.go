package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/institution"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/qa"
	"github.com/congportal/cong/internal/store"
)

// The demo's questions, consultations and institutional pages. The people,
// telephone numbers and addresses are fictional, like the commune.

type demoQuestion struct {
	name, mode, email, phone, field, title, body, answer string
}

var demoQuestions = []demoQuestion{
	{"Nguyễn Văn Hùng", qa.ShowInitials, "hung.nv@example.vn", "", "dat-dai",
		"Hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu gồm những gì?",
		"Gia đình tôi sử dụng thửa đất ở thôn Hòa Bình từ năm 1998, chưa được cấp giấy chứng nhận. Xin hỏi hồ sơ cần chuẩn bị những giấy tờ gì và nộp ở đâu?",
		"<p>Hồ sơ gồm: đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu số 04/ĐK); một trong các giấy tờ về quyền sử dụng đất (nếu có); giấy tờ xác nhận việc sử dụng đất ổn định của UBND xã.</p><p>Ông nộp hồ sơ tại Bộ phận Một cửa UBND xã hoặc trực tuyến trên Cổng Dịch vụ công. Cán bộ địa chính sẽ hướng dẫn đo đạc, xác minh nguồn gốc sử dụng đất.</p>"},
	{"Trần Thị Mai", qa.ShowTitle, "", "0905123456", "tu-phap",
		"Đăng ký khai sinh cho con khi bố mẹ chưa đăng ký kết hôn",
		"Tôi và chồng chưa đăng ký kết hôn, nay sinh con. Tôi có được đăng ký khai sinh cho cháu và ghi tên bố không?",
		"<p>Bà được đăng ký khai sinh cho con tại UBND xã nơi cư trú. Trường hợp cha mẹ chưa đăng ký kết hôn, nếu người cha có yêu cầu nhận con thì UBND xã kết hợp giải quyết việc nhận cha con và đăng ký khai sinh; khi đó tên người cha được ghi vào Giấy khai sinh.</p><p>Khi đến làm thủ tục, người cha cần có mặt và mang theo giấy tờ tùy thân.</p>"},
	{"Lê Minh Tuấn", qa.ShowFull, "tuan.le@example.vn", "", "kinh-te",
		"Thủ tục đăng ký hộ kinh doanh quán cà phê",
		"Tôi muốn mở quán cà phê nhỏ tại nhà. Xin hỏi thủ tục đăng ký hộ kinh doanh thực hiện ở đâu, mất bao lâu?",
		"<p>Từ ngày 01/7/2025, hộ kinh doanh đăng ký tại UBND cấp xã. Hồ sơ gồm giấy đề nghị đăng ký hộ kinh doanh và bản sao giấy tờ pháp lý của chủ hộ. Thời hạn giải quyết là 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.</p><p>Ông có thể nộp trực tuyến để không phải đi lại.</p>"},
	{"Phạm Thị Hoa", qa.ShowInitials, "hoa.pt@example.vn", "", "lao-dong",
		"Mức hỗ trợ đối với người cao tuổi từ 75 tuổi",
		"Mẹ tôi năm nay 76 tuổi, không có lương hưu. Xin hỏi mẹ tôi có được hưởng trợ cấp xã hội hằng tháng không?",
		"<p>Người từ đủ 75 tuổi trở lên không có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng thuộc diện hưởng trợ cấp xã hội hằng tháng theo quy định. Gia đình lập tờ khai theo mẫu, nộp tại Bộ phận Một cửa UBND xã để được xem xét.</p>"},
	{"Đỗ Văn Nam", qa.ShowTitle, "", "0914222333", "giao-duc-y-te",
		"Tuyển sinh lớp 1 năm học mới",
		"Con tôi sinh năm 2020, năm nay vào lớp 1. Xin hỏi thời gian và hồ sơ tuyển sinh của trường tiểu học trên địa bàn xã?",
		"<p>Trường Tiểu học Tân Hòa Lĩnh tuyển sinh lớp 1 theo hình thức trực tuyến từ ngày 01/7 đến ngày 15/7 hằng năm. Hồ sơ gồm giấy khai sinh (bản sao) và thông tin cư trú; phụ huynh có thể nộp trực tiếp tại trường nếu không đăng ký trực tuyến được.</p>"},
	{"Vũ Thị Lan", qa.ShowInitials, "lan.vu@example.vn", "", "moi-truong",
		"Lịch thu gom rác thải sinh hoạt ở thôn Phú Lộc",
		"Thời gian gần đây xe thu gom rác không đến thôn Phú Lộc đúng lịch. Đề nghị xã kiểm tra và thông báo lịch thu gom.",
		"<p>UBND xã đã làm việc với đơn vị thu gom. Từ ngày 01/12, rác thải sinh hoạt tại thôn Phú Lộc được thu gom vào các ngày thứ Hai, thứ Tư, thứ Sáu, từ 16 giờ đến 18 giờ. Người dân phản ánh trực tiếp qua số điện thoại trực của xã nếu xe không đến.</p>"},
	{"Hoàng Văn Phúc", qa.ShowFull, "", "0935444555", "hanh-chinh",
		"Nộp hồ sơ trực tuyến có phải đến xã nhận kết quả không?",
		"Tôi nộp hồ sơ xin chứng thực trực tuyến. Xin hỏi tôi có phải đến UBND xã để nhận kết quả không?",
		"<p>Với thủ tục cung cấp dịch vụ công trực tuyến toàn trình, kết quả bản điện tử được trả qua tài khoản của ông trên Cổng Dịch vụ công; ông có thể chọn nhận bản giấy qua dịch vụ bưu chính công ích hoặc trực tiếp tại Bộ phận Một cửa.</p>"},
	{"Ngô Thị Thu", qa.ShowInitials, "thu.ngo@example.vn", "", "dat-dai",
		"Xin phép xây dựng nhà ở nông thôn",
		"Tôi chuẩn bị xây nhà 2 tầng trên đất ở tại thôn Hòa Bình. Xin hỏi có phải xin giấy phép xây dựng không?",
		"<p>Nhà ở riêng lẻ ở nông thôn không thuộc khu vực đã có quy hoạch chi tiết xây dựng được phê duyệt, không thuộc khu bảo tồn, di tích thì được miễn giấy phép xây dựng. Bà cần kiểm tra vị trí thửa đất tại UBND xã trước khi khởi công.</p>"},
	{"Bùi Quang Vinh", qa.ShowTitle, "vinh.bq@example.vn", "", "tu-phap",
		"Chứng thực bản sao từ bản chính có mất phí không?",
		"Xin hỏi lệ phí chứng thực bản sao tại UBND xã là bao nhiêu?",
		"<p>Phí chứng thực bản sao từ bản chính là 2.000 đồng/trang; từ trang thứ ba trở lên thu 1.000 đồng/trang, tối đa 200.000 đồng/bản. Chứng thực thực hiện ngay trong ngày nếu nộp trước 15 giờ.</p>"},
	{"Đinh Thị Yến", qa.ShowInitials, "", "0978666777", "lao-dong",
		"Đăng ký tham gia bảo hiểm y tế hộ gia đình",
		"Gia đình tôi 4 người chưa có thẻ bảo hiểm y tế. Xin hỏi đăng ký ở đâu và mức đóng thế nào?",
		"<p>Gia đình bà đăng ký tại đại lý thu bảo hiểm xã hội trên địa bàn xã hoặc qua ứng dụng VssID. Mức đóng người thứ nhất bằng 4,5% mức lương cơ sở; người thứ hai, thứ ba, thứ tư lần lượt bằng 70%, 60%, 50% mức đóng của người thứ nhất.</p>"},
	// Waiting for an answer.
	{"Lý Văn Sơn", qa.ShowInitials, "son.ly@example.vn", "", "hanh-chinh",
		"Thời gian làm việc của Bộ phận Một cửa vào thứ Bảy",
		"Bộ phận Một cửa của xã có làm việc vào sáng thứ Bảy không?", ""},
	{"Mai Thị Hạnh", qa.ShowTitle, "", "0983777888", "giao-duc-y-te",
		"Lịch tiêm chủng mở rộng tháng tới",
		"Xin hỏi lịch tiêm chủng mở rộng cho trẻ dưới 1 tuổi tại trạm y tế xã tháng tới là ngày nào?", ""},
}

var demoPages = []struct {
	kind, lang, slug, title, body string
	people                        []institution.Person
}{
	{"gioi-thieu", "vi", "gioi-thieu", "Giới thiệu xã Tân Hòa Lĩnh",
		`<p>Xã Tân Hòa Lĩnh (tỉnh Lam Giang) được thành lập ngày 01/7/2025 trên cơ sở sắp xếp các xã Tân Hòa, Hòa Lĩnh và Phú Lộc thuộc huyện Đông Giang cũ. Xã có diện tích tự nhiên 86,4 km², dân số khoảng 31.500 người, gồm 14 thôn.</p>
<p>Kinh tế của xã chủ yếu là nông nghiệp (lúa, rau màu, chăn nuôi), tiểu thủ công nghiệp và dịch vụ dọc quốc lộ. Xã đạt chuẩn nông thôn mới năm 2022.</p>`, nil},
	{"co-cau-to-chuc", "vi", "co-cau-to-chuc", "Cơ cấu tổ chức",
		`<p>Bộ máy chính quyền xã gồm Hội đồng nhân dân, Ủy ban nhân dân xã và các cơ quan chuyên môn: Văn phòng HĐND và UBND, Phòng Kinh tế, Phòng Văn hóa – Xã hội, Trung tâm Phục vụ hành chính công.</p>`, nil},
	{"co-cau-to-chuc", "en", "organisation", "Organisation",
		`<p>Tân Hòa Lĩnh Commune (Lam Giang Province) is governed by the People's Council and the People's Committee. The People's Committee works through the Office of the People's Council and People's Committee, the Economic Division, the Culture and Social Affairs Division and the Public Administration Service Centre.</p>`, nil},
	{"lanh-dao", "vi", "lanh-dao", "Lãnh đạo Ủy ban nhân dân xã", `<p>Thường trực Ủy ban nhân dân xã nhiệm kỳ 2021–2026.</p>`, []institution.Person{
		{Name: "Phan Văn Định", Position: "Chủ tịch UBND xã", Phone: "0232 3 868 101", Email: "dinhpv@tanhoalinh.lamgiang.gov.vn"},
		{Name: "Nguyễn Thị Thanh Hà", Position: "Phó Chủ tịch UBND xã (phụ trách văn hóa – xã hội)", Phone: "0232 3 868 102", Email: "hantt@tanhoalinh.lamgiang.gov.vn"},
		{Name: "Trương Công Lực", Position: "Phó Chủ tịch UBND xã (phụ trách kinh tế)", Phone: "0232 3 868 103", Email: "luctc@tanhoalinh.lamgiang.gov.vn"},
	}},
	{"lien-he", "vi", "lien-he", "Liên hệ",
		`<p>Ủy ban nhân dân xã Tân Hòa Lĩnh – Số 86 đường Lê Hữu Trác, thôn Hòa Bình. Giờ làm việc: sáng 7 giờ – 11 giờ 30, chiều 13 giờ 30 – 17 giờ, từ thứ Hai đến thứ Sáu.</p>`, []institution.Person{
			{Name: "Lê Thị Kim Oanh", Position: "Chánh Văn phòng HĐND và UBND", Phone: "0232 3 868 115", Email: "vanphong@tanhoalinh.lamgiang.gov.vn"},
			{Name: "Võ Đức Thắng", Position: "Giám đốc Trung tâm Phục vụ hành chính công", Phone: "0232 3 868 120", Email: "motcua@tanhoalinh.lamgiang.gov.vn"},
			{Name: "Huỳnh Thị Ngọc", Position: "Cán bộ quản trị Cổng thông tin điện tử", Phone: "0232 3 868 125", Email: "congttdt@tanhoalinh.lamgiang.gov.vn"},
		}},
	{"lien-he", "en", "contact", "Contact",
		`<p>People's Committee of Tân Hòa Lĩnh Commune – 86 Lê Hữu Trác Street, Hòa Bình Hamlet. Office hours: 7:00–11:30 and 13:30–17:00, Monday to Friday.</p>`, []institution.Person{
			{Name: "Lê Thị Kim Oanh", Position: "Chief of Office", Phone: "+84 232 3 868 115", Email: "vanphong@tanhoalinh.lamgiang.gov.vn"},
			{Name: "Võ Đức Thắng", Position: "Director, Public Administration Service Centre", Phone: "+84 232 3 868 120", Email: "motcua@tanhoalinh.lamgiang.gov.vn"},
		}},
	{"quy-hoach-ke-hoach", "vi", "quy-hoach-ke-hoach", "Quy hoạch – Kế hoạch",
		`<p>Kế hoạch phát triển kinh tế – xã hội năm 2026 của xã; quy hoạch chung xây dựng xã giai đoạn 2021–2030; kế hoạch sử dụng đất hằng năm. Toàn văn các văn bản được đăng tại mục <a href="/van-ban">Văn bản</a>.</p>`, nil},
	{"tai-chinh-ngan-sach", "vi", "tai-chinh-ngan-sach", "Tài chính – Ngân sách",
		`<p>Công khai dự toán ngân sách xã năm 2026 và quyết toán ngân sách năm 2024 theo quy định của Luật Ngân sách nhà nước. Tổng thu ngân sách trên địa bàn dự toán năm 2026: 18,6 tỷ đồng; tổng chi: 17,9 tỷ đồng.</p>`, nil},
	{"lien-ket", "vi", "lien-ket", "Liên kết",
		`<ul><li><a href="https://dichvucong.gov.vn">Cổng Dịch vụ công quốc gia</a></li><li><a href="https://dichvucong.lamgiang.gov.vn">Cổng Dịch vụ công tỉnh Lam Giang</a> (ví dụ)</li><li><a href="https://chinhphu.vn">Cổng Thông tin điện tử Chính phủ</a></li><li><a href="https://vanban.chinhphu.vn">Hệ thống văn bản của Chính phủ</a></li></ul>`, nil},
}

// loadQA adds the Q&A, consultations and institutional pages.
func loadQA(ctx context.Context, st *store.Store, siteID int64) error {
	for i, d := range demoQuestions {
		_, hash, err := auth.NewSecret()
		if err != nil {
			return err
		}
		q := qa.Question{SiteID: siteID, Name: d.name, DisplayMode: d.mode, Email: d.email, Phone: d.phone, Field: d.field, Title: d.title, Body: d.body}
		if err := st.CreateQuestion(ctx, &q, fmt.Sprintf("demo-%d-%d", siteID, i), hash); err != nil {
			return fmt.Errorf("câu hỏi %q: %w", d.title, err)
		}
		if d.answer == "" {
			continue
		}
		if err := st.AnswerQuestion(ctx, siteID, q.ID, 0, news.SanitizeHTML(d.answer)); err != nil {
			return err
		}
		if err := st.SetQuestionStatus(ctx, siteID, q.ID, qa.StatusPublished); err != nil {
			return err
		}
	}
	today := time.Now().In(hcm())
	day := func(d int) string { return today.AddDate(0, 0, d).Format(time.DateOnly) }
	for _, c := range []qa.Consultation{
		{Title: "Dự thảo Quy chế tiếp công dân của Ủy ban nhân dân xã Tân Hòa Lĩnh", OpensOn: day(-10), ClosesOn: day(20),
			Summary: "Dự thảo quy định lịch tiếp công dân định kỳ của Chủ tịch UBND xã, trách nhiệm của cán bộ tiếp công dân và việc tiếp nhận, xử lý đơn thư.\nMời người dân, tổ chức góp ý trước ngày kết thúc."},
		{Title: "Dự thảo Kế hoạch chuyển đổi số xã Tân Hòa Lĩnh năm 2026", OpensOn: day(-60), ClosesOn: day(-30),
			Summary:    "Dự thảo kế hoạch về hạ tầng số, dịch vụ công trực tuyến và kỹ năng số cho người dân.",
			ResultHTML: "<p>UBND xã đã nhận 27 ý kiến của người dân và 4 ý kiến của tổ chức; tiếp thu 22 ý kiến, trong đó bổ sung nội dung hỗ trợ người cao tuổi sử dụng dịch vụ công trực tuyến.</p>"},
	} {
		c.SiteID = siteID
		if err := st.SaveConsultation(ctx, &c, 0); err != nil {
			return err
		}
	}
	for _, p := range demoPages {
		pg := store.InstPage{SiteID: siteID, Kind: p.kind, Lang: p.lang, Slug: p.slug, Title: p.title, BodyHTML: news.SanitizeHTML(p.body), People: p.people}
		if err := st.SaveInstPage(ctx, &pg); err != nil {
			return fmt.Errorf("trang %s/%s: %w", p.kind, p.lang, err)
		}
	}
	return nil
}

func hcm() *time.Location {
	if loc, err := time.LoadLocation("Asia/Ho_Chi_Minh"); err == nil {
		return loc
	}
	return time.FixedZone("ICT", 7*3600)
}
