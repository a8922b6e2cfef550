package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/qa"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// postFrom posts a public form as a citizen at address ip (rate limits are
// per address, so each case that is not about them uses its own).
func (e *env) postFrom(ip, target string, form url.Values) resp {
	e.t.Helper()
	r := httptest.NewRequest("POST", target, strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("User-Agent", browserUA)
	r.Header.Set("Sec-Fetch-Site", "same-origin")
	r.RemoteAddr = ip + ":40000"
	w := httptest.NewRecorder()
	e.srv.ServeHTTP(w, r)
	return resp{w.Code, w.Body.String(), w.Header()}
}

// solveChallenge reads "Bao nhiêu là bảy cộng hai?" like a person.
func solveChallenge(t *testing.T, question string) string {
	t.Helper()
	q := strings.TrimSuffix(strings.TrimPrefix(question, "Bao nhiêu là "), "?")
	a, b, ok := strings.Cut(q, " cộng ")
	x, ok1 := qa.ParseAnswer(a)
	y, ok2 := qa.ParseAnswer(b)
	if !ok || !ok1 || !ok2 {
		t.Fatalf("unreadable challenge %q", question)
	}
	return strconv.Itoa(x + y)
}

var qaChallengeRE = regexp.MustCompile(`<label for="challenge">([^<]+?) <span`)
var qaTokenRE = regexp.MustCompile(`name="challenge_token" value="([^"]+)"`)

// challengeFrom reads the challenge off a rendered form.
func challengeFrom(t *testing.T, body string) (question, token string) {
	t.Helper()
	q, tk := qaChallengeRE.FindStringSubmatch(body), qaTokenRE.FindStringSubmatch(body)
	if q == nil || tk == nil {
		t.Fatalf("no challenge in form:\n%.2000s", body)
	}
	return q[1], tk[1]
}

// issued makes a challenge signed with the site's secret as if the form had
// been shown `ago` (the minimum fill time would otherwise make every test
// sleep).
func issued(t *testing.T, e *env, ago time.Duration) (token, answer string) {
	t.Helper()
	secret, err := e.st.FormSecret(ctx, e.site.ID)
	if err != nil {
		t.Fatal(err)
	}
	c := qa.NewChallenge(secret, time.Now().Add(-ago))
	return c.Token, solveChallenge(t, c.Question)
}

func count(t *testing.T, s *store.Store, table string) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func askForm(t *testing.T, e *env) url.Values {
	tok, ans := issued(t, e, time.Minute)
	return url.Values{"name": {"Nguyễn Văn An"}, "email": {"an.nguyen@example.vn"}, "phone": {"0912 345 678"}, "field": {"dat-dai"},
		"title": {"Thủ tục cấp giấy chứng nhận quyền sử dụng đất"}, "body": {"Xin hỏi hồ sơ cấp giấy chứng nhận lần đầu gồm những gì?\nCảm ơn."},
		"display": {"initials"}, "challenge_token": {tok}, "challenge": {ans}, "website": {""}}
}

func TestQAAsk(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		form := e.get("/hoi-dap/dat-cau-hoi")
		wantCode(t, "form", form, http.StatusOK, "Gửi câu hỏi", "Bao nhiêu là", `name="website"`, "không được công khai")
		if form.hdr.Get("Cache-Control") != "no-store" {
			t.Error("a form with a one-time token must not be cached")
		}

		// Each refusal re-renders the form with what was typed, stores nothing.
		refused := []struct {
			name   string
			change func(url.Values)
			status int
			msg    string
		}{
			{"wrong answer", func(f url.Values) { n, _ := strconv.Atoi(f.Get("challenge")); f.Set("challenge", strconv.Itoa(n+1)) }, 422, "Kết quả phép tính chưa đúng"},
			{"expired", func(f url.Values) {
				tok, ans := issued(t, e, 3*time.Hour)
				f.Set("challenge_token", tok)
				f.Set("challenge", ans)
			}, 422, "hết hạn"},
			{"honeypot", func(f url.Values) { f.Set("website", "http://quang-cao.example") }, 422, "Vui lòng để trống ô “Trang web”"},
			{"forged token", func(f url.Values) { f.Set("challenge_token", "1700000000.0011223344556677.AAAAAAAAAAAAAAAAAAAAAA") }, 422, "Kết quả phép tính chưa đúng"},
			{"too fast", func(f url.Values) {
				q, tok := challengeFrom(t, e.get("/hoi-dap/dat-cau-hoi").body)
				f.Set("challenge_token", tok)
				f.Set("challenge", solveChallenge(t, q))
			}, 422, "gửi quá nhanh"},
			{"no contact", func(f url.Values) { f.Del("email"); f.Del("phone") }, 422, "ít nhất một"},
			{"bad email", func(f url.Values) { f.Set("email", "an@") }, 422, "Địa chỉ thư điện tử chưa đúng"},
			{"bad phone", func(f url.Values) { f.Set("phone", "123") }, 422, "Số điện thoại chưa đúng"},
			{"long title", func(f url.Values) { f.Set("title", strings.Repeat("Đất ", 60)) }, 422, "Tiêu đề quá dài: tối đa 200 ký tự"},
			{"long question", func(f url.Values) { f.Set("body", strings.Repeat("ệ", 4001)) }, 422, "Nội dung câu hỏi quá dài: tối đa 4000 ký tự (hiện có 4001)"},
			{"long name", func(f url.Values) { f.Set("name", strings.Repeat("Ánh", 40)) }, 422, "Họ và tên quá dài"},
			{"huge body", func(f url.Values) { f.Set("body", strings.Repeat("x", 70<<10)) }, 413, "quá lớn"},
		}
		for i, c := range refused {
			f := askForm(t, e)
			c.change(f)
			r := e.postFrom(fmt.Sprintf("198.51.100.%d", i+1), "/hoi-dap/dat-cau-hoi", f)
			wantCode(t, c.name, r, c.status, c.msg)
			if c.status == 422 {
				// Nothing lost: the citizen's text comes back, with a fresh challenge.
				mustContain(t, r, "Câu hỏi chưa được gửi", `value="initials" checked`, `value="dat-dai" selected`, "Bao nhiêu là")
				if c.name != "long question" {
					mustContain(t, r, "Xin hỏi hồ sơ cấp giấy chứng nhận lần đầu")
				}
			}
			if n := count(t, s, "questions"); n != 0 {
				t.Fatalf("%s: %d questions stored", c.name, n)
			}
		}

		// Correct: stored, then the private tracking page.
		f := askForm(t, e)
		r := e.postFrom("203.0.113.7", "/hoi-dap/dat-cau-hoi", f)
		if r.code != http.StatusSeeOther || !strings.HasPrefix(r.hdr.Get("Location"), "/hoi-dap/theo-doi/") {
			t.Fatalf("ask: %d %s %.500s", r.code, r.hdr.Get("Location"), r.body)
		}
		track := e.get(r.hdr.Get("Location"))
		wantCode(t, "tracking", track, http.StatusOK, "Cơ quan đã nhận câu hỏi của bạn", "Đã tiếp nhận, chờ xử lý", "Thủ tục cấp giấy chứng nhận quyền sử dụng đất", `content="noindex"`)
		if track.hdr.Get("Cache-Control") != "no-store" || track.hdr.Get("Referrer-Policy") != "no-referrer" {
			t.Error("tracking page headers")
		}
		qs, _, _ := s.Questions(ctx, store.QuestionFilter{SiteID: e.site.ID})
		if len(qs) != 1 || qs[0].Email != "an.nguyen@example.vn" || qs[0].Phone != "0912345678" || qs[0].Status != qa.StatusNew || qs[0].Flag != "" {
			t.Fatalf("stored: %+v", qs)
		}
		// The token is stored only as its hash.
		tok := strings.TrimSuffix(strings.TrimPrefix(r.hdr.Get("Location"), "/hoi-dap/theo-doi/"), "?moi=1")
		var clear, hashed int
		s.DB().QueryRowContext(ctx, rebind(s, "SELECT COUNT(*) FROM questions WHERE token_hash = ?"), []byte(tok)).Scan(&clear)
		s.DB().QueryRowContext(ctx, rebind(s, "SELECT COUNT(*) FROM questions WHERE token_hash = ?"), auth.HashSecret(tok)).Scan(&hashed)
		if clear != 0 || hashed != 1 {
			t.Errorf("token storage: clear %d, hashed %d", clear, hashed)
		}
		if r := e.get("/hoi-dap/theo-doi/" + strings.Repeat("x", 43)); r.code != http.StatusNotFound {
			t.Errorf("unknown token: %d", r.code)
		}

		// Replayed: the same form again is refused, not stored twice.
		r = e.postFrom("203.0.113.8", "/hoi-dap/dat-cau-hoi", f)
		wantCode(t, "replay", r, http.StatusConflict, "đã được gửi một lần")
		if n := count(t, s, "questions"); n != 1 {
			t.Fatalf("replay stored: %d", n)
		}

		// Many links: accepted but held for moderation.
		f = askForm(t, e)
		f.Set("body", "Mua ngay http://a.example http://b.example www.c.example giá rẻ")
		wantCode(t, "links", e.postFrom("203.0.113.9", "/hoi-dap/dat-cau-hoi", f), http.StatusSeeOther)
		qs, _, _ = s.Questions(ctx, store.QuestionFilter{SiteID: e.site.ID})
		if len(qs) != 2 || !strings.Contains(qs[0].Flag, "liên kết") {
			t.Fatalf("spam not flagged: %+v", qs[0])
		}
		// The IP address is never stored in clear.
		var hits int
		s.DB().QueryRowContext(ctx, "SELECT COUNT(*) FROM form_hits").Scan(&hits)
		if hits == 0 {
			t.Fatal("no form hits recorded")
		}
	})
}

