package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/mail"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/institution"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/qa"
	"github.com/congportal/cong/internal/store"
)

type instAdminRow struct {
	Kind         institution.PageKind
	HasVI, HasEN bool
	VI, EN       time.Time
	Warning      string
}

type instAdminPage struct {
	adminPage
	Rows    []instAdminRow
	Kind    institution.PageKind
	Lang    string
	F       store.InstPage
	Body    string
	People  []institution.Person
	Errors  map[string]string
	Source  *store.InstPage // an English page's Vietnamese source
	Exists  bool
	Warning string
}

// instRows is the admin's list: each kind with when each language was
// saved and the translation warning.
func instRows(stamps map[string]time.Time) []instAdminRow {
	var rows []instAdminRow
	for _, k := range institution.PageKinds {
		vi, hasVI := stamps[k.Code+"/vi"]
		en, hasEN := stamps[k.Code+"/en"]
		row := instAdminRow{Kind: k, HasVI: hasVI, HasEN: hasEN, VI: vi, EN: en}
		if hasVI {
			row.Warning = institution.TranslationWarning(institution.TranslationState(k, vi, hasEN, en))
		}
		rows = append(rows, row)
	}
	return rows
}

func (s *Server) adminInstPages(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManagePages); err != nil {
		return err
	}
	stamps, err := s.st.InstPageStamps(r.Context(), s.siteIDOf(r))
	if err != nil {
		return err
	}
	p := &instAdminPage{adminPage: s.newQAAdminPage(r, "Trang giới thiệu cơ quan", "pages"), Rows: instRows(stamps)}
	return s.renderAdmin(w, http.StatusOK, "qa_pages", p)
}

func (s *Server) instAdminTarget(r *http.Request) (institution.PageKind, string, error) {
	if err := allow(r, auth.ActManagePages); err != nil {
		return institution.PageKind{}, "", err
	}
	k, ok := institution.Kind(r.PathValue("kind"))
	lang := r.PathValue("lang")
	if !ok || (lang != "vi" && (lang != "en" || k.EnSlug == "")) {
		return k, lang, errNotFound()
	}
	return k, lang, nil
}

func (s *Server) instEditPage(r *http.Request, k institution.PageKind, lang string) (*instAdminPage, error) {
	ctx := r.Context()
	title := "Trang “" + k.Name + "”"
	if lang == "en" {
		title += " – bản tiếng Anh"
	}
	p := &instAdminPage{adminPage: s.newQAAdminPage(r, title, "pages"), Kind: k, Lang: lang, Errors: map[string]string{}}
	pg, err := s.st.InstPage(ctx, s.siteIDOf(r), k.Code, lang)
	switch {
	case err == nil:
		p.F, p.Body, p.People, p.Exists = pg, pg.BodyHTML, pg.People, true
	case errors.Is(err, store.ErrNotFound):
		p.F.Title = k.Name
		if lang == "en" {
			p.F.Title = map[string]string{"organisation": "Organisation", "contact": "Contact"}[k.EnSlug]
		}
	default:
		return nil, err
	}
	if lang == "en" {
		src, err := s.st.InstPage(ctx, s.siteIDOf(r), k.Code, "vi")
		if err == nil {
			p.Source = &src
			p.Warning = institution.TranslationWarning(institution.TranslationState(k, src.UpdatedAt, p.Exists, p.F.UpdatedAt))
		} else if !errors.Is(err, store.ErrNotFound) {
			return nil, err
		}
	}
	return p, nil
}

func (s *Server) adminInstPage(w http.ResponseWriter, r *http.Request) error {
	k, lang, err := s.instAdminTarget(r)
	if err != nil {
		return err
	}
	p, err := s.instEditPage(r, k, lang)
	if err != nil {
		return err
	}
	p.People = padPeople(p.People)
	return s.renderAdmin(w, http.StatusOK, "qa_page_edit", p)
}

// padPeople adds empty rows so a person can be added without JavaScript.
func padPeople(ps []institution.Person) []institution.Person {
	return append(ps, make([]institution.Person, 3)...)
}

func (s *Server) adminInstPageSave(w http.ResponseWriter, r *http.Request) error {
	k, lang, err := s.instAdminTarget(r)
	if err != nil {
		return err
	}
	p, err := s.instEditPage(r, k, lang)
	if err != nil {
		return err
	}
	title, body := formText(r, "title"), formText(r, "body")
	if n := utf8.RuneCountInString(title); n < 2 || n > 200 {
		p.Errors["title"] = "Tiêu đề trang phải có từ 2 đến 200 ký tự."
	}
	if len(body) > 500_000 {
		p.Errors["body"] = "Nội dung trang quá dài."
	}
	var people []institution.Person
	if k.People {
		rows, _ := strconv.Atoi(r.PostFormValue("rows"))
		for i := 0; i < rows && i < 200; i++ {
			x := institution.Person{Name: formText(r, fmt.Sprintf("name%d", i)), Position: formText(r, fmt.Sprintf("position%d", i)),
				Phone: formText(r, fmt.Sprintf("phone%d", i)), Email: formText(r, fmt.Sprintf("email%d", i)), PhotoURL: formText(r, fmt.Sprintf("photo%d", i))}
			if x == (institution.Person{}) {
				continue
			}
			if msg := checkPerson(x); msg != "" {
				p.Errors[fmt.Sprintf("person%d", len(people))] = msg
			}
			people = append(people, x)
		}
	}
	if len(p.Errors) > 0 {
		p.F.Title, p.Body, p.People = title, body, padPeople(people)
		return s.renderAdmin(w, http.StatusUnprocessableEntity, "qa_page_edit", p)
	}
	pg := store.InstPage{SiteID: s.siteIDOf(r), Kind: k.Code, Lang: lang, Title: title, Slug: k.Code,
		BodyHTML: news.SanitizeHTML(qa.TextToHTML(body)), People: people}
	if lang == "en" {
		pg.Slug = k.EnSlug
	}
	if err := s.st.SaveInstPage(r.Context(), &pg); err != nil {
		return err
	}
	s.audit(r, "page.save", "page", pg.ID, k.Code+"/"+lang)
	s.ContentChanged()
	http.Redirect(w, r, "/quan-tri/trang?tb=luu-trang", http.StatusSeeOther)
	return nil
}

func checkPerson(x institution.Person) string {
	switch {
	case x.Name == "":
		return "Vui lòng nhập họ tên (hoặc xóa hết các ô của dòng này)."
	case utf8.RuneCountInString(x.Name) > 100 || utf8.RuneCountInString(x.Position) > 200 || len(x.Phone) > 40:
		return "Họ tên, chức vụ hoặc số điện thoại quá dài."
	case x.Email != "":
		if a, err := mail.ParseAddress(x.Email); err != nil || a.Address != x.Email {
			return "Thư điện tử “" + x.Email + "” chưa đúng."
		}
	}
	if x.PhotoURL != "" && !strings.HasPrefix(x.PhotoURL, "/") && !strings.HasPrefix(x.PhotoURL, "https://") {
		return "Địa chỉ ảnh phải bắt đầu bằng / (thư viện) hoặc https://."
	}
	return ""
}
