package web

import (
	"errors"
	"net/http"

	"github.com/congportal/cong/internal/institution"
	"github.com/congportal/cong/internal/store"
)

// instPage is the data of an institutional page, Vietnamese or English.
type instPage struct {
	*page
	Kind    institution.PageKind
	P       store.InstPage
	Missing bool // no content yet: a placeholder is shown
	English bool
	HasEN   bool                   // (Vietnamese page) an English version exists
	Org     []*institution.OrgNode // Cơ cấu tổ chức: the unit tree
	Kinds   []institution.PageKind // the sub-menu: every institutional page
}

func (s *Server) institution(k institution.PageKind) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		ctx := r.Context()
		p := &instPage{page: s.basePage(ctx), Kind: k, Kinds: institution.PageKinds}
		p.Active = k.Code
		pg, err := s.st.InstPage(ctx, s.siteIDOf(r), k.Code, "vi")
		switch {
		case errors.Is(err, store.ErrNotFound):
			// The menu links every Decree 42 page; until staff write it,
			// say so rather than 404 (and keep it out of search engines).
			p.Missing, p.NoIndex = true, true
			pg.Title = k.Name
		case err != nil:
			return err
		}
		p.P = pg
		if k.EnSlug != "" {
			if _, err := s.st.InstPage(ctx, s.siteIDOf(r), k.Code, "en"); err == nil {
				p.HasEN = true
			} else if !errors.Is(err, store.ErrNotFound) {
				return err
			}
		}
		if k.Code == "co-cau-to-chuc" {
			units, err := s.st.OrgUnits(ctx, s.siteIDOf(r), s.today())
			if err != nil {
				return err
			}
			p.Org = institution.OrgTree(units)
		}
		p.Canonical = s.baseURLOf(r) + "/" + k.Code
		s.countVisit(r, 0)
		return s.renderPublic(w, r, http.StatusOK, "institution", p)
	}
}

func (s *Server) institutionEN(w http.ResponseWriter, r *http.Request) error {
	k, ok := institution.KindByEnSlug(r.PathValue("slug"))
	if !ok {
		return errNotFound()
	}
	ctx := r.Context()
	pg, err := s.st.InstPage(ctx, s.siteIDOf(r), k.Code, "en")
	if err != nil {
		return err
	}
	p := &instPage{page: s.basePage(ctx), Kind: k, P: pg, English: true}
	if k.Code == "co-cau-to-chuc" {
		units, err := s.st.OrgUnits(ctx, s.siteIDOf(r), s.today())
		if err != nil {
			return err
		}
		p.Org = institution.OrgTree(units)
	}
	p.Canonical = s.baseURLOf(r) + "/en/" + k.EnSlug
	p.Description = pg.Title
	s.countVisit(r, 0)
	return s.renderPublic(w, r, http.StatusOK, "institution", p)
}
