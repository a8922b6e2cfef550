-- Online fees (issue 18). procedure_fees are a procedure's fees in whole
-- đồng, read from the catalogue's free-text fee cell at import and edited
-- in the admin form: phí (a service charge) or lệ phí (a state charge).
CREATE TABLE procedure_fees (
    procedure_id BIGINT NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('phi', 'le_phi')),
    amount       BIGINT NOT NULL CHECK (amount > 0),
    description  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (procedure_id, position)
);

-- One row per amount asked of a dossier: at submission, or when the
-- officer asks (status 6). order_id is the reference the gateway signs;
-- provider_txn_id its transaction number once paid. items is the fees
-- asked, as JSON, so the receipt shows what was paid even after the
-- procedure's fees change. mismatch is set by a refused callback (amount)
-- or by reconciliation, and shown on the admin page until cleared by a
-- later reconciliation that agrees.
CREATE TABLE payments (
    id            INTEGER PRIMARY KEY,
    site_id             BIGINT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    dossier_id          BIGINT NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    kind                TEXT NOT NULL CHECK (kind IN ('submission', 'request')),
    amount              BIGINT NOT NULL CHECK (amount > 0),
    items               TEXT NOT NULL DEFAULT '[]',
    provider            TEXT NOT NULL,
    order_id            TEXT NOT NULL UNIQUE,
    state               TEXT NOT NULL CHECK (state IN ('pending', 'paid', 'failed', 'refund_pending', 'refunded')),
    provider_txn_id     TEXT NOT NULL DEFAULT '',
    response_code       TEXT NOT NULL DEFAULT '',
    bank_code           TEXT NOT NULL DEFAULT '',
    mismatch            TEXT NOT NULL DEFAULT '',
    refund_txn_id       TEXT NOT NULL DEFAULT '',
    refund_error        TEXT NOT NULL DEFAULT '',
    refund_attempts     INTEGER NOT NULL DEFAULT 0,
    created_at          TIMESTAMP NOT NULL,
    updated_at          TIMESTAMP NOT NULL,
    paid_at             TIMESTAMP,
    refund_requested_at TIMESTAMP,
    refunded_at         TIMESTAMP,
    reconciled_at       TIMESTAMP
);
CREATE INDEX payments_dossier ON payments (dossier_id, id);
CREATE INDEX payments_site_state ON payments (site_id, state, created_at);
CREATE INDEX payments_site_created ON payments (site_id, created_at);
