package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/forms"
	"github.com/congportal/cong/internal/payment"
	"github.com/congportal/cong/internal/store"
)

// Online fees, citizen side: the "Thanh toán trực tuyến" button of the
// private page sends the browser to the gateway; the gateway sends it back
// to /thanh-toan/ket-qua and, server to server, calls /thanh-toan/ipn.
// Both callbacks go through the same verification and the same idempotent
// store call, so whichever arrives first records the payment and the other
// changes nothing. The dossier itself was saved before any of this: a
// gateway that fails never costs the citizen their dossier.

// payCookie carries the private-link token across the trip to the
// gateway, so the return page can lead back to the dossier without the
// token ever being sent to the gateway in the return URL.
const payCookie = "cong_pay"

// myPay starts (or restarts) a payment of row {id} of the dossier.
func (c *citizenDesk) myPay(w http.ResponseWriter, r *http.Request) error {
	token, d, err := c.byToken(r)
	if err != nil {
		return err
	}
	if c.s.pay == nil {
		return &Error{Status: http.StatusNotFound, Code: "payment_off", Message: "Cổng chưa nhận thanh toán trực tuyến. Ông/bà vui lòng nộp phí, lệ phí tại bộ phận một cửa."}
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return errNotFound()
	}
	p, err := c.s.st.PaymentAttempt(r.Context(), d.ID, id)
	if errors.Is(err, store.ErrNotPayable) {
		http.Redirect(w, r, "/ho-so-cua-toi/"+token+"?tb=da-thanh-toan", http.StatusSeeOther)
		return nil
	}
	if err != nil {
		return err
	}
	u, err := c.s.pay.PayURL(payment.PayRequest{OrderID: p.OrderID, Amount: p.Amount, Info: "Thanh toan phi le phi ho so " + d.Code,
		ReturnURL: c.s.baseURLOf(r) + "/thanh-toan/ket-qua", ClientIP: c.s.clientIP(r), At: time.Now()})
	if err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: payCookie, Value: token, Path: "/thanh-toan/", MaxAge: 3600, HttpOnly: true,
		Secure: r.TLS != nil || strings.HasPrefix(c.s.baseURLOf(r), "https:"), SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, u, http.StatusSeeOther)
	return nil
}

// payReturn is where the gateway sends the browser back: it says plainly
// what happened. It records the result too (signed like the IPN), so a
// late IPN does not leave the citizen looking at "pending".
func (c *citizenDesk) payReturn(w http.ResponseWriter, r *http.Request) error {
	p := c.newPage(r)
	if ck, err := r.Cookie(payCookie); err == nil && len(ck.Value) == 22 && validKey(ck.Value) {
		p.Token = ck.Value
	}
	res := &p.PayResult
	if c.s.pay == nil {
		return errNotFound()
	}
	cb, err := c.s.pay.Verify(r.URL.Query())
	if err != nil {
		c.s.log.Warn("payment return refused", "err", err, "ip", c.s.clientIP(r))
		res.Title = "Không xác nhận được kết quả thanh toán"
		res.Text = "Thông tin trả về từ cổng thanh toán không hợp lệ (sai chữ ký hoặc thiếu thông tin). Nếu ông/bà đã bị trừ tiền, khoản thanh toán sẽ được Cổng ghi nhận khi cổng thanh toán báo lại, hoặc khi đối soát cuối ngày; ông/bà không cần thanh toán lại."
		return c.render(w, http.StatusBadRequest, "payment_result", p)
	}
	row, out, err := c.s.st.ApplyCallback(r.Context(), cb)
	if errors.Is(err, store.ErrNotFound) {
		res.Title = "Không tìm thấy khoản thanh toán"
		res.Text = "Cổng không có khoản thanh toán mang mã " + cb.OrderID + ". Vui lòng mở lại trang hồ sơ từ đường dẫn riêng trên giấy biên nhận."
		return c.render(w, http.StatusNotFound, "payment_result", p)
	}
	if errors.Is(err, store.ErrStale) {
		// The IPN landed at the same moment: read what it recorded.
		row, err = c.s.st.PaymentByOrder(r.Context(), cb.OrderID)
		out = payment.Duplicate
	}
	if err != nil {
		return err
	}
	res.Payment, res.Shown = row, true
	switch {
	case out == payment.AmountMismatch:
		c.s.log.Warn("payment amount mismatch", "order", cb.OrderID, "paid", cb.Amount, "due", row.Amount, "txn", cb.TxnID)
		res.Title = "Số tiền thanh toán không khớp"
		res.Text = "Cổng thanh toán báo số tiền " + payment.FormatVND(cb.Amount) + ", khác số tiền hồ sơ cần nộp (" + payment.FormatVND(row.Amount) + "). Khoản thanh toán chưa được ghi nhận; cán bộ sẽ kiểm tra và liên hệ với ông/bà."
	case row.State == payment.Paid:
		res.OK = true
		res.Title = "Thanh toán thành công"
		res.Text = "Đã nhận " + payment.FormatVND(row.Amount) + " phí, lệ phí của hồ sơ " + row.DossierCode + ". Ông/bà có thể tải biên lai điện tử trên trang hồ sơ."
	case row.State == payment.RefundPending || row.State == payment.Refunded:
		res.Title = "Đã nhận tiền, hồ sơ sẽ được hoàn phí"
		res.Text = "Hồ sơ " + row.DossierCode + " đã không được tiếp nhận nên khoản " + payment.FormatVND(row.Amount) + " sẽ được hoàn lại qua cổng thanh toán."
	default:
		res.Title = "Thanh toán không thành công"
		res.Text = "Cổng thanh toán báo giao dịch không thành công (mã " + cb.Code + "). Ông/bà chưa bị trừ tiền cho giao dịch này; hồ sơ vẫn được giữ nguyên. Có thể thanh toán lại trên trang hồ sơ, hoặc nộp tại bộ phận một cửa."
	}
	return c.render(w, http.StatusOK, "payment_result", p)
}

