package catalogue

import (
	"context"
	"errors"
	"fmt"
)

// ImportTx is what an import needs from a database transaction
// (*store.Tx satisfies it).
type ImportTx interface {
	Units(ctx context.Context, siteID int64) ([]Unit, error)
	ProcedureByCode(ctx context.Context, siteID int64, code string) (Procedure, error)
	SaveProcedure(ctx context.Context, p *Procedure) error
}

// ImportResult counts what an import did.
type ImportResult struct {
	Created, Updated int
}

// Import reads an import file (XLSX or CSV) and writes its procedures
// through tx: new codes are created, existing codes updated in place, so
// importing the same file twice changes nothing. isNotFound tells the
// store's not-found error. Any row error returns ImportErrors and the
// caller rolls the transaction back: an import is all or nothing.
func Import(ctx context.Context, tx ImportTx, siteID int64, data []byte, isNotFound func(error) bool) (ImportResult, error) {
	var res ImportResult
	rows, err := ReadTable(data)
	if err != nil {
		return res, ImportErrors{{Msg: "Không đọc được tệp: " + err.Error() + "."}}
	}
	recs, errs := ParseTable(rows)
	if len(recs) == 0 && len(errs) == 0 {
		return res, ImportErrors{{Row: 1, Msg: "tệp không có thủ tục nào."}}
	}
	units, err := tx.Units(ctx, siteID)
	if err != nil {
		return res, err
	}
	for i := range recs {
		rec := &recs[i]
		p := &rec.Procedure
		p.SiteID = siteID
		var msg string
		if p.Units, msg = ResolveUnits(rec.UnitRefs, units); msg != "" {
			errs = append(errs, RowError{rec.Row, msg})
			continue
		}
		old, err := tx.ProcedureByCode(ctx, siteID, p.Code)
		switch {
		case err == nil:
			mergeExisting(p, old)
		case !isNotFound(err):
			return res, err
		}
		if v := ValidateProcedure(*p, units); len(v) > 0 {
			for _, m := range v {
				errs = append(errs, RowError{rec.Row, m})
				break
			}
			continue
		}
		if len(errs) > 0 {
			continue // keep checking rows, but write nothing
		}
		if err := tx.SaveProcedure(ctx, p); err != nil {
			return res, fmt.Errorf("dòng %d: %w", rec.Row, err)
		}
		if old.ID != 0 {
			res.Updated++
		} else {
			res.Created++
		}
	}
	if len(errs) > 0 {
		return ImportResult{}, errs
	}
	return res, nil
}

// mergeExisting makes p an update of old: same row, same address, same
// publication state, and components matched by name keep their ids and
// uploaded templates (files of submitted dossiers point at them).
func mergeExisting(p *Procedure, old Procedure) {
	p.ID, p.Slug, p.Published, p.CreatedAt = old.ID, old.Slug, old.Published, old.CreatedAt
	byName := map[string]Component{}
	for _, c := range old.Components {
		byName[foldHeader(c.Name)] = c
	}
	for i := range p.Components {
		if c, ok := byName[foldHeader(p.Components[i].Name)]; ok {
			p.Components[i].ID, p.Components[i].TemplateFile, p.Components[i].TemplateName = c.ID, c.TemplateFile, c.TemplateName
			delete(byName, foldHeader(c.Name))
		}
	}
}

// IsImportErrors reports whether err lists row errors (shown to the user)
// rather than a failure of the system.
func IsImportErrors(err error) (ImportErrors, bool) {
	var ie ImportErrors
	ok := errors.As(err, &ie)
	return ie, ok
}
