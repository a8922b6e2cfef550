-- SQLite only (merging the full-text index's segments); PostgreSQL's GIN
-- index keeps no such stack. The step exists so both engines share
-- version numbers.
SELECT 1;
