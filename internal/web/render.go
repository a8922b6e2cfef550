package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
)

//go:embed templates/*.html templates/admin/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// page is the data every template gets. One struct for all pages keeps the
// layout's needs (site, menu, live slots) in one place.
type page struct {
	Site        news.Site
	SiteMap     []siteMapLink // /so-do-trang
	APIDoc      *apiDocView   // /api
	Categories  []news.Category
	Description string
	Canonical   string
	Active      string
	Query       string
	NoIndex     bool
	Print       bool

	// Look is the site's menu, logo and home page arrangement; Home the
	// home page's blocks, loaded; NoSideStats leaves the visitor figures
	// out of the sidebar when the page shows them already.
	Look        *siteLook
	Home        []homeSection
	NoSideStats bool

	Category news.Category
	Articles []news.Article
	Pager    pager

	Article news.Article
	Related []news.Article

	Results  []searchHit
	Searched bool // a query was submitted (possibly unusable)
	Total    int
	More     bool // search: more matches than listed
	Message  string

	Page news.Page

	ErrorTitle, ErrorMessage string
}

type searchHit struct {
	Article news.Article
	URL     string // on its own site's host for another site's article
	Title   template.HTML
	Snippet template.HTML
}

type pager struct {
	Page, Pages int
	Base        string // URL without the page parameter, ending in ? or &
}

func (p pager) URL(n int) string {
	if n <= 1 {
		return strings.TrimRight(p.Base, "?&")
	}
	return p.Base + "trang=" + strconv.Itoa(n)
}

// assets maps a static file name to its checksum URL. Files are served at
// /static/NAME.HASH.EXT with a one-year immutable lifetime, so a new release
// changes the URL instead of waiting on caches.
type assets struct {
	byName map[string]string // "style.css" → "/static/style.1a2b3c4d.css"
	byPath map[string]asset  // "style.1a2b3c4d.css" → content
}

type asset struct {
	body  []byte
	gz    []byte // gzip of body, for text types; nil when not worth it
	ctype string
	etag  string
}

func loadAssets() (*assets, error) {
	a := &assets{byName: map[string]string{}, byPath: map[string]asset{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		h := hex.EncodeToString(sum[:4])
		name := path.Base(p)
		ext := path.Ext(name)
		hashed := strings.TrimSuffix(name, ext) + "." + h + ext
		ctype := map[string]string{".css": "text/css; charset=utf-8", ".svg": "image/svg+xml", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".woff2": "font/woff2"}[ext]
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		a.byName[name] = "/static/" + hashed
		as := asset{body: body, ctype: ctype, etag: `"` + h + `"`}
		if ext == ".css" || ext == ".js" || ext == ".svg" {
			// Compressed once at start-up: the editor bundle is 460 KB
			// raw, 150 KB gzipped, and it is the same bytes every time.
			var zb bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&zb, gzip.BestCompression)
			zw.Write(body)
			zw.Close()
			if zb.Len() < len(body)*9/10 {
				as.gz = zb.Bytes()
			}
		}
		a.byPath[hashed] = as
		return nil
	})
	return a, err
}

func (a *assets) url(name string) (string, error) {
	u, ok := a.byName[name]
	if !ok {
		return "", fmt.Errorf("unknown asset %q", name)
	}
	return u, nil
}

// Live slots: the parts of a page that change between requests (views and
// visitor figures). Pages are rendered once with a marker at each slot and
// split there; serving a page writes the static parts around the current
// numbers. Rendering a 30 KB page with html/template on every request costs
// more than half the throughput; splicing costs a copy.
const liveOpen, liveClose = "<!--live:", "-->"

var liveNames = map[string]bool{"views": true, "online": true, "today": true, "week": true, "total": true}

func liveMarker(name string) (template.HTML, error) {
	if !liveNames[name] {
		return "", fmt.Errorf("unknown live slot %q", name)
	}
	return template.HTML(liveOpen + name + liveClose), nil
}

// livePage is a rendered page split at its live slots: len(segs) ==
// len(slots)+1.
type livePage struct {
	segs  [][]byte
	slots []string
	size  int

	gzOnce sync.Once
	gz     *gzPage

	// The last response built, per encoding. The figures change at most on
	// each new view or flush, while a popular page is read many times
	// between, so most requests write these bytes as they are.
	last, lastGz atomic.Pointer[assembled]
}

