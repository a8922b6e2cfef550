package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
)

// apiArticle is the JSON shape of DESIGN §3.
type apiArticle struct {
	ID          int64        `json:"id"`
	Title       string       `json:"title"`
	Slug        string       `json:"slug"`
	URL         string       `json:"url"`
	Summary     string       `json:"summary"`
	BodyHTML    string       `json:"body_html,omitempty"`
	Category    *apiCategory `json:"category"`
	Author      string       `json:"author"`
	Source      string       `json:"source"`
	Tags        []string     `json:"tags,omitempty"`
	PublishedAt string       `json:"published_at"`
	UpdatedAt   string       `json:"updated_at"`
	Views       int64        `json:"views"`
	// Site names another site's article: a province-wide search result
	// or a shared article ("Tin cơ sở").
	Site string `json:"site,omitempty"`
}

type apiCategory struct {
	ID   int64  `json:"id"`
	Slug string `json:"slug"`
	Name string `json:"name"`
}

type apiList struct {
	Items []apiArticle `json:"items"`
	Total int          `json:"total"`
	// More: a search found more matches than it lists (total is the cap).
	More bool `json:"more,omitempty"`
}

func (s *Server) toAPI(r *http.Request, a news.Article) apiArticle {
	out := apiArticle{
		ID: a.ID, Title: a.Title, Slug: a.Slug, URL: s.articleURL(r, a), Summary: a.Summary,
		BodyHTML: a.BodyHTML, Author: a.Author, Source: a.Source, Tags: a.Tags,
		PublishedAt: a.PublishedAt.In(s.loc).Format(time.RFC3339), UpdatedAt: a.UpdatedAt.In(s.loc).Format(time.RFC3339),
		Views: s.counterOf(r).Views(a.ID, a.Views),
	}
	if a.SharedFrom != nil {
		out.Site = a.SharedFrom.Name
	}
	if a.Category != nil {
		out.Category = &apiCategory{ID: a.Category.ID, Slug: a.Category.Slug, Name: a.Category.Name}
	}
	return out
}

// listParams reads page and per_page with the API's bounds.
func listParams(r *http.Request) (page, per int, err error) {
	page, err = pageParam(r)
	if err != nil {
		return 0, 0, err
	}
	per = 20
	if v := r.URL.Query().Get("per_page"); v != "" {
		per, err = strconv.Atoi(v)
		if err != nil || per < 1 || per > 100 {
			return 0, 0, &Error{Status: http.StatusBadRequest, Code: "bad_request", Message: "per_page phải là số nguyên từ 1 đến 100.", Fields: map[string]string{"per_page": "từ 1 đến 100"}}
		}
	}
	return page, per, nil
}

func (s *Server) apiArticles(w http.ResponseWriter, r *http.Request) error {
	if r.URL.Query().Get("q") != "" {
		return s.apiSearch(w, r)
	}
	n, per, err := listParams(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	o := store.ListOptions{SiteID: s.siteIDOf(r), Limit: per, Offset: (n - 1) * per}
	if slug := r.URL.Query().Get("category"); slug != "" {
		var c news.Category
		var err error = errNotFound()
		if validSlug(slug) {
			c, err = s.st.CategoryBySlug(ctx, s.siteIDOf(r), slug)
		}
		if err != nil {
			return &Error{Status: http.StatusBadRequest, Code: "bad_request", Message: "Chuyên mục không tồn tại: " + slug, Fields: map[string]string{"category": "không tồn tại"}}
		}
		o.CategoryID = c.ID
	}
	total, err := s.st.CountArticles(ctx, o)
	if err != nil {
		return err
	}
	arts, err := s.st.ListArticles(ctx, o)
	if err != nil {
		return err
	}
	out := apiList{Items: make([]apiArticle, 0, len(arts)), Total: total}
	for _, a := range arts {
		out.Items = append(out.Items, s.toAPI(r, a))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return &Error{Status: http.StatusBadRequest, Code: "bad_request", Message: "Mã bài viết phải là số nguyên dương."}
	}
	a, err := s.st.Article(r.Context(), s.siteIDOf(r), id)
	if err != nil {
		return err
	}
	if a.Status != news.StatusPublished {
		return errNotFound()
	}
	writeJSON(w, http.StatusOK, s.toAPI(r, a))
	return nil
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, http.StatusOK, s.counterOf(r).Stats())
	return nil
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	n, per, err := listParams(r)
	if err != nil {
		return err
	}
	_, q, _, err := searchInput(r)
	if err != nil {
		return &Error{Status: http.StatusBadRequest, Code: "bad_query", Message: err.Error(), Fields: map[string]string{"q": err.Error()}}
	}
	res, err := s.runSearch(r, q, n, per)
	if err != nil {
		return err
	}
	out := apiList{Items: make([]apiArticle, 0, len(res.Items)), Total: res.Total, More: res.More}
	for _, a := range res.Items {
		a.BodyHTML = ""
		out.Items = append(out.Items, s.toAPI(r, a))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
