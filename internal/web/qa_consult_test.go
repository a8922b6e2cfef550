package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/qa"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func TestConsultations(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "duyet", auth.RoleApprover)
		e.addUser(t, "bientap", auth.RoleEditor)
		ap, ed := e.browser(t), e.browser(t)
		ap.login("duyet")
		ed.login("bientap")
		hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
		day := func(d int) string { return time.Now().In(hcm).AddDate(0, 0, d).Format(time.DateOnly) }

		wantCode(t, "editor", ed.get("/quan-tri/lay-y-kien"), http.StatusForbidden)
		wantCode(t, "dates out of order", ap.post("/quan-tri/lay-y-kien", url.Values{"title": {"Dự thảo Quy chế"}, "opens": {day(5)}, "closes": {day(1)}, "summary": {"Tóm tắt giữ lại"}}),
			http.StatusUnprocessableEntity, "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu", "Tóm tắt giữ lại")
		r := ap.post("/quan-tri/lay-y-kien", url.Values{"title": {"Dự thảo Quy chế tiếp công dân"}, "opens": {day(-1)}, "closes": {day(0)},
			"summary": {"Lấy ý kiến về quy chế tiếp công dân."}, "doc": {"/media/du-thao.pdf"}})
		wantCode(t, "create", r, http.StatusSeeOther)
		id := mustID(strings.TrimPrefix(strings.Split(r.hdr.Get("Location"), "?")[0], "/quan-tri/lay-y-kien/"))
		c, err := s.Consultation(ctx, e.site.ID, id)
		if err != nil || c.OpensOn != day(-1) || c.ClosesOn != day(0) {
			t.Fatalf("created %+v %v", c, err)
		}
		closed := qa.Consultation{SiteID: e.site.ID, Title: "Dự thảo Kế hoạch chuyển đổi số", OpensOn: day(-30), ClosesOn: day(-1)}
		if err := s.SaveConsultation(ctx, &closed, 0); err != nil {
			t.Fatal(err)
		}

		list := e.get("/lay-y-kien")
		wantCode(t, "list", list, http.StatusOK, "Đang lấy ý kiến", "Dự thảo Quy chế tiếp công dân", "Đã kết thúc", "Dự thảo Kế hoạch chuyển đổi số")
		if strings.Index(list.body, "Quy chế tiếp công dân") > strings.Index(list.body, "Đã kết thúc") {
			t.Error("the open consultation is not listed as open")
		}
		path := fmt.Sprintf("/lay-y-kien/%d-%s", c.ID, c.Slug)
		detail := e.get(path)
		wantCode(t, "detail", detail, http.StatusOK, "Gửi góp ý", "Bao nhiêu là", `href="/media/du-thao.pdf"`)

		// A comment, with the same challenge as questions.
		tok, ans := issued(t, e, time.Minute)
		form := url.Values{"name": {"Trần Thị Bình"}, "organisation": {"=HYPERLINK(\"x\")"}, "email": {"binh@example.vn"},
			"comment": {"Đề nghị bổ sung lịch tiếp công dân vào buổi chiều thứ Bảy."}, "challenge_token": {tok}, "challenge": {ans}}
		bad := url.Values{}
		for k, v := range form {
			bad[k] = v
		}
		bad.Set("comment", strings.Repeat("ý", 4001))
		wantCode(t, "long comment", e.postFrom("198.51.100.60", path, bad), http.StatusUnprocessableEntity, "Nội dung góp ý quá dài", "Trần Thị Bình")
		bad.Set("comment", form.Get("comment"))
		bad.Set("challenge", "99")
		wantCode(t, "wrong answer", e.postFrom("198.51.100.61", path, bad), http.StatusUnprocessableEntity, "Kết quả phép tính chưa đúng", "buổi chiều thứ Bảy")
		r = e.postFrom("198.51.100.62", path, form)
		if r.code != http.StatusSeeOther || r.hdr.Get("Location") != path+"?da-gui=1#gop-y" {
			t.Fatalf("feedback: %d %s %.300s", r.code, r.hdr.Get("Location"), r.body)
		}
		wantCode(t, "thanks", e.get(path+"?da-gui=1"), http.StatusOK, "Cảm ơn bạn đã góp ý")
		wantCode(t, "replay", e.postFrom("198.51.100.63", path, form), http.StatusConflict, "đã được gửi một lần")
		if n := count(t, s, "consultation_feedback"); n != 1 {
			t.Fatalf("%d comments stored", n)
		}
		if strings.Contains(e.get(path).body, "binh@example.vn") {
			t.Error("a commenter's e-mail is public")
		}

		// Closed: refused with 410 and a clear message; nothing stored.
		cpath := fmt.Sprintf("/lay-y-kien/%d-%s", closed.ID, closed.Slug)
		wantCode(t, "closed detail", e.get(cpath), http.StatusOK, "Đã hết thời hạn lấy ý kiến")
		if strings.Contains(e.get(cpath).body, `name="challenge_token"`) {
			t.Error("closed consultation shows the form")
		}
		tok, ans = issued(t, e, time.Minute)
		form.Set("challenge_token", tok)
		form.Set("challenge", ans)
		wantCode(t, "closed post", e.postFrom("198.51.100.64", cpath, form), http.StatusGone, "đã hết thời hạn lấy ý kiến", dayVN(closed.ClosesOn))
		if n := count(t, s, "consultation_feedback"); n != 1 {
			t.Fatalf("a comment on a closed consultation was stored")
		}
		// Even when the form was open in the browser when it closed: the
		// store checks the day in the same transaction.
		err = s.AddFeedback(ctx, e.site.ID, &qa.Feedback{ConsultationID: closed.ID, Name: "A", Comment: "Góp ý muộn"}, "n-late", day(0))
		if err != store.ErrClosed {
			t.Errorf("late comment: %v", err)
		}

		// Staff see and export the comments, contact data included.
		wantCode(t, "staff view", ap.get(fmt.Sprint("/quan-tri/lay-y-kien/", c.ID)), http.StatusOK, "Góp ý đã nhận (1)", "binh@example.vn", "Trần Thị Bình")
		csv := ap.get(fmt.Sprint("/quan-tri/lay-y-kien/", c.ID, "/y-kien.csv"))
		wantCode(t, "csv", csv, http.StatusOK, "\ufeffSTT,", "Trần Thị Bình", "binh@example.vn", `'=HYPERLINK`)
		if !strings.HasPrefix(csv.hdr.Get("Content-Type"), "text/csv") || !strings.Contains(csv.hdr.Get("Content-Disposition"), "attachment") {
			t.Errorf("csv headers %v", csv.hdr)
		}
		wantCode(t, "editor csv", ed.get(fmt.Sprint("/quan-tri/lay-y-kien/", c.ID, "/y-kien.csv")), http.StatusForbidden)

		// Results summary published after closing.
		wantCode(t, "results", ap.post(fmt.Sprint("/quan-tri/lay-y-kien/", closed.ID), url.Values{"title": {closed.Title}, "opens": {closed.OpensOn}, "closes": {closed.ClosesOn},
			"result": {"Đã nhận 12 ý kiến; tiếp thu 9."}}), http.StatusSeeOther)
		wantCode(t, "results public", e.get(cpath), http.StatusOK, "Kết quả tổng hợp ý kiến", "Đã nhận 12 ý kiến; tiếp thu 9.")
		audit := auditActions(t, s, e.site.ID)
		for _, a := range []string{"consultation.create", "consultation.update", "consultation.export"} {
			if !strings.Contains(audit, ","+a+",") {
				t.Errorf("audit lacks %s", a)
			}
		}
	})
}

