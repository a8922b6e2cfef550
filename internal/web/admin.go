package web

import (
	"bytes"
	"net/http"
	"strconv"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/config"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/newsroom"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/visitors"
)

// adminPage is what every newsroom page has.
type adminPage struct {
	Site    news.Site
	User    *auth.User
	CSRF    string
	Title   string
	Flash   string
	Nav     string
	Version string
}

func (s *Server) newAdminPage(r *http.Request, title string) adminPage {
	p := adminPage{Title: title, User: userFrom(r.Context()), Version: s.version, Flash: flashes[r.URL.Query().Get("tb")]}
	if d, err := s.site(r.Context()); err == nil {
		p.Site = d.site
	}
	if si := sessionFrom(r.Context()); si != nil {
		p.CSRF = si.csrf
	}
	return p
}

func vnDate(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format("02/01/2006 15:04")
}

// inputTime is the value of an <input type="datetime-local">, in +07:00.
func inputTime(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format("2006-01-02T15:04")
}

func (s *Server) renderAdmin(w http.ResponseWriter, status int, name string, data any) error {
	var buf bytes.Buffer
	if err := s.adminTmpl[name].ExecuteTemplate(&buf, "layout", data); err != nil {
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

type dashboardPage struct {
	adminPage
	MyDrafts  []news.Article
	Pending   []news.Article
	Recent    []news.Article
	MostViews []news.Article
	// Shares are the lower sites' articles proposed to this one, for its
	// approvers ("Tin cơ sở").
	Shares []store.Share
	// LocalBaseURL: --base-url left at a local address, so printed links
	// and QR codes lead nowhere for citizens.
	LocalBaseURL bool
}

func (s *Server) dashboard(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	u := userFrom(ctx)
	if u.Role == auth.RoleOfficer {
		// The newsroom dashboard has nothing for the one-stop desk.
		http.Redirect(w, r, "/quan-tri/ho-so", http.StatusSeeOther)
		return nil
	}
	p := &dashboardPage{adminPage: s.newAdminPage(r, "Bảng điều khiển")}
	p.Nav = "home"
	p.LocalBaseURL = u.Role.IsAdmin() && config.LocalBaseURL(s.baseURLOf(r))
	var err error
	if auth.Can(u, auth.ActCreate, nil) {
		mine, _, err := s.st.AdminArticles(ctx, store.AdminFilter{SiteID: s.siteIDOf(r), AuthorID: u.ID, Status: news.StatusDraft, Limit: 10})
		if err != nil {
			return err
		}
		returned, _, err := s.st.AdminArticles(ctx, store.AdminFilter{SiteID: s.siteIDOf(r), AuthorID: u.ID, Status: news.StatusReturned, Limit: 10})
		if err != nil {
			return err
		}
		p.MyDrafts = append(returned, mine...)
		if p.Pending, _, err = s.st.AdminArticles(ctx, store.AdminFilter{SiteID: s.siteIDOf(r), Status: news.StatusPending, Limit: 10}); err != nil {
			return err
		}
	}
	if p.Recent, err = s.st.ListArticles(ctx, store.ListOptions{SiteID: s.siteIDOf(r), Limit: 8}); err != nil {
		return err
	}
	if newsroom.MayDecideShare(u) == nil {
		if p.Shares, err = s.st.SharesTo(ctx, s.siteIDOf(r), store.ShareProposed, 20); err != nil {
			return err
		}
	}
	today, _ := visitors.Day(time.Now(), s.loc)
	if p.MostViews, err = s.st.MostViewedToday(ctx, s.siteIDOf(r), today, 8); err != nil {
		return err
	}
	return s.renderAdmin(w, http.StatusOK, "dashboard", p)
}
