-- Citizen questions and answers, draft-policy consultations, and what their
-- public forms need against bots: a per-site signing secret, used challenge
-- nonces (a token is accepted once) and per-address submission times for
-- rate limits (the address is stored only as an HMAC, never in clear).
CREATE TABLE questions (
    id           INTEGER PRIMARY KEY,
    site_id      INTEGER NOT NULL REFERENCES sites(id),
    token_hash   BLOB NOT NULL UNIQUE, -- SHA-256 of the asker's tracking token
    name         TEXT NOT NULL,
    display_mode TEXT NOT NULL DEFAULT 'full',
    email        TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    field        TEXT NOT NULL,
    title        TEXT NOT NULL,
    slug         TEXT NOT NULL,
    body         TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'new',
    flag         TEXT NOT NULL DEFAULT '',
    assigned_to  INTEGER REFERENCES users(id) ON DELETE SET NULL,
    answer_html  TEXT NOT NULL DEFAULT '',
    answered_by  INTEGER REFERENCES users(id) ON DELETE SET NULL,
    answered_at  TIMESTAMP,
    published_at TIMESTAMP,
    search_text  TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX questions_status ON questions (site_id, status, created_at DESC);
CREATE INDEX questions_published ON questions (site_id, status, published_at DESC, id DESC);

CREATE TABLE form_secrets (
    site_id INTEGER PRIMARY KEY REFERENCES sites(id),
    secret  BLOB NOT NULL
);
CREATE TABLE challenge_uses (
    nonce      TEXT PRIMARY KEY,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX challenge_uses_expires ON challenge_uses (expires_at);
CREATE TABLE form_hits (
    site_id INTEGER NOT NULL,
    ip_hash BLOB NOT NULL,
    at      TIMESTAMP NOT NULL
);
CREATE INDEX form_hits_ip ON form_hits (site_id, ip_hash, at);
CREATE INDEX form_hits_at ON form_hits (at);

CREATE TABLE consultations (
    id          INTEGER PRIMARY KEY,
    site_id     INTEGER NOT NULL REFERENCES sites(id),
    title       TEXT NOT NULL,
    slug        TEXT NOT NULL,
    summary     TEXT NOT NULL DEFAULT '',
    doc_url     TEXT NOT NULL DEFAULT '',
    opens_on    TEXT NOT NULL, -- 'YYYY-MM-DD', Asia/Ho_Chi_Minh
    closes_on   TEXT NOT NULL,
    result_html TEXT NOT NULL DEFAULT '',
    created_by  INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX consultations_site ON consultations (site_id, closes_on DESC);
CREATE TABLE consultation_feedback (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    email           TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    organisation    TEXT NOT NULL DEFAULT '',
    comment         TEXT NOT NULL,
    flag            TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMP NOT NULL
);
CREATE INDEX consultation_feedback_c ON consultation_feedback (consultation_id, id);
