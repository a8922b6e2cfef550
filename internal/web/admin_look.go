package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/homepage"
	"github.com/congportal/cong/internal/media"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
)

// /quan-tri/giao-dien: the site's look, set by its administrators without
// code: home page blocks and their order, quick links, the menu, the logo
// and the banner. Each list is one form saved whole; a refused form comes
// back with every row as typed and the message beside the row.

const lookPath = "/quan-tri/giao-dien"

// blankRows are the empty rows each list offers for additions.
const blankRows = 4

type lookPage struct {
	adminPage
	Kinds      []homepage.KindInfo
	Categories []news.Category
	DocTypes   []string
	Images     []store.Media
	Blocks     []homepage.Block
	Links      []homepage.Link
	Menu       []homepage.MenuItem
	Identity   store.Identity
	Logo       *lookImage
	Banner     *lookImage
	Default    bool // the home page uses the default arrangement
	DefaultMnu bool // the built-in menu
	Form       string
	Errors     map[int]string
	FieldError string // identity form
	Message    string
}

func (s *Server) newLookPage(r *http.Request) (*lookPage, error) {
	ctx := r.Context()
	siteID := s.siteIDOf(r)
	p := &lookPage{adminPage: s.newAdminPage(r, "Giao diện cổng"), Kinds: homepage.Kinds}
	p.Nav = "look"
	var err error
	if p.Categories, err = s.st.Categories(ctx, siteID); err != nil {
		return nil, err
	}
	facets, err := s.st.DocumentFacets(ctx, siteID)
	if err != nil {
		return nil, err
	}
	p.DocTypes = facets.Types
	if p.Images, _, err = s.st.ListMedia(ctx, store.MediaFilter{SiteID: siteID, Kind: string(media.KindImage), Limit: 200}); err != nil {
		return nil, err
	}
	if p.Blocks, err = s.st.HomeBlocks(ctx, siteID); err != nil {
		return nil, err
	}
	if len(p.Blocks) == 0 {
		p.Default = true
		ids := make([]int64, len(p.Categories))
		for i, c := range p.Categories {
			ids[i] = c.ID
		}
		p.Blocks = homepage.Default(ids)
	}
	if p.Links, err = s.st.HomeLinks(ctx, siteID); err != nil {
		return nil, err
	}
	if len(p.Links) == 0 {
		p.Links = homepage.DefaultLinks()
	}
	// A picture older than the listed ones stays selectable, so saving the
	// form again does not drop it.
	listed := map[int64]bool{}
	for _, m := range p.Images {
		listed[m.ID] = true
	}
	for _, l := range p.Links {
		if l.MediaID != 0 && !listed[l.MediaID] {
			if m, err := s.st.MediaByID(ctx, siteID, l.MediaID); err == nil && m.Kind == string(media.KindImage) {
				p.Images = append(p.Images, m)
				listed[m.ID] = true
			}
		}
	}
	if p.Menu, err = s.st.MenuItems(ctx, siteID); err != nil {
		return nil, err
	}
	p.DefaultMnu = len(p.Menu) == 0
	if p.Identity, err = s.st.SiteIdentity(ctx, siteID); err != nil {
		return nil, err
	}
	if p.Logo, err = s.lookImage(ctx, siteID, p.Identity.LogoID, p.Identity.LogoAlt, logoHeight); err != nil {
		return nil, err
	}
	if p.Banner, err = s.lookImage(ctx, siteID, p.Identity.BannerID, p.Identity.BannerAlt, 0); err != nil {
		return nil, err
	}
	return p, nil
}

// pad adds the blank rows for additions, numbered after the last.
func (p *lookPage) pad() {
	for i := 0; i < blankRows; i++ {
		p.Blocks = append(p.Blocks, homepage.Block{Position: len(p.Blocks) + 1})
		p.Links = append(p.Links, homepage.Link{Position: len(p.Links) + 1})
		p.Menu = append(p.Menu, homepage.MenuItem{Position: len(p.Menu) + 1})
	}
}

func (s *Server) lookForm(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	p, err := s.newLookPage(r)
	if err != nil {
		return err
	}
	p.pad()
	return s.renderAdmin(w, http.StatusOK, "look", p)
}

// rows counts the rows a list form sent: its fields are numbered from 0.
func rows(r *http.Request, field string, max int) int {
	n := 0
	for n < max {
		if _, ok := r.PostForm[field+"_"+strconv.Itoa(n)]; !ok {
			break
		}
		n++
	}
	return n
}

func formInt(r *http.Request, name string) int {
	v, err := strconv.Atoi(strings.TrimSpace(r.PostFormValue(name)))
	if err != nil {
		return 0
	}
	return v
}

func formID(r *http.Request, name string) int64 {
	v, err := strconv.ParseInt(strings.TrimSpace(r.PostFormValue(name)), 10, 64)
	if err != nil || v < 0 {
		return 0
	}
	return v
}

