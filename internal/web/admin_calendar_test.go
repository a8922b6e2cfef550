package web_test

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/web"
)

type holidaysJSON struct {
	Year     int
	Holidays []struct {
		Date         string
		Name         string
		Compensation bool
	}
	MakeUpSaturdays    []string                    `json:"make_up_saturdays"`
	OfficeHours        []struct{ From, To string } `json:"office_hours"`
	WorkingHoursPerDay float64                     `json:"working_hours_per_day"`
	WorkingDays        int                         `json:"working_days"`
}

type errorJSON struct {
	Error struct {
		Code    string
		Message string
		Fields  map[string]string
	}
}

func holidaysOf(t *testing.T, e *env, year string) holidaysJSON {
	t.Helper()
	r := e.get("/api/v1/calendar/holidays?year=" + year)
	if r.code != http.StatusOK || !strings.HasPrefix(r.hdr.Get("Content-Type"), "application/json") {
		t.Fatalf("holidays %s: %d %s", year, r.code, r.body)
	}
	var h holidaysJSON
	if err := json.Unmarshal([]byte(r.body), &h); err != nil {
		t.Fatal(err)
	}
	return h
}

func (h holidaysJSON) has(date, name string, comp bool) bool {
	for _, x := range h.Holidays {
		if x.Date == date && x.Name == name && x.Compensation == comp {
			return true
		}
	}
	return false
}

func (h holidaysJSON) off(date string) bool {
	for _, x := range h.Holidays {
		if x.Date == date {
			return true
		}
	}
	return false
}

// dueOf asks the public API for a due date; q is the raw query string.
func dueOf(t *testing.T, e *env, q string) string {
	t.Helper()
	r := e.get("/api/v1/calendar/due?" + q)
	if r.code != http.StatusOK {
		t.Fatalf("due %s: %d %s", q, r.code, r.body)
	}
	var d struct{ Due string }
	if err := json.Unmarshal([]byte(r.body), &d); err != nil {
		t.Fatal(err)
	}
	return d.Due
}

func wantAPIError(t *testing.T, e *env, target string, code int, errCode, field string) {
	t.Helper()
	r := e.get(target)
	if r.code != code {
		t.Fatalf("%s: status %d, want %d: %s", target, r.code, code, r.body)
	}
	var j errorJSON
	if err := json.Unmarshal([]byte(r.body), &j); err != nil {
		t.Fatalf("%s: %v in %s", target, err, r.body)
	}
	if j.Error.Code != errCode || j.Error.Fields[field] == "" || j.Error.Message == "" {
		t.Errorf("%s: %+v, want code %s with a message for %s", target, j.Error, errCode, field)
	}
}

