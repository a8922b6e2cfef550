package web

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/institution"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/qa"
)

// qaPublicPages and qaAdminPages are this feature's templates, parsed here
// and added to the server's sets so the feature stays in its own files.
var (
	qaPublicPages = []string{"qa_list", "qa_ask", "qa_track", "qa_detail", "consult_list", "consult_detail", "institution"}
	qaAdminPages  = []string{"qa_queue", "qa_edit", "qa_consults", "qa_consult_edit", "qa_pages", "qa_page_edit"}
)

// qaRoutes: citizen Q&A, draft-policy consultations, institutional pages
// and their English versions, and the newsroom screens behind them.
func (s *Server) qaRoutes(handle func(pattern string, h http.HandlerFunc)) {
	s.parseQATemplates()
	// Q&A. /hoi-dap/{ref}/{action} serves both the tracking page
	// (/hoi-dap/theo-doi/{token}) and the print view (/hoi-dap/{id}/in):
	// as two patterns they would overlap on /hoi-dap/theo-doi/in.
	handle("GET /hoi-dap", s.adapt(s.qaList))
	handle("GET /hoi-dap/dat-cau-hoi", s.adapt(s.qaAskForm))
	handle("POST /hoi-dap/dat-cau-hoi", s.adapt(s.qaAsk))
	handle("GET /hoi-dap/{ref}", s.adapt(s.qaDetail))
	handle("GET /hoi-dap/{ref}/{action}", s.adapt(s.qaSub))
	handle("GET /api/v1/questions", s.adapt(s.apiQuestions))
	handle("GET /api/v1/questions/{id}", s.adapt(s.apiQuestion))
	// Draft-policy consultations.
	handle("GET /lay-y-kien", s.adapt(s.consultList))
	handle("GET /lay-y-kien/{ref}", s.adapt(s.consultDetail))
	handle("POST /lay-y-kien/{ref}", s.adapt(s.consultFeedback))
	// Institutional pages and the English ones.
	for _, k := range institution.PageKinds {
		handle("GET /"+k.Code, s.adapt(s.institution(k)))
	}
	handle("GET /en/{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/en/organisation", http.StatusFound)
	})
	handle("GET /en/{slug}", s.adapt(s.institutionEN))

	// Newsroom.
	handle("GET /quan-tri/hoi-dap", s.adapt(s.staff(s.adminQuestions)))
	handle("GET /quan-tri/hoi-dap/{id}", s.adapt(s.staff(s.adminQuestion)))
	handle("POST /quan-tri/hoi-dap/{id}/{action}", s.adapt(s.staff(s.adminQuestionAction)))
	handle("GET /quan-tri/lay-y-kien", s.adapt(s.staff(s.adminConsults)))
	handle("GET /quan-tri/lay-y-kien/moi", s.adapt(s.staff(s.adminConsultNew)))
	handle("POST /quan-tri/lay-y-kien", s.adapt(s.staff(s.adminConsultCreate)))
	handle("GET /quan-tri/lay-y-kien/{id}", s.adapt(s.staff(s.adminConsultEdit)))
	handle("POST /quan-tri/lay-y-kien/{id}", s.adapt(s.staff(s.adminConsultSave)))
	handle("GET /quan-tri/lay-y-kien/{id}/y-kien.csv", s.adapt(s.staff(s.adminConsultCSV)))
	handle("GET /quan-tri/trang", s.adapt(s.staff(s.adminInstPages)))
	handle("GET /quan-tri/trang/{kind}/{lang}", s.adapt(s.staff(s.adminInstPage)))
	handle("POST /quan-tri/trang/{kind}/{lang}", s.adapt(s.staff(s.adminInstPageSave)))
}

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
