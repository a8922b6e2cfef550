package web_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/calendar"
	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// postMultipart posts a form with files as the logged-in browser.
func (b *browser) postMultipart(path string, fields map[string]string, files []upFile) resp {
	b.t.Helper()
	if _, ok := fields["csrf"]; !ok {
		fields["csrf"] = b.csrf
	}
	ct, body := multipartOf(fields, files)
	req, _ := http.NewRequest("POST", b.base+path, bytes.NewReader(body))
	req.Header.Set("Content-Type", ct)
	r, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer r.Body.Close()
	out, _ := io.ReadAll(r.Body)
	return resp{r.StatusCode, string(out), r.Header}
}

// officerDesk is deskEnv plus a second unit and officers: "motcuaa" and
// "chuyenviena" work for unit A (de.unit), "motcuab" for unit B.
type officerEnv struct {
	*deskEnv
	unitB catalogue.Unit
	ids   map[string]int64
}

func newOfficerEnv(t *testing.T, s *store.Store) *officerEnv {
	t.Helper()
	de := newDeskEnv(t, s)
	oe := &officerEnv{deskEnv: de, ids: map[string]int64{}}
	oe.unitB = catalogue.Unit{SiteID: de.site.ID, Code: "PHB", Name: "UBND phường B", Kind: "commune"}
	if err := s.CreateUnit(ctx, &oe.unitB); err != nil {
		t.Fatal(err)
	}
	de.proc.Units = append(de.proc.Units, oe.unitB)
	if err := s.SaveProcedure(ctx, &de.proc); err != nil {
		t.Fatal(err)
	}
	for name, unit := range map[string]int64{"motcuaa": de.unit.ID, "chuyenviena": de.unit.ID, "motcuab": oe.unitB.ID} {
		de.addUser(t, name, auth.RoleOfficer)
		u, err := s.UserByName(ctx, de.site.ID, name)
		if err != nil {
			t.Fatal(err)
		}
		oe.ids[name] = u.ID
		if err := s.SetUserUnits(ctx, de.site.ID, u.ID, []int64{unit}); err != nil {
			t.Fatal(err)
		}
	}
	return oe
}

func (oe *officerEnv) as(t *testing.T, username string) *browser {
	t.Helper()
	b := oe.browser(t)
	b.login(username)
	return b
}

