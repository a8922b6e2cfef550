package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/congportal/cong/internal/config"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
)

const siteUsage = "dùng: cong site add --host HOST --name TÊN [--kind province|department|commune] [--parent HOST] [--unit MÃ] | cong site list | cong site set [--host HOST] [--name …] [--new-host HOST] … (không có lệnh con: như set)"

// cmdSite manages the install's sites (issue 16): add one, list them, or
// change one's settings. Without a subcommand it changes the first site, as
// before there were several: the IT officer's shell scripts keep working.
func cmdSite(ctx context.Context, args []string, stdout io.Writer, getenv func(string) string) error {
	sub := "set"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		sub, args = args[0], args[1:]
	}
	switch sub {
	case "add":
		return cmdSiteAdd(ctx, args, stdout, getenv)
	case "list":
		return cmdSiteList(ctx, args, stdout, getenv)
	case "set":
		return cmdSiteSet(ctx, args, stdout, getenv)
	}
	return usageErr(errors.New(siteUsage))
}

// siteFields are the flags add and set share.
type siteFields struct {
	name, agency, address, phone, email, footer, desc *string
	kind, parent, unit, baseURL                       *string
	total                                             *int64
	totp                                              *bool
}

func siteFlags(fs *flag.FlagSet) siteFields {
	return siteFields{
		name:    fs.String("name", "", "tên cổng, ví dụ \"Cổng thông tin điện tử xã Hòa Phong\""),
		agency:  fs.String("agency", "", "cơ quan chủ quản"),
		address: fs.String("address", "", "địa chỉ"),
		phone:   fs.String("phone", "", "điện thoại"),
		email:   fs.String("email", "", "thư điện tử"),
		footer:  fs.String("footer", "", "dòng chân trang (giấy phép, người chịu trách nhiệm)"),
		desc:    fs.String("description", "", "mô tả ngắn cho công cụ tìm kiếm"),
		total:   fs.Int64("starting-total", -1, "số lượt truy cập ban đầu cộng vào \"Tất cả\""),
		totp:    fs.Bool("require-admin-totp", false, "bắt buộc quản trị viên và người duyệt dùng xác thực hai bước"),
		kind:    fs.String("kind", "", "loại cổng: province (tỉnh), department (sở, ngành), commune (xã, phường)"),
		parent:  fs.String("parent", "", "tên miền của cổng cấp tỉnh mà cổng này thuộc về"),
		unit:    fs.String("unit", "", "mã đơn vị (một cửa) mà cổng này đại diện"),
		baseURL: fs.String("base-url", "", "địa chỉ gốc chuẩn, ví dụ https://xa-a.tinh.gov.vn; bỏ trống: https:// + tên miền"),
	}
}

// apply copies the flags given on the command line onto site and resolves
// --parent; a parent host that is no site is a usage error.
func (f siteFields) apply(ctx context.Context, st *store.Store, fs *flag.FlagSet, site *news.Site) (changed bool, parent *news.Site, err error) {
	if site.ParentID != 0 {
		p, err := st.Site(ctx, site.ParentID)
		if err != nil {
			return false, nil, err
		}
		parent = &p
	}
	fs.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "data", "db", "host", "new-host":
			return
		}
		changed = true
		switch fl.Name {
		case "name":
			site.Name = *f.name
		case "agency":
			site.Agency = *f.agency
		case "address":
			site.Address = *f.address
		case "phone":
			site.Phone = *f.phone
		case "email":
			site.Email = *f.email
		case "footer":
			site.Footer = *f.footer
		case "description":
			site.Description = *f.desc
		case "starting-total":
			site.StartingTotal = *f.total
		case "require-admin-totp":
			site.RequireAdminTOTP = *f.totp
		case "kind":
			site.Kind = news.SiteKind(strings.TrimSpace(*f.kind))
		case "unit":
			site.UnitCode = strings.TrimSpace(*f.unit)
		case "base-url":
			site.BaseURL = strings.TrimRight(strings.TrimSpace(*f.baseURL), "/")
		case "parent":
			if *f.parent == "" {
				site.ParentID, parent = 0, nil
				return
			}
			p, e := st.SiteByHost(ctx, news.NormalizeHost(*f.parent))
			if errors.Is(e, store.ErrNotFound) {
				err = usageErr(fmt.Errorf("không có cổng cha với tên miền %q", *f.parent))
				return
			}
			if e != nil {
				err = e
				return
			}
			site.ParentID, parent = p.ID, &p
		}
	})
	if err != nil {
		return false, nil, err
	}
	if site.StartingTotal < 0 {
		return false, nil, usageErr(errors.New("--starting-total không được âm"))
	}
	if e := news.CheckSite(*site, parent); e != nil {
		return false, nil, usageErr(e)
	}
	return changed, parent, nil
}

