package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/viet"
)

// validUsername: what `cong user add` accepts, a little stricter so that a
// name is easy to read out over the phone.
func validUsername(s string) bool {
	if len(s) < 3 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && (i == 0 || (c != '.' && c != '_' && c != '-')) {
			return false
		}
	}
	return true
}

type roleOption struct {
	Code string
	Name string
}

func roleOptions() []roleOption {
	out := make([]roleOption, 0, len(auth.Roles))
	for _, r := range auth.Roles {
		out = append(out, roleOption{string(r.Role), r.Name})
	}
	return out
}

type usersPage struct {
	adminPage
	Users []store.UserRecord
}

// adminUsers lists the staff accounts.
func (s *Server) adminUsers(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageUsers); err != nil {
		return err
	}
	p := &usersPage{adminPage: s.newAdminPage(r, "Người dùng")}
	p.Nav = "users"
	var err error
	if p.Users, err = s.st.Users(r.Context(), s.siteIDOf(r)); err != nil {
		return err
	}
	return s.renderAdmin(w, http.StatusOK, "users", p)
}

// userFields is the account form as typed.
type userFields struct {
	Username, Name, Email, Role string
	Disabled                    bool
}

type userFormPage struct {
	adminPage
	IsNew    bool
	IsSelf   bool
	Target   store.UserRecord
	F        userFields
	Roles    []roleOption
	Errors   map[string]string
	Message  string
	Tokens   []store.APIToken
	NewToken string // the secret of a token just created: shown once
	// The password reset and token forms have their own messages.
	PwErrors     map[string]string
	TokenMessage string
}

func (s *Server) userFormPage(r *http.Request, target store.UserRecord, isNew bool) (*userFormPage, error) {
	title := "Thêm người dùng"
	if !isNew {
		title = "Người dùng " + target.Username
	}
	p := &userFormPage{adminPage: s.newAdminPage(r, title), IsNew: isNew, Target: target, Roles: roleOptions()}
	p.Nav = "users"
	p.F = userFields{Username: target.Username, Name: target.Name, Email: target.Email, Role: string(target.Role), Disabled: target.Disabled}
	if !isNew {
		p.IsSelf = target.ID == p.User.ID
		var err error
		if p.Tokens, err = s.st.Tokens(r.Context(), target.ID); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func (s *Server) targetUser(r *http.Request) (store.UserRecord, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return store.UserRecord{}, errNotFound()
	}
	return s.st.UserByID(r.Context(), s.siteIDOf(r), id)
}

func (s *Server) newUserForm(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageUsers); err != nil {
		return err
	}
	p, err := s.userFormPage(r, store.UserRecord{User: auth.User{Role: auth.RoleEditor}}, true)
	if err != nil {
		return err
	}
	return s.renderAdmin(w, http.StatusOK, "user_form", p)
}

func (s *Server) editUserForm(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageUsers); err != nil {
		return err
	}
	target, err := s.targetUser(r)
	if err != nil {
		return err
	}
	p, err := s.userFormPage(r, target, false)
	if err != nil {
		return err
	}
	return s.renderAdmin(w, http.StatusOK, "user_form", p)
}

// readUserFields validates the account fields; role is the parsed role.
func readUserFields(r *http.Request, isNew bool) (userFields, auth.Role, map[string]string) {
	f := userFields{Name: formText(r, "name"), Email: formText(r, "email"), Role: r.PostFormValue("role"), Disabled: r.PostFormValue("disabled") == "1"}
	errs := map[string]string{}
	if isNew {
		f.Username = store.NormalizeUsername(viet.NFC(r.PostFormValue("username")))
		if !validUsername(f.Username) {
			errs["username"] = "Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang (bắt đầu bằng chữ hoặc số)."
		}
	}
	if f.Name == "" {
		errs["name"] = "Vui lòng nhập họ tên."
	} else if tooLong(f.Name, 200) {
		errs["name"] = "Họ tên tối đa 200 ký tự."
	}
	if f.Email != "" && !validEmail(f.Email) {
		errs["email"] = "Địa chỉ thư điện tử không hợp lệ, ví dụ: vanthu@example.gov.vn."
	}
	role, ok := auth.ParseRole(f.Role)
	// Only a province administrator makes another: a site's admin must not
	// give anyone (themselves included) power over the other sites.
	if me := userFrom(r.Context()); ok && role == auth.RoleProvinceAdmin && (me == nil || me.Role != auth.RoleProvinceAdmin) {
		ok = false
	}
	if !ok {
		errs["role"] = "Vai trò không hợp lệ: chọn Biên tập viên, Người duyệt, Quản trị hoặc Cán bộ một cửa."
	}
	return f, role, errs
}

// checkNewPassword applies the policy to a password typed twice.
func checkNewPassword(pw, again, username string) string {
	if pw != again {
		return "Hai lần nhập mật khẩu không khớp."
	}
	if err := auth.CheckPassword(pw, username); err != nil {
		return sentence(err.Error())
	}
	return ""
}

// sentence capitalises a lower-case error message and ends it with a full
// stop, for showing on a page.
func sentence(msg string) string {
	r, n := utf8.DecodeRuneInString(msg)
	return strings.ToUpper(string(r)) + msg[n:] + "."
}

