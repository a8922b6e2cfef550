package web

import (
	"errors"
	"io"
	"net/http"
	"strconv"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/store"
)

// maxImportFile bounds an import file; a province's whole catalogue in
// XLSX is a few MB.
const maxImportFile = 20 << 20

type importPage struct {
	adminPage
	Errors  []string
	Message string
	Done    *catalogue.ImportResult
}

func (c *catalogueDesk) importForm(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageDesk); err != nil {
		return err
	}
	p := &importPage{adminPage: c.newAdminPage(r, "Nhập thủ tục từ tệp")}
	p.Nav = "procedures"
	return c.renderAdmin(w, http.StatusOK, "procedure_import", p)
}

// importProcedures imports an uploaded XLSX/CSV file in one transaction:
// every row is checked, and any error leaves the catalogue untouched.
func (c *catalogueDesk) importProcedures(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageDesk); err != nil {
		return err
	}
	p := &importPage{adminPage: c.newAdminPage(r, "Nhập thủ tục từ tệp")}
	p.Nav = "procedures"
	fail := func(status int, msgs ...string) error {
		p.Message, p.Errors = "Chưa nhập thủ tục nào: vui lòng sửa tệp rồi tải lại.", msgs
		return c.renderAdmin(w, status, "procedure_import", p)
	}
	file, fh, err := r.FormFile("file")
	if err != nil {
		if errors.Is(err, http.ErrMissingFile) || errors.Is(err, http.ErrNotMultipart) {
			return fail(http.StatusUnprocessableEntity, "Vui lòng chọn tệp Excel (.xlsx) hoặc CSV để nhập.")
		}
		return err
	}
	defer file.Close()
	if fh.Size > maxImportFile {
		return fail(http.StatusRequestEntityTooLarge, "Tệp quá lớn: tối đa "+strconv.Itoa(maxImportFile>>20)+" MB.")
	}
	data, err := io.ReadAll(io.LimitReader(file, maxImportFile+1))
	if err != nil {
		return err
	}
	var res catalogue.ImportResult
	err = c.s.st.InTx(r.Context(), func(tx *store.Tx) error {
		var err error
		res, err = catalogue.Import(r.Context(), tx, c.s.siteIDOf(r), data, func(err error) bool { return errors.Is(err, store.ErrNotFound) })
		return err
	})
	if ie, ok := catalogue.IsImportErrors(err); ok {
		var msgs []string
		for _, e := range ie {
			msgs = append(msgs, e.Error())
		}
		return fail(http.StatusUnprocessableEntity, msgs...)
	}
	if err != nil {
		return err
	}
	c.s.audit(r, "procedure.import", "procedure", 0, fh.Filename+": "+strconv.Itoa(res.Created)+" thêm mới, "+strconv.Itoa(res.Updated)+" cập nhật")
	p.Done = &res
	return c.renderAdmin(w, http.StatusOK, "procedure_import", p)
}
