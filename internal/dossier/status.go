// Package dossier is the one-stop desk's dossier domain: statuses, channels,
// codes, the transition table and the on-time rule. It knows nothing about
// HTTP or SQL; the store applies what it decides in one transaction.
package dossier

import (
	"fmt"
	"time"
)

// Status is a dossier's state, numbered as on the national public-service
// portal (DESIGN §6) so numbers can be exchanged with it unchanged.
type Status int

const (
	New        Status = 1  // mới đăng ký
	Received   Status = 2  // được tiếp nhận
	Refused    Status = 3  // không được tiếp nhận
	Processing Status = 4  // đang xử lý
	Supplement Status = 5  // yêu cầu bổ sung
	Financial  Status = 6  // yêu cầu thực hiện nghĩa vụ tài chính
	Withdrawn  Status = 7  // công dân rút hồ sơ
	Stopped    Status = 8  // dừng xử lý
	Finished   Status = 9  // đã xử lý xong
	Returned   Status = 10 // đã trả kết quả
)

// Statuses lists every status in order, for tabs and filters.
var Statuses = []Status{New, Received, Refused, Processing, Supplement, Financial, Withdrawn, Stopped, Finished, Returned}

var statusNames = [...]string{
	New:        "Mới đăng ký",
	Received:   "Được tiếp nhận",
	Refused:    "Không được tiếp nhận",
	Processing: "Đang xử lý",
	Supplement: "Yêu cầu bổ sung",
	Financial:  "Yêu cầu thực hiện nghĩa vụ tài chính",
	Withdrawn:  "Công dân rút hồ sơ",
	Stopped:    "Dừng xử lý",
	Finished:   "Đã xử lý xong",
	Returned:   "Đã trả kết quả",
}

// Valid reports whether s is one of the ten statuses.
func (s Status) Valid() bool { return s >= New && s <= Returned }

// String is the Vietnamese name shown to citizens and officers.
func (s Status) String() string {
	if !s.Valid() {
		return fmt.Sprintf("Trạng thái %d", int(s))
	}
	return statusNames[s]
}

// Closed reports whether the dossier has left the desk for good: nothing
// more happens to it. Finished (9) is not closed: the result still has to be
// handed over.
func (s Status) Closed() bool {
	return s == Refused || s == Withdrawn || s == Stopped || s == Returned
}

// Open reports whether the processing clock can still run out: the dossier
// has been received and not yet finished or closed.
func (s Status) Open() bool {
	return s == Received || s == Processing || s == Supplement || s == Financial
}

// Channel is how the dossier reached the desk.
type Channel int

const (
	Counter Channel = 1 // trực tiếp
	Online  Channel = 2 // trực tuyến
	Post    Channel = 3 // bưu chính
)

// Valid reports whether c is one of the three channels.
func (c Channel) Valid() bool { return c >= Counter && c <= Post }

func (c Channel) String() string {
	switch c {
	case Counter:
		return "Trực tiếp"
	case Online:
		return "Trực tuyến"
	case Post:
		return "Bưu chính"
	}
	return fmt.Sprintf("Kênh %d", int(c))
}

// Loc is the time zone of dossier codes, appointments and day boundaries.
var Loc = mustLoc("Asia/Ho_Chi_Minh")

func mustLoc(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		// Vietnam has kept +07:00 without DST since 1975.
		return time.FixedZone("ICT", 7*3600)
	}
	return l
}

// Code formats a dossier code UNITCODE-YYMMDD-NNNN (TT 01/2018): the receipt
// day in +07:00 and the unit's sequence number of that day. Sequences beyond
// 9999 widen rather than wrap, so codes stay unique.
func Code(unitCode string, day time.Time, seq int) string {
	return fmt.Sprintf("%s-%s-%04d", unitCode, CodeDay(day), seq)
}

// CodeDay is the YYMMDD part of a code for a receipt time.
func CodeDay(t time.Time) string { return t.In(Loc).Format("060102") }
