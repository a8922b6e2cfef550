package content

import "time"

// caiCachHanhChinh are the articles of category cai-cach-hanh-chinh.
var caiCachHanhChinh = []Article{
	{
		Title:       "Tiếp nhận 68 thủ tục hành chính không phụ thuộc địa giới hành chính trong tỉnh",
		Summary:     "Từ ngày 01/6/2026, người dân có thể nộp hồ sơ của 68 TTHC thuộc thẩm quyền cấp xã tại bất kỳ Trung tâm Phục vụ hành chính công cấp xã nào trong tỉnh Lam Giang, không phụ thuộc nơi cư trú.",
		Author:      "Đinh Quang Huy",
		Source:      "Trung tâm Phục vụ hành chính công xã",
		Category:    "cai-cach-hanh-chinh",
		Tags:        []string{"TTHC", "địa giới hành chính", "một cửa", "CCHC"},
		PublishedAt: at(time.May, 21, 15, 0),
		BodyHTML: `<p>UBND tỉnh Lam Giang vừa ban hành quyết định công bố danh mục thủ tục hành chính (TTHC) tiếp nhận hồ sơ không phụ thuộc vào địa giới hành chính trong phạm vi tỉnh. Theo đó, kể từ ngày 01/6/2026, 68 TTHC thuộc thẩm quyền giải quyết của UBND cấp xã được tiếp nhận tại bất kỳ Trung tâm Phục vụ hành chính công cấp xã nào trong tỉnh, không phụ thuộc nơi cư trú của người dân hay nơi có đất, tài sản.</p>
<p>Các TTHC trong danh mục tập trung ở những lĩnh vực phát sinh nhiều hồ sơ như hộ tịch, chứng thực, bảo trợ xã hội, người có công, đăng ký hộ kinh doanh, nuôi con nuôi và một số thủ tục về đất đai. Ví dụ, một người quê Tân Hòa Lĩnh đang làm việc ở thành phố có thể nộp hồ sơ đăng ký khai sinh cho con, xin cấp bản sao trích lục hộ tịch hoặc đăng ký hộ kinh doanh ngay tại Trung tâm Phục vụ hành chính công của phường nơi mình làm việc mà không phải về quê.</p>
<p>Hồ sơ sau khi tiếp nhận được chuyển trên hệ thống một cửa điện tử đến cơ quan có thẩm quyền giải quyết; kết quả được trả tại nơi nộp, qua dịch vụ bưu chính công ích hoặc trả bản điện tử theo lựa chọn của người dân. Thời hạn giải quyết giữ nguyên như quy định đối với từng thủ tục, được tính từ khi cơ quan có thẩm quyền nhận đủ hồ sơ trên hệ thống.</p>
<p>Tại xã Tân Hòa Lĩnh, Trung tâm Phục vụ hành chính công và hai điểm tiếp nhận Hòa Lĩnh, Sơn Thủy đã niêm yết danh mục 68 TTHC, bố trí công chức hướng dẫn và cập nhật quy trình nội bộ trên hệ thống. Giám đốc Trung tâm Phục vụ hành chính công xã Nguyễn Thị Thanh Xuân cho biết, đây là bước tiếp theo để công tác CCHC thực sự lấy người dân làm trung tâm, giảm chi phí đi lại, nhất là đối với người lao động ở xa quê.</p>
<p>Danh mục chi tiết các TTHC, thành phần hồ sơ và thời hạn giải quyết được đăng tải tại chuyên mục Cải cách hành chính trên Cổng thông tin điện tử xã và trên Cổng Dịch vụ công quốc gia. Người dân cần hướng dẫn có thể gọi số điện thoại của Trung tâm trong giờ hành chính.</p>`,
	},
	{
		Title:       "Đẩy mạnh dịch vụ công trực tuyến toàn trình, giảm dần hồ sơ giấy",
		Summary:     "Xã Tân Hòa Lĩnh đặt mục tiêu đến cuối năm 2026 có ít nhất 80% hồ sơ thủ tục hành chính được nộp trực tuyến, trong đó ưu tiên các dịch vụ công trực tuyến toàn trình.",
		Author:      "Đinh Quang Huy",
		Source:      "Trung tâm Phục vụ hành chính công xã",
		Category:    "cai-cach-hanh-chinh",
		Tags:        []string{"dịch vụ công trực tuyến", "toàn trình", "chuyển đổi số", "một cửa điện tử"},
		PublishedAt: at(time.June, 3, 10, 20),
		BodyHTML: `<p>Dịch vụ công trực tuyến đang dần trở thành lựa chọn quen thuộc của người dân xã Tân Hòa Lĩnh. Nếu như trong những tháng đầu sau hợp nhất, phần lớn người dân vẫn mang hồ sơ giấy đến trụ sở, thì đến tháng 5/2026 đã có hơn ba phần tư số hồ sơ được nộp qua mạng. Mục tiêu của xã là đến cuối năm 2026 có ít nhất 80% hồ sơ thủ tục hành chính được nộp trực tuyến.</p>
<h2>Toàn trình và một phần khác nhau thế nào?</h2>
<p>Dịch vụ công trực tuyến toàn trình là dịch vụ mà người dân thực hiện tất cả các bước, từ nộp hồ sơ, nộp phí, lệ phí đến nhận kết quả, hoàn toàn trên môi trường mạng, không phải đến cơ quan nhà nước. Dịch vụ công trực tuyến một phần là dịch vụ mà người dân nộp hồ sơ trực tuyến, nhưng vẫn phải đến nộp bản gốc, đối chiếu giấy tờ hoặc nhận kết quả trực tiếp tại Bộ phận Một cửa.</p>
<p>Hiện nay, các thủ tục phổ biến như đăng ký khai sinh, đăng ký khai tử, cấp bản sao trích lục hộ tịch, xác nhận tình trạng hôn nhân, đăng ký hộ kinh doanh đều đã được cung cấp toàn trình. Khi người dân đăng nhập Cổng Dịch vụ công quốc gia bằng tài khoản định danh điện tử VNeID, nhiều thông tin như họ tên, ngày sinh, nơi cư trú được hệ thống tự động điền từ cơ sở dữ liệu quốc gia về dân cư, giúp giảm đáng kể thời gian kê khai.</p>
<h2>Nhiều giải pháp đồng bộ</h2>
<p>Để đạt mục tiêu, UBND xã chỉ đạo Trung tâm Phục vụ hành chính công bố trí một khu vực hỗ trợ nộp hồ sơ trực tuyến với hai máy tính kết nối mạng và một công chức hướng dẫn thường trực. Người dân đến làm thủ tục được hướng dẫn thao tác trên chính điện thoại của mình, để lần sau có thể tự thực hiện tại nhà. Các tổ công nghệ số cộng đồng ở thôn tiếp tục hỗ trợ những hộ chưa thành thạo.</p>
<p>Xã cũng rà soát toàn bộ quy trình nội bộ trên hệ thống một cửa điện tử, bảo đảm mỗi hồ sơ trực tuyến được tiếp nhận trong ngày làm việc, không yêu cầu người dân nộp thêm bản giấy đối với những thành phần đã có trong cơ sở dữ liệu hoặc đã được số hóa. Kết quả giải quyết thủ tục hành chính được ký số và trả bản điện tử vào kho dữ liệu của công dân trên Cổng Dịch vụ công quốc gia, có giá trị pháp lý như bản giấy.</p>
<p>Đối với một số thủ tục còn phải thực hiện một phần, như chứng thực bản sao từ bản chính hay một số thủ tục đất đai, Trung tâm khuyến khích người dân đặt lịch hẹn trực tuyến để không phải chờ đợi.</p>
<h2>Lợi ích rõ rệt</h2>
<p>Bà Trần Thị Ngọc, thôn Phú Xuân, chia sẻ: “Trước đây đăng ký khai sinh cho cháu phải lên xã hai lần. Vừa rồi con gái tôi làm trên điện thoại, chiều hôm sau đã nhận được bản điện tử giấy khai sinh, tiện hơn nhiều”.</p>
<p>Theo Trung tâm Phục vụ hành chính công xã, việc tăng tỷ lệ nộp trực tuyến không chỉ giúp người dân tiết kiệm thời gian, chi phí đi lại mà còn giúp cơ quan nhà nước giảm lưu trữ giấy, dễ dàng theo dõi tiến độ và chất lượng giải quyết từng hồ sơ. Người dân có thể tra cứu tình trạng hồ sơ bất cứ lúc nào bằng mã hồ sơ được gửi qua tin nhắn.</p>`,
	},
	{
		Title:       "Tân Hòa Lĩnh quyết tâm cải thiện các chỉ số PAR INDEX, SIPAS và PAPI",
		Summary:     "Hội nghị triển khai giải pháp nâng cao các chỉ số cải cách hành chính năm 2026 xác định rõ những “điểm nghẽn”, giao nhiệm vụ cụ thể cho từng phòng, ban và gắn trách nhiệm của người đứng đầu với kết quả chấm điểm.",
		Author:      "Trần Thu Trang",
		Source:      "Văn phòng HĐND và UBND xã",
		Category:    "cai-cach-hanh-chinh",
		Tags:        []string{"PAR INDEX", "SIPAS", "PAPI", "cải cách hành chính", "CCHC"},
		PublishedAt: at(time.June, 24, 15, 10),
		Featured:    true,
		BodyHTML: `<p>Chiều 24/6/2026, UBND xã Tân Hòa Lĩnh tổ chức hội nghị triển khai các giải pháp cải thiện, nâng cao Chỉ số cải cách hành chính (PAR INDEX), Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) và Chỉ số hiệu quả quản trị và hành chính công (PAPI) năm 2026. Hội nghị do ông Phan Văn Định, Chủ tịch UBND xã chủ trì; tham dự có lãnh đạo các phòng chuyên môn, Trung tâm Phục vụ hành chính công, Công an xã, các trường học, Trạm Y tế và trưởng 24 thôn.</p>
<p>Đây là hoạt động cụ thể hóa Nghị quyết số 05-NQ/ĐU ngày 15/01/2026 của Ban Chấp hành Đảng bộ xã về đẩy mạnh cải cách hành chính, chuyển đổi số giai đoạn 2026–2030 và Kế hoạch số 45/KH-UBND ngày 12/3/2026 của UBND xã về cải thiện, nâng cao các chỉ số cải cách hành chính năm 2026.</p>
<h2>Mỗi chỉ số đo một khía cạnh</h2>
<p>Mở đầu hội nghị, đại diện Văn phòng HĐND và UBND xã giới thiệu ngắn gọn về từng chỉ số. PAR INDEX đánh giá kết quả triển khai cải cách hành chính của các cơ quan, địa phương trên nhiều lĩnh vực: công tác chỉ đạo, điều hành, cải cách thể chế, cải cách thủ tục hành chính, cải cách tổ chức bộ máy, cải cách chế độ công vụ, cải cách tài chính công và xây dựng chính quyền điện tử, chính quyền số. SIPAS đo mức độ hài lòng của người dân, tổ chức khi trực tiếp giao dịch với cơ quan hành chính. PAPI phản ánh trải nghiệm và cảm nhận của người dân về hiệu quả quản trị, gồm tám nội dung: tham gia của người dân ở cấp cơ sở, công khai minh bạch, trách nhiệm giải trình với người dân, kiểm soát tham nhũng trong khu vực công, thủ tục hành chính công, cung ứng dịch vụ công, quản trị môi trường và quản trị điện tử.</p>
<p>PAR INDEX, SIPAS và PAPI là chỉ số cấp tỉnh, nhưng kết quả của tỉnh được hình thành từ chính trải nghiệm của người dân tại từng xã, phường. Bên cạnh đó, tỉnh Lam Giang còn đánh giá Chỉ số cải cách hành chính của các đơn vị cấp xã và theo dõi điểm Bộ chỉ số phục vụ người dân, doanh nghiệp theo thời gian thực được ban hành kèm theo Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ.</p>
<h2>Kết quả bước đầu và những “điểm nghẽn”</h2>
<p>Theo báo cáo tại hội nghị, trong 5 tháng đầu năm 2026, điểm Bộ chỉ số phục vụ người dân, doanh nghiệp của xã đạt bình quân 88,5/100 điểm, tăng 4,2 điểm so với quý IV năm 2025, xếp thứ 14/96 đơn vị cấp xã trong tỉnh. Các nhóm chỉ tiêu về công khai, minh bạch và tiến độ giải quyết đạt điểm cao; tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 99%.</p>
<p>Tuy nhiên, hội nghị cũng thẳng thắn chỉ ra những “điểm nghẽn” khiến điểm số chưa tương xứng:</p>
<ul>
<li>Tỷ lệ hồ sơ trực tuyến toàn trình còn thấp ở lĩnh vực đất đai và xây dựng; một số hồ sơ vẫn yêu cầu người dân bổ sung nhiều lần.</li>
<li>Việc số hóa hồ sơ, kết quả giải quyết ở một số lĩnh vực chưa đầy đủ, dẫn đến chưa khai thác, tái sử dụng được dữ liệu.</li>
<li>Tỷ lệ người dân tham gia đánh giá sau khi nhận kết quả còn thấp; nhiều người chưa biết cách đánh giá trên điện thoại.</li>
<li>Việc công khai một số thông tin ở cấp thôn như danh sách hộ được hỗ trợ, kế hoạch sử dụng đất, các khoản đóng góp chưa thường xuyên, chưa đa dạng hình thức.</li>
<li>Việc phản hồi các phản ánh, kiến nghị của người dân qua đường dây nóng và các nền tảng trực tuyến có lúc còn chậm.</li>
</ul>
<h2>Giao việc cụ thể, đo bằng kết quả</h2>
<p>Từ thực tế đó, UBND xã thống nhất triển khai nhóm giải pháp trọng tâm trong 6 tháng cuối năm. Trước hết, mỗi phòng chuyên môn phải rà soát toàn bộ TTHC thuộc lĩnh vực mình phụ trách, đề xuất cắt giảm thành phần hồ sơ trùng lặp, chuyển tối đa sang thực hiện toàn trình; hướng dẫn hồ sơ một lần, đầy đủ, không để người dân đi lại nhiều lần. Trung tâm Phục vụ hành chính công hoàn thành số hóa 100% hồ sơ, kết quả giải quyết còn hiệu lực thuộc các lĩnh vực hộ tịch, chứng thực, đất đai trước ngày 30/9/2026.</p>
<p>Thứ hai, đẩy mạnh việc người dân đánh giá sự hài lòng. Sau mỗi lần trả kết quả, công chức một cửa hướng dẫn người dân đánh giá trên điện thoại hoặc trên máy tính bảng đặt tại quầy. Kết quả đánh giá là căn cứ để xếp loại công chức hằng tháng.</p>
<p>Thứ ba, đối với các nội dung của PAPI, các thôn duy trì việc niêm yết công khai tại nhà văn hóa, thông báo trên hệ thống loa truyền thanh và nhóm thông tin của thôn trên mạng xã hội; tổ chức lấy ý kiến người dân về những việc liên quan trực tiếp đến quyền lợi của họ theo đúng quy định về thực hiện dân chủ ở cơ sở. Các phản ánh, kiến nghị phải được phản hồi trong thời hạn cam kết và công khai kết quả xử lý.</p>
<p>Thứ tư, tăng cường kỷ luật, kỷ cương hành chính: kiểm tra đột xuất việc thực thi công vụ; xử lý nghiêm các trường hợp gây phiền hà, sách nhiễu hoặc chậm trễ không có lý do chính đáng. Người đứng đầu các phòng, ban, đơn vị chịu trách nhiệm trước Chủ tịch UBND xã về kết quả các tiêu chí thuộc lĩnh vực phụ trách.</p>
<h2>Trách nhiệm của người đứng đầu</h2>
<p>Tại hội nghị, nhiều ý kiến đã đóng góp thêm giải pháp. Trưởng thôn Khe Mây đề nghị in tờ hướng dẫn bằng hình ảnh, chữ to cho người cao tuổi. Hiệu trưởng Trường Tiểu học Tân Hòa đề xuất tổ chức cho học sinh lớp 5 tìm hiểu về dịch vụ công trực tuyến để các em về hướng dẫn lại ông bà, cha mẹ. Trưởng Công an xã cho biết lực lượng công an sẽ tiếp tục hỗ trợ kích hoạt tài khoản định danh điện tử mức độ 2 cho người dân chưa có.</p>
<blockquote>“Chỉ số không phải là mục tiêu tự thân. Chỉ số chỉ tăng khi người dân thực sự thấy thuận tiện hơn, được tôn trọng hơn và được biết, được bàn, được kiểm tra nhiều hơn. Phải đo cải cách bằng sự hài lòng của người dân”, Chủ tịch UBND xã Phan Văn Định phát biểu kết luận.</blockquote>
<p>UBND xã giao Văn phòng HĐND và UBND xã theo dõi, tổng hợp kết quả thực hiện hằng tháng, báo cáo tại cuộc họp giao ban; những đơn vị có tiêu chí bị trừ điểm phải báo cáo rõ nguyên nhân và giải pháp khắc phục. Kết quả thực hiện nhiệm vụ CCHC là tiêu chí quan trọng trong đánh giá, xếp loại chất lượng và bình xét thi đua của tập thể, cá nhân cuối năm 2026.</p>`,
	},
	{
		Title:       "Trung tâm Phục vụ hành chính công xã tiếp nhận 9.846 hồ sơ trong 6 tháng đầu năm",
		Summary:     "Trong 6 tháng đầu năm 2026, 76,3% hồ sơ thủ tục hành chính tại xã được nộp trực tuyến; tỷ lệ giải quyết đúng và trước hạn đạt 99,2%.",
		Author:      "Đinh Quang Huy",
		Source:      "Trung tâm Phục vụ hành chính công xã",
		Category:    "cai-cach-hanh-chinh",
		Tags:        []string{"Trung tâm Phục vụ hành chính công", "thống kê", "hồ sơ trực tuyến", "một cửa"},
		PublishedAt: at(time.July, 7, 9, 30),
		BodyHTML: `<p>Theo số liệu trên hệ thống một cửa điện tử, từ ngày 01/01 đến ngày 30/6/2026, Trung tâm Phục vụ hành chính công xã Tân Hòa Lĩnh đã tiếp nhận 9.846 hồ sơ thủ tục hành chính, tăng 18% so với 6 tháng cuối năm 2025. Trong đó, 7.512 hồ sơ được nộp trực tuyến, chiếm 76,3%; 2.334 hồ sơ nộp trực tiếp hoặc qua dịch vụ bưu chính công ích.</p>
<table>
<thead><tr><th>Lĩnh vực</th><th>Số hồ sơ tiếp nhận</th><th>Tỷ lệ nộp trực tuyến (%)</th></tr></thead>
<tbody>
<tr><td>Hộ tịch</td><td>3.415</td><td>88,4</td></tr>
<tr><td>Chứng thực</td><td>2.980</td><td>71,2</td></tr>
<tr><td>Đất đai</td><td>1.126</td><td>52,6</td></tr>
<tr><td>Bảo trợ xã hội, người có công</td><td>742</td><td>81,5</td></tr>
<tr><td>Đăng ký hộ kinh doanh</td><td>318</td><td>93,7</td></tr>
<tr><td>Xây dựng</td><td>205</td><td>64,4</td></tr>
<tr><td>Các lĩnh vực khác</td><td>1.060</td><td>70,1</td></tr>
<tr><td><strong>Tổng cộng</strong></td><td><strong>9.846</strong></td><td><strong>76,3</strong></td></tr>
</tbody>
</table>
<p>Đến ngày 30/6/2026, đã giải quyết xong 9.721 hồ sơ, trong đó 99,2% hồ sơ giải quyết đúng và trước hạn. Còn 78 hồ sơ giải quyết quá hạn, chủ yếu thuộc lĩnh vực đất đai do phải xác minh nguồn gốc sử dụng đất hoặc chờ kết quả đo đạc. Với mỗi hồ sơ quá hạn, cơ quan giải quyết đã gửi thư xin lỗi và hẹn lại thời gian trả kết quả theo đúng quy định.</p>
<p>Tỷ lệ số hóa hồ sơ, kết quả giải quyết đạt 94,8%; 100% kết quả giải quyết thủ tục hộ tịch được cấp bản điện tử. Có 1.936 lượt thanh toán phí, lệ phí trực tuyến.</p>
<p>Theo bà Nguyễn Thị Thanh Xuân, Giám đốc Trung tâm, kết quả trên có được là nhờ sự chỉ đạo sát sao của UBND xã, tinh thần trách nhiệm của đội ngũ công chức và sự hỗ trợ tích cực của các tổ công nghệ số cộng đồng. Trong thời gian tới, Trung tâm tập trung nâng tỷ lệ trực tuyến ở lĩnh vực đất đai, xây dựng; hướng dẫn người dân đánh giá mức độ hài lòng sau mỗi lần giao dịch và không để phát sinh hồ sơ quá hạn do lỗi chủ quan.</p>`,
	},
	{
		Title:       "Hướng dẫn từng bước nộp hồ sơ trên Cổng Dịch vụ công quốc gia",
		Summary:     "Chỉ với điện thoại thông minh và tài khoản định danh điện tử VNeID mức độ 2, người dân có thể tự nộp hồ sơ thủ tục hành chính tại nhà. Bài viết hướng dẫn các bước cơ bản.",
		Author:      "Đinh Quang Huy",
		Source:      "Trung tâm Phục vụ hành chính công xã",
		Category:    "cai-cach-hanh-chinh",
		Tags:        []string{"hướng dẫn", "Cổng Dịch vụ công quốc gia", "VNeID", "dịch vụ công trực tuyến"},
		PublishedAt: at(time.August, 20, 8, 0),
		BodyHTML: `<p>Nhiều người dân đến Trung tâm Phục vụ hành chính công xã hỏi cách tự nộp hồ sơ trực tuyến tại nhà. Để thuận tiện cho bà con, Trung tâm giới thiệu các bước cơ bản khi thực hiện một dịch vụ công trên Cổng Dịch vụ công quốc gia, lấy ví dụ thủ tục đăng ký khai sinh.</p>
<h2>Chuẩn bị trước khi nộp</h2>
<ul>
<li>Một điện thoại thông minh hoặc máy tính có kết nối Internet.</li>
<li>Tài khoản định danh điện tử mức độ 2 trên ứng dụng VNeID. Nếu chưa có, người dân liên hệ Công an xã để được hướng dẫn kích hoạt.</li>
<li>Ảnh chụp hoặc bản quét rõ nét các giấy tờ cần thiết, ví dụ giấy chứng sinh của trẻ. Không cần chụp căn cước vì thông tin đã có trong cơ sở dữ liệu quốc gia về dân cư.</li>
</ul>
<h2>Các bước thực hiện</h2>
<p><strong>Bước 1.</strong> Truy cập Cổng Dịch vụ công quốc gia, chọn “Đăng nhập” và đăng nhập bằng tài khoản VNeID. Ứng dụng VNeID trên điện thoại sẽ yêu cầu xác nhận.</p>
<p><strong>Bước 2.</strong> Tại ô tìm kiếm, gõ tên thủ tục, ví dụ “đăng ký khai sinh”, rồi chọn đúng thủ tục và cơ quan thực hiện là UBND xã Tân Hòa Lĩnh, tỉnh Lam Giang. Đối với các thủ tục tiếp nhận không phụ thuộc địa giới hành chính, người dân có thể chọn cơ quan ở nơi thuận tiện nhất.</p>
<p><strong>Bước 3.</strong> Kê khai thông tin vào tờ khai điện tử. Các thông tin của người yêu cầu được hệ thống điền sẵn; người dân chỉ cần bổ sung thông tin của trẻ và kiểm tra lại.</p>
<p><strong>Bước 4.</strong> Đính kèm giấy tờ theo yêu cầu, chọn hình thức nhận kết quả (bản điện tử, nhận trực tiếp hoặc qua bưu chính), sau đó bấm “Nộp hồ sơ”. Hệ thống sẽ gửi mã hồ sơ qua tin nhắn và thư điện tử.</p>
<p><strong>Bước 5.</strong> Nếu thủ tục có phí, lệ phí, người dân thanh toán trực tuyến qua ngân hàng hoặc ví điện tử ngay trên Cổng. Đăng ký khai sinh đúng hạn được miễn lệ phí.</p>
<p><strong>Bước 6.</strong> Theo dõi tình trạng hồ sơ trong mục “Quản lý hồ sơ đã nộp”. Khi hồ sơ được giải quyết, bản điện tử kết quả được lưu trong kho dữ liệu cá nhân và có thể tải về bất cứ lúc nào.</p>
<h2>Một số lưu ý</h2>
<p>Người dân nên chụp giấy tờ ở nơi đủ ánh sáng, không bị mất góc, không bị lóa. Kiểm tra kỹ họ tên, ngày tháng trước khi nộp để tránh phải bổ sung. Không nhờ người lạ nộp hộ và tuyệt đối không cung cấp mật khẩu, mã xác thực cho người khác. Khi nhận được yêu cầu bổ sung hồ sơ, người dân sẽ được thông báo rõ nội dung cần bổ sung; công chức chỉ yêu cầu bổ sung một lần.</p>
<p>Trường hợp gặp khó khăn, người dân có thể đến khu vực hỗ trợ nộp hồ sơ trực tuyến tại Trung tâm Phục vụ hành chính công xã, hai điểm tiếp nhận Hòa Lĩnh, Sơn Thủy, hoặc nhờ tổ công nghệ số cộng đồng ở thôn hướng dẫn miễn phí.</p>`,
	},
	{
		Title:       "Tổ công nghệ số cộng đồng “đi từng ngõ, gõ từng nhà”",
		Summary:     "24 tổ công nghệ số cộng đồng với 168 thành viên đang là cầu nối đưa dịch vụ công trực tuyến, thanh toán điện tử và kỹ năng số cơ bản đến từng hộ dân.",
		Author:      "Phạm Ngọc Ánh",
		Source:      "Văn phòng HĐND và UBND xã",
		Category:    "cai-cach-hanh-chinh",
		Tags:        []string{"chuyển đổi số", "tổ công nghệ số cộng đồng", "kỹ năng số", "Đề án 06"},
		PublishedAt: at(time.September, 3, 16, 0),
		BodyHTML: `<p>Buổi tối ở nhà văn hóa thôn Sơn Thủy 1, chị Lê Thị Bích, tổ trưởng tổ công nghệ số cộng đồng của thôn, kiên nhẫn hướng dẫn mấy bác cao tuổi cách mở ứng dụng VNeID, xem thông tin thẻ bảo hiểm y tế và giấy phép lái xe đã được tích hợp. “Lúc đầu các bác sợ bấm nhầm, làm hỏng điện thoại. Hướng dẫn vài lần, giờ nhiều bác tự làm được, còn chỉ lại cho hàng xóm”, chị Bích cười nói.</p>
<p>Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia và Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia (Đề án 06), xã Tân Hòa Lĩnh đã kiện toàn 24 tổ công nghệ số cộng đồng ở 24 thôn với 168 thành viên. Thành viên tổ là trưởng thôn, công an viên, đoàn viên thanh niên, giáo viên và những người dân am hiểu công nghệ.</p>
<h2>Việc nhỏ, hiệu quả lớn</h2>
<p>Nhiệm vụ của các tổ là hướng dẫn người dân cài đặt, sử dụng các nền tảng số thiết yếu: ứng dụng VNeID, Cổng Dịch vụ công quốc gia, ứng dụng ngân hàng, thanh toán không dùng tiền mặt; phổ biến kỹ năng nhận diện tin giả, phòng tránh lừa đảo trên mạng. Các tổ chủ động đến từng hộ, ưu tiên người cao tuổi, người khuyết tật, hộ đồng bào dân tộc thiểu số ở thôn Khe Mây và các hộ ở vùng xa trung tâm.</p>
<p>Từ đầu năm đến nay, các tổ đã hướng dẫn hơn 4.100 lượt người dân, hỗ trợ nộp trên 900 hồ sơ trực tuyến. Nhiều tiểu thương ở chợ Tân Hòa đã chuyển sang nhận tiền bằng mã QR; một số hộ sản xuất mật ong, chè, tinh bột nghệ được hướng dẫn đưa sản phẩm lên sàn thương mại điện tử.</p>
<h2>Cảnh giác với lừa đảo qua mạng</h2>
<p>Song song với hướng dẫn sử dụng, các tổ phối hợp với Công an xã tuyên truyền về các thủ đoạn lừa đảo phổ biến như giả danh cơ quan công an, cán bộ thuế, nhân viên điện lực gọi điện yêu cầu cài ứng dụng lạ, cung cấp mã OTP. Nhờ đó, trong 8 tháng đầu năm, nhiều trường hợp người dân nhận được cuộc gọi đáng ngờ đã chủ động báo cho tổ trưởng hoặc công an viên để kiểm tra, tránh bị mất tiền.</p>
<p>Để duy trì hoạt động của các tổ, UBND xã hỗ trợ một phần kinh phí mua thẻ dữ liệu di động, tổ chức tập huấn định kỳ và biểu dương các thành viên tích cực. Trong quý IV, xã sẽ tổ chức hội thi “Tìm hiểu kỹ năng số cộng đồng” giữa các thôn, đồng thời phối hợp với các trường học đưa nội dung kỹ năng số vào hoạt động trải nghiệm của học sinh.</p>`,
	},
	{
		Title:       "Khuyến khích nộp phí, lệ phí không dùng tiền mặt tại Bộ phận Một cửa",
		Summary:     "Trung tâm Phục vụ hành chính công xã đã bố trí mã QR, máy thanh toán thẻ tại quầy và hỗ trợ thanh toán trực tuyến, hướng tới giảm dần giao dịch bằng tiền mặt.",
		Author:      "Hoàng Minh Đức",
		Source:      "Trung tâm Phục vụ hành chính công xã",
		Category:    "cai-cach-hanh-chinh",
		Tags:        []string{"thanh toán không dùng tiền mặt", "phí, lệ phí", "một cửa"},
		PublishedAt: at(time.September, 15, 10, 0),
		BodyHTML: `<p>Từ giữa tháng 9/2026, người dân đến làm thủ tục tại Trung tâm Phục vụ hành chính công xã Tân Hòa Lĩnh có thể nộp phí, lệ phí bằng nhiều hình thức không dùng tiền mặt: quét mã QR bằng ứng dụng ngân hàng, thanh toán bằng thẻ qua máy đặt tại quầy hoặc thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia khi nộp hồ sơ qua mạng.</p>
<p>Mỗi khoản phí, lệ phí được tạo một mã QR riêng gắn với mã hồ sơ, hiển thị đúng số tiền phải nộp và tên đơn vị thụ hưởng. Sau khi người dân thanh toán, hệ thống tự động ghi nhận và xuất biên lai điện tử, gửi về điện thoại hoặc thư điện tử của người nộp. Cách làm này giúp việc thu nộp minh bạch, hạn chế sai sót trong kiểm đếm và rút ngắn thời gian chờ đợi tại quầy.</p>
<p>Các khoản thu phổ biến tại Bộ phận Một cửa gồm phí chứng thực bản sao, chứng thực chữ ký, lệ phí đăng ký hộ tịch đối với các trường hợp không được miễn, lệ phí đăng ký hộ kinh doanh và một số khoản phí, lệ phí trong lĩnh vực đất đai, xây dựng. Mức thu được niêm yết công khai tại Trung tâm và trên Cổng thông tin điện tử xã.</p>
<p>Ông Nguyễn Văn Quý, một người dân ở thôn Tân Lập, sau khi chứng thực hồ sơ cho con đi học đã thanh toán bằng mã QR chỉ trong vài giây. “Không phải chuẩn bị tiền lẻ, cũng không phải chờ thối lại. Biên lai gửi thẳng về điện thoại nên không sợ thất lạc”, ông nói.</p>
<p>Đối với người dân chưa có tài khoản ngân hàng, Trung tâm vẫn tiếp tục thu bằng tiền mặt theo quy định, đồng thời hướng dẫn người dân mở tài khoản thanh toán khi có nhu cầu. Trung tâm đặt mục tiêu đến cuối năm 2026 có trên 60% giao dịch thu phí, lệ phí tại quầy được thực hiện không dùng tiền mặt.</p>`,
	},
	{
		Title:       "98,6% người dân hài lòng khi giải quyết TTHC tại xã trong quý III",
		Summary:     "Kết quả đánh giá qua phần mềm cho thấy mức độ hài lòng của người dân đối với việc giải quyết TTHC tại xã Tân Hòa Lĩnh trong quý III/2026 đạt 98,6%, tăng 2,1 điểm phần trăm so với quý II.",
		Author:      "Trần Thu Trang",
		Source:      "Trung tâm Phục vụ hành chính công xã",
		Category:    "cai-cach-hanh-chinh",
		Tags:        []string{"SIPAS", "mức độ hài lòng", "TTHC", "CCHC", "đánh giá công chức"},
		PublishedAt: at(time.October, 22, 14, 30),
		BodyHTML: `<p>Theo số liệu tổng hợp từ hệ thống đánh giá sự hài lòng, trong quý III/2026 có 3.894 lượt người dân, tổ chức tham gia đánh giá việc giải quyết thủ tục hành chính (TTHC) tại xã Tân Hòa Lĩnh, chiếm 71,5% số hồ sơ đã trả kết quả. Trong đó, 98,6% lượt đánh giá ở mức “Hài lòng” và “Rất hài lòng”, tăng 2,1 điểm phần trăm so với quý II/2026; 1,2% đánh giá “Bình thường” và 0,2% “Không hài lòng”.</p>
<p>Người dân đánh giá theo các tiêu chí: tiếp cận dịch vụ, thái độ và năng lực của công chức, thời gian giải quyết và kết quả nhận được. Việc đánh giá được thực hiện trên máy tính bảng tại quầy, qua đường liên kết gửi kèm tin nhắn thông báo kết quả, hoặc trực tiếp trên Cổng Dịch vụ công quốc gia đối với hồ sơ trực tuyến.</p>
<h2>Kết quả gắn với xếp loại công chức</h2>
<p>Kết quả đánh giá được dùng làm một trong những căn cứ để đánh giá, xếp loại công chức làm việc tại Bộ phận Một cửa hằng tháng. Trong quý III, 9 trên 11 công chức có 100% lượt đánh giá đạt mức hài lòng trở lên. Các trường hợp bị đánh giá “Không hài lòng” đều được lãnh đạo Trung tâm liên hệ lại với người dân để tìm hiểu nguyên nhân. Phần lớn phản ánh liên quan đến thời gian chờ đo đạc đất đai và việc phải bổ sung giấy tờ; không có phản ánh về thái độ phục vụ.</p>
<p>Bên cạnh đó, UBND xã tổ chức khảo sát trực tiếp 300 người dân đến giao dịch theo phương pháp đo lường SIPAS. Kết quả khảo sát cho thấy người dân đánh giá cao việc niêm yết công khai TTHC, sự hướng dẫn tận tình của công chức và việc được nhận kết quả đúng hẹn; đồng thời mong muốn tiếp tục rút ngắn thời gian giải quyết các thủ tục về đất đai.</p>
<p>Theo lãnh đạo UBND xã, sự hài lòng của người dân là thước đo quan trọng nhất của công tác CCHC. Thời gian tới, xã tiếp tục rà soát, đơn giản hóa quy trình nội bộ, tăng cường phối hợp với cơ quan đăng ký đất đai để giảm thời gian giải quyết hồ sơ đất đai và duy trì hòm thư góp ý tại Trung tâm Phục vụ hành chính công.</p>`,
	},
}
