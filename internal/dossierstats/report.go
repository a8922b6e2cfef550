package dossierstats

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/catalogue"
)

// Figure is a ratio shown with its parts, so every percentage on the page
// can be checked by hand. A zero denominator has no rate ("N/A"), never 0%.
type Figure struct {
	Num int64 `json:"num"`
	Den int64 `json:"den"`
}

// Rate is Num/Den as a fraction; ok is false when Den is 0.
func (f Figure) Rate() (r float64, ok bool) {
	if f.Den == 0 {
		return 0, false
	}
	return float64(f.Num) / float64(f.Den), true
}

// Percent is the rate in per cent with one decimal and a Vietnamese decimal
// comma ("95,2%"), or "N/A".
func (f Figure) Percent() string {
	r, ok := f.Rate()
	if !ok {
		return "N/A"
	}
	return strings.Replace(strconv.FormatFloat(r*100, 'f', 1, 64), ".", ",", 1) + "%"
}

// Counts are the raw numbers of one unit (without its sub-units) in one
// period, as the store counts them. Definitions, for unit U and period
// [From, To), judged at AsOf = min(To, now):
//
//   - New: received_at in [From, To).
//   - Carried: received_at before From and not ended at From (End is zero
//     or at/after From) — "tồn kỳ trước chuyển sang".
//   - Received = New + Carried ("tổng số hồ sơ tiếp nhận").
//   - Online*: the same, received through channel 2 (trực tuyến).
//   - Eligible*: new dossiers (received in [From, To) only, so monthly
//     figures add up to the year's) whose procedure offered online service
//     (full or partial level) when the dossier was received — the level
//     recorded on the dossier, not today's setting — and how many of those
//     came online.
//   - Early/OnTime/Late: status 9 or 10 whose End (dossier.End: the 9 time,
//     else 10, capped by a supplement pause) is in [From, To), classified by
//     dossier.Classify's rule: late if a second supplement was requested or
//     End is after due_at; early if End's day (+07:00) is before due_at's
//     day; on time otherwise. An apology (form 04) does not move due_at, so
//     an apologised dossier finished after its first appointment is late.
//   - InTime/NearDue/Overdue: received before To and not ended at To
//     ("đang giải quyết" at the end of the period), classified at AsOf — or
//     at the pause, for a dossier waiting for a supplement — exactly as the
//     desk does: overdue if a second supplement was requested or AsOf is
//     after due_at; near due if at most one working day is left.
//   - Withdrawn (7), Refused (3), Stopped (8): End in [From, To).
//   - Apologised: received dossiers (New + Carried) with at least one
//     apology (form 04).
//   - Complained / RatedBad: finished dossiers (as Early+OnTime+Late) with
//     a complaint or petition recorded by an officer / rated "không hài
//     lòng" or "rất không hài lòng" overall by the citizen.
//   - Dissatisfied: finished dossiers that are late, complained about or
//     rated badly — each dossier once, whatever the number of reasons.
//   - Digitised: new dossiers whose required components are all digitised
//     (submitted online or scanned at the counter).
//   - ResultElectronic: finished dossiers whose result was issued
//     electronically: a result signed with the unit's certificate and
//     issued through Cổng (store.RecordSignedFile, kind result), or one an
//     officer recorded as issued electronically through another system.
type Counts struct {
	New, Carried                int64
	NewOnline, CarriedOnline    int64
	Eligible, EligibleOnline    int64
	Early, OnTime, Late         int64
	InTime, NearDue, Overdue    int64
	Withdrawn, Refused, Stopped int64
	Apologised                  int64
	Complained, RatedBad        int64
	Dissatisfied                int64
	Digitised, ResultElectronic int64
	// FeeDue: dossiers received in the period with a financial obligation
	// (a payment record); FeePaidOnline: those paid online.
	FeeDue, FeePaidOnline int64
}

// Add sums o into c (roll-up of sub-units).
func (c *Counts) Add(o Counts) {
	c.New += o.New
	c.Carried += o.Carried
	c.NewOnline += o.NewOnline
	c.CarriedOnline += o.CarriedOnline
	c.Eligible += o.Eligible
	c.EligibleOnline += o.EligibleOnline
	c.Early += o.Early
	c.OnTime += o.OnTime
	c.Late += o.Late
	c.InTime += o.InTime
	c.NearDue += o.NearDue
	c.Overdue += o.Overdue
	c.Withdrawn += o.Withdrawn
	c.Refused += o.Refused
	c.Stopped += o.Stopped
	c.Apologised += o.Apologised
	c.Complained += o.Complained
	c.RatedBad += o.RatedBad
	c.Dissatisfied += o.Dissatisfied
	c.Digitised += o.Digitised
	c.ResultElectronic += o.ResultElectronic
	c.FeeDue += o.FeeDue
	c.FeePaidOnline += o.FeePaidOnline
}

