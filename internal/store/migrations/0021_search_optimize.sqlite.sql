-- Merge the full-text index into one segment. An index filled article by
-- article (an import, the synthetic generator) is left as a stack of
-- segments, and every term of every search then seeks into each of them:
-- at 100,000 articles, merging halved the CPU time of a search (4 to 6
-- term lookups per query, see exactHits). Later edits add small segments
-- that FTS5 merges as it goes. This takes about half a minute at 100,000
-- articles, once.
INSERT INTO article_search (article_search) VALUES ('optimize');