func TestQARateLimit(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		var last resp
		for i := 0; i < 9; i++ {
			f := askForm(t, e)
			f.Set("challenge", "99") // wrong: attempts count too
			last = e.postFrom("192.0.2.50", "/hoi-dap/dat-cau-hoi", f)
			if i < 8 && last.code != http.StatusUnprocessableEntity {
				t.Fatalf("attempt %d: %d", i+1, last.code)
			}
		}
		wantCode(t, "9th attempt", last, http.StatusTooManyRequests, "Bạn đã gửi quá nhiều lần", "10 phút")
		if last.hdr.Get("Retry-After") == "" {
			t.Error("no Retry-After")
		}
		// Even a correct form is refused now; another address is not affected.
		wantCode(t, "limited correct", e.postFrom("192.0.2.50", "/hoi-dap/dat-cau-hoi", askForm(t, e)), http.StatusTooManyRequests)
		wantCode(t, "other address", e.postFrom("192.0.2.51", "/hoi-dap/dat-cau-hoi", askForm(t, e)), http.StatusSeeOther)
		if n := count(t, s, "questions"); n != 1 {
			t.Fatalf("stored %d", n)
		}
	})
}

// newQuestion stores a question as a citizen would have sent it.
func newQuestion(t *testing.T, e *env, title, field string) qa.Question {
	t.Helper()
	_, hash, _ := auth.NewSecret()
	q := qa.Question{SiteID: e.site.ID, Name: "Nguyễn Văn An", DisplayMode: qa.ShowInitials, Email: "an.nguyen@example.vn", Phone: "0912345678",
		Field: field, Title: title, Body: "Gia đình tôi có thửa đất ở xã Hòa An, xin hỏi thủ tục cấp giấy chứng nhận."}
	if err := e.st.CreateQuestion(ctx, &q, fmt.Sprintf("nonce-%d", time.Now().UnixNano()), hash); err != nil {
		t.Fatal(err)
	}
	return q
}

