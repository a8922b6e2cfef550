-- Files a citizen uploaded with a submission that came back with an error
-- (a bad birth date, a missing field…), kept so they need not be chosen
-- again on a slow phone. A row is bound to its site, its procedure and the
-- hash of the form's random token (the token itself is only in the
-- citizen's page); one file per component and token. Times are Unix
-- milliseconds; rows past expires_at are deleted with their files by the
-- upload sweep.
CREATE TABLE pending_uploads (
    token_hash   TEXT   NOT NULL,
    component_id BIGINT NOT NULL,
    site_id      BIGINT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    procedure_id BIGINT NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
    name         TEXT   NOT NULL,
    stored_name  TEXT   NOT NULL UNIQUE,
    mime         TEXT   NOT NULL,
    size         BIGINT NOT NULL,
    sha256       TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    PRIMARY KEY (token_hash, component_id)
);
CREATE INDEX pending_uploads_expiry ON pending_uploads (expires_at);
CREATE INDEX pending_uploads_site ON pending_uploads (site_id, expires_at);
