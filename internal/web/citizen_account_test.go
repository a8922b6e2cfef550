package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/mail"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// lastCitizenCode is the sign-in code last queued for the address.
func lastCitizenCode(t *testing.T, s *store.Store, siteID int64, email string) string {
	t.Helper()
	items, _, err := s.Outbox(ctx, store.OutboxFilter{SiteID: siteID})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items { // newest first
		if it.Kind == mail.CitizenCode && it.To == email {
			var d mail.Data
			if err := json.Unmarshal([]byte(it.Data), &d); err != nil {
				t.Fatal(err)
			}
			return d.Token
		}
	}
	t.Fatalf("no sign-in code queued for %s", email)
	return ""
}

// citizenSignIn signs the browser in with a code mailed to email.
func citizenSignIn(t *testing.T, de *deskEnv, b *browser, email string) {
	t.Helper()
	if r := b.post("/cong-dan/dang-nhap", url.Values{"email": {email}}); r.code != 200 || !strings.Contains(r.body, "Đã gửi mã đăng nhập") {
		t.Fatalf("asking for a code: %d %s", r.code, r.body)
	}
	code := lastCitizenCode(t, de.st, de.site.ID, email)
	r := b.post("/cong-dan/dang-nhap/ma", url.Values{"email": {email}, "ma": {code}, "tiep": {"/cong-dan/ho-so"}})
	if r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/cong-dan/ho-so" {
		t.Fatalf("signing in: %d %s", r.code, regexp.MustCompile(`(?s)<main.*</main>`).FindString(r.body))
	}
	if r := b.get("/cong-dan/ho-so"); r.code != 200 || !strings.Contains(r.body, "Hồ sơ của tôi") {
		t.Fatalf("account page: %d", r.code)
	}
}

// citizenSubmit submits the desk's procedure as the browser (signed in or
// not) and returns the redirect.
func citizenSubmit(t *testing.T, de *deskEnv, b *browser, fields map[string]string, files []upFile) resp {
	t.Helper()
	b.get("/nop-ho-so/" + de.proc.Slug)
	return b.postMultipart("/nop-ho-so/"+de.proc.Slug, fields, files)
}

