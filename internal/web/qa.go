package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/institution"
	"github.com/congportal/cong/internal/qa"
	"github.com/congportal/cong/internal/store"
)

const qaPerPage = 15

// qaPage is the data of the public Q&A and consultation pages.
type qaPage struct {
	*page
	Questions []qa.Question
	Q         qa.Question
	Fields    []qa.Field
	Field     string
	Search    string
	F         qa.QuestionInput
	Errors    map[string]string
	Challenge qa.Challenge
	Honeypot  string
	TrackURL  string
	Fresh     bool // the tracking page right after asking

	Consults     []qa.Consultation
	Consult      qa.Consultation
	State        string
	FB           qa.FeedbackInput
	Thanks       bool
	Open, Closed []qa.Consultation
	Upcoming     []qa.Consultation
}

func (s *Server) newQAPage(r *http.Request, active string) *qaPage {
	p := &qaPage{page: s.basePage(r.Context()), Fields: qa.Fields, Errors: map[string]string{}}
	p.Active = active
	return p
}

// refID reads "{id}" or "{id}-{slug}" from a path value.
func refID(v string) (int64, bool) {
	num, _, _ := strings.Cut(v, "-")
	id, err := strconv.ParseInt(num, 10, 64)
	return id, err == nil && id > 0 && len(v) <= 200
}

func questionPath(q qa.Question) string { return fmt.Sprintf("/hoi-dap/%d-%s", q.ID, q.Slug) }

func (s *Server) qaList(w http.ResponseWriter, r *http.Request) error {
	n, err := pageParam(r)
	if err != nil {
		return err
	}
	p := s.newQAPage(r, "hoi-dap")
	qv := r.URL.Query()
	p.Search = strings.TrimSpace(qv.Get("q"))
	if len([]rune(p.Search)) > 200 {
		return errBadRequest("Từ khóa tìm kiếm quá dài (tối đa 200 ký tự).")
	}
	p.Field = qv.Get("linh-vuc")
	if p.Field != "" && qa.FieldName(p.Field) == "" {
		return errBadRequest("Lĩnh vực không hợp lệ.")
	}
	qs, total, err := s.st.Questions(r.Context(), store.QuestionFilter{SiteID: s.siteIDOf(r), Status: qa.StatusPublished, Field: p.Field, Query: p.Search, Limit: qaPerPage, Offset: (n - 1) * qaPerPage})
	if err != nil {
		return err
	}
	p.Questions, p.Total = qs, total
	base := url.Values{}
	if p.Search != "" {
		base.Set("q", p.Search)
	}
	if p.Field != "" {
		base.Set("linh-vuc", p.Field)
	}
	b := "/hoi-dap?"
	if len(base) > 0 {
		b += base.Encode() + "&"
	}
	p.Pager = pager{Page: n, Pages: (total + qaPerPage - 1) / qaPerPage, Base: b}
	p.Canonical = s.baseURLOf(r) + "/hoi-dap"
	p.NoIndex = p.Search != "" || n > 1
	s.countVisit(r, 0)
	return s.renderPublic(w, r, http.StatusOK, "qa_list", p)
}

func (s *Server) qaAskForm(w http.ResponseWriter, r *http.Request) error {
	p := s.newQAPage(r, "hoi-dap")
	p.F.DisplayMode = qa.ShowInitials
	var err error
	if p.Challenge, err = s.newChallenge(r); err != nil {
		return err
	}
	p.NoIndex = true
	w.Header().Set("Cache-Control", "no-store")
	return s.renderPublic(w, r, http.StatusOK, "qa_ask", p)
}

