package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// Citizen B cannot reach citizen A's dossier, file, form or paper by any
// URL of the account, and an officer's read of A's dossier is audited.
func TestCitizenIDOR(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		oe := newOfficerEnv(t, s)
		de := oe.deskEnv
		a, b := de.browser(t), de.browser(t)
		citizenSignIn(t, de, a, "a.nguyen@gmail.com")
		clearRateHits(t, s)
		citizenSignIn(t, de, b, "b.tran@gmail.com")
		if r := citizenSubmit(t, de, a, de.validForm(), de.validFiles()); r.code != http.StatusSeeOther {
			t.Fatalf("A submits: %d", r.code)
		}
		m := accountCodeRE.FindStringSubmatch(a.get("/cong-dan/ho-so").body)
		if m == nil {
			t.Fatal("A has no dossier")
		}
		code := m[1]
		d, _ := s.DossierByCode(ctx, de.site.ID, code)
		files, _ := s.DossierFiles(ctx, d.ID)
		papers, _ := s.CitizenPapers(ctx, de.site.ID, citizenID(t, s, "a.nguyen@gmail.com"))
		if len(files) != 2 || len(papers) != 2 {
			t.Fatalf("A: %d files, %d papers", len(files), len(papers))
		}
		// A form exists once the dossier is received: issue it the way the
		// officer does.
		officer := oe.as(t, "motcuaa")
		if r := officer.post(fmt.Sprintf("/quan-tri/ho-so/%d/chuyen", d.ID), moveForm(d, "receive")); r.code != http.StatusSeeOther {
			t.Fatalf("receive: %d %s", r.code, r.body)
		}
		if r := a.get("/cong-dan/ho-so/" + code + "/mau/01"); r.code != 200 {
			t.Fatalf("A's own form: %d", r.code)
		}
		if r := a.get(fmt.Sprintf("/cong-dan/ho-so/%s/tep/%d", code, files[0].ID)); r.code != 200 {
			t.Fatalf("A's own file: %d", r.code)
		}

		b.get("/cong-dan/ho-so") // B's CSRF token for the posts below
		for _, path := range []string{
			"/cong-dan/ho-so/" + code,
			"/cong-dan/ho-so/" + strings.ToLower(code),
			fmt.Sprintf("/cong-dan/ho-so/%s/tep/%d", code, files[0].ID),
			"/cong-dan/ho-so/" + code + "/mau/01",
			fmt.Sprintf("/cong-dan/kho-du-lieu/%d", papers[0].ID),
		} {
			if r := b.get(path); r.code != 404 || strings.Contains(r.body, "Trần Thị Bích Ngọc") {
				t.Errorf("B GET %s: %d", path, r.code)
			}
		}
		b.get("/cong-dan/ho-so")
		for _, path := range []string{"/cong-dan/ho-so/" + code + "/rut", "/cong-dan/ho-so/" + code + "/danh-gia", fmt.Sprintf("/cong-dan/kho-du-lieu/%d/xoa", papers[0].ID)} {
			if r := b.post(path, url.Values{"confirm": {"1"}, "version": {fmt.Sprint(d.Version + 1)}}); r.code != 404 {
				t.Errorf("B POST %s: %d", path, r.code)
			}
		}
		if r := b.postMultipart("/cong-dan/ho-so/"+code+"/bo-sung", map[string]string{}, []upFile{{"files", "x.pdf", "application/pdf", minimalPDF}}); r.code != 404 {
			t.Errorf("B supplements A's dossier: %d", r.code)
		}
		// Nothing of A in B's pages, and B cannot reuse A's paper.
		if r := b.get("/cong-dan/ho-so"); strings.Contains(r.body, code) {
			t.Error("A's dossier in B's list")
		}
		if r := b.get("/cong-dan/kho-du-lieu"); strings.Contains(r.body, "to-khai.pdf") {
			t.Error("A's paper in B's store")
		}
		f := de.validForm()
		f["key"] = "khoa-thu-nghiem-b-00000001"
		f[fmt.Sprintf("reuse_%d", de.proc.Components[0].ID)] = fmt.Sprint(papers[0].ID)
		r := citizenSubmit(t, de, b, f, nil)
		if r.code != 422 || !strings.Contains(r.body, "không còn") || strings.Contains(r.body, papers[0].Name) {
			t.Fatalf("B reuses A's paper: %d", r.code)
		}
		// A's dossier and papers are untouched.
		if after, _ := s.DossierByCode(ctx, de.site.ID, code); after.Status != 2 {
			t.Fatalf("A's dossier changed: %v", after.Status)
		}
		if p, _ := s.CitizenPapers(ctx, de.site.ID, citizenID(t, s, "a.nguyen@gmail.com")); len(p) != 2 {
			t.Fatalf("A's papers: %d", len(p))
		}
		// Signed out: the account's addresses send to sign-in or refuse.
		anon := de.browser(t)
		if r := anon.get("/cong-dan/ho-so/" + code); r.code != http.StatusSeeOther || !strings.HasPrefix(r.hdr.Get("Location"), "/cong-dan/dang-nhap?tiep=") {
			t.Errorf("anonymous GET: %d", r.code)
		}
		if r := anon.post("/cong-dan/ho-so/"+code+"/rut", url.Values{"confirm": {"1"}}); r.code != http.StatusUnauthorized {
			t.Errorf("anonymous POST: %d", r.code)
		}
		// The public status API shows no personal data.
		if r := de.fetch(t, "/api/v1/dossiers/"+code+"/status"); r.code != 200 || strings.Contains(r.body, "Ngọc") || strings.Contains(r.body, "001190012345") {
			t.Errorf("status API: %d %s", r.code, r.body)
		}
		// Every officer read of the citizen's dossier is audited.
		before := auditCount(t, s, "dossier.view")
		officer.get(fmt.Sprintf("/quan-tri/ho-so/%d", d.ID))
		if auditCount(t, s, "dossier.view") != before+1 {
			t.Error("officer's read not audited")
		}
	})
}

func auditCount(t *testing.T, s *store.Store, action string) int {
	t.Helper()
	q := `SELECT COUNT(*) FROM audit_log WHERE action = ?`
	if s.Dialect() == store.Postgres {
		q = `SELECT COUNT(*) FROM audit_log WHERE action = $1`
	}
	var n int
	if err := s.DB().QueryRow(q, action).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
