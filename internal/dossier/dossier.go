package dossier

import "time"

// Dossier is one application as the desk tracks it. Times are UTC; zero
// means "not yet". The applicant's data is personal: show it only to staff
// allowed to see the dossier, and audit each view.
type Dossier struct {
	ID          int64
	SiteID      int64
	Code        string
	ProcedureID int64
	UnitID      int64
	Channel     Channel
	Status      Status
	// PrevStatus is where a supplement request (5) came from, so the
	// dossier goes back there when the citizen supplements.
	PrevStatus Status

	ApplicantName     string
	ApplicantIDNumber string
	ApplicantDOB      string // YYYY-MM-DD
	ApplicantPhone    string
	ApplicantEmail    string
	ApplicantAddress  string
	PrivateTokenHash  string
	IdempotencyKey    string
	// SMSOptOut is the applicant's "no text messages" box at submission;
	// it is written with the dossier and read back by the store
	// (SMSOptOut), not by listings.
	SMSOptOut bool

	SubmittedAt time.Time
	// RespondedAt is when the dossier first left status 1 (received,
	// refused or withdrawn): the 8-working-hour rule for online dossiers.
	RespondedAt time.Time
	ReceivedAt  time.Time
	DueAt       time.Time // appointment (ngày hẹn trả), extended by supplement pauses
	// FinishedAt is when the dossier reached 9, or closed as 3/7/8.
	FinishedAt time.Time
	ReturnedAt time.Time
	// PausedAt is set while the clock is stopped for a supplement. It stays
	// set if the dossier is withdrawn or stopped while waiting.
	PausedAt        time.Time
	PausedTotal     time.Duration
	SupplementCount int // supplement requests so far; the second one makes the dossier late
	AssigneeID      int64
	ResultFile      string
	CreatedBy       int64
	UpdatedAt       time.Time
	Version         int
	// ApologyCount is how many apologies (form 04) were issued; NewDueAt is
	// the date the latest one promised. DueAt stays the appointment the
	// on-time rule judges against.
	ApologyCount int
	NewDueAt     time.Time

	// Filled by listings, for display.
	ProcedureName string
	ProcedureCode string
	UnitName      string
	UnitCode      string
	AssigneeName  string
}

// Event is one line of a dossier's append-only history.
type Event struct {
	ID         int64
	DossierID  int64
	At         time.Time
	ActorID    int64
	ActorLabel string
	From, To   Status
	Action     Action
	Note       string
}
