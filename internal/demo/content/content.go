// Package content holds the original Vietnamese demo content of Cổng: one
// fictional commune-level portal (xã Tân Hòa Lĩnh, tỉnh Lam Giang — neither
// exists), its categories and a few dozen articles written for the demo.
//
// Every name, number, person and document of local level in this package is
// invented. National documents are only cited by their public number.
package content

import "time"

// Site describes the portal and the agency that runs it.
type Site struct {
	Name, Agency, Address, Phone, Email, Footer, Description string
	StartingTotal                                            int64
}

// Category is one news category (chuyên mục).
type Category struct {
	Name, Slug, Description string
	Position                int
}

// Article is one published article.
type Article struct {
	Title, Summary string
	BodyHTML       string // simple HTML, no scripts, no inline styles
	Author, Source string
	Category       string // slug of one category
	Tags           []string
	PublishedAt    time.Time // Asia/Ho_Chi_Minh (+07:00)
	Featured       bool
}

// ict is Indochina Time, the zone of every publication time.
var ict = time.FixedZone("ICT", 7*3600)

// at returns the given day and time of 2026 in ICT.
func at(month time.Month, day, hour, min int) time.Time {
	return time.Date(2026, month, day, hour, min, 0, 0, ict)
}

// TheSite is the fictional portal.
var TheSite = Site{
	Name:    "Cổng thông tin điện tử xã Tân Hòa Lĩnh",
	Agency:  "Ủy ban nhân dân xã Tân Hòa Lĩnh",
	Address: "Số 86 đường Lê Hữu Trác, thôn Hòa Bình, xã Tân Hòa Lĩnh, tỉnh Lam Giang",
	Phone:   "0232 3 868 115",
	Email:   "ubnd@tanhoalinh.lamgiang.gov.vn",
	Footer: "Cơ quan chủ quản: Ủy ban nhân dân xã Tân Hòa Lĩnh, tỉnh Lam Giang; " +
		"Chịu trách nhiệm chính: Ông Phan Văn Định – Chủ tịch UBND xã; " +
		"Giấy phép số 15/GP-SVHTTDL ngày 20/8/2025 của Sở Văn hóa, Thể thao và Du lịch tỉnh Lam Giang. " +
		"Ghi rõ nguồn “Cổng thông tin điện tử xã Tân Hòa Lĩnh” khi phát hành lại thông tin từ trang này.",
	Description: "Cổng thông tin điện tử chính thức của Ủy ban nhân dân xã Tân Hòa Lĩnh, tỉnh Lam Giang: " +
		"tin tức hoạt động của chính quyền, thông báo, thủ tục hành chính và dịch vụ công trực tuyến " +
		"phục vụ người dân, doanh nghiệp.",
	StartingTotal: 1284375,
}

// Categories are the portal's categories, in menu order.
var Categories = []Category{
	{Name: "Tin tức", Slug: "tin-tuc", Position: 1,
		Description: "Hoạt động của Đảng ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam xã và các sự kiện nổi bật trên địa bàn."},
	{Name: "Thông báo", Slug: "thong-bao", Position: 2,
		Description: "Thông báo, lịch tiếp công dân, tuyển dụng, lấy ý kiến nhân dân và các thông tin phải công khai theo quy định."},
	{Name: "Cải cách hành chính", Slug: "cai-cach-hanh-chinh", Position: 3,
		Description: "Thủ tục hành chính, dịch vụ công trực tuyến, hoạt động của Trung tâm Phục vụ hành chính công xã và chuyển đổi số."},
	{Name: "Kinh tế – Xã hội", Slug: "kinh-te-xa-hoi", Position: 4,
		Description: "Sản xuất nông, lâm nghiệp, xây dựng nông thôn mới, sản phẩm OCOP, đầu tư hạ tầng và an sinh xã hội."},
	{Name: "Văn hóa – Xã hội", Slug: "van-hoa-xa-hoi", Position: 5,
		Description: "Giáo dục, y tế, văn hóa, thể thao, gia đình và các phong trào ở khu dân cư."},
	{Name: "Quốc phòng – An ninh", Slug: "quoc-phong-an-ninh", Position: 6,
		Description: "Công tác quân sự địa phương, an ninh trật tự, an toàn giao thông, phòng, chống thiên tai và tìm kiếm cứu nạn."},
}

// Articles are all demo articles, grouped by category in the source.
var Articles = concat(tinTuc, thongBao, caiCachHanhChinh, kinhTeXaHoi, vanHoaXaHoi, quocPhongAnNinh)

func concat(groups ...[]Article) []Article {
	var all []Article
	for _, g := range groups {
		all = append(all, g...)
	}
	return all
}
