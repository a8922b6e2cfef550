package web

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/congportal/cong/internal/analytics"
	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/visitors"
	"github.com/congportal/cong/internal/xlsx"
)

// Visitor analytics (issue 14): /quan-tri/thong-ke-truy-cap for the
// newsroom, its CSV and XLSX exports, one article's figures, and
// GET /api/v1/analytics. All figures are the per-day aggregates the counter
// flush writes (store.Traffic); nothing here touches the hot path except
// excludeVisit and visitTraffic, called by countVisitAt.

const analyticsPath = "/quan-tri/thong-ke-truy-cap"

// excludeVisit counts a request that is not a visit, by reason, both in
// /metrics and in the day's analytics.
func (s *Server) excludeVisit(r *http.Request, reason visit.Reason, now time.Time) {
	s.metrics.exclude(reason)
	s.counterOf(r).Reject(now, reason)
}

// visitTraffic is what the counter may keep of a counted request; the
// header values are passed as they are and reduced only for a visitor's
// first request of the day.
func visitTraffic(r *http.Request, ua string) visitors.Traffic {
	var ref string
	if v := r.Header["Referer"]; len(v) > 0 {
		ref = v[0]
	}
	return visitors.Traffic{UA: ua, Referer: ref, Host: r.Host}
}

// analyticsPeriod reads ?from=&to= (stats_period.go).
func (s *Server) analyticsPeriod(r *http.Request) (analytics.Period, error) {
	pq := readPeriod(r)
	p, err := analytics.ParsePeriod(pq.From, pq.To, time.Now(), s.loc)
	var pe *analytics.PeriodError
	if errors.As(err, &pe) {
		e := &Error{Status: http.StatusUnprocessableEntity, Code: "validation", Message: "Khoảng ngày không hợp lệ: " + pe.Error(), Fields: pe.Fields}
		if pe.Malformed {
			e.Status, e.Code = http.StatusBadRequest, "bad_request"
		}
		return p, e
	}
	return p, err
}

func (s *Server) mayViewAnalytics(r *http.Request) error {
	if !auth.Can(userFrom(r.Context()), auth.ActViewAnalytics, nil) {
		return errForbidden()
	}
	return nil
}

type analyticsPage struct {
	adminPage
	Period    analytics.Period
	From, To  string // the form's values
	Errors    map[string]string
	T         store.Traffic
	Chart     analytics.Chart
	Query     string // tu=…&den=… for the export links
	MaxDays   int
	DeviceSum int64
}

func (s *Server) analyticsPage(w http.ResponseWriter, r *http.Request) error {
	if err := s.mayViewAnalytics(r); err != nil {
		return err
	}
	p := analyticsPage{adminPage: s.newAdminPage(r, "Thống kê truy cập"), MaxDays: analytics.MaxDays}
	p.Nav = "analytics"
	period, err := s.analyticsPeriod(r)
	pq := readPeriod(r)
	p.From, p.To = pq.From, pq.To
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			return err
		}
		// The form comes back with its values and the message beside the
		// field; the page answers with the error's status.
		p.Errors = e.Fields
		return s.renderAdmin(w, e.Status, "analytics", p)
	}
	p.Period, p.From, p.To = period, period.FromISO(), period.ToISO()
	if p.T, err = s.st.Traffic(r.Context(), s.siteIDOf(r), period.FromISO(), period.ToISO()); err != nil {
		return err
	}
	p.Chart = analytics.NewChart(p.T.Days, 720, 240)
	p.Query = url.Values{"from": {p.From}, "to": {p.To}}.Encode()
	for _, d := range p.T.Devices {
		p.DeviceSum += d.N
	}
	return s.renderAdmin(w, http.StatusOK, "analytics", p)
}

func (s *Server) analyticsExport(r *http.Request) (store.Traffic, error) {
	if err := s.mayViewAnalytics(r); err != nil {
		return store.Traffic{}, err
	}
	period, err := s.analyticsPeriod(r)
	if err != nil {
		return store.Traffic{}, err
	}
	return s.st.Traffic(r.Context(), s.siteIDOf(r), period.FromISO(), period.ToISO())
}

func analyticsFile(t store.Traffic, ext string) string {
	return "thong-ke-truy-cap-" + t.From + "_" + t.To + "." + ext
}

func (s *Server) analyticsCSV(w http.ResponseWriter, r *http.Request) error {
	t, err := s.analyticsExport(r)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.WriteString("\ufeff") // Excel reads UTF-8 only with the byte-order mark
	cw := csv.NewWriter(&buf)
	for _, row := range analytics.Rows(t) {
		rec := make([]string, len(row))
		for i, v := range row {
			rec[i] = csvCell(v)
		}
		cw.Write(rec)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+analyticsFile(t, "csv")+`"`)
	w.Header().Set("Cache-Control", "no-store")
	_, err = w.Write(buf.Bytes())
	return err
}

// csvCell writes a cell; text that a spreadsheet would run as a formula
// (an article titled "=HYPERLINK(…)") is quoted with a leading apostrophe.
func csvCell(v any) string {
	str, ok := v.(string)
	if !ok {
		return fmt.Sprint(v)
	}
	if str != "" && (str[0] == '=' || str[0] == '+' || str[0] == '-' || str[0] == '@') {
		return "'" + str
	}
	return str
}