func TestCalendarAPI(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		h := holidaysOf(t, e, "2026")
		if h.Year != 2026 || !h.has("2026-02-17", "Tết Nguyên đán", false) || !h.has("2026-04-26", "Giỗ Tổ Hùng Vương", false) ||
			!h.has("2026-04-27", "Nghỉ bù Giỗ Tổ Hùng Vương", true) || !h.has("2026-09-01", "Quốc khánh", false) || !h.has("2026-01-01", "Tết Dương lịch", false) {
			t.Errorf("2026 defaults: %+v", h.Holidays)
		}
		if len(h.MakeUpSaturdays) != 0 || h.WorkingHoursPerDay != 8 || len(h.OfficeHours) != 2 ||
			h.OfficeHours[0].From != "07:00" || h.OfficeHours[1].To != "17:00" {
			t.Errorf("2026 defaults: %+v", h)
		}
		// 2024: Tết on a Saturday; two compensation days.
		if h := holidaysOf(t, e, "2024"); !h.has("2024-02-14", "Nghỉ bù Tết Nguyên đán", true) || !h.has("2024-02-15", "Nghỉ bù Tết Nguyên đán", true) {
			t.Errorf("2024: %+v", h.Holidays)
		}

		for q, want := range map[string]string{
			"from=2026-03-02T09:00:00%2B07:00&amount=1&unit=working_days":   "2026-03-03T09:00:00+07:00",
			"from=2026-03-02T02:00:00Z&amount=1&unit=working_days":          "2026-03-03T09:00:00+07:00",
			"from=2026-03-02T09:00:00+07:00&amount=1&unit=working_days":     "2026-03-03T09:00:00+07:00", // '+' not encoded
			"from=2026-02-13T10:00:00%2B07:00&amount=1&unit=working_days":   "2026-02-23T10:00:00+07:00", // over Tết
			"from=2026-03-02T18:30:00%2B07:00&amount=4&unit=working_hours":  "2026-03-03T11:00:00+07:00",
			"from=2026-03-02T09:00:00%2B07:00&amount=5&unit=days":           "2026-03-09T17:00:00+07:00",
			"from=2026-04-24T10:00:00%2B07:00&amount=3&unit=working_days":   "2026-05-04T10:00:00+07:00",
			"from=2025-12-31T15:00:00%2B07:00&amount=1&unit=working_days":   "2026-01-02T15:00:00+07:00",
			"from=2026-03-07T10:00:00%2B07:00&amount=0&unit=working_hours":  "2026-03-09T07:00:00+07:00",
			"from=2026-03-02T09:00:00%2B07:00&amount=1&unit=same_day":       "2026-03-02T17:00:00+07:00", // not Tuesday 09:00
			"from=2026-03-02T16:00:00%2B07:00&amount=1&unit=same_day":       "2026-03-03T17:00:00+07:00", // after 15:00
			"from=2026-03-02T12:15:00%2B07:00&amount=2&unit=working_hours":  "2026-03-02T15:30:00+07:00",
			"from=2026-02-27T10:00:00%2B07:00&amount=15&unit=working_days":  "2026-03-20T10:00:00+07:00",
			"from=2026-02-27T10:00:00%2B07:00&amount=15&unit=days":          "2026-03-16T17:00:00+07:00",
			"from=2026-12-31T16:00:00%2B07:00&amount=1&unit=working_days":   "2027-01-04T16:00:00+07:00",
			"from=2027-02-04T16:00:00%2B07:00&amount=1&unit=working_days":   "2027-02-12T16:00:00+07:00", // Tết 05–09/02 + 10, 11/02 compensation
			"from=2026-08-31T10:00:00%2B07:00&amount=1&unit=working_days":   "2026-09-03T10:00:00+07:00",
			"from=2026-03-02T09:00:00%2B07:00&amount=8&unit=working_hours":  "2026-03-03T09:00:00+07:00",
			"from=2026-03-02T07:00:00%2B07:00&amount=1&unit=working_days":   "2026-03-02T17:00:00+07:00",
			"from=2026-03-06T15:00:00%2B07:00&amount=1&unit=working_days":   "2026-03-09T15:00:00+07:00",
			"from=2026-03-02T09:00:00%2B07:00&amount=10&unit=working_days":  "2026-03-16T09:00:00+07:00",
			"from=2026-02-18T10:00:00%2B07:00&amount=1&unit=working_days":   "2026-02-23T17:00:00+07:00",
			"from=2026-03-07T09:00:00%2B07:00&amount=2&unit=days":           "2026-03-11T17:00:00+07:00",
			"from=2026-02-10T09:00:00%2B07:00&amount=7&unit=days":           "2026-02-23T17:00:00+07:00",
			"from=2026-03-02T11:00:00%2B07:00&amount=1&unit=working_hours":  "2026-03-02T14:00:00+07:00",
			"from=2026-03-02T17:00:00%2B07:00&amount=1&unit=working_hours":  "2026-03-03T08:00:00+07:00",
			"from=2026-03-02T06:15:00%2B07:00&amount=1&unit=working_days":   "2026-03-02T17:00:00+07:00",
			"from=2026-03-02T09:00:00%2B07:00&amount=0&unit=days":           "2026-03-02T17:00:00+07:00",
			"from=2026-03-02T09:00:00%2B07:00&amount=3&unit=days":           "2026-03-05T17:00:00+07:00",
			"from=2026-03-02T09:00:00%2B07:00&amount=3&unit=working_days":   "2026-03-05T09:00:00+07:00",
			"from=2026-03-07T10:00:00%2B07:00&amount=1&unit=working_days":   "2026-03-09T17:00:00+07:00",
			"from=2026-03-02T12:00:00%2B07:00&amount=1&unit=working_hours":  "2026-03-02T14:30:00+07:00",
			"from=2026-03-07T10:00:00%2B07:00&amount=0&unit=working_days":   "2026-03-09T07:00:00+07:00",
			"from=2026-04-28T10:00:00%2B07:00&amount=2&unit=working_days":   "2026-05-04T10:00:00+07:00",
			"from=2026-04-24T10:00:00%2B07:00&amount=1&unit=working_days":   "2026-04-28T10:00:00+07:00",
			"from=2026-02-13T10:00:00%2B07:00&amount=16&unit=working_hours": "2026-02-24T10:00:00+07:00",
		} {
			if got := dueOf(t, e, q); got != want {
				t.Errorf("due %s = %s, want %s", q, got, want)
			}
		}

		// Bad input: 400 when malformed, 422 when well-formed but unusable,
		// each with a Vietnamese message per field.
		wantAPIError(t, e, "/api/v1/calendar/holidays?year=abc", 400, "bad_request", "year")
		wantAPIError(t, e, "/api/v1/calendar/holidays?year=1800", 422, "validation", "year")
		wantAPIError(t, e, "/api/v1/calendar/due?amount=1&unit=days", 400, "bad_request", "from")
		wantAPIError(t, e, "/api/v1/calendar/due?from=02/03/2026&amount=1&unit=days", 400, "bad_request", "from")
		wantAPIError(t, e, "/api/v1/calendar/due?from=2026-03-02T09:00:00Z&amount=mot&unit=days", 400, "bad_request", "amount")
		wantAPIError(t, e, "/api/v1/calendar/due?from=2026-03-02T09:00:00Z&amount=1", 400, "bad_request", "unit")
		wantAPIError(t, e, "/api/v1/calendar/due?from=2026-03-02T09:00:00Z&amount=-1&unit=days", 422, "validation", "amount")
		wantAPIError(t, e, "/api/v1/calendar/due?from=2026-03-02T09:00:00Z&amount=1&unit=weeks", 422, "validation", "unit")
		wantAPIError(t, e, "/api/v1/calendar/due?from=2026-03-02T09:00:00Z&amount=999999&unit=working_days", 422, "validation", "amount")
		wantAPIError(t, e, "/api/v1/calendar/due?from=1850-03-02T09:00:00Z&amount=1&unit=days", 422, "validation", "from")
		r := e.get("/api/v1/calendar/due?from=x&amount=-1&unit=weeks")
		var j errorJSON
		json.Unmarshal([]byte(r.body), &j)
		if r.code != 400 || len(j.Error.Fields) != 3 || !strings.Contains(j.Error.Message, "RFC 3339") {
			t.Errorf("all fields wrong: %d %s", r.code, r.body)
		}
	})
}

