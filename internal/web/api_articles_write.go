package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/newsroom"
	"github.com/congportal/cong/internal/store"
)

// bearer wraps a write API handler: the user comes from an
// "Authorization: Bearer <token>" header (no cookies, so no CSRF), and the
// same role rules as the newsroom apply in the handler.
func (s *Server) bearer(fn handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		h := r.Header.Get("Authorization")
		tok, ok := strings.CutPrefix(h, "Bearer ")
		if !ok || tok == "" || len(tok) > 100 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="cong"`)
			return &Error{Status: http.StatusUnauthorized, Code: "unauthorized", Message: "Cần mã API hợp lệ trong tiêu đề Authorization: Bearer <mã>."}
		}
		hash := auth.HashSecret(strings.TrimSpace(tok))
		u, tokenSite, err := s.st.TokenUser(r.Context(), hash)
		if errors.Is(err, store.ErrNotFound) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="cong", error="invalid_token"`)
			return &Error{Status: http.StatusUnauthorized, Code: "unauthorized", Message: "Mã API không hợp lệ, đã bị thu hồi hoặc tài khoản đã bị khóa."}
		}
		if err != nil {
			return err
		}
		// A token acts on the site it was made for, with its owner's role
		// there (issue 16): a commune's token is refused on the province.
		if tokenSite != s.siteIDOf(r) {
			return &Error{Status: http.StatusForbidden, Code: "wrong_site", Message: "Mã API này thuộc một cổng khác."}
		}
		if u, err = s.onSite(r, u); err != nil {
			return err
		}
		if err := s.st.TouchToken(r.Context(), hash, time.Now()); err != nil {
			return err
		}
		return fn(w, r.WithContext(withUser(r.Context(), &u)))
	}
}

// apiArticleInput is the body of POST and PUT /api/v1/articles. Status asks
// for a transition: "draft" (default), "pending" (submit), "published"
// (publish now, or at scheduled_at).
type apiArticleInput struct {
	Title       string   `json:"title"`
	Slug        string   `json:"slug"`
	Summary     string   `json:"summary"`
	BodyHTML    string   `json:"body_html"`
	Category    string   `json:"category"` // slug
	Author      string   `json:"author"`
	Source      string   `json:"source"`
	Tags        []string `json:"tags"`
	Featured    bool     `json:"featured"`
	Status      string   `json:"status"`
	ScheduledAt string   `json:"scheduled_at"` // RFC 3339
	Version     int      `json:"version"`      // required on PUT: optimistic locking
}

func (s *Server) draftFromJSON(r *http.Request, in apiArticleInput) (newsroom.Draft, error) {
	d := newsroom.Draft{Title: in.Title, Slug: in.Slug, Summary: in.Summary, BodyHTML: in.BodyHTML, Author: in.Author, Source: in.Source, Tags: in.Tags, Featured: in.Featured}
	unknownCategory := false
	if in.Category != "" {
		c, err := s.st.CategoryBySlug(r.Context(), s.siteIDOf(r), in.Category)
		switch {
		case !validSlug(in.Category) || errors.Is(err, store.ErrNotFound):
			unknownCategory = true
		case err != nil:
			return d, err
		default:
			d.CategoryID = c.ID
		}
	}
	err := newsroom.Validate(d, nil)
	if unknownCategory {
		v, _ := err.(newsroom.ValidationError)
		if v == nil {
			v = newsroom.ValidationError{}
		}
		v["category"] = "Chuyên mục không tồn tại: " + in.Category + "."
		return d, v
	}
	return d, err
}

// applyStatus performs the transition the API client asked for.
func (s *Server) applyStatus(u *auth.User, a *news.Article, in apiArticleInput) error {
	switch in.Status {
	case "", news.StatusDraft:
		return nil
	case news.StatusPending:
		if a.Status == news.StatusPending {
			return nil
		}
		return newsroom.Submit(u, a)
	case news.StatusPublished:
		var at time.Time
		if in.ScheduledAt != "" {
			t, err := time.Parse(time.RFC3339, in.ScheduledAt)
			if err != nil {
				return newsroom.ValidationError{"scheduled_at": "scheduled_at phải theo RFC 3339, ví dụ 2026-12-01T08:00:00+07:00."}
			}
			at = t
		}
		if a.Status == news.StatusPublished && at.IsZero() {
			return nil
		}
		return newsroom.Publish(u, a, at, time.Now())
	}
	return newsroom.ValidationError{"status": "status chỉ nhận draft, pending hoặc published."}
}

