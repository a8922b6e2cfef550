package dossierstats

import (
	"time"

	"github.com/congportal/cong/internal/dossier"
)

// Per-day summaries: each dossier contributes a few counts to the rows of
// its unit on the days (in Vietnam) it was received and ended; a period's
// flow figures are sums over its days, and "carried over" is what was
// received before the period minus what ended before it. The store keeps
// the rows in the transaction of every change (adding a dossier's new
// contribution and taking back its old one) and can rebuild them from the
// dossiers. The figures judged at an instant (in progress: in time, near
// due, overdue) are summarised for the dossiers already closed, as running
// balances (OpenBalance, OverdueBalance); the open ones are few and are
// counted from the dossiers.

// Facts are what a dossier contributes from: its row (no personal field
// is needed) and the facts recorded beside it.
type Facts struct {
	Dossier          dossier.Dossier
	Eligible         bool // procedure offered online (full or partial) at receipt
	Digitised        bool
	ResultElectronic bool
	Complained       bool
	RatedBad         bool
}

// DayKey names one summary row.
type DayKey struct {
	Unit int64
	Day  string // YYYY-MM-DD in Vietnam
}

// DayCounts is one summary row's counts. Received-day counts: New,
// NewOnline, Eligible, EligibleOnline, Digitised, ApologisedNew. End-day
// counts (dossier.End): the finished classes and their satisfaction and
// result facts, the closing statuses, and Ended/EndedOnline/
// ApologisedEnded for received dossiers (what stops being carried over).
//
// OpenBalance and OverdueBalance are deltas of running balances of closed
// dossiers with an appointment: summed over every day before D, they count
// those in progress at the start of D (received before D, ended on D or
// later), and those of them overdue then (see Contribute). They need no
// calendar, so an edited holiday cannot make them stale.
type DayCounts struct {
	New, NewOnline, Eligible, EligibleOnline, Digitised  int64
	Early, OnTime, Late                                  int64
	Dissatisfied, Complained, RatedBad, ResultElectronic int64
	Withdrawn, Refused, Stopped                          int64
	Ended, EndedOnline, ApologisedNew, ApologisedEnded   int64
	OpenBalance, OverdueBalance                          int64
}

// Fields lists the counts in column order (DayColumns), for the store.
func (c *DayCounts) Fields() []*int64 {
	return []*int64{&c.New, &c.NewOnline, &c.Eligible, &c.EligibleOnline, &c.Digitised,
		&c.Early, &c.OnTime, &c.Late, &c.Dissatisfied, &c.Complained, &c.RatedBad, &c.ResultElectronic,
		&c.Withdrawn, &c.Refused, &c.Stopped, &c.Ended, &c.EndedOnline, &c.ApologisedNew, &c.ApologisedEnded,
		&c.OpenBalance, &c.OverdueBalance}
}

// DayColumns are the summary table's count columns, in Fields order.
var DayColumns = []string{"new", "new_online", "eligible", "eligible_online", "digitised",
	"early", "on_time", "late", "dissatisfied", "complained", "rated_bad", "result_electronic",
	"withdrawn", "refused", "stopped", "ended", "ended_online", "apologised_new", "apologised_ended",
	"open_balance", "overdue_balance"}

// Zero reports whether every count is 0.
func (c DayCounts) Zero() bool {
	for _, f := range c.Fields() {
		if *f != 0 {
			return false
		}
	}
	return true
}

// Day is the calendar day in Vietnam of t.
func Day(t time.Time) string { return t.In(dossier.Loc).Format("2006-01-02") }

// Contribute adds sign (+1 or −1) times f's contribution to into. The
// rules are dossierstats.Counts' definitions, row by row.
func Contribute(f Facts, sign int64, into map[DayKey]DayCounts) {
	d := &f.Dossier
	add := func(day string, fn func(c *DayCounts)) {
		k := DayKey{d.UnitID, day}
		c := into[k]
		var one DayCounts
		fn(&one)
		for i, p := range one.Fields() {
			*c.Fields()[i] += sign * *p
		}
		into[k] = c
	}
	online := d.Channel == dossier.Online
	b := func(x bool) int64 {
		if x {
			return 1
		}
		return 0
	}
	if !d.ReceivedAt.IsZero() {
		add(Day(d.ReceivedAt), func(c *DayCounts) {
			c.New = 1
			c.NewOnline = b(online)
			c.Eligible = b(f.Eligible)
			c.EligibleOnline = b(f.Eligible && online)
			c.Digitised = b(f.Digitised)
			c.ApologisedNew = b(d.ApologyCount > 0)
		})
	}
	end := dossier.End(d)
	if end.IsZero() {
		return
	}
	// In progress at the start of day D (an instant T): received before T,
	// ended at T or later, i.e. Day(received) < D <= Day(end): +1 on the
	// day received, −1 on the day ended. Overdue at T as well: two
	// supplement requests, or due before T, i.e. also Day(due) < D, so the
	// +1 moves to the later of the two days. An interval that is empty
	// adds nothing.
	if !d.ReceivedAt.IsZero() && !d.DueAt.IsZero() {
		recv, endDay := Day(d.ReceivedAt), Day(end)
		if recv < endDay {
			add(recv, func(c *DayCounts) { c.OpenBalance = 1 })
			add(endDay, func(c *DayCounts) { c.OpenBalance = -1 })
		}
		from := recv
		if due := Day(d.DueAt); d.SupplementCount < 2 && due > from {
			from = due
		}
		if from < endDay {
			add(from, func(c *DayCounts) { c.OverdueBalance = 1 })
			add(endDay, func(c *DayCounts) { c.OverdueBalance = -1 })
		}
	}
	add(Day(end), func(c *DayCounts) {
		if !d.ReceivedAt.IsZero() {
			c.Ended = 1
			c.EndedOnline = b(online)
			c.ApologisedEnded = b(d.ApologyCount > 0)
		}
		switch d.Status {
		case dossier.Finished, dossier.Returned:
			if d.DueAt.IsZero() {
				return
			}
			late := d.SupplementCount >= 2 || end.After(d.DueAt)
			switch {
			case late:
				c.Late = 1
			case Day(end) < Day(d.DueAt):
				c.Early = 1
			default:
				c.OnTime = 1
			}
			c.Dissatisfied = b(late || f.Complained || f.RatedBad)
			c.Complained = b(f.Complained)
			c.RatedBad = b(f.RatedBad)
			c.ResultElectronic = b(f.ResultElectronic)
		case dossier.Withdrawn:
			c.Withdrawn = 1
		case dossier.Refused:
			c.Refused = 1
		case dossier.Stopped:
			c.Stopped = 1
		}
	})
}

