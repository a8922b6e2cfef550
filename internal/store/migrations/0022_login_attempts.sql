-- Login throttling reserves each attempt before the password or code is
-- checked (one upsert per key, store.ReserveAttempt), instead of reading
-- past failures and recording the new one afterwards, which let parallel
-- guesses through. Keys: account+network, network, account (auth.Throttle).
-- Times are Unix milliseconds.
CREATE TABLE login_attempts (
    k            TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    n            BIGINT NOT NULL,
    next_at      BIGINT NOT NULL
);
CREATE INDEX login_attempts_expiry ON login_attempts (window_start);
DROP TABLE login_failures;
