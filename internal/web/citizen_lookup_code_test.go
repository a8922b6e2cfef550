package web_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// Unit codes may carry dots (000.00.12.H01), and citizens type codes with
// spaces, en dashes, lower case or a full-width keyboard: every way in to a
// dossier by its code accepts them all.
func TestLookupDottedAndTypedCodes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		if _, err := s.DB().Exec(`UPDATE units SET code = '000.00.12.H01' WHERE code = 'UBXA'`); err != nil {
			t.Fatal(err)
		}
		token := de.submit(t, de.validForm())
		var code string
		s.DB().QueryRow(`SELECT code FROM dossiers`).Scan(&code)
		if !strings.HasPrefix(code, "000.00.12.H01-") {
			t.Fatalf("code %q", code)
		}
		rc := de.fetch(t, "/ho-so-cua-toi/"+token+"/bien-nhan")
		mustContain(t, rc, "https://cong.example.vn/tra-cuu?ma="+code)

		tail := strings.TrimPrefix(code, "000.00.12.H01-") // YYMMDD-NNNN
		day, seq, _ := strings.Cut(tail, "-")
		full := strings.NewReplacer("0", "０", "1", "１", "2", "２", "3", "３", "4", "４", "5", "５", "6", "６", "7", "７", "8", "８", "9", "９",
			".", "．", "-", "－", "H", "Ｈ")
		for _, typed := range []string{
			code,
			strings.ToLower(code),
			"000.00.12.H01–" + day + "–" + seq,
			"000.00.12.H01 — " + day + " — " + seq,
			" 000.00.12.h01 " + day + " " + seq + " ",
			full.Replace(code),
		} {
			r := de.fetch(t, "/tra-cuu?ma="+url.QueryEscape(typed))
			if r.code != 200 || !strings.Contains(r.body, code) || !strings.Contains(r.body, "Mới đăng ký") {
				t.Errorf("lookup %q: %d", typed, r.code)
			}
		}
		a := de.fetch(t, "/api/v1/dossiers/"+code+"/status")
		if a.code != 200 || !strings.Contains(a.body, `"code":"`+code+`"`) {
			t.Errorf("status API %d %s", a.code, a.body)
		}
		a = de.fetch(t, "/api/v1/dossiers/"+url.PathEscape("000.00.12.h01–"+day+"–"+seq)+"/status")
		if a.code != 200 || !strings.Contains(a.body, `"code":"`+code+`"`) {
			t.Errorf("status API, typed code: %d %s", a.code, a.body)
		}
		if r := de.fetch(t, "/tra-cuu?ma=UBXA%2F261126"); r.code != 400 || !strings.Contains(r.body, "000.00.12.H01-261126-0001") {
			t.Errorf("bad code %d", r.code)
		}

		// Recovering the private link with a typed code reaches the dossier:
		// a fresh link is mailed to the address on file.
		if r := de.recoverLink(t, "000.00.12.h01 – "+day+" – "+seq, "ngoc@example.vn"); r.code != 200 {
			t.Errorf("recover by typed code: %d", r.code)
		}
		var id int64
		s.DB().QueryRow(`SELECT id FROM dossiers`).Scan(&id)
		if tokens, _ := linkMails(t, s, de.site.ID, id); len(tokens) != 1 {
			t.Errorf("recover by typed code queued %d link mails, want 1", len(tokens))
		}
	})
}
