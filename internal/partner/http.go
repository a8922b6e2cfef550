package partner

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// HTTPConfig is how Cổng reaches a partner over HTTPS.
type HTTPConfig struct {
	URL string
	// Token is sent as "Authorization: Bearer …" when not empty.
	Token string
	// ClientCert and ClientKey are PEM files of the certificate the
	// partner issued to the province (mutual TLS); the key may sit in the
	// certificate file.
	ClientCert, ClientKey string
	// CAFile is a PEM bundle to trust instead of the system roots (a
	// government network's private CA).
	CAFile  string
	Timeout time.Duration
}

// Client builds the HTTP client: the certificates are read now, so a bad
// file is a start-up error, not a failed delivery.
func (c HTTPConfig) Client() (*http.Client, error) {
	u, err := url.Parse(c.URL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("địa chỉ đối tác phải là https://… đầy đủ (nhận được %q)", c.URL)
	}
	tc := &tls.Config{MinVersion: tls.VersionTLS12}
	if c.ClientCert != "" {
		key := c.ClientKey
		if key == "" {
			key = c.ClientCert
		}
		cert, err := tls.LoadX509KeyPair(c.ClientCert, key)
		if err != nil {
			return nil, fmt.Errorf("đọc chứng thư số máy khách %s: %w", c.ClientCert, err)
		}
		tc.Certificates = []tls.Certificate{cert}
	}
	if c.CAFile != "" {
		pem, err := os.ReadFile(c.CAFile)
		if err != nil {
			return nil, fmt.Errorf("đọc tệp CA %s: %w", c.CAFile, err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("tệp CA %s không có chứng thư PEM nào", c.CAFile)
		}
		tc.RootCAs = pool
	}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = tc
	return &http.Client{Transport: tr, Timeout: timeout,
		// A partner redirecting a POST is misconfigured; following it
		// would resend the body somewhere nobody configured.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}, nil
}

// postJSON posts body with the idempotency key and reads the answer: 2xx
// is delivered; 409 is the partner saying it already has this key, which
// is delivered too; anything else is an *HTTPError to retry.
func postJSON(ctx context.Context, hc *http.Client, cfg HTTPConfig, key string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, cfg.URL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("Idempotency-Key", key)
	req.Header.Set("User-Agent", "Cong-partner/1")
	if cfg.Token != "" {
		req.Header.Set("Authorization", "Bearer "+cfg.Token)
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300, resp.StatusCode == http.StatusConflict:
		return nil
	}
	return &HTTPError{Status: resp.StatusCode, Body: strings.TrimSpace(string(msg)), RetryAfter: retryAfter(resp.Header.Get("Retry-After"), time.Now())}
}

// maxRetryAfter bounds a partner's Retry-After: a typo on its side must
// not park the queue for a month.
const maxRetryAfter = 6 * time.Hour

// retryAfter reads Retry-After in seconds or as an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	var d time.Duration
	if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
		d = time.Duration(n) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = t.Sub(now)
	}
	return min(max(d, 0), maxRetryAfter)
}

// HTTPSync posts each sync row's JSON to the national portal.
type HTTPSync struct {
	Config HTTPConfig
	Client *http.Client
}

// NewHTTPSync checks the configuration and builds the client.
func NewHTTPSync(c HTTPConfig) (*HTTPSync, error) {
	hc, err := c.Client()
	if err != nil {
		return nil, err
	}
	return &HTTPSync{Config: c, Client: hc}, nil
}

func (h *HTTPSync) Deliver(ctx context.Context, it Item) error {
	if !json.Valid([]byte(it.Payload)) {
		return fmt.Errorf("%w: dữ liệu đồng bộ hỏng", ErrUndeliverable)
	}
	return postJSON(ctx, h.Client, h.Config, it.Key, []byte(it.Payload))
}

// HTTPSMS sends text messages through an HTTP gateway: a JSON POST of
// {"from", "to", "text", "unicode", "request_id"}. Vietnamese gateways
// differ in field names; a province whose gateway differs puts a small
// adapter in front or adds a Target here.
type HTTPSMS struct {
	Config HTTPConfig
	Client *http.Client
	// Brand is the registered brand name (sender id) messages come from.
	Brand string
	// ASCII strips diacritics before sending (GSM-7 only gateways, or
	// to keep messages to one 160-character part).
	ASCII bool
	// LookupURL is the public lookup page shown in the text.
	LookupURL string
}

// NewHTTPSMS checks the configuration and builds the client.
func NewHTTPSMS(c HTTPConfig, brand string, ascii bool, lookupURL string) (*HTTPSMS, error) {
	if strings.TrimSpace(brand) == "" {
		return nil, errors.New("thiếu tên thương hiệu (brand name) gửi tin nhắn")
	}
	hc, err := c.Client()
	if err != nil {
		return nil, err
	}
	return &HTTPSMS{Config: c, Client: hc, Brand: brand, ASCII: ascii, LookupURL: lookupURL}, nil
}

// SMSMessage is the body posted to the gateway.
type SMSMessage struct {
	From      string `json:"from"`
	To        string `json:"to"`
	Text      string `json:"text"`
	Unicode   bool   `json:"unicode"`
	RequestID string `json:"request_id"`
}

func (h *HTTPSMS) Deliver(ctx context.Context, it Item) error {
	to, ok := NormalizePhone(it.Recipient)
	if !ok {
		return fmt.Errorf("%w: số điện thoại %q không phải số di động Việt Nam", ErrUndeliverable, it.Recipient)
	}
	text, err := SMSText(it.Kind, it.Payload, h.LookupURL, h.ASCII)
	if err != nil {
		return err
	}
	body, err := json.Marshal(SMSMessage{From: h.Brand, To: to, Text: text, Unicode: !h.ASCII, RequestID: it.Key})
	if err != nil {
		return err
	}
	return postJSON(ctx, h.Client, h.Config, it.Key, body)
}
