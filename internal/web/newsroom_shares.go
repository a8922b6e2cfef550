package web

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/newsroom"
	"github.com/congportal/cong/internal/store"
)

// Sharing upward ("Tin cơ sở", issue 16): a commune proposes one of its
// articles to its parent site, whose approver accepts or refuses it.

func shareError(err error) error {
	switch {
	case errors.Is(err, newsroom.ErrForbidden):
		return &Error{Status: http.StatusForbidden, Code: "forbidden", Message: "Bạn không có quyền thực hiện thao tác này với tin cơ sở."}
	case errors.Is(err, store.ErrNoParent):
		return &Error{Status: http.StatusUnprocessableEntity, Code: "no_parent", Message: "Cổng này không có cổng cấp trên để chia sẻ tin."}
	case errors.Is(err, store.ErrNotFound):
		return errNotFound()
	}
	return err
}

// apiProposeShare serves POST /api/v1/articles/{id}/share.
func (s *Server) apiProposeShare(w http.ResponseWriter, r *http.Request) error {
	a, target, err := s.proposeShareOf(r, " (API)")
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusAccepted, map[string]any{"article_id": a.ID, "target_site_id": target, "status": store.ShareProposed})
	return nil
}

// proposeShareOf proposes the request's article to the parent site, for
// the API and the article page alike; via marks the audit entry.
func (s *Server) proposeShareOf(r *http.Request, via string) (news.Article, int64, error) {
	u := userFrom(r.Context())
	if err := newsroom.MayProposeShare(u); err != nil {
		return news.Article{}, 0, shareError(err)
	}
	a, err := s.articleByID(r)
	if err != nil {
		return news.Article{}, 0, err
	}
	target, err := s.st.ProposeShare(r.Context(), s.siteIDOf(r), a.ID, u.ID)
	if err != nil {
		return news.Article{}, 0, shareError(err)
	}
	s.audit(r, "article.share_propose", "article", a.ID, a.Title+via)
	return a, target, nil
}

// apiWithdrawShare serves DELETE /api/v1/articles/{id}/share.
func (s *Server) apiWithdrawShare(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.withdrawShareOf(r, " (API)"); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// withdrawShareOf takes the request's article back from the parent site,
// for the API and the article page alike; via marks the audit entry.
func (s *Server) withdrawShareOf(r *http.Request, via string) (news.Article, error) {
	u := userFrom(r.Context())
	if err := newsroom.MayProposeShare(u); err != nil {
		return news.Article{}, shareError(err)
	}
	a, err := s.articleByID(r)
	if err != nil {
		return news.Article{}, err
	}
	if _, err := s.st.WithdrawShare(r.Context(), s.siteIDOf(r), a.ID); err != nil {
		return news.Article{}, shareError(err)
	}
	s.audit(r, "article.share_withdraw", "article", a.ID, a.Title+via)
	s.ContentChanged()
	return a, nil
}

type apiShare struct {
	ArticleID  int64     `json:"article_id"`
	Title      string    `json:"title"`
	URL        string    `json:"url"`
	SourceSite string    `json:"source_site"`
	SourceHost string    `json:"source_host"`
	Status     string    `json:"status"`
	ProposedAt time.Time `json:"proposed_at"`
}

// apiShares serves GET /api/v1/shares?status=proposed|accepted|refused: the
// articles proposed to the request's site.
func (s *Server) apiShares(w http.ResponseWriter, r *http.Request) error {
	if err := newsroom.MayDecideShare(userFrom(r.Context())); err != nil {
		return shareError(err)
	}
	status := r.URL.Query().Get("status")
	if status == "" {
		status = store.ShareProposed
	}
	if status != store.ShareProposed && status != store.ShareAccepted && status != store.ShareRefused {
		return &Error{Status: http.StatusBadRequest, Code: "validation", Message: "Trạng thái phải là proposed, accepted hoặc refused.", Fields: map[string]string{"status": "không hợp lệ"}}
	}
	list, err := s.st.SharesTo(r.Context(), s.siteIDOf(r), status, 200)
	if err != nil {
		return err
	}
	out := make([]apiShare, 0, len(list))
	for _, sh := range list {
		out = append(out, apiShare{ArticleID: sh.Article.ID, Title: sh.Article.Title, URL: s.articleURL(r, sh.Article),
			SourceSite: sh.SourceSite.Name, SourceHost: sh.SourceSite.Host, Status: sh.Status, ProposedAt: sh.ProposedAt})
	}
	writeJSON(w, http.StatusOK, map[string]any{"shares": out})
	return nil
}

// apiDecideShare serves POST /api/v1/shares/{id}/{action}, action accept
// or refuse; id is the proposed article's.
func (s *Server) apiDecideShare(w http.ResponseWriter, r *http.Request) error {
	u := userFrom(r.Context())
	if err := newsroom.MayDecideShare(u); err != nil {
		return shareError(err)
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return errNotFound()
	}
	var accept bool
	audit := "article.share_refuse"
	switch r.PathValue("action") {
	case "accept":
		accept, audit = true, "article.share_accept"
	case "refuse":
	default:
		return errNotFound()
	}
	if err := s.st.DecideShare(r.Context(), s.siteIDOf(r), id, accept, u.ID); err != nil {
		return shareError(err)
	}
	s.audit(r, audit, "article", id, "(API)")
	s.ContentChanged()
	status := store.ShareRefused
	if accept {
		status = store.ShareAccepted
	}
	writeJSON(w, http.StatusOK, map[string]any{"article_id": id, "status": status})
	return nil
}

// proposeShare serves the article page's "Đề xuất lên cổng cấp trên".
func (s *Server) proposeShare(w http.ResponseWriter, r *http.Request) error {
	a, _, err := s.proposeShareOf(r, "")
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/quan-tri/bai-viet/"+strconv.FormatInt(a.ID, 10)+"?tb=de-xuat-tin", http.StatusSeeOther)
	return nil
}

// withdrawShare serves "Rút tin cơ sở".
func (s *Server) withdrawShare(w http.ResponseWriter, r *http.Request) error {
	a, err := s.withdrawShareOf(r, "")
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/quan-tri/bai-viet/"+strconv.FormatInt(a.ID, 10)+"?tb=rut-tin", http.StatusSeeOther)
	return nil
}

// decideShare serves the dashboard's "Nhận" and "Từ chối".
func (s *Server) decideShare(w http.ResponseWriter, r *http.Request) error {
	u := userFrom(r.Context())
	if err := newsroom.MayDecideShare(u); err != nil {
		return shareError(err)
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return errNotFound()
	}
	var accept bool
	audit, flash := "article.share_refuse", "tu-choi-tin"
	switch r.PathValue("action") {
	case "nhan":
		accept, audit, flash = true, "article.share_accept", "nhan-tin"
	case "tu-choi":
	default:
		return errNotFound()
	}
	if err := s.st.DecideShare(r.Context(), s.siteIDOf(r), id, accept, u.ID); err != nil {
		return shareError(err)
	}
	s.audit(r, audit, "article", id, "")
	s.ContentChanged()
	http.Redirect(w, r, "/quan-tri?tb="+flash, http.StatusSeeOther)
	return nil
}
