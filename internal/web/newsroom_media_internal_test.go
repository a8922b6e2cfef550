package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// An image inserted by the rich-text editor (src and alt only) gets the
// library's srcset when the article is saved; anything else is untouched.
func TestResponsiveImages(t *testing.T) {
	ctx := context.Background()
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		site, err := st.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng"})
		if err != nil {
			t.Fatal(err)
		}
		s, err := New(Options{Store: st, SiteID: site.ID, MediaDir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		big := strings.Repeat("a", 64)
		small := strings.Repeat("b", 64)
		doc := strings.Repeat("c", 64)
		for _, m := range []store.Media{
			{SiteID: site.ID, Hash: big, Kind: "image", Mime: "image/jpeg", Ext: "jpg", Width: 3000, Height: 2000, Widths: []int{320, 640, 1024, 1600}, Alt: "x", CreatedAt: time.Now()},
			{SiteID: site.ID, Hash: small, Kind: "image", Mime: "image/png", Ext: "png", Width: 500, Height: 250, Widths: []int{320}, Alt: "y"},
			{SiteID: site.ID, Hash: doc, Kind: "document", Mime: "application/pdf", Ext: "pdf"},
		} {
			if _, err := st.AddMedia(ctx, &m, nil); err != nil {
				t.Fatal(err)
			}
		}
		in := `<p>Mở đầu &gt; <img src="https://nơi-khác.vn/a.jpg" alt="ngoài"></p>` +
			`<figure><img src="/media/` + big + `-640.jpg" alt="Hội nghị &#34;tổng kết&#34; 98%"><figcaption>Ảnh: VP</figcaption></figure>` +
			`<p><img src="/media/` + small + `.png" alt="nhỏ" class="trai"></p>` +
			`<p><img src="/media/` + strings.Repeat("d", 64) + `.jpg" alt="không có"></p>` +
			`<p><img src="/media/` + big + `.png" alt="sai đuôi"></p>` +
			`<p><a href="/media/` + doc + `.pdf">Tải</a></p>`
		out, err := s.responsiveImages(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		want := `<p>Mở đầu &gt; <img src="https://nơi-khác.vn/a.jpg" alt="ngoài"></p>` +
			`<figure><img src="/media/` + big + `-1024.jpg" alt="Hội nghị &#34;tổng kết&#34; 98%" srcset="/media/` + big + `-320.jpg 320w, /media/` + big + `-640.jpg 640w, /media/` + big + `-1024.jpg 1024w, /media/` + big + `-1600.jpg 1600w" sizes="(min-width: 900px) 760px, 100vw" width="3000" height="2000" loading="lazy"><figcaption>Ảnh: VP</figcaption></figure>` +
			`<p><img src="/media/` + small + `.png" alt="nhỏ" class="trai" srcset="/media/` + small + `-320.png 320w, /media/` + small + `.png 500w" sizes="(min-width: 900px) 760px, 100vw" width="500" height="250" loading="lazy"></p>` +
			`<p><img src="/media/` + strings.Repeat("d", 64) + `.jpg" alt="không có"></p>` +
			`<p><img src="/media/` + big + `.png" alt="sai đuôi"></p>` +
			`<p><a href="/media/` + doc + `.pdf">Tải</a></p>`
		if out != want {
			t.Fatalf("got\n%s\nwant\n%s", out, want)
		}
		again, _ := s.responsiveImages(ctx, out)
		if again != out {
			t.Fatal("not idempotent")
		}
		if plain := "<p>Không có ảnh</p>"; mustResponsive(t, s, plain) != plain {
			t.Fatal("changed a body without images")
		}
	})
}

func mustResponsive(t *testing.T, s *Server, body string) string {
	t.Helper()
	out, err := s.responsiveImages(context.Background(), body)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
