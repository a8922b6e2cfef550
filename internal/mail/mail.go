// Package mail is the desk's notifications: which dossier events mail whom,
// the Vietnamese texts, RFC 5322 messages and the worker that drains the
// durable outbox through SMTP. Rows are written by the store in the
// transaction of the event (internal/store/outbox.go); this package never
// touches SQL, it talks to the outbox through the Queue interface.
package mail

import (
	"strings"
	"time"

	"github.com/congportal/cong/internal/dossier"
)

// Kind names a notification. It is stored in outbox rows, so a value never
// changes once released.
type Kind string

const (
	// To the applicant.
	Received   Kind = "received"   // tiếp nhận (→2), online or at the counter
	Supplement Kind = "supplement" // yêu cầu bổ sung (→5)
	Refused    Kind = "refused"    // từ chối tiếp nhận (→3)
	Apology    Kind = "apology"    // xin lỗi, hẹn lại ngày trả (form 04)
	Finished   Kind = "finished"   // đã có kết quả (→9)
	Returned   Kind = "returned"   // đã trả kết quả (→10)
	// PrivateLink carries a fresh private link asked for on the recovery
	// form; it goes only to the address on file.
	PrivateLink Kind = "private_link"
	// CitizenCode carries a one-time sign-in code for a citizen's account
	// (in Data.Token); it goes to the address being proven.
	CitizenCode Kind = "citizen_code"
	// To the officers of the dossier's unit.
	OfficerNew     Kind = "officer_new"      // new online dossier
	OfficerNearDue Kind = "officer_near_due" // at most one working day left
)

// Kinds lists every kind, for the admin page's filter and the tests.
var Kinds = []Kind{Received, Supplement, Refused, Apology, Finished, Returned, PrivateLink, CitizenCode, OfficerNew, OfficerNearDue}

// Label is the kind's Vietnamese name for the admin list.
func (k Kind) Label() string {
	switch k {
	case Received:
		return "Tiếp nhận hồ sơ"
	case Supplement:
		return "Yêu cầu bổ sung"
	case Refused:
		return "Từ chối tiếp nhận"
	case Apology:
		return "Xin lỗi, hẹn lại ngày trả"
	case Finished:
		return "Đã có kết quả"
	case Returned:
		return "Đã trả kết quả"
	case PrivateLink:
		return "Gửi lại đường dẫn riêng"
	case CitizenCode:
		return "Mã đăng nhập của công dân"
	case OfficerNew:
		return "Cán bộ: hồ sơ trực tuyến mới"
	case OfficerNearDue:
		return "Cán bộ: hồ sơ sắp đến hạn"
	}
	return string(k)
}

// ForApplicant says which mail an event sends the applicant, if any. The
// counter entry is a receive event too (New → Received), so it is covered.
func ForApplicant(ev dossier.Event) (Kind, bool) {
	switch ev.Action {
	case dossier.ActReceive:
		return Received, true
	case dossier.ActRequestSupplement:
		return Supplement, true
	case dossier.ActRefuse:
		return Refused, true
	case dossier.ActApologise:
		return Apology, true
	case dossier.ActFinish:
		return Finished, true
	case dossier.ActReturn:
		return Returned, true
	}
	return "", false
}

// ForOfficers says which mail an event sends the unit's officers, if any:
// a dossier submitted online waits for them (8 working hours to answer),
// while one entered at the counter was typed in by one of them.
func ForOfficers(d dossier.Dossier, ev dossier.Event) (Kind, bool) {
	if ev.Action == dossier.ActSubmit && d.Channel == dossier.Online && ev.To == dossier.New {
		return OfficerNew, true
	}
	return "", false
}

// Data is what a notification's text is rendered from, kept in the outbox
// row as JSON: rendering at send time lets the links follow the configured
// base URL, while the facts are those of the moment of the event.
type Data struct {
	Site      string    `json:"site,omitempty"`
	DossierID int64     `json:"dossier_id"`
	Code      string    `json:"code"`
	Procedure string    `json:"procedure,omitempty"`
	Unit      string    `json:"unit,omitempty"`
	Applicant string    `json:"applicant,omitempty"`
	Channel   string    `json:"channel,omitempty"`
	At        time.Time `json:"at"`                  // when the event happened
	DueAt     time.Time `json:"due_at,omitzero"`     // the appointment
	NewDueAt  time.Time `json:"new_due_at,omitzero"` // the apology's new date
	Reason    string    `json:"reason,omitempty"`
	// Token is the private link's secret, for PrivateLink only: the
	// database keeps just its hash on the dossier, so the mail row is
	// the one place the link is written until the mail is sent.
	Token string `json:"token,omitempty"`
}

// DataFor collects the facts of an event. site, procedure and unit are the
// names at the time of the event.
func DataFor(d dossier.Dossier, ev dossier.Event, site, procedure, unit string) Data {
	reason := ev.Note
	if ev.Action == dossier.ActApologise {
		// The event's note also states the new date, which the mail
		// prints on its own line.
		reason = dossier.ApologyReason(reason)
	}
	return Data{Site: site, DossierID: d.ID, Code: d.Code, Procedure: procedure, Unit: unit,
		Applicant: d.ApplicantName, Channel: d.Channel.String(), At: ev.At.UTC(), DueAt: d.DueAt.UTC(),
		NewDueAt: d.NewDueAt.UTC(), Reason: strings.TrimSpace(reason)}
}

// Deliverable reports whether mail to addr can reach anyone: domains
// reserved for documentation and testing (RFC 2606, RFC 6761) never do, so
// mail to them is not queued at all.
func Deliverable(addr string) bool {
	at := strings.LastIndexByte(addr, '@')
	if at <= 0 || at == len(addr)-1 {
		return false
	}
	dom := strings.ToLower(strings.TrimSuffix(addr[at+1:], "."))
	switch dom {
	case "example.com", "example.net", "example.org", "localhost":
		return false
	}
	for _, tld := range []string{".example", ".invalid", ".test", ".localhost", ".example.com", ".example.net", ".example.org"} {
		if strings.HasSuffix(dom, tld) {
			return false
		}
	}
	return true
}
