package web_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/web"
)

type catalogueEnv struct {
	*env
	prov, stp, xa, old catalogue.Unit
	khaiSinh, hidden   catalogue.Procedure
}

// newCatalogueEnv is newEnv with a data folder (for blank-form uploads), a
// few units and two procedures, one unpublished.
func newCatalogueEnv(t *testing.T, s *store.Store) *catalogueEnv {
	t.Helper()
	e := newEnv(t, s)
	proxies, _ := visit.ParseProxies("")
	hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	srv, err := web.New(web.Options{Store: s, Counter: e.counter, SiteID: e.site.ID, BaseURL: "https://cong.example.vn",
		Proxies: proxies, Location: hcm, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Version: "test", MediaDir: t.TempDir() + "/media"})
	if err != nil {
		t.Fatal(err)
	}
	e.srv = srv
	c := &catalogueEnv{env: e}
	mk := func(u *catalogue.Unit) {
		u.SiteID = e.site.ID
		if err := s.CreateUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	c.prov = catalogue.Unit{Code: "TNB", Name: "UBND tỉnh Thử Nghiệm", Kind: catalogue.KindProvince}
	mk(&c.prov)
	c.stp = catalogue.Unit{ParentID: c.prov.ID, Code: "STP", Name: "Sở Tư pháp", Kind: catalogue.KindDepartment}
	mk(&c.stp)
	c.xa = catalogue.Unit{ParentID: c.prov.ID, Code: "XHA", Name: "UBND xã Hòa An", Kind: catalogue.KindCommune}
	mk(&c.xa)
	c.old = catalogue.Unit{ParentID: c.prov.ID, Code: "HCU", Name: "UBND huyện Cũ", Kind: catalogue.KindDistrict, ValidTo: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)}
	mk(&c.old)
	c.khaiSinh = catalogue.Procedure{SiteID: e.site.ID, Code: "1.001193", Slug: "dang-ky-khai-sinh", Name: "Đăng ký khai sinh", Field: "Hộ tịch", Level: catalogue.LevelFull,
		TimeAmount: 1, TimeUnit: catalogue.TimeWorkingDays, Fees: "Miễn lệ phí", Steps: "Nộp hồ sơ\nNhận kết quả", LegalBasis: "Luật Hộ tịch 2014", Published: true,
		Units: []catalogue.Unit{{ID: c.xa.ID}}, Components: []catalogue.Component{{Name: "Tờ khai đăng ký khai sinh", Required: true, Copies: 1}, {Name: "Giấy chứng sinh", Required: true, Copies: 1}}}
	if err := s.SaveProcedure(ctx, &c.khaiSinh); err != nil {
		t.Fatal(err)
	}
	c.hidden = catalogue.Procedure{SiteID: e.site.ID, Code: "2.000488", Slug: "cap-phieu-ly-lich-tu-phap", Name: "Cấp Phiếu lý lịch tư pháp", Field: "Lý lịch tư pháp", Level: catalogue.LevelPartial,
		TimeAmount: 10, TimeUnit: catalogue.TimeWorkingDays, Units: []catalogue.Unit{{ID: c.stp.ID}}}
	if err := s.SaveProcedure(ctx, &c.hidden); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCataloguePublic(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newCatalogueEnv(t, s)
		list := e.get("/thu-tuc")
		wantCode(t, "list", list, http.StatusOK, "Thủ tục hành chính", "Đăng ký khai sinh", "Có 1 thủ tục", `href="/thu-tuc" aria-current="page"`)
		if strings.Contains(list.body, "Cấp Phiếu lý lịch tư pháp") {
			t.Error("unpublished procedure listed")
		}
		wantCode(t, "search folded", e.get("/thu-tuc?q=khai+sinh"), http.StatusOK, "Đăng ký khai sinh", "Có 1 thủ tục phù hợp")
		wantCode(t, "search accents", e.get("/thu-tuc?q="+url.QueryEscape("ĐĂNG KÝ")), http.StatusOK, "Đăng ký khai sinh")
		wantCode(t, "search none", e.get("/thu-tuc?q=xay+dung"), http.StatusOK, "Không tìm thấy thủ tục nào")
		wantCode(t, "field", e.get("/thu-tuc?field="+url.QueryEscape("Hộ tịch")), http.StatusOK, "Đăng ký khai sinh")
		wantCode(t, "level other", e.get("/thu-tuc?level=partial"), http.StatusOK, "Có 0 thủ tục")
		wantCode(t, "unit", e.get(fmt.Sprintf("/thu-tuc?unit=%d", e.xa.ID)), http.StatusOK, "Đăng ký khai sinh")
		wantCode(t, "bad level", e.get("/thu-tuc?level=5"), http.StatusBadRequest, "Mức độ không hợp lệ")
		wantCode(t, "bad page", e.get("/thu-tuc?trang=abc"), http.StatusBadRequest)
		if strings.Contains(list.body, "UBND huyện Cũ") {
			t.Error("a former unit is offered in the filter")
		}

		d := e.get("/thu-tuc/dang-ky-khai-sinh")
		wantCode(t, "detail", d, http.StatusOK, "Đăng ký khai sinh", "Mã thủ tục: 1.001193", "Tờ khai đăng ký khai sinh", "Giấy chứng sinh",
			"1 ngày làm việc", "Miễn lệ phí", "<li>Nộp hồ sơ</li>", "Luật Hộ tịch 2014", "UBND xã Hòa An", `href="/nop-ho-so/dang-ky-khai-sinh"`, "Nộp hồ sơ trực tuyến")
		r := e.get("/thu-tuc/1.001193")
		if r.code != http.StatusMovedPermanently || r.hdr.Get("Location") != "/thu-tuc/dang-ky-khai-sinh" {
			t.Errorf("by code: %d %s", r.code, r.hdr.Get("Location"))
		}
		wantCode(t, "unpublished", e.get("/thu-tuc/cap-phieu-ly-lich-tu-phap"), http.StatusNotFound)
		wantCode(t, "missing", e.get("/thu-tuc/khong-co"), http.StatusNotFound)
		wantCode(t, "no template", e.get(fmt.Sprintf("/thu-tuc/dang-ky-khai-sinh/mau/%d", e.khaiSinh.Components[0].ID)), http.StatusNotFound)

		sm := e.get("/sitemap.xml")
		wantCode(t, "sitemap", sm, http.StatusOK, "<loc>https://cong.example.vn/thu-tuc</loc>", "<loc>https://cong.example.vn/thu-tuc/dang-ky-khai-sinh</loc>")
		if strings.Contains(sm.body, "cap-phieu-ly-lich-tu-phap") {
			t.Error("unpublished procedure in the sitemap")
		}
		// JSON API.
		var out struct {
			Items []map[string]any `json:"items"`
			Total int              `json:"total"`
		}
		r = e.get("/api/v1/procedures?q=khai%20sinh&level=full&per_page=5")
		if r.code != 200 || json.Unmarshal([]byte(r.body), &out) != nil || out.Total != 1 || out.Items[0]["code"] != "1.001193" ||
			out.Items[0]["submit_url"] != "https://cong.example.vn/nop-ho-so/dang-ky-khai-sinh" {
			t.Fatalf("api list: %d %s", r.code, r.body)
		}
		r = e.get("/api/v1/procedures/1.001193")
		var one struct {
			Code       string `json:"code"`
			Components []struct {
				Name     string `json:"name"`
				Required bool   `json:"required"`
			} `json:"components"`
			Units []struct {
				Code string `json:"code"`
			} `json:"units"`
		}
		if r.code != 200 || json.Unmarshal([]byte(r.body), &one) != nil || len(one.Components) != 2 || !one.Components[0].Required || len(one.Units) != 1 || one.Units[0].Code != "XHA" {
			t.Fatalf("api detail: %d %s", r.code, r.body)
		}
		wantCode(t, "api unpublished", e.get("/api/v1/procedures/2.000488"), http.StatusNotFound, `"code":"not_found"`)
		wantCode(t, "api per_page", e.get("/api/v1/procedures?per_page=1000"), http.StatusBadRequest, `"code":"bad_request"`, "per_page")
		wantCode(t, "api level", e.get("/api/v1/procedures?level=x"), http.StatusBadRequest, `"error"`)
	})
}

