package web

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/news"
)

// catalogue serves the public-service desk's catalogue: units and
// procedures, public and admin. It parses its own templates (with the shared
// layouts) so the feature stays in its own files.
type catalogueDesk struct {
	s     *Server
	pub   map[string]*template.Template
	admin map[string]*template.Template
}

var (
	cataloguePublicPages = []string{"procedures", "procedure"}
	catalogueAdminPages  = []string{"units", "procedure_list", "procedure_edit", "procedure_import"}
)

func (s *Server) newCatalogue() (*catalogueDesk, error) {
	loc := s.loc
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("02/01/2006")
	}
	common := template.FuncMap{
		"asset":      s.assets.url,
		"add":        func(a, b int) int { return a + b },
		"sub":        func(a, b int) int { return a - b },
		"safe":       func(s string) template.HTML { return template.HTML(s) },
		"levelLabel": catalogue.LevelLabel,
		"kindLabel":  catalogue.KindLabel,
		"unitLabel":  catalogue.TimeUnitLabel,
		"date":       date,
		"lines":      catTextLines,
		"indent":     func(n int) string { return strings.Repeat("— ", n) },
		"cfield":     catalogue.ComponentField,
		"dict": func(kv ...any) map[string]any {
			m := map[string]any{}
			for i := 0; i+1 < len(kv); i += 2 {
				m[kv[i].(string)] = kv[i+1]
			}
			return m
		},
	}
	pubFuncs := template.FuncMap{
		"live":    liveMarker,
		"vndate":  func(t time.Time) string { return t.In(loc).Format("02/01/2006 15:04") },
		"isotime": func(t time.Time) string { return t.In(loc).Format(time.RFC3339) },
	}
	admFuncs := template.FuncMap{
		"vndate":     func(t time.Time) string { return vnDate(t, loc) },
		"inputtime":  func(t time.Time) string { return inputTime(t, loc) },
		"statusName": news.StatusName,
		"roleName":   func(r auth.Role) string { return auth.RoleName(r) },
		"can": func(u *auth.User, act string, a *news.Article) bool {
			return auth.Can(u, auth.Action(act), a)
		},
	}
	c := &catalogueDesk{s: s, pub: map[string]*template.Template{}, admin: map[string]*template.Template{}}
	for _, name := range cataloguePublicPages {
		t, err := template.New(name).Funcs(common).Funcs(pubFuncs).ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		c.pub[name] = t
	}
	for _, name := range catalogueAdminPages {
		t, err := template.New(name).Funcs(common).Funcs(admFuncs).ParseFS(templateFS, "templates/admin/layout.html", "templates/admin/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("admin template %s: %w", name, err)
		}
		c.admin[name] = t
	}
	return c, nil
}

// catTextLines splits a multi-line text field into its non-blank lines, so
// steps and legal bases render as lists without storing HTML.
func catTextLines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func (c *catalogueDesk) renderPublic(w http.ResponseWriter, status int, name string, data any) error {
	var buf bytes.Buffer
	if err := c.pub[name].ExecuteTemplate(&buf, "layout", data); err != nil {
		return err
	}
	splitLive(buf.Bytes()).write(w, status, &liveValues{stats: c.s.counter.Stats()})
	return nil
}

func (c *catalogueDesk) renderAdmin(w http.ResponseWriter, status int, name string, data any) error {
	var buf bytes.Buffer
	if err := c.admin[name].ExecuteTemplate(&buf, "layout", data); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	w.Write(buf.Bytes())
	return nil
}

// templatesDir is where downloadable blank forms are kept: next to the media
// library in the data folder, outside any public path. Empty when the server
// has no data folder (uploads are then refused).
func (c *catalogueDesk) templatesDir() string {
	if c.s.mediaDir == "" {
		return ""
	}
	return filepath.Join(filepath.Dir(c.s.mediaDir), "desk-templates")
}

func catIDParam(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id < 1 {
		return 0, errNotFound()
	}
	return id, nil
}

// catalogueFlashes are the confirmations of the catalogue's admin pages.
var catalogueFlashes = map[string]string{
	"tao-don-vi":  "Đã thêm đơn vị.",
	"luu-don-vi":  "Đã lưu đơn vị.",
	"tao-thu-tuc": "Đã thêm thủ tục.",
	"luu-thu-tuc": "Đã lưu thủ tục.",
	"cong-bo":     "Đã công bố thủ tục trên cổng.",
	"go-cong-bo":  "Đã ngừng công bố thủ tục.",
	"xoa-don-vi":  "Đã xóa đơn vị.",
	"xoa-thu-tuc": "Đã xóa thủ tục.",
}

func (c *catalogueDesk) newAdminPage(r *http.Request, title string) adminPage {
	p := c.s.newAdminPage(r, title)
	if f, ok := catalogueFlashes[r.URL.Query().Get("tb")]; ok {
		p.Flash = f
	}
	return p
}
