-- Media library: uploaded images and documents. Files live in the data
-- folder, named by the SHA-256 of the uploaded bytes (media/ab/cd/<hash>.<ext>,
-- width variants <hash>-<w>.<ext>); a row per site and file, so the same
-- file uploaded twice is one row and one stored copy.
CREATE TABLE media (
    id            INTEGER PRIMARY KEY,
    site_id       INTEGER NOT NULL REFERENCES sites(id),
    hash          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('image', 'document')),
    mime          TEXT NOT NULL,
    ext           TEXT NOT NULL,
    size          BIGINT NOT NULL,
    width         INTEGER NOT NULL DEFAULT 0,
    height        INTEGER NOT NULL DEFAULT 0,
    widths        TEXT NOT NULL DEFAULT '',
    alt           TEXT NOT NULL DEFAULT '',
    caption       TEXT NOT NULL DEFAULT '',
    original_name TEXT NOT NULL DEFAULT '',
    uploaded_by   INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at    TIMESTAMP NOT NULL,
    UNIQUE (site_id, hash)
);
CREATE INDEX media_site_created ON media (site_id, created_at DESC, id DESC);
CREATE INDEX media_hash ON media (hash);
