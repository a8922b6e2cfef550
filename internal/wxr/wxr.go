// Package wxr parses WordPress eXtended RSS (WXR) files, the format of
// WordPress's Tools → Export, so a commune or district site running
// WordPress can be moved onto the portal.
//
// The parser only extracts what the importer needs and keeps values as
// WordPress wrote them (raw dates, unsanitised HTML): deciding what to trust
// is the importer's job, not the parser's.
package wxr

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Namespaces of WXR 1.2, as declared by WordPress 6.
const (
	nsWP      = "http://wordpress.org/export/1.2/"
	nsExcerpt = "http://wordpress.org/export/1.2/excerpt/"
	nsContent = "http://purl.org/rss/1.0/modules/content/"
	nsDC      = "http://purl.org/dc/elements/1.1/"
)

// MaxSize is the largest export Parse accepts. Parse holds the whole
// document in memory, so the cap protects the server from an upload that
// would exhaust it; real exports of a government site are far smaller.
const MaxSize = 256 << 20

// ErrTooLarge is returned (wrapped) when the input exceeds MaxSize.
var ErrTooLarge = errors.New("wxr: export is larger than 256 MiB")

// maxSize is MaxSize as a variable so tests can exercise the cap cheaply.
var maxSize int64 = MaxSize

// Export is the content of one WXR file.
type Export struct {
	Title, Link, Language, BaseSiteURL string
	Version                            string // wp:wxr_version, e.g. "1.2"
	Authors                            []Author
	Categories                         []Category
	Tags                               []Tag
	Items                              []Item
}

// Author is a wp:author entry. Items refer to it by Login (dc:creator).
type Author struct {
	Login, Email, DisplayName, FirstName, LastName string
	ID                                             int
}

// Category is a wp:category entry. Parent is the parent's slug, "" at top
// level — WordPress links categories by slug, not by ID, in exports.
// Names are as WordPress stores them, which is HTML-escaped ("A &amp; B").
type Category struct {
	Slug, Name, Parent, Description string
	ID                              int
}

// Tag is a wp:tag entry.
type Tag struct {
	Slug, Name string
}

// Item is one post, page, attachment or other post type.
type Item struct {
	Title, Link, GUID string
	Creator           string // dc:creator: the author's login
	Content, Excerpt  string // raw HTML, not sanitised
	PostID            int
	PostDate          string // raw "2006-01-02 15:04:05", site-local time
	PostDateGMT       string // raw, UTC; "0000-00-00 00:00:00" when unset (drafts)
	PostName          string // slug
	Status            string // publish, draft, pending, private, future, inherit, trash
	PostType          string // post, page, attachment, nav_menu_item, …
	AttachmentURL     string
	PostParent        int
	// Categories holds the item's terms of every taxonomy: Domain is
	// "category", "post_tag", "post_format" or a custom taxonomy.
	Categories []ItemTerm
	// Meta holds wp:postmeta. WordPress allows repeated keys; the first
	// value is kept, matching get_post_meta($id, $key, true).
	Meta map[string]string
}

// ItemTerm is a term attached to an item: <category domain=… nicename=…>.
// Like Category.Name, Name is HTML-escaped as WordPress stores it.
type ItemTerm struct {
	Domain, Slug, Name string
}

// WordPress's MySQL datetime layout and its "no date" value.
const (
	dateLayout = "2006-01-02 15:04:05"
	zeroDate   = "0000-00-00 00:00:00"
)

// PublishedAt returns the item's time. PostDateGMT is preferred because it
// is unambiguous; WordPress leaves it as 0000-00-00 00:00:00 for drafts and
// some imported or plugin-scheduled posts, and then PostDate is read as a
// wall-clock time in loc (the source site's timezone; nil means UTC).
func (it Item) PublishedAt(loc *time.Location) (time.Time, error) {
	if gmt := strings.TrimSpace(it.PostDateGMT); gmt != "" && gmt != zeroDate {
		if t, err := time.Parse(dateLayout, gmt); err == nil {
			return t, nil
		}
	}
	if loc == nil {
		loc = time.UTC
	}
	if t, err := time.ParseInLocation(dateLayout, strings.TrimSpace(it.PostDate), loc); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("wxr: item %d %q: no usable date (post_date %q, post_date_gmt %q)",
		it.PostID, it.Title, it.PostDate, it.PostDateGMT)
}