func (s *Server) qaAsk(w http.ResponseWriter, r *http.Request) error {
	_, nonce, chErr, err := s.formGuard(w, r)
	if err != nil {
		return err
	}
	in := qa.QuestionInput{
		Name: formText(r, "name"), Email: formText(r, "email"), Phone: formText(r, "phone"),
		Field: formText(r, "field"), Title: formText(r, "title"), Body: formText(r, "body"), DisplayMode: formText(r, "display"),
	}
	errs := qa.ValidateQuestion(in)
	if chErr != nil {
		errs["challenge"] = chErr.Error()
	}
	status := http.StatusUnprocessableEntity
	if len(errs) == 0 {
		secret, hash, err := auth.NewSecret()
		if err != nil {
			return err
		}
		q := qa.Question{SiteID: s.siteIDOf(r), Name: in.Name, DisplayMode: in.DisplayMode, Email: in.Email, Phone: qa.NormalizePhone(in.Phone),
			Field: in.Field, Title: in.Title, Body: in.Body, Flag: qa.SpamFlag(in.Title, in.Body)}
		err = s.st.CreateQuestion(r.Context(), &q, nonce, hash)
		if err == nil {
			http.Redirect(w, r, "/hoi-dap/theo-doi/"+secret+"?moi=1", http.StatusSeeOther)
			return nil
		}
		if !errors.Is(err, store.ErrReplayed) {
			return err
		}
		errs["challenge"] = qa.ErrChallengeReplayed.Error()
		status = http.StatusConflict
	}
	// Nothing was stored: show the form again with what was typed and a
	// new challenge.
	p := s.newQAPage(r, "hoi-dap")
	p.F, p.Errors, p.NoIndex = in, errs, true
	p.Honeypot = r.PostFormValue(qa.HoneypotField)
	if p.Challenge, err = s.newChallenge(r); err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	return s.renderPublic(w, r, status, "qa_ask", p)
}

// qaSub serves /hoi-dap/theo-doi/{token} and /hoi-dap/{id}/in.
func (s *Server) qaSub(w http.ResponseWriter, r *http.Request) error {
	ref, action := r.PathValue("ref"), r.PathValue("action")
	if ref == "theo-doi" {
		return s.qaTrack(w, r, action)
	}
	if action != "in" {
		return errNotFound()
	}
	return s.qaShow(w, r, true)
}

func (s *Server) qaTrack(w http.ResponseWriter, r *http.Request, token string) error {
	if len(token) < 20 || len(token) > 100 {
		return errNotFound()
	}
	q, err := s.st.QuestionByToken(r.Context(), s.siteIDOf(r), auth.HashSecret(token))
	if err != nil {
		return err
	}
	if q.Status == qa.StatusPublished {
		if q.AnswerHTML, err = s.linkCitations(r.Context(), q.AnswerHTML); err != nil {
			return err
		}
	}
	p := s.newQAPage(r, "hoi-dap")
	p.Q, p.NoIndex, p.Fresh = q, true, r.URL.Query().Get("moi") == "1"
	p.TrackURL = s.baseURLOf(r) + "/hoi-dap/theo-doi/" + token
	// The page carries the asker's private link and their question: keep
	// it out of shared caches and other sites' Referer headers.
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
	return s.renderPublic(w, r, http.StatusOK, "qa_track", p)
}

func (s *Server) qaDetail(w http.ResponseWriter, r *http.Request) error { return s.qaShow(w, r, false) }

func (s *Server) qaShow(w http.ResponseWriter, r *http.Request, print bool) error {
	id, ok := refID(r.PathValue("ref"))
	if !ok {
		return errNotFound()
	}
	q, err := s.st.QuestionByID(r.Context(), s.siteIDOf(r), id)
	if err != nil {
		return err
	}
	if q.Status != qa.StatusPublished {
		return errNotFound()
	}
	if !print && r.PathValue("ref") != fmt.Sprintf("%d-%s", q.ID, q.Slug) {
		http.Redirect(w, r, questionPath(q), http.StatusMovedPermanently)
		return nil
	}
	// Documents the answer cites ("Nghị quyết số 03-NQ/TU") link to the
	// library when it has them.
	if q.AnswerHTML, err = s.linkCitations(r.Context(), q.AnswerHTML); err != nil {
		return err
	}
	p := s.newQAPage(r, "hoi-dap")
	p.Q, p.Print = q, print
	p.Canonical = s.baseURLOf(r) + questionPath(q)
	p.Description = q.Title
	p.NoIndex = print
	if !print {
		s.countVisit(r, 0)
	}
	return s.renderPublic(w, r, http.StatusOK, "qa_detail", p)
}