func (oe *officerEnv) byToken(t *testing.T, token string) dossier.Dossier {
	t.Helper()
	list, _, err := oe.st.DossierQueue(ctx, store.QueueFilter{SiteID: oe.site.ID, AllUnits: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range list {
		if d.Channel == dossier.Online {
			return d
		}
	}
	t.Fatal("no online dossier")
	return dossier.Dossier{}
}

func (oe *officerEnv) reload(t *testing.T, id int64) dossier.Dossier {
	t.Helper()
	d, err := oe.st.Dossier(ctx, oe.site.ID, id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func moveForm(d dossier.Dossier, action dossier.Action, extra ...string) url.Values {
	v := url.Values{"action": {string(action)}, "version": {fmt.Sprint(d.Version)}}
	for i := 0; i+1 < len(extra); i += 2 {
		v.Set(extra[i], extra[i+1])
	}
	return v
}

func (oe *officerEnv) counterDossierB(t *testing.T) dossier.Dossier {
	t.Helper()
	// A real appointment, as the desk computes it: now + 48 h may fall on a
	// weekend, and resuming after a supplement rightly moves such a date
	// back to the last working instant, which made TestDeskSupplement fail
	// at some hours of the week.
	due, err := calendar.New(dossier.Loc, calendar.DefaultOfficeHours(), nil).Due(time.Now(), 2, calendar.WorkingDays)
	if err != nil {
		t.Fatal(err)
	}
	d := dossier.Dossier{SiteID: oe.site.ID, ProcedureID: oe.proc.ID, UnitID: oe.unitB.ID, Channel: dossier.Counter,
		ApplicantName: "Hoàng Văn Khải", ApplicantIDNumber: "001088099999", ApplicantDOB: "1988-01-02", ApplicantPhone: "0987654321",
		ApplicantAddress: "Phường B", DueAt: due}
	if err := oe.st.CreateCounterDossier(ctx, &d, "x", []store.DossierFile{{Kind: "component", Name: "b.pdf", StoredName: "2026/01/none", Mime: "application/pdf", Size: 1, SHA256: "0"}}); err != nil {
		t.Fatal(err)
	}
	return d
}

// Officers see only their units' dossiers: in the queue, by URL, and for
// files; each refusal and each view is audited.
func TestDeskQueueScoping(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		oe := newOfficerEnv(t, s)
		oe.submit(t, oe.validForm())
		a := oe.byToken(t, "")
		b := oe.counterDossierB(t)

		ba := oe.as(t, "motcuaa")
		if r := ba.get("/quan-tri"); r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/quan-tri/ho-so" {
			t.Fatalf("an officer's dashboard: %d %q, want the dossier queue", r.code, r.hdr.Get("Location"))
		}
		q := ba.get("/quan-tri/ho-so")
		wantCode(t, "queue A", q, 200, a.Code, "Trần Thị Bích Ngọc", "Mới đăng ký (1)")
		if strings.Contains(q.body, b.Code) || strings.Contains(q.body, "Hoàng Văn Khải") {
			t.Fatal("unit B's dossier in unit A's queue")
		}
		wantCode(t, "search folded", ba.get("/quan-tri/ho-so?q=bich+ngoc"), 200, a.Code)
		if r := ba.get("/quan-tri/ho-so?q=" + url.QueryEscape(b.Code)); strings.Contains(r.body, "Hoàng Văn Khải") || !strings.Contains(r.body, "Không có hồ sơ nào") {
			t.Fatal("search reaches another unit")
		}
		wantCode(t, "by id number", ba.get("/quan-tri/ho-so?q=001190012345"), 200, a.Code)

		wantCode(t, "other unit by URL", ba.get(fmt.Sprintf("/quan-tri/ho-so/%d", b.ID)), 403, "thuộc đơn vị khác")
		files, _ := s.DossierFiles(ctx, b.ID)
		wantCode(t, "other unit's file", ba.get(fmt.Sprintf("/quan-tri/ho-so/%d/tep/%d", b.ID, files[0].ID)), 403)
		r := ba.post(fmt.Sprintf("/quan-tri/ho-so/%d/chuyen", b.ID), moveForm(b, dossier.ActStop, "note", "thử"))
		wantCode(t, "other unit's move", r, 403)
		if got := oe.reload(t, b.ID); got.Status != dossier.Received {
			t.Fatal("another unit's officer moved the dossier")
		}
		wantCode(t, "missing dossier", ba.get("/quan-tri/ho-so/999999"), 404)
		wantCode(t, "other unit's receipt", ba.get(fmt.Sprintf("/quan-tri/ho-so/%d/bien-nhan", b.ID)), 403)
		wantCode(t, "receipt before receipt", ba.get(fmt.Sprintf("/quan-tri/ho-so/%d/bien-nhan", a.ID)), 409, "chưa được tiếp nhận")

		// The admin sees both units; unit B's officer only B.
		admin := oe.adminBrowser(t)
		wantCode(t, "admin queue", admin.get("/quan-tri/ho-so"), 200, a.Code, b.Code)
		bb := oe.as(t, "motcuab")
		if r := bb.get("/quan-tri/ho-so"); !strings.Contains(r.body, b.Code) || strings.Contains(r.body, a.Code) {
			t.Fatal("unit B queue wrong")
		}
		// Other roles do not get in at all.
		oe.addUser(t, "bientap", auth.RoleEditor)
		wantCode(t, "editor", oe.as(t, "bientap").get("/quan-tri/ho-so"), 403)

		acts := auditActions(t, s, oe.site.ID)
		for _, want := range []string{",dossier.list,", ",dossier.denied,"} {
			if !strings.Contains(acts, want) {
				t.Errorf("audit lacks %s: %s", want, acts)
			}
		}
	})
}

// An online dossier taken from receipt to result returned through the
// officer pages, with the refusals on the way; the citizen's private page
// then says "Đã trả kết quả".
func TestDeskWorkflow(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		oe := newOfficerEnv(t, s)
		token := oe.submit(t, oe.validForm())
		d := oe.byToken(t, token)
		path := fmt.Sprintf("/quan-tri/ho-so/%d", d.ID)

		ba := oe.as(t, "motcuaa")
		page := ba.get(path)
		wantCode(t, "detail", page, 200, d.Code, "001190012345", "12/03/1990", "Tiếp nhận", "Từ chối tiếp nhận", "Hạn tiếp nhận (8 giờ làm việc)")
		if strings.Contains(page.body, `value="finish"`) {
			t.Fatal("finish offered on a new dossier")
		}
		// Reason required: 422, typed text kept, nothing changed.
		wantCode(t, "refuse without reason", ba.post(path+"/chuyen", moveForm(d, dossier.ActRefuse, "note", "  ")), 422, "Vui lòng nhập lý do")
		// Forbidden transition: 409 naming the current status.
		wantCode(t, "return from 1", ba.post(path+"/chuyen", moveForm(d, dossier.ActReturn)), 409, "Mới đăng ký")
		if got := oe.reload(t, d.ID); got.Status != dossier.New || got.Version != d.Version {
			t.Fatalf("refused moves changed the dossier: %+v", got)
		}

		before := time.Now()
		wantCode(t, "receive", ba.post(path+"/chuyen", moveForm(d, dossier.ActReceive)), 303)
		d2 := oe.reload(t, d.ID)
		cal := calendar.New(dossier.Loc, calendar.DefaultOfficeHours(), nil)
		lo, _ := cal.Due(before.Add(-time.Second), oe.proc.TimeAmount, calendar.WorkingDays)
		hi, _ := cal.Due(time.Now().Add(time.Second), oe.proc.TimeAmount, calendar.WorkingDays)
		if d2.Status != dossier.Received || d2.DueAt.Before(lo) || d2.DueAt.After(hi) || d2.RespondedAt.IsZero() {
			t.Fatalf("after receive: status %d due %v (want %v..%v)", d2.Status, d2.DueAt, lo, hi)
		}
		// A stale form (the old version) is a conflict, not a second move.
		wantCode(t, "stale receive", ba.post(path+"/chuyen", moveForm(d, dossier.ActReceive)), 409, "Được tiếp nhận")

		// No specialist chosen: 422, the typed note stays in its form.
		wantCode(t, "process without assignee", ba.post(path+"/chuyen", moveForm(d2, dossier.ActProcess, "note", "ghi chú giữ lại")), 422, "chọn chuyên viên", ">ghi chú giữ lại</textarea>")
		// Hand over to a specialist of another unit: refused.
		r := ba.post(path+"/chuyen", moveForm(d2, dossier.ActProcess, "assignee", fmt.Sprint(oe.ids["motcuab"])))
		wantCode(t, "assign outside unit", r, 422, "không thuộc đơn vị")
		wantCode(t, "process", ba.post(path+"/chuyen", moveForm(d2, dossier.ActProcess, "assignee", fmt.Sprint(oe.ids["chuyenviena"]))), 303)
		d3 := oe.reload(t, d.ID)
		// The desk officer is not the specialist: may not finish.
		ba.get(path)
		r = ba.postMultipart(path+"/chuyen", map[string]string{"action": "finish", "version": fmt.Sprint(d3.Version)}, []upFile{{"files", "kq.pdf", "application/pdf", minimalPDF}})
		wantCode(t, "desk finishes", r, 403)

		sp := oe.as(t, "chuyenviena")
		wantCode(t, "specialist page", sp.get(path), 200, "Đã xử lý xong", "Yêu cầu thực hiện nghĩa vụ tài chính")
		r = sp.postMultipart(path+"/chuyen", map[string]string{"action": "finish", "version": fmt.Sprint(d3.Version)}, nil)
		wantCode(t, "finish without result", r, 422, "tệp kết quả")
		r = sp.postMultipart(path+"/chuyen", map[string]string{"action": "finish", "version": fmt.Sprint(d3.Version)}, []upFile{{"files", "ket-qua.html", "application/pdf", []byte("<html><script>alert(1)</script></html>")}})
		wantCode(t, "finish with a disguised file", r, 422, "không đúng định dạng")
		r = sp.postMultipart(path+"/chuyen", map[string]string{"action": "finish", "version": fmt.Sprint(d3.Version)}, []upFile{{"files", "ket-qua.pdf", "application/pdf", minimalPDF}})
		wantCode(t, "finish", r, 303)
		d4 := oe.reload(t, d.ID)
		if d4.Status != dossier.Finished || d4.ResultFile == "" {
			t.Fatalf("after finish: %+v", d4)
		}
		files, _ := s.DossierFiles(ctx, d.ID)
		var result store.DossierFile
		for _, f := range files {
			if f.Kind == "result" {
				result = f
			}
		}
		dl := ba.get(fmt.Sprintf("%s/tep/%d", path, result.ID))
		wantCode(t, "download result", dl, 200)
		if dl.body != string(minimalPDF) || !strings.HasPrefix(dl.hdr.Get("Content-Disposition"), "attachment") || dl.hdr.Get("X-Content-Type-Options") != "nosniff" {
			t.Fatalf("download headers %v", dl.hdr)
		}
		wantCode(t, "return", ba.post(path+"/chuyen", moveForm(d4, dossier.ActReturn)), 303)
		if got := oe.reload(t, d.ID); got.Status != dossier.Returned {
			t.Fatalf("final status %d", got.Status)
		}
		hist := ba.get(path)
		wantCode(t, "history", hist, 200, "Nộp hồ sơ", "Chuyển xử lý", "Cán bộ chuyenviena", "Đã trả kết quả")
		if regexp.MustCompile(`<form method="post" action="/quan-tri/ho-so/\d+/chuyen"`).MatchString(hist.body) {
			t.Fatal("moves offered on a returned dossier")
		}
		wantCode(t, "citizen page", oe.fetch(t, "/ho-so-cua-toi/"+token), 200, "Đã trả kết quả")

		acts := auditActions(t, s, oe.site.ID)
		for _, want := range []string{",dossier.view,", ",dossier.receive,", ",dossier.process,", ",dossier.finish,", ",dossier.return,", ",dossier.file_download,"} {
			if !strings.Contains(acts, want) {
				t.Errorf("audit lacks %s", want)
			}
		}
		evs, _ := s.DossierEvents(ctx, d.ID)
		if len(evs) != 5 {
			t.Fatalf("%d events", len(evs))
		}
	})
}

