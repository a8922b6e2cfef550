package store_test

import (
	"errors"
	"testing"
	"time"

	"github.com/congportal/cong/internal/citizen"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// Accounts, codes and sessions on both engines.
func TestCitizenAccounts(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		site, err := s.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng thử"})
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		if err := s.IssueCitizenCode(ctx, site.ID, "a@gmail.com", "123456", now); err != nil {
			t.Fatal(err)
		}
		if out, _, err := s.CheckCitizenCode(ctx, site.ID, "a@gmail.com", "123456", now.Add(citizen.CodeTTL+time.Second)); err != nil || out != citizen.CodeExpired {
			t.Fatalf("expired code: %v %v", out, err)
		}
		if err := s.IssueCitizenCode(ctx, site.ID, "a@gmail.com", "123456", now); err != nil {
			t.Fatal(err)
		}
		if out, _, err := s.CheckCitizenCode(ctx, site.ID, "a@gmail.com", "123456", now); err != nil || out != citizen.CodeOK {
			t.Fatalf("right code: %v %v", out, err)
		}
		c, err := s.SignInByEmail(ctx, site.ID, "a@gmail.com", now)
		if err != nil || c.ID == 0 {
			t.Fatalf("sign in: %+v %v", c, err)
		}
		if again, err := s.SignInByEmail(ctx, site.ID, "a@gmail.com", now); err != nil || again.ID != c.ID {
			t.Fatalf("second sign in: %+v %v", again, err)
		}
		if err := s.CreateCitizenSession(ctx, "h1", c.ID, "csrf", "10.0.0.1", now); err != nil {
			t.Fatal(err)
		}
		if got, csrf, err := s.CitizenSession(ctx, site.ID, "h1", now.Add(time.Minute)); err != nil || got.ID != c.ID || csrf != "csrf" {
			t.Fatalf("session: %+v %q %v", got, csrf, err)
		}
		if _, _, err := s.CitizenSession(ctx, site.ID+1, "h1", now); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("session of another site: %v", err)
		}
		if _, _, err := s.CitizenSession(ctx, site.ID, "h1", now.Add(citizen.SessionIdle+2*time.Minute)); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("idle session alive: %v", err)
		}
		// A provider account, then a second subject claiming the same
		// verified e-mail: linked once (no subject yet), then a conflict.
		cl := citizen.Claims{Issuer: "https://id.example.vn", Subject: "s1", Email: "a@gmail.com", EmailVerified: true, IDNumber: "001190012345", Name: "Trần Thị Ngọc"}
		linked, err := s.SignInByClaims(ctx, site.ID, cl, now)
		if err != nil || linked.ID != c.ID || linked.Subject != "s1" || linked.IDNumber != "001190012345" {
			t.Fatalf("link: %+v %v", linked, err)
		}
		cl2 := cl
		cl2.Subject, cl2.IDNumber = "s2", ""
		if _, err := s.SignInByClaims(ctx, site.ID, cl2, now); !errors.Is(err, store.ErrCitizenConflict) {
			t.Fatalf("e-mail of another subject: %v", err)
		}
		cl3 := citizen.Claims{Issuer: "https://id.example.vn", Subject: "s3", IDNumber: "001190012345"}
		if _, err := s.SignInByClaims(ctx, site.ID, cl3, now); !errors.Is(err, store.ErrCitizenConflict) {
			t.Fatalf("CCCD of another subject: %v", err)
		}
		if again, err := s.SignInByClaims(ctx, site.ID, cl, now); err != nil || again.ID != c.ID {
			t.Fatalf("subject sign in: %+v %v", again, err)
		}
		// OIDC state works once.
		if err := s.SaveOIDCLogin(ctx, site.ID, "st", "n", "v", "/cong-dan/ho-so", now.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		if n, v, next, err := s.TakeOIDCLogin(ctx, site.ID, "st", now); err != nil || n != "n" || v != "v" || next != "/cong-dan/ho-so" {
			t.Fatalf("take: %v", err)
		}
		if _, _, _, err := s.TakeOIDCLogin(ctx, site.ID, "st", now); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("state replayed: %v", err)
		}
		if err := s.PruneCitizenAuth(ctx, now); err != nil {
			t.Fatal(err)
		}
	})
}
