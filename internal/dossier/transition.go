package dossier

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Action names a move in the transition table; it is stored in the event
// rows and used as the form value, so it never changes once released.
type Action string

const (
	ActSubmit            Action = "submit"             // creation, online or at the counter
	ActReceive           Action = "receive"            // 1 → 2, sets the appointment
	ActRefuse            Action = "refuse"             // 1 → 3, reason
	ActProcess           Action = "process"            // 2 → 4, hands to a specialist
	ActAssign            Action = "assign"             // 4 → 4, another specialist
	ActRequestSupplement Action = "request_supplement" // 2/4 → 5, reason, clock pauses
	ActSupplemented      Action = "supplemented"       // 5 → 2/4, clock resumes
	ActRequestFee        Action = "request_fee"        // 4 → 6
	ActPaid              Action = "paid"               // 6 → 4
	ActWithdraw          Action = "withdraw"           // 1/2/4/5/6 → 7
	ActStop              Action = "stop"               // 2/4/5/6 → 8, reason
	ActFinish            Action = "finish"             // 4 → 9, result file
	ActReturn            Action = "return"             // 9 → 10
	// ActApologise is not a status move: the desk issues form 04 (apology
	// and a new date) and the status stays. It is logged like a move.
	ActApologise Action = "apologise"
)

// Actor is a capability someone has on one dossier. Roles are decided by the
// caller (who is logged in, which units they work for, who the assignee is);
// the table only says which capability each move needs.
type Actor uint8

const (
	// Desk is an officer (cán bộ một cửa) of the dossier's unit: receives,
	// refuses, hands over, asks for supplements, returns results.
	Desk Actor = 1 << iota
	// Specialist is the officer the dossier is assigned to (chuyên viên):
	// processes it and records the result. Being assigned is what makes an
	// officer the specialist; there is no separate role.
	Specialist
	// Citizen is the applicant acting through the private link.
	Citizen
	// Admin may do everything, to repair mistakes.
	Admin
)

// Transition is one row of the table.
type Transition struct {
	Action Action
	From   []Status
	// To is the status reached; 0 means "the status before the supplement
	// request" (ActSupplemented).
	To          Status
	By          Actor // any of these may do it (Admin always may)
	NeedsReason bool
	NeedsResult bool // a result file must come with it
	Label       string
}

// Transitions is the single table every status change goes through.
var Transitions = []Transition{
	{ActReceive, []Status{New}, Received, Desk, false, false, "Tiếp nhận"},
	{ActRefuse, []Status{New}, Refused, Desk, true, false, "Từ chối tiếp nhận"},
	{ActProcess, []Status{Received}, Processing, Desk, false, false, "Chuyển xử lý"},
	{ActAssign, []Status{Processing}, Processing, Desk | Specialist, false, false, "Giao chuyên viên khác"},
	{ActRequestSupplement, []Status{Received, Processing}, Supplement, Desk | Specialist, true, false, "Yêu cầu bổ sung"},
	{ActSupplemented, []Status{Supplement}, 0, Desk | Citizen, false, false, "Đã nhận hồ sơ bổ sung"},
	{ActRequestFee, []Status{Processing}, Financial, Specialist, false, false, "Yêu cầu thực hiện nghĩa vụ tài chính"},
	{ActPaid, []Status{Financial}, Processing, Desk | Specialist, false, false, "Đã thực hiện nghĩa vụ tài chính"},
	{ActWithdraw, []Status{New, Received, Processing, Supplement, Financial}, Withdrawn, Desk | Citizen, false, false, "Công dân rút hồ sơ"},
	{ActStop, []Status{Received, Processing, Supplement, Financial}, Stopped, Desk | Specialist, true, false, "Dừng xử lý"},
	{ActFinish, []Status{Processing}, Finished, Specialist, false, true, "Đã xử lý xong"},
	{ActReturn, []Status{Finished}, Returned, Desk, false, false, "Trả kết quả"},
}

// Lookup finds the table row of an action.
func Lookup(a Action) (Transition, bool) {
	for _, t := range Transitions {
		if t.Action == a {
			return t, true
		}
	}
	return Transition{}, false
}

