package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/config"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
)

const userUsage = "dùng: cong user add --username U --role editor|approver|admin|officer|province_admin [--name \"Họ tên\"] [--site HOST] | cong user passwd --username U [--site HOST] | cong user disable --username U [--site HOST] | cong user grant --username U [--site HOST] --on HOST --role R|none (mật khẩu đọc từ stdin)"

// cmdUser manages staff accounts. Passwords come on standard input (one
// line), never as a flag, so they stay out of shell history and ps.
func cmdUser(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer, getenv func(string) string) error {
	if len(args) == 0 {
		return usageErr(errors.New(userUsage))
	}
	sub := args[0]
	var c config.Config
	fs := flag.NewFlagSet("user "+sub, flag.ContinueOnError)
	config.DBFlags(fs, &c)
	username := fs.String("username", "", "tên đăng nhập")
	role := fs.String("role", "", "vai trò: editor, approver, admin, officer")
	name := fs.String("name", "", "họ tên hiển thị")
	email := fs.String("email", "", "thư điện tử")
	siteHost := fs.String("site", "", "tên miền của cổng chứa tài khoản; bỏ trống: cổng đầu tiên")
	onHost := fs.String("on", "", "grant: tên miền của cổng được giao vai trò")
	if err := config.Parse(fs, args[1:], getenv); err != nil {
		return usageErr(err)
	}
	uname := store.NormalizeUsername(*username)
	if uname == "" || strings.ContainsAny(uname, " \t/\\") || len(uname) > 64 {
		return usageErr(errors.New("--username là bắt buộc: chữ, số, dấu chấm, gạch dưới; tối đa 64 ký tự"))
	}
	readPassword := func() (string, error) {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", err
		}
		pw := strings.TrimRight(line, "\r\n")
		if err := auth.CheckPassword(pw, uname); err != nil {
			return "", usageErr(err)
		}
		return pw, nil
	}
	switch sub {
	case "add":
		r, ok := auth.ParseRole(*role)
		if !ok {
			return usageErr(fmt.Errorf("--role %q không hợp lệ; chọn editor (biên tập viên), approver (người duyệt), admin (quản trị) hoặc officer (cán bộ một cửa)", *role))
		}
		pw, err := readPassword()
		if err != nil {
			return err
		}
		st, siteID, err := openSiteForCLI(ctx, &c, *siteHost)
		if err != nil {
			return err
		}
		defer st.Close()
		hash, err := auth.HashPassword(pw)
		if err != nil {
			return err
		}
		u := &store.UserRecord{User: auth.User{SiteID: siteID, Username: uname, Name: *name, Email: *email, Role: r}, PasswordHash: hash}
		if err := st.CreateUser(ctx, u); err != nil {
			if errors.Is(err, store.ErrUserExists) {
				return usageErr(fmt.Errorf("tên đăng nhập %q đã tồn tại", uname))
			}
			return err
		}
		st.Audit(ctx, store.AuditEntry{SiteID: siteID, Username: "cli", Action: "user.create", ObjectType: "user", ObjectID: u.ID, Detail: uname + " (" + string(r) + ")"})
		fmt.Fprintf(stdout, "Đã tạo tài khoản %s (%s).\n", uname, auth.RoleName(r))
	case "passwd":
		pw, err := readPassword()
		if err != nil {
			return err
		}
		st, siteID, err := openSiteForCLI(ctx, &c, *siteHost)
		if err != nil {
			return err
		}
		defer st.Close()
		u, err := st.UserByName(ctx, siteID, uname)
		if err != nil {
			return usageErr(fmt.Errorf("không có tài khoản %q", uname))
		}
		hash, err := auth.HashPassword(pw)
		if err != nil {
			return err
		}
		if err := st.SetPassword(ctx, u.ID, hash); err != nil {
			return err
		}
		st.Audit(ctx, store.AuditEntry{SiteID: siteID, Username: "cli", Action: "user.password_reset", ObjectType: "user", ObjectID: u.ID, Detail: uname})
		fmt.Fprintf(stdout, "Đã đặt lại mật khẩu cho %s; mọi phiên đăng nhập cũ đã bị đóng.\n", uname)
	case "disable":
		st, siteID, err := openSiteForCLI(ctx, &c, *siteHost)
		if err != nil {
			return err
		}
		defer st.Close()
		u, err := st.UserByName(ctx, siteID, uname)
		if err != nil {
			return usageErr(fmt.Errorf("không có tài khoản %q", uname))
		}
		u.Disabled = true
		if err := st.UpdateUser(ctx, u.User); err != nil {
			return err
		}
		st.Audit(ctx, store.AuditEntry{SiteID: siteID, Username: "cli", Action: "user.disable", ObjectType: "user", ObjectID: u.ID, Detail: uname})
		fmt.Fprintf(stdout, "Đã khóa tài khoản %s; các phiên đăng nhập và mã API của tài khoản không còn dùng được.\n", uname)
	case "grant":
		var r auth.Role
		if *role != "none" {
			var ok bool
			if r, ok = auth.ParseRole(*role); !ok || r == auth.RoleProvinceAdmin {
				return usageErr(fmt.Errorf("--role %q không hợp lệ; chọn editor, approver, admin, officer hoặc none (bỏ vai trò)", *role))
			}
		}
		if *onHost == "" {
			return usageErr(errors.New("--on HOST là bắt buộc: cổng được giao vai trò"))
		}
		st, siteID, err := openSiteForCLI(ctx, &c, *siteHost)
		if err != nil {
			return err
		}
		defer st.Close()
		onID, err := resolveSite(ctx, st, *onHost)
		if err != nil {
			return err
		}
		u, err := st.UserByName(ctx, siteID, uname)
		if err != nil {
			return usageErr(fmt.Errorf("không có tài khoản %q", uname))
		}
		if onID == siteID {
			return usageErr(errors.New("đây là cổng của chính tài khoản: đổi vai trò trong trang Quản trị › Người dùng"))
		}
		if err := st.SetSiteRole(ctx, u.ID, onID, r); err != nil {
			return err
		}
		st.Audit(ctx, store.AuditEntry{SiteID: onID, Username: "cli", Action: "user.update", ObjectType: "user", ObjectID: u.ID, Detail: uname + " (" + string(r) + ")"})
		if r == "" {
			fmt.Fprintf(stdout, "Đã bỏ vai trò của %s trên %s.\n", uname, *onHost)
		} else {
			fmt.Fprintf(stdout, "%s là %s trên %s.\n", uname, auth.RoleName(r), *onHost)
		}
	default:
		return usageErr(errors.New(userUsage))
	}
	return nil
}

