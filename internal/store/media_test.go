package store_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func TestMediaRows(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		st := site(t, s)
		other, err := s.EnsureSite(ctx, news.Site{Slug: "xa", Name: "Cổng xã"})
		if err != nil {
			t.Fatal(err)
		}
		hash := strings.Repeat("ab", 32)
		ensured := 0
		ensure := func() error { ensured++; return nil }
		m := store.Media{SiteID: st.ID, Hash: hash, Kind: "image", Mime: "image/jpeg", Ext: "jpg", Size: 1234, Width: 2000, Height: 1000,
			Widths: []int{320, 640, 1024, 1600}, Alt: "Hội nghị tổng kết", Caption: "Ảnh: Văn phòng", OriginalName: "hội nghị.jpg", CreatedAt: time.Now()}
		created, err := s.AddMedia(ctx, &m, ensure)
		if err != nil || !created || m.ID == 0 || ensured != 1 {
			t.Fatalf("add: %v %v %d %d", created, err, m.ID, ensured)
		}
		// The same file again on the same site: the existing row, no new files.
		again := store.Media{SiteID: st.ID, Hash: hash, Kind: "image", Mime: "image/jpeg", Ext: "jpg", Alt: "khác"}
		created, err = s.AddMedia(ctx, &again, ensure)
		if err != nil || created || again.ID != m.ID || again.Alt != "Hội nghị tổng kết" || ensured != 1 {
			t.Fatalf("dedupe: %v %v %+v", created, err, again)
		}
		got, err := s.MediaByHash(ctx, st.ID, hash)
		if err != nil || len(got.Widths) != 4 || got.Widths[3] != 1600 || got.Caption != "Ảnh: Văn phòng" || !got.CreatedAt.Equal(m.CreatedAt) {
			t.Fatalf("read back: %v %+v", err, got)
		}
		if _, err := s.MediaByHash(ctx, other.ID, hash); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("other site sees the file: %v", err)
		}
		// Another site uploads the same file: its own row.
		m2 := store.Media{SiteID: other.ID, Hash: hash, Kind: "image", Mime: "image/jpeg", Ext: "jpg", Alt: "Ảnh xã"}
		if created, err := s.AddMedia(ctx, &m2, ensure); err != nil || !created {
			t.Fatal(created, err)
		}
		doc := store.Media{SiteID: st.ID, Hash: strings.Repeat("cd", 32), Kind: "document", Mime: "application/pdf", Ext: "pdf", OriginalName: "Kế hoạch 100%_mới.pdf"}
		if _, err := s.AddMedia(ctx, &doc, nil); err != nil {
			t.Fatal(err)
		}
		list, total, err := s.ListMedia(ctx, store.MediaFilter{SiteID: st.ID})
		if err != nil || total != 2 || len(list) != 2 {
			t.Fatalf("list: %v %d", err, total)
		}
		if _, total, _ := s.ListMedia(ctx, store.MediaFilter{SiteID: st.ID, Kind: "document"}); total != 1 {
			t.Fatalf("kind filter: %d", total)
		}
		for q, want := range map[string]int{"100%": 1, "100%_": 1, "%": 1, "_": 1, "tổng kết": 1, "không có": 0} {
			if _, total, _ := s.ListMedia(ctx, store.MediaFilter{SiteID: st.ID, Query: q}); total != want {
				t.Errorf("query %q: %d, want %d", q, total, want)
			}
		}
		if err := s.UpdateMediaText(ctx, st.ID, m.ID, "Mô tả mới", ""); err != nil {
			t.Fatal(err)
		}
		if err := s.UpdateMediaText(ctx, other.ID, m.ID, "x", ""); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("update across sites: %v", err)
		}
		// Usage by articles.
		cat, _ := s.CreateCategory(ctx, news.Category{SiteID: st.ID, Name: "Tin", Slug: "tin"})
		a := &news.Article{SiteID: st.ID, CategoryID: cat.ID, Title: "Bài có ảnh", BodyHTML: `<p><img src="/media/` + hash + `-640.jpg" alt="x"></p>`, Status: news.StatusDraft}
		if err := s.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		if n, err := s.MediaUsage(ctx, st.ID, hash); err != nil || n != 1 {
			t.Fatalf("usage %d %v", n, err)
		}
		// Deleting one site's row leaves the files for the other site.
		orphaned := 0
		orph := func(store.Media) (func(), error) { orphaned++; return func() {}, nil }
		if _, err := s.DeleteMedia(ctx, st.ID, m.ID, orph); err != nil || orphaned != 0 {
			t.Fatalf("delete first: %v %d", err, orphaned)
		}
		if _, err := s.DeleteMedia(ctx, st.ID, m.ID, orph); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("delete twice: %v", err)
		}
		// A failing orphan step rolls the delete back and undoes itself.
		undone := false
		_, err = s.DeleteMedia(ctx, other.ID, m2.ID, func(store.Media) (func(), error) { return func() { undone = true }, errors.New("disk") })
		if err == nil {
			t.Fatal("failed orphan step ignored")
		}
		if _, err := s.MediaByID(ctx, other.ID, m2.ID); err != nil {
			t.Fatalf("row gone after a failed delete: %v", err)
		}
		if !undone {
			t.Error("undo not called after the failed delete")
		}
		if _, err := s.DeleteMedia(ctx, other.ID, m2.ID, orph); err != nil || orphaned != 1 {
			t.Fatalf("delete last: %v %d", err, orphaned)
		}
	})
}
