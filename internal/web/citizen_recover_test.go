package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/mail"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func (de *deskEnv) recoverLink(t *testing.T, code, contact string) resp {
	t.Helper()
	req, _ := http.NewRequest("POST", de.http.URL+"/ho-so-cua-toi", strings.NewReader(url.Values{"ma": {code}, "lien-he": {contact}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return de.send(t, req)
}

// linkMails returns the tokens of the private-link mails queued for the
// dossier, oldest first, with their recipients.
func linkMails(t *testing.T, s *store.Store, siteID, dossierID int64) (tokens, to []string) {
	t.Helper()
	items, _, err := s.Outbox(ctx, store.OutboxFilter{SiteID: siteID, DossierID: dossierID})
	if err != nil {
		t.Fatal(err)
	}
	for i := len(items) - 1; i >= 0; i-- {
		if items[i].Kind != mail.PrivateLink {
			continue
		}
		var d mail.Data
		if err := json.Unmarshal([]byte(items[i].Data), &d); err != nil {
			t.Fatal(err)
		}
		tokens, to = append(tokens, d.Token), append(to, items[i].To)
	}
	return tokens, to
}

func clearRateHits(t *testing.T, s *store.Store) {
	t.Helper()
	if _, err := s.DB().Exec(`DELETE FROM rate_hits`); err != nil {
		t.Fatal(err)
	}
}

// Issue 12, finding 1: a dossier code plus the last four phone digits
// opened the whole private dossier. Now nothing reachable with a code and
// a short secret shows personal data: the form only sends a fresh link to
// the email on file, and answers the same whatever was typed.
func TestFindNoLongerShowsPersonalData(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		first := de.submit(t, de.validForm())
		var code string
		var id int64
		s.DB().QueryRow(`SELECT code, id FROM dossiers`).Scan(&code, &id)
		// The old request: code + last four digits of the phone.
		req, _ := http.NewRequest("POST", de.http.URL+"/ho-so-cua-toi", strings.NewReader(url.Values{"ma": {code}, "sdt": {"5678"}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		old := de.send(t, req)
		for _, secret := range []string{"Trần Thị Bích Ngọc", "001190012345", "0912345678", "ngoc@example.vn", "thôn Đông", "12/03/1990"} {
			if strings.Contains(old.body, secret) {
				t.Fatalf("code + 4 digits shows %q (status %d)", secret, old.code)
			}
		}
		form := de.fetch(t, "/ho-so-cua-toi")
		mustContain(t, form, "Lấy lại đường dẫn riêng", "thư điện tử hoặc số điện thoại", "bộ phận một cửa")
		if strings.Contains(form.body, "4 số cuối") {
			t.Error("the form still asks for four digits")
		}

		// Right email, wrong contact, unknown code: one answer.
		right := de.recoverLink(t, code, "Ngoc@Example.vn")
		wrong := de.recoverLink(t, code, "5678")
		unknown := de.recoverLink(t, "UBXA-000000-0001", "ngoc@example.vn")
		for name, r := range map[string]resp{"right": right, "wrong": wrong, "unknown": unknown} {
			if r.code != 200 || !strings.Contains(r.body, "Nếu thông tin khớp với hồ sơ, đường dẫn riêng mới đã được gửi tới thư điện tử đã đăng ký") {
				t.Fatalf("%s: %d", name, r.code)
			}
			if strings.Contains(r.body, "Trần Thị Bích Ngọc") || strings.Contains(r.body, "/ho-so-cua-toi/") && !strings.Contains(r.body, "/ho-so-cua-toi/…") {
				t.Fatalf("%s answer leaks the dossier", name)
			}
		}
		if strings.ReplaceAll(right.body, code, "") != strings.ReplaceAll(wrong.body, code, "") ||
			strings.ReplaceAll(wrong.body, code, "") != strings.ReplaceAll(unknown.body, "UBXA-000000-0001", "") {
			t.Error("the answers differ with the outcome")
		}
		// Only the right one queued a mail, to the address on file; its
		// link replaces the old one.
		tokens, to := linkMails(t, s, de.site.ID, id)
		if len(tokens) != 1 || to[0] != "ngoc@example.vn" || len(tokens[0]) != 22 {
			t.Fatalf("mails %v %v", tokens, to)
		}
		mustContain(t, de.fetch(t, "/ho-so-cua-toi/"+tokens[0]), "Trần Thị Bích Ngọc")
		if r := de.fetch(t, "/ho-so-cua-toi/"+first); r.code != 404 {
			t.Fatalf("the old link still works: %d", r.code)
		}
		wantCode(t, "empty contact", de.recoverLink(t, code, ""), 422, "thư điện tử hoặc số điện thoại")
	})
}

// A per-code budget: after dossier.RecoveryBudget wrong contacts the code
// is locked, whatever the addresses used, until an officer of the unit
// resets it (audited).
func TestRecoveryBudgetAndOfficerReset(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		oe := newOfficerEnv(t, s)
		oe.submit(t, oe.validForm())
		d := oe.byToken(t, "")
		for i := 0; i < dossier.RecoveryBudget; i++ {
			wantCode(t, "wrong", oe.recoverLink(t, d.Code, fmt.Sprintf("09%08d", i)), 200)
		}
		wantCode(t, "right after the budget", oe.recoverLink(t, d.Code, "0912345678"), 200, "Nếu thông tin khớp")
		if tokens, _ := linkMails(t, s, oe.site.ID, d.ID); len(tokens) != 0 {
			t.Fatalf("a locked code mailed %d links", len(tokens))
		}
		ba := oe.as(t, "motcuaa")
		path := "/quan-tri/ho-so/" + strconv.FormatInt(d.ID, 10)
		page := ba.get(path)
		wantCode(t, "officer page", page, 200, "đã bị khóa", "Mở khóa lấy lại đường dẫn", "001190012345")
		// An officer of another unit cannot reset it.
		bb := oe.as(t, "motcuab")
		wantCode(t, "other unit", bb.post(path+"/mo-khoa-lay-lai", url.Values{}), 403)
		wantCode(t, "reset", ba.post(path+"/mo-khoa-lay-lai", url.Values{}), 303)
		if !strings.Contains(auditActions(t, s, oe.site.ID), ",dossier.recovery_reset,") {
			t.Fatal("reset not audited")
		}
		if strings.Contains(ba.get(path).body, "Mở khóa lấy lại đường dẫn") {
			t.Fatal("still locked after the reset")
		}
		clearRateHits(t, s)
		wantCode(t, "after reset", oe.recoverLink(t, d.Code, "0912 345 678"), 200)
		if tokens, _ := linkMails(t, s, oe.site.ID, d.ID); len(tokens) != 1 {
			t.Fatalf("after reset %d mails", len(tokens))
		}
	})
}

// The recovery and submission limits live in the database: two instances
// share one budget per client, and the refusal is a 429 with Retry-After
// in Vietnamese.
func TestRecoveryAndSubmitLimitsAcrossInstances(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		other := newDeskServer(t, s, de.site.ID, de.counter, de.dataDir)
		a := de.srv
		for i := 0; i < 10; i++ {
			// Alternate instances: behind a load balancer.
			if i%2 == 1 {
				de.http.Config.Handler = other
			} else {
				de.http.Config.Handler = a
			}
			wantCode(t, "try", de.recoverLink(t, "UBXA-000000-0001", "0900000000"), 200)
		}
		r := de.recoverLink(t, "UBXA-000000-0001", "0900000000")
		wantCode(t, "11th", r, 429, "quá nhiều yêu cầu", "phút")
		if ra, err := strconv.Atoi(r.hdr.Get("Retry-After")); err != nil || ra < 1 || ra > 3600 {
			t.Fatalf("Retry-After %q", r.hdr.Get("Retry-After"))
		}

		// Submission: a client that used up its minute gets 429 before
		// anything is read or stored.
		now := time.Now()
		for _, at := range []time.Time{now, now.Add(time.Minute)} {
			for range 60 {
				if _, _, err := s.ReserveHit(ctx, "submit", "127.0.0.1", time.Minute, at); err != nil {
					t.Fatal(err)
				}
			}
		}
		sub := de.post(t, "/nop-ho-so/"+de.proc.Slug, de.validForm(), de.validFiles(), nil)
		wantCode(t, "submit over the limit", sub, 429, "quá nhiều yêu cầu")
		if sub.hdr.Get("Retry-After") == "" || countRows(t, s, "dossiers") != 0 {
			t.Fatalf("Retry-After %q, %d dossiers", sub.hdr.Get("Retry-After"), countRows(t, s, "dossiers"))
		}
	})
}

