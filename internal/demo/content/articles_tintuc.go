package content

import "time"

// tinTuc are the articles of category tin-tuc.
var tinTuc = []Article{
	{
		Title:       "UBND xã sơ kết 6 tháng đầu năm 2026: nhiều chỉ tiêu kinh tế – xã hội đạt khá",
		Summary:     "Chiều 03/7, UBND xã Tân Hòa Lĩnh tổ chức hội nghị sơ kết tình hình kinh tế – xã hội, quốc phòng – an ninh 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm 2026. Tổng giá trị sản xuất ước đạt 52,6% kế hoạch năm; thu ngân sách trên địa bàn đạt 61,4% dự toán.",
		Author:      "Hoàng Minh Đức",
		Source:      "Văn phòng HĐND và UBND xã",
		Category:    "tin-tuc",
		Tags:        []string{"sơ kết", "kinh tế – xã hội", "UBND xã", "6 tháng đầu năm"},
		PublishedAt: at(time.July, 3, 17, 45),
		Featured:    true,
		BodyHTML: `<p>Chiều 03/7/2026, Ủy ban nhân dân xã Tân Hòa Lĩnh tổ chức hội nghị sơ kết tình hình thực hiện nhiệm vụ phát triển kinh tế – xã hội, bảo đảm quốc phòng – an ninh 6 tháng đầu năm và triển khai nhiệm vụ trọng tâm 6 tháng cuối năm 2026. Ông Phan Văn Định, Phó Bí thư Đảng ủy, Chủ tịch UBND xã chủ trì hội nghị. Dự hội nghị có đồng chí Trần Quốc Khánh, Bí thư Đảng ủy, Chủ tịch HĐND xã; lãnh đạo Ủy ban Mặt trận Tổ quốc Việt Nam xã, các đoàn thể chính trị – xã hội, trưởng các phòng, ban, đơn vị trực thuộc và bí thư chi bộ, trưởng thôn của 24 thôn trên địa bàn.</p>
<h2>Kinh tế tăng trưởng ổn định</h2>
<p>Báo cáo do Phòng Kinh tế xã trình bày cho biết, trong bối cảnh mô hình chính quyền địa phương hai cấp mới đi vào vận hành được một năm, xã đã tập trung chỉ đạo quyết liệt, bám sát Nghị quyết Đại hội đại biểu Đảng bộ xã lần thứ I, nhiệm kỳ 2025–2030 và Nghị quyết của HĐND xã về kế hoạch phát triển kinh tế – xã hội năm 2026. Tổng giá trị sản xuất trên địa bàn ước đạt 1.248 tỷ đồng, bằng 52,6% kế hoạch năm, tăng 8,7% so với cùng kỳ.</p>
<p>Sản xuất nông nghiệp được mùa. Vụ đông xuân 2025–2026, toàn xã gieo cấy 1.420 ha lúa, năng suất bình quân đạt 62,8 tạ/ha, cao hơn cùng kỳ 1,9 tạ/ha; diện tích lúa chất lượng cao chiếm 68%. Đàn gia súc, gia cầm phát triển ổn định, không để xảy ra dịch bệnh lớn. Trồng rừng tập trung đạt 412 ha, vượt 3% kế hoạch; trên địa bàn không xảy ra cháy rừng. Lĩnh vực tiểu thủ công nghiệp, thương mại, dịch vụ tiếp tục phục hồi; toàn xã có thêm 11 doanh nghiệp và 46 hộ kinh doanh đăng ký mới.</p>
<p>Thu ngân sách nhà nước trên địa bàn ước đạt 18,3 tỷ đồng, bằng 61,4% dự toán HĐND xã giao; chi ngân sách bảo đảm đúng dự toán, ưu tiên cho an sinh xã hội và các công trình chuyển tiếp. Giải ngân vốn đầu tư công đạt 47,2% kế hoạch vốn, cao hơn mức bình quân chung của tỉnh.</p>
<table>
<thead><tr><th>Chỉ tiêu</th><th>Kế hoạch năm 2026</th><th>Ước thực hiện 6 tháng</th><th>Tỷ lệ (%)</th></tr></thead>
<tbody>
<tr><td>Tổng giá trị sản xuất (tỷ đồng)</td><td>2.372</td><td>1.248</td><td>52,6</td></tr>
<tr><td>Thu ngân sách trên địa bàn (tỷ đồng)</td><td>29,8</td><td>18,3</td><td>61,4</td></tr>
<tr><td>Trồng rừng tập trung (ha)</td><td>400</td><td>412</td><td>103,0</td></tr>
<tr><td>Giải ngân vốn đầu tư công (tỷ đồng)</td><td>64,4</td><td>30,4</td><td>47,2</td></tr>
<tr><td>Tỷ lệ hồ sơ TTHC nộp trực tuyến (%)</td><td>75,0</td><td>76,3</td><td>101,7</td></tr>
</tbody>
</table>
<h2>Văn hóa – xã hội có nhiều chuyển biến</h2>
<p>Các trường học trên địa bàn hoàn thành chương trình năm học 2025–2026; tỷ lệ học sinh hoàn thành chương trình tiểu học đạt 100%, tốt nghiệp trung học cơ sở đạt 99,6%. Trạm Y tế xã khám, điều trị cho hơn 7.900 lượt người; tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 96,5%. Tỷ lệ người dân tham gia bảo hiểm y tế đạt 93,1%. Xã chi trả đầy đủ, kịp thời chế độ cho người có công và đối tượng bảo trợ xã hội; hỗ trợ xây mới, sửa chữa 14 nhà ở cho hộ nghèo, hộ có hoàn cảnh khó khăn từ nguồn vận động xã hội hóa.</p>
<h2>Cải cách hành chính, chuyển đổi số là điểm sáng</h2>
<p>Trung tâm Phục vụ hành chính công xã đã tiếp nhận 9.846 hồ sơ thủ tục hành chính, trong đó 7.512 hồ sơ nộp trực tuyến, chiếm 76,3%; tỷ lệ hồ sơ giải quyết đúng và trước hạn đạt 99,2%. Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính đạt 94,8%. Các tổ công nghệ số cộng đồng ở 24 thôn đã hướng dẫn hơn 3.200 lượt người dân cài đặt, sử dụng ứng dụng VNeID và thực hiện dịch vụ công trực tuyến.</p>
<p>Quốc phòng – an ninh được giữ vững. Xã hoàn thành 100% chỉ tiêu giao quân năm 2026 với 38 thanh niên lên đường nhập ngũ. Tình hình an ninh chính trị, trật tự an toàn xã hội ổn định; tai nạn giao thông giảm cả ba tiêu chí so với cùng kỳ.</p>
<h2>Những hạn chế cần khắc phục</h2>
<p>Bên cạnh kết quả đạt được, hội nghị thẳng thắn chỉ ra một số hạn chế: tiến độ giải phóng mặt bằng một số công trình còn chậm; việc sắp xếp, xử lý trụ sở dôi dư sau hợp nhất chưa hoàn thành; một bộ phận người dân, nhất là người cao tuổi, còn gặp khó khăn khi thực hiện thủ tục trên môi trường điện tử; một số tiêu chí nông thôn mới nâng cao đạt được nhưng chưa thật sự bền vững.</p>
<h2>Nhiệm vụ trọng tâm 6 tháng cuối năm</h2>
<p>Phát biểu kết luận hội nghị, Chủ tịch UBND xã Phan Văn Định đề nghị các phòng, ban, đơn vị và các thôn tập trung thực hiện tốt một số nhiệm vụ:</p>
<ul>
<li>Chỉ đạo sản xuất vụ hè thu và vụ đông bảo đảm khung lịch thời vụ; chủ động phòng, chống dịch bệnh trên cây trồng, vật nuôi.</li>
<li>Đẩy nhanh tiến độ giải ngân vốn đầu tư công, phấn đấu đến ngày 31/12/2026 giải ngân trên 95% kế hoạch vốn.</li>
<li>Tiếp tục đẩy mạnh cải cách hành chính, nâng tỷ lệ hồ sơ trực tuyến toàn trình; không để phát sinh hồ sơ quá hạn.</li>
<li>Chủ động xây dựng, diễn tập phương án phòng, chống thiên tai theo phương châm “bốn tại chỗ” trước mùa mưa bão.</li>
<li>Chuẩn bị tốt các điều kiện cho năm học mới 2026–2027; chăm lo đời sống người có công, hộ nghèo, đối tượng bảo trợ xã hội.</li>
<li>Giữ vững an ninh chính trị, trật tự an toàn xã hội; làm tốt công tác tuyển chọn, gọi công dân nhập ngũ năm 2027.</li>
</ul>
<blockquote>“Sáu tháng cuối năm khối lượng công việc rất lớn, thời gian còn lại không nhiều. Mỗi cán bộ, công chức phải xác định rõ việc, rõ người, rõ thời hạn, rõ kết quả; việc gì đã nhận thì phải làm đến nơi đến chốn”, Chủ tịch UBND xã nhấn mạnh.</blockquote>
<p>Dịp này, UBND xã đã tặng Giấy khen cho 6 tập thể và 12 cá nhân có thành tích xuất sắc trong thực hiện nhiệm vụ 6 tháng đầu năm 2026.</p>`,
	},
	{
		Title:       "HĐND xã Tân Hòa Lĩnh tổ chức kỳ họp thường lệ giữa năm 2026",
		Summary:     "Sau hai ngày làm việc khẩn trương, nghiêm túc, kỳ họp thường lệ giữa năm 2026 của HĐND xã đã hoàn thành toàn bộ chương trình đề ra và thông qua 12 nghị quyết.",
		Author:      "Nguyễn Thị Lan",
		Source:      "Văn phòng HĐND và UBND xã",
		Category:    "tin-tuc",
		Tags:        []string{"HĐND xã", "kỳ họp", "nghị quyết", "chất vấn"},
		PublishedAt: at(time.July, 10, 17, 5),
		BodyHTML: `<p>Trong hai ngày 09 và 10/7/2026, Hội đồng nhân dân xã Tân Hòa Lĩnh tổ chức kỳ họp thường lệ giữa năm 2026. Đồng chí Trần Quốc Khánh, Bí thư Đảng ủy, Chủ tịch HĐND xã và các đồng chí Phó Chủ tịch HĐND xã điều hành kỳ họp. Tham dự có 29/31 đại biểu HĐND xã; đại diện Thường trực Ủy ban MTTQ Việt Nam xã, lãnh đạo các đoàn thể và cử tri tiêu biểu của các thôn.</p>
<p>Tại kỳ họp, các đại biểu đã nghe và thảo luận các báo cáo của Thường trực HĐND, UBND xã về tình hình kinh tế – xã hội, quốc phòng – an ninh 6 tháng đầu năm; báo cáo thẩm tra của các Ban HĐND xã; báo cáo tổng hợp ý kiến, kiến nghị của cử tri trước kỳ họp do Ủy ban MTTQ Việt Nam xã trình bày và báo cáo kết quả giải quyết kiến nghị cử tri gửi đến kỳ họp trước.</p>
<h2>Nhiều ý kiến tâm huyết tại phiên thảo luận</h2>
<p>Tại phiên thảo luận tổ và thảo luận tại hội trường, các đại biểu tập trung phân tích nguyên nhân của những hạn chế và đề xuất giải pháp cho các vấn đề cử tri quan tâm như: tiến độ nâng cấp tuyến đường liên thôn Bàu Sen – Khe Mây; tình trạng ngập úng cục bộ ở khu vực chợ Tân Hòa mỗi khi mưa lớn; phương án sử dụng các trụ sở không còn sử dụng sau hợp nhất; việc thu gom, xử lý rác thải sinh hoạt ở các thôn xa trung tâm.</p>
<p>Đại biểu Lê Thị Hồng (thôn Tân Phú) đề nghị UBND xã sớm có phương án sử dụng trụ sở UBND xã Hòa Lĩnh cũ làm nhà văn hóa kết hợp điểm sinh hoạt cộng đồng, tránh để xuống cấp, gây lãng phí. Đại biểu Hồ Văn Thắng (thôn Khe Mây) phản ánh một số hộ đồng bào ở vùng xa còn khó khăn khi thực hiện thủ tục trực tuyến và đề nghị tăng cường hướng dẫn tại chỗ, kết hợp với các buổi sinh hoạt thôn.</p>
<h2>Phiên chất vấn và trả lời chất vấn</h2>
<p>Tại phiên chất vấn, Phó Chủ tịch UBND xã Nguyễn Hữu Tâm và Trưởng Phòng Kinh tế xã đã trả lời các câu hỏi liên quan đến quản lý đất đai, trật tự xây dựng và tiến độ các công trình đầu tư công. Lãnh đạo UBND xã tiếp thu, nhận trách nhiệm đối với những việc còn chậm và cam kết thời hạn hoàn thành cụ thể đối với từng nội dung; Thường trực HĐND xã sẽ theo dõi việc thực hiện các cam kết này tại kỳ họp cuối năm.</p>
<h2>Thông qua 12 nghị quyết</h2>
<p>Kỳ họp đã biểu quyết thông qua 12 nghị quyết, trong đó có các nghị quyết về: phê chuẩn quyết toán ngân sách xã năm 2025; điều chỉnh kế hoạch đầu tư công năm 2026; chủ trương đầu tư một số công trình giao thông, thủy lợi nội đồng; thành lập đoàn giám sát chuyên đề về công tác quản lý đất công; chương trình giám sát của HĐND xã năm 2027.</p>
<p>Phát biểu bế mạc kỳ họp, Chủ tịch HĐND xã đề nghị UBND xã và các cơ quan, đơn vị khẩn trương triển khai các nghị quyết vừa được thông qua; các đại biểu HĐND xã thông tin kịp thời kết quả kỳ họp đến cử tri, đồng thời tiếp tục theo dõi, giám sát việc giải quyết các kiến nghị mà cử tri đã gửi đến kỳ họp.</p>`,
	},
	{
		Title:       "Đoàn công tác của tỉnh kiểm tra hoạt động của chính quyền địa phương hai cấp tại xã",
		Summary:     "Ngày 18/6, Đoàn công tác của UBND tỉnh Lam Giang kiểm tra tình hình tổ chức bộ máy, thực hiện nhiệm vụ được phân cấp và hoạt động của Trung tâm Phục vụ hành chính công xã Tân Hòa Lĩnh.",
		Author:      "Trần Thu Trang",
		Source:      "Văn phòng HĐND và UBND xã",
		Category:    "tin-tuc",
		Tags:        []string{"chính quyền địa phương hai cấp", "kiểm tra", "Sở Nội vụ"},
		PublishedAt: at(time.June, 18, 16, 20),
		BodyHTML: `<p>Ngày 18/6/2026, Đoàn công tác của Ủy ban nhân dân tỉnh Lam Giang do Phó Giám đốc Sở Nội vụ làm trưởng đoàn đã đến kiểm tra tình hình tổ chức, hoạt động của chính quyền địa phương hai cấp tại xã Tân Hòa Lĩnh. Tiếp và làm việc với đoàn có ông Phan Văn Định, Chủ tịch Ủy ban nhân dân xã cùng lãnh đạo các phòng chuyên môn và Trung tâm Phục vụ hành chính công xã.</p>
<p>Báo cáo với đoàn, lãnh đạo xã cho biết sau gần một năm đi vào hoạt động, bộ máy của xã cơ bản ổn định, vận hành thông suốt. Ủy ban nhân dân xã hiện có Văn phòng HĐND và UBND, Phòng Kinh tế, Phòng Văn hóa – Xã hội và Trung tâm Phục vụ hành chính công với tổng số 52 cán bộ, công chức. Các nhiệm vụ được phân cấp, phân quyền từ cấp huyện trước đây như cấp giấy phép xây dựng nhà ở riêng lẻ, đăng ký hộ kinh doanh, thẩm định hồ sơ đất đai, quản lý giáo dục mầm non, tiểu học, trung học cơ sở đều được tiếp nhận và tổ chức thực hiện, không để gián đoạn.</p>
<p>Trụ sở làm việc chính được bố trí tại trung tâm xã; hai điểm tiếp nhận hồ sơ tại trụ sở xã Hòa Lĩnh và xã Sơn Thủy cũ vẫn duy trì hoạt động để phục vụ người dân ở xa. Trang thiết bị, đường truyền cơ bản đáp ứng yêu cầu; hệ thống một cửa điện tử được kết nối với Cổng Dịch vụ công quốc gia và cơ sở dữ liệu quốc gia về dân cư.</p>
<h2>Những khó khăn được kiến nghị</h2>
<p>Bên cạnh kết quả đạt được, xã cũng nêu một số khó khăn: thiếu công chức có chuyên môn sâu về địa chính, xây dựng và công nghệ thông tin; khối lượng hồ sơ đất đai tăng mạnh so với trước; một số trụ sở cũ chưa có phương án xử lý. Xã kiến nghị tỉnh tiếp tục tổ chức các lớp bồi dưỡng chuyên sâu cho công chức cấp xã, sớm hướng dẫn việc sắp xếp, xử lý tài sản công dôi dư và hỗ trợ kinh phí nâng cấp thiết bị cho Trung tâm Phục vụ hành chính công.</p>
<p>Đoàn công tác đã kiểm tra thực tế việc tiếp nhận, giải quyết hồ sơ tại Trung tâm, trao đổi trực tiếp với một số người dân đến làm thủ tục và kiểm tra ngẫu nhiên hồ sơ trên hệ thống.</p>
<p>Kết luận buổi làm việc, trưởng đoàn ghi nhận sự chủ động của xã trong sắp xếp bộ máy, bố trí cán bộ và duy trì hoạt động phục vụ người dân. Đoàn đề nghị xã tiếp tục rà soát, hoàn thiện quy chế làm việc, phân công nhiệm vụ rõ ràng cho từng công chức; tăng cường tự học, tự bồi dưỡng; quan tâm hướng dẫn người dân ở vùng sâu, vùng xa sử dụng dịch vụ công trực tuyến. Các kiến nghị của xã sẽ được đoàn tổng hợp, báo cáo UBND tỉnh xem xét, giải quyết.</p>`,
	},
	{
		Title:       "Trang trọng lễ kỷ niệm 81 năm Cách mạng Tháng Tám và Quốc khánh 2/9",
		Summary:     "Sáng 31/8, Đảng ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam xã Tân Hòa Lĩnh tổ chức lễ kỷ niệm 81 năm Cách mạng Tháng Tám thành công và Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam.",
		Author:      "Lê Văn Sơn",
		Source:      "Văn phòng HĐND và UBND xã",
		Category:    "tin-tuc",
		Tags:        []string{"Quốc khánh", "Cách mạng Tháng Tám", "kỷ niệm"},
		PublishedAt: at(time.August, 31, 11, 30),
		BodyHTML: `<p>Sáng 31/8/2026, tại Hội trường trung tâm xã, Đảng ủy, Hội đồng nhân dân, Ủy ban nhân dân, Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Hòa Lĩnh trang trọng tổ chức lễ kỷ niệm 81 năm Cách mạng Tháng Tám thành công (19/8/1945 – 19/8/2026) và Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam (02/9/1945 – 02/9/2026).</p>
<p>Dự buổi lễ có các đồng chí lãnh đạo Đảng ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam xã; các đồng chí nguyên lãnh đạo xã qua các thời kỳ; đại diện Mẹ Việt Nam anh hùng, thương binh, gia đình liệt sĩ, người có công với cách mạng; cùng đông đảo cán bộ, đảng viên và nhân dân.</p>
<p>Đọc diễn văn kỷ niệm, đồng chí Trần Quốc Khánh, Bí thư Đảng ủy xã ôn lại ý nghĩa lịch sử to lớn của Cách mạng Tháng Tám và sự ra đời của nước Việt Nam Dân chủ Cộng hòa. Trên quê hương Tân Hòa Lĩnh, trong những ngày tháng Tám năm 1945, nhân dân các làng đã cùng cả nước vùng lên giành chính quyền; trong các cuộc kháng chiến sau đó, địa phương có hàng trăm người con ưu tú đã hy sinh vì độc lập, tự do của Tổ quốc.</p>
<p>Diễn văn nhấn mạnh, phát huy truyền thống quê hương, sau một năm thực hiện mô hình chính quyền địa phương hai cấp, Đảng bộ và nhân dân xã đã đoàn kết, vượt qua khó khăn, đạt nhiều kết quả quan trọng trên các lĩnh vực. Đời sống vật chất và tinh thần của nhân dân tiếp tục được cải thiện; quốc phòng – an ninh được giữ vững.</p>
<p>Nhân dịp này, Bí thư Đảng ủy xã kêu gọi cán bộ, đảng viên và nhân dân tiếp tục phát huy tinh thần đoàn kết, thi đua lao động sản xuất, thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2025–2030, xây dựng quê hương Tân Hòa Lĩnh ngày càng giàu đẹp, văn minh.</p>
<p>Trước buổi lễ, đoàn lãnh đạo xã đã dâng hương, dâng hoa tại Đài tưởng niệm các anh hùng liệt sĩ của xã.</p>`,
	},
	{
		Title:       "Ngày hội Đại đoàn kết toàn dân tộc ở thôn Gò Đình",
		Summary:     "Ngày 15/11, lãnh đạo xã cùng nhân dân thôn Gò Đình vui Ngày hội Đại đoàn kết toàn dân tộc, kỷ niệm 96 năm Ngày thành lập Mặt trận Dân tộc Thống nhất Việt Nam – Ngày truyền thống Mặt trận Tổ quốc Việt Nam.",
		Author:      "Phạm Ngọc Ánh",
		Source:      "Ủy ban MTTQ Việt Nam xã",
		Category:    "tin-tuc",
		Tags:        []string{"Mặt trận Tổ quốc", "đại đoàn kết", "khu dân cư", "Gò Đình"},
		PublishedAt: at(time.November, 16, 9, 10),
		BodyHTML: `<p>Ngày 15/11/2026, thôn Gò Đình, xã Tân Hòa Lĩnh tổ chức Ngày hội Đại đoàn kết toàn dân tộc, kỷ niệm 96 năm Ngày thành lập Mặt trận Dân tộc Thống nhất Việt Nam – Ngày truyền thống Mặt trận Tổ quốc Việt Nam (18/11/1930 – 18/11/2026). Đến dự và chung vui với nhân dân có đồng chí Phan Văn Định, Phó Bí thư Đảng ủy, Chủ tịch UBND xã và bà Đỗ Thị Mai, Chủ tịch Ủy ban MTTQ Việt Nam xã.</p>
<p>Báo cáo tại ngày hội, Trưởng Ban công tác Mặt trận thôn Gò Đình cho biết, năm 2026 thôn có 312 hộ với 1.184 nhân khẩu. Phong trào “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” được nhân dân hưởng ứng tích cực. Trong năm, bà con đã tự nguyện hiến hơn 1.600 m² đất, đóng góp trên 420 ngày công và 285 triệu đồng để làm mới 1,2 km đường bê tông nội thôn, lắp đặt 46 bóng đèn chiếu sáng; tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa” đạt 93%. Thôn không có hộ nghèo phát sinh mới, không có người vi phạm pháp luật nghiêm trọng.</p>
<p>Phát biểu tại ngày hội, Chủ tịch UBND xã biểu dương tinh thần đoàn kết, chung sức của nhân dân Gò Đình, nhất là trong việc hiến đất mở rộng đường và giữ gìn vệ sinh môi trường. Ông đề nghị Ban công tác Mặt trận và các chi hội tiếp tục phát huy vai trò giám sát, phản biện xã hội, lắng nghe ý kiến của nhân dân, kịp thời phản ánh với chính quyền những vấn đề mới phát sinh ở khu dân cư.</p>
<p>Dịp này, Ủy ban MTTQ Việt Nam xã trao 10 suất quà cho các hộ có hoàn cảnh khó khăn và khen thưởng 8 hộ gia đình tiêu biểu trong phong trào hiến đất làm đường. Ngày hội còn có phần thi nấu ăn, văn nghệ, kéo co và bữa cơm đoàn kết do chính các hộ trong thôn chuẩn bị. Ngày hội Đại đoàn kết năm nay được tổ chức đồng loạt tại 24 thôn trong khoảng thời gian từ ngày 10 đến 18/11, với nội dung thiết thực, tiết kiệm, tránh phô trương, hình thức.</p>`,
	},
	{
		Title:       "Chủ tịch UBND xã đối thoại với đoàn viên, thanh niên về khởi nghiệp và việc làm",
		Summary:     "Hơn 120 đoàn viên, thanh niên đã trao đổi trực tiếp với lãnh đạo xã về vốn vay, đất sản xuất, đào tạo nghề và cơ hội khởi nghiệp từ nông sản địa phương.",
		Author:      "Võ Thị Hạnh",
		Source:      "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã",
		Category:    "tin-tuc",
		Tags:        []string{"thanh niên", "đối thoại", "khởi nghiệp", "việc làm"},
		PublishedAt: at(time.August, 14, 16, 30),
		BodyHTML: `<p>Chiều 14/8/2026, Ban Chấp hành Đoàn xã phối hợp với UBND xã tổ chức chương trình đối thoại giữa Chủ tịch UBND xã với đoàn viên, thanh niên năm 2026 với chủ đề “Thanh niên Tân Hòa Lĩnh khởi nghiệp từ quê hương”. Hơn 120 đoàn viên, thanh niên đại diện các chi đoàn thôn, trường học, thanh niên công nhân và thanh niên đã hoàn thành nghĩa vụ quân sự tham dự.</p>
<p>Tại buổi đối thoại, các bạn trẻ đã nêu nhiều câu hỏi thiết thực. Anh Trần Văn Lộc (thôn Tây Lĩnh) đang nuôi 80 đàn ong muốn được hướng dẫn thủ tục vay vốn mở rộng sản xuất và xây dựng thương hiệu. Chị Nguyễn Thị Hoa (thôn Bàu Sen) hỏi về khả năng thuê đất công ích để trồng nghệ theo hướng hữu cơ. Một số đoàn viên là bộ đội xuất ngũ quan tâm đến chính sách hỗ trợ học nghề, giới thiệu việc làm và chương trình đưa người lao động đi làm việc ở nước ngoài theo hợp đồng.</p>
<p>Trả lời các ý kiến, Chủ tịch UBND xã Phan Văn Định cho biết thanh niên có dự án sản xuất khả thi có thể vay vốn từ Quỹ quốc gia về việc làm thông qua Ngân hàng Chính sách xã hội; Đoàn xã là đầu mối hướng dẫn lập phương án và hồ sơ vay. Đối với đất công ích, UBND xã đang rà soát quỹ đất và sẽ công khai danh mục các thửa đất cho thuê để người dân, trong đó có thanh niên, đăng ký theo đúng quy định. Xã cũng sẽ phối hợp với các cơ sở giáo dục nghề nghiệp của tỉnh mở lớp sơ cấp nghề về chăn nuôi, kỹ thuật điện, sửa chữa máy nông nghiệp ngay tại xã.</p>
<p>Về xây dựng thương hiệu, lãnh đạo xã khuyến khích các tổ hợp tác của thanh niên tham gia Chương trình mỗi xã một sản phẩm (OCOP), đồng thời sẽ hỗ trợ đưa sản phẩm lên các sàn thương mại điện tử và trang thông tin của xã.</p>
<blockquote>“Chính quyền luôn sẵn sàng đồng hành với thanh niên. Các bạn cứ mạnh dạn đề xuất, việc gì thuộc thẩm quyền xã sẽ giải quyết ngay, việc gì vượt thẩm quyền thì xã sẽ kiến nghị cấp trên”, Chủ tịch UBND xã khẳng định.</blockquote>
<p>Các ý kiến, kiến nghị tại buổi đối thoại đã được Ban Thường vụ Đoàn xã tổng hợp, gửi các phòng chuyên môn theo dõi và thông báo kết quả giải quyết đến đoàn viên, thanh niên.</p>`,
	},
}
