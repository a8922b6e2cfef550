package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/newsroom"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/viet"
)

type articlesPage struct {
	adminPage
	Articles   []news.Article
	Total      int
	Pager      pager
	Categories []news.Category
	Statuses   []string
	Authors    []store.UserRecord
	F          struct {
		Status, Q, From, To string
		Category, Author    int64
	}
	Message string
}

var adminStatuses = []string{news.StatusDraft, news.StatusPending, news.StatusReturned, news.StatusScheduled, news.StatusPublished, news.StatusTrash}

func (s *Server) adminArticles(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	u := userFrom(ctx)
	if !auth.Can(u, auth.ActCreate, nil) {
		return errForbidden()
	}
	n, err := pageParam(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	p := &articlesPage{adminPage: s.newAdminPage(r, "Bài viết"), Statuses: adminStatuses}
	p.Nav = "articles"
	f := store.AdminFilter{SiteID: s.siteIDOf(r), Limit: 30, Offset: (n - 1) * 30}
	p.F.Status = q.Get("trang-thai")
	for _, st := range adminStatuses {
		if st == p.F.Status {
			f.Status = st
		}
	}
	p.F.Category, _ = strconv.ParseInt(q.Get("chuyen-muc"), 10, 64)
	f.CategoryID = p.F.Category
	p.F.Author, _ = strconv.ParseInt(q.Get("tac-gia"), 10, 64)
	f.AuthorID = p.F.Author
	if v := q.Get("tu-ngay"); v != "" {
		if t, err := time.ParseInLocation("2006-01-02", v, s.loc); err == nil {
			f.From, p.F.From = t, v
		} else {
			p.Message = "Ngày bắt đầu không hợp lệ (dùng dd/mm/yyyy)."
		}
	}
	if v := q.Get("den-ngay"); v != "" {
		if t, err := time.ParseInLocation("2006-01-02", v, s.loc); err == nil {
			f.To, p.F.To = t.AddDate(0, 0, 1), v
		} else {
			p.Message = "Ngày kết thúc không hợp lệ (dùng dd/mm/yyyy)."
		}
	}
	if raw := strings.TrimSpace(strings.ToValidUTF8(q.Get("q"), "")); raw != "" {
		p.F.Q = raw
		pq, err := viet.ParseQuery(raw)
		if err != nil {
			p.Message = err.Error()
		} else {
			f.Query = pq
		}
	}
	if p.Articles, p.Total, err = s.st.AdminArticles(ctx, f); err != nil {
		return err
	}
	if p.Categories, err = s.st.Categories(ctx, s.siteIDOf(r)); err != nil {
		return err
	}
	if p.Authors, err = s.st.Users(ctx, s.siteIDOf(r)); err != nil {
		return err
	}
	base := url.Values{}
	for k, v := range q {
		if k != "trang" && k != "tb" {
			base[k] = v
		}
	}
	p.Pager = pager{Page: n, Pages: pages(p.Total, 30), Base: "/quan-tri/bai-viet?" + base.Encode()}
	if len(base) > 0 {
		p.Pager.Base += "&"
	}
	return s.renderAdmin(w, http.StatusOK, "articles", p)
}

type editPage struct {
	adminPage
	Article    news.Article
	IsNew      bool
	Categories []news.Category
	Errors     map[string]string
	Message    string
	Conflict   bool
	Revisions  []store.Revision
	TagsText   string
	PublicURL  string
	// CanShare: the article is published on a site with a parent, so it
	// may be proposed there ("Tin cơ sở"); ShareStatus is its proposal's.
	CanShare    bool
	ShareStatus string
}

func (s *Server) articleByID(r *http.Request) (news.Article, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return news.Article{}, errNotFound()
	}
	return s.st.Article(r.Context(), s.siteIDOf(r), id)
}

func (s *Server) editPageFor(r *http.Request, a news.Article, isNew bool) (*editPage, error) {
	title := "Sửa bài viết"
	if isNew {
		title = "Viết bài mới"
	}
	p := &editPage{adminPage: s.newAdminPage(r, title), Article: a, IsNew: isNew, TagsText: strings.Join(a.Tags, ", ")}
	p.Nav = "articles"
	var err error
	if p.Categories, err = s.st.Categories(r.Context(), s.siteIDOf(r)); err != nil {
		return nil, err
	}
	if !isNew {
		if p.Revisions, err = s.st.Revisions(r.Context(), a.ID); err != nil {
			return nil, err
		}
		if a.Status == news.StatusPublished {
			p.PublicURL = "/bai-viet/" + a.Slug
			d, err := s.site(r.Context())
			if err != nil {
				return nil, err
			}
			if d.site.ParentID != 0 {
				p.CanShare = true
				if p.ShareStatus, err = s.st.ShareStatus(r.Context(), s.siteIDOf(r), a.ID); err != nil {
					return nil, err
				}
			}
		}
	}
	return p, nil
}

