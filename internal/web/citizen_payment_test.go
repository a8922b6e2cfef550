package web_test

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/payment"
	"github.com/congportal/cong/internal/payment/gatewaytest"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/web"
)

// payEnv is the desk with a 70.000 đ procedure and a gateway played by a
// local server.
func payEnv(t *testing.T, s *store.Store) (*deskEnv, *gatewaytest.Gateway, *payment.VNPay) {
	t.Helper()
	de := newDeskEnv(t, s)
	de.proc.FeeItems = []payment.Fee{{Kind: payment.KindDuty, Amount: 50000, Description: "Lệ phí cấp bản sao"}, {Kind: payment.KindFee, Amount: 20000, Description: "Phí tra cứu"}}
	if err := s.SaveProcedure(ctx, &de.proc); err != nil {
		t.Fatal(err)
	}
	g := gatewaytest.New("khoa-bi-mat-thu-nghiem", "CONG01")
	t.Cleanup(g.Close)
	prov := g.Provider(nil)
	s.SetPaymentProvider(prov.Name())
	hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	proxies, _ := visit.ParseProxies("")
	srv, err := web.New(web.Options{Store: s, Counter: de.counter, SiteID: de.site.ID, BaseURL: "https://cong.example.vn",
		Proxies: proxies, Location: hcm, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Version: "test", Payment: prov, MediaDir: filepath.Join(de.dataDir, "media")})
	if err != nil {
		t.Fatal(err)
	}
	de.srv = srv
	de.http = httptest.NewServer(srv)
	t.Cleanup(de.http.Close)
	return de, g, prov
}

// ipn calls the IPN as the gateway's server does: no browser headers.
func ipn(t *testing.T, de *deskEnv, q url.Values) string {
	t.Helper()
	req, _ := http.NewRequest("GET", de.http.URL+"/thanh-toan/ipn?"+q.Encode(), nil)
	req.Header.Set("User-Agent", "")
	r := de.send(t, req)
	if r.code != http.StatusOK || !strings.HasPrefix(r.hdr.Get("Content-Type"), "application/json") {
		t.Fatalf("ipn: %d %s", r.code, r.body)
	}
	var rep payment.IPNReply
	if err := json.Unmarshal([]byte(r.body), &rep); err != nil {
		t.Fatal(err)
	}
	return rep.RspCode
}