// Supplement at the desk: the clock pauses and the second request is noted.
func TestDeskSupplement(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		oe := newOfficerEnv(t, s)
		b := oe.counterDossierB(t)
		path := fmt.Sprintf("/quan-tri/ho-so/%d", b.ID)
		bb := oe.as(t, "motcuab")
		bb.get(path)
		wantCode(t, "supplement without reason", bb.post(path+"/chuyen", moveForm(b, dossier.ActRequestSupplement)), 422)
		wantCode(t, "supplement", bb.post(path+"/chuyen", moveForm(b, dossier.ActRequestSupplement, "note", "Thiếu bản sao sổ hộ khẩu")), 303)
		b2 := oe.reload(t, b.ID)
		if b2.Status != dossier.Supplement || b2.PausedAt.IsZero() || b2.SupplementCount != 1 {
			t.Fatalf("after request: %+v", b2)
		}
		bb.get(path)
		big := append(append([]byte{}, minimalPDF...), make([]byte, 11<<20)...)
		r := bb.postMultipart(path+"/chuyen", map[string]string{"action": "supplemented", "version": fmt.Sprint(b2.Version)}, []upFile{{"files", "quet.pdf", "application/pdf", big}})
		wantCode(t, "oversized supplement", r, 413, "quá lớn")
		if got := oe.reload(t, b.ID); got.Status != dossier.Supplement {
			t.Fatal("refused upload moved the dossier")
		}
		r = bb.postMultipart(path+"/chuyen", map[string]string{"action": "supplemented", "version": fmt.Sprint(b2.Version)}, []upFile{{"files", "so-ho-khau.png", "image/png", tinyPNG}})
		wantCode(t, "supplemented", r, 303)
		b3 := oe.reload(t, b.ID)
		if b3.Status != dossier.Received || !b3.PausedAt.IsZero() || b3.DueAt.Before(b2.DueAt) {
			t.Fatalf("after supplement: %+v", b3)
		}
		files, _ := s.DossierFiles(ctx, b.ID)
		if len(files) != 2 || files[1].Kind != "supplement" {
			t.Fatalf("files %+v", files)
		}
		wantCode(t, "detail", bb.get(path), 200, "Thiếu bản sao sổ hộ khẩu", "Số lần yêu cầu bổ sung")
	})
}