// formRowsMax bounds the rows read from one form, whatever is posted.
const formRowsMax = 100

func (s *Server) saveHomeBlocks(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	ctx := r.Context()
	siteID := s.siteIDOf(r)
	p, err := s.newLookPage(r)
	if err != nil {
		return err
	}
	if r.PostFormValue("mac-dinh") == "1" {
		if err := s.st.SetHomeBlocks(ctx, siteID, nil); err != nil {
			return err
		}
		s.ContentChanged()
		s.audit(r, "look.blocks", "site", siteID, "trang chủ: bố cục mặc định")
		http.Redirect(w, r, lookPath+"?tb=luu-khoi#khoi", http.StatusSeeOther)
		return nil
	}
	var typed []homepage.Block
	for i, n := 0, rows(r, "kind", formRowsMax); i < n; i++ {
		k := strconv.Itoa(i)
		typed = append(typed, homepage.Block{Position: formInt(r, "pos_"+k), Kind: homepage.Kind(r.PostFormValue("kind_" + k)),
			Title: formText(r, "title_"+k), CategoryID: formID(r, "cat_"+k), DocType: formText(r, "doctype_"+k), Count: formInt(r, "count_"+k)})
	}
	cats := map[int64]bool{}
	for _, c := range p.Categories {
		cats[c.ID] = true
	}
	clean, errs := homepage.Check(typed, func(id int64) bool { return cats[id] })
	if len(errs) > 0 {
		p.Blocks, p.Errors, p.Form = typed, errs, "khoi"
		p.Message = "Chưa lưu bố cục trang chủ: vui lòng sửa các dòng được đánh dấu. Nội dung bạn nhập vẫn còn bên dưới."
		if m, ok := errs[-1]; ok {
			p.Message = "Chưa lưu bố cục trang chủ: " + m
		}
		p.Default = false
		return s.renderAdmin(w, http.StatusUnprocessableEntity, "look", p)
	}
	if err := s.st.SetHomeBlocks(ctx, siteID, clean); err != nil {
		return err
	}
	s.ContentChanged()
	var names []string
	for _, b := range clean {
		names = append(names, b.Heading())
	}
	s.audit(r, "look.blocks", "site", siteID, "trang chủ: "+strings.Join(names, ", "))
	http.Redirect(w, r, lookPath+"?tb=luu-khoi#khoi", http.StatusSeeOther)
	return nil
}

func (s *Server) saveHomeLinks(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	ctx := r.Context()
	siteID := s.siteIDOf(r)
	p, err := s.newLookPage(r)
	if err != nil {
		return err
	}
	var typed []homepage.Link
	for i, n := 0, rows(r, "label", formRowsMax); i < n; i++ {
		k := strconv.Itoa(i)
		typed = append(typed, homepage.Link{Position: formInt(r, "pos_"+k), Label: formText(r, "label_"+k), URL: formText(r, "url_"+k),
			MediaID: formID(r, "media_"+k), Alt: formText(r, "alt_"+k)})
	}
	images := map[int64]bool{}
	for _, m := range p.Images {
		images[m.ID] = true
	}
	clean, errs := homepage.CheckLinks(typed, func(id int64) bool {
		if images[id] {
			return true
		}
		// Older than the images the form lists, but still the site's.
		m, err := s.st.MediaByID(ctx, siteID, id)
		return err == nil && m.Kind == string(media.KindImage)
	})
	if len(errs) > 0 {
		p.Links, p.Errors, p.Form = typed, errs, "lien-ket"
		p.Message = "Chưa lưu liên kết nhanh: vui lòng sửa các dòng được đánh dấu. Nội dung bạn nhập vẫn còn bên dưới."
		if m, ok := errs[-1]; ok {
			p.Message = "Chưa lưu liên kết nhanh: " + m
		}
		return s.renderAdmin(w, http.StatusUnprocessableEntity, "look", p)
	}
	if err := s.st.SetHomeLinks(ctx, siteID, clean); err != nil {
		return err
	}
	s.ContentChanged()
	s.audit(r, "look.links", "site", siteID, fmt.Sprintf("%d liên kết nhanh", len(clean)))
	http.Redirect(w, r, lookPath+"?tb=luu-lien-ket#lien-ket", http.StatusSeeOther)
	return nil
}

