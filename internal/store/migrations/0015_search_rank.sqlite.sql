-- Search ranks the newest 1,000 matches without reading article rows: the
-- body comes early in each row, so any column after it (status,
-- published_at, search_title) means walking the row's overflow pages.
-- This covering index holds what the candidate step needs.
CREATE INDEX articles_search_rank ON articles (site_id, status, id, published_at, search_title);

-- One full-text index with two columns: the folded text every search
-- matches on, and the accented text, so that exact-accent ranking ("hành",
-- not "thành" as a substring LIKE had it) is a query ANDed with the match
-- rather than a scan of every candidate's text. Filled from Go
-- (rebuildSearchIndex) in this migration's transaction.
DROP TABLE article_fts;
CREATE VIRTUAL TABLE article_search USING fts5 (folded, exact, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
