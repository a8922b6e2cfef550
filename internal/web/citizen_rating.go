package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/rating"
	"github.com/congportal/cong/internal/store"
)

// The citizen's rating of a returned dossier, on the private page
// (/ho-so-cua-toi/{token}). The form carries no session CSRF token because
// citizens have no session: like the page's other forms it is guarded by
// the global cross-origin check, and its address holds the 128-bit private
// token, which a forging site cannot know.

// ratingBlock is what the private page shows about rating: the form, or
// the rating already given.
type ratingBlock struct {
	Open       bool // the result has been handed back: rating is possible
	Done       *rating.Rating
	Questions  []ratingQuestion
	Comment    string
	CommentErr string
	MaxComment int
}

type ratingQuestion struct {
	rating.Criterion
	Err     string
	Options []ratingOption
}

type ratingOption struct {
	Name, ID, Label string
	Value           int
	Checked         bool
	Required        bool
}

// fillRating prepares the rating block of a dossier in status 10, keeping
// what the citizen typed (p.In) and the messages (p.Errs) of a refused
// submission.
func (c *citizenDesk) fillRating(r *http.Request, p *citizenPage, d dossier.Dossier) error {
	if d.Status != dossier.Returned {
		return nil
	}
	b := &p.Rating
	b.Open, b.MaxComment = true, rating.MaxComment
	got, err := c.s.st.RatingByDossier(r.Context(), c.s.siteIDOf(r), d.ID)
	switch {
	case err == nil:
		b.Done = &got
		return nil
	case !errors.Is(err, store.ErrNotFound):
		return err
	}
	for _, cr := range rating.Criteria {
		q := ratingQuestion{Criterion: cr, Err: p.Errs[cr.Key]}
		for _, l := range rating.Levels {
			v := strconv.Itoa(int(l))
			q.Options = append(q.Options, ratingOption{Name: cr.Key, ID: "r-" + cr.Key + "-" + v, Label: l.String(), Value: int(l),
				Checked: p.In[cr.Key] == v, Required: !cr.Optional})
		}
		if cr.Optional {
			// An explicit "none" answer, chosen unless the citizen picked
			// a level: not answering must be as easy as answering.
			in := p.In[cr.Key]
			q.Options = append(q.Options, ratingOption{Name: cr.Key, ID: "r-" + cr.Key + "-0", Label: "Tôi không gửi phản ánh, kiến nghị nào",
				Checked: in == "" || in == "0"})
		}
		b.Questions = append(b.Questions, q)
	}
	b.Comment, b.CommentErr = p.In["comment"], p.Errs["comment"]
	return nil
}

// rate records the citizen's rating: 409 when the result is not handed
// back yet or the dossier is already rated (nothing changes), 422 with a
// message per question when answers are missing or invalid, else back to
// the page with thanks and the rating shown.
func (c *citizenDesk) rate(w http.ResponseWriter, r *http.Request) error {
	a, err := c.access(r)
	if err != nil {
		return err
	}
	d := a.d
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseMultipartForm(64 << 10); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return errBadRequest("Không đọc được dữ liệu gửi lên.")
	}
	p := c.newPage(r)
	a.page(p)
	p.Errs = map[string]string{}
	got, errs := rating.Parse(r.PostFormValue)
	for _, cr := range rating.Criteria {
		p.In[cr.Key] = r.PostFormValue(cr.Key)
	}
	p.In["comment"] = got.Comment
	refuse := func(status int, alert string) error {
		if err := c.fillDossier(r, p, d); err != nil {
			return err
		}
		p.Alert = alert
		return c.render(w, status, "mydossier", p)
	}
	if d.Status != dossier.Returned {
		return refuse(http.StatusConflict, fmt.Sprintf("Hồ sơ chưa được trả kết quả (trạng thái hiện tại: “%s”) nên chưa thể đánh giá. Ông/bà có thể đánh giá sau khi nhận kết quả.", d.Status))
	}
	if _, err := c.s.st.RatingByDossier(r.Context(), c.s.siteIDOf(r), d.ID); err == nil {
		return refuse(http.StatusConflict, alreadyRated)
	} else if !errors.Is(err, store.ErrNotFound) {
		return err
	}
	if len(errs) > 0 {
		p.Errs = errs
		return refuse(http.StatusUnprocessableEntity, "Chưa gửi được đánh giá: vui lòng xem lại các mục được đánh dấu bên dưới.")
	}
	got.DossierID, got.SiteID = d.ID, c.s.siteIDOf(r)
	switch err := c.s.st.CreateRating(r.Context(), &got); {
	case errors.Is(err, store.ErrRated):
		// Another submission won the race since the check above.
		return refuse(http.StatusConflict, alreadyRated)
	case errors.Is(err, store.ErrNotReturned):
		return refuse(http.StatusConflict, "Hồ sơ chưa được trả kết quả nên chưa thể đánh giá.")
	case err != nil:
		return err
	}
	http.Redirect(w, r, a.base+"?tb=danh-gia#danh-gia", http.StatusSeeOther)
	return nil
}

const alreadyRated = "Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần; đánh giá đã gửi được giữ nguyên như bên dưới."
