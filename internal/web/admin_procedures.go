package web

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/media"
	"github.com/congportal/cong/internal/payment"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/viet"
)

const (
	// maxTemplateFile bounds one blank form: forms are a few pages.
	maxTemplateFile = 10 << 20
	// maxProcedureBody bounds the whole procedure form with its uploads.
	maxProcedureBody = 32 << 20
	// blankComponentRows are offered below the existing components: the
	// form works without JavaScript, so rows cannot be added on the page.
	blankComponentRows     = 3
	adminProceduresPerPage = 50
)

// componentRow is one component row of the form as typed.
type componentRow struct {
	ID       int64
	Name     string
	Required bool
	Copies   string
	Stored   string // stored template name, kept across a refused submit
	TName    string // template's download name
	Delete   bool
}

// procedureForm is the procedure form as typed.
type procedureForm struct {
	Code, Name, Field, Level, TimeAmount, TimeUnit         string
	Fees, Steps, LegalBasis, Result, Applicant, Conditions string
	Units                                                  map[int64]bool
	Published                                              bool
	Rows                                                   []componentRow
	FeeRows                                                []feeRow
}

// feeRow is one fee line of the form (procedure_fees), as typed.
type feeRow struct{ Kind, Amount, Desc string }

// blankFeeRows is how many empty fee lines the form offers.
const blankFeeRows = 2

// readFeeRows reads the fee lines: a line with neither amount nor
// description is blank; amounts may be typed "50.000" or "50 000 đ".
func readFeeRows(r *http.Request) ([]feeRow, []payment.Fee, string) {
	n, _ := strconv.Atoi(r.PostFormValue("fee_rows"))
	n = min(max(n, 0), 40)
	var rows []feeRow
	var fees []payment.Fee
	msg := ""
	for i := 1; i <= n; i++ {
		k := "fee" + strconv.Itoa(i) + "_"
		row := feeRow{Kind: r.PostFormValue(k + "kind"), Amount: strings.TrimSpace(r.PostFormValue(k + "amount")), Desc: formText(r, k+"desc")}
		if row.Amount == "" && row.Desc == "" {
			continue
		}
		rows = append(rows, row)
		digits := strings.Map(func(c rune) rune {
			switch {
			case c >= '0' && c <= '9':
				return c
			case c == '.' || c == ',' || c == ' ' || c == 'đ' || c == 'Đ':
				return -1
			}
			return 'x'
		}, row.Amount)
		amount, err := strconv.ParseInt(digits, 10, 64)
		if err != nil && msg == "" {
			msg = fmt.Sprintf("Khoản thu %d: số tiền phải là số đồng, ví dụ 50.000.", len(rows))
		}
		fees = append(fees, payment.Fee{Kind: row.Kind, Amount: amount, Description: row.Desc})
	}
	if msg == "" {
		if err := catalogue.ValidateFees(fees); err != nil {
			msg = strings.ToUpper(err.Error()[:1]) + err.Error()[1:] + "."
		}
	}
	return rows, fees, msg
}

type procedureEditPage struct {
	adminPage
	Editing   *catalogue.Procedure
	F         procedureForm
	Units     []catalogue.Unit
	Fields    []string
	Levels    []struct{ Value, Label string }
	TimeUnits []struct{ Value, Label string }
	Errors    catalogue.Errors
	Message   string
}

type procedureListPage struct {
	adminPage
	Q     string
	Items []catalogue.Procedure
	Total int
	Pager pager
}

var templateNameRE = regexp.MustCompile(`^[0-9a-f]{64}\.(pdf|doc|docx|xls|xlsx|odt)$`)

// validTemplateName accepts only names made by storeTemplate, so a stored
// or submitted name can never walk out of the templates folder.
func validTemplateName(s string) bool { return templateNameRE.MatchString(s) }

func templateMime(name string) string {
	ext := strings.TrimPrefix(filepath.Ext(name), ".")
	for _, t := range media.Types {
		if t.Kind == media.KindDocument && t.Ext == ext {
			return t.Mime
		}
	}
	return "application/octet-stream"
}

