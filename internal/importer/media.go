package importer

import (
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"strconv"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"

	"github.com/congportal/cong/internal/media"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/viet"
	"github.com/congportal/cong/internal/wxr"
)

// uploads is the old site's wp-content/uploads folder as the import sees
// it: the files brought into the media library so far, by their path below
// the folder, and the paths that were asked for and are not there.
type uploads struct {
	root    *os.Root // nil without --uploads
	lib     *media.Library
	st      *store.Store
	siteID  int64
	hosts   map[string]bool // the old site's host names
	byRel   map[string]store.Media
	missing map[string]bool
	bad     map[string]bool // present but refused (type, size, corrupt)
}

// mediaFor finds the library file for an uploads URL found in the old
// site's pages: the file as named, else the original of a resized copy.
// URLs of other sites are never taken for the old site's.
func (u *uploads) mediaFor(raw string) (store.Media, string, bool) {
	rel, ok := u.uploadsRel(raw)
	if !ok {
		return store.Media{}, "", false
	}
	if m, ok := u.byRel[rel]; ok {
		return m, rel, true
	}
	if m, ok := u.byRel[wxr.Original(rel)]; ok {
		return m, rel, true
	}
	return store.Media{}, rel, false
}

func (u *uploads) uploadsRel(raw string) (string, bool) {
	p, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (p.Host != "" && !u.hosts[strings.ToLower(p.Hostname())]) || (p.Scheme != "" && p.Scheme != "http" && p.Scheme != "https") {
		return "", false
	}
	rel, ok := wxr.UploadsPath(raw)
	if !ok {
		return "", false
	}
	return norm.NFC.String(rel), true
}

// errMissing: the file is not in the uploads folder.
var errMissing = errors.New("không có trong thư mục uploads")

// add brings the file at rel (below the uploads folder) into the media
// library with the same checks as an upload in the newsroom: type by
// content, size cap, images decoded and re-encoded without metadata. The
// same file twice is one library entry (content address).
func (u *uploads) add(ctx context.Context, rel, alt, caption string) (store.Media, bool, error) {
	if m, ok := u.byRel[rel]; ok {
		return m, false, nil
	}
	data, err := u.read(rel)
	if err != nil {
		return store.Media{}, false, err
	}
	t, err := media.Sniff(data)
	if errors.Is(err, media.ErrMacros) {
		return store.Media{}, false, errors.New("tài liệu có chứa macro, không nhận")
	} else if err != nil {
		return store.Media{}, false, errors.New("không đúng định dạng cho phép (ảnh JPEG, PNG, WebP, GIF; PDF, Word, Excel, ODT)")
	}
	hash := media.Hash(data)
	if m, err := u.st.MediaByHash(ctx, u.siteID, hash); err == nil {
		u.byRel[rel] = m
		return m, false, nil
	} else if !errors.Is(err, store.ErrNotFound) {
		return store.Media{}, false, err
	}
	res, err := media.Process(ctx, data, t)
	switch {
	case errors.Is(err, media.ErrCorrupt):
		return store.Media{}, false, errors.New("ảnh bị hỏng, không đọc được")
	case errors.Is(err, media.ErrTooLarge):
		return store.Media{}, false, fmt.Errorf("ảnh quá lớn (tối đa %d megapixel)", media.MaxPixels/1_000_000)
	case err != nil:
		return store.Media{}, false, err
	}
	if err := u.lib.Save(hash, res); err != nil {
		return store.Media{}, false, fmt.Errorf("lưu tệp: %w", err)
	}
	if alt == "" && t.Kind == media.KindImage {
		alt = strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	}
	widths := res.VariantWidths()
	m := store.Media{SiteID: u.siteID, Hash: hash, Kind: string(t.Kind), Mime: res.Type.Mime, Ext: res.Type.Ext, Size: int64(len(res.Data)),
		Width: res.Width, Height: res.Height, Widths: widths, Alt: clip(alt, 300), Caption: clip(caption, 500), OriginalName: clip(path.Base(rel), 200)}
	created, err := u.st.AddMedia(ctx, &m, func() error {
		if u.lib.Complete(hash, res.Type.Ext, widths) {
			return nil
		}
		return u.lib.Save(hash, res)
	})
	if err != nil {
		return store.Media{}, false, err
	}
	u.byRel[rel] = m
	return m, created, nil
}

// exists reports a regular file at rel below the uploads folder.
func (u *uploads) exists(rel string) bool {
	if u.root == nil || !fs.ValidPath(rel) {
		return false
	}
	fi, err := u.root.Stat(rel)
	return err == nil && fi.Mode().IsRegular()
}

