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
	"github.com/congportal/cong/internal/store"
)

const userUsage = "dùng: cong user add --username U --role editor|approver|admin|officer [--name \"Họ tên\"] | cong user passwd --username U | cong user disable --username U (mật khẩu đọc từ stdin)"

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
		st, siteID, err := openForCLI(ctx, &c)
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
		st, siteID, err := openForCLI(ctx, &c)
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
		st, siteID, err := openForCLI(ctx, &c)
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
	default:
		return usageErr(errors.New(userUsage))
	}
	return nil
}

// cmdToken creates an API token and prints it once; only its hash is kept.
func cmdToken(ctx context.Context, args []string, stdout io.Writer, getenv func(string) string) error {
	if len(args) == 0 || args[0] != "add" {
		return usageErr(errors.New("dùng: cong token add --username U [--name TÊN]"))
	}
	var c config.Config
	fs := flag.NewFlagSet("token add", flag.ContinueOnError)
	config.DBFlags(fs, &c)
	username := fs.String("username", "", "tài khoản sở hữu mã")
	name := fs.String("name", "", "ghi chú, ví dụ \"đồng bộ cổng tỉnh\"")
	if err := config.Parse(fs, args[1:], getenv); err != nil {
		return usageErr(err)
	}
	st, siteID, err := openForCLI(ctx, &c)
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := st.UserByName(ctx, siteID, *username)
	if err != nil || u.Disabled {
		return usageErr(fmt.Errorf("không có tài khoản đang hoạt động %q", *username))
	}
	secret, hash, err := auth.NewSecret()
	if err != nil {
		return err
	}
	id, err := st.CreateToken(ctx, u.ID, *name, hash)
	if err != nil {
		return err
	}
	st.Audit(ctx, store.AuditEntry{SiteID: siteID, Username: "cli", Action: "token.create", ObjectType: "token", ObjectID: id, Detail: u.Username})
	fmt.Fprintln(stdout, secret)
	return nil
}

func openForCLI(ctx context.Context, c *config.Config) (*store.Store, int64, error) {
	st, err := openStore(ctx, c, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		return nil, 0, err
	}
	site, err := st.EnsureSite(ctx, defaultSite)
	if err != nil {
		st.Close()
		return nil, 0, err
	}
	return st, site.ID, nil
}