func TestUnitsAdmin(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newCatalogueEnv(t, s)
		e.addUser(t, "bientap", auth.RoleEditor)
		ed := e.browser(t)
		ed.login("bientap")
		wantCode(t, "editor", ed.get("/quan-tri/don-vi"), http.StatusForbidden)
		a := e.adminBrowser(t)
		list := a.get("/quan-tri/don-vi")
		wantCode(t, "list", list, http.StatusOK, "UBND tỉnh Thử Nghiệm", "— <a href=\"/quan-tri/don-vi/", "Đã giải thể/sáp nhập", "30/06/2025")
		wantCode(t, "bad code", a.post("/quan-tri/don-vi", url.Values{"code": {"s"}, "name": {"Sở Y tế"}, "kind": {"department"}}), http.StatusUnprocessableEntity,
			"Mã đơn vị gồm 2–20 ký tự", `value="Sở Y tế"`)
		wantCode(t, "taken", a.post("/quan-tri/don-vi", url.Values{"code": {"stp"}, "name": {"Sở Y tế"}, "kind": {"department"}}), http.StatusUnprocessableEntity, "đã được dùng")
		wantCode(t, "dates", a.post("/quan-tri/don-vi", url.Values{"code": {"SYT"}, "name": {"Sở Y tế"}, "kind": {"department"}, "valid_from": {"2025-07-01"}, "valid_to": {"2025-01-01"}}),
			http.StatusUnprocessableEntity, "Ngày kết thúc hoạt động phải sau")
		wantCode(t, "bad date", a.post("/quan-tri/don-vi", url.Values{"code": {"SYT"}, "name": {"Sở Y tế"}, "kind": {"department"}, "valid_from": {"31/02/2025"}}),
			http.StatusUnprocessableEntity, "Ngày không hợp lệ")
		r := a.post("/quan-tri/don-vi", url.Values{"code": {"syt"}, "name": {"Sở Y tế"}, "kind": {"department"}, "parent": {fmt.Sprint(e.prov.ID)}, "valid_from": {"01/07/2025"}})
		wantCode(t, "create", r, http.StatusSeeOther)
		u, err := s.UnitByCode(ctx, e.site.ID, "SYT")
		if err != nil || u.ParentID != e.prov.ID || !u.ValidFrom.Equal(time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)) {
			t.Fatalf("created %+v %v", u, err)
		}
		// The province cannot move under its own department.
		wantCode(t, "cycle", a.post(fmt.Sprintf("/quan-tri/don-vi/%d", e.prov.ID), url.Values{"code": {"TNB"}, "name": {"UBND tỉnh"}, "kind": {"province"}, "parent": {fmt.Sprint(u.ID)}}),
			http.StatusUnprocessableEntity, "Đơn vị cấp trên không hợp lệ")
		wantCode(t, "self", a.post(fmt.Sprintf("/quan-tri/don-vi/%d", u.ID), url.Values{"code": {"SYT"}, "name": {"Sở Y tế"}, "kind": {"department"}, "parent": {fmt.Sprint(u.ID)}}),
			http.StatusUnprocessableEntity, "Đơn vị cấp trên không hợp lệ")
		wantCode(t, "edit", a.post(fmt.Sprintf("/quan-tri/don-vi/%d", u.ID), url.Values{"code": {"SYT"}, "name": {"Sở Y tế tỉnh"}, "kind": {"department"}, "parent": {fmt.Sprint(e.prov.ID)}, "valid_to": {"2026-12-31"}}),
			http.StatusSeeOther)
		u, _ = s.Unit(ctx, e.site.ID, u.ID)
		if u.Name != "Sở Y tế tỉnh" || !u.Former() || !u.ValidFrom.IsZero() {
			t.Fatalf("edited %+v", u)
		}
		wantCode(t, "missing", a.get("/quan-tri/don-vi/99999"), http.StatusNotFound)
		wantCode(t, "delete in use", a.post(fmt.Sprintf("/quan-tri/don-vi/%d/xoa", e.prov.ID), nil), http.StatusConflict, "Không thể xóa đơn vị “UBND tỉnh Thử Nghiệm”", "4 đơn vị trực thuộc")
		wantCode(t, "delete used by procedure", a.post(fmt.Sprintf("/quan-tri/don-vi/%d/xoa", e.xa.ID), nil), http.StatusConflict, "1 thủ tục")
		wantCode(t, "delete", a.post(fmt.Sprintf("/quan-tri/don-vi/%d/xoa", u.ID), nil), http.StatusSeeOther)
		if _, err := s.Unit(ctx, e.site.ID, u.ID); err == nil {
			t.Fatal("unit not deleted")
		}
		if log := auditActions(t, s, e.site.ID); !strings.Contains(log, "unit.create") || !strings.Contains(log, "unit.update") || !strings.Contains(log, "unit.delete") {
			t.Errorf("audit: %s", log)
		}
	})
}

