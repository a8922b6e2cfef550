package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"html"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/dossierstats"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/xlsx"
)

// Public statistics of the one-stop desk (/thong-ke, Decision 766): the
// figures of a unit (sub-units rolled up) over a month, quarter, year or
// custom days, as a page with SVG charts, CSV and XLSX exports and a JSON
// API. Definitions live on dossierstats.Counts and are repeated on the page.

type statsDossiers struct {
	s     *Server
	tmpl  *template.Template
	cfg   dossierstats.Config
	cache *statsCache
}

func newStatsDossiers(s *Server, cfg dossierstats.Config) *statsDossiers {
	return &statsDossiers{s: s, tmpl: s.tmpl["stats_dossiers"], cfg: cfg, cache: newStatsCache(256)}
}

// statsCache keeps computed reports briefly. A closed period's figures only
// change when history is edited (a late correction, a unit moved in the
// tree), so a few minutes of staleness is harmless and spares the database
// the year-long scans a crawler or a busy morning would repeat; a running
// period is kept one minute so the page follows the desk. In memory and per
// instance: several instances simply compute once each.
type statsCache struct {
	mu      sync.Mutex
	max     int
	entries map[string]statsEntry
}

type statsEntry struct {
	rep     dossierstats.Report
	months  []monthBar
	expires time.Time
}

func newStatsCache(max int) *statsCache {
	return &statsCache{max: max, entries: map[string]statsEntry{}}
}

func (c *statsCache) get(key string, now time.Time) (statsEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || now.After(e.expires) {
		return statsEntry{}, false
	}
	return e, true
}

func (c *statsCache) put(key string, e statsEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= c.max {
		// Dropping everything is crude but bounded; entries are cheap to
		// recompute and the set of popular keys refills at once.
		clear(c.entries)
	}
	c.entries[key] = e
}

// monthBar is one month of the chart.
type monthBar struct {
	Period dossierstats.Period
	store.MonthCount
}

// statsRequest is a parsed query: the unit (0 for the province) and period.
type statsRequest struct {
	units  []catalogue.Unit
	unitID int64
	period dossierstats.Period
	now    time.Time
}

func (h *statsDossiers) parse(ctx context.Context, r *http.Request) (statsRequest, error) {
	q := r.URL.Query()
	req := statsRequest{now: time.Now()}
	pq := readPeriod(r)
	p, err := dossierstats.ParseQuery(pq.Period, pq.From, pq.To, req.now)
	if err != nil {
		var pe *dossierstats.PeriodError
		if errors.As(err, &pe) {
			return req, &Error{Status: http.StatusBadRequest, Code: "bad_period", Message: pe.Msg, Err: err}
		}
		return req, err
	}
	req.period = p
	req.units, err = h.s.st.Units(ctx, h.s.siteIDOf(r))
	if err != nil {
		return req, err
	}
	ref := strings.TrimSpace(q.Get("unit"))
	if ref == "" {
		return req, nil
	}
	id, numErr := strconv.ParseInt(ref, 10, 64)
	for _, u := range req.units {
		if (numErr == nil && u.ID == id) || strings.EqualFold(u.Code, ref) {
			req.unitID = u.ID
			return req, nil
		}
	}
	return req, &Error{Status: http.StatusNotFound, Code: "unknown_unit",
		Message: fmt.Sprintf("Không có đơn vị %q. Hãy chọn đơn vị trong danh sách hoặc để trống để xem toàn tỉnh.", ref)}
}