func TestQAModeration(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "bientap", auth.RoleEditor)
		e.addUser(t, "duyet", auth.RoleApprover)
		e.addUser(t, "motcua", auth.RoleOfficer)
		q := newQuestion(t, e, "Hỏi về cấp giấy chứng nhận quyền sử dụng đất", "dat-dai")
		other := newQuestion(t, e, "Quảng cáo", "khac")
		id := fmt.Sprint(q.ID)
		ed, ap, off := e.browser(t), e.browser(t), e.browser(t)
		ed.login("bientap")
		ap.login("duyet")
		off.login("motcua")

		wantCode(t, "officer queue", off.get("/quan-tri/hoi-dap"), http.StatusForbidden)
		wantCode(t, "queue", ed.get("/quan-tri/hoi-dap"), http.StatusOK, "Hỏi về cấp giấy chứng nhận", "Nguyễn Văn An", "Mới (2)")
		wantCode(t, "detail", ed.get("/quan-tri/hoi-dap/"+id), http.StatusOK, "an.nguyen@example.vn", "0912345678", "N.V.A.", "Nhận xử lý câu hỏi này")
		if r := e.get("/hoi-dap/" + id); r.code != http.StatusNotFound {
			t.Errorf("unanswered question public: %d", r.code)
		}

		// The editor takes it, answers; cannot publish.
		edUser, _ := s.UserByName(ctx, e.site.ID, "bientap")
		apUser, _ := s.UserByName(ctx, e.site.ID, "duyet")
		wantCode(t, "editor assigns to another", ed.post("/quan-tri/hoi-dap/"+id+"/phan-cong", url.Values{"user": {fmt.Sprint(apUser.ID)}}), http.StatusForbidden)
		wantCode(t, "take", ed.post("/quan-tri/hoi-dap/"+id+"/phan-cong", url.Values{"user": {fmt.Sprint(edUser.ID)}}), http.StatusSeeOther)
		e.addUser(t, "bientap2", auth.RoleEditor)
		ed2 := e.browser(t)
		ed2.login("bientap2")
		ed2User, _ := s.UserByName(ctx, e.site.ID, "bientap2")
		wantCode(t, "editor takes another's question", ed2.post("/quan-tri/hoi-dap/"+id+"/phan-cong", url.Values{"user": {fmt.Sprint(ed2User.ID)}}), http.StatusForbidden)
		wantCode(t, "editor answers another's question", ed2.post("/quan-tri/hoi-dap/"+id+"/tra-loi", url.Values{"answer": {"Trả lời thử"}}), http.StatusForbidden)
		wantCode(t, "empty answer", ed.post("/quan-tri/hoi-dap/"+id+"/tra-loi", url.Values{"answer": {"  "}}), http.StatusUnprocessableEntity, "Vui lòng nhập nội dung câu trả lời")
		answer := "Căn cứ Luật Đất đai 2024, hồ sơ gồm đơn đăng ký và giấy tờ về quyền sử dụng đất.\n\nXin trân trọng.<script>alert(1)</script>"
		wantCode(t, "answer", ed.post("/quan-tri/hoi-dap/"+id+"/tra-loi", url.Values{"answer": {answer}}), http.StatusSeeOther)
		got, _ := s.QuestionByID(ctx, e.site.ID, q.ID)
		if got.Status != qa.StatusAnswered || got.AssignedTo != edUser.ID || strings.Contains(got.AnswerHTML, "<script") || !strings.Contains(got.AnswerHTML, "Luật Đất đai 2024") {
			t.Fatalf("answered: %+v", got)
		}
		wantCode(t, "editor publishes", ed.post("/quan-tri/hoi-dap/"+id+"/cong-bo", nil), http.StatusForbidden)
		if r := e.get("/hoi-dap/" + id); r.code != http.StatusNotFound {
			t.Errorf("unpublished answer public: %d", r.code)
		}

		// The approver publishes: public list, detail, print, search, API.
		wantCode(t, "publish", ap.post("/quan-tri/hoi-dap/"+id+"/cong-bo", nil), http.StatusSeeOther)
		got, _ = s.QuestionByID(ctx, e.site.ID, q.ID)
		path := "/hoi-dap/" + id + "-" + got.Slug
		public := []resp{
			want(t, "list", e.get("/hoi-dap"), http.StatusOK, "Hỏi về cấp giấy chứng nhận", "N.V.A."),
			want(t, "detail", e.get(path), http.StatusOK, "Luật Đất đai 2024", "N.V.A.", "Đất đai – Xây dựng", "Bản in / Lưu PDF"),
			want(t, "print", e.get("/hoi-dap/"+id+"/in"), http.StatusOK, "Luật Đất đai 2024", "Lưu thành PDF", `data-print`, `class="print"`),
			want(t, "search folded", e.get("/hoi-dap?q=luat+dat+dai"), http.StatusOK, "Tìm thấy 1 câu hỏi", "Hỏi về cấp giấy chứng nhận"),
			want(t, "search field", e.get("/hoi-dap?linh-vuc=dat-dai&q=Giấy+CHỨNG+nhận"), http.StatusOK, "Tìm thấy 1 câu hỏi"),
			want(t, "api list", e.get("/api/v1/questions?q=dat+dai"), http.StatusOK, `"total":1`, `"asker":"N.V.A."`),
			want(t, "api item", e.get("/api/v1/questions/"+id), http.StatusOK, `"answer_html"`),
			want(t, "sitemap", e.get("/sitemap.xml"), http.StatusOK, path),
		}
		wantCode(t, "search miss", e.get("/hoi-dap?q=hộ+chiếu"), http.StatusOK, "Tìm thấy 0 câu hỏi")
		wantCode(t, "other field", e.get("/hoi-dap?linh-vuc=tu-phap"), http.StatusOK, "Không có câu hỏi nào phù hợp")
		wantCode(t, "bad field", e.get("/hoi-dap?linh-vuc=xyz"), http.StatusBadRequest)
		wantCode(t, "old slug", e.get("/hoi-dap/"+id+"-cu"), http.StatusMovedPermanently)
		// Contact data never public, in HTML or JSON.
		for i, r := range public {
			for _, secret := range []string{"an.nguyen@example.vn", "0912345678", "Nguyễn Văn An", "Nguy\\u1ec5n"} {
				if strings.Contains(r.body, secret) {
					t.Errorf("public response %d leaks %q", i, secret)
				}
			}
		}
		var item map[string]any
		json.Unmarshal([]byte(e.get("/api/v1/questions/"+id).body), &item)
		for k := range item {
			if k != "id" && k != "title" && k != "url" && k != "field" && k != "asker" && k != "question" && k != "answer_html" && k != "asked_at" && k != "published_at" {
				t.Errorf("unexpected API field %q", k)
			}
		}
		// The asker's tracking page now shows the answer.
		// (Found through the store: the test cannot know the token.)

		// Another editor may not reject a question given to someone else:
		// 403, whatever its state (it answered 409 "published").
		wantCode(t, "other editor rejects", ed2.post("/quan-tri/hoi-dap/"+id+"/tu-choi", nil), http.StatusForbidden)

		// Withdraw: gone from the public site.
		wantCode(t, "unpublish", ap.post("/quan-tri/hoi-dap/"+id+"/go", nil), http.StatusSeeOther)
		if r := e.get(path); r.code != http.StatusNotFound {
			t.Errorf("withdrawn question still public: %d", r.code)
		}
		if r := e.get("/api/v1/questions/" + id); r.code != http.StatusNotFound || !strings.Contains(r.body, `"not_found"`) {
			t.Errorf("withdrawn question in API: %d %s", r.code, r.body)
		}

		// Spam: rejected, not publishable, restorable.
		oid := fmt.Sprint(other.ID)
		wantCode(t, "reject", ed.post("/quan-tri/hoi-dap/"+oid+"/tu-choi", nil), http.StatusSeeOther)
		wantCode(t, "rejected tab", ed.get("/quan-tri/hoi-dap?trang-thai=spam"), http.StatusOK, "Quảng cáo")
		wantCode(t, "answer rejected", ed.post("/quan-tri/hoi-dap/"+oid+"/tra-loi", url.Values{"answer": {"Trả lời"}}), http.StatusForbidden)
		wantCode(t, "publish rejected", ap.post("/quan-tri/hoi-dap/"+oid+"/cong-bo", nil), http.StatusConflict)
		wantCode(t, "restore", ed.post("/quan-tri/hoi-dap/"+oid+"/khoi-phuc", nil), http.StatusSeeOther)
		wantCode(t, "no csrf", ed.post("/quan-tri/hoi-dap/"+oid+"/tu-choi", url.Values{"csrf": {""}}), http.StatusForbidden)
		if got, _ := s.QuestionByID(ctx, e.site.ID, other.ID); got.Status != qa.StatusNew {
			t.Errorf("restored: %s", got.Status)
		}
		wantCode(t, "unknown question", ed.get("/quan-tri/hoi-dap/999999"), http.StatusNotFound)

		e.addUser(t, "quantri", auth.RoleAdmin)
		adm := e.browser(t)
		adm.login("quantri")
		wantCode(t, "audit page", adm.get("/quan-tri/nhat-ky"), http.StatusOK, "Công bố câu trả lời", "Phân công trả lời câu hỏi", "Từ chối câu hỏi (thư rác)")
		audit := auditActions(t, s, e.site.ID)
		for _, a := range []string{"question.assign", "question.answer", "question.publish", "question.unpublish", "question.reject", "question.restore"} {
			if !strings.Contains(audit, ","+a+",") {
				t.Errorf("audit lacks %s", a)
			}
		}
	})
}