func (s *Server) newArticleForm(w http.ResponseWriter, r *http.Request) error {
	u := userFrom(r.Context())
	if !auth.Can(u, auth.ActCreate, nil) {
		return errForbidden()
	}
	p, err := s.editPageFor(r, news.Article{Author: u.Name, Status: news.StatusDraft}, true)
	if err != nil {
		return err
	}
	return s.renderAdmin(w, http.StatusOK, "article_edit", p)
}

func (s *Server) editArticleForm(w http.ResponseWriter, r *http.Request) error {
	a, err := s.articleByID(r)
	if err != nil {
		return err
	}
	if !auth.Can(userFrom(r.Context()), auth.ActView, &a) {
		return errForbidden()
	}
	p, err := s.editPageFor(r, a, false)
	if err != nil {
		return err
	}
	return s.renderAdmin(w, http.StatusOK, "article_edit", p)
}

// draftFromForm reads the editor's fields.
func draftFromForm(r *http.Request) newsroom.Draft {
	cat, _ := strconv.ParseInt(r.PostFormValue("category"), 10, 64)
	var tags []string
	for _, t := range strings.Split(r.PostFormValue("tags"), ",") {
		if t = strings.TrimSpace(t); t != "" {
			tags = append(tags, t)
		}
	}
	return newsroom.Draft{
		Title: r.PostFormValue("title"), Slug: strings.TrimSpace(r.PostFormValue("slug")), Summary: r.PostFormValue("summary"),
		BodyHTML: r.PostFormValue("body"), Author: r.PostFormValue("author"), Source: r.PostFormValue("source"),
		CategoryID: cat, Tags: tags, Featured: r.PostFormValue("featured") == "1",
	}
}

func (s *Server) categoryExists(r *http.Request) (func(int64) bool, error) {
	cats, err := s.st.Categories(r.Context(), s.siteIDOf(r))
	if err != nil {
		return nil, err
	}
	return func(id int64) bool {
		for _, c := range cats {
			if c.ID == id {
				return true
			}
		}
		return false
	}, nil
}

// createArticle saves a new draft; "gui" in the form also submits it.
func (s *Server) createArticle(w http.ResponseWriter, r *http.Request) error {
	u := userFrom(r.Context())
	d := draftFromForm(r)
	exists, err := s.categoryExists(r)
	if err != nil {
		return err
	}
	a, err := newsroom.New(u, d)
	if err != nil {
		return toWorkflowError(err)
	}
	if a.BodyHTML, err = s.responsiveImages(r.Context(), a.BodyHTML); err != nil {
		return err
	}
	if verr := newsroom.Validate(d, exists); verr != nil {
		return s.redisplay(w, r, *a, true, verr)
	}
	if err := s.st.SaveArticleBy(r.Context(), a, u.ID); err != nil {
		if errors.Is(err, store.ErrSlugTaken) {
			return s.redisplay(w, r, *a, true, newsroom.ValidationError{"slug": err.Error() + "."})
		}
		return err
	}
	s.audit(r, "article.create", "article", a.ID, a.Title)
	http.Redirect(w, r, "/quan-tri/bai-viet/"+strconv.FormatInt(a.ID, 10)+"?tb=luu", http.StatusSeeOther)
	return nil
}

// saveArticle saves an edit, refusing it when someone saved in between.
func (s *Server) saveArticle(w http.ResponseWriter, r *http.Request) error {
	u := userFrom(r.Context())
	a, err := s.articleByID(r)
	if err != nil {
		return err
	}
	d := draftFromForm(r)
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	if err := newsroom.Edit(u, &a, d); err != nil {
		return toWorkflowError(err)
	}
	if a.BodyHTML, err = s.responsiveImages(r.Context(), a.BodyHTML); err != nil {
		return err
	}
	exists, err := s.categoryExists(r)
	if err != nil {
		return err
	}
	if verr := newsroom.Validate(d, exists); verr != nil {
		a.Version = version
		return s.redisplay(w, r, a, false, verr)
	}
	if version < 1 {
		return errBadRequest("Thiếu số phiên bản của bài viết; vui lòng tải lại trang sửa bài.")
	}
	a.Version = version
	err = s.st.SaveArticleBy(r.Context(), &a, u.ID)
	switch {
	case errors.Is(err, store.ErrConflict):
		return s.redisplay(w, r, a, false, store.ErrConflict)
	case errors.Is(err, store.ErrSlugTaken):
		return s.redisplay(w, r, a, false, newsroom.ValidationError{"slug": err.Error() + "."})
	case err != nil:
		return err
	}
	s.audit(r, "article.update", "article", a.ID, a.Title)
	if a.Status == news.StatusPublished {
		s.ContentChanged()
	}
	http.Redirect(w, r, "/quan-tri/bai-viet/"+strconv.FormatInt(a.ID, 10)+"?tb=luu", http.StatusSeeOther)
	return nil
}