// storeTemplate keeps an uploaded blank form under its content hash, after
// checking from its bytes that it is a document type (PDF, Word, Excel,
// OpenDocument) without macros. It returns the stored name.
func (c *catalogueDesk) storeTemplate(data []byte) (string, error) {
	dir := c.templatesDir()
	if dir == "" {
		return "", errors.New("chưa cấu hình thư mục lưu tệp")
	}
	t, err := media.Sniff(data)
	if err != nil || t.Kind != media.KindDocument || (t == media.PDF && media.CheckPDF(data) != nil) {
		return "", errTemplateType
	}
	sum := sha256.Sum256(data)
	name := hex.EncodeToString(sum[:]) + "." + t.Ext
	path := filepath.Join(dir, name)
	if _, err := os.Stat(path); err == nil {
		return name, nil
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(dir, ".upload-*")
	if err != nil {
		return "", err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return "", err
	}
	// The rename must survive a crash before the row pointing at it commits.
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return name, nil
}

var errTemplateType = errors.New("Tệp mẫu phải là PDF, Word (.doc, .docx), Excel (.xls, .xlsx) hoặc OpenDocument (.odt), không chứa macro; loại tệp được xác định theo nội dung.")

// templateDownloadName is the name a citizen's browser saves the form as: the
// uploaded name, cleaned, with the extension of what the file really is.
func templateDownloadName(orig, stored string) string {
	base := filepath.Base(strings.ReplaceAll(viet.NFC(orig), `\`, "/"))
	base = strings.TrimSuffix(base, filepath.Ext(base))
	base = strings.Map(func(r rune) rune {
		if r < 0x20 || strings.ContainsRune(`"/:*?<>|`, r) {
			return -1
		}
		return r
	}, strings.TrimSpace(base))
	if utf8.RuneCountInString(base) > 100 {
		base = string([]rune(base)[:100])
	}
	if base == "" || base == "." {
		base = "mau-don"
	}
	return base + filepath.Ext(stored)
}

func (c *catalogueDesk) adminProcedures(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageDesk); err != nil {
		return err
	}
	n, err := pageParam(r)
	if err != nil {
		return err
	}
	p := &procedureListPage{adminPage: c.newAdminPage(r, "Thủ tục hành chính"), Q: strings.TrimSpace(r.URL.Query().Get("q"))}
	p.Nav = "procedures"
	f := store.ProcedureFilter{SiteID: c.s.siteIDOf(r), Offset: (n - 1) * adminProceduresPerPage, Limit: adminProceduresPerPage}
	if p.Q != "" {
		if q, err := viet.ParseQuery(p.Q); err == nil {
			f.Query = &q
		}
	}
	if p.Items, p.Total, err = c.s.st.Procedures(r.Context(), f); err != nil {
		return err
	}
	base := "/quan-tri/thu-tuc?"
	if p.Q != "" {
		base += "q=" + url.QueryEscape(p.Q) + "&"
	}
	p.Pager = pager{Page: n, Pages: pages(p.Total, adminProceduresPerPage), Base: base}
	return c.renderAdmin(w, http.StatusOK, "procedure_list", p)
}