// payIPN is the gateway's server-to-server notice. It answers in the
// gateway's JSON contract; "00" only after the record is committed, so a
// crash before the commit makes the gateway retry rather than lose it.
func (c *citizenDesk) payIPN(w http.ResponseWriter, r *http.Request) error {
	reply := func(rep payment.IPNReply) error {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		return json.NewEncoder(w).Encode(rep)
	}
	if c.s.pay == nil {
		return errNotFound()
	}
	cb, err := c.s.pay.Verify(r.URL.Query())
	switch {
	case errors.Is(err, payment.ErrSignature):
		c.s.log.Warn("payment IPN: bad signature", "ip", c.s.clientIP(r))
		return reply(payment.IPNSignature)
	case err != nil:
		c.s.log.Warn("payment IPN: malformed", "err", err, "ip", c.s.clientIP(r))
		return reply(payment.IPNError)
	}
	row, out, err := c.s.st.ApplyCallback(r.Context(), cb)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return reply(payment.IPNNotFound)
	case errors.Is(err, store.ErrStale):
		return reply(payment.IPNConfirmed)
	case err != nil:
		c.s.log.Error("payment IPN", "order", cb.OrderID, "err", err)
		return reply(payment.IPNError)
	}
	switch out {
	case payment.AmountMismatch:
		c.s.log.Warn("payment amount mismatch", "order", cb.OrderID, "paid", cb.Amount, "due", row.Amount, "txn", cb.TxnID)
		return reply(payment.IPNAmount)
	case payment.Duplicate:
		return reply(payment.IPNConfirmed)
	case payment.Conflict:
		c.s.log.Warn("payment IPN contradicts the record", "order", cb.OrderID, "state", row.State, "txn", cb.TxnID)
		return reply(payment.IPNConfirmed)
	}
	c.s.log.Info("payment recorded", "order", cb.OrderID, "dossier", row.DossierCode, "state", row.State)
	return reply(payment.IPNOK)
}

// myPaymentReceipt is the biên lai of a paid row, for the citizen.
func (c *citizenDesk) myPaymentReceipt(w http.ResponseWriter, r *http.Request) error {
	_, d, err := c.byToken(r)
	if err != nil {
		return err
	}
	return c.s.paymentReceipt(w, r, d.ID)
}

// paymentReceipt writes the receipt PDF of payment {pid} of the dossier;
// the caller has checked who may see the dossier.
func (s *Server) paymentReceipt(w http.ResponseWriter, r *http.Request, dossierID int64) error {
	pid, err := strconv.ParseInt(r.PathValue("pid"), 10, 64)
	if err != nil || pid <= 0 {
		return errNotFound()
	}
	p, err := s.st.PaymentByID(r.Context(), s.siteIDOf(r), pid)
	if errors.Is(err, store.ErrNotFound) || (err == nil && (p.DossierID != dossierID || p.PaidAt.IsZero())) {
		return errNotFound()
	}
	if err != nil {
		return err
	}
	d, err := s.st.Dossier(r.Context(), s.siteIDOf(r), dossierID)
	if err != nil {
		return err
	}
	sd, err := s.site(r.Context())
	if err != nil {
		return err
	}
	pdf, err := forms.PaymentReceipt(forms.PaymentData{
		Agency: sd.site.Name, Unit: d.UnitName, Code: d.Code, Procedure: d.ProcedureName, Payer: d.ApplicantName, Address: d.ApplicantAddress,
		Number: p.OrderID, Provider: p.Provider, TxnID: p.TxnID, PaidAt: p.PaidAt, Amount: p.Amount, Items: p.Items,
		Refunded: p.State == payment.Refunded, RefundTxnID: p.RefundTxnID, RefundedAt: p.RefundedAt,
	})
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", `attachment; filename="bien-lai-`+p.OrderID+`.pdf"`)
	h.Set("Cache-Control", "private, no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	w.Write(pdf)
	return nil
}
