package rating

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/period"
)

// Period is a span of rating dates, [From, To) in Vietnam time; a zero
// bound is open. Ratings are counted in the period they were given, not the
// one their dossier was received in: a satisfaction figure describes what
// people said during the month.
type Period struct {
	From, To time.Time
	Key      string // "2026", "2026-Q3", "2026-11", "" for all time
	Label    string
}

// All is every rating ever given.
var All = Period{Label: "Toàn bộ thời gian"}

// ErrPeriod is wrapped by every malformed period (the same error as every
// statistics page's).
var ErrPeriod = period.ErrPeriod

func periodErr(msg string) error { return fmt.Errorf("%w: %s", ErrPeriod, msg) }

// ParsePeriod reads a period key: a year ("2026"), a quarter ("2026-Q3")
// or a month ("2026-11"), as every statistics page does (package period);
// "" is all time.
func ParsePeriod(key string, loc *time.Location) (Period, error) {
	if strings.TrimSpace(key) == "" {
		return All, nil
	}
	sp, err := period.ParseKey(key, loc)
	if err != nil {
		return Period{}, periodErr(strings.TrimSuffix(err.Error(), "."))
	}
	y, m := sp.From.Year(), sp.From.Month()
	switch sp.Kind {
	case period.Year:
		return Year(y, loc), nil
	case period.Quarter:
		return Quarter(y, (int(m)-1)/3+1, loc), nil
	}
	return Month(y, m, loc), nil
}

// Month is one calendar month.
func Month(y int, m time.Month, loc *time.Location) Period {
	f := time.Date(y, m, 1, 0, 0, 0, 0, loc)
	return Period{From: f, To: f.AddDate(0, 1, 0), Key: fmt.Sprintf("%04d-%02d", y, int(m)), Label: fmt.Sprintf("Tháng %02d/%d", int(m), y)}
}

// Quarter is one calendar quarter (1–4).
func Quarter(y, q int, loc *time.Location) Period {
	f := time.Date(y, time.Month(3*(q-1)+1), 1, 0, 0, 0, 0, loc)
	return Period{From: f, To: f.AddDate(0, 3, 0), Key: fmt.Sprintf("%04d-Q%d", y, q), Label: fmt.Sprintf("Quý %s/%d", []string{"I", "II", "III", "IV"}[q-1], y)}
}

// Year is one calendar year.
func Year(y int, loc *time.Location) Period {
	f := time.Date(y, 1, 1, 0, 0, 0, 0, loc)
	return Period{From: f, To: f.AddDate(1, 0, 0), Key: strconv.Itoa(y), Label: fmt.Sprintf("Năm %d", y)}
}

// Range is a custom span of civil dates, both included, as YYYY-MM-DD;
// either may be empty for an open end.
func Range(from, to string, loc *time.Location) (Period, error) {
	p := Period{}
	var err error
	if from = strings.TrimSpace(from); from != "" {
		if p.From, err = civilDate(from, loc); err != nil {
			return Period{}, periodErr("ngày bắt đầu (from) phải có dạng YYYY-MM-DD, ví dụ 2026-01-01")
		}
	}
	if to = strings.TrimSpace(to); to != "" {
		t, err := civilDate(to, loc)
		if err != nil {
			return Period{}, periodErr("ngày kết thúc (to) phải có dạng YYYY-MM-DD, ví dụ 2026-03-31")
		}
		p.To = t.AddDate(0, 0, 1)
	}
	if !p.From.IsZero() && !p.To.IsZero() && !p.From.Before(p.To) {
		return Period{}, periodErr("ngày bắt đầu phải trước hoặc bằng ngày kết thúc")
	}
	switch {
	case from == "" && to == "":
		return All, nil
	case from == "":
		p.Label = "Đến hết ngày " + p.To.AddDate(0, 0, -1).Format("02/01/2006")
	case to == "":
		p.Label = "Từ ngày " + p.From.Format("02/01/2006")
	default:
		p.Label = "Từ ngày " + p.From.Format("02/01/2006") + " đến ngày " + p.To.AddDate(0, 0, -1).Format("02/01/2006")
	}
	return p, nil
}

func civilDate(s string, loc *time.Location) (time.Time, error) {
	t, err := period.ParseDay(s, loc)
	if err != nil || t.Year() < period.MinYear || t.Year() > period.MaxYear {
		return time.Time{}, ErrPeriod
	}
	return t, nil
}

// Recent lists the periods offered for choosing, newest first: the last 12
// months, the last 8 quarters and the last 3 years before now.
func Recent(now time.Time, loc *time.Location) (months, quarters, years []Period) {
	now = now.In(loc)
	y, m := now.Year(), now.Month()
	for i := 0; i < 12; i++ {
		t := time.Date(y, m-time.Month(i), 1, 0, 0, 0, 0, loc)
		months = append(months, Month(t.Year(), t.Month(), loc))
	}
	q := (int(m)-1)/3 + 1
	for i := 0; i < 8; i++ {
		qq, yy := q-i, y
		for qq < 1 {
			qq += 4
			yy--
		}
		quarters = append(quarters, Quarter(yy, qq, loc))
	}
	for i := 0; i < 3; i++ {
		years = append(years, Year(y-i, loc))
	}
	return months, quarters, years
}
