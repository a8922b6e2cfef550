package web_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/calendar"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// pdfTextOf extracts a downloaded form's text; without pdftotext the
// checks of the text are skipped (but not in CI).
func pdfTextOf(t *testing.T, body string) string {
	t.Helper()
	if !strings.HasPrefix(body, "%PDF-") {
		t.Fatalf("not a PDF: %.80q", body)
	}
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext (poppler-utils) is required in CI")
		}
		return ""
	}
	f := filepath.Join(t.TempDir(), "f.pdf")
	if err := os.WriteFile(f, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func wantPDF(t *testing.T, what string, r resp, subs ...string) {
	t.Helper()
	wantCode(t, what, r, 200)
	if r.hdr.Get("Content-Type") != "application/pdf" || r.hdr.Get("Cache-Control") != "private, no-store" || r.hdr.Get("X-Content-Type-Options") != "nosniff" {
		t.Fatalf("%s: headers %v", what, r.hdr)
	}
	txt := pdfTextOf(t, r.body)
	if txt == "" {
		return
	}
	for _, s := range subs {
		if !strings.Contains(txt, s) {
			t.Errorf("%s: PDF text lacks %q:\n%s", what, s, txt)
		}
	}
}

func formList(t *testing.T, s *store.Store, id int64) string {
	t.Helper()
	fs, err := s.DossierForms(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range fs {
		out = append(out, f.Kind.Number())
	}
	return strings.Join(out, ",")
}

// Forms are issued at their moves and downloadable by the dossier's
// officers (01–05) and by the applicant through the private link (01–04);
// another unit's officer gets 403, a forged link the usual 404.
func TestDeskFormsDownload(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		oe := newOfficerEnv(t, s)
		token := oe.submit(t, oe.validForm())
		d := oe.byToken(t, token)
		path := fmt.Sprintf("/quan-tri/ho-so/%d", d.ID)
		my := "/ho-so-cua-toi/" + token
		ba := oe.as(t, "motcuaa")

		wantCode(t, "01 before receipt (officer)", ba.get(path+"/mau/01"), 404, "chưa có giấy tiếp nhận")
		wantCode(t, "01 before receipt (citizen)", oe.fetch(t, my+"/mau/01"), 404)
		wantCode(t, "receive", ba.post(path+"/chuyen", moveForm(d, dossier.ActReceive)), 303)
		if got := formList(t, s, d.ID); got != "01" {
			t.Fatalf("forms after receipt: %q", got)
		}
		d = oe.reload(t, d.ID)
		r1 := ba.get(path + "/mau/01")
		wantPDF(t, "officer 01", r1, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", d.Code, "Trần Thị Bích Ngọc", "Tờ khai cấp bản sao trích lục", "Cán bộ motcuaa")
		if again := ba.get(path + "/mau/01"); again.body != r1.body {
			t.Fatal("form 01 downloaded twice differs")
		}
		wantPDF(t, "citizen 01", oe.fetch(t, my+"/mau/01"), d.Code, "UBND xã Thử Nghiệm")
		wantCode(t, "citizen 05", oe.fetch(t, my+"/mau/05"), 404)
		wantCode(t, "citizen 02 not issued", oe.fetch(t, my+"/mau/02"), 404)
		wantCode(t, "citizen bad number", oe.fetch(t, my+"/mau/06"), 404)
		forged := "/ho-so-cua-toi/AAAAAAAAAAAAAAAAAAAAAA"
		plain := oe.fetch(t, forged)
		wantCode(t, "forged link", oe.fetch(t, forged+"/mau/01"), plain.code, "Không tìm thấy")
		wantCode(t, "other unit's form", oe.as(t, "motcuab").get(path+"/mau/01"), 403, "thuộc đơn vị khác")
		wantPDF(t, "live 05", ba.get(path+"/mau/05"), "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Nộp hồ sơ", "Tiếp nhận", "Tình trạng thời hạn (đến thời điểm in): Sắp đến hạn")
		wantCode(t, "officer page lists forms", ba.get(path), 200, path+"/mau/01?ban=", path+"/mau/05")
		wantCode(t, "citizen page lists forms", oe.fetch(t, my), 200, my+"/mau/01?ban=")

		// 2 → 4 → 5 issues form 02 with the reason.
		wantCode(t, "process", ba.post(path+"/chuyen", moveForm(d, dossier.ActProcess, "assignee", fmt.Sprint(oe.ids["chuyenviena"]))), 303)
		d = oe.reload(t, d.ID)
		wantCode(t, "supplement", ba.post(path+"/chuyen", moveForm(d, dossier.ActRequestSupplement, "note", "Thiếu giấy ủy quyền có chứng thực")), 303)
		if got := formList(t, s, d.ID); got != "01,02" {
			t.Fatalf("forms after supplement request: %q", got)
		}
		wantPDF(t, "citizen 02", oe.fetch(t, my+"/mau/02"), "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Thiếu giấy ủy quyền có chứng thực")
		d = oe.reload(t, d.ID)
		wantCode(t, "supplemented", ba.post(path+"/chuyen", moveForm(d, dossier.ActSupplemented)), 303)
		d = oe.reload(t, d.ID)
		sp := oe.as(t, "chuyenviena")
		sp.get(path)
		wantCode(t, "finish", sp.postMultipart(path+"/chuyen", map[string]string{"action": "finish", "version": fmt.Sprint(d.Version)}, []upFile{{"files", "kq.pdf", "application/pdf", minimalPDF}}), 303)
		d = oe.reload(t, d.ID)
		if got := formList(t, s, d.ID); got != "01,02" {
			t.Fatalf("forms before return: %q", got)
		}
		wantCode(t, "return", ba.post(path+"/chuyen", moveForm(d, dossier.ActReturn)), 303)
		if got := formList(t, s, d.ID); got != "01,02,05" {
			t.Fatalf("forms after return: %q", got)
		}
		fs, _ := s.DossierForms(ctx, d.ID)
		wantPDF(t, "stored 05", ba.get(fmt.Sprintf("%s/mau/05?ban=%d", path, fs[2].ID)), "Trả kết quả", "Đã trả kết quả", "Yêu cầu bổ sung", "Kết quả giải quyết hồ sơ:")
		wantCode(t, "citizen 05 after return", oe.fetch(t, my+"/mau/05"), 404)
		wantCode(t, "form of another dossier's number", ba.get(fmt.Sprintf("%s/mau/01?ban=%d", path, fs[2].ID)), 404)

		// A refusal issues form 03.
		f2 := oe.validForm()
		f2["key"] = "khoa-thu-nghiem-0000000002"
		tok2 := oe.submit(t, f2)
		var d2 dossier.Dossier
		list, _, _ := s.DossierQueue(ctx, store.QueueFilter{SiteID: oe.site.ID, AllUnits: true, Status: dossier.New})
		d2 = list[0]
		wantCode(t, "refuse", ba.post(fmt.Sprintf("/quan-tri/ho-so/%d/chuyen", d2.ID), moveForm(d2, dossier.ActRefuse, "note", "Hồ sơ không thuộc thẩm quyền của xã")), 303)
		wantPDF(t, "citizen 03", oe.fetch(t, "/ho-so-cua-toi/"+tok2+"/mau/03"), "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Hồ sơ không thuộc thẩm quyền của xã")
		if got := formList(t, s, d2.ID); got != "03" {
			t.Fatalf("forms after refusal: %q", got)
		}
		if acts := auditActions(t, s, oe.site.ID); !strings.Contains(acts, ",dossier.form,") {
			t.Errorf("form downloads not audited: %s", acts)
		}
	})
}

func apologyForm(d dossier.Dossier, reason, date string) url.Values {
	return url.Values{"version": {fmt.Sprint(d.Version)}, "reason": {reason}, "new_date": {date}}
}

// A one-working-day dossier just received is not at risk: no prompt, and
// an apology is refused. Once its appointment has passed the page prompts
// for form 04; bad input is refused with
// a Vietnamese message and records nothing; a good one records the new
// date (due_at unchanged), the event and the form, shown to both sides.
func TestDeskApology(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		oe := newOfficerEnv(t, s)
		token := oe.submit(t, oe.validForm())
		d := oe.byToken(t, token)
		path := fmt.Sprintf("/quan-tri/ho-so/%d", d.ID)
		my := "/ho-so-cua-toi/" + token
		ba := oe.as(t, "motcuaa")
		if page := ba.get(path); strings.Contains(page.body, "/xin-loi") {
			t.Fatal("apology offered before receipt")
		}
		wantCode(t, "apology before receipt", ba.post(path+"/xin-loi", apologyForm(d, "lý do", "2099-01-05")), 409)
		wantCode(t, "receive", ba.post(path+"/chuyen", moveForm(d, dossier.ActReceive)), 303)
		d = oe.reload(t, d.ID)
		if page := ba.get(path); strings.Contains(page.body, "/xin-loi") {
			t.Fatal("apology offered the moment a one-day dossier is received")
		}
		wantCode(t, "apology at receipt", ba.post(path+"/xin-loi", apologyForm(d, "lý do", "2099-01-05")), 409, "chưa cần lập phiếu xin lỗi")
		// The appointment passes.
		setDossierTimes(t, s, d.ID, "received_at", time.Now().Add(-50*time.Hour), "due_at", time.Now().Add(-time.Hour))
		d = oe.reload(t, d.ID)

		data, err := s.CalendarData(ctx, oe.site.ID)
		if err != nil {
			t.Fatal(err)
		}
		cal := data.Calendar(dossier.Loc)
		day := calendar.DayOf(d.DueAt, dossier.Loc).AddDays(1)
		for !cal.IsWorkingDay(day) {
			day = day.AddDays(1)
		}
		rest := day
		for cal.IsWorkingDay(rest) {
			rest = rest.AddDays(1)
		}
		yesterday := calendar.DayOf(time.Now(), dossier.Loc).AddDays(-1)

		wantCode(t, "prompt", ba.get(path), 200, "lập phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)", `action="`+path+`/xin-loi"`)
		wantCode(t, "no reason", ba.post(path+"/xin-loi", apologyForm(d, "  ", day.String())), 422, "Vui lòng nhập lý do chậm trả kết quả", `value="`+day.String()+`"`)
		wantCode(t, "past date", ba.post(path+"/xin-loi", apologyForm(d, "Chờ xác minh", yesterday.String())), 422, "phải sau thời điểm hiện tại", ">Chờ xác minh</textarea>")
		wantCode(t, "day off", ba.post(path+"/xin-loi", apologyForm(d, "Chờ xác minh", rest.String())), 422, "là ngày nghỉ")
		wantCode(t, "no date", ba.post(path+"/xin-loi", apologyForm(d, "Chờ xác minh", "")), 422, "Vui lòng chọn ngày hẹn trả kết quả mới")
		wantCode(t, "bad date", ba.post(path+"/xin-loi", apologyForm(d, "Chờ xác minh", "31/02/2099")), 422, "không hợp lệ")
		stale := d
		stale.Version--
		wantCode(t, "stale", ba.post(path+"/xin-loi", apologyForm(stale, "Chờ xác minh", day.String())), 409, "người khác cập nhật")
		wantCode(t, "other unit", oe.as(t, "motcuab").post(path+"/xin-loi", apologyForm(d, "Chờ xác minh", day.String())), 403)
		if got := oe.reload(t, d.ID); got.ApologyCount != 0 || !got.NewDueAt.IsZero() || got.Version != d.Version || formList(t, s, d.ID) != "01" {
			t.Fatalf("refused apologies changed the dossier: %+v forms %s", got, formList(t, s, d.ID))
		}

		wantCode(t, "apologise", ba.post(path+"/xin-loi", apologyForm(d, "Chờ kết quả xác minh của Sở Tư pháp", day.String())), 303)
		got := oe.reload(t, d.ID)
		if got.ApologyCount != 1 || calendar.DayOf(got.NewDueAt, dossier.Loc) != day || !got.DueAt.Equal(d.DueAt) || got.Status != dossier.Received || got.Version != d.Version+1 {
			t.Fatalf("after apology: %+v", got)
		}
		if f := formList(t, s, d.ID); f != "01,04" {
			t.Fatalf("forms after apology: %q", f)
		}
		evs, _ := s.DossierEvents(ctx, d.ID)
		if last := evs[len(evs)-1]; last.Action != dossier.ActApologise || last.From != dossier.Received || last.To != dossier.Received ||
			!strings.Contains(last.Note, "Chờ kết quả xác minh") || !strings.Contains(last.Note, day.VN()) {
			t.Fatalf("apology event %+v", last)
		}
		wantCode(t, "officer page", ba.get(path+"?tb=xin-loi"), 200, "Đã lập phiếu xin lỗi", "Ngày hẹn trả lại (phiếu xin lỗi)", day.VN(), "Xin lỗi, hẹn lại ngày trả kết quả")
		wantCode(t, "citizen page", oe.fetch(t, my), 200, "Ngày hẹn trả lại", day.VN(), my+"/mau/04?ban=")
		wantPDF(t, "citizen 04", oe.fetch(t, my+"/mau/04"), "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Chờ kết quả xác minh của Sở Tư pháp", "Kính gửi: Ông/Bà Trần Thị Bích Ngọc")
		// The public lookup shows the new date, and the apology is not a
		// second "received" step in its timeline.
		look := oe.fetch(t, "/tra-cuu?ma="+d.Code)
		wantCode(t, "lookup", look, 200, "Ngày hẹn trả mới", day.VN())
		if n := strings.Count(look.body, dossier.Received.String()); n != 2 { // the status line and one timeline step
			t.Errorf("lookup names %q %d times:\n%s", dossier.Received.String(), n, look.body)
		}
		api := oe.fetch(t, "/api/v1/dossiers/"+d.Code+"/status")
		var st struct {
			NewDueAt string `json:"new_due_at"`
			Timeline []struct {
				Status int `json:"status"`
			} `json:"timeline"`
		}
		if err := json.Unmarshal([]byte(api.body), &st); err != nil || !strings.HasPrefix(st.NewDueAt, day.String()) || len(st.Timeline) != 2 { // submitted, received: not the apology
			t.Errorf("status API after apology: %v %s", err, api.body)
		}
		if acts := auditActions(t, s, oe.site.ID); !strings.Contains(acts, ",dossier.apologise,") {
			t.Errorf("apology not audited: %s", acts)
		}

		// A dossier with weeks left gets no prompt and no apology.
		far := dossier.Dossier{SiteID: oe.site.ID, ProcedureID: oe.proc.ID, UnitID: oe.unit.ID, Channel: dossier.Counter,
			ApplicantName: "Phạm Văn Xa", ApplicantPhone: "0900000000", DueAt: time.Now().Add(30 * 24 * time.Hour)}
		if err := s.CreateCounterDossier(ctx, &far, "x", nil); err != nil {
			t.Fatal(err)
		}
		farPath := fmt.Sprintf("/quan-tri/ho-so/%d", far.ID)
		if page := ba.get(farPath); strings.Contains(page.body, "/xin-loi") {
			t.Fatal("apology prompted for a dossier weeks from its appointment")
		}
		far = oe.reload(t, far.ID)
		wantCode(t, "too early", ba.post(farPath+"/xin-loi", apologyForm(far, "Chờ", calendar.DayOf(far.DueAt, dossier.Loc).AddDays(7).String())), 409, "chưa cần lập phiếu xin lỗi")
	})
}
