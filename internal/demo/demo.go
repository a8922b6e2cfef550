// Package demo fills an empty database with the original Vietnamese sample
// content of package content, so a new user sees a living portal with one
// command.
package demo

import (
	"context"
	"fmt"
	"sort"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/demo/content"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
)

// Load fills the site with the demo content, in one transaction, only when
// the site has no articles and no categories. It reports whether it loaded.
func Load(ctx context.Context, st *store.Store, siteID int64) (bool, error) {
	has, err := st.HasContent(ctx, siteID)
	if err != nil || has {
		return false, err
	}
	site, err := st.Site(ctx, siteID)
	if err != nil {
		return false, err
	}
	d := content.TheSite
	site.Name, site.Agency, site.Address, site.Phone, site.Email = d.Name, d.Agency, d.Address, d.Phone, d.Email
	site.Footer, site.Description, site.StartingTotal = d.Footer, d.Description, d.StartingTotal
	if err := st.UpdateSite(ctx, site); err != nil {
		return false, err
	}
	err = st.InTx(ctx, func(tx *store.Tx) error {
		ids := map[string]int64{}
		for _, c := range content.Categories {
			cat := news.Category{SiteID: siteID, Name: c.Name, Slug: c.Slug, Description: c.Description, Position: c.Position}
			if err := tx.CreateCategory(ctx, &cat, ""); err != nil {
				return fmt.Errorf("chuyên mục %s: %w", c.Slug, err)
			}
			ids[c.Slug] = cat.ID
		}
		if err := loadDocuments(ctx, tx, siteID); err != nil {
			return err
		}
		// Oldest first, so ids follow publication order like a real site.
		arts := append([]content.Article(nil), content.Articles...)
		sort.SliceStable(arts, func(i, j int) bool { return arts[i].PublishedAt.Before(arts[j].PublishedAt) })
		for _, a := range arts {
			art := news.Article{
				SiteID: siteID, CategoryID: ids[a.Category], Title: a.Title, Summary: a.Summary,
				BodyHTML: news.SanitizeHTML(a.BodyHTML), Author: a.Author, Source: a.Source,
				Status: news.StatusPublished, Featured: a.Featured, PublishedAt: a.PublishedAt, Tags: a.Tags,
			}
			if err := tx.SaveArticle(ctx, &art); err != nil {
				return fmt.Errorf("bài %q: %w", a.Title, err)
			}
		}
		return loadCatalogue(ctx, tx, siteID)
	})
	if err == nil {
		err = loadQA(ctx, st, siteID)
	}
	return err == nil, err
}

// Credential is a demo account's login, shown once at start-up.
type Credential struct {
	Username, RoleName, Password string
}

// Users creates the demo staff accounts (admin, bientap, duyet, motcua) with
// random passwords, returned so the caller can print them once.
func Users(ctx context.Context, st *store.Store, siteID int64) ([]Credential, error) {
	accounts := []struct {
		username, name string
		role           auth.Role
	}{
		{"admin", "Quản trị viên", auth.RoleAdmin},
		{"bientap", "Nguyễn Thị Lan", auth.RoleEditor},
		{"duyet", "Trần Văn Minh", auth.RoleApprover},
		{"motcua", "Lê Thị Hoa", auth.RoleOfficer},
	}
	var out []Credential
	for _, a := range accounts {
		secret, _, err := auth.NewSecret()
		if err != nil {
			return nil, err
		}
		pw := secret[:16]
		hash, err := auth.HashPassword(pw)
		if err != nil {
			return nil, err
		}
		u := &store.UserRecord{User: auth.User{SiteID: siteID, Username: a.username, Name: a.name, Role: a.role}, PasswordHash: hash}
		if err := st.CreateUser(ctx, u); err != nil {
			return nil, fmt.Errorf("%s: %w", a.username, err)
		}
		out = append(out, Credential{a.username, auth.RoleName(a.role), pw})
	}
	return out, nil
}