// The one-time code: bound to the address, five wrong tries kill it, a
// fresh one works once; sessions have their own cookie and end on one or
// every device.
func TestCitizenCodeSignIn(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		b := de.browser(t)
		if r := b.get("/cong-dan/ho-so"); r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/cong-dan/dang-nhap?tiep=%2Fcong-dan%2Fho-so" {
			t.Fatalf("anonymous account page: %d %q", r.code, r.hdr.Get("Location"))
		}
		if r := b.post("/cong-dan/dang-nhap", url.Values{"email": {"khong-phai-thu"}}); r.code != 422 || !strings.Contains(r.body, "Địa chỉ thư điện tử không hợp lệ") {
			t.Fatalf("bad address: %d", r.code)
		}
		const email = "ngoc.tran@gmail.com"
		if r := b.post("/cong-dan/dang-nhap", url.Values{"email": {"Ngoc.Tran@Gmail.com"}}); r.code != 200 {
			t.Fatalf("code: %d %s", r.code, r.body)
		}
		code := lastCitizenCode(t, s, de.site.ID, email)
		var hash string
		if err := s.DB().QueryRow(`SELECT code_hash FROM citizen_codes`).Scan(&hash); err != nil || strings.Contains(hash, code) {
			t.Fatalf("code kept in clear: %q %v", hash, err)
		}
		// Bound to the address: the right code for another address fails.
		if r := b.post("/cong-dan/dang-nhap/ma", url.Values{"email": {"khac@gmail.com"}, "ma": {code}}); r.code != 422 || !strings.Contains(r.body, "Chưa có mã") {
			t.Fatalf("code for another address: %d", r.code)
		}
		wrong := fmt.Sprintf("%06d", (atoi(code)+1)%1000000)
		for i := 1; i <= 4; i++ {
			r := b.post("/cong-dan/dang-nhap/ma", url.Values{"email": {email}, "ma": {wrong}})
			if r.code != 422 || !strings.Contains(r.body, fmt.Sprintf("Bạn còn %d lần thử", 5-i)) {
				t.Fatalf("wrong try %d: %d", i, r.code)
			}
		}
		if r := b.post("/cong-dan/dang-nhap/ma", url.Values{"email": {email}, "ma": {wrong}}); r.code != 422 || !strings.Contains(r.body, "quá 5 lần") {
			t.Fatalf("fifth wrong try: %d", r.code)
		}
		if r := b.post("/cong-dan/dang-nhap/ma", url.Values{"email": {email}, "ma": {code}}); r.code != 422 || !strings.Contains(r.body, "Chưa có mã") {
			t.Fatalf("the right code after five wrong ones must be dead: %d", r.code)
		}
		citizenSignIn(t, de, b, email)
		// The code worked once.
		if r := b.post("/cong-dan/dang-nhap/ma", url.Values{"email": {email}, "ma": {lastCitizenCode(t, s, de.site.ID, email)}}); r.code != 422 {
			t.Fatalf("code replayed: %d", r.code)
		}
		var n int
		s.DB().QueryRow(`SELECT COUNT(*) FROM citizens`).Scan(&n)
		if n != 1 {
			t.Fatalf("%d accounts", n)
		}
		// Not a staff session: the admin stays closed.
		if r := b.get("/quan-tri"); r.code != http.StatusSeeOther || !strings.HasPrefix(r.hdr.Get("Location"), "/dang-nhap") {
			t.Fatalf("citizen reached the admin: %d", r.code)
		}
		// A form without the session's CSRF token is refused.
		if r := b.post("/cong-dan/dang-xuat", url.Values{"csrf": {"gia-mao"}}); r.code != 403 {
			t.Fatalf("sign-out without CSRF: %d", r.code)
		}
		// Two devices; "sign out everywhere" ends both.
		b2 := de.browser(t)
		clearRateHits(t, s)
		citizenSignIn(t, de, b2, email)
		b.get("/cong-dan/ho-so")
		if r := b.post("/cong-dan/dang-xuat-tat-ca", nil); r.code != http.StatusSeeOther {
			t.Fatalf("sign out everywhere: %d", r.code)
		}
		if r := b2.get("/cong-dan/ho-so"); r.code != http.StatusSeeOther {
			t.Fatalf("other device still signed in: %d", r.code)
		}
		// One mailbox gets at most 5 codes an hour, whoever asks.
		clearRateHits(t, s)
		for i := 1; i <= 6; i++ {
			r := b.post("/cong-dan/dang-nhap", url.Values{"email": {"hop-thu@gmail.com"}})
			if want := map[bool]int{true: 200, false: 429}[i <= 5]; r.code != want || (want == 429 && r.hdr.Get("Retry-After") == "") {
				t.Fatalf("code %d for one address: %d", i, r.code)
			}
		}
	})
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

var accountCodeRE = regexp.MustCompile(`href="/cong-dan/ho-so/(UBXA-\d{6}-\d{4})"`)

