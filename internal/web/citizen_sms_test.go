package web_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/partner"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// With SMS on, the applicant can say no to text messages at submission and
// change their mind on the private page; without SMS the choice is not
// offered.
func TestCitizenSMSOptOut(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		if r := de.fetch(t, "/nop-ho-so/"+de.proc.Slug); strings.Contains(r.body, `name="no_sms"`) {
			t.Fatal("SMS is off, yet the form offers the opt-out")
		}
		s.SetPartners(store.Partners{SMS: true})
		if r := de.fetch(t, "/nop-ho-so/"+de.proc.Slug); !strings.Contains(r.body, `name="no_sms"`) {
			t.Fatal("the form lacks the SMS opt-out")
		}
		f := de.validForm()
		f["no_sms"] = "1"
		token := de.submit(t, f)
		d, err := s.DossierByToken(ctx, de.site.ID, tokenHashOf(token))
		if err != nil {
			t.Fatal(err)
		}
		if off, err := s.SMSOptOut(ctx, de.site.ID, d.ID); err != nil || !off {
			t.Fatalf("opt-out at submission: %v %v", off, err)
		}
		page := "/ho-so-cua-toi/" + token
		if r := de.fetch(t, page); !strings.Contains(r.body, "Nhận lại tin nhắn SMS") {
			t.Fatalf("private page: %d", r.code)
		}
		r := de.post(t, page+"/sms", map[string]string{"sms": "bat"}, nil, nil)
		if r.code != http.StatusSeeOther || r.hdr.Get("Location") != page+"?tb=sms-bat" {
			t.Fatalf("turn on: %d %s", r.code, r.hdr.Get("Location"))
		}
		if off, _ := s.SMSOptOut(ctx, de.site.ID, d.ID); off {
			t.Fatal("still off")
		}
		if r := de.fetch(t, page+"?tb=sms-bat"); !strings.Contains(r.body, "Đã bật lại tin nhắn SMS") || !strings.Contains(r.body, "Ngừng nhận tin nhắn SMS") {
			t.Fatal("page after turning on")
		}
		if r := de.post(t, page+"/sms", map[string]string{"sms": "tat"}, nil, nil); r.code != http.StatusSeeOther {
			t.Fatalf("turn off: %d", r.code)
		}
		if off, _ := s.SMSOptOut(ctx, de.site.ID, d.ID); !off {
			t.Fatal("not off")
		}
		if r := de.post(t, page+"/sms", map[string]string{"sms": "?"}, nil, nil); r.code != http.StatusBadRequest {
			t.Fatalf("bad choice: %d", r.code)
		}
		forged := strings.Repeat("A", 22)
		if r := de.post(t, "/ho-so-cua-toi/"+forged+"/sms", map[string]string{"sms": "tat"}, nil, nil); r.code != http.StatusNotFound {
			t.Fatalf("forged token: %d", r.code)
		}
	})
}

func tokenHashOf(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// At the counter the officer ticks the applicant's "no texts": no SMS row
// for the receipt; without the tick the receipt is texted.
func TestCounterSMSOptOut(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		s.SetPartners(store.Partners{SMS: true})
		oe := newOfficerEnv(t, s)
		ba := oe.as(t, "motcuaa")
		form := ba.get(fmt.Sprintf("/quan-tri/ho-so/moi?thu-tuc=%d", oe.proc.ID))
		if !strings.Contains(form.body, `name="no_sms"`) {
			t.Fatal("the counter form lacks the SMS choice")
		}
		for i, noSMS := range []string{"1", ""} {
			fields := map[string]string{"procedure": fmt.Sprint(oe.proc.ID), "channel": "1", "unit": fmt.Sprint(oe.unit.ID),
				"name": "Vũ Thị Lan", "id_number": "001185012345", "dob": "01/02/1985", "phone": "0912345678",
				"address": "Số 1, thôn Tây, xã Thử Nghiệm", "no_sms": noSMS}
			r := ba.postMultipart("/quan-tri/ho-so/moi", fields, []upFile{{fmt.Sprintf("file_%d", oe.proc.Components[0].ID), "to-khai.pdf", "application/pdf", minimalPDF}})
			wantCode(t, "create", r, 303)
			items, _, err := s.PartnerOutbox(ctx, store.PartnerFilter{SiteID: oe.site.ID, Channel: partner.SMS})
			if err != nil || len(items) != i {
				t.Fatalf("after dossier %d: %d SMS rows, %v", i+1, len(items), err)
			}
		}
	})
}
