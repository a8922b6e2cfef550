-- Public statistics (/thong-ke, Decision 766) read the dossiers received in
-- a period and those that ended at or after its start: two index ranges,
-- plus the open ones through dossiers_site_status. Same on both engines.
CREATE INDEX dossiers_stats_received ON dossiers (site_id, received_at);
CREATE INDEX dossiers_stats_finished ON dossiers (site_id, finished_at);
