package web

import (
	"fmt"
	"github.com/congportal/cong/internal/homepage"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/analytics"
	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/payment"
	"github.com/congportal/cong/internal/qa"
)

// Every template of the portal is parsed here, once, by New, with one
// function map: a page that fails to parse stops the server from starting
// (and every test run). Each page is its own set (its layout, its page file,
// the partials it includes), because every page defines "content".

// publicPages are parsed with templates/layout.html; the extra files are
// partials the page includes.
var publicPages = []pageFiles{
	// News portal.
	{"home", nil}, {"category", nil}, {"article", nil}, {"search", nil}, {"page", nil},
	{"error", nil}, {"sitemap_html", nil}, {"api_doc", nil},
	// Legal documents library.
	{"documents", nil}, {"document", nil},
	// Q&A, consultations, institutional pages.
	{"qa_list", qaPartials}, {"qa_ask", qaPartials}, {"qa_track", qaPartials}, {"qa_detail", qaPartials},
	{"consult_list", qaPartials}, {"consult_detail", qaPartials}, {"institution", qaPartials},
	// Citizen desk: catalogue, submission, private page, lookup.
	{"procedures", nil}, {"procedure", nil},
	{"submit", nil}, {"receipt", nil}, {"mydossier_find", nil}, {"lookup", nil}, {"payment_result", nil},
	{"mydossier", []string{"templates/mydossier_forms.html", "templates/mydossier_rating.html"}},
	// Citizens' accounts.
	{"citizen_signin", nil}, {"citizen_dossiers", nil}, {"citizen_papers", nil},
	// Public statistics.
	{"stats_dossiers", nil}, {"stats_ratings", nil},
	// The public check of signed electronic results.
	{"verify", nil},
}

var qaPartials = []string{"templates/qa_partials.html"}

// adminPages are parsed with templates/admin/layout.html.
var adminPages = []pageFiles{
	// Sign-in and one's own account.
	{"login", nil}, {"login_code", nil}, {"totp", nil}, {"account", nil}, {"dashboard", nil},
	// Newsroom.
	{"articles", nil}, {"article_edit", nil}, {"revision", nil}, {"categories", nil}, {"media", nil},
	{"analytics", nil}, {"article_analytics", nil},
	{"documents", nil}, {"document_edit", nil}, {"document_import", nil},
	{"qa_queue", nil}, {"qa_edit", nil}, {"qa_consults", nil}, {"qa_consult_edit", nil}, {"qa_pages", nil}, {"qa_page_edit", nil},
	// Officer desk.
	{"desk_queue", nil}, {"desk_counter", nil}, {"desk_officers", nil}, {"desk_ratings", nil},
	{"desk_detail", []string{"templates/admin/desk_forms.html", "templates/admin/desk_quality.html", "templates/admin/desk_sign.html"}},
	// Admin.
	{"users", nil}, {"user_form", nil}, {"settings", nil}, {"look", nil}, {"privacy_settings", nil}, {"audit", nil},
	{"calendar", nil}, {"units", nil}, {"procedure_list", nil}, {"procedure_edit", nil}, {"procedure_import", nil},
	{"mail_outbox", nil},
	{"partner_outbox", nil},
	{"payments", nil},
}

// sheetPages are printed sheets of paper with their own layout.
var sheetPages = []string{"desk_receipt"}

type pageFiles struct {
	name  string
	extra []string
}

type templates map[string]*template.Template

// parseTemplates parses the public pages (pub) and the staff pages (adm).
func parseTemplates(a *assets, loc *time.Location) (pub, adm templates, err error) {
	funcs := templateFuncs(a, loc)
	parse := func(name string, files ...string) (*template.Template, error) {
		t, err := template.New(name).Funcs(funcs).ParseFS(templateFS, files...)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", files[len(files)-1], err)
		}
		return t, nil
	}
	pub, adm = templates{}, templates{}
	for _, p := range publicPages {
		if pub[p.name], err = parse(p.name, append([]string{"templates/layout.html", "templates/" + p.name + ".html"}, p.extra...)...); err != nil {
			return nil, nil, err
		}
	}
	for _, p := range adminPages {
		if adm[p.name], err = parse(p.name, append([]string{"templates/admin/layout.html", "templates/admin/" + p.name + ".html"}, p.extra...)...); err != nil {
			return nil, nil, err
		}
	}
	for _, name := range sheetPages {
		if adm[name], err = parse(name, "templates/admin/"+name+".html"); err != nil {
			return nil, nil, err
		}
	}
	return pub, adm, nil
}

