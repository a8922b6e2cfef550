package web

import (
	"net/http"

	"github.com/congportal/cong/internal/institution"
	"github.com/congportal/cong/internal/news"
)

// siteMapLink is one entry of the HTML site map, with its sub-entries.
type siteMapLink struct {
	Name, URL string
	Children  []siteMapLink
}

// portalSections are the portal's fixed sections, in the order of the menu.
var portalSections = []siteMapLink{
	{Name: "Trang chủ", URL: "/"},
	{Name: "Tìm kiếm", URL: "/tim-kiem"},
	{Name: "Văn bản", URL: "/van-ban"},
	{Name: "Thủ tục hành chính", URL: "/thu-tuc"},
	{Name: "Tra cứu hồ sơ", URL: "/tra-cuu"},
	{Name: "Hồ sơ của tôi", URL: "/ho-so-cua-toi"},
	{Name: "Thống kê giải quyết hồ sơ", URL: "/thong-ke"},
	{Name: "Hỏi đáp", URL: "/hoi-dap"},
	{Name: "Lấy ý kiến dự thảo", URL: "/lay-y-kien"},
	{Name: "Tin RSS", URL: "/rss.xml"},
}

// siteMapPage: GET /so-do-trang, the footer's "Sơ đồ trang" for people
// (the XML one at /sitemap.xml is for search engines): the sections, the
// categories as a tree and the institutional pages.
func (s *Server) siteMapPage(w http.ResponseWriter, r *http.Request) error {
	p := s.basePage(r.Context())
	p.Canonical = s.baseURLOf(r) + "/so-do-trang"
	p.Description = "Sơ đồ trang của " + p.Site.Name + ": các chuyên mục, trang giới thiệu và chức năng của cổng."
	groups := []siteMapLink{{Name: "Chức năng", Children: portalSections}}
	groups = append(groups, siteMapLink{Name: "Chuyên mục", Children: siteMapCategories(p.Categories, 0, 0)})
	inst := siteMapLink{Name: "Giới thiệu cơ quan"}
	for _, k := range institution.PageKinds {
		inst.Children = append(inst.Children, siteMapLink{Name: k.Name, URL: "/" + k.Code})
	}
	p.SiteMap = append(groups, inst)
	s.countVisit(r, 0)
	return s.renderTo(w, r, http.StatusOK, "sitemap_html", p)
}

// siteMapCategories nests categories under their parents; depth is bounded so a
// cycle made outside the admin cannot recurse for ever.
func siteMapCategories(cats []news.Category, parent int64, depth int) []siteMapLink {
	if depth > 8 {
		return nil
	}
	var out []siteMapLink
	for _, c := range cats {
		if c.ParentID == parent {
			out = append(out, siteMapLink{Name: c.Name, URL: "/chuyen-muc/" + c.Slug, Children: siteMapCategories(cats, c.ID, depth+1)})
		}
	}
	return out
}
