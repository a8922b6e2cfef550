package demo

import (
	"bytes"
	"context"
	"testing"

	"github.com/congportal/cong/internal/legaldoc"
	"github.com/congportal/cong/internal/media"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func TestDemoDocuments(t *testing.T) {
	ctx := context.Background()
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		site, err := s.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng"})
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := Load(ctx, s, site.ID); !ok || err != nil {
			t.Fatalf("load: %v %v", ok, err)
		}
		list, total, err := s.ListDocuments(ctx, store.DocumentFilter{SiteID: site.ID, Limit: 100})
		if err != nil || total != len(demoDocs) {
			t.Fatalf("documents: %d %v", total, err)
		}
		pdfs, replaced := 0, 0
		for _, d := range list {
			if d.ReplacedByID != 0 {
				replaced++
			}
			full, err := s.Document(ctx, site.ID, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range full.Files {
				file, err := s.DocumentFile(ctx, site.ID, d.ID, f.ID)
				if err != nil {
					t.Fatal(err)
				}
				if typ, err := media.Sniff(file.Data); err != nil || typ.Ext != "pdf" || !bytes.Contains(file.Data, []byte("startxref")) {
					t.Errorf("%s: not a PDF", d.Number)
				}
				pdfs++
			}
		}
		if pdfs < 3 || replaced != 1 {
			t.Errorf("pdfs %d, replaced %d", pdfs, replaced)
		}
		// Demo articles cite documents the library has: the edges exist.
		cited := 0
		for _, d := range list {
			arts, err := s.CitingArticles(ctx, d, 10)
			if err != nil {
				t.Fatal(err)
			}
			cited += len(arts)
		}
		if cited < 5 {
			t.Errorf("only %d citation edges to demo documents", cited)
		}
		var d766 legaldoc.Document
		for _, d := range list {
			if d.Number == "766/QĐ-TTg" {
				d766 = d
			}
		}
		if arts, _ := s.CitingArticles(ctx, d766, 10); len(arts) == 0 {
			t.Error("766/QĐ-TTg not cited by the demo article that mentions it")
		}
	})
}
