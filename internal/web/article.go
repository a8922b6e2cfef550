package web

import (
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/congportal/cong/internal/store"
)

// loadArticlePage builds the article page data, or redirects an old slug.
func (s *Server) loadArticlePage(w http.ResponseWriter, r *http.Request, print bool) (*page, bool, error) {
	ctx := r.Context()
	slug, err := slugParam(r, "slug")
	if err != nil {
		return nil, false, err
	}
	a, err := s.st.PublishedArticleBySlug(ctx, s.siteID, slug)
	if errors.Is(err, store.ErrNotFound) {
		cur, rerr := s.st.RedirectSlug(ctx, s.siteID, slug)
		if rerr != nil {
			return nil, false, rerr
		}
		target := "/bai-viet/" + url.PathEscape(cur)
		if print {
			target += "/in"
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return nil, true, nil
	}
	if err != nil {
		return nil, false, err
	}
	// Citations of documents are linked here, when the page is built for
	// the cache, so a view never costs a query.
	if a.BodyHTML, err = s.linkCitations(ctx, a.BodyHTML); err != nil {
		return nil, false, err
	}
	p := s.basePage(ctx)
	p.Article, p.Print = a, print
	p.Description = a.Summary
	p.Canonical = s.baseURL + "/bai-viet/" + a.Slug
	if a.Category != nil {
		p.Active = a.Category.Slug
		if p.Related, err = s.st.ListArticles(ctx, store.ListOptions{SiteID: s.siteID, CategoryID: a.CategoryID, ExcludeID: a.ID, Limit: 5}); err != nil {
			return nil, false, err
		}
	}
	p.NoIndex = print
	return p, false, nil
}

// article serves the hot path: from memory, the live numbers spliced in.
func (s *Server) article(w http.ResponseWriter, r *http.Request) error {
	slug, err := slugParam(r, "slug")
	if err != nil {
		return err
	}
	key := "a:" + slug
	now := time.Now()
	e := s.cache.get(key, now)
	if e == nil {
		gen := s.cache.generation()
		p, done, err := s.loadArticlePage(w, r, false)
		if err != nil || done {
			return err
		}
		lp, err := s.render("article", p)
		if err != nil {
			return err
		}
		e = &cachedPage{live: lp, article: p.Article.ID, views: p.Article.Views, gen: gen}
		s.cache.put(key, e, now)
	}
	s.countVisit(r, e.article)
	e.live.serve(w, r, http.StatusOK, &liveValues{views: s.counter.Views(e.article, e.views), stats: s.counter.Stats()})
	return nil
}

// articlePrint is the print view. It is not counted: a reader who prints
// has already viewed the article.
func (s *Server) articlePrint(w http.ResponseWriter, r *http.Request) error {
	p, done, err := s.loadArticlePage(w, r, true)
	if err != nil || done {
		return err
	}
	lp, err := s.render("article", p)
	if err != nil {
		return err
	}
	lp.write(w, http.StatusOK, &liveValues{views: s.counter.Views(p.Article.ID, p.Article.Views), stats: s.counter.Stats()})
	return nil
}

func (s *Server) staticPage(w http.ResponseWriter, r *http.Request) error {
	slug, err := slugParam(r, "slug")
	if err != nil {
		return err
	}
	pg, err := s.st.PageBySlug(r.Context(), s.siteID, slug)
	if err != nil {
		return err
	}
	p := s.basePage(r.Context())
	p.Page = pg
	p.Canonical = s.baseURL + "/trang/" + pg.Slug
	s.countVisit(r, 0)
	return s.renderTo(w, r, http.StatusOK, "page", p)
}
