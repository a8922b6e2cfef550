-- Durable mail outbox. A notification is a row inserted in the transaction of
-- the dossier event that calls for it, so it exists exactly when the event
-- does; a worker on any instance sends it later. An SMTP outage only delays
-- rows (attempts, last_error, next_attempt_at); rows are never deleted, so
-- what was sent, and what failed for good, stays visible to admins.
--
-- kind + data (JSON) are rendered at send time by internal/mail; token makes
-- the Message-ID stable across retries, so a receiver can drop the duplicate
-- of a message whose "sent" mark was lost in a crash.
--
-- Claims: a worker takes a row with
--   UPDATE … SET lease_owner, lease_until WHERE id = ? AND status = 'queued'
--   AND next_attempt_at <= now AND (lease_until IS NULL OR lease_until < now)
-- which only one instance can win; the lease outlasts the sender's hard
-- deadline, so a healthy sender never sees its row taken over.
--
-- dedupe_key (NULL for most rows) makes an alert once-only across instances:
-- the near-due alert of a dossier is keyed by its appointment and officer.
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY,
    site_id         INTEGER NOT NULL REFERENCES sites(id),
    dossier_id      INTEGER REFERENCES dossiers(id) ON DELETE SET NULL,
    kind            TEXT NOT NULL,
    recipient       TEXT NOT NULL,
    recipient_name  TEXT NOT NULL DEFAULT '',
    data            TEXT NOT NULL DEFAULT '{}',
    token           TEXT NOT NULL,
    dedupe_key      TEXT UNIQUE,
    status          TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMP NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    lease_owner     TEXT NOT NULL DEFAULT '',
    lease_until     TIMESTAMP,
    sent_at         TIMESTAMP
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_site ON mail_outbox (site_id, id);
CREATE INDEX mail_outbox_dossier ON mail_outbox (dossier_id);

-- The near-due scan (store.EnqueueNearDue) looks at dossiers in progress by
-- appointment, across sites, every few minutes on every instance.
CREATE INDEX dossiers_open_due ON dossiers (status, due_at);
