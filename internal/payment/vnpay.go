package payment

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// VNPay speaks the redirect-and-signed-callback pattern of VNPay's
// payment gateway (API version 2.1.0), which the national payment platform
// (Nền tảng thanh toán, Cổng DVC quốc gia) and most Vietnamese gateways
// follow closely:
//
//   - the browser is sent to URL with the order's vnp_* parameters, sorted
//     by name, form-encoded, and signed HMAC-SHA512 with the merchant's
//     secret (vnp_SecureHash, hex);
//   - the gateway sends the browser back to the return URL and, server to
//     server, calls the IPN URL with the result, signed the same way;
//   - a JSON API (APIURL) answers "querydr" (what happened to an order) and
//     "refund", each request and answer signed over its fields joined by
//     "|" in a fixed order.
//
// Amounts travel as đồng × 100; dates as yyyyMMddHHmmss in GMT+7.
type VNPay struct {
	URL     string // payment page, e.g. https://sandbox.vnpayment.vn/paymentv2/vpcpay.html
	APIURL  string // querydr/refund API, e.g. https://sandbox.vnpayment.vn/merchant_webapi/api/transaction
	TmnCode string // merchant (terminal) code
	Secret  []byte // hash secret
	// ServerIP is sent as vnp_IpAddr on API calls (the gateway wants the
	// caller's address); empty: 127.0.0.1.
	ServerIP string
	Client   *http.Client // nil: 20 s timeout
}

// Name implements Provider.
func (v *VNPay) Name() string { return "vnpay" }

// vnZone is GMT+7 without the tz database: the gateway's clock, not the
// server's.
var vnZone = time.FixedZone("ICT", 7*3600)

const vnDate = "20060102150405"

// Sign is the hex HMAC-SHA512 of data under secret.
func Sign(secret []byte, data string) string {
	m := hmac.New(sha512.New, secret)
	m.Write([]byte(data))
	return hex.EncodeToString(m.Sum(nil))
}

// canonical is the signed form of parameters: vnp_* keys sorted,
// "key=value" form-encoded (space as '+', as the gateway's PHP urlencode
// does), joined by '&'. The hash fields themselves are never signed.
func canonical(params map[string]string) string {
	keys := make([]string, 0, len(params))
	for k := range params {
		if k == "vnp_SecureHash" || k == "vnp_SecureHashType" || !strings.HasPrefix(k, "vnp_") {
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(k))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(params[k]))
	}
	return b.String()
}

// PayURL implements Provider.
func (v *VNPay) PayURL(r PayRequest) (string, error) {
	if r.Amount <= 0 || r.Amount > MaxAmount {
		return "", fmt.Errorf("%w: số tiền %d", ErrMalformed, r.Amount)
	}
	if r.OrderID == "" || r.ReturnURL == "" {
		return "", fmt.Errorf("%w: thiếu mã đơn hoặc địa chỉ trở về", ErrMalformed)
	}
	at := r.At
	if at.IsZero() {
		at = time.Now()
	}
	ip := r.ClientIP
	if ip == "" {
		ip = "127.0.0.1"
	}
	p := map[string]string{
		"vnp_Version":    "2.1.0",
		"vnp_Command":    "pay",
		"vnp_TmnCode":    v.TmnCode,
		"vnp_Amount":     strconv.FormatInt(r.Amount*100, 10),
		"vnp_CurrCode":   "VND",
		"vnp_TxnRef":     r.OrderID,
		"vnp_OrderInfo":  r.Info,
		"vnp_OrderType":  "other",
		"vnp_Locale":     "vn",
		"vnp_ReturnUrl":  r.ReturnURL,
		"vnp_IpAddr":     ip,
		"vnp_CreateDate": at.In(vnZone).Format(vnDate),
		"vnp_ExpireDate": at.Add(15 * time.Minute).In(vnZone).Format(vnDate),
	}
	data := canonical(p)
	sep := "?"
	if strings.Contains(v.URL, "?") {
		sep = "&"
	}
	return v.URL + sep + data + "&vnp_SecureHash=" + Sign(v.Secret, data), nil
}

// ParseCallback reads the gateway's callback parameters without trusting
// them: one value per vnp_ key (a repeated key is an attempt to make the
// signed and the read value differ), a hash present. Other keys are
// ignored, as the gateway ignores them when signing.
func ParseCallback(q map[string][]string) (map[string]string, string, error) {
	p := map[string]string{}
	var hash string
	for k, vs := range q {
		if !strings.HasPrefix(k, "vnp_") {
			continue
		}
		if len(vs) != 1 {
			return nil, "", fmt.Errorf("%w: %s lặp lại", ErrMalformed, k)
		}
		if k == "vnp_SecureHash" {
			hash = vs[0]
			continue
		}
		p[k] = vs[0]
	}
	if hash == "" {
		return nil, "", fmt.Errorf("%w: thiếu chữ ký", ErrSignature)
	}
	return p, hash, nil
}

