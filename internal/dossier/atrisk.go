package dossier

import "time"

// Promise is the appointment the citizen was last given: the new date of
// the latest apology (form 04), else the original appointment. The on-time
// rule keeps judging against DueAt; what the desk must keep is Promise.
func Promise(d *Dossier) time.Time {
	if d.NewDueAt.After(d.DueAt) {
		return d.NewDueAt
	}
	return d.DueAt
}

// ApologyNeeded reports whether an open dossier is at risk of missing its
// promise, so the desk should apologise and set a new date (form 04), and
// whether the promise has already passed.
//
// At risk means past the promise, or with little working time left: at most
// one working day (NearDueLeft), and at most a quarter of the time the
// dossier was given from receipt to the promise. The quarter keeps short
// procedures from being "near due" the moment they are received: an
// 8-working-hour dossier is at risk in its last 2 hours, not in its first
// (Classify's NearDue, one working day, would fire at receipt). A second
// supplement request makes the dossier late whatever the dates say, so it
// needs an apology unless one was made. A paused dossier is judged at the
// moment it was paused, as Classify does.
func ApologyNeeded(d *Dossier, now time.Time, c Clock) (need, overdue bool) {
	if !d.Status.Open() || d.DueAt.IsZero() {
		return false, false
	}
	promise := Promise(d)
	at := now
	if !d.PausedAt.IsZero() {
		at = d.PausedAt
	}
	if at.After(promise) {
		return true, true
	}
	if d.SupplementCount >= 2 && d.ApologyCount == 0 {
		return true, true
	}
	if c == nil {
		return false, false
	}
	limit := NearDueLeft
	if !d.ReceivedAt.IsZero() && d.ReceivedAt.Before(promise) {
		limit = min(limit, c.WorkingBetween(d.ReceivedAt, promise)/4)
	}
	return c.WorkingBetween(at, promise) <= limit, false
}
