package web

import (
	"context"
	"errors"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/viet"
)

const proceduresPerPage = 20

// procedureFilter is the catalogue's filter as typed in the query string.
type procedureFilter struct {
	Q, Field, Level string
	Unit            int64
}

type proceduresPage struct {
	*page
	F      procedureFilter
	Items  []catalogue.Procedure
	Fields []string
	Units  []catalogue.Unit
	Levels []struct{ Value, Label string }
}

type procedurePage struct {
	*page
	Proc catalogue.Procedure
}

// readProcedureFilter parses ?q=&field=&unit=&level= into a store filter.
// Unknown levels and units are bad requests: a link with them was not made
// by the portal.
func (c *catalogueDesk) readProcedureFilter(r *http.Request) (procedureFilter, store.ProcedureFilter, error) {
	q := r.URL.Query()
	f := procedureFilter{Q: strings.TrimSpace(q.Get("q")), Field: strings.TrimSpace(viet.NFC(q.Get("field"))), Level: q.Get("level")}
	sf := store.ProcedureFilter{SiteID: c.s.siteIDOf(r), PublishedOnly: true, Field: f.Field}
	if f.Level != "" {
		if catalogue.LevelLabel(f.Level) == f.Level {
			return f, sf, errBadRequest("Mức độ không hợp lệ: dùng full (toàn trình), partial (một phần) hoặc none (không trực tuyến).")
		}
		sf.Level = f.Level
	}
	if v := q.Get("unit"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id < 1 {
			return f, sf, errBadRequest("Đơn vị không hợp lệ.")
		}
		f.Unit, sf.UnitID = id, id
	}
	if f.Q != "" {
		pq, err := viet.ParseQuery(f.Q)
		switch {
		case errors.Is(err, viet.ErrQueryTooLong):
			return f, sf, errBadRequest(err.Error())
		case err == nil:
			sf.Query = &pq
		}
		// A query of only punctuation searches nothing: list everything.
	}
	return f, sf, nil
}

func (c *catalogueDesk) list(w http.ResponseWriter, r *http.Request) error {
	f, sf, err := c.readProcedureFilter(r)
	if err != nil {
		return err
	}
	n, err := pageParam(r)
	if err != nil {
		return err
	}
	sf.Offset, sf.Limit = (n-1)*proceduresPerPage, proceduresPerPage
	items, total, err := c.s.st.Procedures(r.Context(), sf)
	if err != nil {
		return err
	}
	if n > 1 && len(items) == 0 {
		return errNotFound()
	}
	fields, err := c.s.st.ProcedureFields(r.Context(), c.s.siteIDOf(r), true)
	if err != nil {
		return err
	}
	units, err := c.s.st.Units(r.Context(), c.s.siteIDOf(r))
	if err != nil {
		return err
	}
	p := &proceduresPage{page: c.s.basePage(r.Context()), F: f, Items: items, Fields: fields, Levels: catalogue.Levels}
	for _, u := range catalogue.Tree(units) {
		if !u.Former() {
			p.Units = append(p.Units, u)
		}
	}
	p.Active = "thu-tuc"
	p.Total = total
	p.Description = "Danh mục thủ tục hành chính: thành phần hồ sơ, thời hạn, phí, lệ phí và nộp hồ sơ trực tuyến."
	v := url.Values{}
	for k, x := range map[string]string{"q": f.Q, "field": f.Field, "level": f.Level} {
		if x != "" {
			v.Set(k, x)
		}
	}
	if f.Unit != 0 {
		v.Set("unit", strconv.FormatInt(f.Unit, 10))
	}
	base := "/thu-tuc?"
	if len(v) > 0 {
		base += v.Encode() + "&"
		p.NoIndex = true // filtered lists are not separate documents
	}
	p.Pager = pager{Page: n, Pages: pages(total, proceduresPerPage), Base: base}
	p.Canonical = c.s.baseURLOf(r) + "/thu-tuc"
	if n > 1 {
		p.Canonical += "?trang=" + strconv.Itoa(n)
	}
	return c.renderPublic(w, r, http.StatusOK, "procedures", p)
}