// Signed in: the form is filled, the dossier lands in "Hồ sơ của tôi",
// its papers in the data store; a paper is reused with a click (the
// officer sees it), a deleted one gives a clear message and nothing is
// lost; supplement after the officer asks, from the account; an older
// dossier is claimed with its private link.
func TestCitizenDossiersAndPapers(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		oe := newOfficerEnv(t, s)
		de := oe.deskEnv
		b := de.browser(t)
		citizenSignIn(t, de, b, "ngoc.tran@gmail.com")
		if r := b.get("/nop-ho-so/" + de.proc.Slug); r.code != 200 || !strings.Contains(r.body, "ngoc.tran@gmail.com") || strings.Contains(r.body, "reuse_") {
			t.Fatalf("first form: %d", r.code)
		}
		f := de.validForm()
		f["email"] = "ngoc.tran@gmail.com"
		r := citizenSubmit(t, de, b, f, de.validFiles())
		if r.code != http.StatusSeeOther {
			t.Fatalf("submit: %d %s", r.code, r.body)
		}
		list := b.get("/cong-dan/ho-so")
		m := accountCodeRE.FindStringSubmatch(list.body)
		if m == nil || !strings.Contains(list.body, "Mới đăng ký") {
			t.Fatalf("the dossier is not in the account:\n%s", list.body)
		}
		code1 := m[1]
		// Filled for them: the second form starts from what was typed.
		form := b.get("/nop-ho-so/" + de.proc.Slug)
		for _, want := range []string{`value="Trần Thị Bích Ngọc"`, `value="001190012345"`, `value="12/03/1990"`, `value="Số 5, thôn Đông, xã Thử Nghiệm"`, "reuse_"} {
			if !strings.Contains(form.body, want) {
				t.Errorf("second form lacks %s", want)
			}
		}
		papers, err := s.CitizenPapers(ctx, de.site.ID, citizenID(t, s, "ngoc.tran@gmail.com"))
		if err != nil || len(papers) != 2 {
			t.Fatalf("papers: %d %v", len(papers), err)
		}
		var tokhai store.Paper
		for _, p := range papers {
			if p.Name == "to-khai.pdf" {
				tokhai = p
			}
		}
		if tokhai.Label != de.proc.Components[0].Name {
			t.Fatalf("paper label %q", tokhai.Label)
		}
		// Reuse the declaration: no file sent for it.
		f2 := de.validForm()
		f2["key"] = "khoa-thu-nghiem-0000000002"
		f2[fmt.Sprintf("reuse_%d", de.proc.Components[0].ID)] = fmt.Sprint(tokhai.ID)
		if r := citizenSubmit(t, de, b, f2, nil); r.code != http.StatusSeeOther {
			t.Fatalf("submit with a reused paper: %d %s", r.code, r.body)
		}
		all := accountCodeRE.FindAllStringSubmatch(b.get("/cong-dan/ho-so").body, -1)
		if len(all) != 2 {
			t.Fatalf("%d dossiers in the account", len(all))
		}
		d2, err := s.DossierByCode(ctx, de.site.ID, all[0][1])
		if err != nil {
			t.Fatal(err)
		}
		files, _ := s.DossierFiles(ctx, d2.ID)
		if len(files) != 1 || !files[0].Reused || files[0].Name != "to-khai.pdf" || files[0].SHA256 != tokhai.SHA256 || files[0].StoredName == tokhai.StoredName {
			t.Fatalf("reused file: %+v", files)
		}
		officer := oe.as(t, "motcuaa")
		if r := officer.get(fmt.Sprint("/quan-tri/ho-so/", d2.ID)); !strings.Contains(r.body, "tái sử dụng") {
			t.Fatalf("the officer does not see the reuse: %d", r.code)
		}
		// The reused paper is not added to the store a second time.
		if p, _ := s.CitizenPapers(ctx, de.site.ID, citizenID(t, s, "ngoc.tran@gmail.com")); len(p) != 2 {
			t.Fatalf("%d papers after reuse", len(p))
		}
		// Deleted meanwhile: a clear message, the typed fields kept.
		pp := b.get("/cong-dan/kho-du-lieu")
		if !strings.Contains(pp.body, "to-khai.pdf") {
			t.Fatal("data store page lacks the paper")
		}
		if r := b.post(fmt.Sprintf("/cong-dan/kho-du-lieu/%d/xoa", tokhai.ID), nil); r.code != http.StatusSeeOther {
			t.Fatalf("delete paper: %d", r.code)
		}
		if r := b.get(fmt.Sprintf("/cong-dan/kho-du-lieu/%d", tokhai.ID)); r.code != 404 {
			t.Fatalf("deleted paper still served: %d", r.code)
		}
		// The first dossier keeps its file.
		d1, _ := s.DossierByCode(ctx, de.site.ID, code1)
		if fs1, _ := s.DossierFiles(ctx, d1.ID); len(fs1) != 2 {
			t.Fatalf("first dossier lost files: %d", len(fs1))
		}
		f3 := de.validForm()
		f3["key"] = "khoa-thu-nghiem-0000000003"
		f3["address"] = "Địa chỉ mới vừa gõ"
		f3[fmt.Sprintf("reuse_%d", de.proc.Components[0].ID)] = fmt.Sprint(tokhai.ID)
		r = citizenSubmit(t, de, b, f3, nil)
		if r.code != 422 || !strings.Contains(r.body, "không còn (có thể vừa bị xóa)") || !strings.Contains(r.body, "Địa chỉ mới vừa gõ") {
			t.Fatalf("reusing a deleted paper: %d %s", r.code, r.body)
		}
		// Supplement from the account after the officer asks.
		setStatusOf(t, s, d1.ID, 5, 2, "Bổ sung bản sao CCCD")
		page := b.get("/cong-dan/ho-so/" + code1)
		if page.code != 200 || !strings.Contains(page.body, "Bổ sung bản sao CCCD") || !strings.Contains(page.body, `action="/cong-dan/ho-so/`+code1+`/bo-sung"`) {
			t.Fatalf("account dossier page: %d", page.code)
		}
		if !strings.Contains(b.get("/cong-dan/ho-so").body, "Cần nộp bổ sung hồ sơ") {
			t.Fatal("the list does not say what is asked")
		}
		d1, _ = s.DossierByCode(ctx, de.site.ID, code1)
		sup := []upFile{{"files", "cccd.pdf", "application/pdf", minimalPDF}}
		if r := b.postMultipart("/cong-dan/ho-so/"+code1+"/bo-sung", map[string]string{"version": fmt.Sprint(d1.Version), "csrf": "sai"}, sup); r.code != 403 {
			t.Fatalf("supplement without the session's CSRF: %d", r.code)
		}
		if r := b.postMultipart("/cong-dan/ho-so/"+code1+"/bo-sung", map[string]string{"version": fmt.Sprint(d1.Version)}, sup); r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/cong-dan/ho-so/"+code1+"?tb=bo-sung" {
			t.Fatalf("supplement: %d %s", r.code, r.body)
		}
		if d1, _ = s.DossierByCode(ctx, de.site.ID, code1); d1.Status != dossier.Received {
			t.Fatalf("after supplement: %v", d1.Status)
		}
		// An older dossier, submitted without signing in, claimed with its
		// private link.
		anon := de.browser(t)
		f4 := de.validForm()
		f4["key"] = "khoa-thu-nghiem-0000000004"
		r = citizenSubmit(t, de, anon, f4, de.validFiles())
		token := strings.TrimSuffix(strings.TrimPrefix(r.hdr.Get("Location"), "/ho-so-cua-toi/"), "/bien-nhan")
		if len(token) != 22 {
			t.Fatalf("anonymous submit: %d %q", r.code, r.hdr.Get("Location"))
		}
		if r := anon.get("/ho-so-cua-toi/" + token); !strings.Contains(r.body, "Đăng nhập tài khoản công dân") {
			t.Fatal("the private page does not offer signing in")
		}
		if r := b.get("/ho-so-cua-toi/" + token); !strings.Contains(r.body, "Thêm hồ sơ vào tài khoản") {
			t.Fatal("the private page does not offer claiming")
		}
		if r := b.post("/ho-so-cua-toi/"+token+"/them-vao-tai-khoan", nil); r.code != http.StatusSeeOther {
			t.Fatalf("claim: %d %s", r.code, r.body)
		}
		if n := len(accountCodeRE.FindAllString(b.get("/cong-dan/ho-so").body, -1)); n != 3 {
			t.Fatalf("%d dossiers after claiming", n)
		}
		// Another citizen cannot take it over.
		other := de.browser(t)
		clearRateHits(t, s)
		citizenSignIn(t, de, other, "nguoi.khac@gmail.com")
		other.get("/ho-so-cua-toi/" + token)
		if r := other.post("/ho-so-cua-toi/"+token+"/them-vao-tai-khoan", nil); r.code != http.StatusConflict || !strings.Contains(r.body, "đã thuộc một tài khoản công dân khác") {
			t.Fatalf("second claim: %d", r.code)
		}
	})
}

