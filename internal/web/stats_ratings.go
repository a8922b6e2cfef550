package web

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/rating"
	"github.com/congportal/cong/internal/store"
)

// Public figures of citizens' ratings: the page /thong-ke/danh-gia and
// GET /api/v1/stats/ratings. A unit's figures include its sub-units' (the
// unit tree rolled up), computed from per-unit sums so each rating counts
// once; periods are taken on the date the rating was given, in Vietnam
// time.

type ratingStats struct {
	s    *Server
	tmpl *template.Template
}

func newRatingStats(s *Server) *ratingStats {
	return &ratingStats{s: s, tmpl: s.tmpl["stats_ratings"]}
}

// ratingFigures are the rolled-up figures of one unit (or the whole site)
// and of its direct sub-units.
type ratingFigures struct {
	Unit  *catalogue.Unit // nil: every unit of the site
	Trail []catalogue.Unit
	Stats rating.Stats
	Rows  []ratingUnitRow
	Units []catalogue.Unit // the whole tree, for choosing
}

type ratingUnitRow struct {
	Unit        catalogue.Unit
	Stats       rating.Stats
	HasChildren bool
}

// figures computes the figures of unit (nil: all) for the period.
func (rs *ratingStats) figures(ctx context.Context, unit *catalogue.Unit, per rating.Period, units []catalogue.Unit) (ratingFigures, error) {
	f := ratingFigures{Unit: unit, Units: catalogue.Tree(units)}
	own, err := rs.s.st.RatingSums(ctx, store.RatingFilter{SiteID: rs.s.siteIDCtx(ctx), AllUnits: true, From: per.From, To: per.To})
	if err != nil {
		return f, err
	}
	parent, byID := map[int64]int64{}, map[int64]catalogue.Unit{}
	children := map[int64][]catalogue.Unit{}
	for _, u := range f.Units {
		parent[u.ID], byID[u.ID] = u.ParentID, u
		if _, ok := byID[u.ParentID]; !ok && u.ParentID != 0 {
			// A parent missing from the site (bad data) makes a root.
			parent[u.ID] = 0
		}
	}
	for _, u := range f.Units {
		children[parent[u.ID]] = append(children[parent[u.ID]], u)
	}
	all := rating.RollUp(own, parent)
	var top rating.Sums
	var kids []catalogue.Unit
	if unit == nil {
		for _, s := range own {
			top.Add(s)
		}
		kids = children[0]
	} else {
		top = all[unit.ID]
		kids = children[unit.ID]
		seen := map[int64]bool{}
		for id := unit.ParentID; id != 0 && !seen[id]; id = parent[id] {
			seen[id] = true
			f.Trail = append([]catalogue.Unit{byID[id]}, f.Trail...)
		}
	}
	f.Stats = top.Stats()
	for _, k := range kids {
		s, rated := all[k.ID]
		if k.Former() && !rated {
			continue // dissolved units with nothing to show are history only
		}
		f.Rows = append(f.Rows, ratingUnitRow{Unit: k, Stats: s.Stats(), HasChildren: len(children[k.ID]) > 0})
	}
	return f, nil
}

// findUnit resolves a unit given by code (or, in the API, by id).
func findUnit(units []catalogue.Unit, ref string) (*catalogue.Unit, bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, true
	}
	id, _ := strconv.ParseInt(ref, 10, 64)
	for i := range units {
		if strings.EqualFold(units[i].Code, ref) || (id > 0 && units[i].ID == id) {
			u := units[i]
			return &u, true
		}
	}
	return nil, false
}

type ratingStatsPage struct {
	*page
	ratingFigures
	Period                  rating.Period
	Months, Quarters, Years []rating.Period
	Levels                  []string
}

func (rs *ratingStats) page(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	q := r.URL.Query()
	per, err := rating.ParsePeriod(readPeriod(r).Period, dossier.Loc)
	if err != nil {
		return errBadRequest("Kỳ thống kê không hợp lệ: " + strings.TrimPrefix(err.Error(), rating.ErrPeriod.Error()+": ") + ".")
	}
	units, err := rs.s.st.Units(ctx, rs.s.siteIDOf(r))
	if err != nil {
		return err
	}
	unit, ok := findUnit(units, q.Get("don-vi"))
	if !ok {
		return &Error{Status: http.StatusNotFound, Code: "not_found", Message: "Không tìm thấy đơn vị có mã “" + q.Get("don-vi") + "”. Hãy chọn đơn vị trong danh sách."}
	}
	fig, err := rs.figures(ctx, unit, per, units)
	if err != nil {
		return err
	}
	p := &ratingStatsPage{page: rs.s.basePage(ctx), ratingFigures: fig, Period: per}
	p.Months, p.Quarters, p.Years = rating.Recent(time.Now(), dossier.Loc)
	for _, l := range rating.Levels {
		p.Levels = append(p.Levels, strconv.Itoa(int(l))+" = "+l.String())
	}
	p.Canonical = rs.s.baseURLOf(r) + "/thong-ke/danh-gia"
	p.Description = "Tỷ lệ hài lòng và điểm đánh giá của người dân về việc giải quyết thủ tục hành chính, theo đơn vị và kỳ thống kê."
	p.NoIndex = len(q) > 0
	var buf bytes.Buffer
	if err := rs.tmpl.ExecuteTemplate(&buf, "layout", p); err != nil {
		return err
	}
	rs.s.countVisit(r, 0)
	splitLive(buf.Bytes()).write(w, http.StatusOK, &liveValues{stats: rs.s.counterOf(r).Stats()})
	return nil
}