func TestOnlinePayment(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de, g, prov := payEnv(t, s)
		token := de.submit(t, de.validForm())
		page := de.fetch(t, "/ho-so-cua-toi/"+token)
		mustContain(t, page, "Phí, lệ phí", "70.000 đ", "Lệ phí cấp bản sao", "Chờ thanh toán", "Thanh toán trực tuyến")
		rows, _, err := s.Payments(ctx, store.PaymentFilter{SiteID: de.site.ID})
		if err != nil || len(rows) != 1 {
			t.Fatalf("rows: %v %v", rows, err)
		}
		p := rows[0]

		// The button sends the browser to the gateway with a signed order.
		r := de.post(t, "/ho-so-cua-toi/"+token+"/thanh-toan/"+itoa(p.ID), nil, nil, nil)
		if r.code != http.StatusSeeOther || !strings.HasPrefix(r.hdr.Get("Location"), g.URL+"/pay?") {
			t.Fatalf("pay: %d %s", r.code, r.hdr.Get("Location"))
		}
		loc, _ := url.Parse(r.hdr.Get("Location"))
		if loc.Query().Get("vnp_Amount") != "7000000" || loc.Query().Get("vnp_TxnRef") != p.OrderID || loc.Query().Get("vnp_ReturnUrl") != "https://cong.example.vn/thanh-toan/ket-qua" {
			t.Fatalf("order: %v", loc.Query())
		}
		if strings.Contains(r.hdr.Get("Location"), token) {
			t.Fatal("the private link was sent to the gateway")
		}
		raw := loc.RawQuery[:strings.Index(loc.RawQuery, "&vnp_SecureHash=")]
		if payment.Sign(g.Secret, raw) != loc.Query().Get("vnp_SecureHash") {
			t.Fatal("the gateway cannot verify the order's signature")
		}
		var cookie string
		for _, c := range strings.Split(r.hdr.Get("Set-Cookie"), ";") {
			if strings.HasPrefix(c, "cong_pay=") {
				cookie = c
			}
		}
		if cookie == "" {
			t.Fatal("no return cookie")
		}

		paidAt := time.Now().Truncate(time.Second)
		good := prov.CallbackParams(payment.Callback{OrderID: p.OrderID, Amount: 70000, Success: true, TxnID: "14226112", BankCode: "NCB", PaidAt: paidAt})
		// A forged IPN: signed with another secret.
		forger := &payment.VNPay{TmnCode: "CONG01", Secret: []byte("doan-mo")}
		if code := ipn(t, de, forger.CallbackParams(payment.Callback{OrderID: p.OrderID, Amount: 70000, Success: true, TxnID: "1", PaidAt: paidAt})); code != "97" {
			t.Fatalf("forged IPN: %s", code)
		}
		// A tampered amount breaks the signature too.
		tampered := url.Values{}
		for k, v := range good {
			tampered[k] = v
		}
		tampered.Set("vnp_Amount", "100")
		if code := ipn(t, de, tampered); code != "97" {
			t.Fatalf("tampered IPN: %s", code)
		}
		// Signed, but for another amount: refused and noted.
		if code := ipn(t, de, prov.CallbackParams(payment.Callback{OrderID: p.OrderID, Amount: 7000, Success: true, TxnID: "14226112", PaidAt: paidAt})); code != "04" {
			t.Fatalf("amount mismatch: %s", code)
		}
		if got, _ := s.PaymentByID(ctx, de.site.ID, p.ID); got.State != payment.Pending || got.Mismatch == "" {
			t.Fatalf("after the mismatch: %+v", got)
		}
		if code := ipn(t, de, prov.CallbackParams(payment.Callback{OrderID: "CONG999999", Amount: 70000, Success: true, TxnID: "1", PaidAt: paidAt})); code != "01" {
			t.Fatalf("unknown order: %s", code)
		}
		if code := ipn(t, de, good); code != "00" {
			t.Fatalf("good IPN: %s", code)
		}
		if got, _ := s.PaymentByID(ctx, de.site.ID, p.ID); got.State != payment.Paid || got.TxnID != "14226112" || !got.PaidAt.Equal(paidAt.UTC()) {
			t.Fatalf("after the IPN: %+v", got)
		}
		// The gateway retries its IPN: confirmed, nothing changes.
		if code := ipn(t, de, good); code != "02" {
			t.Fatalf("duplicate IPN: %s", code)
		}

		// The browser comes back (after the IPN: a replay of the same
		// signed result), with the cookie set before the trip.
		req, _ := http.NewRequest("GET", de.http.URL+"/thanh-toan/ket-qua?"+good.Encode(), nil)
		req.Header.Set("Cookie", strings.TrimSpace(cookie))
		ret := de.send(t, req)
		if ret.code != http.StatusOK {
			t.Fatalf("return: %d %s", ret.code, ret.body)
		}
		mustContain(t, ret, "Thanh toán thành công", "70.000 đ", "/ho-so-cua-toi/"+token, "/bien-lai/"+itoa(p.ID))
		bad := de.fetch(t, "/thanh-toan/ket-qua?"+tampered.Encode())
		if bad.code != http.StatusBadRequest || !strings.Contains(bad.body, "Không xác nhận được kết quả thanh toán") {
			t.Fatalf("forged return: %d", bad.code)
		}
		if got, _ := s.PaymentByID(ctx, de.site.ID, p.ID); got.State != payment.Paid || got.TxnID != "14226112" {
			t.Fatalf("after the replays: %+v", got)
		}

		// Paid: the page offers the receipt, not the button; paying again
		// is refused.
		page = de.fetch(t, "/ho-so-cua-toi/"+token)
		mustContain(t, page, "Đã thanh toán", "Tải biên lai (PDF)")
		if strings.Contains(page.body, "thanh-toan/"+itoa(p.ID)) {
			t.Fatal("a paid row still has its pay button")
		}
		again := de.post(t, "/ho-so-cua-toi/"+token+"/thanh-toan/"+itoa(p.ID), nil, nil, nil)
		if again.code != http.StatusSeeOther || !strings.Contains(again.hdr.Get("Location"), "tb=da-thanh-toan") {
			t.Fatalf("pay twice: %d %s", again.code, again.hdr.Get("Location"))
		}
		pdf := de.fetch(t, "/ho-so-cua-toi/"+token+"/bien-lai/"+itoa(p.ID))
		if pdf.code != http.StatusOK || pdf.hdr.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(pdf.body, "%PDF-") {
			t.Fatalf("receipt: %d %s", pdf.code, pdf.hdr.Get("Content-Type"))
		}

		// Another citizen's dossier cannot reach this receipt.
		f := de.validForm()
		f["key"] = "khoa-thu-nghiem-0000000002"
		other := de.submit(t, f)
		if r := de.fetch(t, "/ho-so-cua-toi/"+other+"/bien-lai/"+itoa(p.ID)); r.code != http.StatusNotFound {
			t.Fatalf("receipt through another dossier: %d", r.code)
		}

		// The admin sees both rows and the flagged one; the officer's copy
		// of the receipt needs the officer's access to the dossier.
		b := de.adminBrowser(t)
		list := b.get("/quan-tri/thanh-toan")
		mustContain(t, list, p.OrderID, "Đã thanh toán", "Chờ thanh toán", "số tiền 7.000 đ")
		if r := b.get("/quan-tri/thanh-toan?trang-thai=pending"); r.code != http.StatusOK || strings.Contains(r.body, p.OrderID) {
			t.Fatalf("filter: %d", r.code)
		}
		if r := b.get("/quan-tri/thanh-toan?trang-thai=nope"); r.code != http.StatusBadRequest {
			t.Fatalf("bad filter: %d", r.code)
		}
		if r := b.get("/quan-tri/ho-so/" + itoa(p.DossierID) + "/bien-lai/" + itoa(p.ID)); r.code != http.StatusOK || !strings.HasPrefix(r.body, "%PDF-") {
			t.Fatalf("officer receipt: %d", r.code)
		}
		// An officer of no unit sees neither the page nor the receipt.
		de.addUser(t, "canbo", auth.RoleOfficer)
		off := de.browser(t)
		off.login("canbo")
		if r := off.get("/quan-tri/thanh-toan"); r.code != http.StatusForbidden {
			t.Fatalf("officer on the payments page: %d", r.code)
		}
		if r := off.get("/quan-tri/ho-so/" + itoa(p.DossierID) + "/bien-lai/" + itoa(p.ID)); r.code == http.StatusOK {
			t.Fatalf("officer of another unit got the receipt: %d", r.code)
		}
	})
}

