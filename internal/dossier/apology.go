package dossier

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// ErrBadDate: the new appointment of an apology is not acceptable (422).
var ErrBadDate = errors.New("ngày hẹn mới không hợp lệ")

// ApologyInput is what an apology (form 04) needs besides the dossier.
type ApologyInput struct {
	Who     Actor
	ActorID int64
	Actor   string
	Now     time.Time
	Reason  string
	NewDue  time.Time // the new appointment
	Clock   Clock     // to tell whether the dossier is near due
	// WorkingDay reports whether t falls on a working day of the calendar.
	WorkingDay func(t time.Time) bool
}

// apologyNoteSep starts the part of the event note that states the new
// date; ApologyReason cuts it off again for form 04.
const apologyNoteSep = "\nHẹn lại ngày trả kết quả: "

// ApologyReason is the reason part of an apology event's note.
func ApologyReason(note string) string {
	r, _, _ := strings.Cut(note, apologyNoteSep)
	return r
}

// Apologise checks an apology and returns the dossier after it and the
// event to append. The status stays; due_at stays too, because the on-time
// rule judges against the first appointment (a dossier finished after it is
// late, apology or not). The desk may apologise only while the dossier is
// open and at risk of missing its promise (ApologyNeeded), for a new date
// on a working day after both now and the last promise.
func Apologise(d Dossier, in ApologyInput) (Dossier, Event, error) {
	fail := func(kind error, msg string) (Dossier, Event, error) {
		return d, Event{}, &TransitionError{Kind: kind, Action: ActApologise, Status: d.Status, Msg: msg}
	}
	if in.Who&(Desk|Specialist|Admin) == 0 {
		return fail(ErrNotAllowed, "Bạn không có quyền lập phiếu xin lỗi cho hồ sơ này.")
	}
	if !d.Status.Open() || d.DueAt.IsZero() {
		return fail(ErrForbiddenTransition, fmt.Sprintf("Không lập được phiếu xin lỗi: hồ sơ đang ở trạng thái “%s”.", d.Status))
	}
	now := in.Now.UTC()
	if need, _ := ApologyNeeded(&d, now, in.Clock); !need {
		return fail(ErrForbiddenTransition, "Hồ sơ chưa có nguy cơ trễ hẹn "+Promise(&d).In(Loc).Format("02/01/2006")+": chưa cần lập phiếu xin lỗi.")
	}
	reason := strings.TrimSpace(in.Reason)
	if reason == "" {
		return fail(ErrNeedReason, "Vui lòng nhập lý do chậm trả kết quả.")
	}
	if utf8.RuneCountInString(reason) > MaxReasonLen {
		return fail(ErrNeedReason, fmt.Sprintf("Lý do dài quá %d ký tự.", MaxReasonLen))
	}
	if in.NewDue.IsZero() {
		return fail(ErrBadDate, "Vui lòng chọn ngày hẹn trả kết quả mới.")
	}
	if !in.NewDue.After(now) {
		return fail(ErrBadDate, "Ngày hẹn trả kết quả mới phải sau thời điểm hiện tại.")
	}
	if prev := Promise(&d); !in.NewDue.After(prev) {
		return fail(ErrBadDate, "Ngày hẹn trả kết quả mới phải sau ngày hẹn trước đó ("+prev.In(Loc).Format("02/01/2006")+").")
	}
	if in.WorkingDay == nil || !in.WorkingDay(in.NewDue) {
		return fail(ErrBadDate, "Ngày "+in.NewDue.In(Loc).Format("02/01/2006")+" là ngày nghỉ: vui lòng chọn một ngày làm việc.")
	}
	n := d
	n.ApologyCount++
	n.NewDueAt = in.NewDue.UTC()
	n.UpdatedAt = now
	note := reason + apologyNoteSep + n.NewDueAt.In(Loc).Format("02/01/2006") + "."
	ev := Event{DossierID: d.ID, At: now, ActorID: in.ActorID, ActorLabel: in.Actor, From: d.Status, To: d.Status, Action: ActApologise, Note: note}
	return n, ev, nil
}