func (c *catalogueDesk) editPage(r *http.Request, p *catalogue.Procedure) (*procedureEditPage, []catalogue.Unit, error) {
	units, err := c.s.st.Units(r.Context(), c.s.siteIDOf(r))
	if err != nil {
		return nil, nil, err
	}
	fields, err := c.s.st.ProcedureFields(r.Context(), c.s.siteIDOf(r), false)
	if err != nil {
		return nil, nil, err
	}
	pg := &procedureEditPage{adminPage: c.newAdminPage(r, "Thêm thủ tục"), Editing: p, Fields: fields, Levels: catalogue.Levels, TimeUnits: catalogue.TimeUnits}
	pg.Nav = "procedures"
	for _, u := range catalogue.Tree(units) {
		// Former units stay listed only where a procedure still names them,
		// so the admin sees the problem instead of a silent drop.
		if !u.Former() || (p != nil && procedureHasUnit(*p, u.ID)) {
			pg.Units = append(pg.Units, u)
		}
	}
	pg.F = procedureForm{Level: catalogue.LevelPartial, TimeUnit: catalogue.TimeWorkingDays, Units: map[int64]bool{}}
	if p != nil {
		pg.Title = "Sửa thủ tục " + p.Code
		pg.F = procedureForm{Code: p.Code, Name: p.Name, Field: p.Field, Level: p.Level, TimeAmount: strconv.Itoa(p.TimeAmount), TimeUnit: p.TimeUnit,
			Fees: p.Fees, Steps: p.Steps, LegalBasis: p.LegalBasis, Result: p.Result, Applicant: p.Applicant, Conditions: p.Conditions,
			Units: map[int64]bool{}, Published: p.Published}
		for _, u := range p.Units {
			pg.F.Units[u.ID] = true
		}
		for _, fee := range p.FeeItems {
			pg.F.FeeRows = append(pg.F.FeeRows, feeRow{Kind: fee.Kind, Amount: strconv.FormatInt(fee.Amount, 10), Desc: fee.Description})
		}
		for _, comp := range p.Components {
			pg.F.Rows = append(pg.F.Rows, componentRow{ID: comp.ID, Name: comp.Name, Required: comp.Required, Copies: strconv.Itoa(comp.Copies), Stored: comp.TemplateFile, TName: comp.TemplateName})
		}
	}
	for range blankFeeRows {
		pg.F.FeeRows = append(pg.F.FeeRows, feeRow{Kind: payment.KindDuty})
	}
	for range blankComponentRows {
		pg.F.Rows = append(pg.F.Rows, componentRow{Required: true, Copies: "1"})
	}
	return pg, units, nil
}

func procedureHasUnit(p catalogue.Procedure, id int64) bool {
	for _, u := range p.Units {
		if u.ID == id {
			return true
		}
	}
	return false
}

func (c *catalogueDesk) newProcedureForm(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageDesk); err != nil {
		return err
	}
	pg, _, err := c.editPage(r, nil)
	if err != nil {
		return err
	}
	return c.renderAdmin(w, http.StatusOK, "procedure_edit", pg)
}

func (c *catalogueDesk) editProcedureForm(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageDesk); err != nil {
		return err
	}
	id, err := catIDParam(r, "id")
	if err != nil {
		return err
	}
	p, err := c.s.st.ProcedureByID(r.Context(), c.s.siteIDOf(r), id)
	if err != nil {
		return err
	}
	pg, _, err := c.editPage(r, &p)
	if err != nil {
		return err
	}
	return c.renderAdmin(w, http.StatusOK, "procedure_edit", pg)
}