// report computes (or takes from the cache) the report and, for the page,
// the twelve months ending with the period.
func (h *statsDossiers) report(ctx context.Context, req statsRequest, withMonths bool) (statsEntry, error) {
	key := fmt.Sprintf("%d|%d|%s|%t", h.s.siteIDCtx(ctx), req.unitID, req.period.Key, withMonths)
	if e, ok := h.cache.get(key, req.now); ok {
		return e, nil
	}
	cal, err := h.s.workCalendar(ctx)
	if err != nil {
		return statsEntry{}, err
	}
	var filter []int64
	if req.unitID != 0 {
		for id := range catalogue.Descendants(req.units, req.unitID) {
			filter = append(filter, id)
		}
	}
	p := req.period
	asOf := p.AsOf(req.now)
	raw, err := h.s.st.DossierStats(ctx, h.s.siteIDCtx(ctx), store.DossierStatsQuery{From: p.From, To: p.To, AsOf: asOf, Clock: cal, Units: filter})
	if err != nil {
		return statsEntry{}, err
	}
	pub, err := h.s.st.ProcedurePublicity(ctx, h.s.siteIDCtx(ctx), filter)
	if err != nil {
		return statsEntry{}, err
	}
	rep, err := dossierstats.Build(req.units, raw, pub, req.unitID, p, asOf, h.cfg)
	if err != nil {
		return statsEntry{}, err
	}
	if req.unitID == 0 {
		// The whole site is a commune's or a department's as often as a
		// province's: name it, rather than say "Toàn tỉnh".
		sd, err := h.s.site(ctx)
		if err != nil {
			return statsEntry{}, err
		}
		rep.Unit.Name = siteWideName(sd.site)
	}
	e := statsEntry{rep: rep}
	if withMonths {
		// The chart ends with the period, or with this month while the
		// period runs: empty future months say nothing.
		last := p
		if !p.Closed(req.now) {
			n := req.now.In(dossier.Loc)
			last = dossierstats.MonthOf(n.Year(), n.Month())
		}
		ms := dossierstats.MonthsBefore(last, 12)
		bounds := make([]time.Time, 0, len(ms)+1)
		for _, m := range ms {
			bounds = append(bounds, m.From)
		}
		bounds = append(bounds, ms[len(ms)-1].To)
		counts, err := h.s.st.DossierMonthly(ctx, h.s.siteIDCtx(ctx), bounds, filter)
		if err != nil {
			return statsEntry{}, err
		}
		for i, m := range ms {
			e.months = append(e.months, monthBar{m, counts[i]})
		}
	}
	ttl := time.Minute
	if p.Closed(req.now) {
		ttl = 10 * time.Minute
	}
	e.expires = req.now.Add(ttl)
	h.cache.put(key, e)
	return e, nil
}

// cacheHeader lets browsers and proxies keep closed periods a little longer.
func cacheHeader(w http.ResponseWriter, p dossierstats.Period, now time.Time) {
	if p.Closed(now) {
		w.Header().Set("Cache-Control", "public, max-age=300")
	} else {
		w.Header().Set("Cache-Control", "public, max-age=60")
	}
}

type statsLink struct {
	Label, URL string
	Current    bool
}

type statsPage struct {
	page
	R                dossierstats.Report
	Rows             []dossierstats.Row
	Units            []catalogue.Unit
	UnitID           int64
	Period, From, To string
	Quick            []statsLink
	Export           template.URL
	MonthChart       template.HTML
	UnitChart        template.HTML
	Months           []monthBar
	ComplaintsSource string
	// Total points of the measured indicators, the maximum (100) and the
	// maximum of the measured ones.
	Points, MaxPoints, Measured float64
}

func (h *statsDossiers) page(w http.ResponseWriter, r *http.Request) error {
	req, err := h.parse(r.Context(), r)
	if err != nil {
		return err
	}
	e, err := h.report(r.Context(), req, true)
	if err != nil {
		return err
	}
	p := &statsPage{page: *h.s.basePage(r.Context()), R: e.rep, Rows: e.rep.Counts.Figures(), Units: catalogue.Tree(req.units),
		UnitID: req.unitID, Months: e.months, ComplaintsSource: dossierstats.ComplaintsSource}
	p.Points, p.MaxPoints, p.Measured = dossierstats.Total(e.rep.Scores)
	p.Active = "thong-ke"
	p.Description = "Thống kê tình hình giải quyết thủ tục hành chính theo Quyết định 766/QĐ-TTg: " + e.rep.Unit.Name + ", " + e.rep.Period.Label() + "."
	if req.period.Kind == dossierstats.Custom {
		p.From = req.period.From.In(dossier.Loc).Format("2006-01-02")
		p.To = req.period.Last().Format("2006-01-02")
	} else {
		p.Period = req.period.Key
	}
	p.Export = template.URL(statsQuery(req.unitID, req.period)) // built by url.Values: safe
	p.Quick = quickPeriods(req)
	p.MonthChart = monthChart(e.months)
	p.UnitChart = unitChart(e.rep.Children)
	var buf bytes.Buffer
	if err := h.tmpl.ExecuteTemplate(&buf, "layout", p); err != nil {
		return err
	}
	cacheHeader(w, req.period, req.now)
	splitLive(buf.Bytes()).write(w, http.StatusOK, &liveValues{stats: h.s.counterOf(r).Stats()})
	return nil
}

// statsQuery is the query string naming unit and period, for links.
func statsQuery(unit int64, p dossierstats.Period) string {
	v := url.Values{}
	if unit != 0 {
		v.Set("unit", strconv.FormatInt(unit, 10))
	}
	if p.Kind == dossierstats.Custom {
		v.Set("from", p.From.In(dossier.Loc).Format("2006-01-02"))
		v.Set("to", p.Last().Format("2006-01-02"))
	} else {
		v.Set("period", p.Key)
	}
	return v.Encode()
}