// redisplay shows the form again with what the user typed and why it was
// not saved: nothing typed is lost.
func (s *Server) redisplay(w http.ResponseWriter, r *http.Request, a news.Article, isNew bool, cause error) error {
	p, err := s.editPageFor(r, a, isNew)
	if err != nil {
		return err
	}
	p.TagsText = r.PostFormValue("tags")
	p.Article.BodyHTML = r.PostFormValue("body") // as typed; sanitised when saved
	status := http.StatusUnprocessableEntity
	var v newsroom.ValidationError
	switch {
	case errors.As(cause, &v):
		p.Errors = v
		p.Message = "Bài viết chưa được lưu: vui lòng sửa các ô được đánh dấu."
	case errors.Is(cause, store.ErrConflict):
		status = http.StatusConflict
		p.Conflict = true
		p.Message = "Bài viết đã được người khác lưu trong lúc bạn đang sửa, nên thay đổi của bạn CHƯA được lưu. Nội dung bạn vừa nhập vẫn ở dưới đây: hãy sao chép phần cần giữ, mở lại bài để xem bản mới nhất, rồi sửa tiếp."
	}
	return s.renderAdmin(w, status, "article_edit", p)
}

func toWorkflowError(err error) error {
	var v newsroom.ValidationError
	switch {
	case errors.Is(err, newsroom.ErrForbidden):
		return &Error{Status: http.StatusForbidden, Code: "forbidden", Message: err.Error() + "."}
	case errors.Is(err, newsroom.ErrState):
		return &Error{Status: http.StatusConflict, Code: "conflict", Message: err.Error() + "."}
	case errors.As(err, &v):
		return &Error{Status: http.StatusUnprocessableEntity, Code: "validation", Message: v.Error(), Fields: v}
	}
	return err
}

// articleAction applies a workflow transition posted from the edit page.
func (s *Server) articleAction(w http.ResponseWriter, r *http.Request) error {
	u := userFrom(r.Context())
	a, err := s.articleByID(r)
	if err != nil {
		return err
	}
	// The version is checked after the workflow call: who may act is
	// answered (403) before whether the form is stale (409).
	staleForm := false
	if v, _ := strconv.Atoi(r.PostFormValue("version")); v != 0 && v != a.Version {
		staleForm = true
	}
	now := time.Now()
	action := r.PathValue("action")
	var flash, audit string
	switch action {
	case "gui-duyet":
		err, flash, audit = newsroom.Submit(u, &a), "gui", "article.submit"
	case "xuat-ban":
		var at time.Time
		if v := r.PostFormValue("scheduled_at"); v != "" {
			at, err = time.ParseInLocation("2006-01-02T15:04", v, s.loc)
			if err != nil {
				return &Error{Status: http.StatusUnprocessableEntity, Code: "validation", Message: "Thời điểm hẹn giờ không hợp lệ.", Fields: map[string]string{"scheduled_at": "không hợp lệ"}}
			}
		}
		err, flash, audit = newsroom.Publish(u, &a, at, now), "xuat-ban", "article.publish"
		if err == nil && a.Status == news.StatusScheduled {
			flash, audit = "hen-gio", "article.schedule"
		}
	case "tra-lai":
		err, flash, audit = newsroom.Return(u, &a, r.PostFormValue("comment")), "tra-lai", "article.return"
	case "go":
		err, flash, audit = newsroom.Unpublish(u, &a), "go", "article.unpublish"
	case "thung-rac":
		err, flash, audit = newsroom.Trash(u, &a), "thung-rac", "article.trash"
	case "khoi-phuc":
		err, flash, audit = newsroom.Restore(u, &a), "khoi-phuc", "article.restore"
	default:
		return errNotFound()
	}
	if err != nil {
		return toWorkflowError(err)
	}
	if staleForm {
		return &Error{Status: http.StatusConflict, Code: "conflict", Message: "Bài viết vừa được người khác thay đổi. Vui lòng mở lại bài để xem trạng thái mới nhất trước khi thao tác."}
	}
	if err := s.st.SaveArticleBy(r.Context(), &a, u.ID); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return &Error{Status: http.StatusConflict, Code: "conflict", Message: "Bài viết vừa được người khác thay đổi. Vui lòng mở lại bài."}
		}
		return err
	}
	detail := a.Title
	if action == "tra-lai" {
		detail += " — " + a.ReviewComment
	}
	s.audit(r, audit, "article", a.ID, detail)
	s.ContentChanged()
	http.Redirect(w, r, "/quan-tri/bai-viet/"+strconv.FormatInt(a.ID, 10)+"?tb="+flash, http.StatusSeeOther)
	return nil
}

