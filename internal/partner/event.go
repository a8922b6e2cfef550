package partner

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/viet"
)

// SyncEvent is the JSON body posted to the national portal for one dossier
// event: the fields its status sync asks for. Statuses and channels are the
// national portal's numbers (DESIGN §6), which Cổng uses unchanged.
type SyncEvent struct {
	// Key repeats the Idempotency-Key header, for receivers that keep it.
	Key           string    `json:"event_id"`
	Action        string    `json:"action"`
	At            time.Time `json:"at"`
	DossierCode   string    `json:"dossier_code"`
	ProcedureCode string    `json:"procedure_code"`
	UnitCode      string    `json:"unit_code"`
	Status        int       `json:"status"`
	StatusName    string    `json:"status_name"`
	PrevStatus    int       `json:"previous_status,omitempty"`
	Channel       int       `json:"channel"`
	ChannelName   string    `json:"channel_name"`
	SubmittedAt   time.Time `json:"submitted_at,omitzero"`
	ReceivedAt    time.Time `json:"received_at,omitzero"`
	DueAt         time.Time `json:"due_at,omitzero"`
	// NewDueAt is the date the latest apology (form 04) promised.
	NewDueAt   time.Time `json:"new_due_at,omitzero"`
	FinishedAt time.Time `json:"finished_at,omitzero"`
	ReturnedAt time.Time `json:"returned_at,omitzero"`
	// Reason is the officer's reason for a refusal, a supplement request,
	// a stop or an apology.
	Reason string `json:"reason,omitempty"`
	// FeePaid is what the applicant paid online, in đồng; null while
	// unknown (no payment record for the dossier).
	FeePaid *int64 `json:"fee_paid"`
}

// SyncInput is what the store knows at the event besides the dossier.
type SyncInput struct {
	ProcedureCode string
	UnitCode      string
	FeePaid       *int64
}

// NewSyncEvent builds the payload of an event; key is the row's
// idempotency key. Times are in +07:00, as the national portal shows them.
func NewSyncEvent(d dossier.Dossier, ev dossier.Event, in SyncInput, key string) SyncEvent {
	loc := func(t time.Time) time.Time {
		if t.IsZero() {
			return t
		}
		return t.In(dossier.Loc).Truncate(time.Second)
	}
	at := ev.At
	if at.IsZero() {
		at = d.UpdatedAt
	}
	e := SyncEvent{Key: key, Action: string(ev.Action), At: loc(at), DossierCode: d.Code, ProcedureCode: in.ProcedureCode,
		UnitCode: in.UnitCode, Status: int(d.Status), StatusName: d.Status.String(), PrevStatus: int(ev.From),
		Channel: int(d.Channel), ChannelName: d.Channel.String(), SubmittedAt: loc(d.SubmittedAt), ReceivedAt: loc(d.ReceivedAt),
		DueAt: loc(d.DueAt), NewDueAt: loc(d.NewDueAt), FinishedAt: loc(d.FinishedAt), ReturnedAt: loc(d.ReturnedAt), FeePaid: in.FeePaid}
	switch ev.Action {
	case dossier.ActRefuse, dossier.ActRequestSupplement, dossier.ActStop, dossier.ActApologise:
		e.Reason = ev.Note
	}
	return e
}

// SMSData is what an SMS is rendered from at send time, kept in the row.
type SMSData struct {
	Site  string    `json:"site,omitempty"`
	Code  string    `json:"code"`
	DueAt time.Time `json:"due_at,omitzero"`
}

// SMSFor says whether an event texts the applicant: the moments a citizen
// must act or may come — received with an appointment, refused, asked for
// more papers or a fee, stopped, apologised to, result ready.
func SMSFor(ev dossier.Event) bool {
	switch ev.Action {
	case dossier.ActReceive, dossier.ActRefuse, dossier.ActRequestSupplement, dossier.ActRequestFee,
		dossier.ActStop, dossier.ActApologise, dossier.ActFinish:
		return true
	}
	return false
}

