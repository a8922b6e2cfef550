package content

import "time"

// kinhTeXaHoi are the articles of category kinh-te-xa-hoi.
var kinhTeXaHoi = []Article{
	{
		Title:       "Khởi công nâng cấp tuyến đường liên thôn Bàu Sen – Khe Mây",
		Summary:     "Công trình dài 4,8 km, tổng mức đầu tư 18,6 tỷ đồng, dự kiến hoàn thành trong 12 tháng, giúp hơn 700 hộ dân vùng gò đồi đi lại, vận chuyển nông, lâm sản thuận lợi.",
		Author:      "Lê Văn Sơn",
		Source:      "Phòng Kinh tế xã",
		Category:    "kinh-te-xa-hoi",
		Tags:        []string{"giao thông", "đầu tư công", "Khe Mây", "Bàu Sen"},
		PublishedAt: at(time.May, 15, 10, 0),
		BodyHTML: `<p>Sáng 15/5/2026, UBND xã Tân Hòa Lĩnh tổ chức lễ khởi công công trình nâng cấp tuyến đường liên thôn Bàu Sen – Khe Mây. Đây là một trong những công trình trọng điểm của xã trong năm 2026, được cử tri nhiều lần kiến nghị tại các kỳ tiếp xúc cử tri.</p>
<p>Tuyến đường có chiều dài 4,8 km, điểm đầu giao với đường tỉnh ĐT.627 tại thôn Bàu Sen, điểm cuối tại trung tâm thôn Khe Mây. Theo thiết kế, mặt đường được mở rộng từ 3,5 m lên 5,5 m, kết cấu bê tông xi măng; xây mới 2 cầu bản và 14 cống thoát nước ngang đường; gia cố mái taluy tại các đoạn qua sườn đồi thường xảy ra sạt lở. Tổng mức đầu tư 18,6 tỷ đồng từ nguồn ngân sách tỉnh hỗ trợ và ngân sách xã; thời gian thi công dự kiến 12 tháng.</p>
<p>Hiện nay, tuyến đường cũ đã xuống cấp nghiêm trọng, nhiều đoạn ổ gà, sình lầy vào mùa mưa, việc đi lại của hơn 700 hộ dân và học sinh các thôn Bàu Sen, Rộc Tre, Khe Mây gặp nhiều khó khăn. Đây cũng là tuyến đường chính để vận chuyển gỗ rừng trồng, mật ong, nghệ và các nông sản khác của vùng gò đồi phía tây xã.</p>
<p>Để có mặt bằng thi công, 126 hộ dân dọc tuyến đã tự nguyện hiến hơn 6.200 m² đất, tháo dỡ tường rào, cổng ngõ và di dời cây cối mà không đòi hỏi bồi thường. Ủy ban MTTQ Việt Nam xã và các thôn đã tổ chức nhiều buổi họp dân để công khai thiết kế, lắng nghe ý kiến của bà con trước khi triển khai.</p>
<p>Phát biểu tại lễ khởi công, Phó Chủ tịch UBND xã Nguyễn Hữu Tâm đề nghị đơn vị thi công bố trí đủ nhân lực, máy móc, bảo đảm chất lượng, an toàn lao động và vệ sinh môi trường; thi công cuốn chiếu, có phương án bảo đảm giao thông thông suốt cho người dân trong suốt quá trình thi công, nhất là mùa mưa. Ban giám sát đầu tư của cộng đồng sẽ tham gia giám sát công trình ngay từ đầu.</p>`,
	},
	{
		Title:       "Ra quân bảo vệ rừng, phòng cháy và chữa cháy rừng mùa nắng nóng",
		Summary:     "Với hơn 6.800 ha rừng trồng, xã Tân Hòa Lĩnh huy động lực lượng tại chỗ ở các thôn, lập chốt kiểm soát người ra vào rừng và cấm đốt thực bì trong những ngày cảnh báo cháy cấp IV, cấp V.",
		Author:      "Lê Văn Sơn",
		Source:      "Phòng Kinh tế xã",
		Category:    "kinh-te-xa-hoi",
		Tags:        []string{"lâm nghiệp", "phòng cháy chữa cháy rừng", "bảo vệ rừng"},
		PublishedAt: at(time.May, 26, 15, 30),
		BodyHTML: `<p>Sáng 26/5/2026, Ban Chỉ huy về bảo vệ rừng và phòng cháy, chữa cháy rừng xã Tân Hòa Lĩnh tổ chức lễ ra quân bảo vệ rừng, phòng cháy, chữa cháy rừng năm 2026. Tham gia có hơn 150 người gồm lực lượng dân quân, công an xã, kiểm lâm địa bàn, các tổ đội bảo vệ rừng ở thôn và đại diện các hộ trồng rừng.</p>
<p>Toàn xã hiện có hơn 6.800 ha rừng trồng, chủ yếu là cây keo, phân bố ở các thôn Khe Mây, Tây Lĩnh, Bàu Sen và Sơn Thủy 2. Theo dự báo, mùa nắng nóng năm nay đến sớm, nhiều đợt nắng gay gắt kéo dài, độ ẩm thấp, nguy cơ cháy rừng ở mức cao. Đặc biệt, thời điểm này nhiều hộ khai thác rừng và chuẩn bị đất trồng lại nên lượng thực bì khô trên đồi rất lớn.</p>
<p>Ngay sau lễ ra quân, UBND xã chỉ đạo các thôn có rừng thực hiện một số biện pháp cấp bách: rà soát, kiện toàn các tổ đội phòng cháy, chữa cháy rừng; chuẩn bị dụng cụ thô sơ như bàn dập lửa, cưa, dao phát, bình nước; lập 4 chốt kiểm soát người và phương tiện ra vào các khu rừng trọng điểm; duy trì chế độ trực 24/24 giờ trong những ngày có cảnh báo cháy rừng từ cấp IV trở lên.</p>
<p>UBND xã nghiêm cấm việc đốt thực bì, đốt rác, đốt ong, dùng lửa trong rừng và ven rừng trong những ngày cấp dự báo cháy rừng ở mức cấp IV (nguy hiểm) và cấp V (cực kỳ nguy hiểm). Trường hợp hộ gia đình có nhu cầu xử lý thực bì để trồng lại rừng phải đăng ký với trưởng thôn, chỉ được đốt theo hướng dẫn của kiểm lâm địa bàn, có người canh giữ và làm đường băng cản lửa.</p>
<p>Người dân phát hiện cháy rừng cần báo ngay cho trưởng thôn, Ban Chỉ huy quân sự xã hoặc kiểm lâm địa bàn để kịp thời huy động lực lượng chữa cháy theo phương châm “bốn tại chỗ”, không để cháy lan, cháy lớn.</p>`,
	},
	{
		Title:       "Nông thôn mới nâng cao: tập trung hoàn thiện tiêu chí giao thông, môi trường",
		Summary:     "Sau hợp nhất, xã Tân Hòa Lĩnh rà soát lại toàn bộ tiêu chí nông thôn mới nâng cao theo địa giới mới; giao thông, môi trường và thu nhập là ba nhóm tiêu chí được ưu tiên nguồn lực.",
		Author:      "Hoàng Minh Đức",
		Source:      "Phòng Kinh tế xã",
		Category:    "kinh-te-xa-hoi",
		Tags:        []string{"nông thôn mới", "môi trường", "giao thông nông thôn", "khu dân cư kiểu mẫu"},
		PublishedAt: at(time.June, 12, 9, 45),
		BodyHTML: `<p>Trước khi hợp nhất, cả ba xã Tân Hòa, Hòa Lĩnh và Sơn Thủy đều đã được công nhận đạt chuẩn nông thôn mới; riêng xã Tân Hòa đạt chuẩn nông thôn mới nâng cao. Sau khi xã Tân Hòa Lĩnh được thành lập, quy mô diện tích, dân số lớn hơn nhiều lần khiến một số tiêu chí phải được đánh giá lại. Theo kết quả rà soát, xã hiện đáp ứng 14/19 tiêu chí nông thôn mới nâng cao; các tiêu chí chưa đạt tập trung ở giao thông, môi trường và an toàn thực phẩm, thu nhập và tổ chức sản xuất.</p>
<h2>Ưu tiên những việc dân cần</h2>
<p>Đối với tiêu chí giao thông, toàn xã còn khoảng 19 km đường trục thôn, ngõ xóm chưa được cứng hóa hoặc đã xuống cấp, phần lớn ở các thôn phía tây. Năm 2026, xã ưu tiên vốn cho tuyến liên thôn Bàu Sen – Khe Mây và khuyến khích các thôn tiếp tục thực hiện cơ chế “Nhà nước hỗ trợ xi măng, nhân dân góp đất, góp công” để làm đường ngõ xóm. Đến nay, 7 thôn đã đăng ký làm mới 5,6 km đường bê tông theo cơ chế này.</p>
<p>Môi trường là tiêu chí khó nhất. Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý mới đạt khoảng 78%; nhiều khu vực còn tình trạng vứt rác ven đường, ven kênh mương. Xã đang lựa chọn đơn vị thu gom cho các thôn vùng xa, đồng thời vận động người dân phân loại rác tại nguồn, tận dụng rác hữu cơ để ủ phân bón cho cây trồng. Hội Liên hiệp Phụ nữ xã triển khai mô hình “Tuyến đường hoa, không rác thải” ở 12 thôn; Đoàn Thanh niên duy trì ngày Chủ nhật xanh hằng tháng.</p>
<p>Về thu nhập và tổ chức sản xuất, xã hỗ trợ thành lập mới 2 hợp tác xã và 5 tổ hợp tác, khuyến khích liên kết sản xuất lúa chất lượng cao, nuôi ong, trồng nghệ theo chuỗi giá trị gắn với chương trình OCOP.</p>
<h2>Xây dựng khu dân cư kiểu mẫu</h2>
<p>Song song với các tiêu chí cấp xã, năm 2026 xã chọn 3 thôn Hòa Bình, Gò Đình và Đông Lĩnh để xây dựng khu dân cư nông thôn mới kiểu mẫu. Các thôn đã xây dựng kế hoạch cụ thể về chỉnh trang nhà cửa, cổng ngõ, hàng rào xanh, điện chiếu sáng, vườn mẫu và nếp sống văn minh trong việc cưới, việc tang.</p>
<p>Theo Phòng Kinh tế xã, xây dựng nông thôn mới là quá trình lâu dài, “chỉ có điểm khởi đầu, không có điểm kết thúc”. Điều quan trọng là mỗi tiêu chí phải gắn với lợi ích thiết thực của người dân, được người dân đồng thuận và tham gia, tránh chạy theo thành tích.</p>`,
	},
	{
		Title:       "Giải ngân 6,8 tỷ đồng vốn vay ưu đãi cho hộ nghèo, hộ cận nghèo",
		Summary:     "Trong 6 tháng đầu năm, 142 hộ nghèo, hộ cận nghèo và hộ mới thoát nghèo trên địa bàn xã đã được vay vốn ưu đãi để chăn nuôi, trồng rừng và phát triển ngành nghề.",
		Author:      "Nguyễn Thị Lan",
		Source:      "Phòng Văn hóa – Xã hội xã",
		Category:    "kinh-te-xa-hoi",
		Tags:        []string{"giảm nghèo", "tín dụng chính sách", "an sinh xã hội"},
		PublishedAt: at(time.July, 21, 10, 30),
		BodyHTML: `<p>Theo Điểm giao dịch của Ngân hàng Chính sách xã hội tại xã Tân Hòa Lĩnh, từ đầu năm đến ngày 15/7/2026, đã có 6,8 tỷ đồng vốn vay ưu đãi được giải ngân cho 142 hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo và các đối tượng chính sách khác. Tổng dư nợ các chương trình tín dụng chính sách trên địa bàn đạt gần 96 tỷ đồng với hơn 2.300 hộ còn dư nợ; tỷ lệ nợ quá hạn chỉ chiếm 0,14%.</p>
<p>Nguồn vốn được ủy thác qua bốn tổ chức hội, đoàn thể gồm Hội Nông dân, Hội Liên hiệp Phụ nữ, Hội Cựu chiến binh và Đoàn Thanh niên, thông qua 38 tổ tiết kiệm và vay vốn ở các thôn. Việc bình xét cho vay được thực hiện công khai tại tổ, có xác nhận của UBND xã, bảo đảm đúng đối tượng.</p>
<p>Phần lớn các hộ sử dụng vốn vay để nuôi bò, nuôi ong, trồng rừng và làm dịch vụ nhỏ. Gia đình anh Hồ Văn Chiến ở thôn Khe Mây vay 100 triệu đồng mua 3 con bò sinh sản, kết hợp trồng 4 sào cỏ voi làm thức ăn. “Có vốn, lại được cán bộ khuyến nông hướng dẫn cách làm chuồng, phòng bệnh cho bò, gia đình tôi hy vọng cuối năm sau sẽ thoát nghèo”, anh Chiến chia sẻ.</p>
<p>Ngoài cho vay, các hội, đoàn thể nhận ủy thác còn phối hợp tổ chức các buổi tập huấn kỹ thuật chăn nuôi, trồng trọt, hướng dẫn các hộ lập kế hoạch làm ăn và kiểm tra việc sử dụng vốn sau khi vay. Những hộ sử dụng vốn hiệu quả được giới thiệu làm điển hình để các hộ khác học tập.</p>
<p>Theo UBND xã, tín dụng chính sách là một trong những giải pháp quan trọng để thực hiện mục tiêu giảm nghèo bền vững. Đến cuối năm 2025, tỷ lệ hộ nghèo của xã theo chuẩn nghèo đa chiều còn 3,1%; mục tiêu năm 2026 giảm xuống dưới 2,5%. Xã đề nghị các tổ chức nhận ủy thác tiếp tục nâng cao chất lượng hoạt động của các tổ tiết kiệm và vay vốn, không để phát sinh nợ quá hạn do sử dụng vốn sai mục đích.</p>`,
	},
	{
		Title:       "Lúa hè thu được mùa, nông dân khẩn trương thu hoạch trước mùa mưa bão",
		Summary:     "Năng suất lúa hè thu năm 2026 ước đạt 58,5 tạ/ha; xã huy động 36 máy gặt đập liên hợp, phấn đấu thu hoạch xong toàn bộ diện tích trước ngày 05/9.",
		Author:      "Hoàng Minh Đức",
		Source:      "Phòng Kinh tế xã",
		Category:    "kinh-te-xa-hoi",
		Tags:        []string{"nông nghiệp", "lúa hè thu", "thu hoạch", "sản xuất vụ đông"},
		PublishedAt: at(time.August, 25, 16, 0),
		BodyHTML: `<p>Những ngày này, trên các cánh đồng của xã Tân Hòa Lĩnh, không khí thu hoạch lúa hè thu diễn ra khẩn trương. Theo Phòng Kinh tế xã, vụ hè thu năm 2026 toàn xã gieo cấy 1.180 ha lúa, trong đó diện tích sử dụng giống lúa chất lượng cao chiếm gần 70%. Nhờ thời tiết tương đối thuận lợi, nguồn nước tưới từ hồ chứa nước Khe Mây bảo đảm và sâu bệnh được kiểm soát tốt, năng suất ước đạt 58,5 tạ/ha, cao hơn vụ hè thu năm trước khoảng 2 tạ/ha.</p>
<p>Đến ngày 25/8, toàn xã đã thu hoạch được khoảng 65% diện tích. Xã đã huy động 36 máy gặt đập liên hợp của các hộ và hợp tác xã dịch vụ nông nghiệp, ưu tiên thu hoạch trước ở những cánh đồng trũng, thấp dễ bị ngập khi có mưa lớn. Nhiều hộ chủ động phơi sấy, bảo quản lúa ngay sau khi gặt để tránh hư hỏng nếu gặp mưa.</p>
<p>Ông Trương Văn Hải, Giám đốc Hợp tác xã dịch vụ nông nghiệp Hòa Lĩnh cho biết: “Năm nay hợp tác xã liên kết với một doanh nghiệp trong tỉnh bao tiêu 120 ha lúa chất lượng cao với giá cao hơn giá thị trường khoảng 500 đồng/kg. Bà con rất phấn khởi vì vừa được mùa, vừa có đầu ra ổn định”.</p>
<p>Theo khuyến cáo, mùa mưa bão năm 2026 ở khu vực có thể đến sớm. UBND xã yêu cầu các thôn, hợp tác xã đôn đốc nông dân thu hoạch theo phương châm “xanh nhà hơn già đồng”, phấn đấu hoàn thành thu hoạch toàn bộ diện tích trước ngày 05/9/2026; đồng thời tranh thủ làm đất, chuẩn bị giống, vật tư cho sản xuất vụ đông.</p>
<p>Vụ đông năm nay, xã phấn đấu gieo trồng 260 ha cây rau màu các loại như ngô, khoai lang, lạc, rau xanh, tập trung trên diện tích đất màu ven sông và các chân ruộng cao. Phòng Kinh tế xã sẽ phối hợp với các hợp tác xã cung ứng giống chất lượng và hướng dẫn kỹ thuật cho nông dân.</p>`,
	},
	{
		Title:       "Mật ong Khe Mây và tinh bột nghệ Bàu Sen đạt chuẩn OCOP 3 sao",
		Summary:     "Hai sản phẩm của xã vừa được UBND tỉnh công nhận đạt chuẩn OCOP 3 sao, nâng tổng số sản phẩm OCOP của xã Tân Hòa Lĩnh lên 5 sản phẩm.",
		Author:      "Phạm Ngọc Ánh",
		Source:      "Phòng Kinh tế xã",
		Category:    "kinh-te-xa-hoi",
		Tags:        []string{"OCOP", "mật ong", "nông sản", "Khe Mây", "Bàu Sen"},
		PublishedAt: at(time.October, 6, 15, 0),
		Featured:    true,
		BodyHTML: `<p>UBND tỉnh Lam Giang vừa ban hành quyết định công nhận kết quả đánh giá, phân hạng sản phẩm thuộc Chương trình mỗi xã một sản phẩm (OCOP) đợt 2 năm 2026. Xã Tân Hòa Lĩnh có hai sản phẩm đạt 3 sao là mật ong Khe Mây của Tổ hợp tác nuôi ong Khe Mây và tinh bột nghệ Bàu Sen của Hợp tác xã nông nghiệp Bàu Sen. Như vậy, toàn xã hiện có 5 sản phẩm OCOP, cùng với chè xanh Đông Lĩnh, rượu nếp Phú Xuân và bánh đa vừng Tân Hòa đã được công nhận trước đây.</p>
<h2>Từ đàn ong dưới tán rừng</h2>
<p>Tổ hợp tác nuôi ong Khe Mây được thành lập năm 2023 với 9 thành viên, hiện nuôi hơn 1.100 đàn ong nội dưới tán rừng keo và rừng tự nhiên phục hồi. Mỗi năm, tổ thu hoạch khoảng 8 tấn mật. Trước đây, mật ong chủ yếu bán cho thương lái với giá thấp, đựng trong chai tái sử dụng, không có nhãn mác.</p>
<p>Khi tham gia chương trình OCOP, các thành viên được tập huấn quy trình nuôi, khai thác bảo đảm vệ sinh an toàn thực phẩm; đầu tư máy quay mật bằng thép không gỉ, máy hạ thủy phần; sản phẩm được kiểm nghiệm chất lượng, đóng chai thủy tinh có tem truy xuất nguồn gốc. Tổ trưởng Hồ Thị Nguyệt cho biết, từ khi có bao bì, nhãn mác, giá bán tăng khoảng 30% và sản phẩm đã vào được một số cửa hàng đặc sản trong tỉnh.</p>
<h2>Củ nghệ nâng giá trị</h2>
<p>Bàu Sen có truyền thống trồng nghệ trên đất đồi. Hợp tác xã nông nghiệp Bàu Sen liên kết với 46 hộ trồng 18 ha nghệ vàng theo hướng không sử dụng thuốc bảo vệ thực vật hóa học. Củ nghệ được sơ chế, nghiền, tách tinh bột theo phương pháp truyền thống kết hợp máy móc, sấy lạnh để giữ màu và hàm lượng hoạt chất. Mỗi năm hợp tác xã sản xuất khoảng 2,5 tấn tinh bột nghệ, tạo việc làm thường xuyên cho 12 lao động, chủ yếu là phụ nữ.</p>
<p>Ngoài bán trực tiếp, hợp tác xã đã đưa sản phẩm lên sàn thương mại điện tử và tham gia các hội chợ nông sản của tỉnh. “Được công nhận OCOP là động lực để chúng tôi đầu tư thêm máy sấy, mở rộng vùng nguyên liệu”, ông Ngô Văn Thành, Giám đốc hợp tác xã chia sẻ.</p>
<h2>Tiếp tục phát triển sản phẩm chủ lực</h2>
<p>Theo Phòng Kinh tế xã, sau hợp nhất, xã có lợi thế về vùng nguyên liệu đa dạng từ đồng bằng ven sông đến vùng gò đồi. Xã sẽ tiếp tục hỗ trợ các chủ thể hoàn thiện hồ sơ, nâng hạng sản phẩm đã có và phát triển thêm sản phẩm mới như cam Tây Lĩnh, gạo hữu cơ Hòa Lĩnh; đồng thời giới thiệu sản phẩm OCOP trên Cổng thông tin điện tử xã, tại Trung tâm Phục vụ hành chính công và các sự kiện văn hóa, du lịch của địa phương.</p>`,
	},
}