func quickPeriods(req statsRequest) []statsLink {
	n := req.now.In(dossier.Loc)
	q := (int(n.Month())-1)/3 + 1
	prevQ, prevQY := q-1, n.Year()
	if prevQ == 0 {
		prevQ, prevQY = 4, n.Year()-1
	}
	ps := []struct {
		label string
		p     dossierstats.Period
	}{
		{"Tháng này", dossierstats.MonthOf(n.Year(), n.Month())},
		{"Tháng trước", dossierstats.MonthOf(n.Year(), n.Month()-1)},
		{"Quý này", dossierstats.QuarterOf(n.Year(), q)},
		{"Quý trước", dossierstats.QuarterOf(prevQY, prevQ)},
		{"Năm nay", dossierstats.YearOf(n.Year())},
		{"Năm trước", dossierstats.YearOf(n.Year() - 1)},
	}
	var out []statsLink
	for _, x := range ps {
		out = append(out, statsLink{x.label + " (" + x.p.Label() + ")", "/thong-ke?" + statsQuery(req.unitID, x.p), x.p.Key == req.period.Key})
	}
	return out
}

// niceMax rounds a chart's top up to 1, 2 or 5 times a power of ten.
func niceMax(v int64) int64 {
	if v <= 0 {
		return 1
	}
	p := int64(1)
	for p*10 <= v {
		p *= 10
	}
	for _, m := range []int64{1, 2, 5, 10} {
		if m*p >= v {
			return m * p
		}
	}
	return 10 * p
}

// monthChart draws received and finished (late part in red) per month as
// an SVG bar chart. Each bar has a <title> (tooltip, screen readers) and the
// page repeats the numbers in a table, the chart's text alternative.
func monthChart(ms []monthBar) template.HTML {
	if len(ms) == 0 {
		return ""
	}
	const W, H, left, bottom, top = 720, 260, 44, 36, 14
	var maxV int64
	for _, m := range ms {
		maxV = max(maxV, m.Received, m.Finished)
	}
	top1 := niceMax(maxV)
	plotH := float64(H - bottom - top)
	slot := float64(W-left-8) / float64(len(ms))
	bw := slot * 0.36
	y := func(v int64) float64 { return float64(H-bottom) - plotH*float64(v)/float64(top1) }
	var b strings.Builder
	first, last := ms[0].Period.Label(), ms[len(ms)-1].Period.Label()
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-labelledby="bd-thang-t bd-thang-d" xmlns="http://www.w3.org/2000/svg">`, W, H)
	fmt.Fprintf(&b, `<title id="bd-thang-t">Hồ sơ tiếp nhận mới và đã giải quyết theo tháng, %s – %s</title>`, html.EscapeString(first), html.EscapeString(last))
	var desc []string
	for _, m := range ms {
		desc = append(desc, fmt.Sprintf("%s: tiếp nhận %d, giải quyết %d (trễ hạn %d)", m.Period.Label(), m.Received, m.Finished, m.Late))
	}
	fmt.Fprintf(&b, `<desc id="bd-thang-d">%s.</desc>`, html.EscapeString(strings.Join(desc, "; ")))
	for i := 0; i <= 4; i++ {
		v := top1 * int64(i) / 4
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" class="grid"/><text x="%d" y="%.1f" class="axis" text-anchor="end">%d</text>`,
			left, W-8, y(v), y(v), left-6, y(v)+4, v)
	}
	for i, m := range ms {
		x := float64(left) + slot*float64(i) + slot*0.12
		label := html.EscapeString(m.Period.Label())
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" class="recv"><title>%s: tiếp nhận mới %d</title></rect>`,
			x, y(m.Received), bw, float64(H-bottom)-y(m.Received), label, m.Received)
		ok := m.Finished - m.Late
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" class="ok"><title>%s: giải quyết đúng hạn, trước hạn %d</title></rect>`,
			x+bw, y(ok), bw, float64(H-bottom)-y(ok), label, ok)
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" class="late"><title>%s: giải quyết trễ hạn %d</title></rect>`,
			x+bw, y(m.Finished), bw, y(ok)-y(m.Finished), label, m.Late)
		f := m.Period.From.In(dossier.Loc)
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" class="axis" text-anchor="middle">T%d/%02d</text>`, x+bw, H-bottom+16, int(f.Month()), f.Year()%100)
	}
	fmt.Fprintf(&b, `<g class="legend" transform="translate(%d,%d)"><rect width="10" height="10" class="recv"/><text x="14" y="9">Tiếp nhận mới</text>`+
		`<rect x="120" width="10" height="10" class="ok"/><text x="134" y="9">Giải quyết đúng hạn</text>`+
		`<rect x="270" width="10" height="10" class="late"/><text x="284" y="9">Giải quyết trễ hạn</text></g>`, left, H-12)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// unitChart draws, per sub-unit with finished dossiers, the share finished
