// Package synth fills a site with synthetic but realistic Vietnamese
// government news, for benchmarks and load tests at 1k–100k+ articles
// (DESIGN §8). Titles and bodies are assembled from the phrase lists in
// words.go; the same seed always gives the same articles.
package synth

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/viet"
)

// Options tune GenerateWith.
type Options struct {
	Articles  int
	Seed      int64
	BatchSize int // articles per transaction; default 1000
	// From and To bound publication dates; default 2021-01-01 to
	// 2026-11-01 (Asia/Ho_Chi_Minh), fixed so a seed means the same data.
	From, To time.Time
	// Progress, when set, is called after each committed batch.
	Progress func(done, total int)
}

var ict = time.FixedZone("ICT", 7*3600)

// GenerateWith inserts o.Articles published articles into the site, spread
// over its categories (six are created if it has none) and over several
// years of publication dates.
func GenerateWith(ctx context.Context, st *store.Store, siteID int64, o Options) error {
	if o.Articles < 0 {
		return errors.New("synth: negative article count")
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 1000
	}
	if o.From.IsZero() {
		o.From = time.Date(2021, 1, 1, 0, 0, 0, 0, ict)
	}
	if o.To.IsZero() {
		o.To = time.Date(2026, 11, 1, 0, 0, 0, 0, ict)
	}
	if !o.To.After(o.From) {
		return errors.New("synth: empty date range")
	}
	cats, err := ensureCategories(ctx, st, siteID)
	if err != nil {
		return err
	}
	// Articles already there shift the slug suffixes, so running gen twice
	// on one database adds articles instead of colliding.
	offset, err := st.CountArticles(ctx, store.ListOptions{SiteID: siteID})
	if err != nil {
		return err
	}

	g := newGen(o.Seed)
	// Publication times, sorted so ids follow publication order as on a
	// real site. Working hours in ICT: 7:00–17:59.
	days := int(o.To.Sub(o.From).Hours() / 24)
	if days < 1 {
		days = 1
	}
	times := make([]time.Time, o.Articles)
	for i := range times {
		d := o.From.AddDate(0, 0, g.r.IntN(days))
		times[i] = time.Date(d.Year(), d.Month(), d.Day(), 7+g.r.IntN(11), g.r.IntN(60), 0, 0, ict)
	}
	slices.SortFunc(times, func(a, b time.Time) int { return a.Compare(b) })

	// Category picks follow kind weights; categories of the same kind
	// share them.
	var weighted []int
	for i, c := range cats {
		for range kindWeights[c.kind] {
			weighted = append(weighted, i)
		}
	}

	for done := 0; done < o.Articles; {
		if err := ctx.Err(); err != nil {
			return err
		}
		end := min(done+o.BatchSize, o.Articles)
		err := st.InTx(ctx, func(tx *store.Tx) error {
			for i := done; i < end; i++ {
				c := cats[weighted[g.r.IntN(len(weighted))]]
				a := g.article(siteID, c, times[i], offset+i+1)
				if err := tx.SaveArticle(ctx, &a); err != nil {
					if !errors.Is(err, store.ErrSlugTaken) {
						return fmt.Errorf("synth: bài %d: %w", i+1, err)
					}
					a.ID, a.Slug = 0, ""
					if err := tx.SaveArticle(ctx, &a); err != nil {
						return fmt.Errorf("synth: bài %d: %w", i+1, err)
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		done = end
		if o.Progress != nil {
			o.Progress(done, o.Articles)
		}
	}
	return st.OptimizeSearch(ctx)
}

type category struct {
	news.Category
	kind kind
}

// ensureCategories returns the site's categories with the kind of content
// each gets, creating the six default ones if the site has none.
func ensureCategories(ctx context.Context, st *store.Store, siteID int64) ([]category, error) {
	existing, err := st.Categories(ctx, siteID)
	if err != nil {
		return nil, err
	}
	if len(existing) == 0 {
		err := st.InTx(ctx, func(tx *store.Tx) error {
			for i, d := range defaultCategories {
				c := news.Category{SiteID: siteID, Name: d.name, Slug: d.slug, Description: d.desc, Position: i + 1}
				if err := tx.CreateCategory(ctx, &c, ""); err != nil {
					return fmt.Errorf("synth: chuyên mục %s: %w", d.slug, err)
				}
				existing = append(existing, c)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]category, len(existing))
	for i, c := range existing {
		out[i] = category{Category: c, kind: kind(i % int(numKinds))}
		for _, d := range defaultCategories {
			if d.slug == c.Slug {
				out[i].kind = d.kind
			}
		}
	}
	return out, nil
}

// gen assembles articles from the phrase lists with a seeded generator.
type gen struct {
	r *rand.Rand
	b strings.Builder
	// per-article slots
	k                                 kind
	topic, agency, place, hamlet, evt string
	when                              time.Time
	deck                              []int
}

func newGen(seed int64) *gen {
	return &gen{r: rand.New(rand.NewPCG(uint64(seed), 0x636f6e67))} // "cong"
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// maxSlugBase leaves room for "-123456" within viet.Slug's 80 bytes.
const maxSlugBase = 70

func (g *gen) article(siteID int64, c category, when time.Time, seq int) news.Article {
	g.k = c.kind
	g.topic = g.pick(topics[g.k])
	g.agency = g.pick(agencies)
	g.place = g.pick(places)
	g.hamlet = g.pick(hamlets)
	g.evt = g.pick(events)
	g.when = when

	title := g.expand(g.pick(titles[g.k]))
	opening := g.expand(g.pick(openings))
	body := g.body(opening)

	base := viet.Slug(title)
	if len(base) > maxSlugBase {
		if i := strings.LastIndexByte(base[:maxSlugBase+1], '-'); i > 0 {
			base = base[:i]
		} else {
			base = base[:maxSlugBase]
		}
	}
	var tg []string
	for range g.r.IntN(4) {
		t := g.pick(tags[g.k])
		if !slices.Contains(tg, t) {
			tg = append(tg, t)
		}
	}
	return news.Article{
		SiteID:      siteID,
		CategoryID:  c.ID,
		Title:       title,
		Slug:        base + "-" + strconv.Itoa(seq),
		Summary:     opening,
		BodyHTML:    body,
		Author:      g.person(),
		Source:      g.pick(sources),
		Status:      news.StatusPublished,
		Featured:    g.r.IntN(40) == 0,
		PublishedAt: when,
		Tags:        tg,
	}
}

// body builds paragraphs of 2–5 sentences until the text reaches a target
// between 600 and 5000 characters (most bodies 1500–3000, like real news).
func (g *gen) body(opening string) string {
	target := 600 + g.r.IntN(1200) + g.r.IntN(1200) + g.r.IntN(2000)
	// A shuffled deck of the kind's and the general sentences: no sentence
	// repeats until the deck is used up (only the longest bodies do).
	deck := g.deck[:0]
	for i := range kindSentences[g.k] {
		deck = append(deck, -1-i)
	}
	for i := range sentences {
		deck = append(deck, i)
	}
	g.deck = deck
	next := len(deck)
	var paras []string
	n := 0
	first := true
	for n < target {
		var p strings.Builder
		p.WriteString("<p>")
		ns := 2 + g.r.IntN(4)
		for j := range ns {
			if j > 0 {
				p.WriteByte(' ')
			}
			switch {
			case first:
				p.WriteString(opening)
				first = false
			default:
				if next == len(deck) {
					g.r.Shuffle(len(deck), func(i, j int) { deck[i], deck[j] = deck[j], deck[i] })
					next = 0
				}
				if k := deck[next]; k < 0 {
					p.WriteString(g.expand(kindSentences[g.k][-1-k]))
				} else {
					p.WriteString(g.expand(sentences[k]))
				}
				next++
			}
		}
		p.WriteString("</p>")
		s := p.String()
		if n+utf8.RuneCountInString(s) > 5000 && n >= 600 {
			break
		}
		paras = append(paras, s)
		n += utf8.RuneCountInString(s) + 1
	}
	if g.r.IntN(3) > 0 {
		paras = append(paras, "<p>"+g.expand(g.pick(closings))+"</p>")
	}
	return strings.Join(paras, "\n")
}

func (g *gen) person() string {
	return g.pick(surnames) + " " + g.pick(middles) + " " + g.pick(givens)
}

// expand fills {slots}. Capitalised slot names capitalise the value.
func (g *gen) expand(tmpl string) string {
	b := &g.b
	b.Reset()
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			break
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			b.WriteString(tmpl)
			break
		}
		b.WriteString(tmpl[:i])
		name := tmpl[i+1 : i+j]
		tmpl = tmpl[i+j+1:]
		r, _ := utf8.DecodeRuneInString(name)
		if unicode.IsUpper(r) {
			v := g.slot(strings.ToLower(name[:1]) + name[1:])
			r, size := utf8.DecodeRuneInString(v)
			b.WriteRune(unicode.ToUpper(r))
			b.WriteString(v[size:])
			continue
		}
		b.WriteString(g.slot(name))
	}
	return b.String()
}

func (g *gen) slot(name string) string {
	y := g.when.Year()
	switch name {
	case "topic":
		return g.topic
	case "agency":
		return g.agency
	case "place":
		return g.place
	case "hamlet":
		return g.hamlet
	case "event":
		return g.evt
	case "year":
		return strconv.Itoa(y)
	case "year1":
		return strconv.Itoa(y + 1)
	case "year5":
		return strconv.Itoa(y + 5)
	case "month":
		return strconv.Itoa(int(g.when.Month()))
	case "day":
		return strconv.Itoa(g.when.Day())
	case "day2":
		return strconv.Itoa(min(28, g.when.Day()+7+g.r.IntN(14)))
	case "person":
		return g.person()
	case "role":
		return g.pick(roles)
	case "quote":
		return g.pick(quotes)
	case "doc":
		// Expanding the kind template here would reuse the builder.
		d := g.pick(docKinds)
		d = strings.Replace(d, "{n}", strconv.Itoa(100+g.r.IntN(4900)), 1)
		return strings.Replace(d, "{n2}", strconv.Itoa(1+g.r.IntN(40)), 1)
	case "n":
		return grouped(50 + g.r.IntN(2000))
	case "n2", "n2b":
		return strconv.Itoa(2 + g.r.IntN(60))
	case "n3":
		return strconv.Itoa(100 + g.r.IntN(900))
	case "small", "small2":
		return strconv.Itoa(1 + g.r.IntN(12))
	case "big":
		return grouped(1000 + g.r.IntN(30000))
	case "pct":
		return strconv.Itoa(70+g.r.IntN(30)) + "%"
	case "dec", "dec2":
		return strconv.Itoa(2+g.r.IntN(70)) + "," + strconv.Itoa(g.r.IntN(10))
	case "money2":
		return grouped(50+g.r.IntN(900)) + " triệu"
	case "money":
		if g.r.IntN(2) == 0 {
			return strconv.Itoa(1+g.r.IntN(90)) + "," + strconv.Itoa(g.r.IntN(10)) + " tỷ"
		}
		return grouped(100+g.r.IntN(900)) + " triệu"
	}
	return "{" + name + "}"
}

// grouped writes n with Vietnamese thousands separators: 12.345.
func grouped(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}
