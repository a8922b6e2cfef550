// Package catalogue is the catalogue of the public-service desk (một cửa): the
// tree of administrative units and the procedures (thủ tục hành chính) a
// citizen can apply for. It holds the types, validation and import parsing;
// storage lives in internal/store and HTTP in internal/web.
package catalogue

import (
	"strconv"
	"time"

	"github.com/congportal/cong/internal/payment"
)

// Unit kinds. Since 01/07/2025 local government has two tiers (province,
// commune); districts survive only as history.
const (
	KindProvince   = "province"
	KindDepartment = "department"
	KindDistrict   = "district"
	KindCommune    = "commune"
	KindAgency     = "agency"
)

// Kinds lists the unit kinds in display order with their Vietnamese names.
var Kinds = []struct{ Value, Label string }{
	{KindProvince, "Tỉnh/Thành phố"},
	{KindDepartment, "Sở, ban, ngành"},
	{KindCommune, "Xã/Phường/Đặc khu"},
	{KindDistrict, "Huyện/Quận (cũ)"},
	{KindAgency, "Cơ quan khác"},
}

// KindLabel is the Vietnamese name of a unit kind.
func KindLabel(k string) string {
	for _, x := range Kinds {
		if x.Value == k {
			return x.Label
		}
	}
	return k
}

// Unit is an agency or administrative unit. ValidFrom/ValidTo are civil
// dates (midnight UTC, meaning the day in Vietnam); zero means open-ended.
type Unit struct {
	ID        int64     `json:"id"`
	SiteID    int64     `json:"-"`
	ParentID  int64     `json:"parent_id,omitempty"` // 0: a root
	Code      string    `json:"code"`
	Name      string    `json:"name"`
	Kind      string    `json:"kind"`
	Address   string    `json:"address,omitempty"`
	Phone     string    `json:"phone,omitempty"`
	Email     string    `json:"email,omitempty"`
	ValidFrom time.Time `json:"-"`
	ValidTo   time.Time `json:"-"`
	Position  int       `json:"-"`
	Depth     int       `json:"-"` // set by Tree
}

// Former reports whether the unit has been dissolved or merged: a unit with
// an end date is history (read-only) whether the date has passed or not yet,
// so nobody starts a dossier on a unit that is about to disappear.
func (u Unit) Former() bool { return !u.ValidTo.IsZero() }

// Selectable reports whether new dossiers may name the unit on day now.
func (u Unit) Selectable(now time.Time) bool {
	if u.Former() {
		return false
	}
	if u.ValidFrom.IsZero() {
		return true
	}
	return !u.ValidFrom.After(civil(now))
}

// civil is the date of t in Vietnam as midnight UTC, the form unit dates are
// stored in.
func civil(t time.Time) time.Time {
	y, m, d := t.In(Location).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Location is Vietnam's time zone; every day boundary is taken there.
var Location = mustLoad("Asia/Ho_Chi_Minh")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.FixedZone("ICT", 7*3600)
	}
	return loc
}

// Online service levels (Decree 42/2022 art. 11).
const (
	LevelFull    = "full"    // toàn trình
	LevelPartial = "partial" // một phần
	LevelNone    = "none"    // không trực tuyến
)

// Levels lists the levels with their Vietnamese names.
var Levels = []struct{ Value, Label string }{
	{LevelFull, "Toàn trình"},
	{LevelPartial, "Một phần"},
	{LevelNone, "Không trực tuyến"},
}

// LevelLabel is the Vietnamese name of a level.
func LevelLabel(l string) string {
	for _, x := range Levels {
		if x.Value == l {
			return x.Label
		}
	}
	return l
}

// Processing-time units; the same strings as calendar.Unit.
const (
	TimeWorkingDays  = "working_days"
	TimeDays         = "days"
	TimeWorkingHours = "working_hours"
	// TimeSameDay is "trong ngày": due at the close of the receipt day, or
	// of the next working day when received after 15:00 (calendar.SameDay).
	// Its amount is 1 and means nothing.
	TimeSameDay = "same_day"
)

// TimeUnits lists the time units with their Vietnamese names.
var TimeUnits = []struct{ Value, Label string }{
	{TimeWorkingDays, "ngày làm việc"},
	{TimeDays, "ngày"},
	{TimeWorkingHours, "giờ làm việc"},
	{TimeSameDay, "trong ngày"},
}

// TimeUnitLabel is the Vietnamese name of a time unit.
func TimeUnitLabel(u string) string {
	for _, x := range TimeUnits {
		if x.Value == u {
			return x.Label
		}
	}
	return u
}

// Procedure is an administrative procedure of the catalogue.
type Procedure struct {
	ID         int64  `json:"id"`
	SiteID     int64  `json:"-"`
	Code       string `json:"code"`
	Slug       string `json:"slug"`
	Name       string `json:"name"`
	Field      string `json:"field"`
	Level      string `json:"level"`
	TimeAmount int    `json:"time_amount"`
	TimeUnit   string `json:"time_unit"`
	Fees       string `json:"fees"`
	// FeeItems are the fees collected through the desk, in whole đồng,
	// read from Fees at import and edited in the admin form.
	FeeItems   []payment.Fee `json:"fee_items"`
	Steps      string        `json:"steps"`
	LegalBasis string        `json:"legal_basis"`
	Result     string        `json:"result"`
	Applicant  string        `json:"applicant"`
	Conditions string        `json:"conditions"`
	Published  bool          `json:"-"`
	CreatedAt  time.Time     `json:"-"`
	UpdatedAt  time.Time     `json:"updated_at"`
	Units      []Unit        `json:"units"`
	Components []Component   `json:"components"`
}

// Online reports whether citizens may submit the procedure online.
func (p Procedure) Online() bool { return p.Level == LevelFull || p.Level == LevelPartial }

// TimeText is the processing time in words, e.g. "15 ngày làm việc".
func (p Procedure) TimeText() string {
	if p.TimeUnit == TimeSameDay {
		return "Trong ngày (nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo)"
	}
	return strconv.Itoa(p.TimeAmount) + " " + TimeUnitLabel(p.TimeUnit)
}

// Component is one document of a dossier ("thành phần hồ sơ").
// TemplateFile is the stored name of a downloadable blank form under
// <data>/desk-templates/; TemplateName is the name the citizen downloads.
type Component struct {
	ID           int64  `json:"id"`
	ProcedureID  int64  `json:"-"`
	Position     int    `json:"position"`
	Name         string `json:"name"`
	Required     bool   `json:"required"`
	Copies       int    `json:"copies"`
	TemplateFile string `json:"-"`
	TemplateName string `json:"template_name,omitempty"`
}