type catFile struct {
	field, name string
	data        []byte
}

func (b *browser) catPostMultipart(path string, fields url.Values, files ...catFile) resp {
	b.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if _, ok := fields["csrf"]; !ok {
		mw.WriteField("csrf", b.csrf)
	}
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	for _, f := range files {
		w, _ := mw.CreateFormFile(f.field, f.name)
		w.Write(f.data)
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

func TestProceduresAdmin(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newCatalogueEnv(t, s)
		a := e.adminBrowser(t)
		wantCode(t, "list", a.get("/quan-tri/thu-tuc"), http.StatusOK, "Đăng ký khai sinh", "Chưa công bố")
		wantCode(t, "new form", a.get("/quan-tri/thu-tuc/moi"), http.StatusOK, `name="c1_name"`, "Sở Tư pháp")
		form := url.Values{"code": {"1.000894"}, "name": {"Đăng ký kết hôn"}, "field": {"Hộ tịch"}, "level": {"full"}, "time_amount": {"0"}, "time_unit": {"working_days"},
			"units": {fmt.Sprint(e.old.ID)}, "rows": {"3"}, "c1_name": {"Tờ khai đăng ký kết hôn"}, "c1_required": {"1"}, "c1_copies": {"1"},
			"c2_name": {"Giấy xác nhận tình trạng hôn nhân"}, "c2_copies": {"0"}, "fees": {"Miễn lệ phí"}}
		pdf := []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
		r := a.catPostMultipart("/quan-tri/thu-tuc", form, catFile{"c1_file", "Tờ khai kết hôn.pdf", pdf}, catFile{"c2_file", "virus.exe", []byte("MZ\x90\x00 not a document")})
		wantCode(t, "invalid", r, http.StatusUnprocessableEntity, "Thời hạn giải quyết phải", "đã giải thể/sáp nhập", "Số bản phải từ 1 đến 20",
			"Tệp mẫu phải là PDF", `value="Tờ khai đăng ký kết hôn"`, "Miễn lệ phí", "Đã có: Tờ khai kết hôn.pdf")
		if _, err := s.Procedure(ctx, e.site.ID, "1.000894"); err == nil {
			t.Fatal("an invalid form was saved")
		}
		big := append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("0"), 10<<20)...)
		wantCode(t, "big template", a.catPostMultipart("/quan-tri/thu-tuc", form, catFile{"c1_file", "lớn.pdf", big}), http.StatusUnprocessableEntity, "Tệp mẫu quá lớn: tối đa 10 MB.")
		// Resubmit with the kept template (hidden field) and fixed values.
		m := regexpFind(r.body, `name="c1_stored" value="([0-9a-f]{64}\.pdf)"`)
		if m == "" {
			t.Fatalf("stored template not kept in the form")
		}
		form.Set("time_amount", "5")
		form.Set("units", fmt.Sprint(e.xa.ID))
		form.Set("c2_copies", "2")
		form.Set("c1_stored", m)
		form.Set("c1_tname", "Tờ khai kết hôn.pdf")
		form.Set("published", "1")
		r = a.catPostMultipart("/quan-tri/thu-tuc", form)
		wantCode(t, "create", r, http.StatusSeeOther)
		p, err := s.Procedure(ctx, e.site.ID, "1.000894")
		if err != nil || p.TimeAmount != 5 || len(p.Components) != 2 || p.Components[1].Copies != 2 || p.Components[0].TemplateFile != m || !p.Published || p.Slug != "dang-ky-ket-hon" {
			t.Fatalf("created %+v %v", p, err)
		}
		dl := e.get(fmt.Sprintf("/thu-tuc/dang-ky-ket-hon/mau/%d", p.Components[0].ID))
		if dl.code != 200 || dl.body != string(pdf) || dl.hdr.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(dl.hdr.Get("Content-Disposition"), "attachment") ||
			dl.hdr.Get("X-Content-Type-Options") != "nosniff" {
			t.Fatalf("download: %d %v", dl.code, dl.hdr)
		}
		wantCode(t, "detail link", e.get("/thu-tuc/dang-ky-ket-hon"), http.StatusOK, fmt.Sprintf(`href="/thu-tuc/dang-ky-ket-hon/mau/%d" download`, p.Components[0].ID), "Số bản: 2")
		wantCode(t, "other proc's component", e.get(fmt.Sprintf("/thu-tuc/dang-ky-khai-sinh/mau/%d", p.Components[0].ID)), http.StatusNotFound)

		// Edit: delete the second component, duplicate code refused.
		id := fmt.Sprint(p.ID)
		edit := a.get("/quan-tri/thu-tuc/" + id)
		wantCode(t, "edit form", edit, http.StatusOK, "Sửa thủ tục 1.000894", "Giấy xác nhận tình trạng hôn nhân", "Ngừng công bố")
		upd := url.Values{"code": {"1.001193"}, "name": {"Đăng ký kết hôn"}, "level": {"partial"}, "time_amount": {"5"}, "time_unit": {"working_days"}, "units": {fmt.Sprint(e.xa.ID)},
			"rows": {"2"}, "c1_id": {fmt.Sprint(p.Components[0].ID)}, "c1_name": {"Tờ khai đăng ký kết hôn (bản chính)"}, "c1_copies": {"1"}, "c1_required": {"1"}, "c1_stored": {m},
			"c2_id": {fmt.Sprint(p.Components[1].ID)}, "c2_name": {"Giấy xác nhận tình trạng hôn nhân"}, "c2_copies": {"2"}, "c2_delete": {"1"}, "published": {"1"}}
		wantCode(t, "dup code", a.catPostMultipart("/quan-tri/thu-tuc/"+id, upd), http.StatusUnprocessableEntity, "đã được dùng cho thủ tục khác")
		upd.Set("code", "1.000894")
		wantCode(t, "save", a.catPostMultipart("/quan-tri/thu-tuc/"+id, upd), http.StatusSeeOther)
		p2, _ := s.ProcedureByID(ctx, e.site.ID, p.ID)
		if len(p2.Components) != 1 || p2.Components[0].ID != p.Components[0].ID || p2.Components[0].TemplateFile != m || p2.Level != catalogue.LevelPartial {
			t.Fatalf("saved %+v", p2)
		}
		// Publish / unpublish.
		wantCode(t, "unpublish", a.post("/quan-tri/thu-tuc/"+id+"/cong-bo", url.Values{"publish": {"0"}}), http.StatusSeeOther)
		wantCode(t, "gone", e.get("/thu-tuc/dang-ky-ket-hon"), http.StatusNotFound)
		wantCode(t, "publish", a.post("/quan-tri/thu-tuc/"+id+"/cong-bo", url.Values{"publish": {"1"}}), http.StatusSeeOther)
		wantCode(t, "back", e.get("/thu-tuc/dang-ky-ket-hon"), http.StatusOK, "Dịch vụ công trực tuyến một phần")
		// Delete: refused once a dossier refers to the procedure.
		d := dossier.Dossier{SiteID: e.site.ID, ProcedureID: e.khaiSinh.ID, UnitID: e.xa.ID, Channel: dossier.Counter, ApplicantName: "Lê Thị Hoa",
			ApplicantIDNumber: "001090012345", ApplicantDOB: "1990-05-01", ApplicantPhone: "0912345678", DueAt: time.Now().Add(48 * time.Hour)}
		if err := s.CreateCounterDossier(ctx, &d, "x", nil); err != nil {
			t.Fatal(err)
		}
		wantCode(t, "delete in use", a.post(fmt.Sprintf("/quan-tri/thu-tuc/%d/xoa", e.khaiSinh.ID), nil), http.StatusConflict, "đã có 1 hồ sơ")
		wantCode(t, "delete", a.post("/quan-tri/thu-tuc/"+id+"/xoa", nil), http.StatusSeeOther)
		if _, err := s.ProcedureByID(ctx, e.site.ID, p.ID); err == nil {
			t.Fatal("procedure not deleted")
		}
		log := auditActions(t, s, e.site.ID)
		for _, want := range []string{"procedure.create", "procedure.update", "procedure.publish", "procedure.unpublish", "procedure.delete"} {
			if !strings.Contains(log, want) {
				t.Errorf("audit lacks %s: %s", want, log)
			}
		}
		e.addUser(t, "motcua", auth.RoleOfficer)
		o := e.browser(t)
		o.login("motcua")
		wantCode(t, "officer list", o.get("/quan-tri/thu-tuc"), http.StatusForbidden)
		wantCode(t, "officer post", o.catPostMultipart("/quan-tri/thu-tuc/"+id, upd), http.StatusForbidden)
	})
}

