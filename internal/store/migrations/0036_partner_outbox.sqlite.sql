-- The partner outbox (issue 18): the national portal's status sync and SMS.
-- A row is written in the transaction of the dossier event that calls for
-- it (store.afterDossierEvent), so it exists exactly when the event does;
-- partner.Worker delivers it later on any instance. Mail keeps its own
-- table (0018): its rows carry a recipient and a Message-ID, these carry
-- a channel, an idempotency key and an order per dossier.
--
-- Order per dossier: a row is offered only when no earlier row (smaller
-- id) of the same dossier and channel is still pending or failed. Moves of
-- one dossier are serialised by its version check, so ids follow the
-- events' order on both engines.
--
-- Claims as in mail_outbox: a conditional UPDATE of the lease that only one
-- instance can win. idem_key is sent with every attempt; the partner drops
-- a repeat, so a crash between its answer and our mark costs nothing.
--
-- Rows are written only for channels that are configured (a province with
-- no --sync-url records nothing); delivered rows older than the retention
-- are deleted by the worker.
CREATE TABLE partner_outbox (
    id              INTEGER PRIMARY KEY,
    site_id         INTEGER NOT NULL REFERENCES sites(id),
    dossier_id      INTEGER REFERENCES dossiers(id) ON DELETE SET NULL,
    channel         TEXT NOT NULL CHECK (channel IN ('sync', 'sms')),
    kind            TEXT NOT NULL,
    recipient       TEXT NOT NULL DEFAULT '',
    payload         TEXT NOT NULL DEFAULT '{}',
    idem_key        TEXT NOT NULL UNIQUE,
    status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'failed', 'dead', 'delivered')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMP NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    lease_owner     TEXT NOT NULL DEFAULT '',
    lease_until     TIMESTAMP,
    delivered_at    TIMESTAMP
);
CREATE INDEX partner_outbox_due ON partner_outbox (channel, status, next_attempt_at);
CREATE INDEX partner_outbox_line ON partner_outbox (dossier_id, channel, id);
CREATE INDEX partner_outbox_site ON partner_outbox (site_id, channel, status, id);

-- The applicant said no to text messages (a box at submission, or the
-- link on the dossier's private page).
ALTER TABLE dossiers ADD COLUMN sms_opt_out INTEGER NOT NULL DEFAULT 0;
