-- Legal documents library (văn bản). Dates are calendar days as
-- 'YYYY-MM-DD' text ('' = not known): they have no time or zone, and text
-- compares the same on both engines.
CREATE TABLE documents (
    id             INTEGER PRIMARY KEY,
    site_id        INTEGER NOT NULL REFERENCES sites(id),
    number         TEXT NOT NULL,
    number_key     TEXT NOT NULL,
    type           TEXT NOT NULL,
    issuer         TEXT NOT NULL,
    issuer_key     TEXT NOT NULL,
    signer         TEXT NOT NULL DEFAULT '',
    field          TEXT NOT NULL DEFAULT '',
    abstract       TEXT NOT NULL DEFAULT '',
    issue_date     TEXT NOT NULL,
    issue_year     INTEGER NOT NULL,
    effective_date TEXT NOT NULL DEFAULT '',
    expiry_date    TEXT NOT NULL DEFAULT '',
    replaced_by    INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    search_text    TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL,
    author_id      INTEGER REFERENCES users(id) ON DELETE SET NULL,
    review_comment TEXT NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 1,
    published_at   TIMESTAMP,
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
-- One number and symbol per issuing body and year: the same symbol is
-- reused by a body every year, and by other bodies.
CREATE UNIQUE INDEX documents_unique_number ON documents (site_id, issuer_key, issue_year, number_key);
CREATE INDEX documents_key ON documents (site_id, number_key);
CREATE INDEX documents_public ON documents (site_id, status, issue_date DESC);

-- Attached files live in the database with their document: written in the
-- same transaction (nothing half-saved, nothing orphaned), shared by every
-- instance and included in backups. They are size-limited at upload.
CREATE TABLE document_files (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    mime        TEXT NOT NULL,
    ext         TEXT NOT NULL,
    size        BIGINT NOT NULL,
    sha256      TEXT NOT NULL,
    data        BLOB NOT NULL,
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX document_files_doc ON document_files (document_id, position);

-- Which articles cite which document numbers, refreshed whenever an article
-- is saved. Edges point at the number's key, not a document id, so a
-- document added or published later is cited by articles written before.
CREATE TABLE document_citations (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    site_id    INTEGER NOT NULL,
    number_key TEXT NOT NULL,
    year       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, number_key, year)
);
CREATE INDEX document_citations_key ON document_citations (site_id, number_key);
