-- Issue 16, sharing upward ("Tin cơ sở"): a commune proposes one of its
-- articles to its parent site. The article stays one row on the source
-- site; the parent shows it while the share is accepted and the article is
-- published, so edits flow through and withdrawal removes it.
CREATE TABLE article_shares (
    article_id     BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    target_site_id BIGINT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    source_site_id BIGINT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    status         TEXT NOT NULL,
    proposed_by    BIGINT,
    proposed_at    BIGINT NOT NULL,
    decided_by     BIGINT,
    decided_at     BIGINT,
    PRIMARY KEY (article_id, target_site_id)
);
CREATE INDEX article_shares_target ON article_shares (target_site_id, status);