// Verify implements Provider: the signature first, then the fields.
func (v *VNPay) Verify(q map[string][]string) (Callback, error) {
	p, hash, err := ParseCallback(q)
	if err != nil {
		return Callback{}, err
	}
	want := Sign(v.Secret, canonical(p))
	got, err := hex.DecodeString(strings.ToLower(hash))
	wantB, _ := hex.DecodeString(want)
	if err != nil || !hmac.Equal(got, wantB) {
		return Callback{}, ErrSignature
	}
	if p["vnp_TmnCode"] != v.TmnCode {
		return Callback{}, fmt.Errorf("%w: mã đơn vị %q", ErrMalformed, p["vnp_TmnCode"])
	}
	cb := Callback{OrderID: p["vnp_TxnRef"], Code: p["vnp_ResponseCode"], TxnID: p["vnp_TransactionNo"], BankCode: p["vnp_BankCode"]}
	if cb.OrderID == "" {
		return Callback{}, fmt.Errorf("%w: thiếu mã đơn", ErrMalformed)
	}
	if cb.Amount, err = parseAmount(p["vnp_Amount"]); err != nil {
		return Callback{}, err
	}
	cb.Success = cb.Code == "00" && (p["vnp_TransactionStatus"] == "" || p["vnp_TransactionStatus"] == "00")
	if t, err := time.ParseInLocation(vnDate, p["vnp_PayDate"], vnZone); err == nil {
		cb.PaidAt = t.UTC()
	}
	return cb, nil
}

// parseAmount reads đồng × 100 back into đồng.
func parseAmount(s string) (int64, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n%100 != 0 || n/100 > MaxAmount {
		return 0, fmt.Errorf("%w: số tiền %q", ErrMalformed, s)
	}
	return n / 100, nil
}

// CallbackParams builds the signed parameters the gateway sends back for
// cb: what a test gateway (and the tests' forged callbacks) produce.
func (v *VNPay) CallbackParams(cb Callback) url.Values {
	code, status := "00", "00"
	if !cb.Success {
		code, status = cb.Code, "02"
		if code == "" || code == "00" {
			code = "24" // the citizen cancelled
		}
	}
	p := map[string]string{
		"vnp_TmnCode":           v.TmnCode,
		"vnp_Amount":            strconv.FormatInt(cb.Amount*100, 10),
		"vnp_BankCode":          cb.BankCode,
		"vnp_TxnRef":            cb.OrderID,
		"vnp_TransactionNo":     cb.TxnID,
		"vnp_ResponseCode":      code,
		"vnp_TransactionStatus": status,
		"vnp_OrderInfo":         "Thanh toan " + cb.OrderID,
		"vnp_PayDate":           cb.PaidAt.In(vnZone).Format(vnDate),
	}
	q := url.Values{}
	for k, val := range p {
		q.Set(k, val)
	}
	q.Set("vnp_SecureHash", Sign(v.Secret, canonical(p)))
	return q
}

// IPNReply is the JSON body the gateway expects from the IPN URL. The
// gateway retries until it gets RspCode 00 or 02 (already confirmed).
type IPNReply struct {
	RspCode string `json:"RspCode"`
	Message string `json:"Message"`
}

// IPN reply codes of the VNPay contract.
var (
	IPNOK        = IPNReply{"00", "Confirm Success"}
	IPNConfirmed = IPNReply{"02", "Order already confirmed"}
	IPNNotFound  = IPNReply{"01", "Order not found"}
	IPNAmount    = IPNReply{"04", "Invalid amount"}
	IPNSignature = IPNReply{"97", "Invalid signature"}
	IPNError     = IPNReply{"99", "Unknow error"}
)

func (v *VNPay) client() *http.Client {
	if v.Client != nil {
		return v.Client
	}
	return &http.Client{Timeout: 20 * time.Second}
}

func (v *VNPay) serverIP() string {
	if v.ServerIP != "" {
		return v.ServerIP
	}
	return "127.0.0.1"
}

func requestID() string {
	var b [12]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// call posts a signed API request and returns the answer's fields after
// checking its signature over respOrder.
func (v *VNPay) call(ctx context.Context, req map[string]string, reqOrder, respOrder []string) (map[string]string, error) {
	parts := make([]string, len(reqOrder))
	for i, k := range reqOrder {
		parts[i] = req[k]
	}
	req["vnp_SecureHash"] = Sign(v.Secret, strings.Join(parts, "|"))
	body, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, v.APIURL, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	hr.Header.Set("Content-Type", "application/json")
	resp, err := v.client().Do(hr)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%w: HTTP %d", ErrUnavailable, resp.StatusCode)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return nil, fmt.Errorf("%w: trả lời không phải JSON", ErrUnavailable)
	}
	out := map[string]string{}
	for k, r := range fields {
		var s string
		if json.Unmarshal(r, &s) != nil {
			s = string(bytes.TrimSpace(r)) // numbers come unquoted
			if s == "null" {
				s = ""
			}
		}
		out[k] = s
	}
	parts = parts[:0]
	for _, k := range respOrder {
		parts = append(parts, out[k])
	}
	want, _ := hex.DecodeString(Sign(v.Secret, strings.Join(parts, "|")))
	got, err := hex.DecodeString(strings.ToLower(out["vnp_SecureHash"]))
	if err != nil || !hmac.Equal(got, want) {
		return nil, fmt.Errorf("%w: trả lời của cổng thanh toán", ErrSignature)
	}
	return out, nil
}

