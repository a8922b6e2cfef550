package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/congportal/cong/internal/calendar"
)

// CalendarData is everything a site's working-day calendar is built from.
type CalendarData struct {
	Office  calendar.OfficeHours // no spans: the default office hours
	Years   map[int]calendar.YearRules
	Version int64
}

// Calendar builds the site's calendar in loc from its data.
func (d CalendarData) Calendar(loc *time.Location) *calendar.Calendar {
	office := d.Office
	if len(office.Spans) == 0 {
		office = calendar.DefaultOfficeHours()
	}
	return calendar.New(loc, office, d.Years)
}

// CalendarVersion changes whenever the site's calendar is edited (0 before
// the first edit): a primary-key read that lets every instance keep its
// calendar cached and still see another instance's edit at once.
func (s *Store) CalendarVersion(ctx context.Context, siteID int64) (int64, error) {
	var v int64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT version FROM calendar_settings WHERE site_id = ?`), siteID).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return v, err
}

// CalendarData loads the site's office hours and every year an admin has
// edited. The version is read first, so an edit landing in between makes the
// returned version older than the data, never newer: the caller then just
// reloads once more.
func (s *Store) CalendarData(ctx context.Context, siteID int64) (CalendarData, error) {
	d := CalendarData{Years: map[int]calendar.YearRules{}}
	var office string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT version, office_hours FROM calendar_settings WHERE site_id = ?`), siteID).Scan(&d.Version, &office)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return d, err
	}
	if office != "" {
		if d.Office, err = calendar.ParseOfficeHours(office); err != nil {
			return d, fmt.Errorf("giờ làm việc đã lưu %q: %w", office, err)
		}
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT y.year, d.day, d.kind, d.name FROM calendar_years y
		LEFT JOIN calendar_days d ON d.site_id = y.site_id AND d.year = y.year
		WHERE y.site_id = ? ORDER BY y.year, d.day`), siteID)
	if err != nil {
		return d, err
	}
	defer rows.Close()
	entries := map[int][]calendar.Entry{}
	for rows.Next() {
		var (
			year            int
			day, kind, name sql.NullString
		)
		if err := rows.Scan(&year, &day, &kind, &name); err != nil {
			return d, err
		}
		if _, ok := entries[year]; !ok {
			entries[year] = nil // an edited year with no days off at all is still edited
		}
		if !day.Valid {
			continue
		}
		dd, err := calendar.ParseDay(day.String)
		if err != nil {
			return d, err
		}
		entries[year] = append(entries[year], calendar.Entry{Day: dd, Kind: calendar.DayKind(kind.String), Name: name.String})
	}
	if err := rows.Err(); err != nil {
		return d, err
	}
	for y, es := range entries {
		d.Years[y] = calendar.RulesFromEntries(es)
	}
	return d, nil
}

// CalendarYear returns the marked days of year and whether an admin has
// edited the year (otherwise they are the generated defaults).
func (s *Store) CalendarYear(ctx context.Context, siteID int64, year int) ([]calendar.Entry, bool, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM calendar_years WHERE site_id = ? AND year = ?`), siteID, year).Scan(&n); err != nil {
		return nil, false, err
	}
	if n == 0 {
		return calendar.DefaultYear(year).Entries(), false, nil
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT day, kind, name FROM calendar_days WHERE site_id = ? AND year = ? ORDER BY day`), siteID, year)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	var es []calendar.Entry
	for rows.Next() {
		var day, kind, name string
		if err := rows.Scan(&day, &kind, &name); err != nil {
			return nil, false, err
		}
		d, err := calendar.ParseDay(day)
		if err != nil {
			return nil, false, err
		}
		es = append(es, calendar.Entry{Day: d, Kind: calendar.DayKind(kind), Name: name})
	}
	return es, true, rows.Err()
}

// PutCalendarDay marks a day (holiday, compensation or make-up), replacing
// what the day was marked as before. The first edit of a year copies the
// generated defaults into the table, so the admin edits the whole year from
// then on. The caller validates e (calendar.CheckEntry).
func (s *Store) PutCalendarDay(ctx context.Context, siteID int64, e calendar.Entry) error {
	return s.PutCalendarDays(ctx, siteID, []calendar.Entry{e})
}

// PutCalendarDays marks several days in one transaction, as PutCalendarDay
// (a Tết break announced as "from … to …").
func (s *Store) PutCalendarDays(ctx context.Context, siteID int64, es []calendar.Entry) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		owned := map[int]bool{}
		for _, e := range es {
			if !owned[e.Day.Year] {
				if err := s.ownCalendarYear(ctx, tx, siteID, e.Day.Year); err != nil {
					return err
				}
				owned[e.Day.Year] = true
			}
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO calendar_days (site_id, year, day, kind, name) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (site_id, day) DO UPDATE SET kind = excluded.kind, name = excluded.name`),
				siteID, e.Day.Year, e.Day.String(), string(e.Kind), e.Name); err != nil {
				return err
			}
		}
		return s.bumpCalendar(ctx, tx, siteID, nil)
	})
}

