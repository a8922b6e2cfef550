package calendar

import (
	"math"
	"time"
)

// The lunar calendar below follows Hồ Ngọc Đức's published method
// ("Thuật toán tính âm lịch"): new moons from Jean Meeus' series, the sun's
// longitude at the start of each local day, month 11 as the month that contains
// the winter solstice, and in a 13-month year the first month without a major
// solar term (trung khí) as the leap month.
//
// All of it depends on the time zone, in hours east of UTC. Vietnam has used
// UTC+7 since 1968 and China UTC+8, and that alone makes the two calendars
// differ in some years: when a new moon or a solar term falls between 23:00 and
// 24:00 at UTC+8, the day it lands on differs, and so can a month's first day or
// the position of the leap month (Tết 1985, 2007, 2030).

// VietnamTZ is the time zone, in hours, of the Vietnamese lunar calendar.
const VietnamTZ = 7.0

// LunarDate is a date of the lunisolar calendar. Leap marks the intercalary
// month (tháng nhuận) that repeats Month.
type LunarDate struct {
	Day, Month, Year int
	Leap             bool
}

// julianDay returns the Julian day number of a date of the Gregorian calendar
// (Julian calendar before 15/10/1582).
func julianDay(dd, mm, yy int) int {
	a := (14 - mm) / 12
	y := yy + 4800 - a
	m := mm + 12*a - 3
	jd := dd + (153*m+2)/5 + 365*y + y/4 - y/100 + y/400 - 32045
	if jd < 2299161 {
		jd = dd + (153*m+2)/5 + 365*y + y/4 - 32083
	}
	return jd
}

// fromJulianDay is the inverse of julianDay.
func fromJulianDay(jd int) (dd, mm, yy int) {
	var b, c int
	if jd > 2299160 {
		a := jd + 32044
		b = (4*a + 3) / 146097
		c = a - (b*146097)/4
	} else {
		c = jd + 32082
	}
	d := (4*c + 3) / 1461
	e := c - (1461*d)/4
	m := (5*e + 2) / 153
	dd = e - (153*m+2)/5 + 1
	mm = m + 3 - 12*(m/10)
	yy = b*100 + d - 4800 + m/10
	return
}

// newMoon returns the Julian date (UT, fractional) of the k-th new moon after
// the one of 1/1/1900 13:52 UT.
func newMoon(k int) float64 {
	const dr = math.Pi / 180
	kf := float64(k)
	t := kf / 1236.85
	t2 := t * t
	t3 := t2 * t
	jd1 := 2415020.75933 + 29.53058868*kf + 0.0001178*t2 - 0.000000155*t3
	jd1 += 0.00033 * math.Sin((166.56+132.87*t-0.009173*t2)*dr)
	m := 359.2242 + 29.10535608*kf - 0.0000333*t2 - 0.00000347*t3    // sun's mean anomaly
	mpr := 306.0253 + 385.81691806*kf + 0.0107306*t2 + 0.00001236*t3 // moon's mean anomaly
	f := 21.2964 + 390.67050646*kf - 0.0016528*t2 - 0.00000239*t3    // moon's argument of latitude
	// Each line adds and subtracts terms exactly as in the published series.
	c1 := (0.1734-0.000393*t)*math.Sin(m*dr) + 0.0021*math.Sin(2*dr*m)
	c1 = c1 - 0.4068*math.Sin(mpr*dr) + 0.0161*math.Sin(dr*2*mpr)
	c1 = c1 - 0.0004*math.Sin(dr*3*mpr)
	c1 = c1 + 0.0104*math.Sin(dr*2*f) - 0.0051*math.Sin(dr*(m+mpr))
	c1 = c1 - 0.0074*math.Sin(dr*(m-mpr)) + 0.0004*math.Sin(dr*(2*f+m))
	c1 = c1 - 0.0004*math.Sin(dr*(2*f-m)) - 0.0006*math.Sin(dr*(2*f+mpr))
	c1 = c1 + 0.0010*math.Sin(dr*(2*f-mpr)) + 0.0005*math.Sin(dr*(2*mpr+m))
	var deltaT float64
	if t < -11 {
		deltaT = 0.001 + 0.000839*t + 0.0002261*t2 - 0.00000845*t3 - 0.000000081*t*t3
	} else {
		deltaT = -0.000278 + 0.000265*t + 0.000262*t2
	}
	return jd1 + c1 - deltaT
}

// sunLongitude returns the sun's apparent longitude, in radians [0, 2π), at
// the Julian date jdn (UT).
func sunLongitude(jdn float64) float64 {
	const dr = math.Pi / 180
	t := (jdn - 2451545.0) / 36525
	t2 := t * t
	m := 357.52910 + 35999.05030*t - 0.0001559*t2 - 0.00000048*t*t2
	l0 := 280.46645 + 36000.76983*t + 0.0003032*t2
	dl := (1.914600 - 0.004817*t - 0.000014*t2) * math.Sin(dr*m)
	dl += (0.019993-0.000101*t)*math.Sin(dr*2*m) + 0.000290*math.Sin(dr*3*m)
	l := (l0 + dl) * dr
	l -= 2 * math.Pi * math.Floor(l/(2*math.Pi))
	return l
}