// Received is new plus carried over.
func (c Counts) Received() int64 { return c.New + c.Carried }

// Finished is early plus on time plus late.
func (c Counts) Finished() int64 { return c.Early + c.OnTime + c.Late }

// InProgress is what is still being handled at the end of the period.
func (c Counts) InProgress() int64 { return c.InTime + c.NearDue + c.Overdue }

// Online is how many received dossiers came online.
func (c Counts) Online() int64 { return c.NewOnline + c.CarriedOnline }

// ComplaintsSource says where the satisfaction indicator's inputs come
// from, on the page and in the API.
const ComplaintsSource = "Phản ánh, kiến nghị: do cán bộ một cửa ghi nhận trên từng hồ sơ. Đánh giá không hài lòng: phiếu đánh giá của người dân sau khi nhận kết quả (mức \"Không hài lòng\" hoặc \"Rất không hài lòng\")."

// Row is one line of the report table.
type Row struct {
	Key    string `json:"key"`
	Label  string `json:"label"`
	Figure Figure `json:"figure"`
	// Indent marks a part of the line above it.
	Indent bool `json:"-"`
}

// Figures lists every figure of c, each with its numerator and
// denominator: parts are shown against their whole.
func (c Counts) Figures() []Row {
	rec, fin, prog := c.Received(), c.Finished(), c.InProgress()
	closed := fin + c.Withdrawn + c.Refused + c.Stopped
	return []Row{
		{"received", "Tổng số hồ sơ tiếp nhận", Figure{rec, rec}, false},
		{"new", "Tiếp nhận mới trong kỳ", Figure{c.New, rec}, true},
		{"carried", "Kỳ trước chuyển sang", Figure{c.Carried, rec}, true},
		{"finished", "Đã giải quyết", Figure{fin, rec}, false},
		{"early", "Trước hạn", Figure{c.Early, fin}, true},
		{"on_time", "Đúng hạn", Figure{c.OnTime, fin}, true},
		{"late", "Trễ hạn", Figure{c.Late, fin}, true},
		{"in_progress", "Đang giải quyết cuối kỳ", Figure{prog, rec}, false},
		{"in_time", "Trong hạn", Figure{c.InTime, prog}, true},
		{"near_due", "Sắp đến hạn", Figure{c.NearDue, prog}, true},
		{"overdue", "Quá hạn", Figure{c.Overdue, prog}, true},
		{"withdrawn", "Công dân rút hồ sơ", Figure{c.Withdrawn, closed}, false},
		{"refused", "Không được tiếp nhận", Figure{c.Refused, closed}, false},
		{"stopped", "Dừng xử lý", Figure{c.Stopped, closed}, false},
		{"on_time_rate", "Tỷ lệ giải quyết đúng hạn (trước hạn + đúng hạn)", c.OnTimeRate(), false},
		{"online_share", "Tỷ lệ hồ sơ trực tuyến", c.OnlineShare(), false},
		{"online_eligible_share", "Tỷ lệ hồ sơ trực tuyến của thủ tục có dịch vụ trực tuyến", c.EligibleShare(), false},
		{"satisfaction", "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC", c.Satisfaction(), false},
		{"dissatisfied", "Hồ sơ trễ hạn, có phản ánh, kiến nghị hoặc bị đánh giá không hài lòng", Figure{c.Dissatisfied, fin}, true},
		{"complained", "Có phản ánh, kiến nghị", Figure{c.Complained, fin}, true},
		{"rated_bad", "Bị đánh giá không hài lòng", Figure{c.RatedBad, fin}, true},
		{"digitised", "Tỷ lệ hồ sơ tiếp nhận mới được số hóa", c.DigitisedShare(), false},
		{"result_electronic", "Tỷ lệ hồ sơ giải quyết có kết quả điện tử", c.ResultShare(), false},
		{"apologised", "Hồ sơ có phiếu xin lỗi, hẹn lại", Figure{c.Apologised, rec}, false},
	}
}

// OnTimeRate is Decision 766's "tỷ lệ hồ sơ xử lý trước hạn, đúng hạn":
// (early + on time) / (finished + open and already overdue). An overdue
// dossier still open is late already; leaving it out would reward a desk
// for not finishing.
func (c Counts) OnTimeRate() Figure { return Figure{c.Early + c.OnTime, c.Finished() + c.Overdue} }

// OnlineShare is new dossiers received online / new dossiers: each dossier
// counts once, in the period it was received.
func (c Counts) OnlineShare() Figure { return Figure{c.NewOnline, c.New} }

