package store_test

import (
	"errors"
	"testing"

	"github.com/congportal/cong/internal/legaldoc"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func newDoc(t *testing.T, siteID int64, number, typ, issuer, issued, status string) *legaldoc.Document {
	t.Helper()
	d := &legaldoc.Document{SiteID: siteID, Status: status}
	if err := legaldoc.Apply(d, legaldoc.Draft{Number: number, Type: typ, Issuer: issuer, Abstract: "Về đẩy mạnh cải cách hành chính giai đoạn 2021–2025", IssueDate: issued}); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDocumentsUniqueAndSearch(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		st := site(t, s)
		d := newDoc(t, st.ID, "03-NQ/TU", "Nghị quyết", "Tỉnh ủy Thử Nghiệm", "21/01/2021", news.StatusPublished)
		if err := s.SaveDocument(ctx, d, []legaldoc.File{{Name: "nq03.pdf", Mime: "application/pdf", Ext: "pdf", Data: []byte("%PDF-1.4 x")}}, nil); err != nil {
			t.Fatal(err)
		}
		// Same number, body and year — however it is typed: refused.
		dup := newDoc(t, st.ID, "03 – NQ/TU", "Nghị quyết", "Tỉnh uỷ  Thử Nghiệm", "05/06/2021", news.StatusDraft)
		var de *store.DuplicateDocumentError
		if err := s.SaveDocument(ctx, dup, nil, nil); !errors.As(err, &de) || de.ExistingID != d.ID {
			t.Fatalf("duplicate: %v", err)
		}
		// Another year or another body: fine.
		for _, o := range []*legaldoc.Document{
			newDoc(t, st.ID, "03-NQ/TU", "Nghị quyết", "Tỉnh ủy Thử Nghiệm", "10/02/2016", news.StatusPublished),
			newDoc(t, st.ID, "03-NQ/TU", "Nghị quyết", "Huyện ủy Bình An", "21/01/2021", news.StatusDraft),
			newDoc(t, st.ID, "766/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ", "23/06/2022", news.StatusPublished),
		} {
			if err := s.SaveDocument(ctx, o, nil, nil); err != nil {
				t.Fatal(err)
			}
		}
		for q, want := range map[string]int{"03-NQ/TU": 2, "03 NQ TU": 2, "03nqtu": 2, "nghi quyet 03": 2, "Nghị quyết 03": 2, "766 qd ttg": 1, "766/QĐ-TTg": 1, "cai cach hanh chinh": 3, "không có": 0} {
			_, n, err := s.ListDocuments(ctx, store.DocumentFilter{SiteID: st.ID, Query: q})
			if err != nil || n != want {
				t.Errorf("search %q: %d (%v), want %d", q, n, err, want)
			}
		}
		// An exact number first, even when newer documents also match.
		later := newDoc(t, st.ID, "103-NQ/TU", "Nghị quyết", "Tỉnh ủy Thử Nghiệm", "01/09/2024", news.StatusPublished)
		if err := s.SaveDocument(ctx, later, nil, nil); err != nil {
			t.Fatal(err)
		}
		if list, n, err := s.ListDocuments(ctx, store.DocumentFilter{SiteID: st.ID, Query: "03 nq tu"}); err != nil || n != 3 || list[0].Number != "03-NQ/TU" || list[2].Number != "103-NQ/TU" {
			t.Errorf("exact number first: %d %v %+v", n, err, list)
		}
		later.Status, later.Version = news.StatusTrash, 0
		if err := s.SaveDocument(ctx, later, nil, nil); err != nil {
			t.Fatal(err)
		}
		if _, n, _ := s.ListDocuments(ctx, store.DocumentFilter{SiteID: st.ID, Year: 2021}); n != 1 {
			t.Errorf("year filter: %d", n)
		}
		if _, n, _ := s.ListDocuments(ctx, store.DocumentFilter{SiteID: st.ID, Status: store.AnyStatus, Issuer: "Huyện ủy Bình An"}); n != 1 {
			t.Errorf("issuer filter (admin): %d", n)
		}
		got, err := s.Document(ctx, st.ID, d.ID)
		if err != nil || len(got.Files) != 1 || got.Files[0].Size != 10 {
			t.Fatalf("document with files: %+v %v", got, err)
		}
		f, err := s.DocumentFile(ctx, st.ID, d.ID, got.Files[0].ID)
		if err != nil || string(f.Data) != "%PDF-1.4 x" {
			t.Fatalf("file: %v", err)
		}
		// Stale version: conflict.
		got.Version = 99
		if err := s.SaveDocument(ctx, &got, nil, nil); !errors.Is(err, store.ErrDocumentConflict) {
			t.Fatalf("stale save: %v", err)
		}
	})
}