// early or on time against late, as 100% stacked horizontal bars.
func unitChart(children []dossierstats.ChildReport) template.HTML {
	var rows []dossierstats.ChildReport
	for _, c := range children {
		if c.Counts.Finished() > 0 {
			rows = append(rows, c)
		}
	}
	if len(rows) == 0 {
		return ""
	}
	const W, left, rowH, top = 720, 230, 26, 8
	H := top + rowH*len(rows) + 30
	plotW := float64(W - left - 60)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-labelledby="bd-dv-t bd-dv-d" xmlns="http://www.w3.org/2000/svg">`, W, H)
	b.WriteString(`<title id="bd-dv-t">Tỷ lệ hồ sơ giải quyết đúng hạn và trễ hạn theo đơn vị</title>`)
	var desc []string
	for _, c := range rows {
		desc = append(desc, fmt.Sprintf("%s: đúng hạn %s (%d/%d)", c.Unit.Name, c.Counts.OnTimeRate().Percent(), c.Counts.OnTimeRate().Num, c.Counts.Finished()))
	}
	fmt.Fprintf(&b, `<desc id="bd-dv-d">%s.</desc>`, html.EscapeString(strings.Join(desc, "; ")))
	for i, c := range rows {
		y := float64(top + rowH*i)
		fin := float64(c.Counts.Finished())
		okW := plotW * float64(c.Counts.Early+c.Counts.OnTime) / fin
		name := c.Unit.Name
		if r := []rune(name); len(r) > 32 {
			name = string(r[:31]) + "…"
		}
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" class="axis" text-anchor="end">%s</text>`, left-6, y+14, html.EscapeString(name))
		fmt.Fprintf(&b, `<rect x="%d" y="%.1f" width="%.1f" height="18" class="ok"><title>%s: đúng hạn, trước hạn %d</title></rect>`,
			left, y, okW, html.EscapeString(c.Unit.Name), c.Counts.Early+c.Counts.OnTime)
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="18" class="late"><title>%s: trễ hạn %d</title></rect>`,
			float64(left)+okW, y, plotW-okW, html.EscapeString(c.Unit.Name), c.Counts.Late)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" class="axis">%s</text>`, float64(left)+plotW+4, y+14, c.Counts.OnTimeRate().Percent())
	}
	fmt.Fprintf(&b, `<g class="legend" transform="translate(%d,%d)"><rect width="10" height="10" class="ok"/><text x="14" y="9">Trước hạn, đúng hạn</text>`+
		`<rect x="150" width="10" height="10" class="late"/><text x="164" y="9">Trễ hạn</text></g>`, left, H-14)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// exportRows is the table of both exports: the unit, then each sub-unit,
// every figure with numerator, denominator and rate.
func exportRows(rep dossierstats.Report, numericRate bool) [][]any {
	rows := [][]any{{"Đơn vị", "Mã đơn vị", "Kỳ", "Từ ngày", "Đến ngày", "Chỉ tiêu", "Mã chỉ tiêu", "Tử số", "Mẫu số", "Tỷ lệ (%)"}}
	from, to := rep.Period.From.In(dossier.Loc).Format("2006-01-02"), rep.Period.Last().Format("2006-01-02")
	add := func(u dossierstats.UnitRef, c dossierstats.Counts) {
		for _, f := range c.Figures() {
			var rate any = f.Figure.Percent()
			if r, ok := f.Figure.Rate(); ok && numericRate {
				rate = math.Round(r*1000) / 10
			} else if !ok {
				rate = "N/A"
			}
			rows = append(rows, []any{u.Name, u.Code, rep.Period.Label(), from, to, f.Label, f.Key, f.Figure.Num, f.Figure.Den, rate})
		}
	}
	add(rep.Unit, rep.Counts)
	for _, c := range rep.Children {
		add(c.Unit, c.Counts)
	}
	return rows
}

func exportName(rep dossierstats.Report, ext string) string {
	code := strings.ToLower(rep.Unit.Code)
	if code == "" {
		code = "toan-tinh"
	}
	return "thong-ke-" + code + "-" + strings.ReplaceAll(rep.Period.Key, "..", "_") + "." + ext
}

