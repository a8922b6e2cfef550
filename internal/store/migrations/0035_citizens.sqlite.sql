-- Citizens who sign in (issue 17), apart from staff users and their roles.
-- A citizen is found by the OpenID provider's subject (oidc_issuer,
-- oidc_subject), or by an e-mail address proven with a one-time code.
-- id_number is the CCCD number only as a provider asserted it (never as
-- typed), so it can be unique; the profile_* fields are what the citizen
-- typed last and are only used to fill the next form.
CREATE TABLE citizens (
    id                INTEGER PRIMARY KEY,
    site_id           INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    oidc_issuer       TEXT NOT NULL DEFAULT '',
    oidc_subject      TEXT NOT NULL DEFAULT '',
    email             TEXT NOT NULL DEFAULT '',
    id_number         TEXT NOT NULL DEFAULT '',
    name              TEXT NOT NULL DEFAULT '',
    dob               TEXT NOT NULL DEFAULT '',
    address           TEXT NOT NULL DEFAULT '',
    phone             TEXT NOT NULL DEFAULT '',
    profile_id_number TEXT NOT NULL DEFAULT '',
    created_at        TIMESTAMP NOT NULL,
    last_login_at     TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX citizens_subject ON citizens (site_id, oidc_issuer, oidc_subject) WHERE oidc_subject <> '';
CREATE UNIQUE INDEX citizens_email ON citizens (site_id, email) WHERE email <> '';
CREATE UNIQUE INDEX citizens_id_number ON citizens (site_id, id_number) WHERE id_number <> '';

-- Citizens' sessions: only the SHA-256 of the cookie's secret is kept.
CREATE TABLE citizen_sessions (
    id_hash      TEXT PRIMARY KEY,
    citizen_id   INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
    csrf         TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    ip           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX citizen_sessions_citizen ON citizen_sessions (citizen_id);

-- One-time sign-in codes by mail: one live code per address, hashed,
-- bound to the address, dead after expires_at or max tries.
CREATE TABLE citizen_codes (
    site_id    INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    email      TEXT NOT NULL,
    code_hash  TEXT NOT NULL,
    tries      INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    PRIMARY KEY (site_id, email)
);

-- OpenID Connect sign-ins in flight: state, nonce and PKCE verifier live
-- here, not in process memory, so the provider may send the browser back
-- to any instance; a row is deleted when used, so a state works once.
CREATE TABLE citizen_oidc_logins (
    state_hash TEXT PRIMARY KEY,
    site_id    INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    nonce      TEXT NOT NULL,
    verifier   TEXT NOT NULL,
    next       TEXT NOT NULL DEFAULT '',
    expires_at TIMESTAMP NOT NULL
);

-- Dossiers submitted while signed in, or claimed with their private link.
ALTER TABLE dossiers ADD COLUMN citizen_id INTEGER REFERENCES citizens(id) ON DELETE SET NULL;
CREATE INDEX dossiers_citizen ON dossiers (citizen_id, id);

-- A component the citizen reused from the data store ("tái sử dụng").
ALTER TABLE dossier_files ADD COLUMN reused INTEGER NOT NULL DEFAULT 0;

-- The citizen's data store (kho dữ liệu): papers submitted before and
-- results issued. A paper points at a stored dossier file (stored_name);
-- reusing it copies the file, so deleting a paper never touches a dossier.
-- dossier_file_id keeps a result from being added twice; a deleted
-- paper stays as an empty tombstone so it is not added again.
CREATE TABLE citizen_papers (
    id              INTEGER PRIMARY KEY,
    citizen_id      INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('component', 'result')),
    label           TEXT NOT NULL,
    name            TEXT NOT NULL,
    stored_name     TEXT NOT NULL,
    mime            TEXT NOT NULL,
    size            BIGINT NOT NULL,
    sha256          TEXT NOT NULL,
    dossier_id      INTEGER REFERENCES dossiers(id) ON DELETE SET NULL,
    dossier_file_id INTEGER UNIQUE,
    created_at      TIMESTAMP NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX citizen_papers_citizen ON citizen_papers (citizen_id, id);