// FromDays turns the sums of a period's rows (in) and of every row before
// it (before) into the flow figures of Counts (the in-progress ones stay 0).
func FromDays(in, before DayCounts) Counts {
	return Counts{
		New: in.New, NewOnline: in.NewOnline, Eligible: in.Eligible, EligibleOnline: in.EligibleOnline,
		Carried: before.New - before.Ended, CarriedOnline: before.NewOnline - before.EndedOnline,
		Early: in.Early, OnTime: in.OnTime, Late: in.Late,
		Withdrawn: in.Withdrawn, Refused: in.Refused, Stopped: in.Stopped,
		Apologised: in.ApologisedNew + before.ApologisedNew - before.ApologisedEnded,
		Complained: in.Complained, RatedBad: in.RatedBad, Dissatisfied: in.Dissatisfied,
		Digitised: in.Digitised, ResultElectronic: in.ResultElectronic,
	}
}

// ClosedInProgress is the in-progress split, at the end T of a period
// judged at T itself (a period already over), of the dossiers closed since:
// upTo is the sum of every summary row before T, nearDue the number of
// them with an appointment in [T, NearDueCutoff(T)] and fewer than two
// supplement requests (counted from the dossiers: the cutoff depends on
// the working calendar). The others not overdue are in time.
func ClosedInProgress(upTo DayCounts, nearDue int64) Counts {
	return Counts{
		Overdue: upTo.OverdueBalance,
		NearDue: nearDue,
		InTime:  upTo.OpenBalance - upTo.OverdueBalance - nearDue,
	}
}

// SpanKind says what a summary key names: a day (YYYY-MM-DD), a month
// (YYYY-MM) or a year (YYYY).
type SpanKind int

const (
	SpanDay SpanKind = iota
	SpanMonth
	SpanYear
)

// SpanRange is the keys of one kind in [From, To) (From "" for no bound).
type SpanRange struct {
	Kind     SpanKind
	From, To string
}

// SpanKeys are the month and year keys a day's counts are also added to,
// so a period sums whole years and months, and days only at its edges.
func SpanKeys(day string) (month, year string) { return day[:7], day[:4] }

// Spans covers the days [from, to) (YYYY-MM-DD; from "" for every day
// before to) with the fewest keys: whole years, then whole months, then
// days. A year is at most one year key, 11 month keys and 30 day keys
// before it (less on calendar boundaries), whatever the age of the data.
func Spans(from, to string) []SpanRange {
	end, err := time.Parse("2006-01-02", to)
	if err != nil {
		return nil
	}
	var out []SpanRange
	var cur time.Time
	if from == "" {
		cur = time.Date(end.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		out = append(out, SpanRange{SpanYear, "", cur.Format("2006")})
	} else if cur, err = time.Parse("2006-01-02", from); err != nil {
		return nil
	}
	add := func(k SpanKind, lo, hi string) {
		if n := len(out); n > 0 && out[n-1].Kind == k && out[n-1].To == lo {
			out[n-1].To = hi
			return
		}
		out = append(out, SpanRange{k, lo, hi})
	}
	for cur.Before(end) {
		switch next := cur.AddDate(1, 0, 0); {
		case cur.Month() == 1 && cur.Day() == 1 && !next.After(end):
			add(SpanYear, cur.Format("2006"), next.Format("2006"))
			cur = next
		case cur.Day() == 1 && !cur.AddDate(0, 1, 0).After(end):
			next = cur.AddDate(0, 1, 0)
			add(SpanMonth, cur.Format("2006-01"), next.Format("2006-01"))
			cur = next
		default:
			next = cur.AddDate(0, 0, 1)
			add(SpanDay, cur.Format("2006-01-02"), next.Format("2006-01-02"))
			cur = next
		}
	}
	return out
}