// readProcedureForm reads the (multipart) form into pg.F and a procedure,
// storing any uploaded blank forms first so a refused submit does not lose
// them; old is the procedure being edited (nil when creating).
func (c *catalogueDesk) readProcedureForm(r *http.Request, pg *procedureEditPage, old *catalogue.Procedure) (catalogue.Procedure, catalogue.Errors, error) {
	if err := r.ParseMultipartForm(4 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return catalogue.Procedure{}, nil, errBadRequest("Không đọc được biểu mẫu gửi lên.")
	}
	f := procedureForm{Code: strings.TrimSpace(r.PostFormValue("code")), Name: formText(r, "name"), Field: formText(r, "field"),
		Level: r.PostFormValue("level"), TimeAmount: strings.TrimSpace(r.PostFormValue("time_amount")), TimeUnit: r.PostFormValue("time_unit"),
		Fees: formText(r, "fees"), Steps: formText(r, "steps"), LegalBasis: formText(r, "legal_basis"), Result: formText(r, "result"),
		Applicant: formText(r, "applicant"), Conditions: formText(r, "conditions"), Units: map[int64]bool{}, Published: r.PostFormValue("published") != ""}
	p := catalogue.Procedure{SiteID: c.s.siteIDOf(r), Code: f.Code, Name: f.Name, Field: f.Field, Level: f.Level, TimeUnit: f.TimeUnit,
		Fees: f.Fees, Steps: f.Steps, LegalBasis: f.LegalBasis, Result: f.Result, Applicant: f.Applicant, Conditions: f.Conditions, Published: f.Published}
	errs := catalogue.Errors{}
	var feeMsg string
	f.FeeRows, p.FeeItems, feeMsg = readFeeRows(r)
	if feeMsg != "" {
		errs["fee_items"] = feeMsg
	}
	if n, err := strconv.Atoi(f.TimeAmount); err == nil {
		p.TimeAmount = n
	}
	for _, v := range r.PostForm["units"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err == nil && id > 0 && !f.Units[id] {
			f.Units[id] = true
			p.Units = append(p.Units, catalogue.Unit{ID: id})
		}
	}
	oldComps := map[int64]catalogue.Component{}
	if old != nil {
		p.ID, p.Slug = old.ID, old.Slug
		for _, comp := range old.Components {
			oldComps[comp.ID] = comp
		}
	}
	if p.Slug == "" {
		p.Slug = viet.Slug(p.Name)
		if p.Slug == "" {
			p.Slug = viet.Slug("thu tuc " + p.Code)
		}
	}
	rows, _ := strconv.Atoi(r.PostFormValue("rows"))
	rows = min(max(rows, 0), 200)
	fileErrs := map[int]string{} // by index in f.Rows
	for i := 0; i < rows; i++ {
		key := func(s string) string { return "c" + strconv.Itoa(i+1) + "_" + s }
		row := componentRow{Name: formText(r, key("name")), Required: r.PostFormValue(key("required")) != "", Copies: strings.TrimSpace(r.PostFormValue(key("copies"))),
			Delete: r.PostFormValue(key("delete")) != ""}
		row.ID, _ = strconv.ParseInt(r.PostFormValue(key("id")), 10, 64)
		if _, ok := oldComps[row.ID]; !ok {
			row.ID = 0 // ids of other procedures' components are ignored
		}
		if s := r.PostFormValue(key("stored")); validTemplateName(s) && r.PostFormValue(key("nofile")) == "" {
			row.Stored, row.TName = s, viet.NFC(r.PostFormValue(key("tname")))
			if row.TName == "" || utf8.RuneCountInString(row.TName) > 120 {
				row.TName = templateDownloadName("", s)
			}
		}
		fileErr := ""
		if r.MultipartForm != nil {
			if fhs := r.MultipartForm.File[key("file")]; len(fhs) > 0 && fhs[0].Size > 0 {
				stored, msg, err := c.readTemplateUpload(fhs[0])
				if err != nil {
					return p, nil, err
				}
				if msg != "" {
					fileErr = msg
				} else {
					row.Stored, row.TName = stored, templateDownloadName(fhs[0].Filename, stored)
				}
			}
		}
		if row.Name == "" && row.ID == 0 && row.Stored == "" && fileErr == "" {
			continue // a blank row
		}
		if fileErr != "" {
			fileErrs[len(f.Rows)] = fileErr
		}
		f.Rows = append(f.Rows, row)
		if row.Delete {
			continue
		}
		copies, err := strconv.Atoi(row.Copies)
		if err != nil {
			copies = 0
		}
		p.Components = append(p.Components, catalogue.Component{ID: row.ID, Name: row.Name, Required: row.Required, Copies: copies, TemplateFile: row.Stored, TemplateName: row.TName})
	}
	units, err := c.s.st.Units(r.Context(), c.s.siteIDOf(r))
	if err != nil {
		return p, nil, err
	}
	verrs := catalogue.ValidateProcedure(p, units)
	if f.TimeAmount != "" && p.TimeAmount == 0 {
		verrs["time_amount"] = "Thời hạn giải quyết phải là một số nguyên lớn hơn 0, ví dụ: 15."
	}
	// Validation numbers components among the kept rows; the form shows
	// deleted rows too, so move each message to the row it is about.
	kept := 0
	for i, row := range f.Rows {
		if msg, ok := fileErrs[i]; ok {
			errs[catalogue.ComponentField(i, "file")] = msg
		}
		if row.Delete {
			continue
		}
		for _, fld := range []string{"name", "copies"} {
			if m, ok := verrs[catalogue.ComponentField(kept, fld)]; ok {
				delete(verrs, catalogue.ComponentField(kept, fld))
				errs[catalogue.ComponentField(i, fld)] = m
			}
		}
		kept++
	}
	for k, v := range verrs {
		errs[k] = v
	}
	for range blankFeeRows {
		f.FeeRows = append(f.FeeRows, feeRow{Kind: payment.KindDuty})
	}
	for range blankComponentRows {
		f.Rows = append(f.Rows, componentRow{Required: true, Copies: "1"})
	}
	pg.F = f
	return p, errs, nil
}

