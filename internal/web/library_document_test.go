package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/legaldoc"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// A small valid PDF.
var testPDF = []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")

// postDoc posts a document form with files, the way a browser does.
func (b *browser) postDoc(path string, fields url.Values, files map[string][]byte) resp {
	b.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if fields.Get("csrf") == "" {
		fields.Set("csrf", b.csrf)
	}
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	for name, data := range files {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", `form-data; name="files"; filename="`+name+`"`)
		h.Set("Content-Type", "application/pdf")
		w, _ := mw.CreatePart(h)
		w.Write(data)
	}
	if len(files) == 0 {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", `form-data; name="files"; filename=""`)
		h.Set("Content-Type", "application/octet-stream")
		mw.CreatePart(h)
	}
	mw.Close()
	r, err := b.c.Post(b.base+path, mw.FormDataContentType(), &buf)
	if err != nil {
		b.t.Fatal(err)
	}
	defer r.Body.Close()
	body, _ := io.ReadAll(r.Body)
	return resp{r.StatusCode, string(body), r.Header}
}

func docForm(number, issued string) url.Values {
	return url.Values{"number": {number}, "type": {"Nghị quyết"}, "issuer": {"Tỉnh ủy Thử Nghiệm"}, "signer": {"Trần Văn Bình"},
		"field": {"Cải cách hành chính"}, "abstract": {"Về đẩy mạnh cải cách hành chính, nâng cao chỉ số PAR INDEX giai đoạn 2021–2025"},
		"issue_date": {issued}, "effective_date": {issued}}
}

var docIDRE = regexp.MustCompile(`/quan-tri/van-ban/(\d+)\?tb=`)

