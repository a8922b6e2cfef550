package store_test

import (
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/homepage"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func TestSiteLookRows(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		st := site(t, s)
		other, err := s.EnsureSite(ctx, news.Site{Slug: "xa", Name: "Cổng xã"})
		if err != nil {
			t.Fatal(err)
		}
		cat, err := s.CreateCategory(ctx, news.Category{SiteID: st.ID, Name: "Tin tức", Slug: "tin-tuc"})
		if err != nil {
			t.Fatal(err)
		}
		v0, _ := s.ContentVersion(ctx, st.ID)
		blocks := []homepage.Block{
			{Position: 1, Kind: homepage.Category, CategoryID: cat.ID, Title: "Tin tức", Count: 4},
			{Position: 2, Kind: homepage.Documents, DocType: "Chỉ thị", Count: 5},
			{Position: 3, Kind: homepage.Visitors, Count: 5},
		}
		if err := s.SetHomeBlocks(ctx, st.ID, blocks); err != nil {
			t.Fatal(err)
		}
		got, err := s.HomeBlocks(ctx, st.ID)
		if err != nil || len(got) != 3 || got[0] != blocks[0] || got[1] != blocks[1] || got[2] != blocks[2] {
			t.Fatalf("%v %+v", err, got)
		}
		if v, _ := s.ContentVersion(ctx, st.ID); v == v0 {
			t.Error("content version unchanged: other instances keep the old home page")
		}
		if o, _ := s.HomeBlocks(ctx, other.ID); len(o) != 0 {
			t.Error("another site sees these blocks")
		}
		// Replaced whole.
		if err := s.SetHomeBlocks(ctx, st.ID, blocks[2:]); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.HomeBlocks(ctx, st.ID); len(got) != 1 || got[0].Kind != homepage.Visitors {
			t.Fatalf("%+v", got)
		}
		// A category's block goes with the category.
		if err := s.SetHomeBlocks(ctx, st.ID, blocks); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteCategory(ctx, st.ID, cat.ID); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.HomeBlocks(ctx, st.ID); len(got) != 2 || got[0].Kind != homepage.Documents {
			t.Fatalf("after deleting the category: %+v", got)
		}

		// Menu and links.
		menu := []homepage.MenuItem{{Position: 1, Label: "Tin tức", URL: "/chuyen-muc/tin-tuc"}, {Position: 2, Depth: 1, Label: "Văn bản", URL: "/van-ban"}}
		if err := s.SetMenuItems(ctx, st.ID, menu); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.MenuItems(ctx, st.ID); len(got) != 2 || got[1] != menu[1] {
			t.Fatalf("menu %+v", got)
		}
		hash := strings.Repeat("cd", 32)
		m := store.Media{SiteID: st.ID, Hash: hash, Kind: "image", Mime: "image/jpeg", Ext: "jpg", Size: 10, Width: 600, Height: 300, Alt: "Quốc huy", CreatedAt: time.Now()}
		if _, err := s.AddMedia(ctx, &m, nil); err != nil {
			t.Fatal(err)
		}
		links := []homepage.Link{{Position: 1, Label: "Cổng DVC quốc gia", URL: "https://dichvucong.gov.vn", MediaID: m.ID, Alt: "Biểu tượng"}}
		if err := s.SetHomeLinks(ctx, st.ID, links); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.HomeLinks(ctx, st.ID); len(got) != 1 || got[0] != links[0] {
			t.Fatalf("links %+v", got)
		}
		if err := s.SetSiteIdentity(ctx, st.ID, store.Identity{LogoID: m.ID, LogoAlt: "Quốc huy"}); err != nil {
			t.Fatal(err)
		}
		if id, _ := s.SiteIdentity(ctx, st.ID); id.LogoID != m.ID || id.LogoAlt != "Quốc huy" || id.BannerID != 0 {
			t.Fatalf("identity %+v", id)
		}
		// Deleting the picture from the library leaves the link and the
		// logo without it, not broken.
		if _, err := s.DeleteMedia(ctx, st.ID, m.ID, func(store.Media) (func(), error) { return func() {}, nil }); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.HomeLinks(ctx, st.ID); len(got) != 1 || got[0].MediaID != 0 {
			t.Fatalf("links after delete %+v", got)
		}
		if id, _ := s.SiteIdentity(ctx, st.ID); id.LogoID != 0 {
			t.Fatalf("identity after delete %+v", id)
		}
	})
}