func (s *Server) saveMenu(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	ctx := r.Context()
	siteID := s.siteIDOf(r)
	if r.PostFormValue("mac-dinh") == "1" {
		if err := s.st.SetMenuItems(ctx, siteID, nil); err != nil {
			return err
		}
		s.ContentChanged()
		s.audit(r, "look.menu", "site", siteID, "trình đơn mặc định")
		http.Redirect(w, r, lookPath+"?tb=luu-trinh-don#trinh-don", http.StatusSeeOther)
		return nil
	}
	var typed []homepage.MenuItem
	for i, n := 0, rows(r, "label", formRowsMax); i < n; i++ {
		k := strconv.Itoa(i)
		depth := 0
		if r.PostFormValue("sub_"+k) == "1" {
			depth = 1
		}
		typed = append(typed, homepage.MenuItem{Position: formInt(r, "pos_"+k), Depth: depth, Label: formText(r, "label_"+k), URL: formText(r, "url_"+k)})
	}
	clean, errs := homepage.CheckMenu(typed)
	if len(errs) > 0 {
		p, err := s.newLookPage(r)
		if err != nil {
			return err
		}
		p.Menu, p.Errors, p.Form = typed, errs, "trinh-don"
		p.Message = "Chưa lưu trình đơn: vui lòng sửa các dòng được đánh dấu. Nội dung bạn nhập vẫn còn bên dưới."
		if m, ok := errs[-1]; ok {
			p.Message = "Chưa lưu trình đơn: " + m
		}
		return s.renderAdmin(w, http.StatusUnprocessableEntity, "look", p)
	}
	if err := s.st.SetMenuItems(ctx, siteID, clean); err != nil {
		return err
	}
	s.ContentChanged()
	s.audit(r, "look.menu", "site", siteID, fmt.Sprintf("%d mục trình đơn", len(clean)))
	http.Redirect(w, r, lookPath+"?tb=luu-trinh-don#trinh-don", http.StatusSeeOther)
	return nil
}

// saveIdentity receives the logo or banner form: a new picture goes
// through the media library (the same checks, re-encoding and resized
// copies as any upload) and is then set; without a file, the alt text of
// the current picture changes, or the picture is removed.
func (s *Server) saveIdentity(w http.ResponseWriter, r *http.Request) error {
	slot := r.FormValue("slot") // parses the multipart form if not yet
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	ctx := r.Context()
	siteID := s.siteIDOf(r)
	if slot != "logo" && slot != "banner" {
		return errBadRequest("Chọn biểu trưng (logo) hoặc ảnh đầu trang (banner).")
	}
	id, err := s.st.SiteIdentity(ctx, siteID)
	if err != nil {
		return err
	}
	curID, curAlt := &id.LogoID, &id.LogoAlt
	if slot == "banner" {
		curID, curAlt = &id.BannerID, &id.BannerAlt
	}
	alt := cleanText(r.FormValue("alt"), maxAltLen)
	refuse := func(msg string) error {
		p, err := s.newLookPage(r)
		if err != nil {
			return err
		}
		p.Form, p.FieldError = "anh-"+slot, msg
		p.Message = "Chưa lưu ảnh: " + msg
		return s.renderAdmin(w, http.StatusUnprocessableEntity, "look", p)
	}
	detail := ""
	switch {
	case r.FormValue("bo") == "1":
		*curID, *curAlt = 0, ""
		detail = "bỏ ảnh"
	case hasFile(r):
		in, err := readUpload(r)
		if err == nil && in.alt == "" {
			return refuse("Nhập mô tả ảnh (alt) cho người khiếm thị, ví dụ: Quốc huy và tên Ủy ban nhân dân xã.")
		}
		var m store.Media
		if err == nil {
			m, _, err = s.storeUpload(r, in)
		}
		if err == nil && m.Kind != string(media.KindImage) {
			return refuse("Tệp này không phải ảnh: chọn ảnh JPEG, PNG, WebP hoặc GIF.")
		}
		if err != nil {
			e := toError(err)
			if e.Status >= 500 {
				return err
			}
			return refuse(e.Message)
		}
		*curID, *curAlt = m.ID, alt
		detail = "ảnh mới: " + m.OriginalName
	default:
		if *curID == 0 {
			return refuse("Chọn tệp ảnh cần tải lên.")
		}
		if alt == "" {
			return refuse("Nhập mô tả ảnh (alt) cho người khiếm thị, ví dụ: Quốc huy và tên Ủy ban nhân dân xã.")
		}
		*curAlt = alt
		detail = "mô tả ảnh: " + alt
	}
	if err := s.st.SetSiteIdentity(ctx, siteID, id); err != nil {
		return err
	}
	s.ContentChanged()
	name := "biểu trưng"
	if slot == "banner" {
		name = "ảnh đầu trang"
	}
	s.audit(r, "look.identity", "site", siteID, name+": "+detail)
	http.Redirect(w, r, lookPath+"?tb=luu-anh#anh", http.StatusSeeOther)
	return nil
}

// hasFile reports whether the form carries a chosen file.
func hasFile(r *http.Request) bool {
	f, hdr, err := r.FormFile("file")
	if err != nil {
		return false
	}
	f.Close()
	return hdr.Size > 0
}
