package web

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/http"
	"time"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
)

type rssDoc struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title       string    `xml:"title"`
	Link        string    `xml:"link"`
	Self        rssLink   `xml:"atom:link"`
	Description string    `xml:"description"`
	Language    string    `xml:"language"`
	LastBuild   string    `xml:"lastBuildDate,omitempty"`
	Items       []rssItem `xml:"item"`
}

type rssLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string  `xml:"title"`
	Link        string  `xml:"link"`
	GUID        rssGUID `xml:"guid"`
	PubDate     string  `xml:"pubDate"`
	Category    string  `xml:"category,omitempty"`
	Author      string  `xml:"dc:creator,omitempty"`
	Description string  `xml:"description"`
}

type rssGUID struct {
	Value     string `xml:",chardata"`
	Permalink bool   `xml:"isPermaLink,attr"`
}

func (s *Server) feed(w http.ResponseWriter, r *http.Request) error {
	return s.serveFeed(w, r, "")
}

func (s *Server) categoryFeed(w http.ResponseWriter, r *http.Request) error {
	slug, err := slugParam(r, "slug")
	if err != nil {
		return err
	}
	return s.serveFeed(w, r, slug)
}

// serveFeed writes RSS 2.0 of the newest 30 articles, cached like pages.
func (s *Server) serveFeed(w http.ResponseWriter, r *http.Request, catSlug string) error {
	key := s.cacheKey(r, "rss:"+catSlug)
	now := time.Now()
	e := s.cache.get(key, now)
	if e == nil {
		gen := s.cache.generation()
		ctx := r.Context()
		d, err := s.site(ctx)
		if err != nil {
			return err
		}
		o := store.ListOptions{SiteID: s.siteIDOf(r), WithShared: catSlug == "", Limit: 30}
		title, link, self := d.site.Name, s.baseURLOf(r)+"/", s.baseURLOf(r)+"/rss.xml"
		if catSlug != "" {
			c, err := s.st.CategoryBySlug(ctx, s.siteIDOf(r), catSlug)
			if err != nil {
				return err
			}
			o.CategoryID = c.ID
			title = c.Name + " – " + d.site.Name
			link = s.baseURLOf(r) + "/chuyen-muc/" + c.Slug
			self = link + "/rss.xml"
		}
		arts, err := s.st.ListArticles(ctx, o)
		if err != nil {
			return err
		}
		doc := rssDoc{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", Channel: rssChannel{
			Title: title, Link: link, Description: d.site.Description, Language: "vi",
			Self: rssLink{Href: self, Rel: "self", Type: "application/rss+xml"},
		}}
		if len(arts) > 0 {
			doc.Channel.LastBuild = arts[0].PublishedAt.In(s.loc).Format(time.RFC1123Z)
		}
		for _, a := range arts {
			doc.Channel.Items = append(doc.Channel.Items, s.rssItem(r, a))
		}
		var buf bytes.Buffer
		buf.WriteString(xml.Header)
		enc := xml.NewEncoder(&buf)
		if err := enc.Encode(doc); err != nil {
			return err
		}
		// dc:creator needs its namespace on the root element.
		out := bytes.Replace(buf.Bytes(), []byte(`<rss version="2.0"`), []byte(`<rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0"`), 1)
		e = &cachedPage{live: &livePage{segs: [][]byte{out}, size: len(out)}, gen: gen}
		s.cache.put(key, e, now)
	}
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	w.Write(e.live.segs[0])
	return nil
}

func (s *Server) rssItem(r *http.Request, a news.Article) rssItem {
	u := s.articleURL(r, a)
	it := rssItem{Title: a.Title, Link: u, GUID: rssGUID{Value: u, Permalink: true},
		PubDate: a.PublishedAt.In(s.loc).Format(time.RFC1123Z), Author: a.Author, Description: a.Summary}
	if a.Category != nil {
		it.Category = a.Category.Name
	}
	return it
}

func (s *Server) sitemap(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	d, err := s.site(ctx)
	if err != nil {
		return err
	}
	entries, err := s.st.PublishedSlugs(ctx, s.siteIDOf(r), 45000)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	loc := func(u string, t time.Time) {
		buf.WriteString("<url><loc>")
		xml.EscapeText(&buf, []byte(u))
		buf.WriteString("</loc>")
		if !t.IsZero() {
			fmt.Fprintf(&buf, "<lastmod>%s</lastmod>", t.In(s.loc).Format(time.RFC3339))
		}
		buf.WriteString("</url>\n")
	}
	loc(s.baseURLOf(r)+"/", time.Time{})
	for _, c := range d.categories {
		loc(s.baseURLOf(r)+"/chuyen-muc/"+c.Slug, time.Time{})
	}
	for _, e := range entries {
		loc(s.baseURLOf(r)+"/bai-viet/"+e.Slug, e.UpdatedAt)
	}
	if err := s.procedureSitemap(ctx, loc); err != nil {
		return err
	}
	if err := s.qaSitemap(ctx, loc); err != nil {
		return err
	}
	if err := s.documentSitemap(ctx, loc); err != nil {
		return err
	}
	buf.WriteString("</urlset>\n")
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.Write(buf.Bytes())
	return nil
}

func (s *Server) robots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintf(w, "User-agent: *\nDisallow: /quan-tri\nDisallow: /api/\nDisallow: /tim-kiem\nDisallow: /bai-viet/*/in\nDisallow: /van-ban/*/in\n\nSitemap: %s/sitemap.xml\n", s.baseURLOf(r))
}