func TestCitationEdges(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		st := site(t, s)
		doc := newDoc(t, st.ID, "436-KL/TU", "Kết luận", "Tỉnh ủy Thử Nghiệm", "02/03/2023", news.StatusPublished)
		if err := s.SaveDocument(ctx, doc, nil, nil); err != nil {
			t.Fatal(err)
		}
		a := &news.Article{SiteID: st.ID, Title: "Triển khai kết luận", BodyHTML: "<p>Thực hiện Kết luận số 436–KL/TU của Tỉnh ủy.</p>", Status: news.StatusPublished}
		if err := s.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		draft := &news.Article{SiteID: st.ID, Title: "Bản nháp", BodyHTML: "<p>Kết luận 436-KL/TU</p>", Status: news.StatusDraft}
		if err := s.SaveArticle(ctx, draft); err != nil {
			t.Fatal(err)
		}
		cites, err := s.CitingArticles(ctx, *doc, 10)
		if err != nil || len(cites) != 1 || cites[0].ID != a.ID {
			t.Fatalf("citing articles: %+v %v", cites, err)
		}
		// Editing the article so it no longer cites drops the edge.
		a.BodyHTML = "<p>Không còn trích dẫn.</p>"
		a.Version = 0
		if err := s.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		if cites, _ := s.CitingArticles(ctx, *doc, 10); len(cites) != 0 {
			t.Fatalf("edge kept after edit: %+v", cites)
		}
		if err := s.RefreshAllCitations(ctx, st.ID); err != nil {
			t.Fatal(err)
		}
		found, err := s.PublishedDocumentsByKeys(ctx, st.ID, []string{"436kltu", "khong"})
		if err != nil || len(found) != 1 {
			t.Fatalf("by keys: %v %v", found, err)
		}
	})
}

// Migration 12 gives articles written before the library their citation
// edges: a document added afterwards lists them without anyone re-saving.
func TestCitationsBackfilledByMigration(t *testing.T) {
	s := testdb.Open(t, "sqlite")
	st := site(t, s)
	a := &news.Article{SiteID: st.ID, Title: "Học tập nghị quyết", BodyHTML: "<p>Triển khai Nghị quyết số 03-NQ/TU ngày 21/1/2021 của Tỉnh ủy.</p>", Status: news.StatusPublished}
	if err := s.SaveArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	// Back to the schema before 12, with the article already there.
	for _, q := range []string{`DROP TABLE document_citations`, `DROP TABLE document_files`, `DROP TABLE documents`, `DELETE FROM schema_migrations WHERE version = 12`} {
		if _, err := s.DB().Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	d := newDoc(t, st.ID, "03-NQ/TU", "Nghị quyết", "Tỉnh ủy Thử Nghiệm", "21/01/2021", news.StatusPublished)
	if err := s.SaveDocument(ctx, d, nil, nil); err != nil {
		t.Fatal(err)
	}
	got, err := s.CitingArticles(ctx, *d, 10)
	if err != nil || len(got) != 1 || got[0].ID != a.ID {
		t.Fatalf("citing articles after migration: %+v %v", got, err)
	}
}