// EligibleShare is OnlineShare restricted to procedures offered online when
// the dossier was received.
func (c Counts) EligibleShare() Figure { return Figure{c.EligibleOnline, c.Eligible} }

// PaymentShare is Decision 766's "tỷ lệ thanh toán trực tuyến = Số hồ sơ
// TTHC có yêu cầu nghĩa vụ tài chính được thanh toán trực tuyến / Tổng số
// hồ sơ TTHC có yêu cầu nghĩa vụ tài chính", over the dossiers received in
// the period. A dossier has an obligation when the desk asked it a fee (a
// payment record, at submission or on the officer's request); it counts
// as paid online when one of its records was confirmed by the gateway and
// not refunded. No obligation at all is N/A, never 0%.
func (c Counts) PaymentShare() Figure { return Figure{c.FeePaidOnline, c.FeeDue} }

// Satisfaction is Decision 766's "tỷ lệ hài lòng trong tiếp nhận, giải
// quyết TTHC = (Tổng số hồ sơ TTHC − Số hồ sơ không hài lòng hoặc có phản
// ánh, kiến nghị về việc tiếp nhận, giải quyết, quá hạn) / Tổng số hồ sơ
// TTHC có thẩm quyền giải quyết", over the dossiers finished in the period.
func (c Counts) Satisfaction() Figure {
	return Figure{c.Finished() - c.Dissatisfied, c.Finished()}
}

// DigitisedShare is "tỷ lệ số hóa hồ sơ": new dossiers digitised / new.
func (c Counts) DigitisedShare() Figure { return Figure{c.Digitised, c.New} }

// ResultShare is "tỷ lệ cấp kết quả điện tử": finished with an electronic
// result / finished.
func (c Counts) ResultShare() Figure { return Figure{c.ResultElectronic, c.Finished()} }

// UnitRef names the unit a report is about; ID 0 is the whole province.
type UnitRef struct {
	ID     int64  `json:"id"`
	Code   string `json:"code"`
	Name   string `json:"name"`
	Former bool   `json:"former,omitempty"`
	Depth  int    `json:"-"`
}

// Report is the statistics of one unit (sub-units rolled up) in one period.
type Report struct {
	Unit   UnitRef
	Period Period
	AsOf   time.Time
	Counts Counts
	// Publicity is the catalogue's figure (procedures published with full
	// information), not a dossier count: it is not rolled up.
	Publicity Figure
	Scores    []Score
	// Children are the direct sub-units (or the roots, for the province),
	// each rolled up: the per-unit table and chart.
	Children []ChildReport
}

// ChildReport is one sub-unit's rolled-up counts.
type ChildReport struct {
	Unit   UnitRef
	Counts Counts
}

// Rollup sums raw per-unit counts over unit id and all its descendants.
// Former units (valid_to set) stay in the tree, so their history counts for
// their parent. id 0 sums every unit.
func Rollup(units []catalogue.Unit, raw map[int64]Counts, id int64) Counts {
	var c Counts
	if id == 0 {
		for _, x := range raw {
			c.Add(x)
		}
		return c
	}
	for uid := range catalogue.Descendants(units, id) {
		c.Add(raw[uid])
	}
	return c
}

// Build assembles the report of unit id (0: the whole province) from raw
// per-unit counts.
func Build(units []catalogue.Unit, raw map[int64]Counts, pub Figure, id int64, p Period, asOf time.Time, cfg Config) (Report, error) {
	r := Report{Period: p, AsOf: asOf, Unit: UnitRef{Name: "Toàn tỉnh"}, Publicity: pub}
	byID := map[int64]catalogue.Unit{}
	for _, u := range units {
		byID[u.ID] = u
	}
	if id != 0 {
		u, ok := byID[id]
		if !ok {
			return r, fmt.Errorf("đơn vị %d: %w", id, ErrUnknownUnit)
		}
		r.Unit = Ref(u)
	}
	r.Counts = Rollup(units, raw, id)
	r.Scores = cfg.Score(r.Counts, pub)
	for _, u := range catalogue.Tree(units) {
		parent := u.ParentID
		if _, ok := byID[parent]; !ok {
			parent = 0
		}
		if parent != id || u.ID == id {
			continue
		}
		r.Children = append(r.Children, ChildReport{Unit: Ref(u), Counts: Rollup(units, raw, u.ID)})
	}
	return r, nil
}

// Ref is the UnitRef of u.
func Ref(u catalogue.Unit) UnitRef {
	return UnitRef{ID: u.ID, Code: u.Code, Name: u.Name, Former: u.Former(), Depth: u.Depth}
}
