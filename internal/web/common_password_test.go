package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// A new password from the public common-password list is refused on the
// account page, in Vietnamese, and the old password still works.
func TestChangedPasswordNotCommon(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.addUser(t, "duyet", auth.RoleApprover)
		b := e.browser(t)
		b.login("duyet")
		b.get("/quan-tri/tai-khoan")
		r := b.post("/quan-tri/tai-khoan/mat-khau", url.Values{"current": {"mật-khẩu-thử-duyet"}, "password": {"qazwsxedcrfv"}, "password2": {"qazwsxedcrfv"}})
		wantCode(t, "common password", r, http.StatusUnprocessableEntity, "quá phổ biến")
		if r := loginWith(e.browser(t), "duyet", "mật-khẩu-thử-duyet"); r.code != http.StatusSeeOther {
			t.Fatalf("old password no longer works: %d", r.code)
		}
	})
}
