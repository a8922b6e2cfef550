package dossier

import "time"

// Timeliness classifies a dossier against its appointment (DESIGN §6,
// Decision 766 statistics).
type Timeliness int

const (
	// NoDeadline: not received yet (1), or closed without ever having an
	// appointment (refused or withdrawn before receipt).
	NoDeadline Timeliness = iota
	// Closed dossiers.
	Early  // finished before the appointment's day
	OnTime // finished on the appointment's day, at or before its time
	Late   // finished after the appointment, or asked for a second supplement
	// Dossiers still in progress, at a given instant.
	InTime  // more than one working day left
	NearDue // at most one working day left
	Overdue // appointment passed, or a second supplement was requested
)

func (t Timeliness) String() string {
	switch t {
	case Early:
		return "Trước hạn"
	case OnTime:
		return "Đúng hạn"
	case Late:
		return "Trễ hạn"
	case InTime:
		return "Trong hạn"
	case NearDue:
		return "Sắp đến hạn"
	case Overdue:
		return "Quá hạn"
	}
	return "Chưa có hạn"
}

// Class is a CSS-friendly name of the classification.
func (t Timeliness) Class() string {
	switch t {
	case Late, Overdue:
		return "late"
	case NearDue:
		return "near"
	case Early, OnTime, InTime:
		return "ok"
	}
	return "none"
}

// NearDueLeft is the working time left under which an open dossier is "near
// due": one working day of the default office hours.
const NearDueLeft = 8 * time.Hour

// End is the instant the dossier's clock stopped for good: when it reached 9,
// else 10, else 3/7/8. A dossier closed while waiting for a supplement
// stopped when the supplement was requested. Zero while it is open.
func End(d *Dossier) time.Time {
	end := d.FinishedAt
	if end.IsZero() {
		end = d.ReturnedAt
	}
	if end.IsZero() || (d.Status != Finished && !d.Status.Closed()) {
		return time.Time{}
	}
	if !d.PausedAt.IsZero() && d.PausedAt.Before(end) {
		end = d.PausedAt
	}
	return end
}

// Classify applies the on-time rule at now. The appointment already
// excludes supplement time (Apply moves it when the clock resumes); a second
// supplement request makes the dossier late whatever the dates say; a
// paused dossier is judged at the moment it was paused.
func Classify(d *Dossier, now time.Time, c Clock) Timeliness {
	if d.DueAt.IsZero() {
		return NoDeadline
	}
	if end := End(d); !end.IsZero() {
		if d.SupplementCount >= 2 || end.After(d.DueAt) {
			return Late
		}
		if end.In(Loc).Format("2006-01-02") < d.DueAt.In(Loc).Format("2006-01-02") {
			return Early
		}
		return OnTime
	}
	if d.SupplementCount >= 2 {
		return Overdue
	}
	at := now
	if !d.PausedAt.IsZero() {
		at = d.PausedAt
	}
	if at.After(d.DueAt) {
		return Overdue
	}
	if c != nil && c.WorkingBetween(at, d.DueAt) <= NearDueLeft {
		return NearDue
	}
	return InTime
}

// ResponseLimit is how long an online dossier may wait in status 1 before it
// is received, refused or sent back (DESIGN §6): working time.
const ResponseLimit = 8 * time.Hour

// ResponseDeadline is when an online dossier must have been answered; zero
// for other channels.
func ResponseDeadline(d *Dossier, c Clock) time.Time {
	if d.Channel != Online || c == nil {
		return time.Time{}
	}
	return c.AddWorking(d.SubmittedAt, ResponseLimit)
}

// ResponseBreach reports whether an online dossier was (or, still in status
// 1 at now, is) not answered within 8 working hours of submission.
func ResponseBreach(d *Dossier, now time.Time, c Clock) bool {
	limit := ResponseDeadline(d, c)
	if limit.IsZero() {
		return false
	}
	at := d.RespondedAt
	if at.IsZero() {
		if d.Status != New {
			return false // answered before the column existed; nothing to judge
		}
		at = now
	}
	return at.After(limit)
}