// cmdToken creates an API token and prints it once; only its hash is kept.
func cmdToken(ctx context.Context, args []string, stdout io.Writer, getenv func(string) string) error {
	if len(args) == 0 || args[0] != "add" {
		return usageErr(errors.New("dùng: cong token add --username U [--site HOST] [--name TÊN]"))
	}
	var c config.Config
	fs := flag.NewFlagSet("token add", flag.ContinueOnError)
	config.DBFlags(fs, &c)
	username := fs.String("username", "", "tài khoản sở hữu mã")
	name := fs.String("name", "", "ghi chú, ví dụ \"đồng bộ cổng tỉnh\"")
	siteHost := fs.String("site", "", "tên miền của cổng mà mã được dùng; bỏ trống: cổng đầu tiên")
	if err := config.Parse(fs, args[1:], getenv); err != nil {
		return usageErr(err)
	}
	st, siteID, err := openSiteForCLI(ctx, &c, *siteHost)
	if err != nil {
		return err
	}
	defer st.Close()
	// The owner may be an account of another site with a role here (or a
	// province administrator); the token acts on this site only.
	u, err := st.UserForSite(ctx, siteID, *username)
	if err != nil || u.Disabled {
		return usageErr(fmt.Errorf("không có tài khoản đang hoạt động %q trên cổng này", *username))
	}
	secret, hash, err := auth.NewSecret()
	if err != nil {
		return err
	}
	id, err := st.CreateSiteToken(ctx, u.ID, siteID, *name, hash)
	if err != nil {
		return err
	}
	st.Audit(ctx, store.AuditEntry{SiteID: siteID, Username: "cli", Action: "token.create", ObjectType: "token", ObjectID: id, Detail: u.Username})
	fmt.Fprintln(stdout, secret)
	return nil
}

func openForCLI(ctx context.Context, c *config.Config) (*store.Store, int64, error) {
	return openSiteForCLI(ctx, c, "")
}

// openSiteForCLI opens the store and resolves --site: ” is the install's
// first site (created on first use, as before issue 16); a host must be a
// site's, else a one-line error and exit status 2.
func openSiteForCLI(ctx context.Context, c *config.Config, host string) (*store.Store, int64, error) {
	st, err := openStore(ctx, c, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		return nil, 0, err
	}
	id, err := resolveSite(ctx, st, host)
	if err != nil {
		st.Close()
		return nil, 0, err
	}
	return st, id, nil
}

func resolveSite(ctx context.Context, st *store.Store, host string) (int64, error) {
	if host == "" {
		site, err := st.EnsureSite(ctx, defaultSite)
		return site.ID, err
	}
	site, err := st.SiteByHost(ctx, news.NormalizeHost(host))
	if errors.Is(err, store.ErrNotFound) {
		return 0, usageErr(fmt.Errorf("không có cổng nào với tên miền %q (xem: cong site list)", host))
	}
	return site.ID, err
}