// An idempotency-key replay returns the same dossier and never a fresh
// private link: the first link keeps working and the replay's opens
// nothing.
func TestSubmitReplayIssuesNoNewLink(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		f := de.validForm()
		t1 := de.submit(t, f)
		var hash string
		s.DB().QueryRow(`SELECT private_token_hash FROM dossiers`).Scan(&hash)
		r := de.post(t, "/nop-ho-so/"+de.proc.Slug, f, de.validFiles(), nil)
		if r.code != http.StatusSeeOther || countRows(t, s, "dossiers") != 1 {
			t.Fatalf("replay %d", r.code)
		}
		var after string
		s.DB().QueryRow(`SELECT private_token_hash FROM dossiers`).Scan(&after)
		if after != hash {
			t.Fatal("the replay replaced the private link")
		}
		if r := de.fetch(t, "/ho-so-cua-toi/"+t1); r.code != 200 {
			t.Fatalf("first link after the replay: %d", r.code)
		}
		loc := r.hdr.Get("Location")
		if got := de.fetch(t, loc); got.code != 200 || !strings.Contains(got.body, "đã được nộp thành công") {
			t.Fatalf("the replay's answer %s: %d, no notice that the dossier was filed", loc, got.code)
		}
		if strings.HasPrefix(loc, "/ho-so-cua-toi/") {
			if got := de.fetch(t, loc); got.code == 200 {
				t.Fatalf("the replay's answer %s opens the dossier", loc)
			}
		}
	})
}