func citizenID(t *testing.T, s *store.Store, email string) int64 {
	t.Helper()
	var id int64
	q := `SELECT id FROM citizens WHERE email = ?`
	if s.Dialect() == store.Postgres {
		q = `SELECT id FROM citizens WHERE email = $1`
	}
	if err := s.DB().QueryRow(q, email).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// setStatusOf is setStatus for one dossier.
func setStatusOf(t *testing.T, s *store.Store, id int64, status, prev int, note string) {
	t.Helper()
	q := `UPDATE dossiers SET status = ?, prev_status = ?, paused_at = CURRENT_TIMESTAMP, received_at = CURRENT_TIMESTAMP, version = version + 1 WHERE id = ?`
	ins := `INSERT INTO dossier_events (dossier_id, at, actor_label, from_status, to_status, action, note) VALUES (?, CURRENT_TIMESTAMP, 'Cán bộ', ?, ?, 'request_supplement', ?)`
	if s.Dialect() == store.Postgres {
		q = `UPDATE dossiers SET status = $1, prev_status = $2, paused_at = CURRENT_TIMESTAMP, received_at = CURRENT_TIMESTAMP, version = version + 1 WHERE id = $3`
		ins = `INSERT INTO dossier_events (dossier_id, at, actor_label, from_status, to_status, action, note) VALUES ($1, CURRENT_TIMESTAMP, 'Cán bộ', $2, $3, 'request_supplement', $4)`
	}
	if _, err := s.DB().Exec(q, status, prev, id); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(ins, id, prev, status, note); err != nil {
		t.Fatal(err)
	}
}