// A failed payment leaves the dossier as it was and can be tried again
// under a new order; the gateway being unreachable never touches the
// dossier (it was saved before the citizen left for the gateway).
func TestOnlinePaymentFailureAndRetry(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de, _, prov := payEnv(t, s)
		token := de.submit(t, de.validForm())
		rows, _, _ := s.Payments(ctx, store.PaymentFilter{SiteID: de.site.ID})
		p := rows[0]
		failed := prov.CallbackParams(payment.Callback{OrderID: p.OrderID, Amount: 70000, Code: "24", PaidAt: time.Now()})
		ret := de.fetch(t, "/thanh-toan/ket-qua?"+failed.Encode())
		mustContain(t, ret, "Thanh toán không thành công", "hồ sơ vẫn được giữ nguyên")
		page := de.fetch(t, "/ho-so-cua-toi/"+token)
		mustContain(t, page, "Không thành công", "Thanh toán trực tuyến", "Mới đăng ký")
		r := de.post(t, "/ho-so-cua-toi/"+token+"/thanh-toan/"+itoa(p.ID), nil, nil, nil)
		loc, _ := url.Parse(r.hdr.Get("Location"))
		if r.code != http.StatusSeeOther || loc.Query().Get("vnp_TxnRef") == p.OrderID || loc.Query().Get("vnp_TxnRef") == "" {
			t.Fatalf("retry: %d %s", r.code, r.hdr.Get("Location"))
		}
		if n := countRows(t, s, "payments"); n != 2 {
			t.Fatalf("%d rows after a retry", n)
		}
	})
}

// Fees are edited in the admin procedure form, refused with a clear
// message when the amount is not a number, and shown on the procedure page.
func TestProcedureFeesAdmin(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newCatalogueEnv(t, s)
		a := e.adminBrowser(t)
		form := url.Values{"code": {"1.000894"}, "name": {"Đăng ký kết hôn"}, "field": {"Hộ tịch"}, "level": {"full"}, "time_amount": {"5"}, "time_unit": {"working_days"},
			"units": {fmt.Sprint(e.xa.ID)}, "rows": {"1"}, "c1_name": {"Tờ khai"}, "c1_required": {"1"}, "c1_copies": {"1"}, "published": {"1"},
			"fees": {"Lệ phí: 50.000 đồng"}, "fee_rows": {"3"}, "fee1_kind": {"le_phi"}, "fee1_amount": {"năm mươi"}, "fee1_desc": {"Lệ phí đăng ký"},
			"fee2_kind": {"phi"}, "fee2_amount": {"1 200 000 đ"}, "fee2_desc": {"Phí thẩm định"}}
		wantCode(t, "bad amount", a.catPostMultipart("/quan-tri/thu-tuc", form), http.StatusUnprocessableEntity, "Khoản thu 1: số tiền phải là số đồng", `value="năm mươi"`)
		form.Set("fee1_amount", "50.000")
		wantCode(t, "create", a.catPostMultipart("/quan-tri/thu-tuc", form), http.StatusSeeOther)
		p, err := s.Procedure(ctx, e.site.ID, "1.000894")
		if err != nil || len(p.FeeItems) != 2 || p.FeeItems[0] != (payment.Fee{Kind: payment.KindDuty, Amount: 50000, Description: "Lệ phí đăng ký"}) || p.FeeItems[1].Amount != 1200000 {
			t.Fatalf("fees: %+v %v", p.FeeItems, err)
		}
		wantCode(t, "edit form", a.get(fmt.Sprint("/quan-tri/thu-tuc/", p.ID)), http.StatusOK, `name="fee2_amount" value="1200000"`)
		wantCode(t, "public page", e.get("/thu-tuc/"+p.Slug), http.StatusOK, "Lệ phí: Lệ phí đăng ký", "50.000 đ", "Phí: Phí thẩm định", "1.200.000 đ")
	})
}
