package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/qa"
	"github.com/congportal/cong/internal/store"
)

func (s *Server) newQAAdminPage(r *http.Request, title, nav string) adminPage {
	p := s.newAdminPage(r, title)
	p.Nav = nav
	if f, ok := qaFlashes[r.URL.Query().Get("tb")]; ok {
		p.Flash = f
	}
	return p
}

type qaAdminPage struct {
	adminPage
	Statuses   []struct{ Code, Name string }
	Counts     map[string]int
	Status     string
	Mine       bool
	Questions  []qa.Question
	Total      int
	Pager      pager
	Q          qa.Question
	Staff      []auth.User
	Answer     string
	Errors     map[string]string
	CanAnswer  bool
	CanPublish bool
	CanAssign  bool // to anyone; editors may only take a question themselves
}

func (s *Server) adminQuestions(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActAnswerQuestion); err != nil {
		return err
	}
	n, err := pageParam(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	u := userFrom(ctx)
	p := &qaAdminPage{adminPage: s.newQAAdminPage(r, "Hỏi đáp của công dân", "qa"), Statuses: qa.Statuses}
	p.Status = r.URL.Query().Get("trang-thai")
	if p.Status != "" && qa.StatusName(p.Status) == p.Status {
		return errBadRequest("Trạng thái không hợp lệ.")
	}
	p.Mine = r.URL.Query().Get("cua-toi") == "1"
	f := store.QuestionFilter{SiteID: s.siteIDOf(r), Status: p.Status, Limit: 30, Offset: (n - 1) * 30}
	if p.Mine {
		f.AssignedTo = u.ID
	}
	if p.Questions, p.Total, err = s.st.Questions(ctx, f); err != nil {
		return err
	}
	if p.Counts, err = s.st.QuestionCounts(ctx, s.siteIDOf(r)); err != nil {
		return err
	}
	base := "/quan-tri/hoi-dap?"
	if p.Status != "" {
		base += "trang-thai=" + p.Status + "&"
	}
	if p.Mine {
		base += "cua-toi=1&"
	}
	p.Pager = pager{Page: n, Pages: (p.Total + 29) / 30, Base: base}
	return s.renderAdmin(w, http.StatusOK, "qa_queue", p)
}

func (s *Server) loadAdminQuestion(r *http.Request) (qa.Question, error) {
	if err := allow(r, auth.ActAnswerQuestion); err != nil {
		return qa.Question{}, err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return qa.Question{}, errNotFound()
	}
	return s.st.QuestionByID(r.Context(), s.siteIDOf(r), id)
}

// mayModerate: rejecting a question as spam or bringing it back is for
// whoever may answer it (an editor for questions given to them or to no
// one, an approver for any), whatever its status; checked before the
// status so that 403 comes before 409.
func mayModerate(u *auth.User, q qa.Question) bool {
	if !auth.Can(u, auth.ActAnswerQuestion, nil) {
		return false
	}
	return auth.Can(u, auth.ActPublishAnswer, nil) || q.AssignedTo == 0 || q.AssignedTo == u.ID
}

// canAnswer: an editor answers questions given to them (or not given to
// anyone yet); approvers answer any.
func canAnswer(u *auth.User, q qa.Question) bool {
	if !auth.Can(u, auth.ActAnswerQuestion, nil) || q.Status == qa.StatusSpam {
		return false
	}
	return auth.Can(u, auth.ActPublishAnswer, nil) || q.AssignedTo == 0 || q.AssignedTo == u.ID
}

func (s *Server) questionPage(r *http.Request, q qa.Question) (*qaAdminPage, error) {
	u := userFrom(r.Context())
	p := &qaAdminPage{adminPage: s.newQAAdminPage(r, "Câu hỏi #"+strconv.FormatInt(q.ID, 10), "qa"), Q: q, Errors: map[string]string{}}
	p.Answer = q.AnswerHTML
	p.CanAnswer = canAnswer(u, q)
	p.CanPublish = auth.Can(u, auth.ActPublishAnswer, nil)
	p.CanAssign = p.CanPublish
	users, err := s.st.Users(r.Context(), s.siteIDOf(r))
	if err != nil {
		return nil, err
	}
	for _, x := range users {
		if !x.Disabled && auth.Can(&x.User, auth.ActAnswerQuestion, nil) {
			p.Staff = append(p.Staff, x.User)
		}
	}
	return p, nil
}

func (s *Server) adminQuestion(w http.ResponseWriter, r *http.Request) error {
	q, err := s.loadAdminQuestion(r)
	if err != nil {
		return err
	}
	p, err := s.questionPage(r, q)
	if err != nil {
		return err
	}
	return s.renderAdmin(w, http.StatusOK, "qa_edit", p)
}

