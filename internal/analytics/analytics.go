// Package analytics holds the rules of the visitor analytics page and API
// (issue 14) that do not need HTTP or SQL: which periods may be asked for,
// the Vietnamese names of referrer groups, devices and exclusion reasons,
// the chart's geometry and the rows of the exports.
package analytics

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/store"

	"github.com/congportal/cong/internal/period"
)

// MaxDays is the longest period one request may cover: a year and a day,
// so "this time last year" to today fits; longer is refused rather than
// made slow.
const MaxDays = 366

// DefaultDays is the period shown when none is asked for.
const DefaultDays = 30

// Period is an inclusive range of local days.
type Period struct {
	From, To time.Time // midnight, in the portal's zone
}

// Days is the number of days in p.
func (p Period) Days() int { return int(p.To.Sub(p.From).Hours()/24+0.5) + 1 }

// FromISO and ToISO are the bounds as stored ("2006-01-02").
func (p Period) FromISO() string { return p.From.Format("2006-01-02") }
func (p Period) ToISO() string   { return p.To.Format("2006-01-02") }

// PeriodError says which field is wrong, in Vietnamese. Malformed means the
// input could not be read at all (HTTP 400) rather than being a valid date
// that breaks a rule (422).
type PeriodError struct {
	Fields    map[string]string
	Malformed bool
}

func (e *PeriodError) Error() string {
	var parts []string
	for _, k := range []string{"from", "to"} {
		if m, ok := e.Fields[k]; ok {
			parts = append(parts, m)
		}
	}
	return strings.Join(parts, " ")
}

// ParsePeriod reads from and to ("YYYY-MM-DD"; either may be empty) in
// loc. Empty to is today; empty from is DefaultDays before to.
func ParsePeriod(from, to string, today time.Time, loc *time.Location) (Period, error) {
	y, m, d := today.In(loc).Date()
	now := time.Date(y, m, d, 0, 0, 0, 0, loc)
	e := &PeriodError{Fields: map[string]string{}}
	parse := func(field, v string, def time.Time) time.Time {
		if v == "" {
			return def
		}
		t, err := period.ParseDay(v, loc)
		if err != nil {
			e.Fields[field] = fmt.Sprintf("Ngày %q không hợp lệ; hãy nhập theo dạng năm-tháng-ngày, ví dụ 2026-01-31.", v)
			e.Malformed = true
		}
		return t
	}
	p := Period{To: parse("to", to, now)}
	p.From = parse("from", from, p.To.AddDate(0, 0, -(DefaultDays-1)))
	if len(e.Fields) > 0 {
		return p, e
	}
	switch {
	case p.From.After(p.To):
		e.Fields["from"] = "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."
	case p.Days() > MaxDays:
		e.Fields["to"] = fmt.Sprintf("Mỗi lần xem tối đa %d ngày; khoảng đã chọn có %d ngày.", MaxDays, p.Days())
	case p.From.Year() < 2000 || p.To.After(now.AddDate(1, 0, 0)):
		e.Fields["from"] = "Khoảng ngày nằm ngoài phạm vi có số liệu."
	}
	if len(e.Fields) > 0 {
		return p, e
	}
	return p, nil
}

// Vietnamese names of the referrer groups, device kinds and exclusion
// reasons; unknown codes show as they are.
var (
	groupNames = map[string]string{
		"direct": "Truy cập trực tiếp", "search": "Công cụ tìm kiếm", "zalo": "Zalo", "facebook": "Facebook",
		"dichvucong": "Cổng Dịch vụ công quốc gia", "gov": "Trang .gov.vn khác", "other": "Trang khác",
	}
	deviceNames = map[string]string{"phone": "Điện thoại", "tablet": "Máy tính bảng", "desktop": "Máy tính"}
	reasonNames = map[string]string{
		"bot": "Máy thu thập tự khai (bot, crawler, công cụ)", "not_browser": "Không phải trình duyệt",
		"headless": "Trình duyệt tự động (headless)", "empty_ua": "Không có User-Agent",
		"no_accept": "Thiếu tiêu đề Accept/Accept-Language", "rate": "Tải trang dồn dập quá sức người đọc",
		"prefetch": "Tải trước (prefetch)", "method": "Không phải yêu cầu GET (HEAD…)",
	}
)

func name(m map[string]string, code string) string {
	if n, ok := m[code]; ok {
		return n
	}
	if code == "" {
		return "Không rõ"
	}
	return code
}

