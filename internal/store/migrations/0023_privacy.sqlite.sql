-- Personal data protection (Decree 13/2023/NĐ-CP), issue 12.
--
-- Recovering a lost private link: each wrong (code, email or phone) pair
-- counts against the dossier; at the budget the code is locked for recovery
-- (recovery_locked_at) until an officer resets it on the dossier's page.
ALTER TABLE dossiers ADD COLUMN recovery_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossiers ADD COLUMN recovery_locked_at TIMESTAMP;
-- Set when the retention job erased the applicant's personal fields; the
-- statistics columns (status, dates, unit, procedure, channel) stay.
ALTER TABLE dossiers ADD COLUMN personal_erased_at TIMESTAMP;
-- Months after a dossier is closed before its personal fields are erased;
-- 0 = never (the default: the legal archive period depends on the
-- procedure, so the province decides).
ALTER TABLE sites ADD COLUMN dossier_retention_months INTEGER NOT NULL DEFAULT 0;

-- Rate limits that must hold across instances (recovery, submission): one
-- row per (scope, client key, fixed window), bumped by an upsert that
-- returns the count, so two instances never both take the last hit.
-- Times are Unix seconds; expired rows are pruned by the periodic job.
CREATE TABLE rate_hits (
    scope        TEXT NOT NULL,
    key          TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    hits         INTEGER NOT NULL,
    expires_at   BIGINT NOT NULL,
    PRIMARY KEY (scope, key, window_start)
);
CREATE INDEX rate_hits_expires ON rate_hits (expires_at);

-- The history stays append-only, with one exception: once a dossier's
-- personal data is erased, the applicant's own events may have their actor
-- label replaced by the erasure marker and their note emptied (the name and
-- what the citizen typed are personal data too). Nothing else may change.
DROP TRIGGER dossier_events_no_update;
CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events
WHEN NOT (NEW.actor_label = 'Người nộp hồ sơ (đã xóa dữ liệu cá nhân)'
    AND NEW.note IN (OLD.note, '')
    AND NEW.id = OLD.id AND NEW.dossier_id = OLD.dossier_id AND NEW.at = OLD.at
    AND NEW.actor_id IS OLD.actor_id AND NEW.from_status = OLD.from_status
    AND NEW.to_status = OLD.to_status AND NEW.action = OLD.action
    AND (SELECT personal_erased_at FROM dossiers WHERE id = OLD.dossier_id) IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'dossier_events is append-only'); END;
