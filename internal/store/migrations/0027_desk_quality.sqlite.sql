-- Decision 766 figures that need facts the desk did not keep.
--
-- online_level is the procedure's online-service level (full, partial,
-- none) as it was when the dossier was received: the online-share
-- indicator must not change when a procedure's setting is edited later.
-- Rows received before this migration take the current setting, the best
-- record there is.
ALTER TABLE dossiers ADD COLUMN online_level TEXT NOT NULL DEFAULT '';
UPDATE dossiers SET online_level = COALESCE((SELECT p.level FROM procedures p WHERE p.id = dossiers.procedure_id), '');

-- Digitisation (số hóa): digitised is 1 once every required component of
-- the dossier is digitised (submitted online, or scanned at the counter);
-- result_electronic is 1 when the result was issued electronically. The
-- per-component record is dossier_digitisations; the two flags are what
-- statistics read, so they scan no second table.
ALTER TABLE dossiers ADD COLUMN digitised INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossiers ADD COLUMN result_electronic INTEGER NOT NULL DEFAULT 0;
UPDATE dossiers SET digitised = 1 WHERE channel = 2;

-- One row per digitised component (component_id) or result (component_id
-- 0), with how: online (submitted through the portal), scanned (at the
-- counter) or electronic (result issued electronically).
CREATE TABLE dossier_digitisations (
    dossier_id   INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    component_id INTEGER NOT NULL,
    how          TEXT NOT NULL CHECK (how IN ('online', 'scanned', 'electronic')),
    created_by   INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (dossier_id, component_id)
);

-- Complaints and petitions (phản ánh, kiến nghị) an officer records against
-- a dossier: they count against the satisfaction indicator. site and unit
-- are copied so per-unit counts read this table alone. No personal field:
-- content is what the complaint is about, written by the officer.
CREATE TABLE dossier_complaints (
    id         INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    site_id    INTEGER NOT NULL REFERENCES sites(id),
    unit_id    INTEGER NOT NULL REFERENCES units(id),
    kind       TEXT NOT NULL CHECK (kind IN ('phan_anh', 'kien_nghi')),
    content    TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX dossier_complaints_dossier ON dossier_complaints (dossier_id);

-- Per-day summaries of the public statistics (deskstats.DayCounts): one
-- row per unit and day in Vietnam, kept in the transaction of every change
-- to a dossier (store.applyDayDeltas) and rebuilt from the dossiers by
-- `cong stats rebuild`. A period's flow figures are sums over its days.
CREATE TABLE dossier_day_stats (
    site_id           INTEGER NOT NULL REFERENCES sites(id),
    unit_id           INTEGER NOT NULL,
    day               TEXT NOT NULL,
    new               INTEGER NOT NULL DEFAULT 0,
    new_online        INTEGER NOT NULL DEFAULT 0,
    eligible          INTEGER NOT NULL DEFAULT 0,
    eligible_online   INTEGER NOT NULL DEFAULT 0,
    digitised         INTEGER NOT NULL DEFAULT 0,
    early             INTEGER NOT NULL DEFAULT 0,
    on_time           INTEGER NOT NULL DEFAULT 0,
    late              INTEGER NOT NULL DEFAULT 0,
    dissatisfied      INTEGER NOT NULL DEFAULT 0,
    complained        INTEGER NOT NULL DEFAULT 0,
    rated_bad         INTEGER NOT NULL DEFAULT 0,
    result_electronic INTEGER NOT NULL DEFAULT 0,
    withdrawn         INTEGER NOT NULL DEFAULT 0,
    refused           INTEGER NOT NULL DEFAULT 0,
    stopped           INTEGER NOT NULL DEFAULT 0,
    ended             INTEGER NOT NULL DEFAULT 0,
    ended_online      INTEGER NOT NULL DEFAULT 0,
    apologised_new    INTEGER NOT NULL DEFAULT 0,
    apologised_ended  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (site_id, day, unit_id)
);