// GroupName, DeviceName and ReasonName are the Vietnamese labels.
func GroupName(code string) string  { return name(groupNames, code) }
func DeviceName(code string) string { return name(deviceNames, code) }
func ReasonName(code string) string { return name(reasonNames, code) }

// Chart is the geometry of the SVG chart of visitors and views per day.
type Chart struct {
	Width, Height int
	Max           int64
	Visitors      string // polyline points
	Views         string
	Ticks         []Tick
}

// Tick is a labelled day on the chart's axis.
type Tick struct {
	X     int
	Label string
}

// NewChart lays out days on a width × height plot (a margin of 40 px left
// and 24 px below for the labels).
func NewChart(days []store.TrafficDay, width, height int) Chart {
	c := Chart{Width: width, Height: height}
	for _, d := range days {
		c.Max = max(c.Max, d.Visitors, d.Views)
	}
	if c.Max == 0 {
		c.Max = 1
	}
	const left, bottom, top = 40, 24, 8
	plotW, plotH := width-left-8, height-bottom-top
	x := func(i int) int {
		if len(days) < 2 {
			return left + plotW/2
		}
		return left + i*plotW/(len(days)-1)
	}
	y := func(n int64) int { return top + plotH - int(n*int64(plotH)/c.Max) }
	var vis, views strings.Builder
	every := max(1, (len(days)+6)/7)
	for i, d := range days {
		if i > 0 {
			vis.WriteByte(' ')
			views.WriteByte(' ')
		}
		fmt.Fprintf(&vis, "%d,%d", x(i), y(d.Visitors))
		fmt.Fprintf(&views, "%d,%d", x(i), y(d.Views))
		if i%every == 0 || i == len(days)-1 {
			c.Ticks = append(c.Ticks, Tick{X: x(i), Label: ShortDay(d.Day)})
		}
	}
	c.Visitors, c.Views = vis.String(), views.String()
	return c
}

// ShortDay is "dd/mm" of an ISO day; VNDay is "dd/mm/yyyy".
func ShortDay(iso string) string {
	if len(iso) != 10 {
		return iso
	}
	return iso[8:10] + "/" + iso[5:7]
}

func VNDay(iso string) string {
	if len(iso) != 10 {
		return iso
	}
	return iso[8:10] + "/" + iso[5:7] + "/" + iso[:4]
}

// Rows is the export: one table, section by section, the same figures as
// the page, with a header row per section. Numbers stay numbers so a
// spreadsheet can sum them.
func Rows(t store.Traffic) [][]any {
	rows := [][]any{
		{"Thống kê truy cập", "Từ ngày " + VNDay(t.From), "Đến ngày " + VNDay(t.To)},
		{},
		{"Ngày", "Người truy cập", "Lượt xem"},
	}
	for _, d := range t.Days {
		rows = append(rows, []any{VNDay(d.Day), d.Visitors, d.Views})
	}
	rows = append(rows, []any{"Tổng", t.Visitors, t.Views}, []any{})
	section := func(title string, head []any, items []store.TrafficItem, row func(store.TrafficItem) []any) {
		rows = append(rows, []any{title}, head)
		for _, it := range items {
			rows = append(rows, row(it))
		}
		rows = append(rows, []any{})
	}
	section("Bài viết được xem nhiều nhất", []any{"Mã bài", "Tiêu đề", "Lượt xem"}, t.TopArticles,
		func(it store.TrafficItem) []any { return []any{strconv.FormatInt(it.ID, 10), it.Name, it.N} })
	section("Chuyên mục", []any{"Chuyên mục", "Lượt xem"}, t.TopCategories,
		func(it store.TrafficItem) []any { return []any{it.Name, it.N} })
	section("Nguồn truy cập", []any{"Nhóm", "Trang giới thiệu", "Người truy cập"}, t.Referrers,
		func(it store.TrafficItem) []any { return []any{GroupName(it.Name), it.Detail, it.N} })
	section("Thiết bị", []any{"Loại thiết bị", "Người truy cập"}, t.Devices,
		func(it store.TrafficItem) []any { return []any{DeviceName(it.Name), it.N} })
	section("Trình duyệt", []any{"Trình duyệt", "Người truy cập"}, t.Browsers,
		func(it store.TrafficItem) []any { return []any{it.Name, it.N} })
	section("Yêu cầu không được tính", []any{"Lý do", "Số yêu cầu"}, t.Bots,
		func(it store.TrafficItem) []any { return []any{ReasonName(it.Name), it.N} })
	return rows[:len(rows)-1]
}