// assembled is a complete response body for one set of live figures.
type assembled struct {
	v    liveValues
	body []byte
	clen []string // Content-Length, formatted once
}

func splitLive(b []byte) *livePage {
	lp := &livePage{}
	for {
		i := bytes.Index(b, []byte(liveOpen))
		if i < 0 {
			break
		}
		j := bytes.Index(b[i:], []byte(liveClose))
		if j < 0 {
			break
		}
		lp.segs = append(lp.segs, b[:i])
		lp.slots = append(lp.slots, string(b[i+len(liveOpen):i+j]))
		b = b[i+j+len(liveClose):]
	}
	lp.segs = append(lp.segs, b)
	for _, s := range lp.segs {
		lp.size += len(s)
	}
	return lp
}

// liveValues are the numbers spliced into a page.
type liveValues struct {
	views int64
	stats store.VisitStats
}

func (v *liveValues) appendSlot(dst []byte, slot string) []byte {
	var n int64
	switch slot {
	case "views":
		n = v.views
	case "online":
		n = v.stats.Online
	case "today":
		n = v.stats.Today
	case "week":
		n = v.stats.Week
	case "total":
		n = v.stats.Total
	}
	return appendGrouped(dst, n)
}

// appendGrouped writes n with Vietnamese thousands separators: 12.345.
func appendGrouped(dst []byte, n int64) []byte {
	if n < 0 {
		dst = append(dst, '-')
		n = -n
	}
	var tmp [24]byte
	s := strconv.AppendInt(tmp[:0], n, 10)
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			dst = append(dst, '.')
		}
		dst = append(dst, c)
	}
	return dst
}

// serve writes the page gzip-compressed when the client accepts it.
func (lp *livePage) serve(w http.ResponseWriter, r *http.Request, status int, v *liveValues) {
	if acceptsGzip(r) {
		lp.writeGzip(w, status, v)
		return
	}
	lp.write(w, status, v)
}

// write sends the page with the given numbers in one Write, with
// Content-Length, so the response is a single buffer like a static file.
func (lp *livePage) write(w http.ResponseWriter, status int, v *liveValues) {
	a := lp.last.Load()
	if a == nil || a.v != *v {
		b := make([]byte, 0, lp.size+len(lp.slots)*24)
		for i, seg := range lp.segs {
			b = append(b, seg...)
			if i < len(lp.slots) {
				b = v.appendSlot(b, lp.slots[i])
			}
		}
		a = &assembled{v: *v, body: b, clen: []string{strconv.Itoa(len(b))}}
		lp.last.Store(a)
	}
	h := w.Header()
	h["Content-Type"] = htmlContentType
	h["Vary"] = varyEncoding
	h["Content-Length"] = a.clen
	w.WriteHeader(status)
	w.Write(a.body)
}

var htmlContentType = []string{"text/html; charset=utf-8"}

// render executes a page template into a live page.
func (s *Server) render(name string, p *page) (*livePage, error) {
	var buf bytes.Buffer
	if err := s.tmpl[name].ExecuteTemplate(&buf, "layout", p); err != nil {
		return nil, err
	}
	return splitLive(buf.Bytes()), nil
}

// renderTo renders a page that is not cached and writes it with the current
// visitor figures.
func (s *Server) renderTo(w http.ResponseWriter, r *http.Request, status int, name string, p *page) error {
	lp, err := s.render(name, p)
	if err != nil {
		return err
	}
	lp.write(w, status, &liveValues{stats: s.counterOf(r).Stats()})
	return nil
}

// renderPublic renders one of this feature's public pages with the
// current visitor figures; data embeds *page for the layout.
func (s *Server) renderPublic(w http.ResponseWriter, r *http.Request, status int, name string, data any) error {
	t, ok := s.tmpl[name]
	if !ok {
		return fmt.Errorf("no template %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		return err
	}
	splitLive(buf.Bytes()).write(w, status, &liveValues{stats: s.counterOf(r).Stats()})
	return nil
}