func regexpFind(s, re string) string {
	m := mustRE(re).FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return m[1]
}

const importCSV = "\ufeffDANH MỤC THỦ TỤC HÀNH CHÍNH;;;;;;\n" +
	"STT;Mã thủ tục;Tên thủ tục;Lĩnh vực;Cơ quan thực hiện;Mức độ;Thời hạn giải quyết;Phí, lệ phí;Thành phần hồ sơ;Trình tự thực hiện;Căn cứ pháp lý;Kết quả\n" +
	"1;1.001193;Đăng ký khai sinh;Hộ tịch;XHA;Toàn trình;Trong ngày;Miễn lệ phí;\"- Tờ khai đăng ký khai sinh\n- Giấy chứng sinh\n- Văn bản ủy quyền (nếu có)\";Nộp hồ sơ;Luật Hộ tịch 2014;Giấy khai sinh\n" +
	";;;;;;;;;;;\n" +
	"2;2.000986;Chứng thực bản sao từ bản chính;Chứng thực;UBND xã Hòa An;Một phần;1,5 ngày làm việc;2.000 đồng/trang;\"1. Bản chính giấy tờ\n2. Bản sao cần chứng thực 02 bản\";Nộp;Nghị định 23/2015/NĐ-CP;Bản sao được chứng thực\n"