func dayVN(d string) string { return qa.DayVN(d) }

func TestInstitutionalPages(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "quantri", auth.RoleAdmin)
		e.addUser(t, "bientap", auth.RoleEditor)
		a, ed := e.browser(t), e.browser(t)
		a.login("quantri")
		ed.login("bientap")

		// Every Decree 42 category is in the main menu.
		home := e.get("/")
		for _, href := range []string{"/gioi-thieu", "/van-ban", "/thu-tuc", "/hoi-dap", "/lay-y-kien", "/lien-he"} {
			mustContain(t, home, `href="`+href+`"`)
		}
		// Not written yet: a placeholder, not a 404 from the menu.
		wantCode(t, "placeholder", e.get("/tai-chinh-ngan-sach"), http.StatusOK, "đang được cập nhật", `content="noindex"`)
		wantCode(t, "no english yet", e.get("/en/contact"), http.StatusNotFound)
		wantCode(t, "editor", ed.get("/quan-tri/trang"), http.StatusForbidden)

		wantCode(t, "admin list", a.get("/quan-tri/trang"), http.StatusOK, "Cơ cấu tổ chức", "Tạo trang", "Tạo bản tiếng Anh")
		form := url.Values{"title": {"Liên hệ"}, "body": {"Văn phòng HĐND và UBND huyện.\n\nGiờ làm việc: 7h00–17h00."}, "rows": {"4"},
			"name0": {"Lê Văn Cường"}, "position0": {"Chánh Văn phòng"}, "phone0": {"0236 3812 345"}, "email0": {"cuong@thunghiem.gov.vn"},
			"name1": {""}, "position1": {"Phó Chánh Văn phòng"}}
		wantCode(t, "person without name", a.post("/quan-tri/trang/lien-he/vi", form), http.StatusUnprocessableEntity, "Vui lòng nhập họ tên", "Lê Văn Cường", "Phó Chánh Văn phòng")
		form.Set("name1", "Phạm Thị Dung")
		form.Set("email1", "dung@")
		wantCode(t, "bad email", a.post("/quan-tri/trang/lien-he/vi", form), http.StatusUnprocessableEntity, "Thư điện tử “dung@” chưa đúng")
		form.Set("email1", "dung@thunghiem.gov.vn")
		wantCode(t, "save vi", a.post("/quan-tri/trang/lien-he/vi", form), http.StatusSeeOther)
		wantCode(t, "public vi", e.get("/lien-he"), http.StatusOK, "<p>Giờ làm việc: 7h00–17h00.</p>", "Lê Văn Cường", "Chánh Văn phòng", "cuong@thunghiem.gov.vn", "Phạm Thị Dung")
		list := a.get("/quan-tri/trang")
		wantCode(t, "missing english", list, http.StatusOK, "Thiếu bản tiếng Anh")
		if strings.Contains(list.body, "Bản tiếng Anh cũ hơn") {
			t.Error("stale warning without an English page")
		}

		en := url.Values{"title": {"Contact"}, "body": {"Office of the People's Council and People's Committee."}, "rows": {"1"},
			"name0": {"Le Van Cuong"}, "position0": {"Chief of Office"}, "phone0": {"+84 236 3812 345"}, "email0": {"cuong@thunghiem.gov.vn"}}
		wantCode(t, "save en", a.post("/quan-tri/trang/lien-he/en", en), http.StatusSeeOther)
		enPage := e.get("/en/contact")
		wantCode(t, "public en", enPage, http.StatusOK, `lang="en"`, "Contact", "Chief of Office", `href="/lien-he"`, "Bản tiếng Việt")
		wantCode(t, "vi links en", e.get("/lien-he"), http.StatusOK, `href="/en/contact"`)
		if w := warningFor(a.get("/quan-tri/trang").body, "lien-he"); w != "" {
			t.Errorf("warning after translating: %q", w)
		}
		// The Vietnamese page changes: the English one is now older.
		form.Set("body", "Địa chỉ mới: số 2 đường Trần Phú.")
		wantCode(t, "update vi", a.post("/quan-tri/trang/lien-he/vi", form), http.StatusSeeOther)
		if w := warningFor(a.get("/quan-tri/trang").body, "lien-he"); w != "Bản tiếng Anh cũ hơn bản tiếng Việt" {
			t.Errorf("stale warning: %q", w)
		}
		wantCode(t, "edit en warns", a.get("/quan-tri/trang/lien-he/en"), http.StatusOK, "Bản tiếng Anh cũ hơn bản tiếng Việt")
		if w := warningFor(a.get("/quan-tri/trang").body, "co-cau-to-chuc"); w != "" {
			t.Errorf("organisation has no Vietnamese page yet, so nothing to translate: %q", w)
		}
		wantCode(t, "no en for intro", a.get("/quan-tri/trang/gioi-thieu/en"), http.StatusNotFound)
		wantCode(t, "unknown kind", a.get("/quan-tri/trang/khac/vi"), http.StatusNotFound)

		// A WordPress page with the same address is adopted, not duplicated.
		err := s.InTx(ctx, func(tx *store.Tx) error {
			return tx.InsertPage(ctx, &news.Page{SiteID: e.site.ID, Title: "Giới thiệu (cũ)", Slug: "gioi-thieu", BodyHTML: "<p>cũ</p>"})
		})
		if err != nil {
			t.Fatal(err)
		}
		wantCode(t, "save intro", a.post("/quan-tri/trang/gioi-thieu/vi", url.Values{"title": {"Giới thiệu chung"}, "body": {"<p>Huyện Thử Nghiệm <script>x</script>nằm ở phía tây.</p>"}}), http.StatusSeeOther)
		intro := e.get("/gioi-thieu")
		wantCode(t, "intro", intro, http.StatusOK, "Giới thiệu chung", "Huyện Thử Nghiệm", `href="/lanh-dao"`, `href="/lien-ket"`)
		if strings.Contains(intro.body, "<script>x") {
			t.Error("page body not sanitised")
		}
		var pages int
		s.DB().QueryRowContext(ctx, "SELECT COUNT(*) FROM pages WHERE slug = 'gioi-thieu'").Scan(&pages)
		if pages != 1 {
			t.Errorf("%d pages at gioi-thieu", pages)
		}
		sm := e.get("/sitemap.xml")
		mustContain(t, sm, "/lien-he</loc>", "/en/contact</loc>", "/gioi-thieu</loc>", "/hoi-dap</loc>", "/lay-y-kien</loc>")
		if !strings.Contains(auditActions(t, s, e.site.ID), ",page.save,") {
			t.Error("audit lacks page.save")
		}
	})
}

