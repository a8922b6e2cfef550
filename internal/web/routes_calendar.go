package web

import "net/http"

// calendarRoutes: the working-day calendar (admin page and public JSON).
func (s *Server) calendarRoutes(handle func(pattern string, h http.HandlerFunc)) {
	handle("GET /quan-tri/lich", s.adapt(s.staff(s.calendarAdmin)))
	handle("POST /quan-tri/lich/ngay", s.adapt(s.staff(s.calendarPutDay)))
	handle("POST /quan-tri/lich/ngay/xoa", s.adapt(s.staff(s.calendarDeleteDay)))
	handle("POST /quan-tri/lich/dat-lai", s.adapt(s.staff(s.calendarReset)))
	handle("POST /quan-tri/lich/gio-lam-viec", s.adapt(s.staff(s.calendarOfficeHours)))
	handle("GET /api/v1/calendar/holidays", s.adapt(s.apiCalendarHolidays))
	handle("GET /api/v1/calendar/due", s.adapt(s.apiCalendarDue))
}