func (s *Server) adminQuestionAction(w http.ResponseWriter, r *http.Request) error {
	q, err := s.loadAdminQuestion(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	u := userFrom(ctx)
	action := r.PathValue("action")
	conflict := func(msg string) error {
		return &Error{Status: http.StatusConflict, Code: "conflict", Message: msg}
	}
	switch action {
	case "phan-cong":
		to, err := strconv.ParseInt(r.PostFormValue("user"), 10, 64)
		if err != nil {
			return errBadRequest("Vui lòng chọn người trả lời.")
		}
		// Editors take unassigned questions for themselves; moving a
		// question between people is the approver's call.
		if !auth.Can(u, auth.ActPublishAnswer, nil) && (to != u.ID || (q.AssignedTo != 0 && q.AssignedTo != u.ID)) {
			return errForbidden()
		}
		target, err := s.st.UserByID(ctx, s.siteIDOf(r), to)
		if err != nil || target.Disabled || !auth.Can(&target.User, auth.ActAnswerQuestion, nil) {
			return errBadRequest("Người được phân công không hợp lệ.")
		}
		if q.Status == qa.StatusSpam {
			return conflict("Câu hỏi đã bị từ chối; hãy đưa trở lại hàng chờ trước khi phân công.")
		}
		if err := s.st.AssignQuestion(ctx, s.siteIDOf(r), q.ID, to); err != nil {
			return err
		}
		s.audit(r, "question.assign", "question", q.ID, "giao cho "+target.Username)
	case "tra-loi":
		if !canAnswer(u, q) {
			return errForbidden()
		}
		text := formText(r, "answer")
		html := news.SanitizeHTML(qa.TextToHTML(text))
		if news.PlainText(html) == "" || len([]rune(text)) > 50000 {
			p, err := s.questionPage(r, q)
			if err != nil {
				return err
			}
			p.Answer = text
			p.Errors["answer"] = "Vui lòng nhập nội dung câu trả lời (tối đa 50.000 ký tự)."
			return s.renderAdmin(w, http.StatusUnprocessableEntity, "qa_edit", p)
		}
		if err := s.st.AnswerQuestion(ctx, s.siteIDOf(r), q.ID, u.ID, html); err != nil {
			return err
		}
		s.audit(r, "question.answer", "question", q.ID, q.Title)
	case "cong-bo":
		if !auth.Can(u, auth.ActPublishAnswer, nil) {
			return errForbidden()
		}
		if q.AnswerHTML == "" || q.Status == qa.StatusSpam {
			return conflict("Chỉ công bố được câu hỏi đã có câu trả lời.")
		}
		if err := s.st.SetQuestionStatus(ctx, s.siteIDOf(r), q.ID, qa.StatusPublished); err != nil {
			return err
		}
		s.audit(r, "question.publish", "question", q.ID, q.Title)
	case "go":
		if !auth.Can(u, auth.ActPublishAnswer, nil) {
			return errForbidden()
		}
		if q.Status != qa.StatusPublished {
			return conflict("Câu hỏi chưa được công bố.")
		}
		if err := s.st.SetQuestionStatus(ctx, s.siteIDOf(r), q.ID, qa.StatusAnswered); err != nil {
			return err
		}
		s.audit(r, "question.unpublish", "question", q.ID, q.Title)
	case "tu-choi":
		if !mayModerate(u, q) {
			return errForbidden()
		}
		if q.Status == qa.StatusPublished {
			return conflict("Câu hỏi đang được công bố; hãy gỡ khỏi cổng trước khi từ chối.")
		}
		if err := s.st.SetQuestionStatus(ctx, s.siteIDOf(r), q.ID, qa.StatusSpam); err != nil {
			return err
		}
		s.audit(r, "question.reject", "question", q.ID, q.Title)
	case "khoi-phuc":
		if !mayModerate(u, q) {
			return errForbidden()
		}
		if q.Status != qa.StatusSpam {
			return conflict("Câu hỏi không ở trạng thái bị từ chối.")
		}
		st := qa.StatusNew
		if q.AssignedTo != 0 {
			st = qa.StatusAssigned
		}
		if err := s.st.SetQuestionStatus(ctx, s.siteIDOf(r), q.ID, st); err != nil {
			return err
		}
		s.audit(r, "question.restore", "question", q.ID, q.Title)
	default:
		return errNotFound()
	}
	http.Redirect(w, r, fmt.Sprintf("/quan-tri/hoi-dap/%d?tb=%s", q.ID, action), http.StatusSeeOther)
	return nil
}
