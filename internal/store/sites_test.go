package store_test

import (
	"errors"
	"testing"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func TestSitesByHost(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		def := site(t, s)
		if def.Host != "" || def.Kind != news.KindProvince {
			t.Fatalf("default site after migration: %+v", def)
		}
		v0, err := s.SitesVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		def.Host = "tinh.gov.vn"
		if err := s.UpdateSite(ctx, def); err != nil {
			t.Fatal(err)
		}
		xa := news.Site{Name: "Xã A", Host: "xa-a.tinh.gov.vn", Kind: news.KindCommune, ParentID: def.ID, UnitCode: "XA-A"}
		if err := s.AddSite(ctx, &xa); err != nil {
			t.Fatal(err)
		}
		got, err := s.SiteByHost(ctx, "xa-a.tinh.gov.vn")
		if err != nil || got.ID != xa.ID || got.ParentID != def.ID || got.Kind != news.KindCommune || got.UnitCode != "XA-A" {
			t.Fatalf("by host: %+v %v", got, err)
		}
		if _, err := s.SiteByHost(ctx, "xa-b.tinh.gov.vn"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("unknown host: %v", err)
		}
		dup := news.Site{Name: "Trùng", Host: "xa-a.tinh.gov.vn", Kind: news.KindCommune}
		if err := s.AddSite(ctx, &dup); !errors.Is(err, store.ErrHostTaken) {
			t.Fatalf("taken host: %v", err)
		}
		xa.Host = "tinh.gov.vn"
		if err := s.UpdateSite(ctx, xa); !errors.Is(err, store.ErrHostTaken) {
			t.Fatalf("moving onto a taken host: %v", err)
		}
		all, err := s.Sites(ctx)
		if err != nil || len(all) != 2 || all[0].ID != def.ID {
			t.Fatalf("sites: %+v %v", all, err)
		}
		v1, _ := s.SitesVersion(ctx)
		if v1 != v0+2 {
			t.Fatalf("sites version %d → %d, want two bumps", v0, v1)
		}
	})
}

func TestRolesOnSites(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		def := site(t, s)
		xa := news.Site{Name: "Xã A", Host: "xa-a.tinh.gov.vn", Kind: news.KindCommune, ParentID: def.ID}
		if err := s.AddSite(ctx, &xa); err != nil {
			t.Fatal(err)
		}
		ed := &store.UserRecord{User: auth.User{SiteID: xa.ID, Username: "bientap", Role: auth.RoleEditor}, PasswordHash: "x"}
		pa := &store.UserRecord{User: auth.User{SiteID: def.ID, Username: "tinh", Role: auth.RoleProvinceAdmin}, PasswordHash: "x"}
		ap := &store.UserRecord{User: auth.User{SiteID: def.ID, Username: "duyet", Role: auth.RoleApprover}, PasswordHash: "x"}
		for _, u := range []*store.UserRecord{ed, pa, ap} {
			if err := s.CreateUser(ctx, u); err != nil {
				t.Fatal(err)
			}
		}
		if _, ok, _ := s.RoleOn(ctx, ed.User, def.ID); ok {
			t.Fatal("a commune editor has a role on the province site")
		}
		if r, ok, _ := s.RoleOn(ctx, pa.User, xa.ID); !ok || r != auth.RoleProvinceAdmin {
			t.Fatalf("province admin on a commune: %v %v", r, ok)
		}
		if _, ok, _ := s.RoleOn(ctx, ap.User, xa.ID); ok {
			t.Fatal("role without a grant")
		}
		if err := s.SetSiteRole(ctx, ap.ID, xa.ID, auth.RoleApprover); err != nil {
			t.Fatal(err)
		}
		if r, ok, _ := s.RoleOn(ctx, ap.User, xa.ID); !ok || r != auth.RoleApprover {
			t.Fatalf("granted role: %v %v", r, ok)
		}
		if u, err := s.UserForSite(ctx, xa.ID, "duyet"); err != nil || u.ID != ap.ID {
			t.Fatalf("sign-in on the commune with a granted role: %+v %v", u, err)
		}
		if u, err := s.UserForSite(ctx, xa.ID, "tinh"); err != nil || u.ID != pa.ID {
			t.Fatalf("province admin signs in anywhere: %+v %v", u, err)
		}
		if _, err := s.UserForSite(ctx, def.ID, "bientap"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("commune editor on the province: %v", err)
		}
		if err := s.SetSiteRole(ctx, ap.ID, xa.ID, ""); err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := s.RoleOn(ctx, ap.User, xa.ID); ok {
			t.Fatal("role removed but still there")
		}
		id, err := s.CreateSiteToken(ctx, ed.ID, xa.ID, "cli", []byte("h1"))
		if err != nil || id == 0 {
			t.Fatal(err)
		}
		if site, err := s.TokenSite(ctx, []byte("h1")); err != nil || site != xa.ID {
			t.Fatalf("token site %d %v", site, err)
		}
		if _, err := s.CreateToken(ctx, ap.ID, "old", []byte("h2")); err != nil {
			t.Fatal(err)
		}
		if site, err := s.TokenSite(ctx, []byte("h2")); err != nil || site != def.ID {
			t.Fatalf("token without a site is bound to the user's: %d %v", site, err)
		}
	})
}