// readTemplateUpload stores one uploaded blank form; msg is the reason it
// was refused, for the form.
func (c *catalogueDesk) readTemplateUpload(fh *multipart.FileHeader) (stored, msg string, err error) {
	if fh.Size > maxTemplateFile {
		return "", fmt.Sprintf("Tệp mẫu quá lớn: tối đa %d MB.", maxTemplateFile>>20), nil
	}
	file, err := fh.Open()
	if err != nil {
		return "", "", err
	}
	data, err := io.ReadAll(io.LimitReader(file, maxTemplateFile+1))
	file.Close()
	if err != nil {
		return "", "", err
	}
	stored, err = c.storeTemplate(data)
	if errors.Is(err, errTemplateType) {
		return "", err.Error(), nil
	}
	return stored, "", err
}

func (c *catalogueDesk) createProcedure(w http.ResponseWriter, r *http.Request) error {
	return c.writeProcedure(w, r, nil)
}

func (c *catalogueDesk) saveProcedure(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageDesk); err != nil {
		return err
	}
	id, err := catIDParam(r, "id")
	if err != nil {
		return err
	}
	old, err := c.s.st.ProcedureByID(r.Context(), c.s.siteIDOf(r), id)
	if err != nil {
		return err
	}
	return c.writeProcedure(w, r, &old)
}

func (c *catalogueDesk) writeProcedure(w http.ResponseWriter, r *http.Request, old *catalogue.Procedure) error {
	if err := allow(r, auth.ActManageDesk); err != nil {
		return err
	}
	pg, _, err := c.editPage(r, old)
	if err != nil {
		return err
	}
	p, errs, err := c.readProcedureForm(r, pg, old)
	if err != nil {
		return err
	}
	if len(errs) == 0 {
		err = c.s.st.SaveProcedure(r.Context(), &p)
		switch {
		case errors.Is(err, store.ErrProcedureCodeTaken):
			errs["code"] = "Mã thủ tục “" + p.Code + "” đã được dùng cho thủ tục khác."
		case errors.Is(err, store.ErrNotFound):
			errs["units"] = "Cơ quan thực hiện không hợp lệ."
		case err != nil:
			return err
		}
	}
	if len(errs) > 0 {
		pg.Errors, pg.Message = errs, "Chưa lưu thủ tục: vui lòng sửa các ô được đánh dấu."
		if old == nil {
			pg.Message = "Chưa thêm thủ tục: vui lòng sửa các ô được đánh dấu."
		}
		return c.renderAdmin(w, http.StatusUnprocessableEntity, "procedure_edit", pg)
	}
	if old == nil {
		c.s.audit(r, "procedure.create", "procedure", p.ID, p.Code+" – "+p.Name)
		http.Redirect(w, r, "/quan-tri/thu-tuc/"+strconv.FormatInt(p.ID, 10)+"?tb=tao-thu-tuc", http.StatusSeeOther)
		return nil
	}
	var changes []string
	if old.Code != p.Code {
		changes = append(changes, "mã "+old.Code+" → "+p.Code)
	}
	if old.Name != p.Name {
		changes = append(changes, "tên")
	}
	if old.Level != p.Level {
		changes = append(changes, "mức độ "+catalogue.LevelLabel(old.Level)+" → "+catalogue.LevelLabel(p.Level))
	}
	if old.TimeAmount != p.TimeAmount || old.TimeUnit != p.TimeUnit {
		changes = append(changes, "thời hạn "+old.TimeText()+" → "+p.TimeText())
	}
	if old.Published != p.Published {
		changes = append(changes, map[bool]string{true: "công bố", false: "ngừng công bố"}[p.Published])
	}
	changes = append(changes, strconv.Itoa(len(p.Components))+" thành phần hồ sơ")
	c.s.audit(r, "procedure.update", "procedure", p.ID, p.Code+": "+strings.Join(changes, "; "))
	http.Redirect(w, r, "/quan-tri/thu-tuc/"+strconv.FormatInt(p.ID, 10)+"?tb=luu-thu-tuc", http.StatusSeeOther)
	return nil
}

