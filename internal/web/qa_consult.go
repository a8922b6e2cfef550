package web

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/congportal/cong/internal/qa"
	"github.com/congportal/cong/internal/store"
)

func consultPath(c qa.Consultation) string { return fmt.Sprintf("/lay-y-kien/%d-%s", c.ID, c.Slug) }

// today is the site's current local day, 'YYYY-MM-DD'.
func (s *Server) today() string { return time.Now().In(s.loc).Format(time.DateOnly) }

func (s *Server) consultList(w http.ResponseWriter, r *http.Request) error {
	cs, err := s.st.Consultations(r.Context(), s.siteIDOf(r))
	if err != nil {
		return err
	}
	p := s.newQAPage(r, "lay-y-kien")
	today := s.today()
	for _, c := range cs {
		switch c.State(today) {
		case qa.ConsultOpen:
			p.Open = append(p.Open, c)
		case qa.ConsultUpcoming:
			p.Upcoming = append(p.Upcoming, c)
		default:
			p.Closed = append(p.Closed, c)
		}
	}
	p.Canonical = s.baseURLOf(r) + "/lay-y-kien"
	s.countVisit(r, 0)
	return s.renderPublic(w, r, http.StatusOK, "consult_list", p)
}

func (s *Server) loadConsult(r *http.Request) (qa.Consultation, error) {
	id, ok := refID(r.PathValue("ref"))
	if !ok {
		return qa.Consultation{}, errNotFound()
	}
	return s.st.Consultation(r.Context(), s.siteIDOf(r), id)
}

func (s *Server) consultPage(r *http.Request, c qa.Consultation) *qaPage {
	p := s.newQAPage(r, "lay-y-kien")
	p.Consult, p.State = c, c.State(s.today())
	p.Canonical = s.baseURLOf(r) + consultPath(c)
	p.Description = c.Title
	return p
}

func (s *Server) consultDetail(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadConsult(r)
	if err != nil {
		return err
	}
	if r.PathValue("ref") != fmt.Sprintf("%d-%s", c.ID, c.Slug) {
		http.Redirect(w, r, consultPath(c), http.StatusMovedPermanently)
		return nil
	}
	p := s.consultPage(r, c)
	p.Thanks = r.URL.Query().Get("da-gui") == "1"
	if p.State == qa.ConsultOpen {
		if p.Challenge, err = s.newChallenge(r); err != nil {
			return err
		}
		w.Header().Set("Cache-Control", "no-store")
	}
	s.countVisit(r, 0)
	return s.renderPublic(w, r, http.StatusOK, "consult_detail", p)
}

func (s *Server) consultFeedback(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadConsult(r)
	if err != nil {
		return err
	}
	p := s.consultPage(r, c)
	p.NoIndex = true
	switch p.State {
	case qa.ConsultClosed:
		return &Error{Status: http.StatusGone, Code: "closed", Message: "Dự thảo “" + c.Title + "” đã hết thời hạn lấy ý kiến (kết thúc ngày " + qa.DayVN(c.ClosesOn) + "). Góp ý của bạn chưa được ghi nhận."}
	case qa.ConsultUpcoming:
		return &Error{Status: http.StatusUnprocessableEntity, Code: "not_open", Message: "Dự thảo “" + c.Title + "” chưa đến thời gian lấy ý kiến (bắt đầu từ ngày " + qa.DayVN(c.OpensOn) + ")."}
	}
	_, nonce, chErr, err := s.formGuard(w, r)
	if err != nil {
		return err
	}
	in := qa.FeedbackInput{Name: formText(r, "name"), Email: formText(r, "email"), Phone: formText(r, "phone"),
		Organisation: formText(r, "organisation"), Comment: formText(r, "comment")}
	errs := qa.ValidateFeedback(in)
	if chErr != nil {
		errs["challenge"] = chErr.Error()
	}
	status := http.StatusUnprocessableEntity
	if len(errs) == 0 {
		f := qa.Feedback{ConsultationID: c.ID, Name: in.Name, Email: in.Email, Phone: qa.NormalizePhone(in.Phone),
			Organisation: in.Organisation, Comment: in.Comment, Flag: qa.SpamFlag(in.Comment)}
		err := s.st.AddFeedback(r.Context(), s.siteIDOf(r), &f, nonce, s.today())
		switch {
		case err == nil:
			http.Redirect(w, r, consultPath(c)+"?da-gui=1#gop-y", http.StatusSeeOther)
			return nil
		case errors.Is(err, store.ErrClosed):
			return &Error{Status: http.StatusGone, Code: "closed", Message: "Dự thảo đã hết thời hạn lấy ý kiến. Góp ý của bạn chưa được ghi nhận."}
		case errors.Is(err, store.ErrReplayed):
			errs["challenge"] = qa.ErrChallengeReplayed.Error()
			status = http.StatusConflict
		default:
			return err
		}
	}
	p.FB, p.Errors = in, errs
	p.Honeypot = r.PostFormValue(qa.HoneypotField)
	if p.Challenge, err = s.newChallenge(r); err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	return s.renderPublic(w, r, status, "consult_detail", p)
}