// createUser adds an account with an initial password that the new user
// should change at first login.
func (s *Server) createUser(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageUsers); err != nil {
		return err
	}
	f, role, errs := readUserFields(r, true)
	if msg := checkNewPassword(r.PostFormValue("password"), r.PostFormValue("password2"), f.Username); msg != "" {
		errs["password"] = msg
	}
	redisplay := func(status int, msg string) error {
		p, err := s.userFormPage(r, store.UserRecord{}, true)
		if err != nil {
			return err
		}
		p.F, p.Errors, p.Message = f, errs, msg
		return s.renderAdmin(w, status, "user_form", p)
	}
	if len(errs) > 0 {
		return redisplay(http.StatusUnprocessableEntity, "Chưa tạo tài khoản: vui lòng sửa các ô được đánh dấu.")
	}
	leave, ok := s.hashes.enter(r.Context())
	if !ok {
		return redisplay(hashBusyHeader(w), hashBusyMessage)
	}
	hash, err := auth.HashPassword(r.PostFormValue("password"))
	leave()
	if err != nil {
		return err
	}
	u := &store.UserRecord{User: auth.User{SiteID: s.siteIDOf(r), Username: f.Username, Name: f.Name, Email: f.Email, Role: role, Disabled: f.Disabled}, PasswordHash: hash}
	if err := s.st.CreateUser(r.Context(), u); err != nil {
		if errors.Is(err, store.ErrUserExists) {
			errs["username"] = "Tên đăng nhập “" + f.Username + "” đã có người dùng; hãy chọn tên khác."
			return redisplay(http.StatusConflict, "Chưa tạo tài khoản: tên đăng nhập đã tồn tại.")
		}
		return err
	}
	s.audit(r, "user.create", "user", u.ID, u.Username+" ("+auth.RoleName(role)+")")
	http.Redirect(w, r, "/quan-tri/nguoi-dung/"+strconv.FormatInt(u.ID, 10)+"?tb=tao-nguoi-dung", http.StatusSeeOther)
	return nil
}

// saveUser changes name, email, role and disabled. An admin cannot lock
// themself out or give up their own admin role: there is always at least
// the admin doing the change.
func (s *Server) saveUser(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageUsers); err != nil {
		return err
	}
	target, err := s.targetUser(r)
	if err != nil {
		return err
	}
	me := userFrom(r.Context())
	f, role, errs := readUserFields(r, false)
	f.Username = target.Username
	msg := "Chưa lưu: vui lòng sửa các ô được đánh dấu."
	if target.ID == me.ID && len(errs) == 0 {
		if f.Disabled {
			errs["disabled"] = "Bạn không thể tự khóa tài khoản của chính mình."
		}
		if !role.IsAdmin() {
			errs["role"] = "Bạn không thể tự hạ quyền quản trị của chính mình; nếu cần, hãy nhờ một quản trị viên khác."
		}
		if len(errs) > 0 {
			msg = "Chưa lưu: bạn không thể tự khóa hoặc tự hạ quyền tài khoản đang dùng."
		}
	}
	if len(errs) > 0 {
		p, err := s.userFormPage(r, target, false)
		if err != nil {
			return err
		}
		p.F, p.Errors, p.Message = f, errs, msg
		return s.renderAdmin(w, http.StatusUnprocessableEntity, "user_form", p)
	}
	old := target.User
	nu := old
	nu.Name, nu.Email, nu.Role, nu.Disabled = f.Name, f.Email, role, f.Disabled
	if err := s.st.UpdateUser(r.Context(), nu); err != nil {
		return err
	}
	var changes []string
	if old.Name != nu.Name {
		changes = append(changes, "họ tên “"+old.Name+"” → “"+nu.Name+"”")
	}
	if old.Email != nu.Email {
		changes = append(changes, "thư điện tử “"+old.Email+"” → “"+nu.Email+"”")
	}
	if old.Role != nu.Role {
		changes = append(changes, "vai trò "+auth.RoleName(old.Role)+" → "+auth.RoleName(nu.Role))
	}
	if len(changes) > 0 {
		s.audit(r, "user.update", "user", nu.ID, nu.Username+": "+strings.Join(changes, "; "))
	}
	if old.Disabled != nu.Disabled {
		if nu.Disabled {
			s.audit(r, "user.disable", "user", nu.ID, nu.Username)
		} else {
			s.audit(r, "user.enable", "user", nu.ID, nu.Username)
		}
	}
	http.Redirect(w, r, "/quan-tri/nguoi-dung/"+strconv.FormatInt(nu.ID, 10)+"?tb=luu-nguoi-dung", http.StatusSeeOther)
	return nil
}