// SMSText renders the text of an SMS row. ascii strips the diacritics for
// gateways (or brand-name contracts) that only take GSM-7 text; the text
// stays readable ("Ho so ... da duoc tiep nhan"). lookup is the public
// lookup page's address, shown so the citizen can check for details.
func SMSText(kind string, payload string, lookup string, ascii bool) (string, error) {
	var d SMSData
	if err := json.Unmarshal([]byte(payload), &d); err != nil || d.Code == "" {
		return "", fmt.Errorf("%w: dữ liệu tin nhắn hỏng", ErrUndeliverable)
	}
	due := ""
	if !d.DueAt.IsZero() {
		due = d.DueAt.In(dossier.Loc).Format("02/01/2006")
	}
	var t string
	switch dossier.Action(kind) {
	case dossier.ActReceive:
		t = fmt.Sprintf("Hồ sơ %s đã được tiếp nhận, hẹn trả kết quả ngày %s.", d.Code, due)
	case dossier.ActRefuse:
		t = fmt.Sprintf("Hồ sơ %s không được tiếp nhận. Xem lý do tại trang tra cứu.", d.Code)
	case dossier.ActRequestSupplement:
		t = fmt.Sprintf("Hồ sơ %s cần bổ sung giấy tờ. Xem yêu cầu tại trang tra cứu.", d.Code)
	case dossier.ActRequestFee:
		t = fmt.Sprintf("Hồ sơ %s: đề nghị thực hiện nghĩa vụ tài chính (nộp phí, lệ phí).", d.Code)
	case dossier.ActStop:
		t = fmt.Sprintf("Hồ sơ %s đã dừng xử lý. Xem lý do tại trang tra cứu.", d.Code)
	case dossier.ActApologise:
		t = fmt.Sprintf("Hồ sơ %s bị chậm hạn, cơ quan xin lỗi và hẹn lại ngày %s.", d.Code, due)
	case dossier.ActFinish:
		t = fmt.Sprintf("Hồ sơ %s đã có kết quả, mời ông/bà nhận kết quả.", d.Code)
	default:
		return "", fmt.Errorf("%w: loại tin nhắn %q không có mẫu", ErrUndeliverable, kind)
	}
	if lookup != "" {
		t += " Tra cứu: " + lookup
	}
	if d.Site != "" {
		t = d.Site + ": " + t
	}
	if ascii {
		t = viet.StripMarks(t)
	}
	return t, nil
}

// NormalizePhone reads a Vietnamese mobile number as a citizen types it
// ("0912 345 678", "+84 912.345.678", "84912345678") and returns it in
// the international form gateways take ("84912345678"); ok is false for
// anything else (landlines, short codes, foreign numbers).
func NormalizePhone(s string) (string, bool) {
	var b strings.Builder
	for i, r := range strings.TrimSpace(s) {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' && i == 0:
		case r == ' ' || r == '.' || r == '-' || r == '(' || r == ')':
		default:
			return "", false
		}
	}
	n := b.String()
	switch {
	case strings.HasPrefix(n, "84") && len(n) == 11:
		n = "0" + n[2:]
	case strings.HasPrefix(s, "+"):
		return "", false
	}
	if len(n) != 10 || n[0] != '0' {
		return "", false
	}
	// Mobile prefixes since the 2018 renumbering: 03, 05, 07, 08, 09.
	switch n[1] {
	case '3', '5', '7', '8', '9':
	default:
		return "", false
	}
	return "84" + n[1:], true
}

// MaskPhone keeps the last three digits of a number for the admin list:
// enough to tell rows apart, not enough to read a citizen's number.
func MaskPhone(p string) string {
	if len(p) <= 3 {
		return strings.Repeat("•", len(p))
	}
	return strings.Repeat("•", len(p)-3) + p[len(p)-3:]
}