func (t Transition) from(s Status) bool {
	for _, f := range t.From {
		if f == s {
			return true
		}
	}
	return false
}

// Allowed lists the moves the actor may make now, in table order.
func Allowed(d *Dossier, who Actor) []Transition {
	var out []Transition
	for _, t := range Transitions {
		if t.from(d.Status) && (who&Admin != 0 || who&t.By != 0) {
			out = append(out, t)
		}
	}
	return out
}

// Errors of Apply; the web layer maps them to status codes.
var (
	ErrUnknownAction = errors.New("thao tác không hợp lệ")
	// ErrForbiddenTransition: the move is not in the table from the current
	// status (409). The wrapping message names the status.
	ErrForbiddenTransition = errors.New("không chuyển được trạng thái")
	// ErrNotAllowed: the move exists but this actor may not make it (403).
	ErrNotAllowed   = errors.New("không có quyền")
	ErrNeedReason   = errors.New("cần nhập lý do")
	ErrNeedResult   = errors.New("cần tệp kết quả")
	ErrNeedAssignee = errors.New("cần chọn chuyên viên xử lý")
	ErrNeedDue      = errors.New("cần ngày hẹn trả")
)

// TransitionError says why a move was refused, in Vietnamese, naming the
// dossier's current status.
type TransitionError struct {
	Kind   error
	Action Action
	Status Status
	Msg    string
}

func (e *TransitionError) Error() string { return e.Msg }
func (e *TransitionError) Unwrap() error { return e.Kind }

// MaxReasonLen bounds reasons and notes.
const MaxReasonLen = 2000

// Clock is the working-time arithmetic of pauses and deadlines
// (*calendar.Calendar provides it).
type Clock interface {
	WorkingBetween(from, to time.Time) time.Duration
	AddWorking(from time.Time, d time.Duration) time.Time
	// Resume is the new appointment when a clock paused at pausedAt
	// restarts at resumedAt: the working time that was left is counted
	// again from resumedAt.
	Resume(due, pausedAt, resumedAt time.Time) time.Time
}

// Input carries what a move needs besides the dossier.
type Input struct {
	Action   Action
	Who      Actor
	ActorID  int64
	Actor    string // name shown in the history
	Now      time.Time
	Note     string // reason for 3, 5, 8; optional otherwise
	Assignee int64  // for process and assign
	// Due is the appointment computed from the procedure's processing time
	// (calendar.Due from the receipt time), for receive.
	Due        time.Time
	ResultFile string // stored name of the result, for finish
	Clock      Clock  // for supplemented (resume)
}

// Permit says whether who may make the move at all, whatever d's status:
// the permission half of Apply, which handlers call before anything that
// could answer 409 (a stale version, the status).
func Permit(d Dossier, a Action, who Actor) error {
	t, ok := Lookup(a)
	if !ok {
		return &TransitionError{ErrUnknownAction, a, d.Status, "Thao tác không hợp lệ."}
	}
	if who&Admin == 0 && who&t.By == 0 {
		return &TransitionError{ErrNotAllowed, a, d.Status,
			fmt.Sprintf("Bạn không có quyền thực hiện “%s” với hồ sơ này.", t.Label)}
	}
	return nil
}

// Apply checks the move against the table and returns the dossier after it
// and the event to append. d is not modified. The store writes both in one
// transaction, guarded by d.Version.
func Apply(d Dossier, in Input) (Dossier, Event, error) {
	return apply(d, in, in.ResultFile != "")
}

// Check says what the move would do — the dossier after it — or why it
// cannot be made, without anything being written: permission first (403),
// then the status (409), then what the move needs (422). withResult says a
// result file comes with the move; the handler stores uploaded files only
// after Check passed, so a refused move leaves nothing on disk, and the
// store's Apply then sees the stored name.
func Check(d Dossier, in Input, withResult bool) (Dossier, error) {
	n, _, err := apply(d, in, withResult || in.ResultFile != "")
	return n, err
}