// JSON shapes of /api/v1/stats/ratings.
type ratioJSON struct {
	Numerator   int      `json:"numerator"`
	Denominator int      `json:"denominator"`
	Percent     *float64 `json:"percent"` // null when the denominator is 0
}

type criterionJSON struct {
	Key       string    `json:"key"`
	Label     string    `json:"label"`
	Optional  bool      `json:"optional"`
	Rated     int       `json:"rated"`
	Average   *float64  `json:"average"` // null when nobody answered
	Satisfied ratioJSON `json:"satisfied"`
}

type ratingStatsJSON struct {
	ID        int64           `json:"id,omitempty"`
	Code      string          `json:"code,omitempty"`
	Name      string          `json:"name,omitempty"`
	Count     int             `json:"count"`
	Satisfied ratioJSON       `json:"satisfied"`
	Criteria  []criterionJSON `json:"criteria"`
}

type scaleJSON struct {
	Value int    `json:"value"`
	Label string `json:"label"`
}

type unitRefJSON struct {
	ID   int64  `json:"id"`
	Code string `json:"code"`
	Name string `json:"name"`
}

type ratingAPIJSON struct {
	Unit  *unitRefJSON      `json:"unit"` // null: the whole site
	From  *string           `json:"from"`
	To    *string           `json:"to"` // inclusive
	Scale []scaleJSON       `json:"scale"`
	Total ratingStatsJSON   `json:"total"`
	Units []ratingStatsJSON `json:"units"` // direct sub-units, each rolled up
}

func ratioOf(r rating.Ratio) ratioJSON {
	out := ratioJSON{Numerator: r.Num, Denominator: r.Den}
	if r.OK() {
		v := round2(r.Percent())
		out.Percent = &v
	}
	return out
}

func round2(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 2, 64), 64)
	return v
}

func statsJSON(u *catalogue.Unit, st rating.Stats) ratingStatsJSON {
	out := ratingStatsJSON{Count: st.Count, Satisfied: ratioOf(st.Satisfied), Criteria: []criterionJSON{}}
	if u != nil {
		out.ID, out.Code, out.Name = u.ID, u.Code, u.Name
	}
	for _, c := range st.Criteria {
		cj := criterionJSON{Key: c.Key, Label: c.Label, Optional: c.Optional, Rated: c.Average.Rated, Satisfied: ratioOf(c.Satisfied)}
		if c.Average.OK() {
			v := round2(c.Average.Value())
			cj.Average = &v
		}
		out.Criteria = append(out.Criteria, cj)
	}
	return out
}

func (rs *ratingStats) api(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	q := r.URL.Query()
	pq := readPeriod(r)
	var per rating.Period
	var err error
	switch {
	case pq.Period != "" && (pq.From != "" || pq.To != ""):
		err = fmt.Errorf("%w: chỉ chọn một trong hai: kỳ (period) hoặc khoảng ngày (from, to)", rating.ErrPeriod)
	case pq.Period != "":
		per, err = rating.ParsePeriod(pq.Period, dossier.Loc)
	default:
		per, err = rating.Range(pq.From, pq.To, dossier.Loc)
	}
	if err != nil {
		return &Error{Status: http.StatusBadRequest, Code: "bad_request", Message: "Kỳ thống kê không hợp lệ: " + strings.TrimPrefix(err.Error(), rating.ErrPeriod.Error()+": ") + ".",
			Fields: map[string]string{"period": err.Error()}}
	}
	units, err := rs.s.st.Units(ctx, rs.s.siteIDOf(r))
	if err != nil {
		return err
	}
	unit, ok := findUnit(units, q.Get("unit"))
	if !ok {
		return &Error{Status: http.StatusNotFound, Code: "not_found", Message: fmt.Sprintf("Không tìm thấy đơn vị %q (dùng mã hoặc số hiệu đơn vị).", q.Get("unit"))}
	}
	fig, err := rs.figures(ctx, unit, per, units)
	if err != nil {
		return err
	}
	out := ratingAPIJSON{Total: statsJSON(nil, fig.Stats), Units: []ratingStatsJSON{}}
	if unit != nil {
		out.Unit = &unitRefJSON{ID: unit.ID, Code: unit.Code, Name: unit.Name}
	}
	if !per.From.IsZero() {
		v := per.From.Format("2006-01-02")
		out.From = &v
	}
	if !per.To.IsZero() {
		v := per.To.AddDate(0, 0, -1).Format("2006-01-02")
		out.To = &v
	}
	for _, l := range rating.Levels {
		out.Scale = append(out.Scale, scaleJSON{Value: int(l), Label: l.String()})
	}
	for _, row := range fig.Rows {
		out.Units = append(out.Units, statsJSON(&row.Unit, row.Stats))
	}
	w.Header().Set("Cache-Control", "public, max-age=60")
	writeJSON(w, http.StatusOK, out)
	return nil
}
