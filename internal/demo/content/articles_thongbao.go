package content

import "time"

// thongBao are the articles of category thong-bao.
var thongBao = []Article{
	{
		Title:       "Thông báo lịch tiếp công dân định kỳ của Chủ tịch UBND xã tháng 6/2026",
		Summary:     "Chủ tịch UBND xã Tân Hòa Lĩnh tiếp công dân định kỳ vào sáng thứ Năm hằng tuần trong tháng 6/2026 tại Phòng Tiếp công dân của xã.",
		Author:      "Ban Biên tập",
		Source:      "Văn phòng HĐND và UBND xã",
		Category:    "thong-bao",
		Tags:        []string{"tiếp công dân", "lịch công tác"},
		PublishedAt: at(time.May, 28, 9, 0),
		BodyHTML: `<p>Thực hiện Luật Tiếp công dân và Quy chế tiếp công dân của Ủy ban nhân dân xã, Văn phòng HĐND và UBND xã thông báo lịch tiếp công dân định kỳ của Chủ tịch UBND xã trong tháng 6/2026 như sau:</p>
<ul>
<li>Thời gian: buổi sáng, từ 7 giờ 30 đến 11 giờ 30 các ngày thứ Năm: 04/6, 11/6, 18/6 và 25/6/2026.</li>
<li>Địa điểm: Phòng Tiếp công dân, tầng 1 trụ sở UBND xã, số 86 đường Lê Hữu Trác, thôn Hòa Bình.</li>
<li>Người tiếp: ông Phan Văn Định, Chủ tịch UBND xã. Trường hợp Chủ tịch vắng mặt vì công việc đột xuất, Phó Chủ tịch UBND xã được phân công sẽ thay mặt tiếp công dân.</li>
</ul>
<p>Công dân đến khiếu nại, tố cáo, kiến nghị, phản ánh mang theo căn cước và các giấy tờ, tài liệu liên quan (nếu có). Trường hợp nhiều người cùng khiếu nại, tố cáo, kiến nghị về một nội dung thì cử người đại diện để trình bày. Ngoài lịch trên, Phòng Tiếp công dân của xã tiếp công dân thường xuyên trong giờ hành chính các ngày làm việc.</p>`,
	},
	{
		Title:       "Thông báo lịch tiếp dân của Bí thư Đảng ủy xã quý IV năm 2026",
		Summary:     "Bí thư Đảng ủy xã tiếp dân định kỳ vào các ngày 15/10, 12/11 và 10/12/2026 tại Phòng Tiếp công dân của xã.",
		Author:      "Ban Biên tập",
		Source:      "Văn phòng Đảng ủy xã",
		Category:    "thong-bao",
		Tags:        []string{"tiếp công dân", "Bí thư Đảng ủy", "lịch công tác"},
		PublishedAt: at(time.September, 28, 8, 30),
		BodyHTML: `<p>Thực hiện Quy định số 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị về trách nhiệm của người đứng đầu cấp ủy trong việc tiếp dân, đối thoại trực tiếp với dân và xử lý những phản ánh, kiến nghị của dân, Văn phòng Đảng ủy xã thông báo lịch tiếp dân định kỳ của đồng chí Trần Quốc Khánh, Bí thư Đảng ủy, Chủ tịch HĐND xã trong quý IV năm 2026 như sau:</p>
<ul>
<li>Thứ Năm, ngày 15/10/2026;</li>
<li>Thứ Năm, ngày 12/11/2026;</li>
<li>Thứ Năm, ngày 10/12/2026.</li>
</ul>
<p>Thời gian tiếp dân: buổi sáng, từ 8 giờ 00 đến 11 giờ 00. Địa điểm: Phòng Tiếp công dân, trụ sở UBND xã. Cùng tham gia tiếp dân có đại diện lãnh đạo UBND xã, Ủy ban Kiểm tra Đảng ủy, Ủy ban MTTQ Việt Nam xã và các phòng chuyên môn liên quan.</p>
<p>Người dân có nhu cầu phản ánh, kiến nghị có thể đăng ký trước qua Văn phòng Đảng ủy xã hoặc đến trực tiếp vào ngày tiếp dân.</p>`,
	},
	{
		Title:       "Thông báo tuyển dụng viên chức giáo viên mầm non, tiểu học năm 2026",
		Summary:     "UBND xã Tân Hòa Lĩnh thông báo tuyển dụng 9 chỉ tiêu viên chức giáo viên cho các trường mầm non, tiểu học trên địa bàn; thời gian nhận Phiếu đăng ký dự tuyển từ ngày 16/7 đến hết ngày 14/8/2026.",
		Author:      "Ban Biên tập",
		Source:      "Phòng Văn hóa – Xã hội xã",
		Category:    "thong-bao",
		Tags:        []string{"tuyển dụng", "viên chức", "giáo viên", "giáo dục"},
		PublishedAt: at(time.July, 15, 14, 0),
		BodyHTML: `<p>Căn cứ quy định hiện hành về tuyển dụng, sử dụng và quản lý viên chức và kế hoạch tuyển dụng viên chức năm 2026 đã được phê duyệt, Ủy ban nhân dân xã Tân Hòa Lĩnh thông báo tuyển dụng viên chức giáo viên làm việc tại các trường mầm non, tiểu học trên địa bàn xã như sau:</p>
<h2>1. Chỉ tiêu tuyển dụng: 9 người</h2>
<ul>
<li>Giáo viên mầm non hạng III: 5 chỉ tiêu (Trường Mầm non Tân Hòa 2, Trường Mầm non Hòa Lĩnh 1, Trường Mầm non Sơn Thủy 2).</li>
<li>Giáo viên tiểu học hạng III: 3 chỉ tiêu (Trường Tiểu học Sơn Thủy 1, Trường Tiểu học và Trung học cơ sở Khe Mây 2).</li>
<li>Giáo viên tiểu học hạng III dạy môn Tiếng Anh: 1 chỉ tiêu (Trường Tiểu học Tân Hòa).</li>
</ul>
<h2>2. Điều kiện đăng ký dự tuyển</h2>
<p>Người đăng ký dự tuyển phải là công dân Việt Nam, đủ 18 tuổi trở lên, có lý lịch rõ ràng, đủ sức khỏe để thực hiện nhiệm vụ; không thuộc các trường hợp không được đăng ký dự tuyển theo quy định. Về trình độ đào tạo: giáo viên mầm non phải có bằng cao đẳng sư phạm giáo dục mầm non trở lên; giáo viên tiểu học phải có bằng cử nhân ngành đào tạo giáo viên tiểu học, hoặc bằng cử nhân chuyên ngành phù hợp với môn dạy và có chứng chỉ bồi dưỡng nghiệp vụ sư phạm theo quy định.</p>
<h2>3. Hình thức và nội dung tuyển dụng</h2>
<p>Tuyển dụng bằng hình thức xét tuyển, gồm hai vòng. Vòng 1 kiểm tra điều kiện, tiêu chuẩn của người dự tuyển theo Phiếu đăng ký. Vòng 2 thực hành giảng dạy hoặc tổ chức hoạt động giáo dục trẻ với thời gian tối đa 30 phút, thang điểm 100.</p>
<h2>4. Hồ sơ, thời gian và địa điểm nhận</h2>
<p>Người dự tuyển nộp Phiếu đăng ký dự tuyển theo mẫu ban hành kèm theo quy định hiện hành; mỗi người chỉ được đăng ký vào một vị trí tại một trường. Thời gian nhận Phiếu từ ngày 16/7/2026 đến hết ngày 14/8/2026, trong giờ hành chính các ngày làm việc, tại Phòng Văn hóa – Xã hội, trụ sở UBND xã Tân Hòa Lĩnh, hoặc gửi qua dịch vụ bưu chính. Người dự tuyển không phải nộp phí dự tuyển tại thời điểm đăng ký; lệ phí được thu khi tổ chức xét tuyển theo quy định.</p>
<p>Danh sách người đủ điều kiện dự vòng 2, thời gian, địa điểm tổ chức sẽ được thông báo trên Cổng thông tin điện tử xã và niêm yết tại trụ sở UBND xã. Mọi thông tin chi tiết xin liên hệ Phòng Văn hóa – Xã hội xã, điện thoại 0232 3 868 127, trong giờ hành chính.</p>`,
	},
	{
		Title:       "Lấy ý kiến nhân dân về dự thảo Kế hoạch sử dụng đất năm 2027 của xã",
		Summary:     "UBND xã Tân Hòa Lĩnh công khai và lấy ý kiến cộng đồng dân cư về dự thảo Kế hoạch sử dụng đất năm 2027 từ ngày 05/8 đến hết ngày 04/9/2026.",
		Author:      "Ban Biên tập",
		Source:      "Phòng Kinh tế xã",
		Category:    "thong-bao",
		Tags:        []string{"đất đai", "kế hoạch sử dụng đất", "lấy ý kiến"},
		PublishedAt: at(time.August, 5, 10, 0),
		BodyHTML: `<p>Thực hiện quy định của pháp luật về đất đai, Ủy ban nhân dân xã Tân Hòa Lĩnh tổ chức lấy ý kiến cộng đồng dân cư về dự thảo Kế hoạch sử dụng đất năm 2027 của xã.</p>
<h2>Nội dung lấy ý kiến</h2>
<p>Dự thảo gồm chỉ tiêu sử dụng đất năm 2027 phân theo từng loại đất; danh mục công trình, dự án dự kiến thực hiện trong năm; diện tích đất cần thu hồi, chuyển mục đích sử dụng và diện tích đất dự kiến đưa ra đấu giá quyền sử dụng đất. Một số công trình, dự án đáng chú ý gồm:</p>
<ul>
<li>Mở rộng Trường Mầm non Sơn Thủy, diện tích tăng thêm 0,42 ha;</li>
<li>Khu tái định cư phục vụ dự án nâng cấp tuyến đường liên thôn Bàu Sen – Khe Mây, diện tích 1,15 ha;</li>
<li>Điểm tập kết, trung chuyển rác thải sinh hoạt tại thôn Rộc Tre, diện tích 0,18 ha;</li>
<li>Khu dân cư đấu giá quyền sử dụng đất tại thôn Hòa Bình, diện tích 2,30 ha;</li>
<li>Mở rộng nghĩa trang nhân dân Đồng Trũng, diện tích 0,85 ha.</li>
</ul>
<p>Tổng diện tích đất trồng lúa dự kiến chuyển mục đích sử dụng là 3,6 ha, chủ yếu là diện tích sản xuất kém hiệu quả nằm xen kẽ trong khu dân cư.</p>
<h2>Hình thức và thời gian lấy ý kiến</h2>
<p>Hồ sơ dự thảo được niêm yết công khai tại trụ sở UBND xã, hai điểm tiếp nhận hồ sơ Hòa Lĩnh, Sơn Thủy, nhà văn hóa các thôn và đăng tải trên Cổng thông tin điện tử xã. UBND xã sẽ tổ chức hội nghị lấy ý kiến trực tiếp tại các thôn có công trình, dự án. Thời gian lấy ý kiến từ ngày 05/8/2026 đến hết ngày 04/9/2026.</p>
<p>Ý kiến góp ý bằng văn bản xin gửi về Phòng Kinh tế xã hoặc qua thư điện tử của UBND xã. Ý kiến của nhân dân sẽ được tổng hợp, tiếp thu, giải trình và công khai trước khi hoàn thiện hồ sơ trình cấp có thẩm quyền phê duyệt.</p>`,
	},
	{
		Title:       "Tạm dừng hệ thống một cửa điện tử ngày 10 và 11/10/2026 để nâng cấp",
		Summary:     "Hệ thống một cửa điện tử của xã tạm dừng trong hai ngày nghỉ cuối tuần để nâng cấp; người dân vẫn nộp được hồ sơ trực tuyến qua Cổng Dịch vụ công quốc gia.",
		Author:      "Ban Biên tập",
		Source:      "Trung tâm Phục vụ hành chính công xã",
		Category:    "thong-bao",
		Tags:        []string{"một cửa điện tử", "dịch vụ công", "nâng cấp hệ thống"},
		PublishedAt: at(time.October, 9, 14, 15),
		BodyHTML: `<p>Để nâng cấp phần mềm và chuyển đổi cơ sở dữ liệu theo hướng dẫn của tỉnh, hệ thống một cửa điện tử của xã Tân Hòa Lĩnh tạm dừng hoạt động từ 7 giờ 00 thứ Bảy ngày 10/10/2026 đến 17 giờ 00 Chủ nhật ngày 11/10/2026.</p>
<p>Trong thời gian này, người dân, doanh nghiệp vẫn nộp hồ sơ trực tuyến bình thường trên Cổng Dịch vụ công quốc gia; hồ sơ sẽ được đồng bộ về hệ thống và tiếp nhận ngay khi hệ thống hoạt động trở lại. Thời hạn giải quyết được tính từ thời điểm tiếp nhận. Việc tiếp nhận hồ sơ trực tiếp tại Trung tâm Phục vụ hành chính công xã vào sáng thứ Bảy tạm nghỉ trong tuần này.</p>
<p>Mọi vướng mắc xin liên hệ Trung tâm Phục vụ hành chính công xã trong giờ hành chính. Trung tâm xin lỗi vì sự bất tiện này.</p>`,
	},
	{
		Title:       "Tiêm bổ sung vắc xin sởi – rubella cho trẻ em từ 1 đến 5 tuổi",
		Summary:     "Từ ngày 15 đến 19/6/2026, Trạm Y tế xã tổ chức tiêm bổ sung miễn phí vắc xin sởi – rubella cho trẻ từ 1 đến 5 tuổi chưa được tiêm đủ mũi theo lịch.",
		Author:      "Ban Biên tập",
		Source:      "Trạm Y tế xã",
		Category:    "thong-bao",
		Tags:        []string{"tiêm chủng", "sởi", "rubella", "y tế", "trẻ em"},
		PublishedAt: at(time.June, 10, 8, 40),
		BodyHTML: `<p>Thực hiện kế hoạch của ngành Y tế tỉnh về tiêm bổ sung vắc xin phòng bệnh sởi – rubella, Trạm Y tế xã Tân Hòa Lĩnh thông báo tổ chức tiêm bổ sung cho trẻ em trên địa bàn như sau:</p>
<ul>
<li>Đối tượng: trẻ từ đủ 1 tuổi đến dưới 6 tuổi chưa tiêm hoặc chưa tiêm đủ mũi vắc xin có thành phần sởi, rubella theo lịch của Chương trình Tiêm chủng mở rộng.</li>
<li>Thời gian: từ ngày 15/6 đến ngày 19/6/2026, buổi sáng từ 7 giờ 30 đến 10 giờ 30.</li>
<li>Địa điểm: Trạm Y tế xã; các điểm tiêm lưu động tại nhà văn hóa thôn Khe Mây (ngày 16/6) và thôn Sơn Thủy 2 (ngày 18/6).</li>
</ul>
<p>Vắc xin được cấp miễn phí. Phụ huynh đưa trẻ đi tiêm mang theo sổ hoặc phiếu tiêm chủng; báo cho nhân viên y tế nếu trẻ đang sốt, đang mắc bệnh hoặc từng có phản ứng sau tiêm. Sau khi tiêm, trẻ cần được theo dõi 30 phút tại điểm tiêm và tiếp tục theo dõi tại nhà trong 24 giờ. Nhân viên y tế thôn sẽ đến từng hộ có trẻ trong diện tiêm để thông báo cụ thể.</p>
<p>Sởi là bệnh truyền nhiễm lây qua đường hô hấp, có thể gây biến chứng nặng ở trẻ nhỏ; tiêm vắc xin đủ mũi là biện pháp phòng bệnh hiệu quả nhất. Trạm Y tế xã đề nghị các gia đình đưa trẻ đi tiêm đúng lịch.</p>`,
	},
	{
		Title:       "Chi trả trợ cấp xã hội hằng tháng qua tài khoản từ tháng 11/2026",
		Summary:     "Từ tháng 11/2026, trợ cấp xã hội hằng tháng được chuyển vào tài khoản của người hưởng; người chưa có tài khoản tiếp tục nhận tiền mặt tại các điểm chi trả.",
		Author:      "Ban Biên tập",
		Source:      "Phòng Văn hóa – Xã hội xã",
		Category:    "thong-bao",
		Tags:        []string{"an sinh xã hội", "trợ cấp", "thanh toán không dùng tiền mặt"},
		PublishedAt: at(time.November, 3, 9, 20),
		BodyHTML: `<p>Nhằm đẩy mạnh thanh toán không dùng tiền mặt trong chi trả an sinh xã hội, UBND xã Tân Hòa Lĩnh thông báo: từ tháng 11/2026, trợ cấp xã hội hằng tháng cho người cao tuổi, người khuyết tật và các đối tượng bảo trợ xã hội khác được chuyển khoản vào ngày 10 hằng tháng.</p>
<p>Người hưởng đã đăng ký tài khoản nhưng chưa nhận được tiền, hoặc muốn thay đổi số tài khoản, liên hệ Phòng Văn hóa – Xã hội xã. Người chưa có tài khoản, người cao tuổi không tự đi lại được vẫn nhận tiền mặt tại điểm chi trả ở nhà văn hóa thôn hoặc tại nhà theo lịch do trưởng thôn thông báo.</p>
<p>Đề nghị người hưởng không cung cấp mật khẩu, mã OTP cho bất kỳ ai, kể cả người tự xưng là cán bộ xã.</p>`,
	},
	{
		Title:       "Lịch nghỉ lễ Quốc khánh và bố trí trực tiếp nhận hồ sơ năm 2026",
		Summary:     "Cán bộ, công chức xã nghỉ lễ Quốc khánh từ ngày 01/9 đến hết ngày 02/9/2026; Trung tâm Phục vụ hành chính công xã bố trí trực để tiếp nhận hồ sơ khẩn.",
		Author:      "Ban Biên tập",
		Source:      "Văn phòng HĐND và UBND xã",
		Category:    "thong-bao",
		Tags:        []string{"nghỉ lễ", "Quốc khánh", "lịch trực"},
		PublishedAt: at(time.August, 27, 15, 30),
		BodyHTML: `<p>UBND xã Tân Hòa Lĩnh thông báo: cán bộ, công chức, người lao động các cơ quan, đơn vị thuộc xã nghỉ lễ Quốc khánh 02/9 năm 2026 từ thứ Ba ngày 01/9/2026 đến hết thứ Tư ngày 02/9/2026, đi làm trở lại vào thứ Năm ngày 03/9/2026.</p>
<p>Trong những ngày nghỉ, Trung tâm Phục vụ hành chính công xã bố trí công chức trực để tiếp nhận, giải quyết các việc khẩn như đăng ký khai tử, cấp bản sao trích lục hộ tịch. Hồ sơ trực tuyến gửi trong ngày nghỉ được tiếp nhận vào ngày làm việc tiếp theo. Công an xã, Ban Chỉ huy quân sự xã và Trạm Y tế xã trực 24/24 giờ.</p>
<p>Người dân cần hỗ trợ liên hệ số điện thoại trực của UBND xã 0232 3 868 115.</p>`,
	},
}