// publishProcedure publishes (publish=1) or withdraws a procedure.
func (c *catalogueDesk) publishProcedure(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageDesk); err != nil {
		return err
	}
	id, err := catIDParam(r, "id")
	if err != nil {
		return err
	}
	p, err := c.s.st.ProcedureByID(r.Context(), c.s.siteIDOf(r), id)
	if err != nil {
		return err
	}
	publish := r.PostFormValue("publish") == "1"
	if err := c.s.st.SetProcedurePublished(r.Context(), c.s.siteIDOf(r), id, publish); err != nil {
		return err
	}
	action, flash := "procedure.unpublish", "go-cong-bo"
	if publish {
		action, flash = "procedure.publish", "cong-bo"
	}
	c.s.audit(r, action, "procedure", id, p.Code+" – "+p.Name)
	http.Redirect(w, r, "/quan-tri/thu-tuc/"+strconv.FormatInt(id, 10)+"?tb="+flash, http.StatusSeeOther)
	return nil
}

// deleteProcedure deletes a procedure no dossier refers to; otherwise the
// admin is told to unpublish it.
func (c *catalogueDesk) deleteProcedure(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageDesk); err != nil {
		return err
	}
	id, err := catIDParam(r, "id")
	if err != nil {
		return err
	}
	p, err := c.s.st.ProcedureByID(r.Context(), c.s.siteIDOf(r), id)
	if err != nil {
		return err
	}
	err = c.s.st.DeleteProcedure(r.Context(), c.s.siteIDOf(r), id)
	var inUse *store.InUseError
	if errors.As(err, &inUse) {
		pg, _, perr := c.editPage(r, &p)
		if perr != nil {
			return perr
		}
		pg.Message = "Không thể xóa thủ tục vì đã có " + strconv.Itoa(inUse.Dossiers) + " hồ sơ; hãy ngừng công bố thủ tục thay vì xóa."
		return c.renderAdmin(w, http.StatusConflict, "procedure_edit", pg)
	}
	if err != nil {
		return err
	}
	c.s.audit(r, "procedure.delete", "procedure", id, p.Code+" – "+p.Name)
	http.Redirect(w, r, "/quan-tri/thu-tuc?tb=xoa-thu-tuc", http.StatusSeeOther)
	return nil
}

func errProcedureTooLarge() *Error {
	return &Error{Status: http.StatusRequestEntityTooLarge, Code: "too_large",
		Message: fmt.Sprintf("Dữ liệu gửi lên quá lớn: mỗi tệp mẫu tối đa %d MB, cả biểu mẫu tối đa %d MB.", maxTemplateFile>>20, maxProcedureBody>>20)}
}