// warningFor is the warning cell of a page kind's row in the admin list.
func warningFor(body, kind string) string {
	i := strings.Index(body, `<td><a href="/`+kind+`"`)
	if i < 0 {
		return "(no row)"
	}
	row := body[i:]
	row = row[:strings.Index(row, "</tr>")]
	if j := strings.Index(row, `<strong class="field-error">`); j >= 0 {
		w := row[j+len(`<strong class="field-error">`):]
		return w[:strings.Index(w, "<")]
	}
	return ""
}

func TestOrganisationChart(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		// Without units the page renders its text alone.
		if err := s.SaveInstPage(ctx, &store.InstPage{SiteID: e.site.ID, Kind: "co-cau-to-chuc", Lang: "vi", Title: "Cơ cấu tổ chức", Slug: "co-cau-to-chuc", BodyHTML: "<p>Bộ máy gồm:</p>"}); err != nil {
			t.Fatal(err)
		}
		r := e.get("/co-cau-to-chuc")
		wantCode(t, "no units", r, http.StatusOK, "Bộ máy gồm:")
		if strings.Contains(r.body, "Sơ đồ tổ chức") {
			t.Error("a chart without units")
		}
		// With the desk's unit tree, the chart is drawn from it.
		mk := func(u catalogue.Unit) int64 {
			u.SiteID = e.site.ID
			if err := s.CreateUnit(ctx, &u); err != nil {
				t.Fatal(err)
			}
			return u.ID
		}
		prov := mk(catalogue.Unit{Code: "TTN", Name: "UBND tỉnh Thử Nghiệm", Kind: "province", Phone: "0236 111"})
		so := mk(catalogue.Unit{ParentID: prov, Code: "STP", Name: "Sở Tư pháp", Kind: "department", Email: "stp@example.vn", Position: 1})
		mk(catalogue.Unit{ParentID: prov, Code: "HCU", Name: "UBND huyện Cũ", Kind: "district", Position: 2, ValidTo: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)})
		mk(catalogue.Unit{ParentID: so, Code: "PHT", Name: "Phòng Hộ tịch", Kind: "agency"})
		r = e.get("/co-cau-to-chuc")
		wantCode(t, "chart", r, http.StatusOK, "Sơ đồ tổ chức", "<strong>UBND tỉnh Thử Nghiệm</strong>", "ĐT: 0236 111", "stp@example.vn")
		tree := r.body[strings.Index(r.body, "Sơ đồ tổ chức"):]
		if !(strings.Index(tree, "Sở Tư pháp") < strings.Index(tree, "Phòng Hộ tịch") && strings.Index(tree, "Phòng Hộ tịch") < strings.Index(tree, "UBND huyện Cũ")) {
			t.Errorf("order:\n%s", tree)
		}
		if !strings.Contains(tree, `<li class="former"><strong>UBND huyện Cũ</strong> <em>(đã giải thể`) {
			t.Errorf("former unit not marked:\n%.1500s", tree)
		}
	})
}
