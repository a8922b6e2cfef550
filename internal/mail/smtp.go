package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/smtp"
	"net/textproto"
	"net/url"
	"strings"
	"time"
)

// SMTP sends messages to one relay, given as a URL:
//
//	smtp://user:pass@host:587   plain connection, upgraded with STARTTLS when the server offers it
//	smtps://user:pass@host:465  TLS from the first byte
//
// Credentials are only ever sent over TLS, or to a relay on the loopback
// interface (net/smtp's PlainAuth enforces it).
type SMTP struct {
	Addr      string // host:port
	Host      string
	User      string
	Pass      string
	Implicit  bool // smtps://
	LocalName string
	// Timeout bounds one whole message, from dial to QUIT: a relay that
	// accepts the connection and then says nothing cannot hold the worker.
	Timeout   time.Duration
	TLSConfig *tls.Config // nil: verify the relay's certificate for Host
}

// DefaultTimeout is the whole-message deadline of a relay parsed from a URL.
const DefaultTimeout = time.Minute

// ParseURL reads --smtp-url.
func ParseURL(raw string) (*SMTP, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" || (u.Scheme != "smtp" && u.Scheme != "smtps") {
		return nil, fmt.Errorf("--smtp-url phải có dạng smtp://tên:mật-khẩu@máy-chủ:587 hoặc smtps://…:465 (nhận được %q)", redact(raw))
	}
	s := &SMTP{Host: u.Hostname(), Implicit: u.Scheme == "smtps", Timeout: DefaultTimeout}
	port := u.Port()
	if port == "" {
		port = "587"
		if s.Implicit {
			port = "465"
		}
	}
	s.Addr = net.JoinHostPort(s.Host, port)
	if u.User != nil {
		s.User = u.User.Username()
		s.Pass, _ = u.User.Password()
	}
	return s, nil
}

func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxx")
	}
	return u.String()
}

// String names the relay for logs, without the password.
func (s *SMTP) String() string { return s.Addr }

// SendError is a failed delivery attempt. Permanent is a 5xx answer: the
// relay refused this message, and retrying it as is will not help for
// long. Anything else (4xx, a refused or dropped connection, a timeout) is
// an outage that retrying outlives.
type SendError struct {
	Permanent bool
	Err       error
}

func (e *SendError) Error() string { return e.Err.Error() }
func (e *SendError) Unwrap() error { return e.Err }

func classify(stage string, err error) error {
	if err == nil {
		return nil
	}
	var tp *textproto.Error
	perm := errors.As(err, &tp) && tp.Code >= 500 && tp.Code < 600
	return &SendError{Permanent: perm, Err: fmt.Errorf("%s: %w", stage, err)}
}

// Send delivers msg to the relay within Timeout.
func (s *SMTP) Send(ctx context.Context, from string, to []string, msg []byte) error {
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	deadline, _ := ctx.Deadline()
	d := net.Dialer{Timeout: timeout}
	var conn net.Conn
	var err error
	if s.Implicit {
		td := tls.Dialer{NetDialer: &d, Config: s.tlsConfig()}
		conn, err = td.DialContext(ctx, "tcp", s.Addr)
	} else {
		conn, err = d.DialContext(ctx, "tcp", s.Addr)
	}
	if err != nil {
		return classify("kết nối", err)
	}
	// One deadline for every command that follows; net/smtp has none of its
	// own. Cancelling ctx (shutdown) closes the connection at once.
	conn.SetDeadline(deadline)
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	c, err := smtp.NewClient(conn, s.Host)
	if err != nil {
		conn.Close()
		return classify("lời chào", err)
	}
	defer c.Close()
	if err := c.Hello(s.localName()); err != nil {
		return classify("EHLO", err)
	}
	if !s.Implicit {
		if ok, _ := c.Extension("STARTTLS"); ok {
			if err := c.StartTLS(s.tlsConfig()); err != nil {
				return classify("STARTTLS", err)
			}
		}
	}
	if s.User != "" {
		if err := c.Auth(smtp.PlainAuth("", s.User, s.Pass, s.Host)); err != nil {
			return classify("xác thực", err)
		}
	}
	if err := c.Mail(from); err != nil {
		return classify("MAIL FROM", err)
	}
	for _, r := range to {
		if err := c.Rcpt(r); err != nil {
			return classify("RCPT TO", err)
		}
	}
	w, err := c.Data()
	if err != nil {
		return classify("DATA", err)
	}
	if _, err := w.Write(msg); err != nil {
		return classify("DATA", err)
	}
	// Close waits for the relay's answer to the message: only a 250 here
	// means it took responsibility for it.
	if err := w.Close(); err != nil {
		return classify("DATA", err)
	}
	// The message is accepted; a failing QUIT changes nothing.
	_ = c.Quit()
	return nil
}

func (s *SMTP) tlsConfig() *tls.Config {
	if s.TLSConfig != nil {
		return s.TLSConfig
	}
	return &tls.Config{ServerName: s.Host, MinVersion: tls.VersionTLS12}
}

func (s *SMTP) localName() string {
	if s.LocalName != "" {
		return s.LocalName
	}
	return "localhost"
}

// validAddress rejects what could smuggle SMTP commands.
func validAddress(a string) bool {
	return a != "" && !strings.ContainsAny(a, "\r\n<> ") && strings.Contains(a, "@")
}
