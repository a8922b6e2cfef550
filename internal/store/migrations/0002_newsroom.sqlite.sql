-- Newsroom: staff accounts, sessions, API tokens, the audit log, and what the
-- editorial workflow needs on articles.
CREATE TABLE users (
    id                  INTEGER PRIMARY KEY,
    site_id             INTEGER NOT NULL REFERENCES sites(id),
    username            TEXT NOT NULL,
    name                TEXT NOT NULL DEFAULT '',
    email               TEXT NOT NULL DEFAULT '',
    role                TEXT NOT NULL,
    password_hash       TEXT NOT NULL,
    disabled            BOOLEAN NOT NULL DEFAULT FALSE,
    totp_secret         TEXT NOT NULL DEFAULT '',
    created_at          TIMESTAMP NOT NULL,
    updated_at          TIMESTAMP NOT NULL,
    password_changed_at TIMESTAMP NOT NULL,
    UNIQUE (site_id, username)
);

-- Only a hash of the session secret is stored: a leaked database does not
-- leak live sessions.
CREATE TABLE sessions (
    id_hash      BLOB PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf         TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    ip           TEXT NOT NULL DEFAULT '',
    user_agent   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name         TEXT NOT NULL DEFAULT '',
    token_hash   BLOB NOT NULL UNIQUE,
    created_at   TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at   TIMESTAMP
);

-- Failed logins, for throttling per account and per client address across
-- instances. Rows older than the throttle window are deleted.
CREATE TABLE login_failures (
    id       INTEGER PRIMARY KEY,
    username TEXT NOT NULL,
    ip       TEXT NOT NULL,
    at       BIGINT NOT NULL
);
CREATE INDEX login_failures_user ON login_failures (username, at);
CREATE INDEX login_failures_ip ON login_failures (ip, at);

-- Append-only: the triggers refuse updates and deletes, whatever the caller.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    site_id     INTEGER NOT NULL,
    at          TIMESTAMP NOT NULL,
    user_id     INTEGER,
    username    TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL,
    object_type TEXT NOT NULL DEFAULT '',
    object_id   BIGINT NOT NULL DEFAULT 0,
    detail      TEXT NOT NULL DEFAULT '',
    ip          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (site_id, at DESC);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE articles ADD COLUMN author_id INTEGER REFERENCES users(id);
ALTER TABLE articles ADD COLUMN review_comment TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN scheduled_at TIMESTAMP;
CREATE INDEX articles_scheduled ON articles (status, scheduled_at);

-- Every save keeps a revision.
CREATE TABLE article_revisions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    title      TEXT NOT NULL,
    summary    TEXT NOT NULL,
    body_html  TEXT NOT NULL,
    author     TEXT NOT NULL,
    source     TEXT NOT NULL,
    status     TEXT NOT NULL,
    saved_by   INTEGER REFERENCES users(id),
    saved_at   TIMESTAMP NOT NULL,
    UNIQUE (article_id, version)
);

-- Bumped on every public content change; every instance polls it and drops
-- its page cache when it moves, so a publish shows everywhere within a
-- second.
CREATE TABLE content_versions (
    site_id INTEGER PRIMARY KEY,
    version BIGINT NOT NULL DEFAULT 0
);