func TestDocumentsNewsroom(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "bientap", auth.RoleEditor)
		e.addUser(t, "duyet", auth.RoleApprover)
		ed := e.browser(t)
		ed.login("bientap")
		ed.get("/quan-tri/van-ban/moi")

		// Dates out of order: 422, per-field messages, what was typed kept.
		f := docForm("03-NQ/TU", "2021-01-21")
		f.Set("effective_date", "2021-01-20")
		f.Set("expiry_date", "2021-01-19")
		r := ed.postDoc("/quan-tri/van-ban", f, nil)
		if r.code != http.StatusUnprocessableEntity {
			t.Fatalf("dates out of order: %d", r.code)
		}
		mustContain(t, r, "Ngày có hiệu lực không được trước ngày ban hành (21/01/2021).", "Ngày hết hiệu lực phải sau ngày có hiệu lực (20/01/2021).", `value="03-NQ/TU"`, "PAR INDEX giai đoạn 2021–2025")
		// Over-long fields.
		f = docForm(strings.Repeat("9", 61), "2021-01-21")
		f.Set("abstract", strings.Repeat("Trích yếu dài. ", 200))
		f.Set("issuer", strings.Repeat("Ủy ban ", 40))
		r = ed.postDoc("/quan-tri/van-ban", f, nil)
		if r.code != http.StatusUnprocessableEntity {
			t.Fatalf("over-long: %d", r.code)
		}
		mustContain(t, r, "Số ký hiệu quá dài (tối đa 60 ký tự).", "Trích yếu quá dài (tối đa 2000 ký tự).", "Tên cơ quan ban hành quá dài (tối đa 200 ký tự).")
		// A program named .pdf: refused by its content.
		r = ed.postDoc("/quan-tri/van-ban", docForm("03-NQ/TU", "2021-01-21"), map[string][]byte{"nghi-quyet.pdf": []byte("MZ\x90\x00 this is a Windows program")})
		if r.code != http.StatusUnsupportedMediaType {
			t.Fatalf("disguised file: %d", r.code)
		}
		mustContain(t, r, "không đúng định dạng cho phép", `value="03-NQ/TU"`, "chọn lại")
		// A PDF/HTML polyglot: refused, said why.
		r = ed.postDoc("/quan-tri/van-ban", docForm("03-NQ/TU", "2021-01-21"), map[string][]byte{"nq.pdf": append([]byte("%PDF-1.4\n%<SCRIPT>alert(1)</SCRIPT>\n"), testPDF[9:]...)})
		if r.code != http.StatusUnsupportedMediaType {
			t.Fatalf("polyglot file: %d", r.code)
		}
		mustContain(t, r, "có chứa mã trang web (HTML, script)", `value="03-NQ/TU"`)
		// Oversized file: 413, nothing saved.
		r = ed.postDoc("/quan-tri/van-ban", docForm("03-NQ/TU", "2021-01-21"), map[string][]byte{"lon.pdf": append([]byte("%PDF-1.4\n"), make([]byte, 20<<20)...)})
		if r.code != http.StatusRequestEntityTooLarge || !strings.Contains(r.body, "quá lớn") {
			t.Fatalf("oversized file: %d", r.code)
		}
		if _, n, _ := s.ListDocuments(ctx, store.DocumentFilter{SiteID: e.site.ID, Status: store.AnyStatus}); n != 0 {
			t.Fatalf("refused forms saved %d documents", n)
		}
		// A good one, with a PDF named in Vietnamese.
		r = ed.postDoc("/quan-tri/van-ban", docForm("03-NQ/TU", "2021-01-21"), map[string][]byte{"Nghị quyết 03.pdf": testPDF})
		m := docIDRE.FindStringSubmatch(r.hdr.Get("Location"))
		if r.code != http.StatusSeeOther || m == nil {
			t.Fatalf("create: %d %s", r.code, r.body)
		}
		id := m[1]
		// The same number from the same body in the same year: 409, said plainly.
		ed.get("/quan-tri/van-ban/moi")
		r = ed.postDoc("/quan-tri/van-ban", docForm("03 NQ/TU", "2021-06-01"), nil)
		if r.code != http.StatusConflict {
			t.Fatalf("duplicate: %d", r.code)
		}
		mustContain(t, r, "Số ký hiệu 03 NQ/TU của Tỉnh ủy Thử Nghiệm năm 2021 đã có trong thư viện")
		// Not public yet.
		if r := e.get("/api/v1/documents/" + id); r.code != 404 {
			t.Fatalf("draft public: %d", r.code)
		}
		// The editor submits but cannot publish.
		ed.get("/quan-tri/van-ban/" + id)
		if r := ed.post("/quan-tri/van-ban/"+id+"/xuat-ban", nil); r.code != http.StatusForbidden {
			t.Fatalf("editor publish: %d", r.code)
		}
		if r := ed.post("/quan-tri/van-ban/"+id+"/gui", nil); r.code != http.StatusSeeOther {
			t.Fatalf("submit: %d %s", r.code, r.body)
		}
		ap := e.browser(t)
		ap.login("duyet")
		ap.get("/quan-tri/van-ban/" + id)
		if r := ap.post("/quan-tri/van-ban/"+id+"/xuat-ban", nil); r.code != http.StatusSeeOther {
			t.Fatalf("publish: %d %s", r.code, r.body)
		}
		var n int
		s.DB().QueryRow(`SELECT COUNT(*) FROM audit_log WHERE object_type = 'document' AND action IN ('document.create', 'document.submit', 'document.publish')`).Scan(&n)
		if n != 3 {
			t.Errorf("audit entries: %d", n)
		}

		// Public: list, detail with metadata, download, preview, print.
		list := e.get("/van-ban")
		mustContain(t, list, "03-NQ/TU", "Có 1 văn bản.", "Còn hiệu lực")
		dm := regexp.MustCompile(`href="(/van-ban/` + id + `-[a-z0-9-]+)"`).FindStringSubmatch(list.body)
		if dm == nil {
			t.Fatal("no link to the document")
		}
		page := e.get(dm[1])
		if page.code != 200 {
			t.Fatalf("detail %d", page.code)
		}
		mustContain(t, page, "Nghị quyết số 03-NQ/TU", "Tỉnh ủy Thử Nghiệm", "Trần Văn Bình", "21/01/2021", "Còn hiệu lực", "<iframe", "Tải PDF", "Các bài viết trích dẫn văn bản này")
		fm := regexp.MustCompile(`src="(/van-ban/[^"]+/tep/\d+)\?xem=1"`).FindStringSubmatch(page.body)
		if fm == nil {
			t.Fatal("no preview frame")
		}
		dl := e.get(fm[1])
		if dl.code != 200 || dl.body != string(testPDF) || dl.hdr.Get("Content-Type") != "application/pdf" ||
			!strings.HasPrefix(dl.hdr.Get("Content-Disposition"), "attachment;") || !strings.Contains(dl.hdr.Get("Content-Disposition"), "filename*=utf-8''Ngh%E1%BB%8B") {
			t.Fatalf("download: %d %q %v", dl.code, dl.hdr.Get("Content-Disposition"), dl.hdr)
		}
		inl := e.get(fm[1] + "?xem=1")
		if csp := inl.hdr.Get("Content-Security-Policy"); !strings.HasPrefix(inl.hdr.Get("Content-Disposition"), "inline") || !strings.HasPrefix(csp, "sandbox") ||
			strings.Contains(csp, "allow-same-origin") || !strings.Contains(csp, "default-src 'none'") || inl.hdr.Get("X-Content-Type-Options") != "nosniff" {
			t.Fatalf("inline preview headers: %v", inl.hdr)
		}
		pr := e.get(dm[1] + "/in")
		mustContain(t, pr, "Nghị quyết số 03-NQ/TU", "Lưu thành PDF", `class="print"`, "data-print", "/static/print.")
		for _, a := range []string{"/bai-viet/" + e.arts[0].Slug + "/in"} {
			mustContain(t, e.get(a), "In / Lưu thành PDF", "Ctrl+P")
		}
		// An old slug redirects.
		if r := e.get("/van-ban/" + id + "-sai-duong-dan"); r.code != http.StatusMovedPermanently || r.hdr.Get("Location") != dm[1] {
			t.Fatalf("slug redirect: %d %s", r.code, r.hdr.Get("Location"))
		}
		mustContain(t, e.get("/sitemap.xml"), "https://cong.example.vn"+dm[1])

		// Unpublish: gone from the public side.
		ap.get("/quan-tri/van-ban/" + id)
		if r := ap.post("/quan-tri/van-ban/"+id+"/go", nil); r.code != http.StatusSeeOther {
			t.Fatalf("unpublish: %d", r.code)
		}
		if r := e.get(dm[1]); r.code != 404 {
			t.Fatalf("unpublished still public: %d", r.code)
		}
	})
}