// publishedProcedure finds a published procedure by slug (or code, so a
// code typed from a paper form works too).
func (c *catalogueDesk) publishedProcedure(r *http.Request, key string) (catalogue.Procedure, error) {
	if key == "" || len(key) > 200 {
		return catalogue.Procedure{}, errNotFound()
	}
	p, err := c.s.st.Procedure(r.Context(), c.s.siteIDOf(r), key)
	if err != nil {
		return p, err
	}
	if !p.Published {
		return p, errNotFound()
	}
	return p, nil
}

func (c *catalogueDesk) detail(w http.ResponseWriter, r *http.Request) error {
	key := r.PathValue("slug")
	p, err := c.publishedProcedure(r, key)
	if err != nil {
		return err
	}
	if key != p.Slug {
		http.Redirect(w, r, "/thu-tuc/"+p.Slug, http.StatusMovedPermanently)
		return nil
	}
	pg := &procedurePage{page: c.s.basePage(r.Context()), Proc: p}
	pg.Active = "thu-tuc"
	pg.Canonical = c.s.baseURLOf(r) + "/thu-tuc/" + p.Slug
	pg.Description = p.Name + " – thành phần hồ sơ, thời hạn giải quyết " + p.TimeText() + ", cơ quan thực hiện."
	return c.renderPublic(w, r, http.StatusOK, "procedure", pg)
}

// templateFile sends a component's blank form as a download. Only stored
// names made by storeTemplate are opened, from the templates folder.
func (c *catalogueDesk) templateFile(w http.ResponseWriter, r *http.Request) error {
	p, err := c.publishedProcedure(r, r.PathValue("slug"))
	if err != nil {
		return err
	}
	id, err := catIDParam(r, "component")
	if err != nil {
		return err
	}
	var comp *catalogue.Component
	for i := range p.Components {
		if p.Components[i].ID == id {
			comp = &p.Components[i]
		}
	}
	dir := c.templatesDir()
	if comp == nil || comp.TemplateFile == "" || dir == "" || !validTemplateName(comp.TemplateFile) {
		return errNotFound()
	}
	f, err := os.Open(filepath.Join(dir, comp.TemplateFile))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return errNotFound()
		}
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	name := comp.TemplateName
	if name == "" {
		name = comp.TemplateFile
	}
	h := w.Header()
	h.Set("Content-Type", templateMime(comp.TemplateFile))
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "public, max-age=3600")
	http.ServeContent(w, r, "", st.ModTime(), f)
	return nil
}

// apiProcedure is a procedure as the JSON API shows it.
type apiProcedure struct {
	ID         int64           `json:"id"`
	Code       string          `json:"code"`
	Slug       string          `json:"slug"`
	URL        string          `json:"url"`
	Name       string          `json:"name"`
	Field      string          `json:"field"`
	Level      string          `json:"level"`
	LevelName  string          `json:"level_name"`
	TimeAmount int             `json:"time_amount"`
	TimeUnit   string          `json:"time_unit"`
	SubmitURL  string          `json:"submit_url,omitempty"`
	Units      []apiUnit       `json:"units"`
	UpdatedAt  string          `json:"updated_at"`
	Details    *apiProcDetails `json:"details,omitempty"`
	Components []apiComponent  `json:"components,omitempty"`
}

type apiProcDetails struct {
	Fees       string `json:"fees"`
	Steps      string `json:"steps"`
	LegalBasis string `json:"legal_basis"`
	Result     string `json:"result"`
	Applicant  string `json:"applicant"`
	Conditions string `json:"conditions"`
}

type apiUnit struct {
	ID   int64  `json:"id"`
	Code string `json:"code"`
	Name string `json:"name"`
}

