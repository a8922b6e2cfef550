-- Signed electronic results (issue 18): one row per file Cổng signed and
-- issued — a dossier's result or one of its paper forms 01–05 — with the
-- SHA-256 of the exact bytes issued, who signed, when, and a random
-- public code printed in the stamp's QR code. The public check page finds
-- the row by code and compares a presented file's hash. No personal data:
-- the applicant's name is on the paper, not here. stored_name is the
-- signed file under <data>/dossiers ('' once erased with the dossier's
-- personal data); file_id the dossier_files row the citizen downloads a
-- signed result from (NULL for a form), source_id the result file it
-- was signed from; form_id the dossier_forms
-- snapshot a signed form was drawn from.
CREATE TABLE signed_files (
    id          INTEGER PRIMARY KEY,
    site_id     INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    dossier_id  INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('result', 'form')),
    form        INTEGER NOT NULL DEFAULT 0,
    form_id     INTEGER,
    file_id     INTEGER REFERENCES dossier_files(id) ON DELETE SET NULL,
    source_id   INTEGER REFERENCES dossier_files(id) ON DELETE SET NULL,
    name        TEXT NOT NULL,
    stored_name TEXT NOT NULL,
    size        BIGINT NOT NULL,
    sha256      TEXT NOT NULL,
    signer      TEXT NOT NULL,
    unit_name   TEXT NOT NULL,
    code        TEXT NOT NULL UNIQUE,
    signed_by   INTEGER REFERENCES users(id) ON DELETE SET NULL,
    signed_at   TIMESTAMP NOT NULL
);
CREATE INDEX signed_files_dossier ON signed_files (dossier_id, id);