// read reads a file below the uploads folder; os.Root keeps a path from
// the export ("../../etc/passwd") inside it.
func (u *uploads) read(rel string) ([]byte, error) {
	if u.root == nil || !fs.ValidPath(rel) {
		return nil, errMissing
	}
	f, err := u.root.Open(rel)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errMissing
	}
	if err != nil {
		return nil, fmt.Errorf("không mở được: %w", err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil {
		return nil, err
	} else if fi.IsDir() {
		return nil, errMissing
	} else if fi.Size() > media.DefaultMaxSize {
		return nil, fmt.Errorf("tệp quá lớn (%d MB, tối đa %d MB)", fi.Size()>>20, media.DefaultMaxSize>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, media.DefaultMaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > media.DefaultMaxSize {
		return nil, fmt.Errorf("tệp quá lớn (tối đa %d MB)", media.DefaultMaxSize>>20)
	}
	if len(data) == 0 {
		return nil, errors.New("tệp rỗng (0 byte)")
	}
	return data, nil
}

func clip(s string, n int) string {
	s = viet.CleanLine(html.UnescapeString(s))
	if r := []rune(s); len(r) > n {
		s = strings.TrimSpace(string(r[:n]))
	}
	return s
}

func mediaPath(m store.Media, width int) string {
	return "/media/" + media.FileName(m.Hash, width, m.Ext)
}

// srcsetOf is the library's srcset for an image: its variants, and the
// original with its own width.
func srcsetOf(m store.Media) []string {
	var out []string
	for _, w := range m.Widths {
		out = append(out, mediaPath(m, w)+" "+strconv.Itoa(w)+"w")
	}
	if m.Width > 0 {
		out = append(out, mediaPath(m, 0)+" "+strconv.Itoa(m.Width)+"w")
	}
	return out
}

// uploadURLs lists the URLs of a body's src, href and srcset attributes,
// in order, so the files they name can be brought in before the bodies are
// rewritten.
func uploadURLs(body string) []string {
	var out []string
	z := xhtml.NewTokenizer(strings.NewReader(body))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return out
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			for _, a := range z.Token().Attr {
				switch a.Key {
				case "src", "href":
					out = append(out, a.Val)
				case "srcset":
					for _, c := range strings.Split(a.Val, ",") {
						if f := strings.Fields(c); len(f) > 0 {
							out = append(out, f[0])
						}
					}
				}
			}
		}
	}
}

// rewriteBody points a body's links to the old site's uploads (img src,
// srcset, a href, every resized copy) at the media library: src and href
// to the original, srcset to the library's own variants. A link whose file
// could not be brought in is left as it was, and returned, so the summary
// can say which articles still depend on the old host. Everything else in
// the body, comments included, is copied byte for byte.
func rewriteBody(body string, find func(raw string) (store.Media, string, bool)) (string, []string) {
	var b strings.Builder
	var left []string
	z := xhtml.NewTokenizer(strings.NewReader(body))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			// An unfinished tag at the end is not a token but is still
			// the author's text: keep it.
			b.Write(z.Raw())
			break
		}
		raw := z.Raw()
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
			b.Write(raw)
			continue
		}
		// Token copies raw, so keep our own copy before the tokenizer
		// reuses its buffer.
		orig := string(raw)
		tok := z.Token()
		changed := false
		attrs := tok.Attr[:0]
		for _, a := range tok.Attr {
			switch a.Key {
			case "src", "href":
				if m, _, ok := find(a.Val); ok {
					a.Val, changed = mediaPath(m, 0), true
				} else if rel, isOld := urlIsUploads(find, a.Val); isOld {
					left = append(left, rel)
				}
			case "srcset":
				var cands []string
				seen := map[string]bool{}
				resolved := false
				for _, c := range strings.Split(a.Val, ",") {
					f := strings.Fields(c)
					if len(f) == 0 {
						continue
					}
					m, _, ok := find(f[0])
					if !ok {
						cands = append(cands, strings.TrimSpace(c))
						continue
					}
					resolved = true
					if seen[m.Hash] {
						continue
					}
					seen[m.Hash] = true
					cands = append(cands, srcsetOf(m)...)
				}
				if resolved {
					changed = true
					if len(cands) == 0 {
						continue // a document's srcset: nothing left to offer
					}
					a.Val = strings.Join(cands, ", ")
				}
			}
			attrs = append(attrs, a)
		}
		if !changed {
			b.WriteString(orig)
			continue
		}
		tok.Attr = attrs
		b.WriteString(tok.String())
	}
	return b.String(), left
}

// urlIsUploads reports a link into the old site's uploads that find could
// not resolve.
func urlIsUploads(find func(string) (store.Media, string, bool), raw string) (string, bool) {
	_, rel, _ := find(raw)
	return rel, rel != ""
}