func TestDeskCounterEntry(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		oe := newOfficerEnv(t, s)
		ba := oe.as(t, "motcuaa")
		wantCode(t, "step 1", ba.get("/quan-tri/ho-so/moi"), 200, "Chọn thủ tục", oe.proc.Name)
		form := ba.get(fmt.Sprintf("/quan-tri/ho-so/moi?thu-tuc=%d", oe.proc.ID))
		wantCode(t, "step 2", form, 200, "Tờ khai cấp bản sao trích lục", oe.unit.Name)
		if strings.Contains(form.body, oe.unitB.Name) {
			t.Fatal("unit B offered to unit A's officer")
		}
		fields := map[string]string{"procedure": fmt.Sprint(oe.proc.ID), "channel": "3", "unit": fmt.Sprint(oe.unit.ID),
			"name": "Vũ Thị Lan", "id_number": "12345", "dob": "01/02/1985", "phone": "0912345678", "address": "Số 1, thôn Tây, xã Thử Nghiệm"}
		r := ba.postMultipart("/quan-tri/ho-so/moi", fields, nil)
		wantCode(t, "bad id number", r, 422, "Vũ Thị Lan", "Số 1, thôn Tây")
		fields["id_number"] = "001185012345"
		fields["unit"] = fmt.Sprint(oe.unitB.ID)
		wantCode(t, "other unit", ba.postMultipart("/quan-tri/ho-so/moi", fields, nil), 422, "đơn vị giải quyết")
		fields["unit"] = fmt.Sprint(oe.unit.ID)
		r = ba.postMultipart("/quan-tri/ho-so/moi", fields, []upFile{{fmt.Sprintf("file_%d", oe.proc.Components[0].ID), "to-khai.pdf", "application/pdf", minimalPDF}})
		wantCode(t, "create", r, 303)
		loc := r.hdr.Get("Location")
		if !strings.HasSuffix(loc, "?tb=moi") {
			t.Fatalf("redirect %q", loc)
		}
		list, _, _ := s.DossierQueue(ctx, store.QueueFilter{SiteID: oe.site.ID, AllUnits: true})
		if len(list) != 1 {
			t.Fatalf("%d dossiers", len(list))
		}
		d := list[0]
		today := time.Now().In(dossier.Loc).Format("060102")
		if d.Status != dossier.Received || d.Channel != dossier.Post || !strings.HasPrefix(d.Code, "UBXA-"+today+"-") || d.DueAt.IsZero() || d.ApplicantDOB != "1985-02-01" {
			t.Fatalf("counter dossier %+v", d)
		}
		wantCode(t, "page", ba.get(loc), 200, d.Code, "Đã tiếp nhận hồ sơ", "Bưu chính", "to-khai.pdf")
		due := d.DueAt.In(dossier.Loc)
		wantCode(t, "receipt", ba.get(fmt.Sprintf("/quan-tri/ho-so/%d/bien-nhan", d.ID)), 200, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", d.Code,
			"Vũ Thị Lan", "Tờ khai cấp bản sao trích lục", fmt.Sprintf("%02d giờ %02d phút, ngày %s", due.Hour(), due.Minute(), due.Format("02/01/2006")),
			"<svg", "/tra-cuu?ma="+d.Code, "Cán bộ motcuaa", fmt.Sprintf(`href="/quan-tri/ho-so/%d/mau/01"`, d.ID))
		if !strings.Contains(auditActions(t, s, oe.site.ID), ",dossier.receipt,") {
			t.Error("receipt not audited")
		}
	})
}

