package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/viet"
)

// categoryRow is a category in menu order with its depth in the tree.
type categoryRow struct {
	news.Category
	Depth      int
	ParentName string
	Articles   int
	Children   int
}

// Indent is the row's name prefix showing its depth.
func (c categoryRow) Indent() string { return strings.Repeat("— ", c.Depth) }

// categoryFields is the category form as typed.
type categoryFields struct {
	Name, Slug, Position, Description string
	Parent                            int64
}

type categoriesPage struct {
	adminPage
	Rows    []categoryRow
	Editing *categoryRow // nil on the list page
	Parents []categoryRow
	F       categoryFields
	Errors  map[string]string
	Message string
}

// categoryTree orders categories as the menu shows them: each parent
// followed by its children, by position. A category whose parent is
// missing is shown at the top level.
func categoryTree(cats []news.Category, counts map[int64]int) []categoryRow {
	byID := map[int64]news.Category{}
	children := map[int64][]news.Category{}
	for _, c := range cats {
		byID[c.ID] = c
	}
	for _, c := range cats { // already in position order
		p := c.ParentID
		if _, ok := byID[p]; !ok || p == c.ID {
			p = 0
		}
		children[p] = append(children[p], c)
	}
	var out []categoryRow
	seen := map[int64]bool{}
	var walk func(parent int64, depth int)
	walk = func(parent int64, depth int) {
		for _, c := range children[parent] {
			if seen[c.ID] {
				continue
			}
			seen[c.ID] = true
			out = append(out, categoryRow{Category: c, Depth: depth, ParentName: byID[c.ParentID].Name, Articles: counts[c.ID], Children: len(children[c.ID])})
			walk(c.ID, depth+1)
		}
	}
	walk(0, 0)
	for _, c := range cats { // a cycle left over from outside the admin
		if !seen[c.ID] {
			out = append(out, categoryRow{Category: c, ParentName: byID[c.ParentID].Name, Articles: counts[c.ID], Children: len(children[c.ID])})
		}
	}
	return out
}

// descendants returns id and every category below it.
func descendants(rows []categoryRow, id int64) map[int64]bool {
	out := map[int64]bool{id: true}
	for changed := true; changed; {
		changed = false
		for _, r := range rows {
			if !out[r.ID] && out[r.ParentID] && r.ParentID != 0 {
				out[r.ID], changed = true, true
			}
		}
	}
	return out
}

func (s *Server) categoriesPage(r *http.Request, editID int64) (*categoriesPage, error) {
	cats, err := s.st.Categories(r.Context(), s.siteIDOf(r))
	if err != nil {
		return nil, err
	}
	counts, err := s.st.CategoryArticleCounts(r.Context(), s.siteIDOf(r))
	if err != nil {
		return nil, err
	}
	p := &categoriesPage{adminPage: s.newAdminPage(r, "Chuyên mục"), Rows: categoryTree(cats, counts)}
	p.Nav = "categories"
	p.Parents = p.Rows
	if editID != 0 {
		for i := range p.Rows {
			if p.Rows[i].ID == editID {
				p.Editing = &p.Rows[i]
			}
		}
		if p.Editing == nil {
			return nil, errNotFound()
		}
		p.Title = "Sửa chuyên mục " + p.Editing.Name
		c := p.Editing.Category
		p.F = categoryFields{Name: c.Name, Slug: c.Slug, Position: strconv.Itoa(c.Position), Description: c.Description, Parent: c.ParentID}
		// A category cannot move under itself or its own subcategories.
		skip := descendants(p.Rows, editID)
		p.Parents = nil
		for _, row := range p.Rows {
			if !skip[row.ID] {
				p.Parents = append(p.Parents, row)
			}
		}
	} else {
		next := 0
		for _, c := range cats {
			if c.ParentID == 0 && c.Position >= next {
				next = c.Position + 1
			}
		}
		p.F.Position = strconv.Itoa(next)
	}
	return p, nil
}

func categoryID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return 0, errNotFound()
	}
	return id, nil
}

func (s *Server) adminCategories(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	p, err := s.categoriesPage(r, 0)
	if err != nil {
		return err
	}
	return s.renderAdmin(w, http.StatusOK, "categories", p)
}

func (s *Server) editCategoryForm(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	id, err := categoryID(r)
	if err != nil {
		return err
	}
	p, err := s.categoriesPage(r, id)
	if err != nil {
		return err
	}
	return s.renderAdmin(w, http.StatusOK, "categories", p)
}

// readCategory validates the form against the page's tree (p.Parents
// already excludes the category itself and its subcategories).
func readCategory(r *http.Request, p *categoriesPage) (news.Category, map[string]string) {
	f := categoryFields{Name: formText(r, "name"), Slug: strings.TrimSpace(r.PostFormValue("slug")), Position: strings.TrimSpace(r.PostFormValue("position")),
		Description: formText(r, "description")}
	f.Parent, _ = strconv.ParseInt(r.PostFormValue("parent"), 10, 64)
	p.F = f
	errs := map[string]string{}
	switch {
	case f.Name == "":
		errs["name"] = "Vui lòng nhập tên chuyên mục."
	case tooLong(f.Name, 100):
		errs["name"] = "Tên chuyên mục tối đa 100 ký tự."
	}
	slug := f.Slug
	if slug == "" {
		slug = viet.Slug(f.Name)
		if slug == "" && f.Name != "" {
			errs["slug"] = "Không tạo được đường dẫn từ tên này; hãy nhập đường dẫn, ví dụ: tin-tuc."
		}
	} else if viet.Slug(slug) != slug || len(slug) > 80 {
		errs["slug"] = "Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang (tối đa 80 ký tự), ví dụ: tin-tuc. Gợi ý: " + viet.Slug(slug) + "."
		if viet.Slug(slug) == "" {
			errs["slug"] = "Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ: tin-tuc."
		}
	}
	pos := 0
	if f.Position != "" {
		n, err := strconv.Atoi(f.Position)
		if err != nil || n < -1000000 || n > 1000000 {
			errs["position"] = "Thứ tự phải là một số nguyên, ví dụ: 1, 2, 3 (số nhỏ đứng trước)."
		}
		pos = n
	}
	if f.Parent != 0 {
		ok := false
		for _, row := range p.Parents {
			ok = ok || row.ID == f.Parent
		}
		if !ok {
			errs["parent"] = "Chuyên mục cha không hợp lệ: không chọn chính nó hay chuyên mục con của nó."
		}
	}
	if tooLong(f.Description, 500) {
		errs["description"] = "Mô tả tối đa 500 ký tự."
	}
	return news.Category{ParentID: f.Parent, Name: f.Name, Slug: slug, Description: f.Description, Position: pos}, errs
}

