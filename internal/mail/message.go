package mail

import (
	"bytes"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"time"
)

// Message is one mail ready to be built.
type Message struct {
	From    mail.Address
	To      mail.Address
	Subject string
	Body    string // plain text, UTF-8, "\n" line ends
	Date    time.Time
	// MessageID without the angle brackets. It must stay the same across
	// retries of one outbox row (see MessageID).
	MessageID string
}

// MessageID is the stable Message-ID of an outbox row: its id and random
// token, at the sender's domain. A retry after a lost "sent" mark carries
// the same id, so the receiving side can recognise the duplicate.
func MessageID(id int64, token string, from mail.Address) string {
	dom := "cong.invalid"
	if at := strings.LastIndexByte(from.Address, '@'); at >= 0 && at < len(from.Address)-1 {
		dom = from.Address[at+1:]
	}
	return fmt.Sprintf("cong.%d.%s@%s", id, token, dom)
}

// Bytes builds the RFC 5322 message: non-ASCII header text as MIME
// encoded-words (RFC 2047, UTF-8 base64 — Vietnamese is mostly non-ASCII,
// where B is shorter than Q), the body UTF-8 quoted-printable with CRLF line
// ends, so no line exceeds the limits whatever the text.
func (m Message) Bytes() ([]byte, error) {
	for _, a := range []mail.Address{m.From, m.To} {
		if strings.ContainsAny(a.Address, "\r\n<>") || !strings.Contains(a.Address, "@") {
			return nil, fmt.Errorf("địa chỉ thư không hợp lệ: %q", a.Address)
		}
	}
	var b bytes.Buffer
	hdr := func(k, v string) { b.WriteString(fold(k, v)) }
	hdr("From", address(m.From))
	hdr("To", address(m.To))
	hdr("Subject", mime.BEncoding.Encode("utf-8", oneLine(m.Subject)))
	hdr("Date", m.Date.Format(time.RFC1123Z))
	hdr("Message-ID", "<"+m.MessageID+">")
	hdr("MIME-Version", "1.0")
	hdr("Content-Type", "text/plain; charset=utf-8")
	hdr("Content-Transfer-Encoding", "quoted-printable")
	// RFC 3834: vacation responders and the like must not answer it.
	hdr("Auto-Submitted", "auto-generated")
	b.WriteString("\r\n")
	qp := quotedprintable.NewWriter(&b)
	body := strings.ReplaceAll(strings.ReplaceAll(m.Body, "\r\n", "\n"), "\n", "\r\n")
	if _, err := qp.Write([]byte(body)); err != nil {
		return nil, err
	}
	if err := qp.Close(); err != nil {
		return nil, err
	}
	if !bytes.HasSuffix(b.Bytes(), []byte("\r\n")) {
		b.WriteString("\r\n")
	}
	return b.Bytes(), nil
}

// address formats a mailbox with its display name as encoded-words when
// needed (net/mail's String does exactly that, Q-encoding a non-ASCII name).
func address(a mail.Address) string {
	a.Name = oneLine(a.Name)
	return a.String()
}

// fold writes a header field with its lines within RFC 5322's 78
// characters where the words allow, breaking only at spaces: between
// encoded-words (decoders drop that whitespace) or before an address.
func fold(key, value string) string {
	var b strings.Builder
	line := key + ":"
	for _, w := range strings.Split(value, " ") {
		if len(line)+1+len(w) > 78 && len(line) > 0 {
			b.WriteString(line + "\r\n")
			line = ""
		}
		line += " " + w
	}
	b.WriteString(line + "\r\n")
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
