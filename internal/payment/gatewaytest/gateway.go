// Package gatewaytest plays the payment gateway in tests: a local HTTP
// server that answers the VNPay-pattern API (querydr, refund) from its own
// ledger, signs what it says, checks what it is told, and fails on demand
// (5xx, slowness, a wrong signature) — the other side's contract,
// including its failures.
package gatewaytest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/congportal/cong/internal/payment"
)

// Gateway is a running fake gateway.
type Gateway struct {
	*httptest.Server
	Secret  []byte
	TmnCode string

	mu      sync.Mutex
	ledger  map[string]payment.Txn // by order id
	refunds map[string]int         // refund calls per order
	calls   int
	// FailNext makes the next n API calls answer 503.
	failNext int
	// Delay holds every API answer this long (timeouts).
	delay time.Duration
	// BadSign signs answers with the wrong secret.
	badSign bool
	// BadRequests counts requests whose signature did not verify.
	badRequests int
}

// New starts a gateway; close it with Close.
func New(secret, tmn string) *Gateway {
	g := &Gateway{Secret: []byte(secret), TmnCode: tmn, ledger: map[string]payment.Txn{}, refunds: map[string]int{}}
	g.Server = httptest.NewServer(http.HandlerFunc(g.serve))
	return g
}

// Provider is a VNPay adapter pointed at g.
func (g *Gateway) Provider(client *http.Client) *payment.VNPay {
	return &payment.VNPay{URL: g.URL + "/pay", APIURL: g.URL + "/api", TmnCode: g.TmnCode, Secret: g.Secret, Client: client}
}

// Record puts a transaction in the gateway's ledger (the citizen paid).
func (g *Gateway) Record(t payment.Txn) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.ledger[t.OrderID] = t
}

// FailNext makes the next n API calls answer 503.
func (g *Gateway) FailNext(n int) { g.mu.Lock(); g.failNext = n; g.mu.Unlock() }

// SetDelay holds every API answer for d.
func (g *Gateway) SetDelay(d time.Duration) { g.mu.Lock(); g.delay = d; g.mu.Unlock() }

// SetBadSign makes answers carry a signature made with another secret.
func (g *Gateway) SetBadSign(b bool) { g.mu.Lock(); g.badSign = b; g.mu.Unlock() }

// Refunds is how many refunds were asked for the order.
func (g *Gateway) Refunds(order string) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.refunds[order]
}

// Calls is how many API calls arrived.
func (g *Gateway) Calls() int { g.mu.Lock(); defer g.mu.Unlock(); return g.calls }

// BadRequests is how many API calls had a wrong signature.
func (g *Gateway) BadRequests() int { g.mu.Lock(); defer g.mu.Unlock(); return g.badRequests }

func (g *Gateway) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/api" || r.Method != http.MethodPost {
		http.NotFound(w, r)
		return
	}
	g.mu.Lock()
	g.calls++
	delay, fail := g.delay, g.failNext > 0
	if fail {
		g.failNext--
	}
	g.mu.Unlock()
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
	}
	if fail {
		http.Error(w, "upstream busy", http.StatusServiceUnavailable)
		return
	}
	var req map[string]string
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	var order, respOrder []string
	switch req["vnp_Command"] {
	case "querydr":
		order, respOrder = payment.QueryReqOrder(), payment.QueryRespOrder()
	case "refund":
		order, respOrder = payment.RefundReqOrder(), payment.RefundRespOrder()
	default:
		http.Error(w, "unknown command", http.StatusBadRequest)
		return
	}
	parts := make([]string, len(order))
	for i, k := range order {
		parts[i] = req[k]
	}
	resp := map[string]string{"vnp_ResponseId": req["vnp_RequestId"], "vnp_Command": req["vnp_Command"], "vnp_TmnCode": g.TmnCode, "vnp_TxnRef": req["vnp_TxnRef"]}
	g.mu.Lock()
	t, known := g.ledger[req["vnp_TxnRef"]]
	switch {
	case payment.Sign(g.Secret, strings.Join(parts, "|")) != req["vnp_SecureHash"] || req["vnp_TmnCode"] != g.TmnCode:
		g.badRequests++
		resp["vnp_ResponseCode"], resp["vnp_Message"] = "97", "Invalid checksum"
	case !known:
		resp["vnp_ResponseCode"], resp["vnp_Message"] = "91", "Transaction not found"
	case req["vnp_Command"] == "querydr":
		resp["vnp_ResponseCode"], resp["vnp_Message"] = "00", "Success"
		resp["vnp_Amount"] = strconv.FormatInt(t.Amount*100, 10)
		resp["vnp_TransactionNo"] = t.TxnID
		resp["vnp_TransactionStatus"] = "02"
		if t.Success {
			resp["vnp_TransactionStatus"] = "00"
		}
	default: // refund
		amt, _ := strconv.ParseInt(req["vnp_Amount"], 10, 64)
		if !t.Success || amt != t.Amount*100 || req["vnp_TransactionNo"] != t.TxnID {
			resp["vnp_ResponseCode"], resp["vnp_Message"] = "95", "Transaction cannot be refunded"
			break
		}
		g.refunds[t.OrderID]++
		resp["vnp_ResponseCode"], resp["vnp_Message"] = "00", "Success"
		resp["vnp_Amount"] = req["vnp_Amount"]
		resp["vnp_TransactionNo"] = "R" + t.TxnID
		resp["vnp_TransactionType"] = "02"
		resp["vnp_TransactionStatus"] = "05"
	}
	secret := g.Secret
	if g.badSign {
		secret = []byte("not-the-secret")
	}
	g.mu.Unlock()
	parts = parts[:0]
	for _, k := range respOrder {
		parts = append(parts, resp[k])
	}
	resp["vnp_SecureHash"] = payment.Sign(secret, strings.Join(parts, "|"))
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(resp)
}