type revisionPage struct {
	adminPage
	Article  news.Article
	Revision store.Revision
	Diff     []newsroom.DiffLine
}

func (s *Server) revisionView(w http.ResponseWriter, r *http.Request) error {
	a, err := s.articleByID(r)
	if err != nil {
		return err
	}
	if !auth.Can(userFrom(r.Context()), auth.ActView, &a) {
		return errForbidden()
	}
	v, err := strconv.Atoi(r.PathValue("version"))
	if err != nil {
		return errNotFound()
	}
	rev, err := s.st.Revision(r.Context(), a.ID, v)
	if err != nil {
		return err
	}
	p := &revisionPage{adminPage: s.newAdminPage(r, "Phiên bản "+strconv.Itoa(v)), Article: a, Revision: rev}
	p.Nav = "articles"
	p.Diff = newsroom.Diff(revisionText(rev.Title, rev.Summary, rev.BodyHTML), revisionText(a.Title, a.Summary, a.BodyHTML))
	return s.renderAdmin(w, http.StatusOK, "revision", p)
}

func revisionText(title, summary, body string) string {
	return title + "\n\n" + summary + "\n\n" + newsroom.BlocksText(body)
}

// restoreRevision saves an old revision's content as a new version; the
// history keeps everything in between.
func (s *Server) restoreRevision(w http.ResponseWriter, r *http.Request) error {
	u := userFrom(r.Context())
	a, err := s.articleByID(r)
	if err != nil {
		return err
	}
	v, err := strconv.Atoi(r.PathValue("version"))
	if err != nil {
		return errNotFound()
	}
	rev, err := s.st.Revision(r.Context(), a.ID, v)
	if err != nil {
		return err
	}
	d := newsroom.Draft{Title: rev.Title, Slug: a.Slug, Summary: rev.Summary, BodyHTML: rev.BodyHTML, Author: rev.Author, Source: rev.Source,
		CategoryID: a.CategoryID, Tags: a.Tags, Featured: a.Featured}
	if err := newsroom.Edit(u, &a, d); err != nil {
		return toWorkflowError(err)
	}
	if a.BodyHTML, err = s.responsiveImages(r.Context(), a.BodyHTML); err != nil {
		return err
	}
	if cur, _ := strconv.Atoi(r.PostFormValue("version")); cur != 0 {
		a.Version = cur
	}
	if err := s.st.SaveArticleBy(r.Context(), &a, u.ID); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return &Error{Status: http.StatusConflict, Code: "conflict", Message: "Bài viết vừa được người khác thay đổi. Vui lòng mở lại bài."}
		}
		return err
	}
	s.audit(r, "article.restore_revision", "article", a.ID, "phiên bản "+strconv.Itoa(v))
	s.ContentChanged()
	http.Redirect(w, r, "/quan-tri/bai-viet/"+strconv.FormatInt(a.ID, 10)+"?tb=phien-ban", http.StatusSeeOther)
	return nil
}

// preview renders an article of any status with the public template. Staff
// previews are never counted.
func (s *Server) preview(w http.ResponseWriter, r *http.Request) error {
	a, err := s.articleByID(r)
	if err != nil {
		return err
	}
	if !auth.Can(userFrom(r.Context()), auth.ActView, &a) {
		return errForbidden()
	}
	p := s.basePage(r.Context())
	p.Article, p.NoIndex = a, true
	p.Canonical = s.baseURLOf(r) + "/bai-viet/" + a.Slug
	lp, err := s.render("article", p)
	if err != nil {
		return err
	}
	lp.write(w, http.StatusOK, &liveValues{views: a.Views, stats: s.counterOf(r).Stats()})
	return nil
}