func (s *Server) apiCreateArticle(w http.ResponseWriter, r *http.Request) error {
	u := userFrom(r.Context())
	var in apiArticleInput
	if err := readJSON(w, r, &in); err != nil {
		return err
	}
	d, err := s.draftFromJSON(r, in)
	if err != nil {
		return toWorkflowError(err)
	}
	a, err := newsroom.New(u, d)
	if err != nil {
		return toWorkflowError(err)
	}
	if a.BodyHTML, err = s.responsiveImages(r.Context(), a.BodyHTML); err != nil {
		return err
	}
	if err := s.applyStatus(u, a, in); err != nil {
		return toWorkflowError(err)
	}
	if err := s.saveFromAPI(r, a, u); err != nil {
		return err
	}
	s.audit(r, "article.create", "article", a.ID, a.Title+" (API)")
	if a.Status == news.StatusPublished {
		s.audit(r, "article.publish", "article", a.ID, a.Title+" (API)")
	}
	full, err := s.st.Article(r.Context(), s.siteIDOf(r), a.ID)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/articles/"+strconv.FormatInt(a.ID, 10))
	writeJSON(w, http.StatusCreated, s.toAdminAPI(r, full))
	return nil
}

func (s *Server) apiUpdateArticle(w http.ResponseWriter, r *http.Request) error {
	u := userFrom(r.Context())
	a, err := s.articleByID(r)
	if err != nil {
		return err
	}
	var in apiArticleInput
	if err := readJSON(w, r, &in); err != nil {
		return err
	}
	// 403 before 409 or 422: a token that may not edit this article learns
	// nothing about its version.
	if err := newsroom.MayEdit(u, &a); err != nil {
		return toWorkflowError(err)
	}
	if in.Version < 1 {
		return &Error{Status: http.StatusUnprocessableEntity, Code: "validation", Message: "Thiếu version (số phiên bản đã đọc) để tránh ghi đè thay đổi của người khác.", Fields: map[string]string{"version": "bắt buộc"}}
	}
	if in.Version != a.Version {
		return &Error{Status: http.StatusConflict, Code: "conflict", Message: "Bài viết đã được sửa sau phiên bản bạn đọc (hiện là " + strconv.Itoa(a.Version) + "). Hãy đọc lại rồi gửi lại thay đổi."}
	}
	d, err := s.draftFromJSON(r, in)
	if err != nil {
		return toWorkflowError(err)
	}
	if err := newsroom.Edit(u, &a, d); err != nil {
		return toWorkflowError(err)
	}
	if a.BodyHTML, err = s.responsiveImages(r.Context(), a.BodyHTML); err != nil {
		return err
	}
	if err := s.applyStatus(u, &a, in); err != nil {
		return toWorkflowError(err)
	}
	if err := s.saveFromAPI(r, &a, u); err != nil {
		return err
	}
	s.audit(r, "article.update", "article", a.ID, a.Title+" (API)")
	full, err := s.st.Article(r.Context(), s.siteIDOf(r), a.ID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, s.toAdminAPI(r, full))
	return nil
}

// apiDeleteArticle moves an article to the recycle bin (never a hard delete).
func (s *Server) apiDeleteArticle(w http.ResponseWriter, r *http.Request) error {
	u := userFrom(r.Context())
	a, err := s.articleByID(r)
	if err != nil {
		return err
	}
	if err := newsroom.Trash(u, &a); err != nil {
		return toWorkflowError(err)
	}
	if err := s.saveFromAPI(r, &a, u); err != nil {
		return err
	}
	s.audit(r, "article.trash", "article", a.ID, a.Title+" (API)")
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) saveFromAPI(r *http.Request, a *news.Article, u *auth.User) error {
	err := s.st.SaveArticleBy(r.Context(), a, u.ID)
	switch {
	case errors.Is(err, store.ErrConflict):
		return &Error{Status: http.StatusConflict, Code: "conflict", Message: "Bài viết vừa được người khác thay đổi. Hãy đọc lại rồi gửi lại thay đổi."}
	case errors.Is(err, store.ErrSlugTaken):
		return &Error{Status: http.StatusUnprocessableEntity, Code: "validation", Message: err.Error(), Fields: map[string]string{"slug": err.Error()}}
	case err != nil:
		return err
	}
	s.ContentChanged()
	return nil
}

// apiAdminArticle adds the newsroom fields to the public shape.
type apiAdminArticle struct {
	apiArticle
	Status        string `json:"status"`
	Version       int    `json:"version"`
	ReviewComment string `json:"review_comment,omitempty"`
	ScheduledAt   string `json:"scheduled_at,omitempty"`
}

func (s *Server) toAdminAPI(r *http.Request, a news.Article) apiAdminArticle {
	out := apiAdminArticle{apiArticle: s.toAPI(r, a), Status: a.Status, Version: a.Version, ReviewComment: a.ReviewComment}
	if !a.ScheduledAt.IsZero() {
		out.ScheduledAt = a.ScheduledAt.In(s.loc).Format(time.RFC3339)
	}
	if a.PublishedAt.IsZero() {
		out.PublishedAt = ""
	}
	return out
}
