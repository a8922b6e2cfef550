-- Dossiers of the one-stop desk (một cửa). A dossier belongs to one site, one
-- procedure and the unit that handles it; its status moves only along the
-- transition table in internal/dossier, each move appended to dossier_events
-- in the same transaction (version is the optimistic-lock counter).
-- Times are UTC; applicant_dob is a civil date kept as 'YYYY-MM-DD' text so
-- no engine shifts it by a time zone.
CREATE TABLE dossiers (
    id                   INTEGER PRIMARY KEY,
    site_id              INTEGER NOT NULL REFERENCES sites(id),
    code                 TEXT NOT NULL UNIQUE,
    procedure_id         INTEGER NOT NULL REFERENCES procedures(id),
    unit_id              INTEGER NOT NULL REFERENCES units(id),
    channel              INTEGER NOT NULL CHECK (channel BETWEEN 1 AND 3),
    status               INTEGER NOT NULL CHECK (status BETWEEN 1 AND 10),
    prev_status          INTEGER NOT NULL DEFAULT 0,
    applicant_name       TEXT NOT NULL,
    applicant_folded     TEXT NOT NULL DEFAULT '',
    applicant_id_number  TEXT NOT NULL DEFAULT '',
    applicant_dob        TEXT NOT NULL DEFAULT '',
    applicant_phone      TEXT NOT NULL DEFAULT '',
    applicant_email      TEXT NOT NULL DEFAULT '',
    applicant_address    TEXT NOT NULL DEFAULT '',
    private_token_hash   TEXT NOT NULL DEFAULT '',
    idempotency_key      TEXT UNIQUE,
    submitted_at         TIMESTAMP NOT NULL,
    responded_at         TIMESTAMP,
    received_at          TIMESTAMP,
    due_at               TIMESTAMP,
    finished_at          TIMESTAMP,
    returned_at          TIMESTAMP,
    paused_at            TIMESTAMP,
    paused_total_seconds BIGINT NOT NULL DEFAULT 0,
    supplement_count     INTEGER NOT NULL DEFAULT 0,
    assignee_id          INTEGER REFERENCES users(id) ON DELETE SET NULL,
    result_file          TEXT,
    created_by           INTEGER REFERENCES users(id) ON DELETE SET NULL,
    updated_at           TIMESTAMP NOT NULL,
    version              INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX dossiers_queue ON dossiers (site_id, unit_id, status, due_at);
CREATE INDEX dossiers_site_status ON dossiers (site_id, status, due_at);
CREATE INDEX dossiers_id_number ON dossiers (site_id, applicant_id_number);
CREATE INDEX dossiers_assignee ON dossiers (assignee_id, status);
-- The private link (/ho-so-cua-toi/{token}) finds its dossier by the hash.
CREATE INDEX dossiers_private_token ON dossiers (private_token_hash);

CREATE TABLE dossier_files (
    id          INTEGER PRIMARY KEY,
    dossier_id  INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    component_id INTEGER,
    kind        TEXT NOT NULL CHECK (kind IN ('component', 'supplement', 'result')),
    name        TEXT NOT NULL,
    stored_name TEXT NOT NULL,
    mime        TEXT NOT NULL,
    size        BIGINT NOT NULL,
    sha256      TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX dossier_files_dossier ON dossier_files (dossier_id, id);

-- Append-only history: triggers refuse edits, like audit_log.
CREATE TABLE dossier_events (
    id          INTEGER PRIMARY KEY,
    dossier_id  INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    at          TIMESTAMP NOT NULL,
    actor_id    INTEGER REFERENCES users(id) ON DELETE SET NULL,
    actor_label TEXT NOT NULL DEFAULT '',
    from_status INTEGER NOT NULL,
    to_status   INTEGER NOT NULL,
    action      TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dossier_events_dossier ON dossier_events (dossier_id, id);
CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events
BEGIN SELECT RAISE(ABORT, 'dossier_events is append-only'); END;
CREATE TRIGGER dossier_events_no_delete BEFORE DELETE ON dossier_events
WHEN (SELECT COUNT(*) FROM dossiers WHERE id = OLD.dossier_id) > 0
BEGIN SELECT RAISE(ABORT, 'dossier_events is append-only'); END;

-- Per unit and receipt day (+07:00) sequence for dossier codes; bumped with
-- an upsert so concurrent submissions never share or skip a number.
CREATE TABLE dossier_seq (
    site_id   INTEGER NOT NULL REFERENCES sites(id),
    unit_code TEXT NOT NULL,
    day       TEXT NOT NULL,
    last      INTEGER NOT NULL,
    PRIMARY KEY (site_id, unit_code, day)
);

-- Which units an officer works for: officers see only their units' dossiers.
CREATE TABLE user_units (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, unit_id)
);
CREATE INDEX user_units_unit ON user_units (unit_id);
