-- A site's look, set by its editors without code (issue 19): the home page
-- blocks in order, the quick links (banners) of the "links" block, the menu
-- (one level of nesting: a depth-1 row belongs to the depth-0 row before
-- it) and the logo and banner pictures. Each list is replaced whole when
-- saved, so a row's key is its position. Pictures are media library rows;
-- deleting one from the library leaves the link or logo without a picture.
CREATE TABLE home_blocks (
    site_id     BIGINT  NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    kind        TEXT    NOT NULL,
    title       TEXT    NOT NULL DEFAULT '',
    category_id BIGINT  REFERENCES categories(id) ON DELETE CASCADE,
    doc_type    TEXT    NOT NULL DEFAULT '',
    count       INTEGER NOT NULL DEFAULT 5,
    PRIMARY KEY (site_id, position)
);

CREATE TABLE home_links (
    site_id  BIGINT  NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label    TEXT    NOT NULL,
    url      TEXT    NOT NULL,
    media_id BIGINT  REFERENCES media(id) ON DELETE SET NULL,
    alt      TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (site_id, position)
);

CREATE TABLE menu_items (
    site_id  BIGINT  NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    depth    INTEGER NOT NULL DEFAULT 0 CHECK (depth IN (0, 1)),
    label    TEXT    NOT NULL,
    url      TEXT    NOT NULL,
    PRIMARY KEY (site_id, position)
);

CREATE TABLE site_identity (
    site_id    BIGINT PRIMARY KEY REFERENCES sites(id) ON DELETE CASCADE,
    logo_id    BIGINT REFERENCES media(id) ON DELETE SET NULL,
    logo_alt   TEXT   NOT NULL DEFAULT '',
    banner_id  BIGINT REFERENCES media(id) ON DELETE SET NULL,
    banner_alt TEXT   NOT NULL DEFAULT ''
);
