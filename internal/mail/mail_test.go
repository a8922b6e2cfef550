package mail

import (
	"io"
	"mime"
	"mime/quotedprintable"
	netmail "net/mail"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/dossier"
)

func sample() Data {
	at := time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC) // 09:00 in Hà Nội
	return Data{Site: "Cổng dịch vụ công tỉnh Lâm Giang", DossierID: 42, Code: "XAB-260302-0001", Procedure: "Chứng thực bản sao",
		Unit: "UBND xã An Bình", Applicant: "Nguyễn Thị Hoà", Channel: "Trực tuyến", At: at, DueAt: at.Add(72 * time.Hour),
		NewDueAt: at.Add(120 * time.Hour), Reason: "Cần xác minh thêm với cơ quan cấp", Token: "AbCdEfGhIjKlMnOpQrStUv"}
}

// Every kind renders with its facts, in Vietnamese, with no template
// placeholder left over.
func TestRenderEveryKind(t *testing.T) {
	for _, k := range Kinds {
		r, err := Render(k, sample(), "https://dvc.lamgiang.gov.vn/")
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		if k == CitizenCode {
			// Not about a dossier: the code, in the subject for phones'
			// notification lines, and in the body; no link to follow.
			if !strings.Contains(r.Subject, sample().Token) || !strings.Contains(r.Body, "    "+sample().Token+"\n") || strings.Contains(r.Body, "https://") {
				t.Errorf("%s: %q\n%s", k, r.Subject, r.Body)
			}
			continue
		}
		if !strings.Contains(r.Subject, "XAB-260302-0001") || strings.Contains(r.Body, "<no value>") || !strings.Contains(r.Body, "Lâm Giang") {
			t.Errorf("%s: %q\n%s", k, r.Subject, r.Body)
		}
		link := "https://dvc.lamgiang.gov.vn/tra-cuu?ma=XAB-260302-0001"
		if k == OfficerNew || k == OfficerNearDue {
			link = "https://dvc.lamgiang.gov.vn/quan-tri/ho-so/42"
		}
		if k == PrivateLink {
			link = "https://dvc.lamgiang.gov.vn/ho-so-cua-toi/AbCdEfGhIjKlMnOpQrStUv"
		}
		if !strings.Contains(r.Body, link) {
			t.Errorf("%s: no link %s in\n%s", k, link, r.Body)
		}
	}
	if r, _ := Render(Supplement, sample(), "https://dvc.lamgiang.gov.vn"); !strings.Contains(r.Body, "https://dvc.lamgiang.gov.vn/cong-dan/ho-so") {
		t.Errorf("the supplement mail does not point to the citizen's account:\n%s", r.Body)
	}
	r, _ := Render(Apology, sample(), "https://dvc.lamgiang.gov.vn")
	for _, want := range []string{"xin lỗi", "Cần xác minh thêm với cơ quan cấp", "Ngày hẹn trả kết quả mới: 09:00 ngày 07/03/2026", "đúng hẹn ngày 05/03/2026"} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("apology lacks %q:\n%s", want, r.Body)
		}
	}
	if _, err := Render("khong-co", sample(), ""); err == nil {
		t.Error("unknown kind rendered")
	}
	d := sample()
	d.Code = "A\r\nBcc: x@y.vn"
	if r, _ := Render(Received, d, ""); strings.ContainsAny(r.Subject, "\r\n") {
		t.Errorf("subject spans lines: %q", r.Subject)
	}
}

// Which events mail whom.
func TestWhoIsMailed(t *testing.T) {
	for a, want := range map[dossier.Action]Kind{dossier.ActReceive: Received, dossier.ActRequestSupplement: Supplement,
		dossier.ActRefuse: Refused, dossier.ActApologise: Apology, dossier.ActFinish: Finished, dossier.ActReturn: Returned} {
		if k, ok := ForApplicant(dossier.Event{Action: a}); !ok || k != want {
			t.Errorf("%s: %q %v", a, k, ok)
		}
	}
	for _, a := range []dossier.Action{dossier.ActSubmit, dossier.ActProcess, dossier.ActAssign, dossier.ActSupplemented, dossier.ActWithdraw, dossier.ActPaid} {
		if k, ok := ForApplicant(dossier.Event{Action: a}); ok {
			t.Errorf("%s mails the applicant (%s)", a, k)
		}
	}
	online := dossier.Dossier{Channel: dossier.Online}
	if k, ok := ForOfficers(online, dossier.Event{Action: dossier.ActSubmit, To: dossier.New}); !ok || k != OfficerNew {
		t.Error("new online dossier not sent to officers")
	}
	if _, ok := ForOfficers(dossier.Dossier{Channel: dossier.Counter}, dossier.Event{Action: dossier.ActReceive, To: dossier.Received}); ok {
		t.Error("counter entry mailed to officers")
	}
	for addr, want := range map[string]bool{"a@dan.vn": true, "a@example.com": false, "a@x.example": false, "a@b.invalid": false,
		"a@mail.test": false, "a@example.vn": true, "khong-co-a-cong": false, "a@": false} {
		if Deliverable(addr) != want {
			t.Errorf("Deliverable(%q) = %v", addr, !want)
		}
	}
}