func apply(d Dossier, in Input, withResult bool) (Dossier, Event, error) {
	t, ok := Lookup(in.Action)
	if !ok {
		return d, Event{}, &TransitionError{ErrUnknownAction, in.Action, d.Status, "Thao tác không hợp lệ."}
	}
	// Who before when: someone who may never make this move is told so
	// (403), not what state the dossier is in (409).
	if err := Permit(d, in.Action, in.Who); err != nil {
		return d, Event{}, err
	}
	if !t.from(d.Status) {
		return d, Event{}, &TransitionError{ErrForbiddenTransition, in.Action, d.Status,
			fmt.Sprintf("Không thể thực hiện “%s”: hồ sơ đang ở trạng thái “%s”.", t.Label, d.Status)}
	}
	note := strings.TrimSpace(in.Note)
	if t.NeedsReason && note == "" {
		return d, Event{}, &TransitionError{ErrNeedReason, in.Action, d.Status, fmt.Sprintf("Vui lòng nhập lý do “%s”.", strings.ToLower(t.Label))}
	}
	if utf8.RuneCountInString(note) > MaxReasonLen {
		return d, Event{}, &TransitionError{ErrNeedReason, in.Action, d.Status, fmt.Sprintf("Lý do dài quá %d ký tự.", MaxReasonLen)}
	}
	now := in.Now.UTC()
	from := d.Status
	n := d
	n.Status = t.To
	switch in.Action {
	case ActReceive:
		if in.Due.IsZero() {
			return d, Event{}, &TransitionError{ErrNeedDue, in.Action, d.Status, "Chưa tính được ngày hẹn trả kết quả."}
		}
		n.ReceivedAt, n.DueAt = now, in.Due.UTC()
	case ActProcess, ActAssign:
		if in.Assignee == 0 {
			return d, Event{}, &TransitionError{ErrNeedAssignee, in.Action, d.Status, "Vui lòng chọn chuyên viên xử lý."}
		}
		n.AssigneeID = in.Assignee
	case ActRequestSupplement:
		n.PrevStatus = from
		n.PausedAt = now
		n.SupplementCount++
	case ActSupplemented:
		n.Status = d.PrevStatus
		if n.Status != Received && n.Status != Processing {
			n.Status = Received
		}
		n.PrevStatus = 0
		if !d.PausedAt.IsZero() {
			// The citizen's time does not count against the office: the
			// appointment moves by the working time spent waiting.
			if in.Clock == nil {
				return d, Event{}, &TransitionError{ErrNeedDue, in.Action, d.Status, "Chưa có lịch làm việc để tính lại ngày hẹn."}
			}
			paused := in.Clock.WorkingBetween(d.PausedAt, now)
			if !d.DueAt.IsZero() {
				n.DueAt = in.Clock.Resume(d.DueAt, d.PausedAt, now).UTC()
			}
			n.PausedTotal += paused
			n.PausedAt = time.Time{}
		}
	case ActFinish:
		if !withResult {
			return d, Event{}, &TransitionError{ErrNeedResult, in.Action, d.Status, "Vui lòng đính kèm tệp kết quả giải quyết."}
		}
		n.ResultFile = in.ResultFile
	case ActReturn:
		n.ReturnedAt = now
	}
	if from == New && n.RespondedAt.IsZero() {
		n.RespondedAt = now
	}
	switch n.Status {
	case Finished, Refused, Withdrawn, Stopped:
		n.FinishedAt = now
	}
	n.UpdatedAt = now
	ev := Event{DossierID: d.ID, At: now, ActorID: in.ActorID, ActorLabel: in.Actor, From: from, To: n.Status, Action: in.Action, Note: note}
	return n, ev, nil
}

// ActionLabel is the Vietnamese name of an action for the history.
func ActionLabel(a Action) string {
	if a == ActSubmit {
		return "Nộp hồ sơ"
	}
	if a == ActApologise {
		return "Xin lỗi, hẹn lại ngày trả kết quả"
	}
	if t, ok := Lookup(a); ok {
		return t.Label
	}
	return string(a)
}
