package web

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/qa"
)

// qaPublicPages and qaAdminPages are this feature's templates, parsed here
// and added to the server's sets so the feature stays in its own files.
var (
	qaPublicPages = []string{"qa_list", "qa_ask", "qa_track", "qa_detail", "consult_list", "consult_detail", "institution"}
	qaAdminPages  = []string{"qa_queue", "qa_edit", "qa_consults", "qa_consult_edit", "qa_pages", "qa_page_edit"}
)

func (s *Server) parseQATemplates() {
	loc := s.loc
	common := template.FuncMap{
		"asset":     s.assets.url,
		"vndate":    func(t time.Time) string { return vnDate(t, loc) },
		"isotime":   func(t time.Time) string { return t.In(loc).Format(time.RFC3339) },
		"safe":      func(s string) template.HTML { return template.HTML(s) },
		"add":       func(a, b int) int { return a + b },
		"sub":       func(a, b int) int { return a - b },
		"dayvn":     qa.DayVN,
		"paras":     paras,
		"fieldName": qa.FieldName,
	}
	pub := template.FuncMap{"live": liveMarker}
	adm := template.FuncMap{
		"inputtime":  func(t time.Time) string { return inputTime(t, loc) },
		"statusName": news.StatusName,
		"roleName":   func(r auth.Role) string { return auth.RoleName(r) },
		"can": func(u *auth.User, act string, a *news.Article) bool {
			return auth.Can(u, auth.Action(act), a)
		},
	}
	for k, v := range common {
		pub[k], adm[k] = v, v
	}
	// Templates are embedded: a parse error is a programming error that
	// every test run catches, like template.Must at start-up.
	for _, name := range qaPublicPages {
		s.tmpl[name] = template.Must(template.New(name).Funcs(pub).ParseFS(templateFS, "templates/layout.html", "templates/qa_partials.html", "templates/"+name+".html"))
	}
	for _, name := range qaAdminPages {
		s.adminTmpl[name] = template.Must(template.New(name).Funcs(adm).ParseFS(templateFS, "templates/admin/layout.html", "templates/admin/"+name+".html"))
	}
}

// paras splits plain text typed by a citizen into paragraphs.
func paras(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// renderPublic renders one of this feature's public pages with the
// current visitor figures; data embeds *page for the layout.
func (s *Server) renderPublic(w http.ResponseWriter, status int, name string, data any) error {
	t, ok := s.tmpl[name]
	if !ok {
		return fmt.Errorf("no template %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		return err
	}
	splitLive(buf.Bytes()).write(w, status, &liveValues{stats: s.counter.Stats()})
	return nil
}