// The message is 7-bit clean, its Vietnamese subject and names are
// encoded-words that decode back exactly, its body quoted-printable UTF-8.
func TestMessageEncoding(t *testing.T) {
	subject := "Xin lỗi và hẹn lại ngày trả kết quả hồ sơ XAB-260302-0001 — thủ tục đăng ký khai sinh, kết hôn, nhận cha, mẹ, con"
	body := "Kính gửi Ông/Bà Nguyễn Thị Hoà,\n\n" + strings.Repeat("Hồ sơ của Ông/Bà đã được tiếp nhận. ", 20) + "\n"
	from, err := ParseFrom("Cổng dịch vụ công <khongtraloi@lamgiang.gov.vn>")
	if err != nil {
		t.Fatal(err)
	}
	m := Message{From: from, To: netmail.Address{Name: "Nguyễn Thị Hoà", Address: "hoa@dan.vn"}, Subject: subject, Body: body,
		Date: time.Date(2026, 3, 2, 9, 0, 0, 0, dossier.Loc), MessageID: MessageID(7, "abc", from)}
	raw, err := m.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(raw), "\r\n") {
		if len(line) > 78 {
			t.Errorf("line of %d bytes: %q", len(line), line)
		}
		for _, c := range []byte(line) {
			if c >= 0x80 {
				t.Fatalf("8-bit byte in %q", line)
			}
		}
	}
	pm, err := netmail.ReadMessage(strings.NewReader(string(raw)))
	if err != nil {
		t.Fatal(err)
	}
	got, err := new(mime.WordDecoder).DecodeHeader(pm.Header.Get("Subject"))
	if err != nil || got != subject {
		t.Fatalf("subject %q %v", got, err)
	}
	to, err := pm.Header.AddressList("To")
	if err != nil || to[0].Name != "Nguyễn Thị Hoà" || to[0].Address != "hoa@dan.vn" {
		t.Fatalf("to %v %v", to, err)
	}
	if id := pm.Header.Get("Message-ID"); id != "<cong.7.abc@lamgiang.gov.vn>" {
		t.Errorf("Message-ID %q", id)
	}
	if ct := pm.Header.Get("Content-Type"); ct != "text/plain; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	b, err := io.ReadAll(quotedprintable.NewReader(pm.Body))
	if err != nil || strings.ReplaceAll(string(b), "\r\n", "\n") != body {
		t.Fatalf("body %q %v", b, err)
	}
	if _, err := (Message{From: from, To: netmail.Address{Address: "x@y.vn\r\nBcc: z@w.vn"}}).Bytes(); err == nil {
		t.Error("header injection through the address accepted")
	}
}

func TestParseURL(t *testing.T) {
	s, err := ParseURL("smtp://thu%40tinh.gov.vn:m%E1%BA%ADt%3Akh%E1%BA%A9u@mail.tinh.gov.vn")
	if err != nil || s.Addr != "mail.tinh.gov.vn:587" || s.User != "thu@tinh.gov.vn" || s.Pass != "mật:khẩu" || s.Implicit {
		t.Fatalf("%+v %v", s, err)
	}
	s, err = ParseURL("smtps://mail.tinh.gov.vn")
	if err != nil || s.Addr != "mail.tinh.gov.vn:465" || !s.Implicit || s.User != "" {
		t.Fatalf("%+v %v", s, err)
	}
	for _, bad := range []string{"mail.tinh.gov.vn:25", "http://mail", "smtp://", "smtp://a:b@:25"} {
		if _, err := ParseURL(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	_, err = ParseURL("ftp://u:bimat@host")
	if err == nil || strings.Contains(err.Error(), "bimat") {
		t.Errorf("password in error: %v", err)
	}
	for _, bad := range []string{"", "khong phai dia chi", "a@b.vn\r\nBcc: c@d.vn"} {
		if _, err := ParseFrom(bad); err == nil {
			t.Errorf("from %q accepted", bad)
		}
	}
}

func TestBackoff(t *testing.T) {
	w := &Worker{BackoffMin: time.Minute, BackoffMax: time.Hour}
	for n, want := range map[int]time.Duration{1: time.Minute, 2: 2 * time.Minute, 3: 4 * time.Minute, 7: time.Hour, 50: time.Hour} {
		if got := w.Backoff(n); got != want {
			t.Errorf("Backoff(%d) = %v, want %v", n, got, want)
		}
	}
}