func (s *Server) createCategory(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	p, err := s.categoriesPage(r, 0)
	if err != nil {
		return err
	}
	c, errs := readCategory(r, p)
	c.SiteID = s.siteIDOf(r)
	if len(errs) == 0 {
		err = s.st.AddCategory(r.Context(), &c)
		if errors.Is(err, store.ErrCategorySlugTaken) {
			errs["slug"] = "Đường dẫn “" + c.Slug + "” đã được dùng cho chuyên mục khác; hãy chọn đường dẫn khác."
		} else if err != nil {
			return err
		}
	}
	if len(errs) > 0 {
		p.Errors, p.Message = errs, "Chưa thêm chuyên mục: vui lòng sửa các ô được đánh dấu."
		return s.renderAdmin(w, http.StatusUnprocessableEntity, "categories", p)
	}
	s.ContentChanged()
	s.audit(r, "category.create", "category", c.ID, c.Name+" (/chuyen-muc/"+c.Slug+")")
	http.Redirect(w, r, "/quan-tri/chuyen-muc?tb=tao-chuyen-muc", http.StatusSeeOther)
	return nil
}

func (s *Server) saveCategory(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	id, err := categoryID(r)
	if err != nil {
		return err
	}
	p, err := s.categoriesPage(r, id)
	if err != nil {
		return err
	}
	old := p.Editing.Category
	c, errs := readCategory(r, p)
	c.ID, c.SiteID = id, s.siteIDOf(r)
	if len(errs) == 0 {
		err = s.st.UpdateCategory(r.Context(), c)
		if errors.Is(err, store.ErrCategorySlugTaken) {
			errs["slug"] = "Đường dẫn “" + c.Slug + "” đã được dùng cho chuyên mục khác; hãy chọn đường dẫn khác."
		} else if err != nil {
			return err
		}
	}
	if len(errs) > 0 {
		p.Errors, p.Message = errs, "Chưa lưu chuyên mục: vui lòng sửa các ô được đánh dấu."
		return s.renderAdmin(w, http.StatusUnprocessableEntity, "categories", p)
	}
	s.ContentChanged()
	var changes []string
	if old.Name != c.Name {
		changes = append(changes, "tên “"+old.Name+"” → “"+c.Name+"”")
	}
	if old.Slug != c.Slug {
		changes = append(changes, "đường dẫn "+old.Slug+" → "+c.Slug)
	}
	if old.ParentID != c.ParentID {
		changes = append(changes, "chuyên mục cha #"+strconv.FormatInt(old.ParentID, 10)+" → #"+strconv.FormatInt(c.ParentID, 10))
	}
	if old.Position != c.Position {
		changes = append(changes, "thứ tự "+strconv.Itoa(old.Position)+" → "+strconv.Itoa(c.Position))
	}
	if old.Description != c.Description {
		changes = append(changes, "mô tả")
	}
	if len(changes) > 0 {
		s.audit(r, "category.update", "category", c.ID, c.Name+": "+strings.Join(changes, "; "))
	}
	http.Redirect(w, r, "/quan-tri/chuyen-muc?tb=luu-chuyen-muc", http.StatusSeeOther)
	return nil
}

// deleteCategory deletes an empty category; one that still has articles
// (any status, the recycle bin too) or subcategories is refused.
func (s *Server) deleteCategory(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageSite); err != nil {
		return err
	}
	id, err := categoryID(r)
	if err != nil {
		return err
	}
	c, err := s.st.CategoryByID(r.Context(), s.siteIDOf(r), id)
	if err != nil {
		return err
	}
	err = s.st.DeleteCategory(r.Context(), s.siteIDOf(r), id)
	var inUse *store.CategoryInUseError
	if errors.As(err, &inUse) {
		p, perr := s.categoriesPage(r, id)
		if perr != nil {
			return perr
		}
		var parts []string
		if inUse.Articles > 0 {
			parts = append(parts, strconv.Itoa(inUse.Articles)+" bài viết (kể cả bài nháp và trong thùng rác)")
		}
		if inUse.Children > 0 {
			parts = append(parts, strconv.Itoa(inUse.Children)+" chuyên mục con")
		}
		p.Message = "Không thể xóa chuyên mục “" + c.Name + "” vì còn " + strings.Join(parts, " và ") + ". Hãy chuyển chúng sang chuyên mục khác trước khi xóa."
		return s.renderAdmin(w, http.StatusConflict, "categories", p)
	}
	if err != nil {
		return err
	}
	s.ContentChanged()
	s.audit(r, "category.delete", "category", id, c.Name+" (/chuyen-muc/"+c.Slug+")")
	http.Redirect(w, r, "/quan-tri/chuyen-muc?tb=xoa-chuyen-muc", http.StatusSeeOther)
	return nil
}