func TestProcedureImport(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newCatalogueEnv(t, s)
		a := e.adminBrowser(t)
		wantCode(t, "form", a.get("/quan-tri/thu-tuc/nhap"), http.StatusOK, "Mã thủ tục; Tên thủ tục")
		bad := strings.Replace(importCSV, "2;2.000986;", "2;;", 1)
		bad = strings.Replace(bad, ";XHA;", ";Sở Không Có;", 1)
		r := a.catPostMultipart("/quan-tri/thu-tuc/nhap", nil, catFile{"file", "danh-muc.csv", []byte(bad)})
		wantCode(t, "bad rows", r, http.StatusUnprocessableEntity, "Dòng 5: thiếu mã thủ tục.", "Dòng 3: không tìm thấy cơ quan thực hiện “Sở Không Có”", "Chưa nhập thủ tục nào")
		if ps, n, _ := s.Procedures(ctx, store.ProcedureFilter{SiteID: e.site.ID}); n != 2 {
			t.Fatalf("a failed import wrote rows: %d %v", n, ps)
		}
		// A time that is not a whole number of working hours is an error
		// on its row, not a rounded deadline.
		badTime := strings.Replace(importCSV, "1,5 ngày làm việc", "1,3 ngày làm việc", 1)
		r = a.catPostMultipart("/quan-tri/thu-tuc/nhap", nil, catFile{"file", "danh-muc.csv", []byte(badTime)})
		wantCode(t, "bad time", r, http.StatusUnprocessableEntity, "Dòng 5: thời hạn giải quyết “1,3 ngày làm việc” không đổi được thành số giờ làm việc nguyên")
		r = a.catPostMultipart("/quan-tri/thu-tuc/nhap", nil, catFile{"file", "danh-muc.csv", []byte(importCSV)})
		wantCode(t, "good", r, http.StatusOK, "1 thủ tục thêm mới, 1 thủ tục cập nhật")
		ks, err := s.Procedure(ctx, e.site.ID, "1.001193")
		if err != nil || ks.ID != e.khaiSinh.ID || ks.TimeUnit != catalogue.TimeSameDay || len(ks.Components) != 3 ||
			ks.Components[0].ID != e.khaiSinh.Components[0].ID || ks.Components[2].Required || ks.Units[0].Code != "XHA" {
			t.Fatalf("updated %+v %v", ks, err)
		}
		ct, err := s.Procedure(ctx, e.site.ID, "2.000986")
		if err != nil || ct.Level != catalogue.LevelPartial || ct.TimeAmount != 12 || ct.TimeUnit != catalogue.TimeWorkingHours || len(ct.Components) != 2 || ct.Components[1].Copies != 2 || ct.Components[0].Name != "Bản chính giấy tờ" {
			t.Fatalf("created %+v %v", ct, err)
		}
		// Again: nothing new.
		wantCode(t, "again", a.catPostMultipart("/quan-tri/thu-tuc/nhap", nil, catFile{"file", "danh-muc.csv", []byte(importCSV)}), http.StatusOK, "0 thủ tục thêm mới, 2 thủ tục cập nhật")
		if _, n, _ := s.Procedures(ctx, store.ProcedureFilter{SiteID: e.site.ID}); n != 3 {
			t.Fatalf("reimport duplicated: %d", n)
		}
		// The same table as XLSX, with a title row, shared and inline strings,
		// a merged continuation row and a blank row.
		x := buildXLSX(t, [][]string{
			{"Danh mục TTHC cấp xã"},
			{"Mã TTHC", "TÊN THỦ TỤC", "Linh vuc", "Cơ quan thực hiện", "Mức độ DVC", "Thời hạn", "Thành phần hồ sơ"},
			{"1.004946", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", "XHA", "Toàn trình", "Ngay trong ngày làm việc", "Tờ khai cấp bản sao trích lục"},
			{"", "", "", "", "", "", "Văn bản ủy quyền (nếu có)"},
			{},
			{"1.004873", "Xác nhận tình trạng hôn nhân", "Hộ tịch", "Sở Tư pháp; XHA", "mức độ 3", "03 ngày làm việc", "Tờ khai"},
		})
		r = a.catPostMultipart("/quan-tri/thu-tuc/nhap", nil, catFile{"file", "tthc.xlsx", x})
		wantCode(t, "xlsx", r, http.StatusOK, "2 thủ tục thêm mới")
		tl, err := s.Procedure(ctx, e.site.ID, "1.004946")
		if err != nil || len(tl.Components) != 2 || tl.Components[1].Required || tl.Name != "Cấp bản sao trích lục hộ tịch" || tl.TimeUnit != catalogue.TimeSameDay {
			t.Fatalf("xlsx %+v %v", tl, err)
		}
		hn, _ := s.Procedure(ctx, e.site.ID, "1.004873")
		if len(hn.Units) != 2 || hn.Level != catalogue.LevelPartial || hn.TimeAmount != 3 {
			t.Fatalf("xlsx units %+v", hn)
		}
		wantCode(t, "not a table", a.catPostMultipart("/quan-tri/thu-tuc/nhap", nil, catFile{"file", "x.csv", []byte("a;b\n1;2\n")}), http.StatusUnprocessableEntity, "không tìm thấy dòng tiêu đề")
		wantCode(t, "no file", a.catPostMultipart("/quan-tri/thu-tuc/nhap", nil), http.StatusUnprocessableEntity, "Vui lòng chọn tệp")
		if !strings.Contains(auditActions(t, s, e.site.ID), "procedure.import") {
			t.Error("import not audited")
		}
	})
}

