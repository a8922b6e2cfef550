-- Same-day procedures ("trong ngày"; the next working day when received
-- after 15:00) are their own deadline kind, not 8 working hours.
ALTER TABLE procedures DROP CONSTRAINT procedures_time_unit_check;
ALTER TABLE procedures ADD CONSTRAINT procedures_time_unit_check
    CHECK (time_unit IN ('working_days', 'days', 'working_hours', 'same_day'));
-- The Go step reindexDocuments (migrate_0028.go) then recomputes
-- documents.search_text with abbreviations expanded.
