package web

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/congportal/cong/internal/homepage"
	"github.com/congportal/cong/internal/media"
	"github.com/congportal/cong/internal/store"
)

// A site's look (issue 19): its menu, logo, banner, home page blocks and
// quick links, as its editors set them in /quan-tri/giao-dien. Every public
// page needs the menu and logo, so they are kept in memory per site and
// reloaded after a content change or a minute, like the site data; the
// cache is keyed by site id so serving several sites needs no change here.

// siteLook is what the layout and the home page need of a site's look.
type siteLook struct {
	Menu   []homepage.MenuEntry // nil: the built-in menu
	Logo   *lookImage           // nil: the built-in emblem
	Banner *lookImage
	Blocks []homepage.Block // nil: homepage.Default
	Links  []lookLink

	gen     uint64
	expires time.Time
}

// lookImage is a media library picture ready for an <img>.
type lookImage struct {
	Src, Srcset   string
	Sizes         string // with Srcset
	Width, Height int
	Alt           string
}

type lookLink struct {
	Label, URL string
	Image      *lookImage
	External   bool
}

type lookCache struct {
	mu sync.Mutex
	m  map[int64]*siteLook
}

// look returns the site's look from memory. If it cannot be loaded (the
// database is down), pages render with the built-in menu and no blocks
// configured rather than failing.
func (s *Server) look(ctx context.Context, siteID int64) *siteLook {
	now := time.Now()
	gen := s.cache.generation()
	s.looks.mu.Lock()
	defer s.looks.mu.Unlock()
	if l := s.looks.m[siteID]; l != nil && l.gen == gen && now.Before(l.expires) {
		return l
	}
	l, err := s.loadLook(ctx, siteID)
	if err != nil {
		s.log.Warn("site look", "site", siteID, "err", err)
		return &siteLook{}
	}
	l.gen, l.expires = gen, now.Add(time.Minute)
	if s.looks.m == nil {
		s.looks.m = map[int64]*siteLook{}
	}
	s.looks.m[siteID] = l
	return l
}

func (s *Server) loadLook(ctx context.Context, siteID int64) (*siteLook, error) {
	l := &siteLook{}
	items, err := s.st.MenuItems(ctx, siteID)
	if err != nil {
		return nil, err
	}
	l.Menu = homepage.Nest(items)
	id, err := s.st.SiteIdentity(ctx, siteID)
	if err != nil {
		return nil, err
	}
	if l.Logo, err = s.lookImage(ctx, siteID, id.LogoID, id.LogoAlt, logoHeight); err != nil {
		return nil, err
	}
	if l.Banner, err = s.lookImage(ctx, siteID, id.BannerID, id.BannerAlt, 0); err != nil {
		return nil, err
	}
	if l.Blocks, err = s.st.HomeBlocks(ctx, siteID); err != nil {
		return nil, err
	}
	links, err := s.st.HomeLinks(ctx, siteID)
	if err != nil {
		return nil, err
	}
	if len(links) == 0 {
		links = homepage.DefaultLinks()
	}
	for _, k := range links {
		ll := lookLink{Label: k.Label, URL: k.URL, External: strings.HasPrefix(k.URL, "http")}
		if ll.Image, err = s.lookImage(ctx, siteID, k.MediaID, k.Alt, linkHeight); err != nil {
			return nil, err
		}
		l.Links = append(l.Links, ll)
	}
	return l, nil
}

const (
	// logoHeight and linkHeight are the CSS heights of the logo and of a
	// quick link's picture; their width follows the picture's shape.
	logoHeight = 56
	linkHeight = 48
)

// lookImage loads a library image for display at height h CSS pixels (0:
// full width, as the banner). A missing picture is nil, not an error: it
// may have been deleted from the library.
func (s *Server) lookImage(ctx context.Context, siteID, mediaID int64, alt string, h int) (*lookImage, error) {
	if mediaID == 0 {
		return nil, nil
	}
	m, err := s.st.MediaByID(ctx, siteID, mediaID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && m.Kind != string(media.KindImage)) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return imageFor(m, alt, h), nil
}

// imageFor describes m for an <img> shown h CSS pixels high (0: at the
// picture's own shape, as wide as its box). A fixed-height picture gets
// the narrowest variant that is sharp on a screen of twice the density,
// and no srcset; a fluid one all its variants.
func imageFor(m store.Media, alt string, h int) *lookImage {
	if alt == "" {
		alt = m.Alt
	}
	img := &lookImage{Alt: alt, Width: m.Width, Height: m.Height}
	if h > 0 && m.Height > 0 {
		img.Height = h
		img.Width = max(1, (m.Width*h+m.Height/2)/m.Height)
		img.Src = mediaURL(m, variantFor(m, 2*img.Width))
		return img
	}
	img.Src = mediaSrc(m)
	img.Srcset = mediaSrcset(m)
	img.Sizes = "100vw"
	return img
}

// variantFor is the narrowest variant at least w pixels wide, 0 (the
// original) when none is.
func variantFor(m store.Media, w int) int {
	for _, v := range m.Widths {
		if v >= w {
			return v
		}
	}
	return 0
}

// firstImageRE finds the first library image in an article's body.
var firstImageRE = regexp.MustCompile(`<img[^>]+src="/media/([0-9a-f]{64})(?:-[0-9]{2,5})?\.(?:jpg|png|gif)"`)

// thumbnailFor returns the picture of an article: the first image of its
// body that is in the site's library, nil when there is none.
func (s *Server) thumbnailFor(ctx context.Context, siteID int64, body string) (store.Media, bool, error) {
	m := firstImageRE.FindStringSubmatch(body)
	if m == nil {
		return store.Media{}, false, nil
	}
	med, err := s.st.MediaByHash(ctx, siteID, m[1])
	if errors.Is(err, store.ErrNotFound) {
		return store.Media{}, false, nil
	}
	if err != nil || med.Kind != string(media.KindImage) {
		return store.Media{}, false, err
	}
	return med, true, nil
}

// Article bodies store their pictures' sizes as the editor inserted them.
// On a phone the article's text column is the screen less about 50 px
// (the page's and the article's padding), not the full width: said so,
// a phone at Lighthouse's density (412 px × 1.75) picks the 640 px copy
// instead of the 1024 px one, half the bytes. Rewritten when the page is
// built for the cache, so every stored article benefits.
const (
	storedSizes = `sizes="(min-width: 900px) 760px, 100vw"`
	columnSizes = `sizes="(min-width: 900px) 760px, calc(100vw - 50px)"`
	// aboveFold: a picture starting within this many bytes of the body's
	// start is on the first screen and is not lazy-loaded (a lazy picture
	// in view loads late and slows the page's largest paint).
	aboveFold = 1200
)

func articleImages(body string) string {
	body = strings.ReplaceAll(body, storedSizes, columnSizes)
	i := strings.Index(body, "<img ")
	if i < 0 || i > aboveFold {
		return body
	}
	end := strings.IndexByte(body[i:], '>')
	if end < 0 {
		return body
	}
	tag := body[i : i+end]
	return body[:i] + strings.Replace(tag, ` loading="lazy"`, "", 1) + body[i+end:]
}
