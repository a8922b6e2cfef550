package web

import (
	"net/http"
	"strconv"

	"github.com/congportal/cong/internal/dossier"
)

// resetRecovery reopens private-link recovery for a dossier whose code was
// locked after too many wrong contacts (store.RecoverPrivateLink). Only the
// desk of the dossier's unit or an admin may do it, after checking the
// citizen's papers, and it is audited.
func (o *officerDesk) resetRecovery(w http.ResponseWriter, r *http.Request) error {
	sc, err := o.scope(r)
	if err != nil {
		return err
	}
	d, err := o.loadDossier(r, sc)
	if err != nil {
		return err
	}
	if sc.actor(&d)&(dossier.Desk|dossier.Admin) == 0 {
		return &Error{Status: http.StatusForbidden, Code: "forbidden",
			Message: "Chỉ cán bộ một cửa của đơn vị tiếp nhận hồ sơ hoặc quản trị mới mở khóa được chức năng lấy lại đường dẫn."}
	}
	ok, err := o.s.st.ResetRecovery(r.Context(), o.s.siteIDOf(r), d.ID)
	if err != nil {
		return err
	}
	if ok {
		o.s.audit(r, "dossier.recovery_reset", "dossier", d.ID, d.Code)
	}
	http.Redirect(w, r, "/quan-tri/ho-so/"+strconv.FormatInt(d.ID, 10)+"?tb=mo-khoa", http.StatusSeeOther)
	return nil
}