func seedDoc(t *testing.T, s *store.Store, siteID int64, number, typ, issuer, field, issued, expiry string) *legaldoc.Document {
	t.Helper()
	d := &legaldoc.Document{SiteID: siteID, Status: news.StatusPublished}
	if err := legaldoc.Apply(d, legaldoc.Draft{Number: number, Type: typ, Issuer: issuer, Field: field, Signer: "Nguyễn Văn An",
		Abstract: "Văn bản " + typ + " về " + field, IssueDate: issued, ExpiryDate: expiry}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDocument(ctx, d, nil, nil); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDocumentsSearchAndAPI(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		seedDoc(t, s, e.site.ID, "03-NQ/TU", "Nghị quyết", "Tỉnh ủy Thử Nghiệm", "Cải cách hành chính", "21/01/2021", "")
		seedDoc(t, s, e.site.ID, "766/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ", "Dịch vụ công", "23/06/2022", "")
		seedDoc(t, s, e.site.ID, "12/KH-UBND", "Kế hoạch", "UBND huyện Thử Nghiệm", "Chuyển đổi số", "05/03/2020", "31/12/2020")
		e.srv.ContentChanged()
		for q, want := range map[string]string{"03-NQ/TU": "1", "03 NQ TU": "1", "03nqtu": "1", "nghi quyet 03": "1", "Nghị quyết 03": "1", "766 QĐ TTg": "1", "dich vu cong": "1", "xyz khong co": "0"} {
			r := e.get("/van-ban?q=" + url.QueryEscape(q))
			if r.code != 200 || !strings.Contains(r.body, "Tìm thấy "+want+" văn bản.") {
				t.Errorf("search %q: %d, want %s", q, r.code, want)
			}
		}
		for query, want := range map[string]string{
			"loai=" + url.QueryEscape("Kế hoạch"): "1", "nam=2022": "1", "hieu-luc=het-hieu-luc": "1", "hieu-luc=con-hieu-luc": "2",
			"tu-ngay=2021-01-01&den-ngay=2022-12-31": "2", "co-quan=" + url.QueryEscape("Thủ tướng Chính phủ"): "1",
			"linh-vuc=" + url.QueryEscape("Chuyển đổi số"): "1", "nguoi-ky=" + url.QueryEscape("Nguyễn Văn An"): "3",
		} {
			r := e.get("/van-ban?" + query)
			if !strings.Contains(r.body, "Tìm thấy "+want+" văn bản.") {
				t.Errorf("filter %s: want %s (status %d)", query, want, r.code)
			}
		}
		if r := e.get("/van-ban?nam=abc"); r.code != 400 || !strings.Contains(r.body, "Năm ban hành không hợp lệ") {
			t.Errorf("bad year: %d", r.code)
		}
		// API.
		r := e.get("/api/v1/documents?q=03+nq+tu")
		var list struct {
			Items []map[string]any `json:"items"`
			Total int              `json:"total"`
		}
		if err := json.Unmarshal([]byte(r.body), &list); err != nil || list.Total != 1 || list.Items[0]["number"] != "03-NQ/TU" || list.Items[0]["validity"] != "con-hieu-luc" {
			t.Fatalf("api list: %s", r.body)
		}
		r = e.get("/api/v1/documents?type=" + url.QueryEscape("Kế hoạch") + "&year=2020")
		json.Unmarshal([]byte(r.body), &list)
		if list.Total != 1 || list.Items[0]["validity"] != "het-hieu-luc" {
			t.Fatalf("api filter: %s", r.body)
		}
		id := fmt.Sprint(list.Items[0]["id"])
		r = e.get("/api/v1/documents/" + id)
		if r.code != 200 || !strings.Contains(r.body, `"number":"12/KH-UBND"`) {
			t.Fatalf("api detail: %d %s", r.code, r.body)
		}
		for path, code := range map[string]int{"/api/v1/documents/abc": 400, "/api/v1/documents/99999": 404, "/api/v1/documents?year=99": 400, "/api/v1/documents?per_page=500": 400} {
			r := e.get(path)
			var je struct {
				Error struct{ Code, Message string } `json:"error"`
			}
			if r.code != code || json.Unmarshal([]byte(r.body), &je) != nil || je.Error.Message == "" {
				t.Errorf("%s: %d %s", path, r.code, r.body)
			}
		}
	})
}