func TestDeskOfficerUnits(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		oe := newOfficerEnv(t, s)
		ba := oe.as(t, "motcuaa")
		wantCode(t, "officer page by officer", ba.get("/quan-tri/ho-so/can-bo"), 403)
		wantCode(t, "officer post by officer", ba.post("/quan-tri/ho-so/can-bo", url.Values{"user": {fmt.Sprint(oe.ids["motcuaa"])}, "unit": {fmt.Sprint(oe.unitB.ID)}}), 403)
		admin := oe.adminBrowser(t)
		wantCode(t, "officer page", admin.get("/quan-tri/ho-so/can-bo"), 200, "Cán bộ motcuaa", oe.unitB.Name)
		r := admin.post("/quan-tri/ho-so/can-bo", url.Values{"user": {fmt.Sprint(oe.ids["motcuaa"])}, "unit": {fmt.Sprint(oe.unit.ID), fmt.Sprint(oe.unitB.ID)}})
		wantCode(t, "save units", r, 303)
		ids, _ := s.UserUnitIDs(ctx, oe.ids["motcuaa"])
		if len(ids) != 2 {
			t.Fatalf("units %v", ids)
		}
		oe.addUser(t, "bientap", auth.RoleEditor)
		ed, _ := s.UserByName(ctx, oe.site.ID, "bientap")
		wantCode(t, "editor gets no units", admin.post("/quan-tri/ho-so/can-bo", url.Values{"user": {fmt.Sprint(ed.ID)}, "unit": {fmt.Sprint(oe.unit.ID)}}), 422)
		if !strings.Contains(auditActions(t, s, oe.site.ID), ",user.units,") {
			t.Fatal("unit assignment not audited")
		}
	})
}

