package web

import (
	"errors"
	"html"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/viet"
)

// searchInput validates ?q=: invalid UTF-8 is dropped, empty or over-long
// queries become a message (400 on the API, a notice on the page). present
// tells a missing q (the bare search page) from one that had nothing usable.
func searchInput(r *http.Request) (raw string, q viet.Query, present bool, err error) {
	orig := r.URL.Query().Get("q")
	raw = strings.TrimSpace(strings.ToValidUTF8(orig, ""))
	q, err = viet.ParseQuery(raw)
	return raw, q, orig != "", err
}

func (s *Server) runSearch(r *http.Request, q viet.Query, n, per int) (store.SearchResult, error) {
	// The first site's requests carry no site binding: the table knows
	// every site by id.
	t := s.sitesTable(r.Context(), s.cacheTTL)
	ref := t.byID[s.siteIDOf(r)]
	if ref == nil || len(ref.cover) < 2 {
		return s.st.Search(r.Context(), s.siteIDOf(r), q, per, (n-1)*per)
	}
	res, err := s.st.SearchSites(r.Context(), ref.cover, q, per, (n-1)*per)
	if err != nil {
		return res, err
	}
	// Results of the sites below are named and linked on their own host.
	for i, a := range res.Items {
		if a.SiteID == ref.id {
			continue
		}
		if src := t.byID[a.SiteID]; src != nil {
			res.Items[i].SharedFrom = &news.Site{ID: src.id, Name: src.name, Host: src.host, BaseURL: src.base}
		}
	}
	return res, nil
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := s.basePage(ctx)
	p.NoIndex = true
	n, err := pageParam(r)
	if err != nil {
		return err
	}
	raw, q, present, qerr := searchInput(r)
	p.Query = raw
	status := http.StatusOK
	switch {
	case !present:
		// The bare page: a form and examples.
	case qerr != nil:
		p.Message = qerr.Error()
		p.Searched = true
		if errors.Is(qerr, viet.ErrQueryTooLong) {
			p.Query = string([]rune(raw)[:200])
		}
		status = http.StatusBadRequest
	default:
		p.Searched = true
		res, err := s.runSearch(r, q, n, perPage)
		if err != nil {
			return err
		}
		p.Total, p.More = res.Total, res.More
		if n > 1 && n > pages(res.Total, perPage) {
			return errNotFound()
		}
		p.Pager = pager{Page: n, Pages: pages(res.Total, perPage), Base: "/tim-kiem?q=" + url.QueryEscape(raw) + "&"}
		for _, a := range res.Items {
			p.Results = append(p.Results, searchHit{
				Article: a,
				URL:     s.articleURL(r, a),
				Title:   template.HTML(viet.Highlight(a.Title, q)),
				Snippet: template.HTML(searchSnippet(a, q)),
			})
		}
	}
	s.countVisit(r, 0)
	return s.renderTo(w, r, status, "search", p)
}

// snippetHTMLBytes is how much of an article's HTML is first turned into
// text for its excerpt: enough for the summary's and the first paragraphs'
// matches, where nearly all excerpts come from.
const snippetHTMLBytes = 800

// searchSnippet is the excerpt of a result: viet.Snippet of the summary
// and the body's text, computed from the body's first part when that
// settles it.
func searchSnippet(a news.Article, q viet.Query) string {
	if k := tagStart(a.BodyHTML, snippetHTMLBytes); k > 0 {
		// Cut just before a tag, which plainText turns into a space: the
		// whole text is then this text, whitespace and the rest.
		if s, ok := viet.SnippetOfPrefix(a.Summary+" "+plainText(a.BodyHTML[:k]), q, 240); ok {
			return s
		}
	}
	return viet.Snippet(a.Summary+" "+plainText(a.BodyHTML), q, 240)
}

// tagStart returns the offset of the first tag plainText removes that
// starts at or after from, or 0 if there is none.
func tagStart(h string, from int) int {
	off := 0
	for {
		i := strings.IndexByte(h[off:], '<')
		if i < 0 {
			return 0
		}
		j := strings.IndexByte(h[off+i:], '>')
		if j < 0 {
			return 0
		}
		if off+i >= from {
			return off + i
		}
		off += i + j + 1
	}
}

// plainText is news.PlainText without its regular expression, which took
// a tenth of the search page's time: tags (from '<' to the next '>') become
// spaces, entities are decoded, whitespace is collapsed.
func plainText(h string) string {
	var b strings.Builder
	b.Grow(len(h))
	for {
		i := strings.IndexByte(h, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(h[i:], '>')
		if j < 0 {
			break // no tag closes: the regular expression matches nothing more
		}
		b.WriteString(h[:i])
		b.WriteByte(' ')
		h = h[i+j+1:]
	}
	b.WriteString(h)
	return strings.Join(strings.Fields(html.UnescapeString(b.String())), " ")
}

// coverProvinces sets each province site's search cover: itself and every
// site below it in the parent tree. A commune's search stays its own.
func coverProvinces(t *siteTable, sites []news.Site) {
	children := map[int64][]int64{}
	for _, site := range sites {
		if site.ParentID != 0 {
			children[site.ParentID] = append(children[site.ParentID], site.ID)
		}
	}
	for _, site := range sites {
		ref := t.byID[site.ID]
		if site.Kind != news.KindProvince || ref == nil || len(children[site.ID]) == 0 {
			continue
		}
		seen := map[int64]bool{site.ID: true}
		queue := []int64{site.ID}
		for i := 0; i < len(queue); i++ {
			for _, c := range children[queue[i]] {
				// A cycle in bad data must not loop forever.
				if !seen[c] {
					seen[c] = true
					queue = append(queue, c)
				}
			}
		}
		ref.cover = queue
	}
}
