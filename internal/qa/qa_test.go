package qa

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// solve answers a challenge question the way a person reads it.
func solve(t *testing.T, q string) string {
	t.Helper()
	q = strings.TrimSuffix(strings.TrimPrefix(q, "Bao nhiêu là "), "?")
	a, b, ok := strings.Cut(q, " cộng ")
	x, ok1 := ParseAnswer(a)
	y, ok2 := ParseAnswer(b)
	if !ok || !ok1 || !ok2 {
		t.Fatalf("cannot read challenge %q", q)
	}
	return itoa(x + y)
}

func TestChallenge(t *testing.T) {
	secret := []byte("bí mật của cổng thử nghiệm, 32 byte")
	now := time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
	c := NewChallenge(secret, now)
	if !strings.HasPrefix(c.Question, "Bao nhiêu là ") || strings.ContainsAny(c.Question, "0123456789") {
		t.Fatalf("question %q should be in words", c.Question)
	}
	ans := solve(t, c.Question)
	later := now.Add(time.Minute)
	nonce, err := VerifyChallenge(secret, c.Token, ans, "", later)
	if err != nil || len(nonce) != 16 {
		t.Fatalf("correct answer refused: %q %v", nonce, err)
	}
	wrong := itoa(mustAtoi(ans) + 1)
	cases := []struct {
		name                 string
		secret               []byte
		token, answer, honey string
		at                   time.Time
		want                 error
	}{
		{"wrong", secret, c.Token, wrong, "", later, ErrChallengeWrong},
		{"not a number", secret, c.Token, "nhiều", "", later, ErrChallengeWrong},
		{"honeypot", secret, c.Token, ans, "http://spam.example", later, ErrHoneypot},
		{"too fast", secret, c.Token, ans, "", now.Add(time.Second), ErrChallengeTooFast},
		{"expired", secret, c.Token, ans, "", now.Add(ChallengeMaxAge + time.Second), ErrChallengeExpired},
		{"other site's secret", []byte("khác"), c.Token, ans, "", later, ErrChallengeWrong},
		{"tampered time", secret, "1" + c.Token, ans, "", later, ErrChallengeWrong},
		{"garbage", secret, "abc", ans, "", later, ErrChallengeInvalid},
	}
	for _, tc := range cases {
		if _, err := VerifyChallenge(tc.secret, tc.token, tc.answer, tc.honey, tc.at); !errors.Is(err, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, err, tc.want)
		}
	}
}

func mustAtoi(s string) int { n, _ := ParseAnswer(s); return n }