func TestQATrackingShowsAnswer(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		r := e.postFrom("203.0.113.20", "/hoi-dap/dat-cau-hoi", askForm(t, e))
		loc := strings.TrimSuffix(r.hdr.Get("Location"), "?moi=1")
		qs, _, _ := s.Questions(ctx, store.QuestionFilter{SiteID: e.site.ID})
		if len(qs) != 1 {
			t.Fatalf("%d %s", r.code, r.body)
		}
		if err := s.AnswerQuestion(ctx, e.site.ID, qs[0].ID, 0, "<p>Hồ sơ gồm đơn và bản sao giấy tờ.</p>"); err != nil {
			t.Fatal(err)
		}
		wantCode(t, "answered, not published", e.get(loc), http.StatusOK, "đang chờ duyệt")
		if strings.Contains(e.get(loc).body, "bản sao giấy tờ") {
			t.Error("unapproved answer shown to the asker")
		}
		s.SetQuestionStatus(ctx, e.site.ID, qs[0].ID, qa.StatusPublished)
		wantCode(t, "published", e.get(loc), http.StatusOK, "Đã trả lời và công bố", "Hồ sơ gồm đơn và bản sao giấy tờ.")
	})
}

// want is wantCode that hands the response back.
func want(t *testing.T, what string, r resp, code int, subs ...string) resp {
	t.Helper()
	wantCode(t, what, r, code, subs...)
	return r
}

