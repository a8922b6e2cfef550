-- Second factor: the last TOTP step used (codes cannot be replayed), login
-- sessions waiting for their code, and the site rule that admins must use it.
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN mfa_pending BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE sites ADD COLUMN require_admin_totp BOOLEAN NOT NULL DEFAULT FALSE;
