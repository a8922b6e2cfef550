-- Views per article per local day, for the newsroom's "most viewed today".
-- Written by the counter flush in the same transaction as articles.views.
CREATE TABLE article_daily_views (
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    day        TEXT NOT NULL,
    views      BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, day)
);
CREATE INDEX article_daily_views_day ON article_daily_views (day, views DESC);