// resetUserPassword sets another user's password; their sessions end. An
// admin changes their own password on the account page, which asks for the
// current one.
func (s *Server) resetUserPassword(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageUsers); err != nil {
		return err
	}
	target, err := s.targetUser(r)
	if err != nil {
		return err
	}
	if target.ID == userFrom(r.Context()).ID {
		return &Error{Status: http.StatusUnprocessableEntity, Code: "validation", Message: "Để đổi mật khẩu của chính bạn, hãy dùng trang Tài khoản (cần nhập mật khẩu hiện tại)."}
	}
	if pwErr := checkNewPassword(r.PostFormValue("password"), r.PostFormValue("password2"), target.Username); pwErr != "" {
		p, err := s.userFormPage(r, target, false)
		if err != nil {
			return err
		}
		p.PwErrors = map[string]string{"password": pwErr}
		return s.renderAdmin(w, http.StatusUnprocessableEntity, "user_form", p)
	}
	leave, ok := s.hashes.enter(r.Context())
	if !ok {
		return hashBusy(w)
	}
	hash, err := auth.HashPassword(r.PostFormValue("password"))
	leave()
	if err != nil {
		return err
	}
	if err := s.st.SetPassword(r.Context(), target.ID, hash); err != nil {
		return err
	}
	s.audit(r, "user.password_reset", "user", target.ID, target.Username)
	http.Redirect(w, r, "/quan-tri/nguoi-dung/"+strconv.FormatInt(target.ID, 10)+"?tb=dat-lai-mat-khau", http.StatusSeeOther)
	return nil
}

// resetUserTOTP turns off another user's second factor (a lost phone).
func (s *Server) resetUserTOTP(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageUsers); err != nil {
		return err
	}
	target, err := s.targetUser(r)
	if err != nil {
		return err
	}
	if target.ID == userFrom(r.Context()).ID {
		return &Error{Status: http.StatusUnprocessableEntity, Code: "validation", Message: "Để tắt xác thực hai bước của chính bạn, hãy dùng trang Xác thực hai bước (cần mã hiện tại)."}
	}
	if !target.HasTOTP {
		return &Error{Status: http.StatusConflict, Code: "conflict", Message: "Tài khoản này chưa bật xác thực hai bước."}
	}
	if err := s.st.SetTOTP(r.Context(), target.ID, "", 0); err != nil {
		return err
	}
	if err := s.st.DeleteUserSessions(r.Context(), target.ID); err != nil {
		return err
	}
	s.audit(r, "user.totp_reset", "user", target.ID, target.Username)
	http.Redirect(w, r, "/quan-tri/nguoi-dung/"+strconv.FormatInt(target.ID, 10)+"?tb=tat-2fa-nguoi-dung", http.StatusSeeOther)
	return nil
}

// createUserToken makes an API token for the user and shows it once: only
// its hash is stored.
func (s *Server) createUserToken(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageTokens); err != nil {
		return err
	}
	target, err := s.targetUser(r)
	if err != nil {
		return err
	}
	name := formText(r, "token_name")
	p, err := s.userFormPage(r, target, false)
	if err != nil {
		return err
	}
	switch {
	case name == "":
		p.TokenMessage = "Vui lòng đặt tên cho mã API (ví dụ: tên hệ thống sẽ dùng mã) để sau này biết mã nào cần thu hồi."
	case tooLong(name, 100):
		p.TokenMessage = "Tên mã API tối đa 100 ký tự."
	case target.Disabled:
		p.TokenMessage = "Tài khoản đang bị khóa: hãy mở khóa trước khi tạo mã API."
	}
	if p.TokenMessage != "" {
		return s.renderAdmin(w, http.StatusUnprocessableEntity, "user_form", p)
	}
	secret, hash, err := auth.NewSecret()
	if err != nil {
		return err
	}
	id, err := s.st.CreateToken(r.Context(), target.ID, name, hash)
	if err != nil {
		return err
	}
	s.audit(r, "token.create", "token", id, target.Username+": "+name)
	if p.Tokens, err = s.st.Tokens(r.Context(), target.ID); err != nil {
		return err
	}
	p.NewToken = secret
	p.Flash = "Đã tạo mã API “" + name + "”. Hãy sao chép ngay: mã chỉ hiển thị một lần."
	return s.renderAdmin(w, http.StatusOK, "user_form", p)
}

// revokeUserToken revokes one of the user's API tokens.
func (s *Server) revokeUserToken(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActManageTokens); err != nil {
		return err
	}
	target, err := s.targetUser(r)
	if err != nil {
		return err
	}
	tid, err := strconv.ParseInt(r.PathValue("token"), 10, 64)
	if err != nil {
		return errNotFound()
	}
	tokens, err := s.st.Tokens(r.Context(), target.ID)
	if err != nil {
		return err
	}
	var tok *store.APIToken
	for i := range tokens {
		if tokens[i].ID == tid {
			tok = &tokens[i]
		}
	}
	if tok == nil {
		return errNotFound()
	}
	if err := s.st.RevokeToken(r.Context(), tid); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return &Error{Status: http.StatusConflict, Code: "conflict", Message: "Mã API này đã bị thu hồi trước đó."}
		}
		return err
	}
	s.audit(r, "token.revoke", "token", tid, target.Username+": "+tok.Name)
	http.Redirect(w, r, "/quan-tri/nguoi-dung/"+strconv.FormatInt(target.ID, 10)+"?tb=thu-hoi-ma", http.StatusSeeOther)
	return nil
}