// The field orders the API signs.
var (
	queryReq   = []string{"vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TxnRef", "vnp_TransactionDate", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"}
	queryResp  = []string{"vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo", "vnp_PromotionCode", "vnp_PromotionAmount"}
	refundReq  = []string{"vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TransactionType", "vnp_TxnRef", "vnp_Amount", "vnp_TransactionNo", "vnp_TransactionDate", "vnp_CreateBy", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"}
	refundResp = []string{"vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo"}
)

// QueryReqOrder, QueryRespOrder, RefundReqOrder and RefundRespOrder are the
// signed field orders, for a test gateway.
func QueryReqOrder() []string   { return append([]string(nil), queryReq...) }
func QueryRespOrder() []string  { return append([]string(nil), queryResp...) }
func RefundReqOrder() []string  { return append([]string(nil), refundReq...) }
func RefundRespOrder() []string { return append([]string(nil), refundResp...) }

// Transactions implements Provider with one querydr per order: VNPay has
// no signed "list the day" call (its daily statements come as files), and
// asking for each of our orders finds what reconciliation must find — a
// payment the IPN never told us about, one we think paid that is not, an
// amount that differs.
func (v *VNPay) Transactions(ctx context.Context, day time.Time, orders []Order) ([]Txn, error) {
	var out []Txn
	for _, o := range orders {
		now := time.Now().In(vnZone).Format(vnDate)
		req := map[string]string{
			"vnp_RequestId": requestID(), "vnp_Version": "2.1.0", "vnp_Command": "querydr", "vnp_TmnCode": v.TmnCode,
			"vnp_TxnRef": o.OrderID, "vnp_OrderInfo": "Doi soat " + o.OrderID, "vnp_TransactionDate": o.CreatedAt.In(vnZone).Format(vnDate),
			"vnp_CreateDate": now, "vnp_IpAddr": v.serverIP(),
		}
		resp, err := v.call(ctx, req, queryReq, queryResp)
		if err != nil {
			return nil, err
		}
		switch resp["vnp_ResponseCode"] {
		case "00":
		case "91": // transaction not found: the citizen never reached the gateway
			continue
		default:
			return nil, fmt.Errorf("%w: querydr %s: mã %s %s", ErrRefused, o.OrderID, resp["vnp_ResponseCode"], resp["vnp_Message"])
		}
		amt, err := parseAmount(resp["vnp_Amount"])
		if err != nil {
			return nil, err
		}
		out = append(out, Txn{OrderID: resp["vnp_TxnRef"], Amount: amt, TxnID: resp["vnp_TransactionNo"],
			Success: resp["vnp_TransactionStatus"] == "00", Code: resp["vnp_TransactionStatus"]})
	}
	return out, nil
}

// Refund implements Provider (a full refund, transaction type 02).
func (v *VNPay) Refund(ctx context.Context, r RefundRequest) (string, error) {
	by := r.By
	if by == "" {
		by = "cong"
	}
	req := map[string]string{
		"vnp_RequestId": requestID(), "vnp_Version": "2.1.0", "vnp_Command": "refund", "vnp_TmnCode": v.TmnCode,
		"vnp_TransactionType": "02", "vnp_TxnRef": r.OrderID, "vnp_Amount": strconv.FormatInt(r.Amount*100, 10),
		"vnp_TransactionNo": r.TxnID, "vnp_TransactionDate": r.PaidAt.In(vnZone).Format(vnDate), "vnp_CreateBy": by,
		"vnp_CreateDate": time.Now().In(vnZone).Format(vnDate), "vnp_IpAddr": v.serverIP(), "vnp_OrderInfo": "Hoan tien " + r.OrderID,
	}
	resp, err := v.call(ctx, req, refundReq, refundResp)
	if err != nil {
		return "", err
	}
	switch resp["vnp_ResponseCode"] {
	case "00":
		return resp["vnp_TransactionNo"], nil
	case "94": // the same request is being handled: ask again later
		return "", fmt.Errorf("%w: yêu cầu hoàn tiền đang được xử lý", ErrUnavailable)
	}
	return "", fmt.Errorf("%w: hoàn tiền %s: mã %s %s", ErrRefused, r.OrderID, resp["vnp_ResponseCode"], resp["vnp_Message"])
}

// IsUnavailable reports whether err means "try again later".
func IsUnavailable(err error) bool { return errors.Is(err, ErrUnavailable) }
