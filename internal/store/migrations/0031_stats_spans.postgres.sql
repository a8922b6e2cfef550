-- Statistics at a province's volume (issue 15): running balances of the
-- dossiers in progress, and month and year rows beside the day rows, so a
-- period and everything before it are a few dozen rows per unit whatever
-- the age of the data (dossierstats.Spans). Kept in the same transaction
-- as the day rows (store.applyDayDeltas); the store rebuilds both from the
-- dossiers after this migration (and `cong stats rebuild` does on demand).
ALTER TABLE dossier_day_stats ADD COLUMN open_balance BIGINT NOT NULL DEFAULT 0;
ALTER TABLE dossier_day_stats ADD COLUMN overdue_balance BIGINT NOT NULL DEFAULT 0;

-- kind 1: span is YYYY-MM; kind 2: span is YYYY (dossierstats.SpanKind).
CREATE TABLE dossier_span_stats (
    site_id           BIGINT NOT NULL REFERENCES sites(id),
    unit_id           BIGINT NOT NULL,
    kind              INTEGER NOT NULL CHECK (kind IN (1, 2)),
    span              TEXT NOT NULL,
    new               BIGINT NOT NULL DEFAULT 0,
    new_online        BIGINT NOT NULL DEFAULT 0,
    eligible          BIGINT NOT NULL DEFAULT 0,
    eligible_online   BIGINT NOT NULL DEFAULT 0,
    digitised         BIGINT NOT NULL DEFAULT 0,
    early             BIGINT NOT NULL DEFAULT 0,
    on_time           BIGINT NOT NULL DEFAULT 0,
    late              BIGINT NOT NULL DEFAULT 0,
    dissatisfied      BIGINT NOT NULL DEFAULT 0,
    complained        BIGINT NOT NULL DEFAULT 0,
    rated_bad         BIGINT NOT NULL DEFAULT 0,
    result_electronic BIGINT NOT NULL DEFAULT 0,
    withdrawn         BIGINT NOT NULL DEFAULT 0,
    refused           BIGINT NOT NULL DEFAULT 0,
    stopped           BIGINT NOT NULL DEFAULT 0,
    ended             BIGINT NOT NULL DEFAULT 0,
    ended_online      BIGINT NOT NULL DEFAULT 0,
    apologised_new    BIGINT NOT NULL DEFAULT 0,
    apologised_ended  BIGINT NOT NULL DEFAULT 0,
    open_balance      BIGINT NOT NULL DEFAULT 0,
    overdue_balance   BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (site_id, kind, span, unit_id)
);

-- The dossiers open now, by receipt: few, whatever the age of the data, so
-- "in progress at the end of a past period" reads only them. A partial
-- index because statistics of the status column (one value, "returned",
-- holds most rows) make the planners scan the table for four open values.
CREATE INDEX dossiers_stats_open ON dossiers (site_id, received_at) WHERE status IN (2, 4, 5, 6);
