-- Issue 16: one install serves a province's portal, its departments' and its
-- communes', each reached by its host name. The site the install started
-- with keeps host '' and answers every host until it is given one, so a
-- single-site install behaves as before.
ALTER TABLE sites ADD COLUMN host TEXT NOT NULL DEFAULT '';
ALTER TABLE sites ADD COLUMN kind TEXT NOT NULL DEFAULT 'province';
ALTER TABLE sites ADD COLUMN parent_id BIGINT REFERENCES sites(id);
ALTER TABLE sites ADD COLUMN unit_code TEXT NOT NULL DEFAULT '';
ALTER TABLE sites ADD COLUMN base_url TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX sites_host ON sites (host) WHERE host <> '';

-- Bumped by every change to the sites table; each instance polls it and
-- reloads its host table, so a site added on one instance answers on all.
CREATE TABLE sites_version (
    id      INTEGER PRIMARY KEY,
    version BIGINT NOT NULL DEFAULT 0
);
INSERT INTO sites_version (id, version) VALUES (1, 1);

-- A user's roles on sites other than their own (users.site_id, users.role
-- stay the role on the home site, so existing accounts keep working).
CREATE TABLE user_site_roles (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    site_id BIGINT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    role    TEXT NOT NULL,
    PRIMARY KEY (user_id, site_id)
);
CREATE INDEX user_site_roles_site ON user_site_roles (site_id);

-- A token acts on one site only; existing tokens are bound to their
-- owner's site.
ALTER TABLE api_tokens ADD COLUMN site_id BIGINT REFERENCES sites(id);
UPDATE api_tokens SET site_id = (SELECT users.site_id FROM users WHERE users.id = api_tokens.user_id);
