package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/congportal/cong/internal/calendar"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/store"
)

// apologise issues form 04 (phiếu xin lỗi và hẹn lại ngày trả kết quả) for
// a dossier about to be late: the reason and a new date, recorded with the
// form in one transaction. Errors re-render the page with what was typed:
// 422 for a missing reason or a bad date, 409 when the dossier changed or
// is not near its appointment, 403 for a user who may not.
func (o *officerDesk) apologise(w http.ResponseWriter, r *http.Request) error {
	sc, err := o.scope(r)
	if err != nil {
		return err
	}
	d, err := o.loadDossier(r, sc)
	if err != nil {
		return err
	}
	reason := formText(r, "reason")
	date := formText(r, "new_date")
	fail := func(status int, msg string) error {
		p, err := o.detailPage(r, sc, d)
		if err != nil {
			return err
		}
		p.Error, p.ErrorAction = msg, dossier.ActApologise
		p.Apology.Reason, p.Apology.Date = reason, date
		return o.render(w, status, "desk_detail", p)
	}
	if v, err := strconv.Atoi(r.PostFormValue("version")); err != nil || v != d.Version {
		return fail(http.StatusConflict, "Hồ sơ vừa được người khác cập nhật. Hãy xem lại lịch sử bên dưới rồi lập phiếu lại.")
	}
	cal, err := o.s.workCalendar(r.Context())
	if err != nil {
		return err
	}
	in := dossier.ApologyInput{Who: sc.actor(&d), ActorID: sc.user.ID, Actor: userLabel(sc.user.Name, sc.user.Username),
		Now: time.Now(), Reason: reason, Clock: cal,
		WorkingDay: func(t time.Time) bool { return cal.IsWorkingDay(calendar.DayOf(t, o.s.loc)) }}
	if date != "" {
		day, err := calendar.ParseDay(date)
		if err != nil {
			return fail(http.StatusUnprocessableEntity, "Ngày hẹn trả kết quả mới không hợp lệ: hãy chọn ngày trên lịch.")
		}
		in.NewDue = closingTime(day, cal, o.s.loc)
	}
	after, err := o.s.st.ApologiseDossier(r.Context(), d, in)
	if err != nil {
		var te *dossier.TransitionError
		switch {
		case errors.As(err, &te):
			status := http.StatusUnprocessableEntity
			if errors.Is(err, dossier.ErrForbiddenTransition) {
				status = http.StatusConflict
			} else if errors.Is(err, dossier.ErrNotAllowed) {
				status = http.StatusForbidden
			}
			return fail(status, te.Msg)
		case errors.Is(err, store.ErrStale):
			return fail(http.StatusConflict, "Hồ sơ vừa được người khác cập nhật. Hãy xem lại lịch sử bên dưới rồi lập phiếu lại.")
		}
		return err
	}
	o.s.audit(r, "dossier.apologise", "dossier", d.ID, fmt.Sprintf("%s: hẹn lại %s (lần %d)", d.Code, after.NewDueAt.In(o.s.loc).Format("02/01/2006"), after.ApologyCount))
	http.Redirect(w, r, fmt.Sprintf("/quan-tri/ho-so/%d?tb=xin-loi", d.ID), http.StatusSeeOther)
	return nil
}

// closingTime is the end of the office day: a result promised "on" a day
// may be handed over until the office closes.
func closingTime(day calendar.Day, cal *calendar.Calendar, loc *time.Location) time.Time {
	end := 17 * time.Hour
	if sp := cal.OfficeHours().Spans; len(sp) > 0 {
		end = sp[len(sp)-1][1]
	}
	return day.Start(loc).Add(end)
}