func (s *Server) analyticsXLSX(w http.ResponseWriter, r *http.Request) error {
	t, err := s.analyticsExport(r)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, "Thống kê truy cập", analytics.Rows(t)); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="`+analyticsFile(t, "xlsx")+`"`)
	w.Header().Set("Cache-Control", "no-store")
	_, err = w.Write(buf.Bytes())
	return err
}

type articleAnalyticsPage struct {
	adminPage
	ArticleID    int64
	ArticleTitle string
	From, To     string
	Errors       map[string]string
	Days         []store.TrafficDay
	Total        int64
	Chart        analytics.Chart
}

func (s *Server) articleAnalytics(w http.ResponseWriter, r *http.Request) error {
	if err := s.mayViewAnalytics(r); err != nil {
		return err
	}
	a, err := s.articleByID(r)
	if err != nil {
		return err
	}
	p := articleAnalyticsPage{adminPage: s.newAdminPage(r, "Thống kê truy cập: "+a.Title), ArticleID: a.ID, ArticleTitle: a.Title}
	p.Nav = "analytics"
	period, err := s.analyticsPeriod(r)
	pq := readPeriod(r)
	p.From, p.To = pq.From, pq.To
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			return err
		}
		p.Errors = e.Fields
		return s.renderAdmin(w, e.Status, "article_analytics", p)
	}
	p.From, p.To = period.FromISO(), period.ToISO()
	if p.Days, p.Total, err = s.st.ArticleTraffic(r.Context(), s.siteIDOf(r), a.ID, p.From, p.To); err != nil {
		return err
	}
	p.Chart = analytics.NewChart(p.Days, 720, 200)
	return s.renderAdmin(w, http.StatusOK, "article_analytics", p)
}

// The API's shape is fixed by issue 14.
type apiAnalyticsDay struct {
	Date     string `json:"date"`
	Visitors int64  `json:"visitors"`
	Views    int64  `json:"views"`
}

type apiAnalyticsArticle struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
	Views int64  `json:"views"`
}

type apiAnalyticsReferrer struct {
	Group    string `json:"group"`
	Host     string `json:"host"`
	Visitors int64  `json:"visitors"`
}

type apiAnalyticsDevice struct {
	Kind     string `json:"kind"`
	Visitors int64  `json:"visitors"`
}

type apiAnalyticsBot struct {
	Reason   string `json:"reason"`
	Requests int64  `json:"requests"`
}

type apiAnalytics struct {
	Days        []apiAnalyticsDay      `json:"days"`
	TopArticles []apiAnalyticsArticle  `json:"top_articles"`
	Referrers   []apiAnalyticsReferrer `json:"referrers"`
	Devices     []apiAnalyticsDevice   `json:"devices"`
	Bots        []apiAnalyticsBot      `json:"bots"`
}

func (s *Server) apiAnalytics(w http.ResponseWriter, r *http.Request) error {
	if err := s.mayViewAnalytics(r); err != nil {
		return err
	}
	pq := readPeriod(r)
	if pq.From == "" || pq.To == "" {
		fields := map[string]string{}
		for k, v := range map[string]string{"from": pq.From, "to": pq.To} {
			if v == "" {
				fields[k] = "Cần tham số " + k + " dạng YYYY-MM-DD."
			}
		}
		return &Error{Status: http.StatusBadRequest, Code: "bad_request", Message: "Cần khoảng ngày from và to (YYYY-MM-DD).", Fields: fields}
	}
	period, err := s.analyticsPeriod(r)
	if err != nil {
		return err
	}
	t, err := s.st.Traffic(r.Context(), s.siteIDOf(r), period.FromISO(), period.ToISO())
	if err != nil {
		return err
	}
	out := apiAnalytics{Days: []apiAnalyticsDay{}, TopArticles: []apiAnalyticsArticle{}, Referrers: []apiAnalyticsReferrer{},
		Devices: []apiAnalyticsDevice{}, Bots: []apiAnalyticsBot{}}
	for _, d := range t.Days {
		out.Days = append(out.Days, apiAnalyticsDay{d.Day, d.Visitors, d.Views})
	}
	for _, a := range t.TopArticles {
		out.TopArticles = append(out.TopArticles, apiAnalyticsArticle{a.ID, a.Name, a.N})
	}
	for _, x := range t.Referrers {
		out.Referrers = append(out.Referrers, apiAnalyticsReferrer{x.Name, x.Detail, x.N})
	}
	for _, x := range t.Devices {
		out.Devices = append(out.Devices, apiAnalyticsDevice{x.Name, x.N})
	}
	for _, x := range t.Bots {
		out.Bots = append(out.Bots, apiAnalyticsBot{x.Name, x.N})
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, out)
	return nil
}

// percent is n of total as "12,5 %" (Vietnamese decimal comma).
func percent(n, total int64) string {
	if total == 0 {
		return "0 %"
	}
	f := strconv.FormatFloat(float64(n)*100/float64(total), 'f', 1, 64)
	for i := range f {
		if f[i] == '.' {
			f = f[:i] + "," + f[i+1:]
			break
		}
	}
	return f + " %"
}