// Parse reads a whole WXR document. It fails on malformed XML, on input that
// is not a WordPress export (no <rss><channel>, no wp:wxr_version), on
// numeric fields that are not numbers, and on input larger than MaxSize.
// Errors say where, with the line number when known.
//
// WXR 1.0 and 1.1 files (older WordPress) are read too: their namespaces
// differ from 1.2 only in the version segment. C0 control characters, which
// XML forbids but WordPress does not filter out of post content, are read
// as spaces rather than failing a whole site's import over one stray byte.
func Parse(r io.Reader) (*Export, error) {
	src := &sourceReader{r: r, left: maxSize}
	raw := xml.NewDecoder(src)
	raw.Strict = true
	// Titles and descriptions outside CDATA may carry HTML entities such as
	// &nbsp; which plain XML does not define.
	raw.Entity = xml.HTMLEntity
	raw.CharsetReader = charsetReader
	p := &parser{raw: raw, d: xml.NewTokenDecoder(nsNormalizer{raw})}

	exp, err := p.document()
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return nil, ErrTooLarge
		}
		return nil, err
	}
	return exp, nil
}

// parser decodes through d (which sees normalised namespaces) and asks raw
// for the input position when reporting errors.
type parser struct {
	raw *xml.Decoder
	d   *xml.Decoder
}

func (p *parser) line() int {
	line, _ := p.raw.InputPos()
	return line
}

// fail formats an error that is not an XML syntax error (those carry their
// own line number) with the current line.
func (p *parser) fail(format string, args ...any) error {
	return fmt.Errorf("wxr: line %d: %s", p.line(), fmt.Sprintf(format, args...))
}

// wrap annotates an error from the decoder.
func (p *parser) wrap(err error) error {
	var syn *xml.SyntaxError
	switch {
	case errors.Is(err, ErrTooLarge):
		return err
	case errors.As(err, &syn):
		return fmt.Errorf("wxr: %w", err) // "XML syntax error on line N: …"
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return fmt.Errorf("wxr: line %d: unexpected end of document (truncated export?): %w", p.line(), err)
	default:
		return fmt.Errorf("wxr: line %d: %w", p.line(), err)
	}
}

