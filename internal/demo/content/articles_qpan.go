package content

import "time"

// quocPhongAnNinh are the articles of category quoc-phong-an-ninh.
var quocPhongAnNinh = []Article{
	{
		Title:       "Chủ động phương án phòng, chống thiên tai và tìm kiếm cứu nạn mùa mưa bão năm 2026",
		Summary:     "Xã Tân Hòa Lĩnh rà soát 17 điểm xung yếu, lên phương án sơ tán 1.240 hộ dân khi có bão mạnh, lũ lớn và tổ chức diễn tập ứng phó lũ, sạt lở đất tại thôn Khe Mây theo phương châm “bốn tại chỗ”.",
		Author:      "Hoàng Minh Đức",
		Source:      "Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn xã",
		Category:    "quoc-phong-an-ninh",
		Tags:        []string{"phòng chống thiên tai", "mưa bão", "tìm kiếm cứu nạn", "bốn tại chỗ", "sạt lở đất"},
		PublishedAt: at(time.September, 10, 16, 30),
		Featured:    true,
		BodyHTML: `<p>Theo nhận định của cơ quan khí tượng thủy văn, từ tháng 9 đến tháng 12/2026, khu vực tỉnh Lam Giang có khả năng chịu ảnh hưởng của nhiều cơn bão, áp thấp nhiệt đới và các đợt mưa lớn, nguy cơ xảy ra lũ, ngập lụt, lũ quét và sạt lở đất ở vùng gò đồi. Trước tình hình đó, xã Tân Hòa Lĩnh đã ban hành Kế hoạch số 112/KH-UBND ngày 20/8/2026 về phòng, chống thiên tai và tìm kiếm cứu nạn năm 2026, yêu cầu các thôn, lực lượng và người dân chủ động chuẩn bị, không để bị động, bất ngờ.</p>
<h2>Địa bàn rộng, nhiều điểm xung yếu</h2>
<p>Sau hợp nhất, xã có diện tích tự nhiên hơn 126 km², địa hình đa dạng gồm vùng đồng bằng ven sông Vân Lĩnh ở phía đông và vùng gò đồi, núi thấp ở phía tây. Mỗi khi có mưa lớn kéo dài, các thôn ven sông như Phú Xuân, Cồn Mít, An Lạc thường bị ngập sâu từ 0,5 đến 1,5 m; trong khi các thôn vùng gò đồi như Khe Mây, Tây Lĩnh, Bàu Sen có nguy cơ sạt lở đất, lũ quét dọc các khe suối.</p>
<p>Qua rà soát, Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn xã đã xác định 17 điểm xung yếu, gồm 6 khu dân cư có nguy cơ ngập sâu, 5 điểm có nguy cơ sạt lở taluy dương gần nhà dân, 4 ngầm tràn thường bị nước lũ chia cắt và 2 đoạn đê bao xung yếu ven sông. Mỗi điểm đều được phân công một thành viên Ban Chỉ huy trực tiếp phụ trách, có phương án cụ thể về lực lượng, phương tiện, vị trí cắm biển cảnh báo và người canh gác khi có lũ.</p>
<h2>Phương án sơ tán được chuẩn bị đến từng hộ</h2>
<p>Kịch bản ứng phó được xây dựng theo các cấp độ rủi ro thiên tai. Khi có bão mạnh đổ bộ trực tiếp hoặc lũ lớn, xã dự kiến sơ tán 1.240 hộ với khoảng 4.300 người đến các điểm an toàn gồm trường học, nhà văn hóa kiên cố và nhà dân vững chắc theo hình thức “nhà tránh trú an toàn”. Danh sách các hộ phải sơ tán, nơi đến, người phụ trách và phương tiện đưa đón đã được các thôn lập sẵn, công khai đến từng hộ. Người cao tuổi, người khuyết tật, phụ nữ mang thai và trẻ nhỏ được ưu tiên sơ tán trước.</p>
<p>Theo phương châm “bốn tại chỗ” (chỉ huy tại chỗ, lực lượng tại chỗ, phương tiện, vật tư tại chỗ và hậu cần tại chỗ), xã đã kiện toàn lực lượng xung kích phòng, chống thiên tai ở 24 thôn với 480 người; rà soát, bảo dưỡng 6 thuyền máy, 14 thuyền nhỏ, 320 áo phao, 180 phao tròn cứu sinh, nhà bạt, máy phát điện, đèn pin. Các hộ kinh doanh trên địa bàn đã ký cam kết sẵn sàng cung ứng lương thực, nước uống, thuốc men khi có yêu cầu; Trạm Y tế xã dự trữ cơ số thuốc, hóa chất xử lý môi trường sau lũ.</p>
<h2>Diễn tập sát thực tế</h2>
<p>Sáng 09/9/2026, xã tổ chức diễn tập ứng phó lũ quét, sạt lở đất tại thôn Khe Mây với sự tham gia của hơn 200 người gồm dân quân, công an xã, lực lượng xung kích các thôn, nhân viên y tế, đoàn viên thanh niên và người dân. Tình huống giả định: mưa lớn kéo dài gây sạt lở đồi phía sau khu dân cư, vùi lấp một phần nhà ở, một người bị thương, nhiều hộ bị cô lập do ngầm tràn bị ngập.</p>
<p>Ngay khi nhận tin báo, Ban Chỉ huy xã triển khai sở chỉ huy tiền phương, huy động lực lượng tổ chức sơ tán người dân, tìm kiếm, sơ cứu người bị nạn, chuyển người bị thương lên tuyến trên; bố trí người canh gác, cắm biển cấm qua ngầm tràn; tổ chức nơi ăn, nghỉ tạm cho các hộ sơ tán tại trường học. Buổi diễn tập diễn ra an toàn, các lực lượng phối hợp nhịp nhàng, đúng phương án.</p>
<p>Qua diễn tập, Ban Chỉ huy cũng rút ra một số bài học: cần bổ sung phương tiện thông tin dự phòng khi mất sóng điện thoại ở khu vực đồi núi; cần tập huấn thêm kỹ năng sơ cứu cho lực lượng xung kích; phải cắm mốc báo lũ rõ hơn ở các ngầm tràn để người dân dễ quan sát.</p>
<h2>Khuyến cáo đối với người dân</h2>
<p>Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn xã khuyến cáo người dân:</p>
<ul>
<li>Thường xuyên theo dõi bản tin dự báo, cảnh báo thiên tai trên hệ thống truyền thanh của xã, thôn, trên Cổng thông tin điện tử xã và tin nhắn cảnh báo qua điện thoại.</li>
<li>Chủ động gia cố nhà cửa, chặt tỉa cành cây gần nhà, dự trữ lương thực, nước uống, thuốc men, đèn pin cho ít nhất 5 đến 7 ngày.</li>
<li>Thu hoạch sớm lúa, hoa màu; di chuyển gia súc, gia cầm, tài sản đến nơi cao ráo khi có cảnh báo mưa lũ.</li>
<li>Chấp hành nghiêm lệnh sơ tán của chính quyền; tuyệt đối không qua lại ngầm tràn, khe suối khi nước đang lên, không vớt củi, đánh bắt cá trên sông khi có lũ.</li>
<li>Các hộ ở gần sườn đồi theo dõi dấu hiệu sạt lở như vết nứt trên mặt đất, tường nhà, nước suối đục bất thường, tiếng động lạ trong lòng núi và báo ngay cho trưởng thôn.</li>
</ul>
<p>Ông Phan Văn Định, Chủ tịch UBND xã, Trưởng Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn xã nhấn mạnh: mục tiêu cao nhất là bảo đảm an toàn tính mạng cho người dân, giảm đến mức thấp nhất thiệt hại về tài sản. Trong mùa mưa bão, Ban Chỉ huy xã duy trì chế độ trực 24/24 giờ; người dân khi cần hỗ trợ khẩn cấp liên hệ trưởng thôn hoặc số điện thoại trực của UBND xã 0232 3 868 115.</p>`,
	},
	{
		Title:       "Công an xã tăng cường bảo đảm trật tự an toàn giao thông dịp nghỉ lễ 2/9",
		Summary:     "Công an xã Tân Hòa Lĩnh bố trí các tổ tuần tra, kiểm soát trên tuyến đường tỉnh ĐT.627 và các tuyến liên thôn, tập trung xử lý vi phạm nồng độ cồn, chạy quá tốc độ và không đội mũ bảo hiểm.",
		Author:      "Đinh Quang Huy",
		Source:      "Công an xã",
		Category:    "quoc-phong-an-ninh",
		Tags:        []string{"an toàn giao thông", "Công an xã", "nồng độ cồn", "nghỉ lễ"},
		PublishedAt: at(time.August, 28, 10, 0),
		BodyHTML: `<p>Để bảo đảm trật tự an toàn giao thông trong dịp nghỉ lễ Quốc khánh 02/9 và những ngày học sinh tựu trường, Công an xã Tân Hòa Lĩnh đã xây dựng kế hoạch cao điểm tuần tra, kiểm soát từ ngày 28/8 đến ngày 10/9/2026.</p>
<p>Theo Thiếu tá Hồ Văn Lực, Trưởng Công an xã, trên địa bàn xã có đường tỉnh ĐT.627 chạy qua với mật độ phương tiện khá lớn, trong khi nhiều tuyến đường liên thôn hẹp, có đoạn cong, dốc, thiếu đèn chiếu sáng. Trong dịp nghỉ lễ, nhu cầu đi lại, tụ tập liên hoan tăng cao, tiềm ẩn nguy cơ xảy ra tai nạn giao thông, nhất là các trường hợp điều khiển xe sau khi uống rượu, bia và thanh thiếu niên chưa đủ tuổi điều khiển xe máy.</p>
<p>Trong đợt cao điểm, Công an xã bố trí các tổ tuần tra lưu động kết hợp chốt kiểm soát tại các nút giao đông người như ngã ba chợ Tân Hòa, khu vực cổng các trường học và tuyến đường vào trung tâm xã. Lực lượng tập trung kiểm tra, xử lý các hành vi vi phạm về nồng độ cồn, chạy quá tốc độ, không đội mũ bảo hiểm, chở quá số người quy định, giao xe cho người không đủ điều kiện điều khiển. Trong những ngày đầu năm học, công an viên các thôn phối hợp với nhà trường hướng dẫn phân luồng, bảo đảm an toàn cho học sinh vào giờ tan trường.</p>
<p>Cùng với tuần tra, xử lý vi phạm, Công an xã đẩy mạnh tuyên truyền qua hệ thống truyền thanh, các nhóm thông tin của thôn trên mạng xã hội; vận động phụ huynh không giao xe máy cho con em chưa đủ tuổi, cam kết không điều khiển phương tiện sau khi đã uống rượu, bia. Công an xã cũng phối hợp với Phòng Kinh tế rà soát, đề xuất lắp đặt bổ sung biển báo, gương cầu lồi tại các khúc cua khuất tầm nhìn trên tuyến liên thôn.</p>
<p>Trong 8 tháng đầu năm 2026, trên địa bàn xã xảy ra 3 vụ tai nạn giao thông, làm 1 người chết, 3 người bị thương, giảm cả ba tiêu chí so với cùng kỳ năm trước. Công an xã đề nghị người dân nghiêm chỉnh chấp hành pháp luật về trật tự, an toàn giao thông để mỗi chuyến đi trong dịp lễ đều an toàn.</p>`,
	},
	{
		Title:       "Sơ tuyển sức khỏe nghĩa vụ quân sự năm 2027 cho 246 công dân",
		Summary:     "Hội đồng nghĩa vụ quân sự xã phối hợp với Trạm Y tế xã tổ chức sơ tuyển sức khỏe cho 246 công dân trong độ tuổi gọi nhập ngũ, chuẩn bị cho công tác tuyển quân năm 2027.",
		Author:      "Lê Văn Sơn",
		Source:      "Ban Chỉ huy quân sự xã",
		Category:    "quoc-phong-an-ninh",
		Tags:        []string{"nghĩa vụ quân sự", "tuyển quân", "sơ tuyển sức khỏe"},
		PublishedAt: at(time.November, 10, 15, 0),
		BodyHTML: `<p>Trong hai ngày 09 và 10/11/2026, Hội đồng nghĩa vụ quân sự xã Tân Hòa Lĩnh phối hợp với Trạm Y tế xã tổ chức sơ tuyển sức khỏe cho công dân trong độ tuổi gọi nhập ngũ năm 2027. Có 246 công dân thuộc diện gọi sơ tuyển có mặt, đạt tỷ lệ 98,4%; 4 công dân vắng mặt có lý do chính đáng và đã được hẹn sơ tuyển bổ sung.</p>
<p>Công dân được kiểm tra thể lực, các bệnh lý có thể nhìn thấy, khai thác tiền sử bệnh tật và đối chiếu với tiêu chuẩn sức khỏe theo quy định. Theo Ban Chỉ huy quân sự xã, việc sơ tuyển được thực hiện công khai, đúng quy trình; kết quả sơ tuyển là căn cứ để lập danh sách công dân gọi khám sức khỏe nghĩa vụ quân sự, tránh việc gọi khám tràn lan gây tốn kém thời gian, chi phí của người dân.</p>
<p>Trước đó, Hội đồng nghĩa vụ quân sự xã đã chỉ đạo các thôn rà soát, nắm chắc nguồn công dân trong độ tuổi, kể cả những người đang học tập, làm việc ở xa; phối hợp với gia đình thông báo cho công dân về đúng thời gian quy định. Công tác tuyên truyền Luật Nghĩa vụ quân sự được đẩy mạnh qua hệ thống truyền thanh, các buổi họp thôn và sinh hoạt của chi đoàn.</p>
<p>Thượng úy Võ Minh Tuấn, Chỉ huy trưởng Ban Chỉ huy quân sự xã cho biết, năm 2026, xã hoàn thành 100% chỉ tiêu giao quân với 38 công dân lên đường nhập ngũ, trong đó có 6 công dân có trình độ cao đẳng, đại học và 2 công dân tình nguyện. Năm 2027, xã phấn đấu tiếp tục giao quân đủ số lượng, bảo đảm chất lượng, không để xảy ra sai sót, tiêu cực trong tuyển chọn.</p>
<p>UBND xã đề nghị các gia đình động viên con em chấp hành nghiêm lệnh gọi khám sức khỏe, sẵn sàng lên đường thực hiện nghĩa vụ bảo vệ Tổ quốc khi có lệnh gọi nhập ngũ.</p>`,
	},
}
