package web

import (
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
)

// loadArticlePage builds the article page data, or redirects an old slug.
func (s *Server) loadArticlePage(w http.ResponseWriter, r *http.Request, slug string, print bool) (*page, bool, error) {
	ctx := r.Context()
	a, err := s.st.PublishedArticleBySlug(ctx, s.siteIDOf(r), slug)
	if errors.Is(err, store.ErrNotFound) {
		// A commune's article this site accepted ("Tin cơ sở") is shown
		// from its one source row.
		a, err = s.st.SharedArticleBySlug(ctx, s.siteIDOf(r), slug)
	}
	if errors.Is(err, store.ErrNotFound) {
		cur, rerr := s.st.RedirectSlug(ctx, s.siteIDOf(r), slug)
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
	a.BodyHTML = articleImages(a.BodyHTML)
	p := s.basePage(ctx)
	p.Article, p.Print = a, print
	p.Description = a.Summary
	p.Canonical = s.articleURL(r, a)
	if a.Category != nil && a.SharedFrom == nil {
		p.Active = a.Category.Slug
		if p.Related, err = s.st.ListArticles(ctx, store.ListOptions{SiteID: s.siteIDOf(r), CategoryID: a.CategoryID, ExcludeID: a.ID, Limit: 5}); err != nil {
			return nil, false, err
		}
	}
	p.NoIndex = print
	return p, false, nil
}

// article serves GET /bai-viet/{slug} when the mux routes it (HEAD, and
// GET when articleRoute is off); articleRoute serves GET itself.
func (s *Server) article(w http.ResponseWriter, r *http.Request) error {
	slug, err := slugParam(r, "slug")
	if err != nil {
		return err
	}
	return s.serveArticle(w, r, slug, time.Now())
}

// serveArticle serves the hot path: from memory, the live numbers spliced
// in. now is the request's time, read once by the caller.
func (s *Server) serveArticle(w http.ResponseWriter, r *http.Request, slug string, now time.Time) error {
	e := s.cache.getArticle(s.cacheKey(r, slug), now)
	if e == nil {
		gen := s.cache.generation()
		p, done, err := s.loadArticlePage(w, r, slug, false)
		if err != nil || done {
			return err
		}
		lp, err := s.render("article", p)
		if err != nil {
			return err
		}
		e = &cachedPage{live: lp, article: p.Article.ID, counts: s.counterOf(r).Article(p.Article.ID), views: p.Article.Views, gen: gen}
		s.cache.putArticle(s.cacheKey(r, slug), e, now)
	}
	s.serveCachedArticle(w, r, e, now)
	return nil
}

func (s *Server) serveCachedArticle(w http.ResponseWriter, r *http.Request, e *cachedPage, now time.Time) {
	s.countVisitAt(r, e.article, now)
	e.live.serve(w, r, http.StatusOK, &liveValues{views: e.counts.Views(e.views), stats: s.counterOf(r).Stats()})
}

// articlePrint is the print view. It is not counted: a reader who prints
// has already viewed the article.
func (s *Server) articlePrint(w http.ResponseWriter, r *http.Request) error {
	slug, err := slugParam(r, "slug")
	if err != nil {
		return err
	}
	p, done, err := s.loadArticlePage(w, r, slug, true)
	if err != nil || done {
		return err
	}
	lp, err := s.render("article", p)
	if err != nil {
		return err
	}
	lp.write(w, http.StatusOK, &liveValues{views: s.counterOf(r).Views(p.Article.ID, p.Article.Views), stats: s.counterOf(r).Stats()})
	return nil
}

func (s *Server) staticPage(w http.ResponseWriter, r *http.Request) error {
	slug, err := slugParam(r, "slug")
	if err != nil {
		return err
	}
	pg, err := s.st.PageBySlug(r.Context(), s.siteIDOf(r), slug)
	if err != nil {
		return err
	}
	p := s.basePage(r.Context())
	p.Page = pg
	p.Canonical = s.baseURLOf(r) + "/trang/" + pg.Slug
	s.countVisit(r, 0)
	return s.renderTo(w, r, http.StatusOK, "page", p)
}

// articleURL is an article's canonical address: a shared article's is the
// original on its source site's host.
func (s *Server) articleURL(r *http.Request, a news.Article) string {
	base := s.baseURLOf(r)
	if a.SharedFrom != nil {
		base = a.SharedFrom.CanonicalBase(s.baseURL)
	}
	return base + "/bai-viet/" + a.Slug
}
