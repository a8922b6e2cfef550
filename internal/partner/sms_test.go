package partner_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/partner"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// gateway is an SMS gateway: JSON in, one message per request_id.
type gateway struct {
	mu   sync.Mutex
	msgs []partner.SMSMessage
	seen map[string]bool
}

func (g *gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var m partner.SMSMessage
	if err := json.NewDecoder(r.Body).Decode(&m); err != nil || m.RequestID != r.Header.Get("Idempotency-Key") {
		http.Error(w, "bad", http.StatusBadRequest)
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.seen[m.RequestID] {
		http.Error(w, "duplicate", http.StatusConflict)
		return
	}
	g.seen[m.RequestID] = true
	g.msgs = append(g.msgs, m)
	w.Write([]byte(`{"status":"queued"}`))
}

// The applicant gets a text at the moments that need them, from the brand
// name, without diacritics when the gateway needs it; a dossier whose
// applicant said no, or whose number is not a mobile one, gets none.
func TestSMSNotifications(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		s.SetPartners(store.Partners{SMS: true})
		k := newDesk(t, s)
		g := &gateway{seen: map[string]bool{}}
		srv := httptest.NewServer(g)
		defer srv.Close()
		target, err := partner.NewHTTPSMS(partner.HTTPConfig{URL: srv.URL}, "UBND TINH", true, "https://dichvucong.tinh.gov.vn/tra-cuu")
		if err != nil {
			t.Fatal(err)
		}
		clk := &fakeClock{t: t0.Add(24 * time.Hour)}
		w := &partner.Worker{Channel: partner.SMS, Queue: s, Target: target, Now: clk.Now}

		yes := k.counter(t, "Đặng Thị Hương", "+84 912.345.678", false, t0)
		no := k.counter(t, "Bùi Văn Khoa", "0987654321", true, t0)
		landline := k.counter(t, "Hồ Thị Lan", "02838123456", false, t0)
		for _, d := range []dossier.Dossier{yes, no, landline} {
			for _, a := range lifecycle {
				d = k.move(t, d, a, t0.Add(time.Hour))
			}
		}
		res, err := w.RunOnce(ctx)
		if err != nil {
			t.Fatal(err)
		}
		// Receipt (the counter entry), request_fee and finish text the
		// applicant; the rest do not.
		if res.Delivered != 3 || len(g.msgs) != 3 {
			t.Fatalf("%+v, %d messages", res, len(g.msgs))
		}
		m := g.msgs[2]
		if m.From != "UBND TINH" || m.To != "84912345678" || m.Unicode ||
			m.Text != "Cong tinh thu: Ho so "+yes.Code+" da co ket qua, moi ong/ba nhan ket qua. Tra cuu: https://dichvucong.tinh.gov.vn/tra-cuu" {
			t.Fatalf("message %+v", m)
		}
		if optOut, err := s.SMSOptOut(ctx, k.site, no.ID); err != nil || !optOut {
			t.Fatalf("opt-out read back: %v %v", optOut, err)
		}
		// Turning texts off later stops the next ones.
		if err := s.SetSMSOptOut(ctx, k.site, yes.ID, true); err != nil {
			t.Fatal(err)
		}
		d2 := k.counter(t, "Đặng Thị Hương", "0912345678", false, t0)
		if err := s.SetSMSOptOut(ctx, k.site, d2.ID, true); err != nil {
			t.Fatal(err)
		}
		k.move(t, d2, dossier.ActProcess, t0.Add(time.Hour))
		d2, _ = s.Dossier(ctx, k.site, d2.ID)
		k.move(t, d2, dossier.ActRequestFee, t0.Add(2*time.Hour))
		// d2's receipt was texted before the opt-out; its fee request not.
		if items := rows(t, s, k.site, partner.SMS); len(items) != 4 || items[0].DossierID != d2.ID || items[0].Kind != "receive" {
			t.Fatalf("%d SMS rows after opting out", len(items))
		}
		if err := s.SetSMSOptOut(ctx, k.site+1, d2.ID, false); err != store.ErrNotFound {
			t.Fatalf("opt-out on another site's dossier: %v", err)
		}
	})
}

func TestSMSText(t *testing.T) {
	due := time.Date(2026, 3, 5, 9, 0, 0, 0, dossier.Loc)
	b, _ := json.Marshal(partner.SMSData{Code: "STP-260302-0001", DueAt: due})
	got, err := partner.SMSText("receive", string(b), "", false)
	if err != nil || got != "Hồ sơ STP-260302-0001 đã được tiếp nhận, hẹn trả kết quả ngày 05/03/2026." {
		t.Fatalf("%q %v", got, err)
	}
	got, _ = partner.SMSText("receive", string(b), "", true)
	if got != "Ho so STP-260302-0001 da duoc tiep nhan, hen tra ket qua ngay 05/03/2026." {
		t.Fatalf("ascii %q", got)
	}
	if _, err := partner.SMSText("process", string(b), "", false); err == nil {
		t.Fatal("an action without a template must be undeliverable")
	}
	if _, err := partner.SMSText("receive", "{", "", false); err == nil {
		t.Fatal("broken payload")
	}
	for _, a := range []dossier.Action{dossier.ActReceive, dossier.ActRefuse, dossier.ActRequestSupplement, dossier.ActRequestFee,
		dossier.ActStop, dossier.ActApologise, dossier.ActFinish} {
		if !partner.SMSFor(dossier.Event{Action: a}) {
			t.Fatalf("%s sends no SMS", a)
		}
		if txt, err := partner.SMSText(string(a), string(b), "", true); err != nil || strings.ContainsFunc(txt, func(r rune) bool { return r > 127 }) {
			t.Fatalf("%s: %q %v", a, txt, err)
		}
	}
}

func TestNormalizePhone(t *testing.T) {
	for in, want := range map[string]string{
		"0912345678": "84912345678", "+84 912.345.678": "84912345678", "84912345678": "84912345678",
		"(091) 234-5678": "84912345678", "0387654321": "84387654321",
		"02838123456": "", "0112345678": "", "+1 2025550123": "", "091234567": "", "09123456789": "", "0912x45678": "", "": "",
		"+0912345678": "", "0912+345678": "",
	} {
		got, ok := partner.NormalizePhone(in)
		if got != want || ok != (want != "") {
			t.Errorf("NormalizePhone(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if m := partner.MaskPhone("84912345678"); m != "••••••••678" {
		t.Fatal(m)
	}
}

func FuzzNormalizePhone(f *testing.F) {
	for _, s := range []string{"0912345678", "+84 912.345.678", "84912345678", "02838123456", "", "++84"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := partner.NormalizePhone(s)
		if !ok {
			if got != "" {
				t.Fatalf("refused %q but returned %q", s, got)
			}
			return
		}
		if len(got) != 11 || !strings.HasPrefix(got, "84") || strings.Trim(got, "0123456789") != "" {
			t.Fatalf("%q → %q", s, got)
		}
		if again, ok := partner.NormalizePhone(got); !ok || again != got {
			t.Fatalf("not idempotent: %q → %q → %q", s, got, again)
		}
	})
}
