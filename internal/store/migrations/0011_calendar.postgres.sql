-- Working-day calendar, per site. A year with a row in calendar_years uses
-- exactly the days listed for it in calendar_days (the admin's copy of what
-- the Prime Minister announced, seeded from the generated defaults on the
-- first edit); a year without a row uses calendar.DefaultYear. Days are civil
-- dates in Asia/Ho_Chi_Minh, stored as 'YYYY-MM-DD'.
CREATE TABLE calendar_years (
    site_id    BIGINT NOT NULL REFERENCES sites(id),
    year       INTEGER NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (site_id, year)
);

CREATE TABLE calendar_days (
    site_id BIGINT NOT NULL,
    year    INTEGER NOT NULL,
    day     TEXT NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('holiday', 'compensation', 'makeup')),
    name    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (site_id, day),
    FOREIGN KEY (site_id, year) REFERENCES calendar_years (site_id, year) ON DELETE CASCADE
);

-- Office hours ('07:00-11:30, 13:30-17:00'; empty = the default) and a
-- version bumped by every calendar edit, so each instance can tell with one
-- primary-key read whether its cached calendar is still current.
CREATE TABLE calendar_settings (
    site_id      BIGINT PRIMARY KEY REFERENCES sites(id),
    office_hours TEXT NOT NULL DEFAULT '',
    version      BIGINT NOT NULL DEFAULT 0,
    updated_at   TIMESTAMPTZ NOT NULL
);
