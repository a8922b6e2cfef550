-- The accented text as words (see the SQLite variant): "hành" scores
-- articles that write "hành", not those that only have "thành". Read per
-- candidate row, so no index.
ALTER TABLE articles ADD COLUMN search_exact_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_exact)) STORED;
