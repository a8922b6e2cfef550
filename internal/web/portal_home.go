package web

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/congportal/cong/internal/homepage"
	"github.com/congportal/cong/internal/legaldoc"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/qa"
	"github.com/congportal/cong/internal/store"
)

// homeSection is one block of the home page, loaded.
type homeSection struct {
	Kind      homepage.Kind
	ID        string // the heading's id, for aria-labelledby
	Heading   string
	More      string // "see all" link, "" for none
	Lead      *leadStory
	Articles  []news.Article
	Docs      []legaldoc.Document
	Procs     []store.PopularProcedure
	Questions []qa.Question
	Links     []lookLink
}

// leadStory is the first featured article with its picture (nil when its
// body has none from the library).
type leadStory struct {
	Article news.Article
	Image   *lookImage
}

// leadSizes: the lead picture takes 40% of the card on a phone and about
// 390 px beside the text on a wide screen (style.css .lead-img), so a phone
// loads the 320 px variant, not a full-width one.
const leadSizes = "(min-width: 900px) 390px, 40vw"

func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	// WordPress's plain links are the home page with an ID: /?p=123.
	if r.URL.RawQuery != "" && s.legacyRedirect(w, r) {
		return nil
	}
	now := time.Now()
	siteID := s.siteIDOf(r)
	key := s.cacheKey(r, "home")
	e := s.cache.get(key, now)
	if e == nil {
		gen := s.cache.generation()
		ctx := r.Context()
		p := s.basePage(ctx)
		p.Active = "home"
		p.Canonical = s.baseURLOf(r) + "/"
		look := p.Look
		if look == nil {
			look = &siteLook{}
		}
		blocks := look.Blocks
		if len(blocks) == 0 {
			ids := make([]int64, len(p.Categories))
			for i, c := range p.Categories {
				ids[i] = c.ID
			}
			blocks = homepage.Default(ids)
		}
		for i, b := range blocks {
			sec, err := s.homeSection(ctx, siteID, p, look, b)
			if err != nil {
				return err
			}
			if sec == nil {
				continue
			}
			sec.ID = "khoi-" + strconv.Itoa(i+1)
			if sec.Kind == homepage.Visitors {
				// The figures are in the page already; the sidebar's
				// copy would repeat them (and their ids).
				p.NoSideStats = true
			}
			p.Home = append(p.Home, *sec)
		}
		lp, err := s.render("home", p)
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

// homeSection loads one block; nil when it has nothing to show (an empty
// category, no documents yet), so the page carries no empty headings.
func (s *Server) homeSection(ctx context.Context, siteID int64, p *page, look *siteLook, b homepage.Block) (*homeSection, error) {
	sec := &homeSection{Kind: b.Kind, Heading: b.Heading()}
	n := b.Count
	if n <= 0 {
		n = homepage.DefaultSize
	}
	var err error
	switch b.Kind {
	case homepage.Featured:
		if sec.Articles, err = s.st.ListArticles(ctx, store.ListOptions{SiteID: siteID, Featured: true, Limit: n}); err != nil || len(sec.Articles) == 0 {
			return nil, err
		}
		lead := &leadStory{Article: sec.Articles[0]}
		full, err := s.st.Article(ctx, siteID, lead.Article.ID)
		if err != nil {
			return nil, err
		}
		if m, ok, err := s.thumbnailFor(ctx, siteID, full.BodyHTML); err != nil {
			return nil, err
		} else if ok {
			lead.Image = imageFor(m, "", 0)
			lead.Image.Sizes = leadSizes
		}
		sec.Lead, sec.Articles = lead, sec.Articles[1:]
	case homepage.Latest:
		if sec.Articles, err = s.st.ListArticles(ctx, store.ListOptions{SiteID: siteID, WithShared: true, Limit: n}); err != nil || len(sec.Articles) == 0 {
			return nil, err
		}
	case homepage.Category:
		var cat *news.Category
		for i := range p.Categories {
			if p.Categories[i].ID == b.CategoryID {
				cat = &p.Categories[i]
			}
		}
		if cat == nil {
			return nil, nil
		}
		if b.Title == "" {
			sec.Heading = cat.Name
		}
		sec.More = "/chuyen-muc/" + cat.Slug
		if sec.Articles, err = s.st.ListArticles(ctx, store.ListOptions{SiteID: siteID, CategoryID: cat.ID, Limit: n}); err != nil || len(sec.Articles) == 0 {
			return nil, err
		}
	case homepage.Documents:
		sec.More = "/van-ban"
		if sec.Docs, _, err = s.st.ListDocuments(ctx, store.DocumentFilter{SiteID: siteID, Type: b.DocType, Limit: n}); err != nil || len(sec.Docs) == 0 {
			return nil, err
		}
	case homepage.Procedures:
		sec.More = "/thu-tuc"
		if sec.Procs, err = s.st.PopularProcedures(ctx, siteID, n); err != nil || len(sec.Procs) == 0 {
			return nil, err
		}
	case homepage.Questions:
		sec.More = "/hoi-dap"
		if sec.Questions, _, err = s.st.Questions(ctx, store.QuestionFilter{SiteID: siteID, Status: qa.StatusPublished, Limit: n}); err != nil || len(sec.Questions) == 0 {
			return nil, err
		}
	case homepage.Links:
		if sec.Links = look.Links; len(sec.Links) == 0 {
			return nil, nil
		}
	case homepage.Visitors:
	default:
		return nil, nil
	}
	return sec, nil
}
