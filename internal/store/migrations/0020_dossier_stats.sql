-- Public statistics (/thong-ke, Decision 766) read four index ranges per
-- period (store.DossierStats): dossiers received in it, closed in it,
-- received before and closed after it (finished_at range, received_at
-- checked in the index entry), and still open (dossiers_site_status).
-- Same on both engines.
CREATE INDEX dossiers_stats_received ON dossiers (site_id, received_at);
CREATE INDEX dossiers_stats_finished ON dossiers (site_id, finished_at, received_at);
