package web

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/qa"
)

type consultAdminPage struct {
	adminPage
	Consults []qa.Consultation
	C        qa.Consultation
	F        qa.ConsultationInput
	Errors   map[string]string
	Feedback []qa.Feedback
	Today    string
	IsNew    bool
}

func (s *Server) adminConsults(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManagePages); err != nil {
		return err
	}
	cs, err := s.st.Consultations(r.Context(), s.siteIDOf(r))
	if err != nil {
		return err
	}
	p := &consultAdminPage{adminPage: s.newQAAdminPage(r, "Lấy ý kiến dự thảo", "consult"), Consults: cs, Today: s.today()}
	return s.renderAdmin(w, http.StatusOK, "qa_consults", p)
}

func (s *Server) adminConsultNew(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManagePages); err != nil {
		return err
	}
	p := &consultAdminPage{adminPage: s.newQAAdminPage(r, "Tạo đợt lấy ý kiến", "consult"), IsNew: true, Errors: map[string]string{}}
	p.F.OpensOn = s.today()
	return s.renderAdmin(w, http.StatusOK, "qa_consult_edit", p)
}

func consultInput(r *http.Request) qa.ConsultationInput {
	return qa.ConsultationInput{Title: formText(r, "title"), Summary: formText(r, "summary"), DocURL: formText(r, "doc"),
		OpensOn: formText(r, "opens"), ClosesOn: formText(r, "closes"), ResultHTML: formText(r, "result")}
}

func (s *Server) saveConsult(w http.ResponseWriter, r *http.Request, c qa.Consultation) error {
	in := consultInput(r)
	errs := qa.ValidateConsultation(&in)
	if len(errs) > 0 {
		p := &consultAdminPage{adminPage: s.newQAAdminPage(r, "Lấy ý kiến dự thảo", "consult"), C: c, F: in, Errors: errs, IsNew: c.ID == 0}
		if c.ID != 0 {
			fb, err := s.st.Feedback(r.Context(), s.siteIDOf(r), c.ID)
			if err != nil {
				return err
			}
			p.Feedback = fb
		}
		return s.renderAdmin(w, http.StatusUnprocessableEntity, "qa_consult_edit", p)
	}
	isNew := c.ID == 0
	c.SiteID, c.Title, c.Summary, c.DocURL, c.OpensOn, c.ClosesOn = s.siteIDOf(r), in.Title, in.Summary, in.DocURL, in.OpensOn, in.ClosesOn
	c.ResultHTML = ""
	if in.ResultHTML != "" {
		c.ResultHTML = news.SanitizeHTML(qa.TextToHTML(in.ResultHTML))
	}
	if err := s.st.SaveConsultation(r.Context(), &c, userFrom(r.Context()).ID); err != nil {
		return err
	}
	key := "luu-lay-y"
	if isNew {
		key = "tao-lay-y"
		s.audit(r, "consultation.create", "consultation", c.ID, c.Title)
	} else {
		s.audit(r, "consultation.update", "consultation", c.ID, c.Title)
	}
	http.Redirect(w, r, fmt.Sprintf("/quan-tri/lay-y-kien/%d?tb=%s", c.ID, key), http.StatusSeeOther)
	return nil
}

func (s *Server) adminConsultCreate(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManagePages); err != nil {
		return err
	}
	return s.saveConsult(w, r, qa.Consultation{})
}

func (s *Server) loadAdminConsult(r *http.Request) (qa.Consultation, error) {
	if err := allow(r, auth.ActManagePages); err != nil {
		return qa.Consultation{}, err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return qa.Consultation{}, errNotFound()
	}
	return s.st.Consultation(r.Context(), s.siteIDOf(r), id)
}

func (s *Server) adminConsultEdit(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadAdminConsult(r)
	if err != nil {
		return err
	}
	fb, err := s.st.Feedback(r.Context(), s.siteIDOf(r), c.ID)
	if err != nil {
		return err
	}
	p := &consultAdminPage{adminPage: s.newQAAdminPage(r, "Lấy ý kiến: "+c.Title, "consult"), C: c, Feedback: fb, Errors: map[string]string{}, Today: s.today()}
	p.F = qa.ConsultationInput{Title: c.Title, Summary: c.Summary, DocURL: c.DocURL, OpensOn: c.OpensOn, ClosesOn: c.ClosesOn, ResultHTML: c.ResultHTML}
	return s.renderAdmin(w, http.StatusOK, "qa_consult_edit", p)
}

func (s *Server) adminConsultSave(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadAdminConsult(r)
	if err != nil {
		return err
	}
	return s.saveConsult(w, r, c)
}

// adminConsultCSV exports the comments with the senders' contact data, for
// the drafting team. UTF-8 with a byte-order mark so Excel shows the
// Vietnamese correctly; cells starting with = + - @ are quoted against
// formula injection.
func (s *Server) adminConsultCSV(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadAdminConsult(r)
	if err != nil {
		return err
	}
	fb, err := s.st.Feedback(r.Context(), s.siteIDOf(r), c.ID)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	cw := csv.NewWriter(&buf)
	cw.Write([]string{"STT", "Thời gian", "Họ và tên", "Cơ quan, tổ chức", "Thư điện tử", "Điện thoại", "Nội dung góp ý", "Ghi chú"})
	for i, f := range fb {
		cw.Write([]string{strconv.Itoa(i + 1), vnDate(f.CreatedAt, s.loc), cell(f.Name), cell(f.Organisation), cell(f.Email), cell(f.Phone), cell(f.Comment), cell(f.Flag)})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	s.audit(r, "consultation.export", "consultation", c.ID, fmt.Sprintf("%d góp ý", len(fb)))
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="gop-y-%d.csv"`, c.ID))
	h.Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
	return nil
}

func cell(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}
