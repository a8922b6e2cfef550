-- Statistics at a province's volume (issue 15): running balances of the
-- dossiers in progress, and month and year rows beside the day rows, so a
-- period and everything before it are a few dozen rows per unit whatever
-- the age of the data (dossierstats.Spans). Kept in the same transaction
-- as the day rows (store.applyDayDeltas); the store rebuilds both from the
-- dossiers after this migration (and `cong stats rebuild` does on demand).
ALTER TABLE dossier_day_stats ADD COLUMN open_balance INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_day_stats ADD COLUMN overdue_balance INTEGER NOT NULL DEFAULT 0;

-- kind 1: span is YYYY-MM; kind 2: span is YYYY (dossierstats.SpanKind).
CREATE TABLE dossier_span_stats (
    site_id           INTEGER NOT NULL REFERENCES sites(id),
    unit_id           INTEGER NOT NULL,
    kind              INTEGER NOT NULL CHECK (kind IN (1, 2)),
    span              TEXT NOT NULL,
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
    open_balance      INTEGER NOT NULL DEFAULT 0,
    overdue_balance   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (site_id, kind, span, unit_id)
);

-- The dossiers open now, by receipt: few, whatever the age of the data, so
-- "in progress at the end of a past period" reads only them. A partial
-- index because statistics of the status column (one value, "returned",
-- holds most rows) make the planners scan the table for four open values.
CREATE INDEX dossiers_stats_open ON dossiers (site_id, received_at) WHERE status IN (2, 4, 5, 6);