func TestParseAnswer(t *testing.T) {
	for in, want := range map[string]int{"7": 7, " 12 ": 12, "bảy": 7, "bay": 7, "mười": 10, "mười hai": 12, "MƯỜI LĂM": 15, "muoi lam": 15, "mười bốn": 14, "mười tư": 14, "chín": 9} {
		if got, ok := ParseAnswer(in); !ok || got != want {
			t.Errorf("ParseAnswer(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "abc", "hai ba bốn năm", "-3", "1000"} {
		if _, ok := ParseAnswer(in); ok {
			t.Errorf("ParseAnswer(%q) accepted", in)
		}
	}
}

func TestValidateQuestion(t *testing.T) {
	ok := QuestionInput{Name: "Nguyễn Văn An", Email: "an@example.vn", Field: "dat-dai", Title: "Thủ tục cấp sổ đỏ", Body: "Tôi muốn hỏi về thủ tục cấp giấy chứng nhận.", DisplayMode: ShowInitials}
	if errs := ValidateQuestion(ok); len(errs) != 0 {
		t.Fatalf("valid input refused: %v", errs)
	}
	phoneOnly := ok
	phoneOnly.Email, phoneOnly.Phone = "", "0912 345 678"
	if errs := ValidateQuestion(phoneOnly); len(errs) != 0 {
		t.Fatalf("phone only refused: %v", errs)
	}
	cases := map[string]func(*QuestionInput){
		"name":    func(q *QuestionInput) { q.Name = "" },
		"contact": func(q *QuestionInput) { q.Email, q.Phone = "", "" },
		"email":   func(q *QuestionInput) { q.Email = "an@localhost" },
		"phone":   func(q *QuestionInput) { q.Phone = "12345" },
		"field":   func(q *QuestionInput) { q.Field = "xyz" },
		"title":   func(q *QuestionInput) { q.Title = strings.Repeat("á", MaxTitle+1) },
		"body":    func(q *QuestionInput) { q.Body = strings.Repeat("ệ", MaxQuestion+1) },
		"display": func(q *QuestionInput) { q.DisplayMode = "" },
	}
	for field, mutate := range cases {
		in := ok
		mutate(&in)
		errs := ValidateQuestion(in)
		if errs[field] == "" {
			t.Errorf("%s: no message (got %v)", field, errs)
		}
	}
	// Characters are counted, not bytes: 4000 Vietnamese letters are fine.
	in := ok
	in.Body = strings.Repeat("ệ", MaxQuestion)
	if errs := ValidateQuestion(in); errs["body"] != "" {
		t.Errorf("4000 characters refused: %s", errs["body"])
	}
}

func TestSpamFlag(t *testing.T) {
	if f := SpamFlag("Xem văn bản tại https://vanban.chinhphu.vn/abc", "Cảm ơn"); f != "" {
		t.Errorf("one link flagged: %q", f)
	}
	if f := SpamFlag("Mua ngay", "http://a.example http://b.example www.c.example"); !strings.Contains(f, "3 liên kết") {
		t.Errorf("three links not flagged: %q", f)
	}
}

func TestDisplayName(t *testing.T) {
	for _, tc := range []struct{ name, mode, want string }{
		{"Nguyễn Văn An", ShowFull, "Nguyễn Văn An"},
		{"  Nguyễn   Văn An ", ShowFull, "Nguyễn Văn An"},
		{"Nguyễn Văn An", ShowInitials, "N.V.A."},
		{"đỗ thị ánh", ShowInitials, "Đ.T.Á."},
		{"Trần Thị Bích Ngọc", ShowTitle, "Ông/Bà Ngọc"},
		{"", ShowFull, "Người hỏi"},
	} {
		if got := DisplayName(tc.name, tc.mode); got != tc.want {
			t.Errorf("DisplayName(%q, %s) = %q, want %q", tc.name, tc.mode, got, tc.want)
		}
	}
}

func TestConsultation(t *testing.T) {
	c := Consultation{OpensOn: "2026-11-01", ClosesOn: "2026-11-30"}
	for day, want := range map[string]string{"2026-10-31": ConsultUpcoming, "2026-11-01": ConsultOpen, "2026-11-30": ConsultOpen, "2026-12-01": ConsultClosed} {
		if got := c.State(day); got != want {
			t.Errorf("%s: %s, want %s", day, got, want)
		}
	}
	in := ConsultationInput{Title: "Dự thảo quy chế", OpensOn: "01/12/2026", ClosesOn: "2026-11-30"}
	if errs := ValidateConsultation(&in); errs["closes"] == "" {
		t.Errorf("closing before opening accepted: %v", errs)
	}
	in = ConsultationInput{Title: "Dự thảo quy chế", OpensOn: "1/12/2026", ClosesOn: "31/12/2026", DocURL: "javascript:alert(1)"}
	errs := ValidateConsultation(&in)
	if in.OpensOn != "2026-12-01" || in.ClosesOn != "2026-12-31" || errs["doc"] == "" || len(errs) != 1 {
		t.Errorf("normalised %+v, errs %v", in, errs)
	}
}

func TestTextToHTML(t *testing.T) {
	// Text with tags is the author's HTML: passed on (the caller sanitises).
	if in := "<p>Đoạn <b>một</b></p>"; TextToHTML(in) != in {
		t.Errorf("HTML changed: %q", TextToHTML(in))
	}
	if got := TextToHTML("Câu một,\ndòng hai & ba.\n\nCâu hai."); got != "<p>Câu một,<br>dòng hai &amp; ba.</p>\n<p>Câu hai.</p>\n" {
		t.Errorf("got %q", got)
	}
}