func (h *statsDossiers) csv(w http.ResponseWriter, r *http.Request) error {
	req, err := h.parse(r.Context(), r)
	if err != nil {
		return err
	}
	e, err := h.report(r.Context(), req, false)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	// The byte-order mark is how Excel learns the file is UTF-8; without it
	// Vietnamese letters come out garbled.
	buf.WriteString("\ufeff")
	cw := csv.NewWriter(&buf)
	for _, row := range exportRows(e.rep, false) {
		rec := make([]string, len(row))
		for i, v := range row {
			rec[i] = fmt.Sprint(v)
		}
		cw.Write(rec)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+exportName(e.rep, "csv")+`"`)
	cacheHeader(w, req.period, req.now)
	_, err = w.Write(buf.Bytes())
	return err
}

func (h *statsDossiers) xlsx(w http.ResponseWriter, r *http.Request) error {
	req, err := h.parse(r.Context(), r)
	if err != nil {
		return err
	}
	e, err := h.report(r.Context(), req, false)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, "Thống kê "+e.rep.Period.Key, exportRows(e.rep, true)); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="`+exportName(e.rep, "xlsx")+`"`)
	cacheHeader(w, req.period, req.now)
	_, err = w.Write(buf.Bytes())
	return err
}

// apiFigure is a figure in the JSON API: rate is null when den is 0.
type apiFigure struct {
	Num  int64    `json:"num"`
	Den  int64    `json:"den"`
	Rate *float64 `json:"rate"`
}

func apiFigures(c dossierstats.Counts) map[string]apiFigure {
	out := map[string]apiFigure{}
	for _, f := range c.Figures() {
		a := apiFigure{Num: f.Figure.Num, Den: f.Figure.Den}
		if r, ok := f.Figure.Rate(); ok {
			a.Rate = &r
		}
		out[f.Key] = a
	}
	return out
}

// apiTotal is the 766 score: points earned on the measured indicators, the
// maximum of all (100) and of those measured (N/A ones are left out).
type apiTotal struct {
	Points   float64 `json:"points"`
	Max      float64 `json:"max"`
	Measured float64 `json:"measured_max"`
}

type apiStatsUnit struct {
	Unit    dossierstats.UnitRef `json:"unit"`
	Figures map[string]apiFigure `json:"figures"`
}

func (h *statsDossiers) api(w http.ResponseWriter, r *http.Request) error {
	req, err := h.parse(r.Context(), r)
	if err != nil {
		return err
	}
	e, err := h.report(r.Context(), req, false)
	if err != nil {
		return err
	}
	rep := e.rep
	type period struct {
		Kind  dossierstats.Kind `json:"kind"`
		Key   string            `json:"key"`
		Label string            `json:"label"`
		From  string            `json:"from"`
		To    string            `json:"to"` // last day, included
	}
	out := struct {
		apiStatsUnit
		Period   period               `json:"period"`
		AsOf     time.Time            `json:"as_of"`
		Closed   bool                 `json:"closed"`
		Scores   []dossierstats.Score `json:"scores"`
		Total    apiTotal             `json:"total"`
		Children []apiStatsUnit       `json:"children"`
		Notes    map[string]string    `json:"notes"`
	}{
		apiStatsUnit: apiStatsUnit{rep.Unit, apiFigures(rep.Counts)},
		Period: period{rep.Period.Kind, rep.Period.Key, rep.Period.Label(),
			rep.Period.From.In(dossier.Loc).Format("2006-01-02"), rep.Period.Last().Format("2006-01-02")},
		AsOf: rep.AsOf.UTC(), Closed: rep.Period.Closed(req.now), Scores: rep.Scores,
		Children: []apiStatsUnit{},
		Notes: map[string]string{"complaints": dossierstats.ComplaintsSource, "payment": dossierstats.PaymentNote,
			"publicity": dossierstats.PublicityNote},
	}
	out.Total.Points, out.Total.Max, out.Total.Measured = dossierstats.Total(rep.Scores)
	for _, c := range rep.Children {
		out.Children = append(out.Children, apiStatsUnit{c.Unit, apiFigures(c.Counts)})
	}
	cacheHeader(w, req.period, req.now)
	writeJSON(w, http.StatusOK, out)
	return nil
}

// siteWideName names the whole site's statistics: its agency ("UBND tỉnh
// …", "Sở Tư pháp"), else the portal's name.
func siteWideName(s news.Site) string {
	if s.Agency != "" {
		return s.Agency
	}
	return s.Name
}
