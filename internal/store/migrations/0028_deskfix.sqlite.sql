-- Same-day procedures ("trong ngày"; the next working day when received
-- after 15:00) are their own deadline kind, not 8 working hours. SQLite
-- cannot alter a CHECK constraint; the Go step widenTimeUnitCheck
-- (migrate_0028.go) edits the stored table definition in place, the way
-- SQLite's documentation describes for loosening a constraint, so the table
-- (and columns other migrations added) stays as it is. The step
-- reindexDocuments then recomputes documents.search_text with
-- abbreviations expanded.
SELECT 1;