// rebind turns ? into $1 for PostgreSQL in the few raw queries tests make.
func rebind(s *store.Store, q string) string {
	if s.Dialect() == store.Postgres {
		return strings.Replace(q, "?", "$1", 1)
	}
	return q
}

func TestQAAnswerCitesDocument(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		d := seedDoc(t, s, e.site.ID, "03-NQ/TU", "Nghị quyết", "Tỉnh ủy Thử Nghiệm", "Cải cách hành chính", "21/01/2021", "")
		q := newQuestion(t, e, "Căn cứ đẩy mạnh cải cách hành chính", "hanh-chinh")
		if err := s.AnswerQuestion(ctx, e.site.ID, q.ID, 0, "<p>Căn cứ Nghị quyết số 03-NQ/TU ngày 21/1/2021 của Tỉnh ủy, huyện đã ban hành kế hoạch.</p>"); err != nil {
			t.Fatal(err)
		}
		if err := s.SetQuestionStatus(ctx, e.site.ID, q.ID, qa.StatusPublished); err != nil {
			t.Fatal(err)
		}
		for _, path := range []string{fmt.Sprintf("/hoi-dap/%d-%s", q.ID, q.Slug), fmt.Sprintf("/hoi-dap/%d/in", q.ID)} {
			wantCode(t, path, e.get(path), http.StatusOK, `href="`+d.Path()+`"`)
		}
	})
}