type apiComponent struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	Required    bool   `json:"required"`
	Copies      int    `json:"copies"`
	TemplateURL string `json:"template_url,omitempty"`
}

func (c *catalogueDesk) toAPI(r *http.Request, p catalogue.Procedure, full bool) apiProcedure {
	a := apiProcedure{ID: p.ID, Code: p.Code, Slug: p.Slug, URL: c.s.baseURLOf(r) + "/thu-tuc/" + p.Slug, Name: p.Name, Field: p.Field,
		Level: p.Level, LevelName: catalogue.LevelLabel(p.Level), TimeAmount: p.TimeAmount, TimeUnit: p.TimeUnit,
		Units: []apiUnit{}, UpdatedAt: p.UpdatedAt.In(c.s.loc).Format("2006-01-02T15:04:05-07:00")}
	if p.Online() {
		a.SubmitURL = c.s.baseURLOf(r) + "/nop-ho-so/" + p.Slug
	}
	for _, u := range p.Units {
		a.Units = append(a.Units, apiUnit{u.ID, u.Code, u.Name})
	}
	if full {
		a.Details = &apiProcDetails{p.Fees, p.Steps, p.LegalBasis, p.Result, p.Applicant, p.Conditions}
		a.Components = []apiComponent{}
		for _, comp := range p.Components {
			ac := apiComponent{ID: comp.ID, Name: comp.Name, Required: comp.Required, Copies: comp.Copies}
			if comp.TemplateFile != "" {
				ac.TemplateURL = c.s.baseURLOf(r) + "/thu-tuc/" + p.Slug + "/mau/" + strconv.FormatInt(comp.ID, 10)
			}
			a.Components = append(a.Components, ac)
		}
	}
	return a
}

// apiList: GET /api/v1/procedures?q=&field=&unit=&level=&page=&per_page=.
func (c *catalogueDesk) apiList(w http.ResponseWriter, r *http.Request) error {
	_, sf, err := c.readProcedureFilter(r)
	if err != nil {
		return err
	}
	n, err := pageParam(r)
	if err != nil {
		return err
	}
	per := proceduresPerPage
	if v := r.URL.Query().Get("per_page"); v != "" {
		per, err = strconv.Atoi(v)
		if err != nil || per < 1 || per > 100 {
			return errBadRequest("per_page phải là số nguyên từ 1 đến 100.")
		}
	}
	sf.Offset, sf.Limit = (n-1)*per, per
	items, total, err := c.s.st.Procedures(r.Context(), sf)
	if err != nil {
		return err
	}
	out := struct {
		Items []apiProcedure `json:"items"`
		Total int            `json:"total"`
	}{Items: []apiProcedure{}, Total: total}
	for _, p := range items {
		out.Items = append(out.Items, c.toAPI(r, p, false))
	}
	w.Header().Set("Cache-Control", "public, max-age=60")
	writeJSON(w, http.StatusOK, out)
	return nil
}

// apiDetail: GET /api/v1/procedures/{code}, with components and units.
func (c *catalogueDesk) apiDetail(w http.ResponseWriter, r *http.Request) error {
	p, err := c.publishedProcedure(r, r.PathValue("code"))
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "public, max-age=60")
	writeJSON(w, http.StatusOK, c.toAPI(r, p, true))
	return nil
}

// procedureSitemap adds the catalogue and every published procedure to the
// sitemap through loc (the sitemap's URL writer).
func (s *Server) procedureSitemap(ctx context.Context, loc func(u string, t time.Time)) error {
	items, _, err := s.st.Procedures(ctx, store.ProcedureFilter{SiteID: s.siteIDCtx(ctx), PublishedOnly: true, Limit: 5000})
	if err != nil {
		return err
	}
	loc(s.baseURLCtx(ctx)+"/thu-tuc", time.Time{})
	for _, p := range items {
		loc(s.baseURLCtx(ctx)+"/thu-tuc/"+p.Slug, p.UpdatedAt)
	}
	return nil
}
