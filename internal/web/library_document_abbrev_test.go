package web_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/legaldoc"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// Document search expands government abbreviations both ways, as article
// search does, and the filter lists sort the Vietnamese way.
func TestDocumentSearchAbbreviationsAndFacetOrder(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		for _, d := range []legaldoc.Draft{
			{Number: "12/KH-UBND", Type: "Kế hoạch", Issuer: "UBND huyện Thử Nghiệm", Field: "Chuyển đổi số", Abstract: "Kế hoạch chuyển đổi số năm 2026", IssueDate: "05/03/2026"},
			{Number: "45/QĐ-UBND", Type: "Quyết định", Issuer: "Ủy ban nhân dân tỉnh Thử Nghiệm", Field: "Cải cách hành chính",
				Abstract: "Công bố danh mục thủ tục hành chính", IssueDate: "06/03/2026"},
			{Number: "07/CV-VP", Type: "Công văn", Issuer: "Văn phòng", Field: "Đất đai", Abstract: "Rà soát TTHC lĩnh vực đất đai", IssueDate: "07/03/2026"},
			{Number: "08/CV-VP", Type: "Công văn", Issuer: "Văn phòng", Field: "Dịch vụ công", Abstract: "Hướng dẫn nộp hồ sơ", IssueDate: "08/03/2026"},
		} {
			doc := &legaldoc.Document{SiteID: e.site.ID, Status: news.StatusPublished}
			if err := legaldoc.Apply(doc, d); err != nil {
				t.Fatal(err)
			}
			if err := s.SaveDocument(ctx, doc, nil, nil); err != nil {
				t.Fatal(err)
			}
		}
		e.srv.ContentChanged()
		for q, want := range map[string]string{
			"UBND": "2", "Ủy ban nhân dân": "2", "uy ban nhan dan": "2", "Uỷ ban nhân dân tỉnh": "1",
			"TTHC": "2", "thủ tục hành chính": "2", "CCHC": "1", "cải cách hành chính": "1",
		} {
			r := e.get("/van-ban?q=" + url.QueryEscape(q))
			if r.code != 200 || !strings.Contains(r.body, "Tìm thấy "+want+" văn bản.") {
				t.Errorf("search %q: %d, want %s", q, r.code, want)
			}
		}
		r := e.get("/van-ban")
		order := []string{">Cải cách hành chính<", ">Chuyển đổi số<", ">Dịch vụ công<", ">Đất đai<"}
		last := -1
		for _, o := range order {
			i := strings.Index(r.body, o)
			if i < 0 || i < last {
				t.Fatalf("field filter not in Vietnamese order at %q (%d after %d)", o, i, last)
			}
			last = i
		}
		f, err := s.DocumentFacets(ctx, e.site.ID)
		if err != nil || strings.Join(f.Types, "|") != "Công văn|Kế hoạch|Quyết định" ||
			strings.Join(f.Issuers, "|") != "UBND huyện Thử Nghiệm|Ủy ban nhân dân tỉnh Thử Nghiệm|Văn phòng" {
			t.Errorf("facets %+v %v", f, err)
		}
	})
}