// buildXLSX writes a minimal workbook: odd rows' cells as shared strings,
// even rows' as inline strings, as different tools do.
func buildXLSX(t *testing.T, rows [][]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	esc := func(s string) string {
		var b bytes.Buffer
		if err := xmlEscape(&b, s); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	var shared []string
	var sheet strings.Builder
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for i, row := range rows {
		fmt.Fprintf(&sheet, `<row r="%d">`, i+1)
		for j, v := range row {
			if v == "" {
				continue
			}
			ref := fmt.Sprintf("%c%d", 'A'+j, i+1)
			if i%2 == 0 {
				fmt.Fprintf(&sheet, `<c r="%s" t="s"><v>%d</v></c>`, ref, len(shared))
				shared = append(shared, v)
			} else {
				fmt.Fprintf(&sheet, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, esc(v))
			}
		}
		sheet.WriteString(`</row>`)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	var sst strings.Builder
	sst.WriteString(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	for _, s := range shared {
		fmt.Fprintf(&sst, `<si><r><t>%s</t></r></si>`, esc(s))
	}
	sst.WriteString(`</sst>`)
	add("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`)
	add("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="TTHC" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	add("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/danhmuc.xml"/></Relationships>`)
	add("xl/worksheets/danhmuc.xml", sheet.String())
	add("xl/sharedStrings.xml", sst.String())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func xmlEscape(w io.Writer, s string) error { return xml.EscapeText(w, []byte(s)) }

func mustRE(s string) *regexp.Regexp { return regexp.MustCompile(s) }
