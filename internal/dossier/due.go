package dossier

import (
	"time"

	"github.com/congportal/cong/internal/calendar"
)

// DueAtReceipt is the appointment (ngày hẹn trả) of a dossier received at
// receivedAt for a procedure handled within amount units (the procedure's
// TimeAmount and TimeUnit). Both ways in — a move "receive" on an online
// dossier and a dossier entered at the counter — call it, so the desk and
// the citizen see the same date. An unknown unit or an amount beyond the
// calendar's limits is an error for the admin to fix in the procedure.
func DueAtReceipt(cal *calendar.Calendar, receivedAt time.Time, amount int, unit string) (time.Time, error) {
	return cal.Due(receivedAt, amount, calendar.Unit(unit))
}
