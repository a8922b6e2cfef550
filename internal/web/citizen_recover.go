package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/store"
)

// Recovering a lost private link (/ho-so-cua-toi). Nothing here shows any
// of the dossier: the citizen types the code and the email or phone on
// file, and a fresh link goes to the email on file. The answer is the same
// page with the same status whether the code exists, the contact matches,
// the code is locked or nothing could be sent, so the form tells a stranger
// nothing; only the per-client limit (429) differs, and it does not depend
// on the dossier.

// recoverDone is the one answer to every well-formed request.
const recoverDone = "Nếu thông tin khớp với hồ sơ, đường dẫn riêng mới đã được gửi tới thư điện tử đã đăng ký trong hồ sơ. Vui lòng kiểm tra hộp thư (cả mục thư rác) trong vài phút tới."

func (c *citizenDesk) findForm(w http.ResponseWriter, r *http.Request) error {
	p := c.newPage(r)
	p.Code = dossier.NormalizeCode(r.URL.Query().Get("ma"))
	if p.Code != "" && r.URL.Query().Get("da-nop") == "1" {
		p.Flash = "Hồ sơ " + p.Code + " đã được nộp thành công từ trước (biểu mẫu được gửi hai lần). Nếu chưa lưu được đường dẫn riêng, hãy nhập thư điện tử đã khai để nhận đường dẫn mới."
	}
	return c.render(w, http.StatusOK, "mydossier_find", p)
}

// find handles the recovery form.
func (c *citizenDesk) find(w http.ResponseWriter, r *http.Request) error {
	if err := c.dbLimit(w, r, recoverRule); err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	code := dossier.NormalizeCode(r.FormValue("ma"))
	contact := strings.TrimSpace(r.FormValue("lien-he"))
	p := c.newPage(r)
	p.Code = code
	if code == "" || contact == "" || len(contact) > 254 {
		p.Errs = map[string]string{}
		if code == "" {
			p.Errs["ma"] = "Vui lòng nhập mã hồ sơ in trên giấy biên nhận, ví dụ UBXA-261126-0001."
		}
		if contact == "" || len(contact) > 254 {
			p.Errs["lien-he"] = "Vui lòng nhập thư điện tử hoặc số điện thoại đã khai khi nộp hồ sơ."
		}
		p.Alert = "Chưa gửi được yêu cầu: vui lòng điền đủ hai ô."
		return c.render(w, http.StatusUnprocessableEntity, "mydossier_find", p)
	}
	token := newKey()
	out, err := c.s.st.RecoverPrivateLink(r.Context(), c.s.siteIDOf(r), code, contact, token, tokenHash(token), time.Now())
	if err != nil {
		return err
	}
	// The outcome goes to the log without the contact typed: enough to
	// answer a citizen who calls the desk.
	c.s.log.Info("private link recovery", "code", code, "outcome", recoveryNames[out])
	p.Flash = recoverDone
	return c.render(w, http.StatusOK, "mydossier_find", p)
}

var recoveryNames = map[store.RecoveryOutcome]string{
	store.RecoveryUnknownCode: "unknown_code",
	store.RecoveryMismatch:    "mismatch",
	store.RecoveryLocked:      "locked",
	store.RecoverySent:        "sent",
	store.RecoveryNoEmail:     "no_email",
	store.RecoveryThrottled:   "throttled",
	store.RecoveryErased:      "erased",
}
