package content

import "time"

// vanHoaXaHoi are the articles of category van-hoa-xa-hoi.
var vanHoaXaHoi = []Article{
	{
		Title:       "Gặp mặt, tri ân người có công nhân kỷ niệm 79 năm Ngày Thương binh – Liệt sĩ",
		Summary:     "Lãnh đạo xã gặp mặt 120 đại biểu thương binh, bệnh binh, thân nhân liệt sĩ và trao 1.146 suất quà của Chủ tịch nước, của tỉnh và của xã tới người có công trên địa bàn.",
		Author:      "Nguyễn Thị Lan",
		Source:      "Phòng Văn hóa – Xã hội xã",
		Category:    "van-hoa-xa-hoi",
		Tags:        []string{"người có công", "27/7", "đền ơn đáp nghĩa", "tri ân"},
		PublishedAt: at(time.July, 24, 11, 0),
		BodyHTML: `<p>Sáng 24/7/2026, UBND xã Tân Hòa Lĩnh tổ chức gặp mặt, tri ân người có công với cách mạng nhân kỷ niệm 79 năm Ngày Thương binh – Liệt sĩ (27/7/1947 – 27/7/2026). Tham dự có 120 đại biểu là thương binh, bệnh binh, thân nhân liệt sĩ, người hoạt động kháng chiến tiêu biểu đại diện cho các thôn.</p>
<p>Phát biểu tại buổi gặp mặt, bà Lê Thị Thu Hà, Phó Chủ tịch UBND xã bày tỏ lòng biết ơn sâu sắc đối với các anh hùng liệt sĩ, thương binh, bệnh binh và gia đình người có công đã cống hiến, hy sinh cho sự nghiệp giải phóng dân tộc, bảo vệ Tổ quốc. Toàn xã hiện có 612 liệt sĩ, 385 thương binh, bệnh binh; 31 Bà mẹ được truy tặng, phong tặng danh hiệu vinh dự Nhà nước “Bà mẹ Việt Nam anh hùng”. Hiện có 698 người đang hưởng trợ cấp ưu đãi hằng tháng.</p>
<p>Những năm qua, công tác chăm lo người có công luôn được cấp ủy, chính quyền quan tâm. Các chế độ, chính sách được chi trả đầy đủ, kịp thời; 100% gia đình người có công có mức sống bằng hoặc cao hơn mức sống trung bình của dân cư nơi cư trú. Phong trào “Đền ơn đáp nghĩa” được các cơ quan, doanh nghiệp và nhân dân hưởng ứng; từ đầu năm đến nay, xã đã vận động xây mới, sửa chữa 3 nhà tình nghĩa, chăm sóc, tu bổ nghĩa trang liệt sĩ và các đài tưởng niệm ở các thôn.</p>
<p>Tại buổi gặp mặt, các đại biểu đã chia sẻ nhiều kỷ niệm trong những năm tháng chiến đấu, đồng thời bày tỏ mong muốn lớp trẻ tiếp tục giữ gìn truyền thống, ra sức học tập, lao động, xây dựng quê hương. Ông Võ Văn Thịnh, thương binh hạng 2/4 ở thôn Tây Lĩnh, xúc động: “Dù đã sáp nhập, xã vẫn không quên những người như chúng tôi. Được gặp lại đồng đội, được lãnh đạo xã thăm hỏi, chúng tôi rất ấm lòng”.</p>
<p>Nhân dịp này, xã đã trao 1.146 suất quà của Chủ tịch nước, của UBND tỉnh và của UBND xã tới người có công và thân nhân. Trong các ngày 25 và 26/7, các đoàn công tác của xã sẽ đến thăm, tặng quà các gia đình chính sách tiêu biểu; tổ chức thắp nến tri ân tại Nghĩa trang liệt sĩ xã vào tối 26/7.</p>`,
	},
	{
		Title:       "Vận động người dân tham gia bảo hiểm y tế hộ gia đình",
		Summary:     "Tỷ lệ bao phủ bảo hiểm y tế của xã đạt 93,1%; còn hơn 2.100 người chưa có thẻ, chủ yếu là lao động tự do và thành viên hộ gia đình làm nông nghiệp.",
		Author:      "Võ Thị Hạnh",
		Source:      "Phòng Văn hóa – Xã hội xã",
		Category:    "van-hoa-xa-hoi",
		Tags:        []string{"bảo hiểm y tế", "BHYT", "y tế", "an sinh xã hội"},
		PublishedAt: at(time.August, 11, 14, 0),
		BodyHTML: `<p>Theo số liệu của cơ quan bảo hiểm xã hội, đến cuối tháng 7/2026, tỷ lệ người dân xã Tân Hòa Lĩnh tham gia bảo hiểm y tế (BHYT) đạt 93,1%. Còn khoảng 2.100 người chưa có thẻ BHYT, phần lớn là lao động tự do, người làm nông nghiệp có thu nhập trung bình và một số người trong độ tuổi lao động đi làm ăn xa. Mục tiêu của xã đến cuối năm 2026 là đạt tỷ lệ bao phủ trên 95%.</p>
<h2>Những điều cần biết về BHYT hộ gia đình</h2>
<p>BHYT hộ gia đình áp dụng cho những người có tên trong cùng hộ gia đình nhưng không thuộc các nhóm đã được tham gia BHYT theo đối tượng khác (như người lao động có hợp đồng, người hưởng lương hưu, học sinh, sinh viên, hộ nghèo, người cao tuổi từ đủ 75 tuổi…). Mức đóng của người thứ nhất bằng 4,5% mức lương cơ sở; người thứ hai, thứ ba, thứ tư đóng lần lượt bằng 70%, 60%, 50% mức đóng của người thứ nhất; từ người thứ năm trở đi đóng bằng 40% mức đóng của người thứ nhất.</p>
<p>Người dân có thể đóng theo phương thức 3 tháng, 6 tháng hoặc 12 tháng tại các đại lý thu trên địa bàn (bưu điện xã, điểm thu tại Trung tâm Phục vụ hành chính công) hoặc thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia và ứng dụng VssID. Thẻ BHYT được tích hợp trên ứng dụng VNeID, khi đi khám chữa bệnh chỉ cần xuất trình căn cước gắn chip hoặc tài khoản định danh điện tử.</p>
<h2>Đóng liên tục để được hưởng quyền lợi cao hơn</h2>
<p>Người tham gia BHYT được quỹ BHYT chi trả chi phí khám, chữa bệnh theo phạm vi và mức hưởng quy định. Người có thời gian tham gia BHYT liên tục đủ 5 năm trở lên và có số tiền cùng chi trả trong năm lớn hơn 6 tháng lương cơ sở được hưởng thêm quyền lợi theo quy định. Vì vậy, người dân nên đóng BHYT liên tục, không để thẻ bị gián đoạn.</p>
<p>Trường hợp của bà Nguyễn Thị Lý, thôn Tân Phú, là một ví dụ. Năm ngoái, chồng bà phải phẫu thuật tim tại bệnh viện tuyến trung ương với chi phí hơn 180 triệu đồng; nhờ có thẻ BHYT hộ gia đình, quỹ BHYT đã chi trả phần lớn chi phí. “Mỗi năm đóng vài triệu cho cả nhà mà lúc ốm đau được hỗ trợ nhiều như vậy. Giờ tôi đi vận động hàng xóm mua BHYT”, bà Lý nói.</p>
<p>UBND xã đề nghị trưởng thôn, các chi hội và đại lý thu phối hợp rà soát từng hộ, vận động người chưa tham gia; các tổ chức, cá nhân hảo tâm hỗ trợ mua thẻ BHYT cho người có hoàn cảnh khó khăn. Đây là giải pháp thiết thực để mỗi người dân được bảo vệ trước rủi ro về sức khỏe.</p>`,
	},
	{
		Title:       "Hơn 5.200 học sinh xã Tân Hòa Lĩnh hân hoan khai giảng năm học mới",
		Summary:     "Sáng 05/9, 10 trường mầm non, tiểu học và trung học cơ sở trên địa bàn xã đồng loạt tổ chức lễ khai giảng năm học 2026–2027; toàn xã có 512 học sinh vào lớp 1.",
		Author:      "Trần Thu Trang",
		Source:      "Phòng Văn hóa – Xã hội xã",
		Category:    "van-hoa-xa-hoi",
		Tags:        []string{"giáo dục", "khai giảng", "năm học 2026–2027", "trường học"},
		PublishedAt: at(time.September, 5, 10, 45),
		Featured:    true,
		BodyHTML: `<p>Sáng 05/9/2026, trong không khí Ngày toàn dân đưa trẻ đến trường, 10 trường mầm non, tiểu học và trung học cơ sở trên địa bàn xã Tân Hòa Lĩnh đồng loạt tổ chức lễ khai giảng năm học 2026–2027. Năm học này, toàn xã có hơn 5.200 trẻ em và học sinh, trong đó 512 học sinh vào lớp 1 và 498 học sinh vào lớp 6.</p>
<p>Tại Trường Trung học cơ sở Tân Hòa, đồng chí Trần Quốc Khánh, Bí thư Đảng ủy, Chủ tịch HĐND xã dự lễ khai giảng, đánh trống khai trường và trao học bổng cho học sinh có hoàn cảnh khó khăn vươn lên trong học tập. Các đồng chí lãnh đạo Đảng ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam xã chia nhau dự lễ khai giảng ở các trường còn lại.</p>
<h2>Chuẩn bị chu đáo cho năm học mới</h2>
<p>Năm học 2025–2026 là năm học đầu tiên UBND xã trực tiếp quản lý giáo dục mầm non, tiểu học và trung học cơ sở sau khi tổ chức lại chính quyền địa phương. Chất lượng giáo dục được giữ vững; xã có 46 học sinh đạt giải trong các cuộc thi cấp tỉnh, tỷ lệ học sinh tốt nghiệp trung học cơ sở đạt 99,6%.</p>
<p>Chuẩn bị cho năm học mới, UBND xã đã bố trí kinh phí sửa chữa 12 phòng học, xây mới khu vệ sinh tại Trường Tiểu học Hòa Lĩnh, bổ sung bàn ghế cho học sinh lớp 1; vận động các nhà hảo tâm tặng hơn 600 bộ sách giáo khoa, 1.500 quyển vở cho học sinh thuộc hộ nghèo, hộ cận nghèo. Chính sách miễn học phí đối với học sinh các trường công lập tiếp tục được thực hiện, giảm gánh nặng chi phí cho các gia đình.</p>
<p>Tại các trường, nhà trường đã đọc thư của Chủ tịch nước gửi ngành giáo dục nhân dịp khai giảng năm học mới; giáo viên và học sinh phát biểu quyết tâm thi đua dạy tốt, học tốt. Nhiều trường tổ chức các tiết mục văn nghệ, trò chơi dân gian để chào đón học sinh lớp 1, lớp 6.</p>
<h2>Những nhiệm vụ trọng tâm</h2>
<p>Theo Phòng Văn hóa – Xã hội xã, năm học 2026–2027, các trường tập trung nâng cao chất lượng dạy học theo Chương trình giáo dục phổ thông 2018; tăng cường dạy học tiếng Anh và ứng dụng công nghệ thông tin; chú trọng giáo dục đạo đức, kỹ năng sống, bảo đảm an toàn trường học và phòng, chống đuối nước cho học sinh. Xã phấn đấu đến cuối năm học có thêm 2 trường được công nhận đạt chuẩn quốc gia.</p>
<p>Phát biểu tại lễ khai giảng, Bí thư Đảng ủy xã mong muốn các thầy cô giáo tiếp tục tận tâm với nghề, các em học sinh chăm ngoan, học giỏi; đề nghị các gia đình phối hợp chặt chẽ với nhà trường trong việc giáo dục con em.</p>`,
	},
	{
		Title:       "Đêm hội trăng rằm cho hơn 800 thiếu nhi ở trung tâm xã",
		Summary:     "Tối 23/9, UBND xã phối hợp với Đoàn Thanh niên tổ chức chương trình “Vui Tết Trung thu” cho thiếu nhi, tặng 300 suất quà cho trẻ em có hoàn cảnh khó khăn.",
		Author:      "Võ Thị Hạnh",
		Source:      "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã",
		Category:    "van-hoa-xa-hoi",
		Tags:        []string{"Trung thu", "thiếu nhi", "trẻ em", "Đoàn Thanh niên"},
		PublishedAt: at(time.September, 24, 10, 0),
		BodyHTML: `<p>Tối 23/9/2026, tại sân vận động trung tâm xã, UBND xã Tân Hòa Lĩnh phối hợp với Ban Chấp hành Đoàn xã tổ chức chương trình “Vui Tết Trung thu – Thắp sáng ước mơ” cho thiếu nhi. Hơn 800 em thiếu nhi cùng phụ huynh đã tham gia đêm hội.</p>
<p>Chương trình gồm các tiết mục văn nghệ do chính các em thiếu nhi, đội văn nghệ của các trường và đoàn viên thanh niên biểu diễn; màn múa lân sôi động của đội lân thôn Hòa Bình; thi mâm cỗ Trung thu giữa các liên đội; các trò chơi dân gian như bịt mắt đập niêu, kéo co, nhảy bao bố. Cuối chương trình, các em rước đèn ông sao, đèn cá chép quanh sân vận động trong tiếng trống rộn ràng.</p>
<p>Dịp này, UBND xã và các nhà hảo tâm đã trao 300 suất quà, mỗi suất gồm bánh Trung thu, đèn lồng và sách vở, cho các em thuộc hộ nghèo, hộ cận nghèo, trẻ em mồ côi và trẻ em khuyết tật trên địa bàn. Trước đó, các chi đoàn ở 24 thôn cũng đã tổ chức phá cỗ Trung thu tại nhà văn hóa thôn, để các em ở xa trung tâm đều có một mùa trăng vui tươi.</p>
<p>Phát biểu tại chương trình, Phó Chủ tịch UBND xã Lê Thị Thu Hà mong các em luôn chăm ngoan, học giỏi, vâng lời ông bà, cha mẹ, thầy cô; đề nghị các gia đình, nhà trường và toàn xã hội quan tâm hơn nữa đến việc bảo vệ, chăm sóc trẻ em, xây dựng môi trường sống an toàn, lành mạnh, phòng chống tai nạn thương tích và đuối nước cho trẻ.</p>`,
	},
	{
		Title:       "Cô giáo Đặng Thị Thuỷ và lớp học xóa mù chữ ở thôn Khe Mây",
		Summary:     "Ba năm nay, cứ ba buổi tối mỗi tuần, cô giáo Đặng Thị Thuỷ lại đạp xe đến nhà văn hóa thôn Khe Mây để dạy chữ cho những phụ nữ đã ngoài 30, 40 tuổi.",
		Author:      "Phạm Ngọc Ánh",
		Source:      "Phòng Văn hóa – Xã hội xã",
		Category:    "van-hoa-xa-hoi",
		Tags:        []string{"xóa mù chữ", "giáo dục", "gương người tốt việc tốt", "Khe Mây"},
		PublishedAt: at(time.October, 15, 15, 0),
		BodyHTML: `<p>Bảy giờ tối, khi các gia đình ở thôn Khe Mây vừa xong bữa cơm, ánh đèn ở nhà văn hóa thôn đã sáng. Trong căn phòng nhỏ, mười bốn học viên, người trẻ nhất 28 tuổi, người lớn tuổi nhất đã 57, ngồi ngay ngắn trước những trang vở ô li. Đứng trên bục là cô giáo Đặng Thị Thuỷ, giáo viên Trường Tiểu học và Trung học cơ sở Khe Mây.</p>
<h2>“Biết chữ để không phải nhờ người khác”</h2>
<p>Cô Thuỷ về công tác ở Khe Mây từ năm 2012. Qua những lần đến nhà học sinh, cô nhận ra nhiều phụ huynh, nhất là các chị em phụ nữ, không biết đọc, biết viết. Có người phải nhờ con ký tên vào sổ liên lạc, có người không đọc được hướng dẫn trên vỉ thuốc. Năm 2023, khi xã Sơn Thủy cũ mở lớp xóa mù chữ, cô đã xin được đứng lớp.</p>
<p>“Lúc đầu vận động rất khó. Chị em ngại, bảo già rồi học làm gì, lại bận việc nương rẫy, con cái. Tôi đến từng nhà nói chuyện, nhờ cả chồng các chị động viên”, cô Thuỷ kể. Lớp học khai giảng với 9 học viên; đến nay đã có 31 người hoàn thành giai đoạn 1 chương trình xóa mù chữ, 14 người đang học giai đoạn 2.</p>
<p>Để học viên không nản, cô thiết kế những bài học gắn với cuộc sống hằng ngày: đọc tên thuốc, tính tiền bán mật ong, viết tên các thành viên trong gia đình, đọc thông báo của thôn. Những học viên chậm hơn, cô kèm riêng vào cuối buổi. Nhiều hôm trời mưa, đường trơn, cô vẫn khoác áo mưa, đạp xe gần 3 km đến lớp.</p>
<h2>Những đổi thay từ con chữ</h2>
<p>Chị Hồ Thị Mến, 41 tuổi, học viên của lớp, giờ đã tự đọc được tin nhắn của ngân hàng và tự ghi sổ sách số mật ong bán ra mỗi tháng. “Trước đây ai đưa giấy gì tôi cũng chỉ biết điểm chỉ. Bây giờ tôi ký được tên mình, đọc được sách cho con nghe. Vui lắm”, chị Mến nói.</p>
<p>Không chỉ học chữ, lớp học còn trở thành nơi chị em chia sẻ kinh nghiệm nuôi con, chăm sóc sức khỏe, được cán bộ Hội Phụ nữ, nhân viên y tế thôn đến tuyên truyền về dinh dưỡng, phòng chống bạo lực gia đình. Một số học viên đã được tổ công nghệ số cộng đồng hướng dẫn sử dụng ứng dụng VNeID, tự tra cứu thông tin thẻ bảo hiểm y tế.</p>
<p>Với những đóng góp thầm lặng, cô Đặng Thị Thuỷ đã được UBND xã tặng Giấy khen trong phong trào “Cả nước thi đua xây dựng xã hội học tập”. Hỏi về dự định, cô chỉ nói mong muốn giản dị: “Tôi mong đến ngày ở Khe Mây không còn ai phải điểm chỉ thay chữ ký nữa”.</p>
<p>Theo Phòng Văn hóa – Xã hội xã, đến nay tỷ lệ người từ 15 đến 60 tuổi biết chữ mức độ 2 của xã đạt 98,7%. Xã tiếp tục duy trì các lớp xóa mù chữ ở thôn Khe Mây và thôn Tây Lĩnh, hướng tới hoàn thành mục tiêu xóa mù chữ bền vững.</p>`,
	},
	{
		Title:       "Hội thi hoà giải viên giỏi xã Tân Hòa Lĩnh lần thứ nhất",
		Summary:     "12 đội thi đại diện cho 24 tổ hòa giải ở cơ sở đã tham gia hội thi, qua đó nâng cao kỹ năng hòa giải các mâu thuẫn, tranh chấp nhỏ ngay tại khu dân cư.",
		Author:      "Lê Văn Sơn",
		Source:      "Văn phòng HĐND và UBND xã",
		Category:    "van-hoa-xa-hoi",
		Tags:        []string{"hòa giải ở cơ sở", "pháp luật", "hội thi", "Ngày Pháp luật"},
		PublishedAt: at(time.October, 28, 16, 30),
		BodyHTML: `<p>Ngày 28/10/2026, UBND xã Tân Hòa Lĩnh tổ chức Hội thi hòa giải viên giỏi lần thứ nhất. Đây là hoạt động hưởng ứng Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam (09/11), đồng thời là dịp để các hòa giải viên ở 24 thôn giao lưu, học hỏi kinh nghiệm sau khi hợp nhất xã.</p>
<p>Tham gia hội thi có 12 đội, mỗi đội gồm thành viên của hai tổ hòa giải ở các thôn liền kề. Các đội tranh tài qua ba phần thi: chào hỏi, kiến thức pháp luật và xử lý tình huống. Nội dung thi tập trung vào Luật Hòa giải ở cơ sở, pháp luật về đất đai, hôn nhân và gia đình, phòng, chống bạo lực gia đình và những quy định liên quan đến đời sống hằng ngày ở khu dân cư.</p>
<p>Phần thi xử lý tình huống được thể hiện dưới hình thức tiểu phẩm, thu hút sự chú ý của đông đảo khán giả. Các tình huống được xây dựng từ chính những vụ việc thường gặp như tranh chấp lối đi chung, nước thải chảy sang nhà hàng xóm, mâu thuẫn giữa mẹ chồng và nàng dâu, chia tài sản thừa kế giữa anh em trong gia đình. Qua mỗi tiểu phẩm, các hòa giải viên thể hiện sự am hiểu pháp luật, khéo léo vận dụng phong tục, tập quán tốt đẹp và tình làng nghĩa xóm để các bên tự nguyện thỏa thuận.</p>
<p>Kết quả, Ban Tổ chức trao giải Nhất cho đội thôn Hòa Bình – Gò Đình; giải Nhì cho đội thôn Sơn Thủy 1 – Sơn Thủy 2; hai giải Ba cho đội thôn Đông Lĩnh – Tây Lĩnh và đội thôn Bàu Sen – Khe Mây; các đội còn lại nhận giải Khuyến khích.</p>
<p>Theo báo cáo của UBND xã, từ đầu năm đến nay, các tổ hòa giải ở cơ sở đã tiếp nhận 87 vụ việc, hòa giải thành 74 vụ, đạt tỷ lệ 85%. Nhiều vụ việc được giải quyết ngay từ khi mới phát sinh, góp phần giữ gìn đoàn kết trong cộng đồng, giảm đơn thư vượt cấp. Phát biểu bế mạc hội thi, lãnh đạo UBND xã đề nghị các tổ hòa giải tiếp tục phát huy vai trò “cánh tay nối dài” của chính quyền, chủ động nắm bắt, hòa giải kịp thời các mâu thuẫn ngay tại thôn.</p>`,
	},
}