func TestDocumentCitationLinks(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		a := &news.Article{SiteID: e.site.ID, CategoryID: e.cat.ID, Title: "Quán triệt nghị quyết của Tỉnh ủy",
			BodyHTML: "<p>Thực hiện Nghị quyết số 03‑NQ/TU ngày 21/1/2021 và Kết luận số 436-KL/TU, xem <a href=\"/x\">Nghị quyết 03-NQ/TU</a>.</p>",
			Status:   news.StatusPublished, PublishedAt: time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)}
		if err := s.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		// Before the library has it: no link.
		r := e.get("/bai-viet/" + a.Slug)
		if strings.Contains(r.body, `class="cite"`) {
			t.Fatal("linked a document the library does not have")
		}
		d := seedDoc(t, s, e.site.ID, "03-NQ/TU", "Nghị quyết", "Tỉnh ủy Thử Nghiệm", "Cải cách hành chính", "21/01/2021", "")
		e.srv.ContentChanged() // what the newsroom's publish does
		r = e.get("/bai-viet/" + a.Slug)
		link := `<a class="cite" href="` + d.Path() + `" title="Nghị quyết số 03-NQ/TU – Tỉnh ủy Thử Nghiệm">Nghị quyết số 03‑NQ/TU</a>`
		if !strings.Contains(r.body, link) {
			t.Fatalf("article page lacks the citation link %s", link)
		}
		if strings.Count(r.body, `class="cite"`) != 1 {
			t.Errorf("links: %d (the one inside an existing link and the unknown 436-KL/TU must stay)", strings.Count(r.body, `class="cite"`))
		}
		// The document page lists the article.
		mustContain(t, e.get(d.Path()), "Các bài viết trích dẫn văn bản này", `href="/bai-viet/`+a.Slug+`"`)
		r = e.get(fmt.Sprintf("/api/v1/documents/%d", d.ID))
		if !strings.Contains(r.body, `"cited_by":[{"id":`+fmt.Sprint(a.ID)) {
			t.Errorf("api cited_by: %s", r.body)
		}
	})
}

