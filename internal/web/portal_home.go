package web

import (
	"net/http"
	"time"

	"github.com/congportal/cong/internal/store"
)

func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	now := time.Now()
	e := s.cache.get(s.cacheKey(r, "home"), now)
	if e == nil {
		gen := s.cache.generation()
		ctx := r.Context()
		p := s.basePage(ctx)
		p.Active = "home"
		p.Canonical = s.baseURLOf(r) + "/"
		var err error
		if p.Featured, err = s.st.ListArticles(ctx, store.ListOptions{SiteID: s.siteIDOf(r), Featured: true, Limit: 5}); err != nil {
			return err
		}
		if p.Latest, err = s.st.ListArticles(ctx, store.ListOptions{SiteID: s.siteIDOf(r), WithShared: true, Limit: 10}); err != nil {
			return err
		}
		for _, c := range p.Categories {
			arts, err := s.st.ListArticles(ctx, store.ListOptions{SiteID: s.siteIDOf(r), CategoryID: c.ID, Limit: 5})
			if err != nil {
				return err
			}
			p.Blocks = append(p.Blocks, categoryBlock{Category: c, Articles: arts})
		}
		lp, err := s.render("home", p)
		if err != nil {
			return err
		}
		e = &cachedPage{live: lp, gen: gen}
		s.cache.put(s.cacheKey(r, "home"), e, now)
	}
	s.countVisit(r, 0)
	e.live.serve(w, r, http.StatusOK, &liveValues{stats: s.counterOf(r).Stats()})
	return nil
}
