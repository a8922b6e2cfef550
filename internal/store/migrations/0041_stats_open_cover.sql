-- The open dossiers' in-progress classes (in time, near due, overdue) are
-- counted from this index alone (store.openInProgress): it holds every
-- column the count reads, status included (SQLite does not treat a column
-- fixed by the partial index's condition as covered), so the running
-- period no longer reads ~10 000 table rows of a province; unit_id comes
-- second so the count per unit needs no sort.
DROP INDEX dossiers_stats_open;
CREATE INDEX dossiers_stats_open ON dossiers (site_id, unit_id, received_at, due_at, paused_at, supplement_count, status) WHERE status IN (2, 4, 5, 6);

-- The open dossiers waiting for a supplement are judged at their pause;
-- only those due within a working day of the moment judged need the
-- calendar (store.addPausedStats): an appointment range of this index.
CREATE INDEX dossiers_stats_paused ON dossiers (site_id, due_at, paused_at, supplement_count, received_at, unit_id, status) WHERE status IN (2, 4, 5, 6) AND paused_at IS NOT NULL;