// calendarAdmin posts the calendar forms as an admin.
func TestCalendarAdmin(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		a := e.adminBrowser(t)
		wantCode(t, "page", a.get("/quan-tri/lich?nam=2026"), http.StatusOK, "Lịch làm việc năm 2026", "Tết Nguyên đán", "17/02/2026",
			"Số ngày làm việc trong năm: <strong>250</strong>", "07:00-11:30, 13:30-17:00", "8 giờ", "đang dùng lịch <strong>mặc định</strong>",
			"Tháng 12", `aria-current="page">Lịch làm việc`, "Thứ Ba 17/02/2026: Tết Nguyên đán", "1/1", "/static/calendar.")
		wantCode(t, "bad year", a.get("/quan-tri/lich?nam=hai-nghin"), http.StatusBadRequest, "Năm phải là số")

		// Other roles cannot see or change the calendar.
		e.addUser(t, "bientap", auth.RoleEditor)
		ed := e.browser(t)
		ed.login("bientap")
		wantCode(t, "editor page", ed.get("/quan-tri/lich"), http.StatusForbidden)
		wantCode(t, "editor post", ed.post("/quan-tri/lich/ngay", url.Values{"day": {"2026-03-03"}, "kind": {"holiday"}, "name": {"Nghỉ"}}), http.StatusForbidden)
		wantCode(t, "editor delete", ed.post("/quan-tri/lich/ngay/xoa", url.Values{"day": {"2026-02-17"}}), http.StatusForbidden)
		wantCode(t, "editor reset", ed.post("/quan-tri/lich/dat-lai", url.Values{"nam": {"2026"}}), http.StatusForbidden)
		wantCode(t, "editor hours", ed.post("/quan-tri/lich/gio-lam-viec", url.Values{"office_hours": {"08:00-12:00"}}), http.StatusForbidden)
		if v, _ := s.CalendarVersion(ctx, e.site.ID); v != 0 {
			t.Fatal("a refused request changed the calendar")
		}
		if anon := e.get("/quan-tri/lich"); anon.code != http.StatusSeeOther && anon.code != http.StatusFound {
			t.Errorf("anonymous: %d", anon.code)
		}

		// Bad input: 422, message, input kept, nothing saved.
		for _, c := range []struct {
			form url.Values
			msg  string
		}{
			{url.Values{"day": {"2026-03-03"}, "kind": {"makeup"}}, "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật; 03/03/2026 là thứ Ba"},
			{url.Values{"day": {"2026-03-07"}, "kind": {"compensation"}}, "Ngày nghỉ bù phải là ngày làm việc thông thường"},
			{url.Values{"day": {"2026-03-03"}, "kind": {"holiday"}, "name": {""}}, "Vui lòng nhập tên ngày nghỉ"},
			{url.Values{"day": {"2026-02-30"}, "kind": {"holiday"}, "name": {"Ngày không có"}}, "Ngày không hợp lệ"},
			{url.Values{"day": {""}, "kind": {"holiday"}, "name": {"Nghỉ lễ bổ sung"}}, "Vui lòng chọn ngày"},
			{url.Values{"day": {"2026-03-03"}, "kind": {"ngay-nghi"}, "name": {"Nghỉ lễ bổ sung"}}, "Vui lòng chọn loại ngày"},
			{url.Values{"day": {"2026-03-03"}, "kind": {"holiday"}, "name": {strings.Repeat("Tết ", 60)}}, "tối đa 200 ký tự"},
		} {
			c.form.Set("nam", "2026")
			r := a.post("/quan-tri/lich/ngay", c.form)
			wantCode(t, c.msg, r, http.StatusUnprocessableEntity, c.msg, "Chưa lưu", `aria-invalid="true"`)
			if d := c.form.Get("day"); d != "" && !strings.Contains(r.body, `value="`+d+`"`) {
				t.Errorf("%s: typed date lost", c.msg)
			}
			if n := c.form.Get("name"); n != "" && !strings.Contains(r.body, strings.TrimSpace(n)) {
				t.Errorf("%s: typed name lost", c.msg)
			}
		}
		if v, _ := s.CalendarVersion(ctx, e.site.ID); v != 0 {
			t.Fatal("an invalid form changed the calendar")
		}

		// Warm the cache, then edit: the answers change at once.
		const friBeforeTet = "from=2026-02-13T10:00:00%2B07:00&amount=1&unit=working_days"
		if got := dueOf(t, e, friBeforeTet); got != "2026-02-23T10:00:00+07:00" {
			t.Fatalf("before edits: %s", got)
		}
		// Typed the Vietnamese way, as a browser without a date picker sends it.
		r := a.post("/quan-tri/lich/ngay", url.Values{"nam": {"2026"}, "day": {"21/02/2026"}, "kind": {"makeup"}})
		if r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/quan-tri/lich?nam=2026&tb=lich-luu" {
			t.Fatalf("add make-up day: %d %s", r.code, r.body)
		}
		if got := dueOf(t, e, friBeforeTet); got != "2026-02-21T10:00:00+07:00" {
			t.Errorf("with a make-up Saturday: %s", got)
		}
		if h := holidaysOf(t, e, "2026"); !slices.Equal(h.MakeUpSaturdays, []string{"2026-02-21"}) || !h.has("2026-02-17", "Tết Nguyên đán", false) {
			t.Errorf("after make-up day: %+v", h)
		}
		wantCode(t, "after add", a.get("/quan-tri/lich?nam=2026&tb=lich-luu"), http.StatusOK, "Đã lưu ngày vào lịch", "21/02/2026", "Làm bù",
			"đã được quản trị viên điều chỉnh", "Đặt lại về mặc định", "Số ngày làm việc trong năm: <strong>251</strong>")

		// The government adds a day off: the next Monday.
		r = a.post("/quan-tri/lich/ngay", url.Values{"nam": {"2026"}, "day": {"2026-02-23"}, "kind": {"holiday"}, "name": {"  Tết   Nguyên đán "}})
		if r.code != http.StatusSeeOther {
			t.Fatalf("add holiday: %d %s", r.code, r.body)
		}
		if got := dueOf(t, e, "from=2026-02-22T10:00:00%2B07:00&amount=1&unit=working_days"); got != "2026-02-24T17:00:00+07:00" {
			t.Errorf("with 23/02 off: %s", got)
		}
		if h := holidaysOf(t, e, "2026"); !h.has("2026-02-23", "Tết Nguyên đán", false) {
			t.Errorf("23/02 not listed (name normalised): %+v", h.Holidays)
		}

		// Removing 01/09 makes it a working day; removing it twice is a 404.
		r = a.post("/quan-tri/lich/ngay/xoa", url.Values{"day": {"2026-09-01"}})
		if r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/quan-tri/lich?nam=2026&tb=lich-xoa" {
			t.Fatalf("delete: %d %s", r.code, r.body)
		}
		if holidaysOf(t, e, "2026").off("2026-09-01") {
			t.Error("01/09 still off")
		}
		wantCode(t, "delete twice", a.post("/quan-tri/lich/ngay/xoa", url.Values{"day": {"2026-09-01"}}), http.StatusNotFound, "không được đánh dấu")
		wantCode(t, "delete garbage", a.post("/quan-tri/lich/ngay/xoa", url.Values{"day": {"mai"}}), http.StatusBadRequest)

		// Another instance on the same database sees the edits with no delay.
		other, err := web.New(web.Options{Store: s, Counter: e.counter, SiteID: e.site.ID, BaseURL: "https://cong.example.vn",
			Location: mustHCM(t), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
		if err != nil {
			t.Fatal(err)
		}
		e2 := &env{t: t, st: s, srv: other, site: e.site}
		if got := dueOf(t, e2, friBeforeTet); got != "2026-02-21T10:00:00+07:00" {
			t.Errorf("other instance: %s", got)
		}
		a.post("/quan-tri/lich/ngay/xoa", url.Values{"day": {"2026-02-21"}})
		if got := dueOf(t, e2, friBeforeTet); got != "2026-02-24T10:00:00+07:00" {
			t.Errorf("other instance after removal (Tết, then 23/02 off): %s", got)
		}

		// Office hours: invalid kept and refused; valid changes the answers.
		r = a.post("/quan-tri/lich/gio-lam-viec", url.Values{"nam": {"2026"}, "office_hours": {"17:00-07:00"}})
		wantCode(t, "bad hours", r, http.StatusUnprocessableEntity, "Chưa lưu giờ làm việc", `value="17:00-07:00"`, "giờ bắt đầu phải trước giờ kết thúc")
		r = a.post("/quan-tri/lich/gio-lam-viec", url.Values{"nam": {"2026"}, "office_hours": {"07:30-11:30, 13:00-17:00"}})
		if r.code != http.StatusSeeOther {
			t.Fatalf("hours: %d %s", r.code, r.body)
		}
		if got := dueOf(t, e, "from=2026-03-02T06:00:00%2B07:00&amount=1&unit=working_days"); got != "2026-03-02T17:00:00+07:00" {
			t.Errorf("07:30 opening, 8 h: %s", got)
		}
		if got := dueOf(t, e, "from=2026-03-02T12:00:00%2B07:00&amount=1&unit=working_hours"); got != "2026-03-02T14:00:00+07:00" {
			t.Errorf("13:00 afternoon: %s", got)
		}

		// Reset brings 2026 back to the defaults (office hours stay).
		r = a.post("/quan-tri/lich/dat-lai", url.Values{"nam": {"2026"}})
		if r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/quan-tri/lich?nam=2026&tb=lich-dat-lai" {
			t.Fatalf("reset: %d %s", r.code, r.body)
		}
		h := holidaysOf(t, e, "2026")
		if !h.off("2026-09-01") || h.off("2026-02-23") || len(h.MakeUpSaturdays) != 0 || h.OfficeHours[0].From != "07:30" {
			t.Errorf("after reset: %+v", h)
		}
		r = a.post("/quan-tri/lich/dat-lai", url.Values{"nam": {"2026"}})
		if r.hdr.Get("Location") != "/quan-tri/lich?nam=2026&tb=lich-mac-dinh" {
			t.Errorf("second reset: %d %s", r.code, r.hdr.Get("Location"))
		}

		// A break announced as "from … to …" is entered in one go.
		wantCode(t, "make-up range", a.post("/quan-tri/lich/ngay", url.Values{"nam": {"2026"}, "day": {"2026-03-07"}, "to": {"2026-03-08"}, "kind": {"makeup"}}),
			http.StatusUnprocessableEntity, "Chỉ đánh dấu một đợt nhiều ngày cho ngày nghỉ lễ", `value="2026-03-08"`)
		wantCode(t, "backwards range", a.post("/quan-tri/lich/ngay", url.Values{"nam": {"2026"}, "day": {"2026-03-11"}, "to": {"2026-03-09"}, "kind": {"holiday"}, "name": {"Nghỉ"}}),
			http.StatusUnprocessableEntity, "Ngày kết thúc phải sau ngày bắt đầu")
		r = a.post("/quan-tri/lich/ngay", url.Values{"nam": {"2026"}, "day": {"09/03/2026"}, "to": {"2026-03-11"}, "kind": {"holiday"}, "name": {"Nghỉ lễ bổ sung"}})
		if r.code != http.StatusSeeOther {
			t.Fatalf("range: %d %s", r.code, r.body)
		}
		if h := holidaysOf(t, e, "2026"); !h.has("2026-03-09", "Nghỉ lễ bổ sung", false) || !h.has("2026-03-10", "Nghỉ lễ bổ sung", false) ||
			!h.has("2026-03-11", "Nghỉ lễ bổ sung", false) || h.off("2026-03-12") || !h.off("2026-09-01") {
			t.Errorf("after range: %+v", h.Holidays)
		}
		if got := dueOf(t, e, "from=2026-03-06T15:00:00%2B07:00&amount=1&unit=working_days"); got != "2026-03-12T15:00:00+07:00" {
			t.Errorf("over the 09–11/03 break (07:30 opening): %s", got)
		}

		// Every edit is in the audit log, with what the day was before.
		acts := auditActions(t, s, e.site.ID)
		for _, want := range []string{",calendar.day.put,", ",calendar.day.delete,", ",calendar.office_hours,", ",calendar.year.reset,"} {
			if !strings.Contains(acts, want) {
				t.Errorf("audit lacks %s: %s", want, acts)
			}
		}
		if strings.Count(acts, ",calendar.year.reset,") != 1 {
			t.Errorf("a reset with nothing to reset was logged: %s", acts)
		}
		log, _ := s.AuditLog(ctx, store.AuditFilter{SiteID: e.site.ID, Action: "calendar.day.delete"})
		if !slices.ContainsFunc(log, func(l store.AuditEntry) bool {
			return l.Detail == "01/09/2026: bỏ Nghỉ lễ, tết “Quốc khánh”"
		}) {
			t.Errorf("audit detail: %+v", log)
		}
		log, _ = s.AuditLog(ctx, store.AuditFilter{SiteID: e.site.ID, Action: "calendar.day.put"})
		if !slices.ContainsFunc(log, func(l store.AuditEntry) bool {
			return l.Detail == "09/03/2026–11/03/2026 (3 ngày) → Nghỉ lễ, tết “Nghỉ lễ bổ sung”"
		}) || !slices.ContainsFunc(log, func(l store.AuditEntry) bool {
			return l.Detail == "21/02/2026: cuối tuần → Làm bù “Làm bù”"
		}) {
			t.Errorf("audit detail: %+v", log)
		}
	})
}

func mustHCM(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}
