-- The portal's first schema. Times are UTC; days are 'YYYY-MM-DD' strings in
-- the site's zone (Asia/Ho_Chi_Minh), computed in Go so both engines agree.
CREATE TABLE sites (
    id             INTEGER PRIMARY KEY,
    slug           TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    agency         TEXT NOT NULL DEFAULT '',
    address        TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT '',
    footer         TEXT NOT NULL DEFAULT '',
    description    TEXT NOT NULL DEFAULT '',
    starting_total BIGINT NOT NULL DEFAULT 0,
    created_at     TIMESTAMP NOT NULL
);

CREATE TABLE categories (
    id          INTEGER PRIMARY KEY,
    site_id     INTEGER NOT NULL REFERENCES sites(id),
    parent_id   INTEGER REFERENCES categories(id),
    name        TEXT NOT NULL,
    slug        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0,
    wp_slug     TEXT,
    UNIQUE (site_id, slug)
);

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    site_id       INTEGER NOT NULL REFERENCES sites(id),
    category_id   INTEGER REFERENCES categories(id),
    title         TEXT NOT NULL,
    slug          TEXT NOT NULL,
    summary       TEXT NOT NULL DEFAULT '',
    body_html     TEXT NOT NULL DEFAULT '',
    author        TEXT NOT NULL DEFAULT '',
    source        TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'draft',
    featured      BOOLEAN NOT NULL DEFAULT FALSE,
    published_at  TIMESTAMP,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL,
    views         BIGINT NOT NULL DEFAULT 0,
    wp_guid       TEXT,
    search_title  TEXT NOT NULL DEFAULT '', -- folded title, for ranking title matches
    search_exact  TEXT NOT NULL DEFAULT '',
    UNIQUE (site_id, slug),
    UNIQUE (site_id, wp_guid)
);
CREATE INDEX articles_published ON articles (site_id, status, published_at DESC, id DESC);
CREATE INDEX articles_category ON articles (category_id, status, published_at DESC, id DESC);

-- Folded text (viet.IndexText) of title, summary and body. unicode61 with
-- remove_diacritics 0: the text is already folded in Go (FTS5 would not fold đ).
CREATE VIRTUAL TABLE article_fts USING fts5 (body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');

-- Slugs an article had before its title changed, for 301 redirects.
CREATE TABLE article_slugs (
    site_id    INTEGER NOT NULL,
    slug       TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (site_id, slug)
);

CREATE TABLE tags (
    id      INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES sites(id),
    name    TEXT NOT NULL,
    slug    TEXT NOT NULL,
    UNIQUE (site_id, slug)
);
CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, tag_id)
);

CREATE TABLE pages (
    id         INTEGER PRIMARY KEY,
    site_id    INTEGER NOT NULL REFERENCES sites(id),
    title      TEXT NOT NULL,
    slug       TEXT NOT NULL,
    body_html  TEXT NOT NULL DEFAULT '',
    wp_guid    TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (site_id, slug),
    UNIQUE (site_id, wp_guid)
);

-- Counting (DESIGN §4). The salt is shared so every instance hashes a visitor
-- the same way; rows older than 48 h are deleted.
CREATE TABLE visit_salts (
    day  TEXT PRIMARY KEY,
    salt BLOB NOT NULL
);
-- One row per distinct visitor per day: the key makes counting exact with any
-- number of instances.
CREATE TABLE visitor_days (
    site_id INTEGER NOT NULL,
    day     TEXT NOT NULL,
    visitor BLOB NOT NULL,
    PRIMARY KEY (site_id, day, visitor)
);
CREATE TABLE daily_visits (
    site_id  INTEGER NOT NULL,
    day      TEXT NOT NULL,
    visitors BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (site_id, day)
);
CREATE TABLE presence (
    site_id   INTEGER NOT NULL,
    visitor   BLOB NOT NULL,
    last_seen BIGINT NOT NULL,
    PRIMARY KEY (site_id, visitor)
);
CREATE INDEX presence_seen ON presence (site_id, last_seen);
-- Last counted view per visitor and article (unix seconds), for the view window.
CREATE TABLE view_marks (
    site_id    INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    visitor    BLOB NOT NULL,
    last_at    BIGINT NOT NULL,
    PRIMARY KEY (site_id, article_id, visitor)
);
CREATE INDEX view_marks_last ON view_marks (last_at);