// Receiving uses the site's calendar with the admins' edits: with today and
// the next three weekdays declared holidays, the appointment is computed
// from that calendar and lands on none of them.
func TestDeskAppointmentUsesSiteCalendar(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		oe := newOfficerEnv(t, s)
		token := oe.submit(t, oe.validForm())
		d := oe.byToken(t, token)
		today := calendar.DayOf(time.Now(), dossier.Loc)
		off := map[calendar.Day]bool{today: true}
		var entries []calendar.Entry
		entries = append(entries, calendar.Entry{Day: today, Kind: calendar.KindHoliday, Name: "Nghỉ thử nghiệm"})
		for day := today.AddDays(1); len(off) < 4; day = day.AddDays(1) {
			if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
				continue
			}
			off[day] = true
			entries = append(entries, calendar.Entry{Day: day, Kind: calendar.KindHoliday, Name: "Nghỉ thử nghiệm"})
		}
		if err := s.PutCalendarDays(ctx, oe.site.ID, entries); err != nil {
			t.Fatal(err)
		}
		ba := oe.as(t, "motcuaa")
		path := fmt.Sprintf("/quan-tri/ho-so/%d", d.ID)
		ba.get(path)
		wantCode(t, "receive", ba.post(path+"/chuyen", moveForm(d, dossier.ActReceive)), 303)
		got := oe.reload(t, d.ID)
		data, err := s.CalendarData(ctx, oe.site.ID)
		if err != nil {
			t.Fatal(err)
		}
		want, err := data.Calendar(dossier.Loc).Due(got.ReceivedAt, oe.proc.TimeAmount, calendar.WorkingDays)
		if err != nil || !got.DueAt.Equal(want) {
			t.Fatalf("due %v, want %v (%v)", got.DueAt, want, err)
		}
		if off[calendar.DayOf(got.DueAt, dossier.Loc)] {
			t.Fatalf("appointment %v on a declared holiday", got.DueAt.In(dossier.Loc))
		}
		plain, _ := calendar.New(dossier.Loc, calendar.DefaultOfficeHours(), nil).Due(got.ReceivedAt, oe.proc.TimeAmount, calendar.WorkingDays)
		if plain.Equal(got.DueAt) {
			t.Fatal("the default calendar gives the same date: the site's holidays were not used")
		}
		wantCode(t, "page shows the appointment", ba.get(path), 200, got.DueAt.In(dossier.Loc).Format("02/01/2006 15:04"))
	})
}