// CCCD numbers are masked outside the officer's dossier page: the
// citizen's private page and the printed receipt show the last three
// digits only.
func TestIDNumberMasked(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		oe := newOfficerEnv(t, s)
		token := oe.submit(t, oe.validForm())
		my := oe.fetch(t, "/ho-so-cua-toi/"+token)
		mustContain(t, my, "*********345")
		if strings.Contains(my.body, "001190012345") {
			t.Fatal("the private page shows the full CCCD number")
		}
		d := oe.byToken(t, token)
		ba := oe.as(t, "motcuaa")
		path := "/quan-tri/ho-so/" + strconv.FormatInt(d.ID, 10)
		wantCode(t, "officer page", ba.get(path), 200, "001190012345")
		wantCode(t, "receive", ba.post(path+"/chuyen", moveForm(d, dossier.ActReceive)), 303)
		rc := ba.get(path + "/bien-nhan")
		wantCode(t, "receipt", rc, 200, "*********345")
		if strings.Contains(rc.body, "001190012345") {
			t.Fatal("the receipt shows the full CCCD number")
		}
		// Every officer read of the dossier is audited with who and which.
		wantCode(t, "form 01", ba.get(path+"/mau/01"), 200)
		log, err := s.AuditLog(ctx, store.AuditFilter{SiteID: oe.site.ID, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, e := range log {
			if e.ObjectID == d.ID && e.Username == "motcuaa" {
				seen[e.Action] = true
			}
		}
		for _, a := range []string{"dossier.view", "dossier.receipt", "dossier.form"} {
			if !seen[a] {
				t.Errorf("no %s audit entry by motcuaa for dossier %d: %v", a, d.ID, seen)
			}
		}
	})
}