// apiQuestion is the public JSON of an answered question. It is built
// field by field so contact data can never slip in.
type apiQuestion struct {
	ID          int64  `json:"id"`
	Title       string `json:"title"`
	URL         string `json:"url"`
	Field       string `json:"field"`
	Asker       string `json:"asker"`
	Question    string `json:"question"`
	AnswerHTML  string `json:"answer_html"`
	AskedAt     string `json:"asked_at"`
	PublishedAt string `json:"published_at"`
}

func (s *Server) toAPIQuestion(r *http.Request, q qa.Question) apiQuestion {
	return apiQuestion{ID: q.ID, Title: q.Title, URL: s.baseURLOf(r) + questionPath(q), Field: q.FieldName(), Asker: q.DisplayName(),
		Question: q.Body, AnswerHTML: q.AnswerHTML, AskedAt: q.CreatedAt.In(s.loc).Format(time.RFC3339), PublishedAt: q.PublishedAt.In(s.loc).Format(time.RFC3339)}
}

func (s *Server) apiQuestions(w http.ResponseWriter, r *http.Request) error {
	n, err := pageParam(r)
	if err != nil {
		return err
	}
	per := 20
	if v := r.URL.Query().Get("per_page"); v != "" {
		if per, err = strconv.Atoi(v); err != nil || per < 1 || per > 100 {
			return errBadRequest("per_page phải là số từ 1 đến 100.")
		}
	}
	qv := r.URL.Query()
	if qv.Get("field") != "" && qa.FieldName(qv.Get("field")) == "" {
		return errBadRequest("Lĩnh vực (field) không hợp lệ.")
	}
	qs, total, err := s.st.Questions(r.Context(), store.QuestionFilter{SiteID: s.siteIDOf(r), Status: qa.StatusPublished, Field: qv.Get("field"), Query: qv.Get("q"), Limit: per, Offset: (n - 1) * per})
	if err != nil {
		return err
	}
	items := make([]apiQuestion, 0, len(qs))
	for _, q := range qs {
		items = append(items, s.toAPIQuestion(r, q))
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items, "total": total})
	return nil
}

func (s *Server) apiQuestion(w http.ResponseWriter, r *http.Request) error {
	id, ok := refID(r.PathValue("id"))
	if !ok {
		return errNotFound()
	}
	q, err := s.st.QuestionByID(r.Context(), s.siteIDOf(r), id)
	if err != nil {
		return err
	}
	if q.Status != qa.StatusPublished {
		return errNotFound()
	}
	writeJSON(w, http.StatusOK, s.toAPIQuestion(r, q))
	return nil
}

// qaSitemap adds the Q&A, consultation and institutional pages to
// /sitemap.xml.
func (s *Server) qaSitemap(ctx context.Context, add func(u string, mod time.Time)) error {
	stamps, err := s.st.InstPageStamps(ctx, s.siteIDCtx(ctx))
	if err != nil {
		return err
	}
	for _, k := range institution.PageKinds {
		if t, ok := stamps[k.Code+"/vi"]; ok {
			add(s.baseURLCtx(ctx)+"/"+k.Code, t)
		}
		if t, ok := stamps[k.Code+"/en"]; ok && k.EnSlug != "" {
			add(s.baseURLCtx(ctx)+"/en/"+k.EnSlug, t)
		}
	}
	add(s.baseURLCtx(ctx)+"/hoi-dap", time.Time{})
	add(s.baseURLCtx(ctx)+"/lay-y-kien", time.Time{})
	qs, _, err := s.st.Questions(ctx, store.QuestionFilter{SiteID: s.siteIDCtx(ctx), Status: qa.StatusPublished, Limit: 5000})
	if err != nil {
		return err
	}
	for _, q := range qs {
		add(s.baseURLCtx(ctx)+questionPath(q), q.UpdatedAt)
	}
	cs, err := s.st.Consultations(ctx, s.siteIDCtx(ctx))
	if err != nil {
		return err
	}
	for _, c := range cs {
		add(s.baseURLCtx(ctx)+consultPath(c), c.UpdatedAt)
	}
	return nil
}