func cmdSiteAdd(ctx context.Context, args []string, stdout io.Writer, getenv func(string) string) error {
	var c config.Config
	fs := flag.NewFlagSet("site add", flag.ContinueOnError)
	config.DBFlags(fs, &c)
	host := fs.String("host", "", "tên miền của cổng mới, ví dụ xa-a.tinh.gov.vn")
	f := siteFlags(fs)
	if err := config.Parse(fs, args, getenv); err != nil {
		return usageErr(err)
	}
	if fs.NArg() > 0 {
		return usageErr(fmt.Errorf("tham số thừa: %v", fs.Args()))
	}
	h := strings.TrimSpace(*host)
	if err := news.ValidHost(h); err != nil {
		return usageErr(fmt.Errorf("--host: %w", err))
	}
	if *f.kind != "" {
		if _, err := news.ParseSiteKind(*f.kind); err != nil {
			return usageErr(err)
		}
	}
	st, err := openStore(ctx, &c, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		return err
	}
	defer st.Close()
	// The first site exists before any other, so the install's own portal
	// stays the oldest row and keeps answering as it did.
	if _, err := st.EnsureSite(ctx, defaultSite); err != nil {
		return err
	}
	site := news.Site{Host: h, Kind: news.KindCommune, Description: *f.name}
	if _, _, err := f.apply(ctx, st, fs, &site); err != nil {
		return err
	}
	if err := st.AddSite(ctx, &site); err != nil {
		if errors.Is(err, store.ErrHostTaken) || errors.Is(err, store.ErrSiteSlugTaken) {
			return usageErr(fmt.Errorf("tên miền %q đã có cổng", h))
		}
		return err
	}
	st.Audit(ctx, store.AuditEntry{SiteID: site.ID, Username: "cli", Action: "site.create", ObjectType: "site", ObjectID: site.ID, Detail: h})
	fmt.Fprintf(stdout, "Đã tạo cổng %s (%s). Các máy chủ đang chạy nhận cổng mới trong vòng vài giây, không cần khởi động lại.\n", h, site.Name)
	return nil
}

func cmdSiteList(ctx context.Context, args []string, stdout io.Writer, getenv func(string) string) error {
	var c config.Config
	fs := flag.NewFlagSet("site list", flag.ContinueOnError)
	config.DBFlags(fs, &c)
	if err := config.Parse(fs, args, getenv); err != nil {
		return usageErr(err)
	}
	st, err := openStore(ctx, &c, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		return err
	}
	defer st.Close()
	sites, err := st.Sites(ctx)
	if err != nil {
		return err
	}
	hosts := map[int64]string{}
	for _, s := range sites {
		hosts[s.ID] = s.Host
	}
	fmt.Fprintf(stdout, "%-4s %-32s %-10s %-24s %-10s %s\n", "ID", "TÊN MIỀN", "LOẠI", "CỔNG CHA", "ĐƠN VỊ", "TÊN")
	for _, s := range sites {
		h := s.Host
		if h == "" {
			h = "(mọi tên miền)"
		}
		fmt.Fprintf(stdout, "%-4d %-32s %-10s %-24s %-10s %s\n", s.ID, h, s.Kind, hosts[s.ParentID], s.UnitCode, s.Name)
	}
	return nil
}

func cmdSiteSet(ctx context.Context, args []string, stdout io.Writer, getenv func(string) string) error {
	var c config.Config
	fs := flag.NewFlagSet("site set", flag.ContinueOnError)
	config.DBFlags(fs, &c)
	host := fs.String("host", "", "tên miền của cổng cần sửa; bỏ trống: cổng đầu tiên (cài đặt một cổng)")
	newHost := fs.String("new-host", "", "đặt tên miền mới cho cổng (cổng đầu tiên: đặt để các cổng khác không dùng chung)")
	f := siteFlags(fs)
	if err := config.Parse(fs, args, getenv); err != nil {
		return usageErr(err)
	}
	if fs.NArg() > 0 {
		return usageErr(fmt.Errorf("tham số thừa: %v", fs.Args()))
	}
	if *f.kind != "" {
		if _, err := news.ParseSiteKind(*f.kind); err != nil {
			return usageErr(err)
		}
	}
	st, siteID, err := openSiteForCLI(ctx, &c, *host)
	if err != nil {
		return err
	}
	defer st.Close()
	site, err := st.Site(ctx, siteID)
	if err != nil {
		return err
	}
	changed, _, err := f.apply(ctx, st, fs, &site)
	if err != nil {
		return err
	}
	fs.Visit(func(fl *flag.Flag) {
		if fl.Name == "new-host" {
			site.Host = news.NormalizeHost(*newHost)
			changed = true
		}
	})
	if site.Host != "" {
		if err := news.ValidHost(site.Host); err != nil {
			return usageErr(fmt.Errorf("--new-host: %w", err))
		}
	}
	if changed {
		if err := st.UpdateSite(ctx, site); err != nil {
			if errors.Is(err, store.ErrHostTaken) {
				return usageErr(fmt.Errorf("tên miền %q đã có cổng", site.Host))
			}
			return err
		}
		fmt.Fprintln(stdout, "Đã lưu. Các máy chủ đang chạy cập nhật trong vòng một phút.")
	}
	h := site.Host
	if h == "" {
		h = "(mọi tên miền)"
	}
	fmt.Fprintf(stdout, "Tên miền:        %s\nLoại:            %s\nTên cổng:        %s\nCơ quan:         %s\nĐịa chỉ:         %s\nĐiện thoại:      %s\nThư điện tử:     %s\nChân trang:      %s\nMô tả:           %s\nTổng ban đầu:    %d\nBắt buộc 2FA cho quản trị: %v\n",
		h, site.Kind, site.Name, site.Agency, site.Address, site.Phone, site.Email, site.Footer, site.Description, site.StartingTotal, site.RequireAdminTOTP)
	return nil
}
