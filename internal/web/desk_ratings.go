package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/rating"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/viet"
)

// The officers' view of citizens' ratings: /quan-tri/ho-so/danh-gia lists
// the ratings of the user's units (every unit for admins) with their
// figures, per unit and in total, for a chosen period.

type deskRatingUnit struct {
	Unit  catalogue.Unit
	Stats rating.Stats
}

type deskRatingsPage struct {
	adminPage
	Period                  rating.Period
	Months, Quarters, Years []rating.Period
	Stats                   rating.Stats
	Units                   []deskRatingUnit
	Rows                    []rating.Rating
	Total                   int
	Pager                   pager
	NoUnits                 bool
	IsAdmin                 bool
}

func (o *officerDesk) ratings(w http.ResponseWriter, r *http.Request) error {
	sc, err := o.scope(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	q := r.URL.Query()
	per, err := rating.ParsePeriod(readPeriod(r).Period, dossier.Loc)
	if err != nil {
		return errBadRequest("Kỳ thống kê không hợp lệ: hãy chọn tháng, quý hoặc năm trong danh sách.")
	}
	p := &deskRatingsPage{adminPage: o.s.newAdminPage(r, "Đánh giá của người dân"), Period: per, IsAdmin: sc.admin}
	p.Nav = "desk"
	p.NoUnits = !sc.admin && len(sc.unitIDs) == 0
	p.Months, p.Quarters, p.Years = rating.Recent(time.Now(), dossier.Loc)
	f := store.RatingFilter{SiteID: o.s.siteIDOf(r), AllUnits: sc.admin, UnitIDs: sc.unitIDs, From: per.From, To: per.To}
	sums, err := o.s.st.RatingSums(ctx, f)
	if err != nil {
		return err
	}
	// Officers see their own units' figures side by side, not rolled up:
	// they are assigned unit by unit, and a parent's total would include
	// units they may not see.
	var total rating.Sums
	units, err := o.s.st.Units(ctx, o.s.siteIDOf(r))
	if err != nil {
		return err
	}
	for _, u := range catalogue.Tree(units) {
		s, ok := sums[u.ID]
		if !ok {
			continue
		}
		total.Add(s)
		p.Units = append(p.Units, deskRatingUnit{Unit: u, Stats: s.Stats()})
	}
	p.Stats = total.Stats()
	page, _ := strconv.Atoi(q.Get("trang"))
	page = max(page, 1)
	f.Limit, f.Offset = deskPerPage, (page-1)*deskPerPage
	if p.Rows, p.Total, err = o.s.st.Ratings(ctx, f); err != nil {
		return err
	}
	base := "/quan-tri/ho-so/danh-gia?"
	if per.Key != "" {
		base += url.Values{"period": {per.Key}}.Encode() + "&"
	}
	p.Pager = pager{Page: page, Pages: (p.Total + deskPerPage - 1) / deskPerPage, Base: base}
	// Comments may carry what citizens wrote about people: who read them is kept.
	o.s.audit(r, "rating.list", "dossier", 0, viet.NFC("kỳ "+per.Label))
	return o.render(w, http.StatusOK, "desk_ratings", p)
}

// dossierRating is the dossier's rating for its page, nil when it has none.
func (o *officerDesk) dossierRating(ctx context.Context, d dossier.Dossier) (*rating.Rating, error) {
	if d.Status != dossier.Returned {
		return nil, nil
	}
	got, err := o.s.st.RatingByDossier(ctx, o.s.siteIDCtx(ctx), d.ID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &got, nil
}