func TestDocumentsCSVImport(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "bientap", auth.RoleEditor)
		e.addUser(t, "duyet", auth.RoleApprover)
		ed := e.browser(t)
		ed.login("bientap")
		if r := ed.get("/quan-tri/van-ban/nhap"); r.code != http.StatusForbidden {
			t.Fatalf("editor import form: %d", r.code)
		}
		ap := e.browser(t)
		ap.login("duyet")
		ap.get("/quan-tri/van-ban/nhap")
		upload := func(csv string) resp {
			var buf bytes.Buffer
			mw := multipart.NewWriter(&buf)
			mw.WriteField("csrf", ap.csrf)
			w, _ := mw.CreateFormFile("file", "van-ban.csv")
			w.Write([]byte(csv))
			mw.Close()
			r, err := ap.c.Post(ap.base+"/quan-tri/van-ban/nhap", mw.FormDataContentType(), &buf)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Body.Close()
			b, _ := io.ReadAll(r.Body)
			return resp{r.StatusCode, string(b), r.Header}
		}
		bad := "\ufeffSố ký hiệu;Loại văn bản;Cơ quan ban hành;Trích yếu;Ngày ban hành;Ngày có hiệu lực\n" +
			"03-NQ/TU;Nghị quyết;Tỉnh ủy Thử Nghiệm;Về cải cách hành chính;21/01/2021;21/01/2021\n" +
			"03 NQ TU;nghi quyet;Tỉnh ủy Thử Nghiệm;Trùng số;05/05/2021;\n" +
			"15/KH-UBND;Kế hoạch;UBND huyện;Kế hoạch CĐS;10/02/2024;01/02/2024\n" +
			"16/KH-UBND;Loại lạ;UBND huyện;;32/13/2024;\n"
		r := upload(bad)
		if r.code != http.StatusUnprocessableEntity {
			t.Fatalf("bad csv: %d", r.code)
		}
		mustContain(t, r, "Dòng 3: số ký hiệu 03 NQ TU của Tỉnh ủy Thử Nghiệm năm 2021 đã có", "Dòng 4: Ngày có hiệu lực không được trước ngày ban hành", "Dòng 5: Loại văn bản không có trong danh mục.", "Dòng 5: Trích yếu không được để trống.", "Dòng 5: Ngày ban hành không hợp lệ")
		if _, n, _ := s.ListDocuments(ctx, store.DocumentFilter{SiteID: e.site.ID, Status: store.AnyStatus}); n != 0 {
			t.Fatalf("a failed import saved %d documents", n)
		}
		good := "so_ky_hieu,loai,co_quan_ban_hanh,nguoi_ky,linh_vuc,trich_yeu,ngay_ban_hanh\n" +
			"03-NQ/TU,Nghị quyết,Tỉnh ủy Thử Nghiệm,Trần Văn Bình,CCHC,\"Về cải cách hành chính, giai đoạn 2021–2025\",21/01/2021\n" +
			"15/KH-UBND,Kế hoạch,UBND huyện Thử Nghiệm,,Chuyển đổi số,Kế hoạch chuyển đổi số năm 2024,10/02/2024\n"
		if r := upload(good); r.code != http.StatusSeeOther {
			t.Fatalf("good csv: %d %s", r.code, r.body)
		}
		mustContain(t, e.get("/van-ban"), "Có 2 văn bản.", "15/KH-UBND")
	})
}

func TestDocumentReplacedBy(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		newer := seedDoc(t, s, e.site.ID, "118/2025/NĐ-CP", "Nghị định", "Chính phủ", "Một cửa", "09/06/2025", "")
		old := &legaldoc.Document{SiteID: e.site.ID, Status: news.StatusPublished}
		if err := legaldoc.Apply(old, legaldoc.Draft{Number: "61/2018/NĐ-CP", Type: "Nghị định", Issuer: "Chính phủ", Abstract: "Về cơ chế một cửa",
			IssueDate: "23/04/2018", ReplacedByID: newer.ID}); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveDocument(ctx, old, nil, nil); err != nil {
			t.Fatal(err)
		}
		mustContain(t, e.get(old.Path()), `Bị thay thế bởi <a href="`+newer.Path()+`">Nghị định số 118/2025/NĐ-CP</a>`)
		mustContain(t, e.get("/van-ban?hieu-luc=het-hieu-luc"), "Tìm thấy 1 văn bản.", "61/2018/NĐ-CP", "Bị thay thế")
		// The replacing document taken down: named, not linked.
		newer.Status = news.StatusDraft
		newer.Version = 0
		if err := s.SaveDocument(ctx, newer, nil, nil); err != nil {
			t.Fatal(err)
		}
		e.srv.ContentChanged()
		r := e.get(old.Path())
		mustContain(t, r, "Bị thay thế bởi Nghị định số 118/2025/NĐ-CP")
		if strings.Contains(r.body, `href="`+newer.Path()+`"`) {
			t.Error("links to an unpublished document")
		}
		// A document cannot be replaced by one that does not exist.
		old.ReplacedByID, old.Version = 99999, 0
		if err := s.SaveDocument(ctx, old, nil, nil); err != store.ErrReplacedByMissing {
			t.Errorf("missing replacement: %v", err)
		}
	})
}
