package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"github.com/congportal/cong/internal/config"
)

// cmdSite shows or changes the site's settings: the portal's name and
// agency for the header and footer, and the starting figure of "Tất cả" for
// a portal that moves from an old counter. The admin area will offer the
// same; this is for the IT officer with a shell.
func cmdSite(ctx context.Context, args []string, stdout io.Writer, getenv func(string) string) error {
	var c config.Config
	fs := flag.NewFlagSet("site", flag.ContinueOnError)
	config.DBFlags(fs, &c)
	name := fs.String("name", "", "tên cổng, ví dụ \"Cổng thông tin điện tử xã Hòa Phong\"")
	agency := fs.String("agency", "", "cơ quan chủ quản")
	address := fs.String("address", "", "địa chỉ")
	phone := fs.String("phone", "", "điện thoại")
	email := fs.String("email", "", "thư điện tử")
	footer := fs.String("footer", "", "dòng chân trang (giấy phép, người chịu trách nhiệm)")
	desc := fs.String("description", "", "mô tả ngắn cho công cụ tìm kiếm")
	total := fs.Int64("starting-total", -1, "số lượt truy cập ban đầu cộng vào \"Tất cả\"")
	totp := fs.Bool("require-admin-totp", false, "bắt buộc quản trị viên và người duyệt dùng xác thực hai bước")
	if err := config.Parse(fs, args, getenv); err != nil {
		return usageErr(err)
	}
	if fs.NArg() > 0 {
		return usageErr(fmt.Errorf("tham số thừa: %v", fs.Args()))
	}
	st, err := openStore(ctx, &c, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		return err
	}
	defer st.Close()
	site, err := st.EnsureSite(ctx, defaultSite)
	if err != nil {
		return err
	}
	changed := false
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "name":
			site.Name = *name
		case "agency":
			site.Agency = *agency
		case "address":
			site.Address = *address
		case "phone":
			site.Phone = *phone
		case "email":
			site.Email = *email
		case "footer":
			site.Footer = *footer
		case "description":
			site.Description = *desc
		case "starting-total":
			site.StartingTotal = *total
		case "require-admin-totp":
			site.RequireAdminTOTP = *totp
		default:
			return
		}
		changed = true
	})
	if site.StartingTotal < 0 {
		return usageErr(fmt.Errorf("--starting-total không được âm"))
	}
	if site.Name == "" {
		return usageErr(fmt.Errorf("--name không được để trống"))
	}
	if changed {
		if err := st.UpdateSite(ctx, site); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "Đã lưu. Các máy chủ đang chạy cập nhật trong vòng một phút.")
	}
	fmt.Fprintf(stdout, "Tên cổng:        %s\nCơ quan:         %s\nĐịa chỉ:         %s\nĐiện thoại:      %s\nThư điện tử:     %s\nChân trang:      %s\nMô tả:           %s\nTổng ban đầu:    %d\nBắt buộc 2FA cho quản trị: %v\n",
		site.Name, site.Agency, site.Address, site.Phone, site.Email, site.Footer, site.Description, site.StartingTotal, site.RequireAdminTOTP)
	return nil
}
