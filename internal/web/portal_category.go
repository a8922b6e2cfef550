package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/congportal/cong/internal/store"
)

const perPage = 15

func pages(total, per int) int {
	if total == 0 {
		return 1
	}
	return (total + per - 1) / per
}

func (s *Server) category(w http.ResponseWriter, r *http.Request) error {
	n, err := pageParam(r)
	if err != nil {
		return err
	}
	slug, err := slugParam(r, "slug")
	if err != nil {
		return err
	}
	key := s.cacheKey(r, "c:"+slug+":"+strconv.Itoa(n))
	now := time.Now()
	e := s.cache.get(key, now)
	if e == nil {
		gen := s.cache.generation()
		ctx := r.Context()
		cat, err := s.st.CategoryBySlug(ctx, s.siteIDOf(r), slug)
		if err != nil {
			return err
		}
		o := store.ListOptions{SiteID: s.siteIDOf(r), CategoryID: cat.ID, Limit: perPage, Offset: (n - 1) * perPage}
		total, err := s.st.CountArticles(ctx, o)
		if err != nil {
			return err
		}
		if n > pages(total, perPage) {
			return errNotFound()
		}
		p := s.basePage(ctx)
		p.Category, p.Active = cat, cat.Slug
		p.Description = cat.Description
		p.Canonical = s.baseURLOf(r) + "/chuyen-muc/" + cat.Slug
		if n > 1 {
			p.Canonical += "?trang=" + strconv.Itoa(n)
		}
		p.Pager = pager{Page: n, Pages: pages(total, perPage), Base: "/chuyen-muc/" + cat.Slug + "?"}
		if p.Articles, err = s.st.ListArticles(ctx, o); err != nil {
			return err
		}
		lp, err := s.render("category", p)
		if err != nil {
			return err
		}
		e = &cachedPage{live: lp, gen: gen}
		s.cache.put(key, e, now)
	}
	s.countVisit(r, 0)
	e.live.serve(w, r, http.StatusOK, &liveValues{stats: s.counterOf(r).Stats()})
	return nil
}
