package mail_test

import (
	"errors"
	"io"
	"mime"
	"mime/quotedprintable"
	"net"
	netmail "net/mail"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// smtpServer is a real SMTP server (go-smtp) in the test process: the
// worker talks to it over TCP exactly as to a relay.
type smtpServer struct {
	addr string
	user string
	pass string
	// refuse, when set, is the answer to MAIL FROM (a 4xx outage or a 5xx
	// refusal).
	refuse atomic.Pointer[smtp.SMTPError]

	mu   sync.Mutex
	msgs []received
	auth int // successful AUTH PLAIN exchanges
}

type received struct {
	From string
	To   []string
	Raw  []byte
	// Decoded.
	Subject   string
	Body      string
	MessageID string
	Header    netmail.Header
}

func startSMTP(t *testing.T, user, pass string) *smtpServer {
	t.Helper()
	s := &smtpServer{user: user, pass: pass}
	srv := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) { return &session{srv: s}, nil }))
	srv.Domain = "localhost"
	// Credentials over a plain connection are fine on the loopback (the
	// client side, net/smtp, allows them only there).
	srv.AllowInsecureAuth = true
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.addr = ln.Addr().String()
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return s
}

func (s *smtpServer) messages() []received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]received(nil), s.msgs...)
}

func (s *smtpServer) authCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.auth
}

type session struct {
	srv    *smtpServer
	authed bool
	from   string
	to     []string
}

func (x *session) AuthMechanisms() []string { return []string{sasl.Plain} }

func (x *session) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, user, pass string) error {
		if user != x.srv.user || pass != x.srv.pass {
			return &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "sai tên hoặc mật khẩu"}
		}
		x.authed = true
		x.srv.mu.Lock()
		x.srv.auth++
		x.srv.mu.Unlock()
		return nil
	}), nil
}

func (x *session) Mail(from string, _ *smtp.MailOptions) error {
	if e := x.srv.refuse.Load(); e != nil {
		return e
	}
	if x.srv.user != "" && !x.authed {
		return smtp.ErrAuthRequired
	}
	x.from = from
	return nil
}

func (x *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	x.to = append(x.to, to)
	return nil
}

func (x *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	m, err := netmail.ReadMessage(strings.NewReader(string(raw)))
	if err != nil {
		return err
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if err != nil {
		return err
	}
	var body io.Reader = m.Body
	if strings.EqualFold(m.Header.Get("Content-Transfer-Encoding"), "quoted-printable") {
		body = quotedprintable.NewReader(m.Body)
	}
	b, err := io.ReadAll(body)
	if err != nil {
		return errors.New("unreadable body")
	}
	x.srv.mu.Lock()
	x.srv.msgs = append(x.srv.msgs, received{From: x.from, To: x.to, Raw: raw, Subject: subject,
		Body: strings.ReplaceAll(string(b), "\r\n", "\n"), MessageID: m.Header.Get("Message-ID"), Header: m.Header})
	x.srv.mu.Unlock()
	return nil
}

func (x *session) Reset()        { x.from, x.to = "", nil }
func (x *session) Logout() error { return nil }

// hangingServer accepts connections and never says a word: a relay stuck
// behind a firewall that swallows packets, or a wedged process.
func hangingServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
	})
	return ln.Addr().String()
}