// DeleteCalendarDay unmarks a day, making it an ordinary weekday or weekend
// day. ErrNotFound when the day was not marked.
func (s *Store) DeleteCalendarDay(ctx context.Context, siteID int64, d calendar.Day) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.ownCalendarYear(ctx, tx, siteID, d.Year); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q(`DELETE FROM calendar_days WHERE site_id = ? AND day = ?`), siteID, d.String())
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return s.bumpCalendar(ctx, tx, siteID, nil)
	})
}

// ResetCalendarYear drops the admin's edits of year, going back to the
// generated defaults. It reports whether there was anything to drop.
func (s *Store) ResetCalendarYear(ctx context.Context, siteID int64, year int) (bool, error) {
	var dropped bool
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM calendar_days WHERE site_id = ? AND year = ?`), siteID, year); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q(`DELETE FROM calendar_years WHERE site_id = ? AND year = ?`), siteID, year)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		dropped = true
		return s.bumpCalendar(ctx, tx, siteID, nil)
	})
	return dropped, err
}

// SetOfficeHours saves the site's office hours; the caller validates o.
func (s *Store) SetOfficeHours(ctx context.Context, siteID int64, o calendar.OfficeHours) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		v := o.String()
		return s.bumpCalendar(ctx, tx, siteID, &v)
	})
}

// ownCalendarYear makes year an edited year of the site, seeding it with the
// defaults the first time. Two admins racing here both insert ON CONFLICT DO
// NOTHING; only the one whose insert landed seeds the days.
func (s *Store) ownCalendarYear(ctx context.Context, tx *sql.Tx, siteID int64, year int) error {
	now := dbTime(time.Now())
	res, err := tx.ExecContext(ctx, s.q(`INSERT INTO calendar_years (site_id, year, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (site_id, year) DO NOTHING`), siteID, year, now)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		_, err := tx.ExecContext(ctx, s.q(`UPDATE calendar_years SET updated_at = ? WHERE site_id = ? AND year = ?`), now, siteID, year)
		return err
	}
	for _, e := range calendar.DefaultYear(year).Entries() {
		if e.Day.Year != year {
			continue // defaults never spill into another year; guard the invariant CalendarData relies on
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO calendar_days (site_id, year, day, kind, name) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (site_id, day) DO NOTHING`), siteID, year, e.Day.String(), string(e.Kind), e.Name); err != nil {
			return err
		}
	}
	return nil
}

// bumpCalendar increments the site's calendar version, and sets the office
// hours when office is not nil.
func (s *Store) bumpCalendar(ctx context.Context, tx *sql.Tx, siteID int64, office *string) error {
	now := dbTime(time.Now())
	if office != nil {
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO calendar_settings (site_id, office_hours, version, updated_at) VALUES (?, ?, 1, ?)
			ON CONFLICT (site_id) DO UPDATE SET office_hours = excluded.office_hours, version = calendar_settings.version + 1, updated_at = excluded.updated_at`),
			siteID, *office, now)
		return err
	}
	_, err := tx.ExecContext(ctx, s.q(`INSERT INTO calendar_settings (site_id, office_hours, version, updated_at) VALUES (?, '', 1, ?)
		ON CONFLICT (site_id) DO UPDATE SET version = calendar_settings.version + 1, updated_at = excluded.updated_at`),
		siteID, now)
	return err
}
