-- Visitor analytics (/quan-tri/thong-ke-truy-cap, issue 14). Everything is
-- an aggregate per site and local day, added to by the counter flush with
-- n = n + Δ in the same transaction as the counters (DESIGN §4): no IP
-- address, User-Agent or cookie is stored, referrers keep only their host,
-- and rows grow with days × distinct dimensions, not with requests.
--
-- kind       name                       detail
-- views      ''                          ''      article views (Lượt xem) of the day
-- ref        group (search, zalo, …)     host    visitors by where their first page came from
-- device     phone | tablet | desktop    ''      visitors
-- browser    browser family              ''      visitors
-- category   category id                 ''      article views
-- bot        exclusion reason            ''      requests not counted
CREATE TABLE traffic_daily (
    site_id BIGINT NOT NULL,
    day     TEXT NOT NULL,
    kind    TEXT NOT NULL,
    name    TEXT NOT NULL,
    detail  TEXT NOT NULL DEFAULT '',
    n       BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (site_id, day, kind, name, detail)
);
-- A period's rows of one kind, covered: views per day read 365 entries for
-- a year, not the 25,000 rows of every kind.
CREATE INDEX traffic_daily_kind ON traffic_daily (site_id, kind, day, name, detail, n);

-- The period's most-read articles are summed from article_daily_views; the
-- site column and this covering index let that read only the site's rows of
-- the period, in index order, without touching articles.
ALTER TABLE article_daily_views ADD COLUMN site_id BIGINT NOT NULL DEFAULT 0;
UPDATE article_daily_views SET site_id = (SELECT a.site_id FROM articles a WHERE a.id = article_daily_views.article_id);
CREATE INDEX article_daily_views_site_day ON article_daily_views (site_id, day, article_id, views);

-- Article views per month ('2026-03') and per year ('2026'), added to in
-- the same flush. A period's most-read articles then read one index range
-- (a calendar month or year: the first 20 entries of it) or a few periods'
-- rows plus the loose days at the ends, instead of every day's rows.
CREATE TABLE article_period_views (
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    period     TEXT NOT NULL,
    site_id    BIGINT NOT NULL,
    views      BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, period)
);
CREATE INDEX article_period_views_rank ON article_period_views (site_id, period, views DESC, article_id);
INSERT INTO article_period_views (article_id, period, site_id, views)
    SELECT article_id, substr(day, 1, 7), MIN(site_id), SUM(views) FROM article_daily_views GROUP BY article_id, substr(day, 1, 7);
INSERT INTO article_period_views (article_id, period, site_id, views)
    SELECT article_id, substr(day, 1, 4), MIN(site_id), SUM(views) FROM article_daily_views GROUP BY article_id, substr(day, 1, 4);
