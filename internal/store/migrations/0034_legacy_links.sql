-- Addresses a site had before it moved to Cổng (a WordPress permalink, its
-- ?p=ID form, an uploads file, a category archive), each answering 301 to what the import made
-- of it. The target is an object, not a path, so a later change of slug is
-- followed without a second hop; the row is read only when a request would
-- otherwise be a 404, never on a page that exists.
CREATE TABLE legacy_links (
    site_id   BIGINT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    path      TEXT   NOT NULL,
    kind      TEXT   NOT NULL CHECK (kind IN ('article', 'page', 'media', 'category')),
    target_id BIGINT NOT NULL,
    PRIMARY KEY (site_id, path)
);
