package export

import (
	"context"
	"fmt"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/store"
)

type jsonDocFile struct {
	Name string `json:"name"`
	Mime string `json:"mime"`
	Size int64  `json:"size"`
	URL  string `json:"url"`
}

type jsonDocument struct {
	Number        string        `json:"number"`
	Type          string        `json:"type"`
	Issuer        string        `json:"issuer"`
	Signer        string        `json:"signer,omitempty"`
	Field         string        `json:"field,omitempty"`
	Abstract      string        `json:"abstract"`
	IssueDate     string        `json:"issue_date,omitempty"`
	EffectiveDate string        `json:"effective_date,omitempty"`
	ExpiryDate    string        `json:"expiry_date,omitempty"`
	ReplacedBy    string        `json:"replaced_by,omitempty"` // URL of the replacing document
	URL           string        `json:"url"`
	Files         []jsonDocFile `json:"files"`
}

// emitDocuments writes the published legal documents with their files'
// download addresses (the bytes stay on the portal).
func emitDocuments(ctx context.Context, src Source, emit func(any) error) error {
	for off := 0; ; off += 200 {
		list, _, err := src.Store.ListDocuments(ctx, store.DocumentFilter{SiteID: src.SiteID, Limit: 200, Offset: off})
		if err != nil {
			return err
		}
		for _, l := range list {
			d, err := src.Store.Document(ctx, src.SiteID, l.ID)
			if err != nil {
				return err
			}
			j := jsonDocument{Number: d.Number, Type: d.Type, Issuer: d.Issuer, Signer: d.Signer, Field: d.Field, Abstract: d.Abstract,
				IssueDate: d.IssueDate, EffectiveDate: d.EffectiveDate, ExpiryDate: d.ExpiryDate, URL: src.BaseURL + d.Path(), Files: []jsonDocFile{}}
			if d.ReplacedBy != nil {
				j.ReplacedBy = src.BaseURL + d.ReplacedBy.Path()
			}
			for _, f := range d.Files {
				j.Files = append(j.Files, jsonDocFile{Name: f.Name, Mime: f.Mime, Size: f.Size, URL: fmt.Sprintf("%s%s/tep/%d", src.BaseURL, d.Path(), f.ID)})
			}
			if err := emit(j); err != nil {
				return err
			}
		}
		if len(list) < 200 {
			return nil
		}
	}
}

// emitProcedures writes the published procedure catalogue with units and
// components, in the shape of GET /api/v1/procedures/{code}.
func emitProcedures(ctx context.Context, src Source, emit func(any) error) error {
	list, _, err := src.Store.Procedures(ctx, store.ProcedureFilter{SiteID: src.SiteID, PublishedOnly: true})
	if err != nil {
		return err
	}
	for _, l := range list {
		p, err := src.Store.ProcedureByID(ctx, src.SiteID, l.ID)
		if err != nil {
			return err
		}
		if p.Units == nil {
			p.Units = []catalogue.Unit{}
		}
		if p.Components == nil {
			p.Components = []catalogue.Component{}
		}
		if err := emit(struct {
			catalogue.Procedure
			URL string `json:"url"`
		}{p, src.BaseURL + "/thu-tuc/" + p.Slug}); err != nil {
			return err
		}
	}
	return nil
}