// templateFuncs is the one function map of every template. Dates are shown
// in the site's time zone; a zero time shows as nothing.
func templateFuncs(a *assets, loc *time.Location) template.FuncMap {
	return template.FuncMap{
		"asset": a.url,
		"live":  liveMarker,
		// Bodies are sanitised when they are written (news.SanitizeHTML).
		"safe":    func(s string) template.HTML { return template.HTML(s) },
		"add":     func(a, b int) int { return a + b },
		"sub":     func(a, b int) int { return a - b },
		"group":   func(n int) string { return string(appendGrouped(nil, int64(n))) },
		"points":  func(f float64) string { return strings.Replace(strconv.FormatFloat(f, 'f', 2, 64), ".", ",", 1) },
		"indent":  func(n int) string { return strings.Repeat("— ", n) },
		"dict":    dict,
		"vnd":     payment.FormatVND,
		"feeKind": payment.KindName,
		// An editor's link (menu, quick links): tel: and mailto: kept,
		// which html/template would otherwise replace; anything that
		// homepage.CheckURL refuses becomes "#".
		"editorURL": func(u string) template.URL {
			if homepage.CheckURL(u) != "" {
				return "#"
			}
			return template.URL(u)
		},

		// Dates and times.
		"vndate":    func(t time.Time) string { return vnDate(t, loc) },
		"vnday":     func(t time.Time) string { return dayOrEmpty(t, loc) },
		"isotime":   func(t time.Time) string { return t.In(loc).Format(time.RFC3339) },
		"inputtime": func(t time.Time) string { return inputTime(t, loc) },
		"clock":     func(t time.Time) string { return clockVN(t, loc) },
		"civil":     civilDate,
		"date":      plainDate,
		"dayvn":     qa.DayVN,
		"isoVN":     analytics.VNDay,

		// Staff: who may do what. can asks about the site (menus, pages);
		// canArticle about one article, whose status and author matter.
		"can": func(u *auth.User, act string) bool { return auth.Can(u, auth.Action(act), nil) },
		"canArticle": func(u *auth.User, act string, a *news.Article) bool {
			return auth.Can(u, auth.Action(act), a)
		},
		"roleName":   func(r auth.Role) string { return auth.RoleName(r) },
		"statusName": news.StatusName,

		// Visitor analytics.
		"groupName":  analytics.GroupName,
		"deviceName": analytics.DeviceName,
		"reasonName": analytics.ReasonName,
		"percent":    percent,

		// Q&A and citizens' text.
		"paras":     paras,
		"fieldName": qa.FieldName,

		// Catalogue of procedures and units.
		"levelLabel": catalogue.LevelLabel,
		"kindLabel":  catalogue.KindLabel,
		"unitLabel":  catalogue.TimeUnitLabel,
		"cfield":     catalogue.ComponentField,
		"lines":      paras, // steps and legal bases render as lists without stored HTML
		"formerMark": catalogue.FormerMark,

		// Dossiers: files, history, forms.
		"fieldOf":     fieldOf,
		"filesize":    fileSize,
		"actionLabel": dossier.ActionLabel,
		// The officer's list starts with the kind; the citizen's sentence
		// has it mid-line.
		"fileKind":      func(k string) string { return fileKinds[k] },
		"fileKindLower": func(k string) string { return strings.ToLower(fileKinds[k]) },
	}
}

var fileKinds = map[string]string{"component": "Thành phần hồ sơ", "supplement": "Bổ sung", "result": "Kết quả"}

func dict(kv ...any) map[string]any {
	m := map[string]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}

// plainDate shows a date as stored (a civil date, no time zone).
func plainDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("02/01/2006")
}

func clockVN(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return "—"
	}
	t = t.In(loc)
	return fmt.Sprintf("%02d giờ %02d phút, ngày %s", t.Hour(), t.Minute(), t.Format("02/01/2006"))
}

// paras splits plain text (a citizen's question, a procedure's steps) into
// its non-blank lines.
func paras(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