// sunSector returns which of the 12 major solar terms (30° sectors, 0 = spring
// equinox … 9 = winter solstice) the sun is in at the start of local day jd.
func sunSector(jd int, tz float64) int {
	return int(math.Floor(sunLongitude(float64(jd)-0.5-tz/24) / math.Pi * 6))
}

// newMoonDay returns the Julian day number of the local day of the k-th new moon.
func newMoonDay(k int, tz float64) int {
	return int(math.Floor(newMoon(k) + 0.5 + tz/24))
}

// lunarMonth11 returns the first day of the lunar month 11 of year yy: the
// month that contains the winter solstice.
func lunarMonth11(yy int, tz float64) int {
	off := julianDay(31, 12, yy) - 2415021
	k := int(math.Floor(float64(off) / 29.530588853))
	nm := newMoonDay(k, tz)
	if sunSector(nm, tz) >= 9 {
		nm = newMoonDay(k-1, tz)
	}
	return nm
}

// leapMonthOffset returns, for a 13-month year starting at month 11 a11, the
// offset from a11 of the leap month: the first month during which the sun does
// not enter a new sector.
func leapMonthOffset(a11 int, tz float64) int {
	k := int(math.Floor((float64(a11)-2415021.076998695)/29.530588853 + 0.5))
	i := 1
	arc := sunSector(newMoonDay(k+i, tz), tz)
	for {
		last := arc
		i++
		arc = sunSector(newMoonDay(k+i, tz), tz)
		if arc == last || i >= 14 {
			break
		}
	}
	return i - 1
}

// Solar2Lunar converts a civil date to the lunar calendar of time zone tz
// (VietnamTZ for Vietnam, 8 for China).
func Solar2Lunar(d Day, tz float64) LunarDate {
	dayNumber := julianDay(d.Day, int(d.Month), d.Year)
	k := int(math.Floor((float64(dayNumber) - 2415021.076998695) / 29.530588853))
	// The month starts at the last new moon on or before the day. The
	// published code tries k+1 then k; the mean-lunation estimate of k is
	// occasionally off by one more (e.g. 07/05/2054), so search both ways.
	k++
	for newMoonDay(k, tz) > dayNumber {
		k--
	}
	for newMoonDay(k+1, tz) <= dayNumber {
		k++
	}
	monthStart := newMoonDay(k, tz)
	a11 := lunarMonth11(d.Year, tz)
	b11 := a11
	var lunarYear int
	if a11 >= monthStart {
		lunarYear = d.Year
		a11 = lunarMonth11(d.Year-1, tz)
	} else {
		lunarYear = d.Year + 1
		b11 = lunarMonth11(d.Year+1, tz)
	}
	l := LunarDate{Day: dayNumber - monthStart + 1}
	diff := (monthStart - a11) / 29
	l.Month = diff + 11
	if b11-a11 > 365 {
		leapDiff := leapMonthOffset(a11, tz)
		if diff >= leapDiff {
			l.Month = diff + 10
			l.Leap = diff == leapDiff
		}
	}
	if l.Month > 12 {
		l.Month -= 12
	}
	if l.Month >= 11 && diff < 4 {
		lunarYear--
	}
	l.Year = lunarYear
	return l
}

// Lunar2Solar converts a lunar date of time zone tz to the civil date. ok is
// false when l.Leap is set but that year has no leap month l.Month, or when the
// fields are out of range.
func Lunar2Solar(l LunarDate, tz float64) (d Day, ok bool) {
	if l.Month < 1 || l.Month > 12 || l.Day < 1 || l.Day > 30 {
		return Day{}, false
	}
	var a11, b11 int
	if l.Month < 11 {
		a11 = lunarMonth11(l.Year-1, tz)
		b11 = lunarMonth11(l.Year, tz)
	} else {
		a11 = lunarMonth11(l.Year, tz)
		b11 = lunarMonth11(l.Year+1, tz)
	}
	k := int(math.Floor(0.5 + (float64(a11)-2415021.076998695)/29.530588853))
	off := l.Month - 11
	if off < 0 {
		off += 12
	}
	if b11-a11 > 365 {
		leapOff := leapMonthOffset(a11, tz)
		leapMonth := leapOff - 2
		if leapMonth < 0 {
			leapMonth += 12
		}
		if l.Leap && l.Month != leapMonth {
			return Day{}, false
		}
		if l.Leap || off >= leapOff {
			off++
		}
	} else if l.Leap {
		return Day{}, false
	}
	monthStart := newMoonDay(k+off, tz)
	dd, mm, yy := fromJulianDay(monthStart + l.Day - 1)
	d = Day{Year: yy, Month: time.Month(mm), Day: dd}
	// Day 30 of a 29-day month would silently become 1 of the next month.
	if Solar2Lunar(d, tz) != l {
		return Day{}, false
	}
	return d, true
}

// LunarNewYear returns the civil date of Tết (1/1 of lunar year) in time zone tz.
func LunarNewYear(year int, tz float64) Day {
	d, _ := Lunar2Solar(LunarDate{Day: 1, Month: 1, Year: year}, tz)
	return d
}
