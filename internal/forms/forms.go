// Package forms draws the paper forms of the one-stop desk (TT 01/2018/TT-VPCP,
// mẫu 01–05) as PDF. It knows nothing about HTTP or SQL: the store records a
// snapshot (Data) in the transaction of the move that calls for a form, and
// Render turns a snapshot into the same bytes every time, so a form
// downloaded twice is byte-identical.
package forms

import (
	"encoding/json"
	"fmt"
	"time"
)

// Kind is the number of the form in TT 01/2018.
type Kind int

const (
	Receipt    Kind = 1 // Giấy tiếp nhận hồ sơ và hẹn trả kết quả
	Supplement Kind = 2 // Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ
	Refusal    Kind = 3 // Phiếu từ chối tiếp nhận giải quyết hồ sơ
	Apology    Kind = 4 // Phiếu xin lỗi và hẹn lại ngày trả kết quả
	Control    Kind = 5 // Phiếu kiểm soát quá trình giải quyết hồ sơ
)

// Kinds lists the forms in order.
var Kinds = []Kind{Receipt, Supplement, Refusal, Apology, Control}

var titles = [...]string{
	Receipt:    "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
	Supplement: "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
	Refusal:    "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
	Apology:    "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
	Control:    "Phiếu kiểm soát quá trình giải quyết hồ sơ",
}

// Valid reports whether k is one of the five forms.
func (k Kind) Valid() bool { return k >= Receipt && k <= Control }

// Title is the form's name in sentence case, for links and lists.
func (k Kind) Title() string {
	if !k.Valid() {
		return fmt.Sprintf("Mẫu %02d", int(k))
	}
	return titles[k]
}

// Number is the two-digit number used in paths and file names ("01").
func (k Kind) Number() string { return fmt.Sprintf("%02d", int(k)) }

// ParseKind reads "01".."05" (or "1".."5").
func ParseKind(s string) (Kind, bool) {
	if len(s) == 2 && s[0] == '0' {
		s = s[1:]
	}
	if len(s) != 1 || s[0] < '1' || s[0] > '5' {
		return 0, false
	}
	return Kind(s[0] - '0'), true
}

// Citizen reports whether the applicant gets the form through the private
// link: form 05 is the office's internal control sheet.
func (k Kind) Citizen() bool { return k >= Receipt && k <= Apology }

// Data is what a form prints: a snapshot taken when the form was issued, so
// a later rename of the unit or the procedure does not rewrite paper the
// citizen already holds.
type Data struct {
	Form     Kind      `json:"form"`
	IssuedAt time.Time `json:"issued_at"` // the event's time; also the PDF's creation date

	Agency      string `json:"agency,omitempty"` // cơ quan chủ quản (the site's agency)
	Unit        string `json:"unit"`             // the unit handling the dossier
	UnitAddress string `json:"unit_address,omitempty"`
	UnitPhone   string `json:"unit_phone,omitempty"`

	Code          string `json:"code"`
	Procedure     string `json:"procedure"`
	ProcedureCode string `json:"procedure_code,omitempty"`
	ProcTime      string `json:"proc_time,omitempty"` // "15 ngày làm việc"
	Channel       string `json:"channel,omitempty"`

	ApplicantName    string `json:"applicant_name"`
	ApplicantID      string `json:"applicant_id,omitempty"`
	ApplicantAddress string `json:"applicant_address,omitempty"`
	ApplicantPhone   string `json:"applicant_phone,omitempty"`
	ApplicantEmail   string `json:"applicant_email,omitempty"`

	Components []Component `json:"components,omitempty"`

	SubmittedAt time.Time `json:"submitted_at"`
	ReceivedAt  time.Time `json:"received_at"`
	DueAt       time.Time `json:"due_at"`
	NewDueAt    time.Time `json:"new_due_at"` // form 04
	FinishedAt  time.Time `json:"finished_at"`
	ReturnedAt  time.Time `json:"returned_at"`

	Reason  string `json:"reason,omitempty"`  // forms 02, 03, 04
	Officer string `json:"officer,omitempty"` // who issued it

	// LookupPath is the public lookup page of the dossier ("/tra-cuu?ma=…"),
	// made absolute with the site's address when drawn: the QR code of
	// form 01 must follow the site if it moves to another domain.
	LookupPath string `json:"lookup_path,omitempty"`

	Steps  []Step `json:"steps,omitempty"`  // form 05
	Result string `json:"result,omitempty"` // form 05: Trước hạn / Đúng hạn / Trễ hạn / …
}

// Component is one paper of the dossier, as listed on form 01.
type Component struct {
	Name   string `json:"name"`
	Copies int    `json:"copies"`
}

// Step is one line of the control sheet (form 05): a move of the dossier.
type Step struct {
	At     time.Time `json:"at"`
	Action string    `json:"action"` // Vietnamese label of the move
	From   string    `json:"from,omitempty"`
	To     string    `json:"to"`
	Actor  string    `json:"actor,omitempty"`
	Note   string    `json:"note,omitempty"`
}

// Marshal encodes the snapshot for the database.
func (d Data) Marshal() (string, error) {
	b, err := json.Marshal(d)
	return string(b), err
}

// Unmarshal decodes a stored snapshot.
func Unmarshal(s string) (Data, error) {
	var d Data
	err := json.Unmarshal([]byte(s), &d)
	return d, err
}

// FileName is the download name: "mau-01-UNIT-260105-0001.pdf".
func (d Data) FileName() string { return "mau-" + d.Form.Number() + "-" + d.Code + ".pdf" }