func (p *parser) document() (*Export, error) {
	// The root element, after the XML declaration and comments.
	var root xml.StartElement
	for {
		tok, err := p.d.Token()
		if err == io.EOF {
			return nil, errors.New("wxr: empty document: expected a WordPress export (WXR) file")
		}
		if err != nil {
			return nil, p.wrap(err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			root = se
			break
		}
		if cd, ok := tok.(xml.CharData); ok && len(bytes.TrimSpace(cd)) > 0 {
			// encoding/xml tolerates text outside the root element; without
			// this a ZIP or a PDF uploaded by mistake reads as "empty".
			return nil, p.fail("not an XML document: text before the root element (upload the .xml file WordPress exported)")
		}
	}
	if root.Name.Local != "rss" {
		return nil, p.fail("not a WordPress export: root element is <%s>, want <rss>", root.Name.Local)
	}

	var exp *Export
	for {
		tok, err := p.d.Token()
		if err != nil {
			return nil, p.wrap(err)
		}
		if _, ok := tok.(xml.EndElement); ok {
			break // </rss>
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if se.Name.Local != "channel" || se.Name.Space != "" || exp != nil {
			if err := p.d.Skip(); err != nil {
				return nil, p.wrap(err)
			}
			continue
		}
		if exp, err = p.channel(); err != nil {
			return nil, err
		}
	}
	if exp == nil {
		return nil, p.fail("not a WordPress export: <rss> has no <channel>")
	}
	// Read to the end so trailing garbage is reported, not ignored: a second
	// document glued on suggests a corrupted or concatenated file.
	for {
		tok, err := p.d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, p.wrap(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return nil, p.fail("unexpected element <%s> after </rss>", t.Name.Local)
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return nil, p.fail("unexpected text after </rss>")
			}
		}
	}
	if exp.Version == "" {
		return nil, errors.New("wxr: not a WordPress export: RSS feed without wp:wxr_version (export with WordPress Tools → Export, not the site's /feed)")
	}
	return exp, nil
}

// channel reads the children of <channel> up to its end tag.
func (p *parser) channel() (*Export, error) {
	exp := &Export{}
	for {
		tok, err := p.d.Token()
		if err != nil {
			return nil, p.wrap(err)
		}
		if _, ok := tok.(xml.EndElement); ok {
			return exp, nil
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		line := p.line()
		var target *string // set for the simple text fields
		switch se.Name {
		case xml.Name{Local: "title"}:
			target = &exp.Title
		case xml.Name{Local: "link"}:
			target = &exp.Link
		case xml.Name{Local: "language"}:
			target = &exp.Language
		case xml.Name{Space: nsWP, Local: "wxr_version"}:
			target = &exp.Version
		case xml.Name{Space: nsWP, Local: "base_site_url"}:
			target = &exp.BaseSiteURL
		case xml.Name{Space: nsWP, Local: "author"}:
			var a xmlAuthor
			if err := p.d.DecodeElement(&a, &se); err != nil {
				return nil, p.wrap(err)
			}
			au, err := a.convert()
			if err != nil {
				return nil, fmt.Errorf("wxr: line %d: wp:author: %w", line, err)
			}
			exp.Authors = append(exp.Authors, au)
			continue
		case xml.Name{Space: nsWP, Local: "category"}:
			var c xmlCategory
			if err := p.d.DecodeElement(&c, &se); err != nil {
				return nil, p.wrap(err)
			}
			cat, err := c.convert()
			if err != nil {
				return nil, fmt.Errorf("wxr: line %d: wp:category: %w", line, err)
			}
			exp.Categories = append(exp.Categories, cat)
			continue
		case xml.Name{Space: nsWP, Local: "tag"}:
			var t xmlTag
			if err := p.d.DecodeElement(&t, &se); err != nil {
				return nil, p.wrap(err)
			}
			exp.Tags = append(exp.Tags, Tag{Slug: strings.TrimSpace(t.Slug), Name: strings.TrimSpace(t.Name)})
			continue
		case xml.Name{Local: "item"}:
			var x xmlItem
			if err := p.d.DecodeElement(&x, &se); err != nil {
				return nil, p.wrap(err)
			}
			it, err := x.convert()
			if err != nil {
				return nil, fmt.Errorf("wxr: line %d: item %q: %w", line, x.Title, err)
			}
			exp.Items = append(exp.Items, it)
			continue
		default:
			// description, pubDate, generator, wp:term, wp:base_blog_url, …
			if err := p.d.Skip(); err != nil {
				return nil, p.wrap(err)
			}
			continue
		}
		var s string
		if err := p.d.DecodeElement(&s, &se); err != nil {
			return nil, p.wrap(err)
		}
		*target = strings.TrimSpace(s)
	}
}

// The xml* types mirror the XML; convert turns them into the public types,
// trimming the whitespace WordPress puts around some values and parsing
// numbers with errors that name the field.

type xmlAuthor struct {
	ID          string `xml:"http://wordpress.org/export/1.2/ author_id"`
	Login       string `xml:"http://wordpress.org/export/1.2/ author_login"`
	Email       string `xml:"http://wordpress.org/export/1.2/ author_email"`
	DisplayName string `xml:"http://wordpress.org/export/1.2/ author_display_name"`
	FirstName   string `xml:"http://wordpress.org/export/1.2/ author_first_name"`
	LastName    string `xml:"http://wordpress.org/export/1.2/ author_last_name"`
}

func (a xmlAuthor) convert() (Author, error) {
	id, err := atoi("wp:author_id", a.ID)
	return Author{
		ID:          id,
		Login:       strings.TrimSpace(a.Login),
		Email:       strings.TrimSpace(a.Email),
		DisplayName: strings.TrimSpace(a.DisplayName),
		FirstName:   strings.TrimSpace(a.FirstName),
		LastName:    strings.TrimSpace(a.LastName),
	}, err
}

type xmlCategory struct {
	ID          string `xml:"http://wordpress.org/export/1.2/ term_id"`
	Slug        string `xml:"http://wordpress.org/export/1.2/ category_nicename"`
	Parent      string `xml:"http://wordpress.org/export/1.2/ category_parent"`
	Name        string `xml:"http://wordpress.org/export/1.2/ cat_name"`
	Description string `xml:"http://wordpress.org/export/1.2/ category_description"`
}

func (c xmlCategory) convert() (Category, error) {
	id, err := atoi("wp:term_id", c.ID)
	return Category{
		ID:          id,
		Slug:        strings.TrimSpace(c.Slug),
		Name:        strings.TrimSpace(c.Name),
		Parent:      strings.TrimSpace(c.Parent),
		Description: strings.TrimSpace(c.Description),
	}, err
}

type xmlTag struct {
	Slug string `xml:"http://wordpress.org/export/1.2/ tag_slug"`
	Name string `xml:"http://wordpress.org/export/1.2/ tag_name"`
}

type xmlItem struct {
	Title         string        `xml:"title"`
	Link          string        `xml:"link"`
	GUID          string        `xml:"guid"`
	Creator       string        `xml:"http://purl.org/dc/elements/1.1/ creator"`
	Content       string        `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
	Excerpt       string        `xml:"http://wordpress.org/export/1.2/excerpt/ encoded"`
	PostID        string        `xml:"http://wordpress.org/export/1.2/ post_id"`
	PostDate      string        `xml:"http://wordpress.org/export/1.2/ post_date"`
	PostDateGMT   string        `xml:"http://wordpress.org/export/1.2/ post_date_gmt"`
	PostName      string        `xml:"http://wordpress.org/export/1.2/ post_name"`
	Status        string        `xml:"http://wordpress.org/export/1.2/ status"`
	PostType      string        `xml:"http://wordpress.org/export/1.2/ post_type"`
	PostParent    string        `xml:"http://wordpress.org/export/1.2/ post_parent"`
	AttachmentURL string        `xml:"http://wordpress.org/export/1.2/ attachment_url"`
	Categories    []xmlItemTerm `xml:"category"`
	Meta          []xmlMeta     `xml:"http://wordpress.org/export/1.2/ postmeta"`
}

type xmlItemTerm struct {
	Domain   string `xml:"domain,attr"`
	Nicename string `xml:"nicename,attr"`
	Name     string `xml:",chardata"`
}

type xmlMeta struct {
	Key   string `xml:"http://wordpress.org/export/1.2/ meta_key"`
	Value string `xml:"http://wordpress.org/export/1.2/ meta_value"`
}

func (x xmlItem) convert() (Item, error) {
	id, err := atoi("wp:post_id", x.PostID)
	if err != nil {
		return Item{}, err
	}
	parent, err := atoi("wp:post_parent", x.PostParent)
	if err != nil {
		return Item{}, err
	}
	it := Item{
		Title:         strings.TrimSpace(x.Title),
		Link:          strings.TrimSpace(x.Link),
		GUID:          strings.TrimSpace(x.GUID),
		Creator:       strings.TrimSpace(x.Creator),
		Content:       x.Content, // verbatim: whitespace can matter in HTML
		Excerpt:       x.Excerpt,
		PostID:        id,
		PostDate:      strings.TrimSpace(x.PostDate),
		PostDateGMT:   strings.TrimSpace(x.PostDateGMT),
		PostName:      strings.TrimSpace(x.PostName),
		Status:        strings.TrimSpace(x.Status),
		PostType:      strings.TrimSpace(x.PostType),
		AttachmentURL: strings.TrimSpace(x.AttachmentURL),
		PostParent:    parent,
	}
	for _, c := range x.Categories {
		// WXR 1.0 repeated each category as a bare <category>Name</category>
		// next to the one with attributes; without a domain it says nothing
		// the other does not.
		if c.Domain == "" {
			continue
		}
		it.Categories = append(it.Categories, ItemTerm{
			Domain: strings.TrimSpace(c.Domain),
			Slug:   strings.TrimSpace(c.Nicename),
			Name:   strings.TrimSpace(c.Name),
		})
	}
	for _, m := range x.Meta {
		key := strings.TrimSpace(m.Key)
		if it.Meta == nil {
			it.Meta = make(map[string]string, len(x.Meta))
		}
		if _, dup := it.Meta[key]; !dup {
			it.Meta[key] = m.Value
		}
	}
	return it, nil
}

// atoi parses a numeric WXR field; empty means 0, as WordPress omits or
// blanks unset numbers.
func atoi(field, s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("%s %q is not a number", field, s)
	}
	return n, nil
}

// nsNormalizer rewrites the namespaces of older WXR versions (1.0, 1.1) to
// their 1.2 equivalents, so one set of struct tags reads them all. It also
// resolves the usual prefixes when a broken exporter forgot to declare them
// (encoding/xml then leaves the bare prefix as the namespace).
type nsNormalizer struct{ d *xml.Decoder }

var nsAliases = map[string]string{
	"http://wordpress.org/export/1.0/":         nsWP,
	"http://wordpress.org/export/1.1/":         nsWP,
	"http://wordpress.org/export/1.0/excerpt/": nsExcerpt,
	"http://wordpress.org/export/1.1/excerpt/": nsExcerpt,
	"wp":      nsWP,
	"excerpt": nsExcerpt,
	"content": nsContent,
	"dc":      nsDC,
}

func (n nsNormalizer) Token() (xml.Token, error) {
	tok, err := n.d.Token()
	switch t := tok.(type) {
	case xml.StartElement:
		if ns, ok := nsAliases[t.Name.Space]; ok {
			t.Name.Space = ns
		}
		return t, err
	case xml.EndElement:
		if ns, ok := nsAliases[t.Name.Space]; ok {
			t.Name.Space = ns
		}
		return t, err
	}
	return tok, err
}

// charsetReader lets UTF-8 spelled differently and its ASCII subset through
// and refuses the rest with advice: WordPress exports in the blog charset,
// which is UTF-8 on any site from the last fifteen years.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return input, nil
	}
	return nil, fmt.Errorf("unsupported encoding %q: convert the export to UTF-8", label)
}

// sourceReader enforces the size cap and blanks C0 control characters (see
// Parse). Replacing rather than removing keeps byte offsets, and so line
// numbers in errors, true to the file.
type sourceReader struct {
	r    io.Reader
	left int64 // bytes still allowed
}

func (s *sourceReader) Read(b []byte) (int, error) {
	if s.left <= 0 {
		// Probe for one more byte: only input beyond the cap is an error.
		var one [1]byte
		n, err := s.r.Read(one[:])
		if n > 0 {
			return 0, ErrTooLarge
		}
		return 0, err
	}
	if int64(len(b)) > s.left {
		b = b[:s.left]
	}
	n, err := s.r.Read(b)
	s.left -= int64(n)
	for i, c := range b[:n] {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			b[i] = ' '
		}
	}
	return n, err
}
